"""Change kinds, the strength scales, cross-document pairing and the commitments cache.

Short sentences below are generated (labelled "generated"); the corpus tests read
real texts of ../shared/corpus and skip when it is absent.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest

import declcompare
from declcompare import CommitmentChange, Declaration, compare
from declcompare.commitments import (
    Commitment,
    PairingOptions,
    classify_change,
    classify_pair,
    declaration_commitments,
    is_substantive,
    routine_key,
)
from tests.helpers import need_corpus, seed_doc


def first(text: str) -> Commitment:
    return declaration_commitments(Declaration.from_paragraphs([text], title="generated"))[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("They welcome the plan.", "They take note of the plan.", "weakened"),
        ("They take note of the plan.", "They support the plan.", "strengthened"),
        ("They support the plan.", "They firmly support the plan.", "strengthened"),
        ("They invite States to report.", "They decide to report.", "strengthened"),
        ("They condemn the attack.", "They deplore the attack.", "weakened"),
        ("They affirm the principle.", "They reaffirm the principle.", "restated"),
        ("They point out the risk.", "They once again draw attention to the risk.", "restated"),
        ("They call for talks.", "They advocate talks.", "restated"),
        ("They endorsed the report.", "They adopted the report.", "restated"),
        # opposition and commitments said again are the position itself
        (
            "We strongly oppose the plan.",
            "We reiterate our strong opposition to the plan.",
            "restated",
        ),
        (
            "We reiterate our commitment to the goal.",
            "We are committed to the goal.",
            "restated",
        ),
        ("We reiterate the plan.", "We reiterate our commitment to the plan.", "restated"),
        # the same verb under another modal: the resolve moved
        ("We will consider the plan.", "We intend to consider the plan.", "weakened"),
        # "support to" is read as "support for" ("reaffirm our consistent support to")
        (
            "We reaffirm our support to the talks.",
            "We reaffirm our strong support for the talks.",
            "strengthened",
        ),
        ("They request a report.", "They take note of the report.", "fulfilled"),
        # a plan carried out: the act reported done, or its product received
        ("We plan to establish a task force.", "We have established a task force.", "fulfilled"),
        ("We will adopt the strategy.", "We adopted the strategy.", "fulfilled"),
        ("We intend to develop guidance.", "We welcome the publication of guidance.", "fulfilled"),
        # the other way is its mirror (as for a request answered: tests/property)
        ("We have established a task force.", "We plan to establish a task force.", "strengthened"),
        ("We adopted the strategy.", "We will adopt the strategy.", "strengthened"),
        (
            "We welcome the publication of guidance.",
            "We intend to develop guidance.",
            "strengthened",
        ),
        # ... and neither a position in the past tense nor a state is an act carried out
        ("We will support the plan.", "We supported the plan.", "restated"),
        ("We will remain committed to the goal.", "We remain committed to the goal.", "restated"),
        ("We will commit to the goal.", "We are committed to the goal.", "restated"),
        ("We will support the plan.", "We plan to support the plan.", "weakened"),
        ("They support the plan.", "They emphasise the plan.", "changed_stance"),
        ("They welcome the plan.", "They welcome the programme.", "changed_object"),
        ("They welcome the 15th session.", "They welcome the 16th session.", "routine"),
        ("They recognise the Organisation.", "They recognize the organization.", "restated"),
        # a view stated in another translator's verb is restated, not weakened
        ("They underscore that talks matter.", "They note that talks matter.", "restated"),
        ("They emphasise the need for talks.", "They reaffirm the need for talks.", "restated"),
        ("They believe that talks matter.", "They stress that talks matter.", "restated"),
        ("They concur with the plan.", "They emphasise the plan.", "restated"),
        # noting *that* is a view; welcoming that is a reception: still weakened
        ("They welcome that the plan works.", "They note that the plan works.", "weakened"),
        ("They note the plan.", "They note that the plan works.", "changed_object"),
        # "the importance of" is an emphasis only where the verb changed too
        ("They note the plan.", "They note the importance of the plan.", "changed_object"),
        ("They welcome the plan.", "They note the importance of the plan.", "changed_stance"),
        # ... also after a short opening adverbial set off by a comma
        (
            "They point out, given the circumstances, the need for talks.",
            "They support talks.",
            "changed_stance",
        ),
        # an intensifier after the verb counts as one before it
        ("They praised highly the plan.", "They highly praised the plan.", "restated"),
        # "highly appreciate" is a set phrase that says what "commend" says
        ("They commend the results.", "They highly appreciated the results.", "restated"),
        ("They appreciated highly the results.", "They commend the results.", "restated"),
        ("They commend the results.", "They warmly commend the results.", "strengthened"),
        # ... as do "highly praise" and "greatly appreciate": one formula, many translations
        ("They highly praised the results.", "They highly appreciated the results.", "restated"),
        ("They greatly appreciated the results.", "They commend the results.", "restated"),
        # a deliberation promised, then an act promised: stronger
        (
            "We will consider further sanctions.",
            "We will impose further sanctions.",
            "strengthened",
        ),
        # a list item before "the need" is no opening adverbial
        (
            "They took note of the Forum, the need for talks.",
            "They support the Forum.",
            "strengthened",
        ),
        (
            "They condemn the attack.",
            "They condemn in the strongest terms the attack.",
            "strengthened",
        ),
        ("They recommit firmly to the plan.", "They recommit to the plan.", "weakened"),
        # a deed promised against saying that it matters: the foot of the resolve scale
        (
            "We stress the importance of preventing irregular migration.",
            "We will step up our efforts to prevent irregular migration.",
            "strengthened",
        ),
        (
            "We will take collective action on health initiatives.",
            "We note the importance of aligning health initiatives.",
            "weakened",
        ),
        (
            "They believe it important to take measures against terrorism.",
            "They are determined to take measures against terrorism.",
            "strengthened",
        ),
        # a deed promised against another position is another commitment
        (
            "We will continue to consult all States on space.",
            "We call upon all States to contribute to space safety.",
            "changed_object",
        ),
        ("We are providing training to coast guards.", "We announced training.", "changed_object"),
    ],
)
def test_change_kinds_follow_the_documented_scales(old: str, new: str, expected: str) -> None:
    assert classify_change(first(old), first(new)).value == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # the same stance on another matter: not a shift of position
        (
            "They note the need to draft a memorandum.",
            "They note the results of the meeting.",
            "changed_object",
        ),
        (
            "They welcome the glacier plan.",
            "They take note of the fisheries report.",
            "changed_object",
        ),
        # the same matter: the shift stands
        (
            "They welcome the glacier monitoring plan.",
            "They take note of the glacier monitoring plan of 2031.",
            "weakened",
        ),
    ],
)
def test_a_shift_of_position_needs_the_same_matter(old: str, new: str, expected: str) -> None:
    assert classify_pair(first(old), first(new)).value == expected
    # the threshold is the documented option: at zero every stance change is a shift
    assert classify_pair(
        first(old), first(new), PairingOptions(shift_min_overlap=0.0)
    ) == classify_change(first(old), first(new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("We intend to hold our next summit in 2024.", "India will hold our next summit in 2024."),
        ("The member states note the Roadmap.", "India strongly supports the Roadmap."),
    ],
)
def test_a_shift_of_position_needs_the_same_actor(old: str, new: str) -> None:
    # generated: the new verb is another actor's, so no position of ours moved
    assert classify_change(first(old), first(new)) != CommitmentChange.CHANGED_OBJECT
    assert classify_pair(first(old), first(new)) == CommitmentChange.CHANGED_OBJECT


def test_the_same_states_listed_by_another_hand_are_one_actor() -> None:
    # generated: articles, order and a trailing comma do not make another actor
    old = first("The Republic of Kazakhstan, the Kyrgyz Republic and India note the plan.")
    new = first("India, Kyrgyz Republic and the Republic of Kazakhstan support the plan.")
    assert classify_pair(old, new) == CommitmentChange.STRENGTHENED
    # a grouping that issues the statement speaks for "we"
    assert (
        classify_pair(first("We support the plan."), first("The G7 firmly supports the plan."))
        == CommitmentChange.STRENGTHENED
    )
    # one state in two written forms is one actor; an organisation's acronym is no state
    assert (
        classify_pair(
            first("Kyrgyzstan supports the plan."),
            first("The Kyrgyz Republic firmly supports the plan."),
        )
        == CommitmentChange.STRENGTHENED
    )
    assert (
        classify_pair(first("The AU supports the plan."), first("Australia firmly supports it."))
        == CommitmentChange.CHANGED_OBJECT
    )
    # a country whose name holds "and" is one state, not a list that overlaps another
    bosnia = first("Bosnia and Herzegovina notes the plan.")
    trio = first("Bosnia and Herzegovina, Croatia and Serbia support the plan.")
    assert classify_pair(bosnia, trio) == CommitmentChange.CHANGED_OBJECT
    # one state leaving a list of three: the others' position still moved
    fewer = first("India and the Republic of Kazakhstan support the plan.")
    assert classify_pair(old, fewer) == CommitmentChange.STRENGTHENED
    other = first("India and Pakistan support the plan.")
    assert classify_pair(old, other) == CommitmentChange.CHANGED_OBJECT


def test_a_linked_paragraph_noting_another_matter_reports_changed_object() -> None:
    context = (
        "The member states held the generated twentieth meeting of the council "
        "in the city of Astana this year. "
    )
    old = Declaration.from_paragraphs(
        [context + "They note the need to draft a memorandum on glaciers."], title="generated"
    )
    new = Declaration.from_paragraphs(
        [context + "They note the results of the ministerial meeting."], title="generated"
    )
    rows = compare(old, new).commitment_changes()
    assert [r.change for r in rows if r.old is not None and r.new is not None] == [
        CommitmentChange.CHANGED_OBJECT
    ]


def test_a_capitalised_word_inside_a_name_is_not_a_predicate() -> None:
    text = (
        "They consider it necessary to implement the Declaration (Qingdao, 10 June 2018), "
        "the Comprehensive Plan of Joint Measures (Moscow, 10 November 2020)."
    )
    found = declaration_commitments(Declaration.from_paragraphs([text], title="generated"))
    assert [c.predicate for c in found] == ["consider it necessary to implement"]
    start = "Welcomes the report. Notes the plan."  # sentence-initial capitals still count
    found = declaration_commitments(Declaration.from_paragraphs([start], title="generated"))
    assert [c.lemma for c in found] == ["welcome", "note"]


def test_comma_and_while_join_predicates_and_nouns_do_not_open_clauses() -> None:
    def read(text: str) -> list[tuple[str, str, str]]:
        doc = Declaration.from_paragraphs([text], title="generated")
        return [(c.actor, c.lemma, c.object) for c in declaration_commitments(doc)]

    assert read("The member states support the plan, welcome the report and note it.") == [
        ("the member states", "support", "the plan"),
        ("the member states", "welcome", "the report"),
        ("the member states", "note", "it"),
    ]
    assert read("The member states welcomed the plan, while recognizing the role of the UN.") == [
        ("the member states", "welcome", "the plan"),
        ("the member states", "recognise", "the role of the UN"),
    ]
    assert read("Support includes funding. Plans of the member states will be discussed.") == []
    assert [lemma for _, lemma, _ in read("Welcomes and supports the report.")] == [
        "welcome",
        "support",
    ]
    # "and" after an opening verb is no sign of a noun
    assert read("Acknowledges and profoundly regrets the loss.")[0][1] == "recognise"


def test_routine_is_never_substantive_and_keys_drop_numbers_and_footnotes() -> None:
    assert not is_substantive(CommitmentChange.ROUTINE)
    assert not is_substantive(CommitmentChange.RESTATED)
    assert is_substantive(CommitmentChange.FULFILLED)
    assert routine_key("the seventy-eighth session,3 on 5 May 2023") == routine_key(
        "the Seventy-eighth Session on 7 June 2024"
    )
    assert routine_key("the plan") != routine_key("the programme")
    # Amounts and counts carry substance; dates, symbols and paragraph numbers do not.
    assert routine_key("47,413,200 dollars for 1 July 2024") != routine_key(
        "50,345,100 dollars for 1 July 2024"
    )
    assert routine_key("only 118 Member States") != routine_key("only 88 Member States")
    assert routine_key("resolution 77/311 and paragraph 8") == routine_key(
        "resolution 78/302 and paragraph 23"
    )


def test_a_moved_commitment_keeps_its_counterpart_across_paragraphs() -> None:
    old = Declaration.from_paragraphs(
        [
            "The member states welcome the generated glacier monitoring programme of 2031.",
            "The member states discuss other generated matters at length here.",
        ],
        title="generated",
    )
    new = Declaration.from_paragraphs(
        [
            "The member states discuss other generated matters at length here today.",
            "A wholly different generated opening paragraph about fisheries.",
            "The member states take note of the generated glacier monitoring programme of 2031.",
        ],
        title="generated",
    )
    rows = compare(old, new).commitment_changes()
    moved = [r for r in rows if r.old is not None and r.old.paragraph_index == 0]
    assert len(moved) == 1
    assert moved[0].new is not None
    assert moved[0].new.paragraph_index == 2
    assert moved[0].change is CommitmentChange.WEAKENED


def test_pairing_options_are_validated_and_documented() -> None:
    opts = PairingOptions()
    assert 0.0 < opts.min_overlap <= 1.0
    assert all(f.description for f in PairingOptions.model_fields.values())
    with pytest.raises(ValueError, match="min_overlap"):
        PairingOptions(min_overlap=2.0)


def test_the_cache_keys_on_content_and_is_shared_by_threads() -> None:
    a, b = seed_doc(), declcompare.load_seed()
    assert a == b
    assert declaration_commitments(a) is declaration_commitments(b)
    texts = [p.text for p in a.paragraphs]
    docs = [Declaration.from_paragraphs(texts[k:] + texts[:k], title="generated") for k in (0, 5)]
    from declcompare.commitments.extraction import clear_cache

    clear_cache()
    results: dict[int, list[tuple[Commitment, ...]]] = {0: [], 1: []}

    def work(k: int) -> None:
        results[k].append(declaration_commitments(docs[k]))

    threads = [threading.Thread(target=work, args=(k % 2,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    clear_cache()
    for k in (0, 1):
        assert len(results[k]) == 4
        serial = declaration_commitments(docs[k])
        assert all(r == serial for r in results[k])
    assert results[0][0] != results[1][0]  # the rotation moved the paragraphs


def test_bullets_under_a_lead_in_take_its_actor_and_stance() -> None:
    corpus = need_corpus()
    d = declcompare.load(
        corpus / "multilateral-statements/g7-summit-communique/2023-05-20_hiroshima.txt"
    )
    lead = next(p.index for p in d.paragraphs if p.text.rstrip().endswith("steps to:"))
    found = [c for c in declaration_commitments(d) if c.paragraph_index in (lead + 2, lead + 3)]
    assert [c.predicate for c in found] == ["strengthen", "coordinate"]
    assert {(c.actor, c.stance.value) for c in found} == {("we", "undertake")}


def test_no_verbatim_sentence_is_reported_dropped_and_new_on_real_pairs() -> None:
    corpus = need_corpus()
    series = corpus / "sco-and-peers/sco-heads-of-state-declaration"
    old = declcompare.load(series / "2019-06-14_bishkek.txt")
    new = declcompare.load_seed()
    rows = compare(old, new).commitment_changes()

    def sentence(c: Commitment, d: Declaration) -> str:
        return d.paragraphs[c.paragraph_index].text[c.text_start : c.text_end]

    dropped = Counter(sentence(r.old, old) for r in rows if r.new is None and r.old is not None)
    added = Counter(sentence(r.new, new) for r in rows if r.old is None and r.new is not None)
    assert not (dropped & added)
    assert any(r.change is CommitmentChange.RESTATED for r in rows)
