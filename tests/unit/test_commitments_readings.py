"""Readings found wanting on the development sample of main commitments
(``benchmarks/accuracy/gold/commitments/dev-main-commitments.toml``). The sentences
are written for the tests, not quoted from any declaration.
"""

from __future__ import annotations

import pytest

from declcompare import Declaration
from declcompare.commitments import Commitment, declaration_commitments

SCO = "Shanghai Cooperation Organisation"


def commitments(*texts: str, organisation: str | None = None) -> list[Commitment]:
    d = Declaration.from_paragraphs(list(texts), title="generated", organisation=organisation)
    return list(declaration_commitments(d))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # adjectives joined by "and" inside a phrase
        ("Today we reaffirm our consistent and unwavering support for the generated body.",
         [("we", "reaffirm our consistent and unwavering support for", "support")]),
        ("The member states deem it important to strengthen generated ties.",
         [("the member states", "deem it important to strengthen", "emphasise")]),
        ("The member states consider it essential to ensure a generated settlement.",
         [("the member states", "consider it essential to ensure", "emphasise")]),
        ("The member states believe it is necessary to develop generated contacts.",
         [("the member states", "believe it is necessary", "emphasise")]),
        ("Recognizing the generated risks, we need to empower generated communities.",
         [("we", "Recognizing", "recognise"), ("we", "need to empower", "undertake")]),
        # a restrictive relative clause says which member states speak
        ("The Member States that are parties to the generated Treaty are in favour of its "
         "strict observance.",
         [("the member states that are parties to the generated Treaty", "are in favour of",
           "support")]),
        ("The Member States that are parties to the Treaty on the Generated Non-Proliferation "
         "of Nuclear Weapons are in favour of its strict observance.",
         [("the member states that are parties to the Treaty on the Generated Non-Proliferation "
           "of Nuclear Weapons", "are in favour of", "support")]),
    ],
)  # fmt: skip
def test_wordings_of_the_development_sample(text: str, found: list[tuple[str, str, str]]) -> None:
    cs = commitments(text, organisation=SCO)
    assert [(c.actor, c.predicate, c.stance.value) for c in cs] == found


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The member states reaffirm the need to launch generated talks.", "reaffirm"),
        ("They stress the urgent need to act on the generated plan.", "stress"),
    ],
)
def test_the_noun_need_is_no_modal(text: str, predicate: str) -> None:
    cs = commitments(text, organisation=SCO)
    assert [c.predicate for c in cs] == [predicate]


def test_a_capitalised_bullet_under_we_will_is_an_undertaking() -> None:
    cs = commitments(
        "We support the generated recovery. With this in mind, we will:",
        "- Protect generated stability in our economies.",
        "- Support for the generated fund is growing.",
        "- Further generated actions were discussed.",
    )
    bullets = [(c.paragraph_index, c.predicate, c.stance.value, c.strength) for c in cs[1:]]
    # the lead-in is "we will:", not the sentence before it; nouns open no undertaking
    assert bullets == [(1, "Protect", "undertake", 4)]
