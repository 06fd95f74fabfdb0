"""Commitments of the real seed (Moscow Declaration, 10 November 2020), checked by hand.

Each expectation below was written by reading the paragraph: the actor, lemma and
stance of its main (first) commitment. Paragraph 1 describes the world and takes
no position; it must yield nothing.
"""

from __future__ import annotations

from functools import cache

import pytest

from declcompare import Commitment, Declaration, extract_commitments, load_seed
from declcompare.commitments import declaration_commitments

M = "the member states"
STATES_58 = (
    "the Republic of Kazakhstan, the Kyrgyz Republic, the Islamic Republic of Pakistan, "
    "the Russian Federation, the Republic of Tajikistan and the Republic of Uzbekistan"
)

# paragraph index -> (actor, lemma, stance) of its first commitment
EXPECTED: dict[int, tuple[str, str, str]] = {
    0: (M, "declare", "declare"),
    2: (M, "note", "note"),
    3: (M, "strengthen", "undertake"),
    4: (M, "support", "support"),
    5: (M, "support", "support"),
    6: ("the SCO", "build up", "undertake"),  # "..., which will continue building up"
    7: (M, "note", "note"),
    8: (M, "welcome", "welcome"),
    9: (M, "believe", "believe"),
    10: (M, "continue", "undertake"),
    11: (M, "support", "support"),
    12: (M, "emphasise", "emphasise"),
    13: (M, "commend", "commend"),
    14: (M, "welcome", "welcome"),
    15: (M, "reaffirm", "reaffirm"),
    16: (M, "note", "note"),
    17: (M, "implement", "emphasise"),  # "consider it important to implement"
    18: (M, "note", "note"),
    19: (M, "emphasise", "emphasise"),
    20: (M, "express concern", "concern"),
    21: (M, "believe", "believe"),
    22: (M, "facilitate", "intend"),  # "declare their firm intention to facilitate"
    23: (M, "support", "support"),  # "The mMember states advocate" (typo in the source)
    24: (M, "emphasise", "emphasise"),  # "Emphasising ..., they believe"
    25: (M, "support", "support"),
    26: (M, "work", "intend"),
    27: (M, "strengthen", "welcome"),  # "are looking forward to strengthening"
    28: (M, "commend", "commend"),  # "gave a positive assessment of"
    29: (M, "take note", "note"),
    30: (M, "emphasise", "emphasise"),  # "intend to pay special attention to"
    31: (M, "believe", "believe"),  # "view ... as a major priority"
    32: (M, "take note", "note"),
    33: (M, "note", "note"),
    34: (M, "support", "support"),
    35: (M, "cooperate", "undertake"),
    36: (M, "note", "note"),
    37: (M, "support", "support"),
    38: (M, "emphasise", "emphasise"),
    39: (M, "reaffirm", "reaffirm"),  # "In response to ..., they reaffirm"
    40: (M, "urge", "urge"),
    41: (M, "support", "support"),
    42: (M, "consider important", "emphasise"),
    43: (M + " that are parties to the Non-Proliferation Treaty", "support", "support"),
    44: (M, "believe", "believe"),
    45: (M, "emphasise", "emphasise"),
    46: (M, "believe", "believe"),
    47: (M, "recognise", "recognise"),
    48: (M, "welcome", "welcome"),
    49: (M, "note", "note"),
    50: (M, "welcome", "welcome"),
    51: (M, "give", "emphasise"),
    52: (M, "commend", "commend"),
    53: (M, "emphasise", "emphasise"),
    54: (M, "believe", "believe"),
    55: (M, "believe", "believe"),
    56: (M, "call", "call"),
    57: (M, "facilitate", "undertake"),
    58: (STATES_58, "support", "support"),
    59: (M, "believe", "believe"),
    60: (M, "emphasise", "emphasise"),
    61: (M, "believe", "believe"),
    62: (M, "note", "note"),
    63: (M, "call", "call"),  # "They call for" opens the paragraph
    64: (M, "note", "note"),
    65: (M, "support", "support"),
    66: (M, "support", "support"),  # "spoke in favour of"
    67: (M, "note", "note"),
    68: (M, "emphasise", "emphasise"),
    69: (M, "recognise", "recognise"),
    70: (M, "support", "support"),
    71: (M, "strengthen", "undertake"),
    72: (M, "support", "support"),
    73: (M, "note", "note"),
    74: (M, "agree", "agree"),
    75: (M, "implement", "intend"),
    76: (M, "support", "support"),
    77: (M, "note", "note"),
    78: (M, "support", "support"),
    79: (M, "note", "note"),
    80: (M, "emphasise", "emphasise"),
    81: (M, "strengthen", "undertake"),
    82: (M, "note", "note"),
    83: (M, "note", "note"),
    84: (M, "strengthen", "emphasise"),
    85: (M, "note", "note"),
    86: (M, "expand", "intend"),  # "intend, while recognising ..., to expand"
    87: (M, "express concern", "concern"),
    88: (M, "note", "note"),
    89: (M, "support", "support"),
    90: (M, "note", "note"),
    91: (M, "hold", "undertake"),  # "work will go on to hold"
    92: (M, "consider important", "emphasise"),
    93: (M, "commend", "commend"),
    94: (M, "note", "note"),
    95: (M, "recognise", "recognise"),  # "While recognising ..., the member states note"
    96: (M, "note", "note"),
    97: (M, "commend", "commend"),
    98: (M, "develop", "undertake"),
    99: (M, "emphasise", "emphasise"),
    100: (M, "commend", "commend"),
    101: (M, "note", "note"),
    102: (M, "note", "note"),
    103: (M, "welcome", "welcome"),
    104: (M, "note", "note"),
    105: (M, "support", "support"),
    106: (M, "note", "note"),
    107: (M, "reaffirm", "reaffirm"),
    108: (M, "support", "support"),
    109: (M, "note", "note"),
    110: (M, "oppose", "oppose"),
    111: (M, "welcome", "welcome"),
    112: (M, "expand", "intend"),
    113: (M, "emphasise", "emphasise"),
    114: (M, "step up", "intend"),
    115: (M, "emphasise", "emphasise"),
    116: (M, "commend", "commend"),
    117: ("the SCO", "take", "undertake"),
    118: (M, "support", "support"),
    119: (M, "engage", "undertake"),
    120: (M, "call", "call"),
    121: (M, "strengthen", "undertake"),
    122: (M, "commend", "commend"),
    123: (M, "promote", "undertake"),
}
NO_POSITION = {1}


@cache
def seed() -> Declaration:
    return load_seed()


@cache
def by_paragraph() -> dict[int, list[Commitment]]:
    out: dict[int, list[Commitment]] = {}
    for c in declaration_commitments(seed()):
        out.setdefault(c.paragraph_index, []).append(c)
    return out


def test_expectations_cover_every_paragraph() -> None:
    assert set(EXPECTED) | NO_POSITION == set(range(len(seed().paragraphs)))


def test_every_paragraph_stating_a_position_yields_a_commitment() -> None:
    missing = [i for i in EXPECTED if not by_paragraph().get(i)]
    assert missing == []
    assert all(not by_paragraph().get(i) for i in NO_POSITION)


def test_main_commitment_right_for_at_least_95_percent_of_paragraphs() -> None:
    wrong = {}
    for index, expected in EXPECTED.items():
        found = by_paragraph().get(index, [])
        got = (found[0].actor, found[0].lemma, found[0].stance.value) if found else None
        if got != expected:
            wrong[index] = (got, expected)
    accuracy = 1 - len(wrong) / len(EXPECTED)
    assert accuracy >= 0.95, wrong
    # The known misreading: a relative clause whose antecedent is the sentence subject.
    assert set(wrong) <= {6}, wrong


def test_they_is_resolved_to_the_actor_before() -> None:
    p63 = by_paragraph()[63][0]  # the paragraph opens with "They call for ..."
    assert (p63.subject, p63.actor) == ("They", M)
    second = next(c for c in by_paragraph()[9] if c.sentence_index == 1)
    assert (second.subject, second.actor, second.lemma) == ("They", M, "support")


def test_coordinated_verbs_give_two_commitments() -> None:
    p37 = [(c.predicate, c.lemma) for c in by_paragraph()[37] if c.sentence_index == 0]
    assert p37 == [("stand for", "support"), ("note", "note")]
    p102 = [(c.predicate, c.lemma) for c in by_paragraph()[102] if c.sentence_index == 0]
    assert p102 == [("noted", "note"), ("praised", "commend")]
    p34 = [(c.predicate, c.stance.value) for c in by_paragraph()[34] if c.sentence_index == 1]
    assert p34 == [("are concerned about", "concern"), ("express regret over", "regret")]


def test_negation_is_read() -> None:
    negated = [c for c in by_paragraph()[16] if c.negated]
    assert [(c.predicate, c.lemma) for c in negated] == [("must not rule out", "rule out")]
    assert not any(c.negated for i in (14, 37, 40) for c in by_paragraph()[i])


def test_named_states_initiatives_keep_the_member_states_as_actor() -> None:
    initiatives = {
        14: "Republic of Tajikistan",
        32: "Kyrgyz Republic",
        64: "Republic of Uzbekistan",
        77: "Republic of Uzbekistan",
        79: "Republic of Uzbekistan",
        83: "People's Republic of China",
        85: "Republic of India",
        88: "Republic of Uzbekistan",
        96: "Republic of Tajikistan",
        109: "Republic of Uzbekistan",
    }
    for index, state in initiatives.items():
        main = by_paragraph()[index][0]
        assert main.actor == M, index
        assert main.stance.value in ("note", "welcome"), index
        assert (state, "place") in {(e.text, e.kind) for e in main.entities}, index


def test_named_states_as_actor() -> None:
    p58 = by_paragraph()[58]
    assert [(c.actor, c.predicate) for c in p58] == [
        (STATES_58, "Reaffirming their support for"),
        (STATES_58, "note"),
    ]


def test_strength_orders_the_stances_as_the_lexicon_says() -> None:
    def strength(index: int) -> int:
        return by_paragraph()[index][0].strength

    assert strength(29) < strength(32) + 1  # both "have taken note of"
    assert strength(29) < strength(2) < strength(8) < strength(11) < strength(34)
    #  take note of      note         welcome     advocate         firmly advocate


def test_predicate_object_and_spans_are_the_source_text() -> None:
    d = seed()
    raw = d.source.path
    assert raw is not None
    from pathlib import Path

    source = Path(raw).read_text("utf-8")
    for commitments in by_paragraph().values():
        for c in commitments:
            text = d.paragraphs[c.paragraph_index].text
            assert text[c.predicate_start : c.predicate_end] == c.predicate
            assert text[c.object_start : c.object_end] == c.object
            assert c.text_start <= c.predicate_start < c.predicate_end <= c.text_end
            one = len(d.paragraphs[c.paragraph_index].spans) == 1
            if one:
                assert source[c.start : c.end] == text[c.text_start : c.text_end]


def test_entities_of_a_commitment() -> None:
    p22 = by_paragraph()[22][0]
    kinds = {(e.text, e.kind) for e in p22.entities}
    assert ("UN Single Convention on Narcotic Drugs", "treaty") in kinds
    assert ("1961", "year") in kinds
    p28 = by_paragraph()[28][0]
    assert ("2 March 2020", "date") in {(e.text, e.kind) for e in p28.entities}
    assert ("Vienna", "place") in {(e.text, e.kind) for e in p28.entities}


def test_frame_columns_and_reading_order() -> None:
    frame = extract_commitments(seed())
    for column in (
        "paragraph_index", "sentence_index", "actor", "predicate", "lemma", "stance",
        "strength", "negated", "object", "entities", "start", "end",
    ):  # fmt: skip
        assert column in frame.columns
    keys = list(zip(frame["paragraph_index"], frame["sentence_index"], frame["start"], strict=True))
    assert keys == sorted(keys)
    assert len(frame) == sum(len(v) for v in by_paragraph().values())


@pytest.mark.parametrize("index", [3, 17, 22, 27])
def test_modality_is_part_of_the_predicate(index: int) -> None:
    main = by_paragraph()[index][0]
    expected = {
        3: "will continue to strengthen",
        17: "consider it important to implement",
        22: "declare their firm intention to facilitate",
        27: "are looking forward to strengthening",
    }[index]
    assert main.predicate == expected


def test_controlled_edits_of_real_commitments_are_classified() -> None:
    from declcompare import compare
    from tests.generators.commitment_edits import EditKind, commitment_edits

    right = total = 0
    kinds: set[EditKind] = set()
    for s in range(4):
        new, cases = commitment_edits(seed(), seed=s)
        assert "generated" in (new.title or "")
        assert new.metadata["generated"] == "true"
        wanted = {(case.paragraph, case.predicate_start): case for case in cases}
        for _, old_c, _, change in compare(seed(), new).commitment_changes():
            if old_c is not None:
                case = wanted.pop((old_c.paragraph_index, old_c.predicate_start), None)
                if case is not None:
                    kinds.add(case.kind)
                    total += 1
                    right += change.value == case.expected
        total += len(wanted)  # an edited commitment that went missing counts as wrong
    assert kinds == set(EditKind)
    assert total >= 40
    assert right / total >= 0.95
