"""Named entities of commitment objects: the vocabulary is data; long titles and lists.

The phrases here are written for the tests (some name real treaties), not quoted from any
declaration.
"""

from __future__ import annotations

import pytest

from declcompare.commitments.entities import find_entities


def test_entity_vocabulary_is_data() -> None:
    from declcompare.commitments.entities import vocabulary

    known = vocabulary()
    kinds = dict(known.kinds)
    assert {"treaty", "initiative", "body", "place"} <= set(kinds)
    assert "Convention" in kinds["treaty"]
    assert "BTWC" in known.treaty_acronyms


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a long title keeps its commas and "and"s
        ("support the Convention on the Prohibition of the Development, Production and "
         "Stockpiling of Generated (Biological) and Toxin Weapons and on Their Destruction "
         "(BTWC) as a pillar",
         [("Convention on the Prohibition of the Development, Production and Stockpiling of "
           "Generated (Biological) and Toxin Weapons and on Their Destruction (BTWC)", "treaty")]),
        # lists stay lists: of states, and of names that each end in a head word
        ("the decisions of Kyrgyzstan and Uzbekistan",
         [("Kyrgyzstan", "place"), ("Uzbekistan", "place")]),
        ("the Comprehensive Nuclear-Test-Ban Treaty and the Paris Agreement",
         [("Comprehensive Nuclear-Test-Ban Treaty", "treaty"), ("Paris Agreement", "treaty")]),
        ("the Convention on the Generated Weapons and on their Destruction (GWC) applies",
         [("Convention on the Generated Weapons and on their Destruction (GWC)", "treaty")]),
        ("the work of NATO and the SCO Energy Club",
         [("NATO", "body"), ("SCO Energy Club", "body")]),
        # ... but a name whose parts do not each end in a head word is one name
        ("the Committee on Generated Fisheries of the Food and Agriculture Organization",
         [("Committee on Generated Fisheries of the Food and Agriculture Organization",
           "body")]),
        ("the Convention on the Privileges and Immunities of the Generated Union",
         [("Convention on the Privileges and Immunities of the Generated Union", "body")]),
        ("the Declaration on Cooperation between the Generated Union and the Generated "
         "Organization",
         [("Declaration on Cooperation between the Generated Union and the Generated "
           "Organization", "body")]),
        # a comma before "the" or "in" ends a title; a two-word state is no part of one
        ("the Agenda for Generated Development, the Sendai Framework",
         [("Agenda for Generated Development", "initiative"), ("Sendai Framework", "name")]),
        ("the Convention on Generated Change, in Belém",
         [("Convention on Generated Change", "treaty"), ("Belém", "place")]),
        ("the leaders of Japan, the Republic of Korea, and the United States",
         [("Japan", "place"), ("Republic of Korea", "place"), ("United States", "place")]),
        ("the Programme for Cooperation, Kazakhstan and Uzbekistan",
         [("Programme for Cooperation", "initiative"), ("Kazakhstan", "place"),
          ("Uzbekistan", "place")]),
    ],
)  # fmt: skip
def test_names_of_long_titles_and_lists(text: str, names: list[tuple[str, str]]) -> None:
    assert [(e.text, e.kind) for e in find_entities(text, 0, len(text))] == names


def test_a_name_with_and_that_lists_nothing_stays_whole() -> None:
    text = "the Organisation for Security and Co-operation in Europe"
    found = find_entities(text, 0, len(text))
    assert [e.text for e in found] == ["Organisation for Security and Co-operation in Europe"]


def test_a_title_and_its_acronym_are_one_entity() -> None:
    from declcompare.compare.entities import entity_key

    long = "Convention on the Prohibition of the Generated Weapons and on Their Destruction (GWC)"
    other = "Convention on Prohibition of the Generated Weapons and on Their Destruction (GWC)"
    assert entity_key(long) == entity_key(other) == entity_key("GWC") == "gwc"
    assert entity_key("Toxin Weapons (Biological)") == "toxin weapons (biological)"
    # an acronym of the last words only is not the name's own
    statement = "Statement of the Council on the Generated Coronavirus Infection (COVID-19)"
    assert entity_key(statement) == statement.casefold()
    assert entity_key("The SCO Energy Club") == "sco energy club"
    # the acronym of the last words is theirs, not the whole name's
    assert (
        entity_key("Charter of the Generated Nations (GN)")
        == "charter of the generated nations (gn)"
    )
    assert entity_key("Generated Nations (GN)") == "gn"


def test_issuer_keys_name_the_organisation_and_its_acronym() -> None:
    from declcompare import Declaration
    from declcompare.compare.entities import issuer_keys

    d = Declaration.from_paragraphs(
        ["Generated text."], title="generated", organisation="Shanghai Cooperation Organisation"
    )
    assert issuer_keys(d) == {"shanghai cooperation organisation", "sco"}
    for organisation, short in [
        ("Quad (Australia, India, Japan, United States)", "quad"),
        ("U.S.-EU Trade and Technology Council", "ttc"),
        ("Major Economies Forum on Energy and Climate", "mef"),
    ]:
        other = Declaration.from_paragraphs(["Generated."], title="g", organisation=organisation)
        assert short in issuer_keys(other)
    assert issuer_keys(Declaration.from_paragraphs(["Generated."], title="generated")) == set()


def test_a_head_word_alone_is_no_name_in_the_names_table() -> None:
    from declcompare import Declaration, compare

    old = Declaration.from_paragraphs(
        ["The member states adopted the Statement on generated matters. The Council met in "
         "Asia. They welcome the work of RATS."],
        title="generated A",
    )  # fmt: skip
    new = Declaration.from_paragraphs(
        ["The member states noted the Statement on generated matters. The Council met in "
         "Asia. They note the work of RATS."],
        title="generated B",
    )  # fmt: skip
    names = set(compare(old, new).entities()["entity"])
    assert {"Asia", "RATS"} <= names  # a place and an acronym are names on their own
    assert not names & {"Statement", "Council"}  # a kind of thing, not one thing
