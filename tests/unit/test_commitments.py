"""Commitment extraction and comparison on generated sentences (labelled as such).

The sentences here are written for the tests, not quoted from any declaration.
"""

from __future__ import annotations

import pandas as pd
import pytest

from declcompare import Declaration, compare
from declcompare.commitments import Commitment, commitments_of, declaration_commitments
from declcompare.text.sentences import split_sentences


def commitments(*texts: str, organisation: str | None = None) -> list[Commitment]:
    d = Declaration.from_paragraphs(list(texts), title="generated", organisation=organisation)
    return list(declaration_commitments(d))


def one(text: str) -> Commitment:
    found = commitments(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("The U.S. and Japan support No. 5 of art. 3, i.e. the plan. They agree.", 2),
        ("They welcome UN Security Council Resolution 2231. They also note it.", 2),
        ("(a) Decides to act; 1. Requests the Secretary-General to report.", 1),
        ("Recalling its resolution 78/70 of 7 December 2023,", 1),
        ("The member states note the report (A/79/123). They welcome it.", 2),
    ],
)
def test_sentence_segmentation_survives_diplomatic_abbreviations(text: str, pieces: int) -> None:
    ranges = split_sentences(text)
    assert len(ranges) == pieces
    assert "".join(text[a:b] for a, b in ranges) == text


@pytest.mark.parametrize(
    ("text", "predicate", "lemma", "stance", "strength"),
    [
        ("The member states take note of the report.", "take note of", "take note", "note", 1),
        ("The member states note the report.", "note", "note", "note", 2),
        ("The member states welcome the report.", "welcome", "welcome", "welcome", 3),
        ("The member states support the report.", "support", "support", "support", 4),
        ("The member states firmly support the plan.", "firmly support", "support", "support", 5),
        ("The member states stand for dialogue.", "stand for", "support", "support", 4),
        # the communiques' translations of "vystupili za"
        ("The member states spoke for dialogue.", "spoke for", "support", "support", 4),
        ("The member states speak out for dialogue.", "speak out for", "support", "support", 4),
        ("The member states are in favour of dialogue.", "are in favour of", "support",
         "support", 4),
        ("The member states are in favor of dialogue.", "are in favor of", "support",
         "support", 4),
        ("The member states attach great importance to dialogue.", "attach great importance to",
         "emphasise", "emphasise", 4),
        ("The member states emphasize the need for talks.", "emphasize", "emphasise",
         "emphasise", 3),
        ("The member states express readiness to hold talks.", "express readiness to hold",
         "hold", "intend", 3),
        ("The member states will strengthen cooperation.", "will strengthen", "strengthen",
         "undertake", 4),
        ("The member states intend to strengthen cooperation.", "intend to strengthen",
         "strengthen", "intend", 3),
        ("The member states consider it important to strengthen cooperation.",
         "consider it important to strengthen", "strengthen", "emphasise", 2),
        ("The member states express deep concern over the crisis.",
         "express deep concern over", "express concern", "concern", 4),
        ("The member states strongly condemn the attack.", "strongly condemn", "condemn",
         "condemn", 6),
        ("The member states call upon all parties to refrain from violence.", "call upon",
         "call", "call", 4),
    ],
)  # fmt: skip
def test_lexicon_forms(text: str, predicate: str, lemma: str, stance: str, strength: int) -> None:
    c = one(text)
    assert (c.actor, c.predicate, c.lemma, c.stance.value, c.strength) == (
        "the member states", predicate, lemma, stance, strength,
    )  # fmt: skip


def test_coordinated_verbs_share_the_object() -> None:
    found = commitments("The member states support and welcome the plan.")
    assert [(c.lemma, c.object) for c in found] == [
        ("support", "the plan"),
        ("welcome", "the plan"),
    ]


def test_a_verb_in_a_subordinate_clause_is_not_a_commitment() -> None:
    found = commitments("The member states support the efforts that aim to strengthen peace.")
    assert [c.lemma for c in found] == ["support"]
    found = commitments("The member states note the plan, which supports and welcomes talks.")
    assert [c.lemma for c in found] == ["note"]


def test_negation() -> None:
    c = one("The member states do not support the plan.")
    assert (c.predicate, c.negated, c.lemma) == ("do not support", True, "support")


def test_they_takes_the_actor_of_the_sentence_before() -> None:
    found = commitments(
        "The Republic of Uzbekistan welcomes the talks. They will host the next round."
    )
    assert [c.actor for c in found] == ["the Republic of Uzbekistan"] * 2
    assert found[1].subject == "They"


def test_an_impersonal_passive_speaks_in_the_voice_of_the_text() -> None:
    found = commitments(
        "The heads of delegations welcomed the talks. It was noted that trade grew. "
        "It was agreed to hold the next meeting in Tashkent. It was a pleasure to take part."
    )
    assert [(c.actor, c.predicate) for c in found] == [
        ("the heads of delegations", "welcomed"),
        ("the heads of delegations", "noted"),
        ("the heads of delegations", "agreed to"),
    ]
    assert found[1].subject is None


def test_a_main_clause_after_comma_and_keeps_its_subject() -> None:
    found = commitments("Trade grew in 2031, and the member states welcome the generated plan.")
    assert [(c.actor, c.predicate, c.object) for c in found] == [
        ("the member states", "welcome", "the generated plan")
    ]


def test_a_main_clause_after_bare_and_keeps_the_documents_voice() -> None:
    # Generated sentences, in the form of the G7 and Quad statements ("... advancing
    # DFFT and we welcome ..."): the second clause is a commitment of its own and is
    # not glued into the first one's object.
    found = commitments(
        "We uphold the generated charter and we support the generated court.",
        "Trade grew in 2031 and they welcome the generated plan.",
        "We encourage the generated partners but we note the generated delays.",
    )
    assert [(c.actor, c.predicate, c.object) for c in found] == [
        ("we", "uphold", "the generated charter"),
        ("we", "support", "the generated court"),
        ("we", "welcome", "the generated plan"),
        ("we", "encourage", "the generated partners"),
        ("we", "note", "the generated delays"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Expressing concern that some generated leaders and parties have supported hate speech,",
        "Recalling that the generated treaty applies and that Member States should not limit it,",
        "We welcome the generated talks and the parties should exercise restraint.",
        "We welcome efforts by the generated body and the parties concerned to resolve disputes.",
    ],
)
def test_a_noun_phrase_after_bare_and_stays_in_the_object(text: str) -> None:
    assert len(commitments(text)) == 1


@pytest.mark.parametrize(
    ("text", "predicate", "lemma", "obj"),
    [
        (
            "The member states will continue to regularly hold generated exercises.",
            "will continue to regularly hold",
            "hold",
            "generated exercises",
        ),
        ("We will closely cooperate on generated matters.", "will closely cooperate",
         "cooperate", "on generated matters"),
        # a verb in -ly is the verb, not an adverb before it
        ("We intend to apply the generated rules.", "intend to apply", "apply",
         "the generated rules"),
        ("We will comply with the generated code.", "will comply", "comply",
         "with the generated code"),
    ],
)  # fmt: skip
def test_an_adverb_between_modal_and_verb_stays_in_the_predicate(
    text: str, predicate: str, lemma: str, obj: str
) -> None:
    c = one(text)
    assert (c.predicate, c.lemma, c.object) == (predicate, lemma, obj)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The heads of the Member States took note of the generated plan.", "the member states"),
        ("Leaders of member states welcome the generated plan.", "the member states"),
        ("The participants praised the results of the generated conference.", "the participants"),
        ("The participants of the meeting supported the generated initiative.", "the participants"),
    ],
)  # fmt: skip
def test_collective_subjects_of_summit_reports(text: str, actor: str) -> None:
    assert one(text).actor == actor


@pytest.mark.parametrize(
    ("text", "predicate", "lemma", "strength", "obj"),
    [
        ("The intention was reaffirmed to continue the generated interaction.",
         "The intention was reaffirmed", "reaffirm", 4, "to continue the generated interaction"),
        ("In this context, the need was stressed to build up generated efforts.",
         "the need was stressed", "emphasise", 3, "to build up generated efforts"),
        ("An agreement was reached to continue the generated regulations.",
         "An agreement was reached to", "agree", 4, "continue the generated regulations"),
        ("Support was expressed for the generated initiative.",
         "Support was expressed for", "support", 4, "the generated initiative"),
        ("Full support was expressed for the generated initiative.",
         "Full support was expressed for", "support", 5, "the generated initiative"),
    ],
)  # fmt: skip
def test_impersonal_passives_speak_in_the_texts_own_voice(
    text: str, predicate: str, lemma: str, strength: int, obj: str
) -> None:
    found = commitments(text, organisation="Shanghai Cooperation Organisation")
    assert [(c.actor, c.subject, c.predicate, c.lemma, c.strength, c.object) for c in found] == [
        ("the member states", None, predicate, lemma, strength, obj)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We welcome the guests. It is necessary to cooperate with the generated partner.",
         [("we", "is necessary to cooperate", "emphasise", 3, "with the generated partner")]),
        ("We welcome the guests. As we move forward, it is essential to uphold the generated law.",
         [("we", "is essential to uphold", "support", 3, "the generated law")]),
        ("We welcome the guests. Cooperation is essential to generated growth.", []),
        ("We welcome the guests. It is against the generated rules.", []),
    ],
)  # fmt: skip
def test_it_is_necessary_to_is_the_authors_view(
    text: str, found: list[tuple[str, str, str, int, str]]
) -> None:
    # the first sentence names the authors' voice that the impersonal "It" speaks in
    cs = commitments(text)[1:]
    assert [(c.actor, c.predicate, c.stance.value, c.strength, c.object) for c in cs] == found


def test_it_is_important_inside_a_that_clause_stays_in_the_object() -> None:
    c = one("Reiterating that, while each generated country acts, it is important to help,")
    assert (c.predicate, c.object) == (
        "Reiterating",
        "that, while each generated country acts, it is important to help",
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We are supporting the generated plan.",
         [("we", "are supporting", "support", 4, False)]),
        ("We are also strongly supporting the generated plan.",
         [("we", "are also strongly supporting", "support", 5, False)]),
        ("We are not supporting the generated plan.",
         [("we", "are not supporting", "support", 4, True)]),
        ("We are launching the generated initiative.",
         [("we", "are launching", "launch", 4, False)]),
        ("The member states are stepping up generated efforts.",
         [("the member states", "are stepping up", "step up", 4, False)]),
        ("We are willing to help the generated partner.",
         [("we", "are willing to help", "help", 3, False)]),
        # what is seen, or done by others, is no commitment
        ("We are witnessing a generated crisis.", []),
        ("Russia is waging a generated war.", []),
        ("Generated prices are increasing.", []),
    ],
)  # fmt: skip
def test_the_present_progressive_of_leaders_statements(
    text: str, found: list[tuple[str, str, str, int, bool]]
) -> None:
    cs = commitments(text)
    assert [(c.actor, c.predicate, c.lemma, c.strength, c.negated) for c in cs] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We warmly welcome the generated guests.", [("warmly welcome", "welcome", 4)]),
        ("We are grateful for the generated presence.", [("are grateful for", "commend", 3)]),
        ("We restate our appeal to all generated States.", [("restate", "reaffirm", 4)]),
        ("We continue our support to the generated partner and commit ourselves to "
         "supporting a generated peace.",
         [("continue our support to", "support", 4),
          ("commit ourselves to supporting", "support", 4)]),
    ],
)  # fmt: skip
def test_wordings_of_the_g7_statements(text: str, found: list[tuple[str, str, int]]) -> None:
    assert [(c.predicate, c.lemma, c.strength) for c in commitments(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the progressive is said by the text's own voice only, in the present
        ("We welcome the generated talks. They are deploying generated weapons.",
         [("we", "welcome")]),
        ("Iran is supporting the generated war.", []),
        ("We were providing generated assistance.", []),
        ("We are running out of generated time.", []),
        # passives that report a fact take no position
        ("The generated agreement was signed in Moscow.", []),
        ("The need was recognized in the generated framework.", []),
        ("Noting that, in 2015, the agreement was signed in the generated city,",
         [("the member states", "Noting")]),
        # "important to" is a position only after an impersonal "It"
        ("The SCO is important to strengthen generated security.", []),
        ("Recognizes that generated registration helps and is crucial to preventing harm;",
         [("the member states", "Recognizes")]),
        ("It is important to us that the generated talks succeed.", []),
        # adverbs that open a subject; the grouping's leaders are the authors
        ("Today we express our deep concern over the generated war.",
         [("we", "express our deep concern over")]),
        ("Today in Tokyo, the Quad leaders welcome the generated plan.", [("we", "welcome")]),
    ],
)  # fmt: skip
def test_readings_that_must_not_invent_a_position(text: str, found: list[tuple[str, str]]) -> None:
    cs = commitments(text, organisation="Shanghai Cooperation Organisation")
    assert [(c.actor, c.predicate) for c in cs] == found


def test_a_negated_progressive_is_negated() -> None:
    c = one("We are not providing generated weapons.")
    assert (c.predicate, c.lemma, c.negated) == ("are not providing", "provide", True)


@pytest.mark.parametrize(
    ("text", "predicate", "negated"),
    [
        ("We are not willing to accept the generated terms.", "are not willing to accept", True),
        ("We are not ready to sign the generated text.", "are not ready to sign", True),
        ("We will not only deepen the generated ties but also widen them.",
         "will not only deepen", False),
    ],
)  # fmt: skip
def test_negation_inside_a_modal_phrase(text: str, predicate: str, negated: bool) -> None:
    c = one(text)
    assert (c.predicate, c.negated) == (predicate, negated)


@pytest.mark.parametrize(
    "text", ["We remain committed to early warning.", "We are committed to timely support."]
)
def test_an_adjective_in_ly_after_committed_to_is_no_adverb(text: str) -> None:
    c = one(text)
    assert (c.lemma, c.object.split()[0]) == ("commit", "to")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("To help generated firms we will promptly explore generated avenues.",
         [("we", "will promptly explore", "explore", "undertake", 4)]),
        ("In this context we highlight the generated efforts.",
         [("we", "highlight", "emphasise", "emphasise", 3)]),
        ("We remain steadfast in our support of the generated convention.",
         [("we", "remain steadfast in our support of", "support", "support", 5)]),
        ("We are united in our determination to hold the generated actors to account.",
         [("we", "are united in our determination to hold", "hold", "undertake", 4)]),
        ("We stand prepared to build generated relations.",
         [("we", "stand prepared to build", "build", "intend", 3)]),
        ("We stand with the generated people.",
         [("we", "stand with", "support", "support", 4)]),
        ("We thank the generated host.", [("we", "thank", "commend", "commend", 3)]),
        # a pronoun before the verb is the subject only after an opening adverbial,
        # not in a contact relative clause
        ("The generated partners we support are many.", []),
        ("In the generated areas we support, progress is visible.", []),
        ("To help the generated people we support, aid flows.", []),
    ],
)  # fmt: skip
def test_more_wordings_of_leaders_statements(
    text: str, found: list[tuple[str, str, str, str, int]]
) -> None:
    cs = commitments(text)
    assert [(c.actor, c.predicate, c.lemma, c.stance.value, c.strength) for c in cs] == found


def test_a_noun_after_committed_to_is_the_object() -> None:
    c = one("We are committed to world peace.")
    assert (c.predicate, c.lemma, c.object) == ("are committed", "commit", "to world peace")


@pytest.mark.parametrize(
    "text",
    [
        "The generated plan was adopted.",  # the subject is what was adopted: no stance
        "The need was stressed.",  # nothing follows the participle
        "The report was noted to be late.",  # "report" is not a stance noun
    ],
)
def test_other_passives_are_no_impersonal_commitments(text: str) -> None:
    assert commitments(text, organisation="Shanghai Cooperation Organisation") == []


def test_a_state_named_after_and_inside_an_object_is_no_subject() -> None:
    found = commitments("We note that trade between India and Kazakhstan will grow.")
    assert [(c.actor, c.predicate) for c in found] == [("we", "note")]


def test_named_organisation_as_actor() -> None:
    c = one("The SCO will continue building up its contribution to peace.")
    assert (c.actor, c.lemma, c.stance.value) == ("the SCO", "build up", "undertake")


@pytest.mark.parametrize(
    "text",
    [
        "Going forward, the MEF will continue to serve as a generated forum.",
        "In the coming year, the SCO will hold a generated forum.",
    ],
)
def test_a_named_body_after_an_opening_adverbial_is_the_subject(text: str) -> None:
    c = one(text)
    assert c.actor in ("the MEF", "the SCO")
    assert c.actor.split()[-1] in text


def test_a_participle_after_an_article_is_no_predicate() -> None:
    found = commitments(
        "The heads of delegations of the concerned member states confirmed the "
        "importance of the generated Roadmap."
    )
    assert [(c.actor, c.predicate) for c in found] == [("the heads of delegations", "confirmed")]


def test_un_formulae_are_commitments_of_the_general_assembly() -> None:
    org = "United Nations General Assembly"
    found = commitments(
        "The General Assembly,",
        "Recalling its resolution 78/70 of 7 December 2023,",
        "Reaffirming also its commitment to the Charter,",
        "Noting with concern the rise in attacks,",
        "1. Decides to include the item in the agenda of its eighty-first session;",
        "2. Requests the Secretary-General to report to it;",
        "3. Calls upon all States to cooperate;",
        "4. Strongly condemns all attacks on humanitarian personnel;",
        organisation=org,
    )
    assert [(c.paragraph_index, c.actor, c.lemma) for c in found] == [
        (1, "the General Assembly", "recall"),
        (2, "the General Assembly", "reaffirm"),
        (3, "the General Assembly", "express concern"),
        (4, "the General Assembly", "decide"),
        (5, "the General Assembly", "request"),
        (6, "the General Assembly", "call"),
        (7, "the General Assembly", "condemn"),
    ]
    assert found[-1].strength > found[-2].strength  # "Strongly condemns" > "Calls upon"


def test_commitments_of_a_single_paragraph_match_the_declaration() -> None:
    d = Declaration.from_paragraphs(["The member states welcome the talks."], title="generated")
    assert commitments_of(d.paragraphs[0]) == list(declaration_commitments(d))


# --- comparison --------------------------------------------------------------------

BASE = [
    "The member states welcome the efforts of the Republic of Tajikistan to hold talks.",
    "The member states support the plan for regional trade. They note the report on it.",
    "The member states will strengthen cooperation in agriculture.",
    "The member states note the initiative of the Republic of Uzbekistan on transport.",
]


def changes(edited: list[str]) -> list[tuple[str, int | None, str | None, str | None]]:
    old = Declaration.from_paragraphs(BASE, title="generated (old)")
    new = Declaration.from_paragraphs(edited, title="generated (new)")
    frame = compare(old, new).commitments()
    return [
        (
            str(row["change"]),
            None if pd.isna(row["old_paragraph"]) else int(row["old_paragraph"]),
            None if pd.isna(row["old_predicate"]) else str(row["old_predicate"]),
            None if pd.isna(row["new_predicate"]) else str(row["new_predicate"]),
        )
        for row in frame.to_dict("records")
        if row["change"] != "restated"
    ]


def test_identical_texts_restate_everything() -> None:
    assert changes(list(BASE)) == []


def test_welcome_to_take_note_is_weakened_even_in_a_lightly_reworded_paragraph() -> None:
    edited = list(BASE)
    edited[0] = edited[0].replace("welcome", "take note of")
    assert changes(edited) == [("weakened", 0, "welcome", "take note of")]


def test_note_to_welcome_is_strengthened() -> None:
    edited = list(BASE)
    edited[3] = edited[3].replace("note", "welcome")
    assert changes(edited) == [("strengthened", 3, "note", "welcome")]


def test_will_to_intend_is_weakened_and_firmly_strengthens() -> None:
    edited = list(BASE)
    edited[2] = edited[2].replace("will strengthen", "intend to strengthen")
    edited[1] = edited[1].replace("support", "firmly support")
    assert changes(edited) == [
        ("strengthened", 1, "support", "firmly support"),
        ("weakened", 2, "will strengthen", "intend to strengthen"),
    ]


def test_a_deleted_sentence_drops_its_commitment() -> None:
    edited = list(BASE)
    edited[1] = "The member states support the plan for regional trade."
    assert changes(edited) == [("dropped", 1, "note", None)]


def test_a_replaced_object_is_changed_object() -> None:
    edited = list(BASE)
    edited[3] = edited[3].replace("on transport", "on energy")
    assert changes(edited) == [("changed_object", 3, "note", "note")]


def test_added_and_dropped_paragraphs_give_new_and_dropped_commitments() -> None:
    edited = [*BASE[:3], "The member states condemn terrorism in all its forms."]
    got = changes(edited)
    assert ("dropped", 3, "note", None) in got
    assert ("new", None, None, "condemn") in got


def test_commitments_frame_columns() -> None:
    old = Declaration.from_paragraphs(BASE, title="generated (old)")
    frame = compare(old, old).commitments()
    for column in (
        "change", "old_paragraph", "new_paragraph", "old_predicate", "new_predicate",
        "old_stance", "new_stance", "old_strength", "new_strength", "object",
    ):  # fmt: skip
        assert column in frame.columns
    assert set(frame["change"]) == {"restated"}
    assert len(frame) == len(declaration_commitments(old))
