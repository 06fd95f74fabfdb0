"""Properties of commitment extraction and comparison (generated text, not real).

Sentences are built from real stance phrases and generated objects, and the seed
is revised by the revision generator; neither is presented as a real declaration.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from declcompare import CommitmentChange, Declaration, compare
from declcompare.commitments import declaration_commitments
from declcompare.synth import demo_donors, generate_revision
from tests.helpers import seed_doc
from tests.property.strategies import paragraphs

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEED_SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

subjects = st.sampled_from(["The member states", "They", "The SCO", "The Republic of India"])
predicates = st.sampled_from(
    [
        "welcome", "take note of", "firmly support", "will continue to strengthen",
        "intend to expand", "express concern over", "call for", "do not support",
        "are in favour of", "reaffirm their commitment to", "noted",
    ]
)  # fmt: skip
objects = st.sampled_from(
    [
        "the generated plan for glacier monitoring",
        "cooperation in generated test matters",
        "the efforts that aim to build trust",
        "the talks held in Generated City on 3 May 2031",
    ]
)
sentences = st.builds(lambda s, p, o: f"{s} {p} {o}.", subjects, predicates, objects)
stance_paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)


def check_spans(d: Declaration) -> None:
    previous = (-1, -1, -1)
    for c in declaration_commitments(d):
        text = d.paragraphs[c.paragraph_index].text
        assert text[c.predicate_start : c.predicate_end] == c.predicate
        assert text[c.object_start : c.object_end] == c.object
        assert 0 <= c.text_start <= c.predicate_start < c.predicate_end <= c.text_end <= len(text)
        key = (c.paragraph_index, c.sentence_index, c.predicate_start)
        assert key > previous
        previous = key


@SETTINGS
@given(st.lists(stance_paragraphs, min_size=1, max_size=6))
def test_every_sentence_with_a_stance_phrase_yields_its_commitment(texts: list[str]) -> None:
    texts = ["The member states note the generated report.", *texts]
    d = Declaration.from_paragraphs(texts, title="generated")
    found = declaration_commitments(d)
    check_spans(d)
    per_paragraph = Counter(c.paragraph_index for c in found)
    for index, text in enumerate(texts):
        assert per_paragraph[index] == text.count(". ") + 1  # one per generated sentence
    assert all(c.actor not in ("they", "(not stated)") for c in found)


@SETTINGS
@given(st.lists(paragraphs, min_size=0, max_size=10))
def test_extraction_never_fails_and_spans_hold(texts: list[str]) -> None:
    d = Declaration.from_paragraphs(texts, title="generated")
    check_spans(d)
    assert declaration_commitments(d) == declaration_commitments(
        Declaration.from_paragraphs(texts, title="generated")
    )


@SEED_SETTINGS
@given(st.integers(0, 10_000))
def test_a_declaration_against_itself_restates_every_commitment(seed: int) -> None:
    revision = generate_revision(seed_doc(), seed=seed, donors=demo_donors()).declaration
    frame = compare(revision, revision).commitments()
    assert set(frame["change"]) <= {CommitmentChange.RESTATED.value}
    assert len(frame) == len(declaration_commitments(revision))


@SEED_SETTINGS
@given(st.integers(0, 10_000))
def test_every_commitment_of_both_sides_appears_once(seed: int) -> None:
    revision = generate_revision(seed_doc(), seed=seed, donors=demo_donors()).declaration
    changes = compare(seed_doc(), revision).commitment_changes()
    olds = Counter(id(a) for _, a, _, _ in changes if a is not None)
    news = Counter(id(b) for _, _, b, _ in changes if b is not None)
    assert sorted(olds.values()) == [1] * len(declaration_commitments(seed_doc()))
    assert sorted(news.values()) == [1] * len(declaration_commitments(revision))
    for _, a, b, change in changes:
        assert (a is None) == (change is CommitmentChange.NEW)
        assert (b is None) == (change is CommitmentChange.DROPPED)


_SWAPPED = {
    "new": {"dropped"},
    "dropped": {"new"},
    "strengthened": {"weakened", "fulfilled"},
    "weakened": {"strengthened"},
    "fulfilled": {"strengthened"},  # asked again for what had been received
    "changed_stance": {"changed_stance"},
    "changed_object": {"changed_object"},
    "routine": {"routine"},
    "restated": {"restated"},
}


def _rows(old: Declaration, new: Declaration) -> dict[tuple[str, int, int], str]:
    out: dict[tuple[str, int, int], str] = {}
    for _, a, b, change in compare(old, new).commitment_changes():
        key = (
            "pair" if a is not None and b is not None else "alone",
            a.predicate_start + 100_000 * a.paragraph_index if a is not None else -1,
            b.predicate_start + 100_000 * b.paragraph_index if b is not None else -1,
        )
        out[key] = change.value
    return out


@SEED_SETTINGS
@given(st.integers(0, 10_000))
def test_swapping_the_texts_swaps_new_and_dropped_strengthened_and_weakened(seed: int) -> None:
    revision = generate_revision(seed_doc(), seed=seed, donors=demo_donors()).declaration
    forward = _rows(seed_doc(), revision)
    backward = {(k, b, a): v for (k, a, b), v in _rows(revision, seed_doc()).items()}
    assert forward.keys() == backward.keys()
    for key, change in forward.items():
        assert backward[key] in _SWAPPED[change], (key, change, backward[key])
