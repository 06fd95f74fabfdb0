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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We condemn the generated war. The use or threat of use of generated weapons is "
         "inadmissible.",
         [("we", "condemn", "the generated war"),
          ("we", "is inadmissible", "The use or threat of use of generated weapons")]),
        ("We support the generated talks. In this context, attacks on generated "
         "infrastructure are totally unacceptable, and we call for restraint.",
         [("we", "support", "the generated talks"),
          ("we", "are totally unacceptable", "attacks on generated infrastructure"),
          ("we", "call for", "restraint")]),
        # inside another verb's object, or a relative clause: no judgement of its own
        ("We stress that the generated blockade is unacceptable.",
         [("we", "stress", "that the generated blockade is unacceptable")]),
        ("We believe it is unacceptable to interfere in generated affairs.",
         [("we", "believe", "it is unacceptable to interfere in generated affairs")]),
        ("We note the generated attacks, which are unacceptable.",
         [("we", "note", "the generated attacks, which are unacceptable")]),
        # subordinate clauses, reported speech, the view of others: no judgement
        ("We welcome the talks. If generated sanctions are unjustifiable, they end.",
         [("we", "welcome", "the talks")]),
        ("We welcome the talks. The leaders said the generated force is unacceptable.",
         [("we", "welcome", "the talks")]),
        ("We welcome the talks. The generated proposal is unacceptable to some delegations.",
         [("we", "welcome", "the talks")]),
        ("We welcome the talks. What is unacceptable is the generated force.",
         [("we", "welcome", "the talks")]),
        # an opening adverb and its comma stand outside the object
        ("We welcome the talks. Accordingly, the use of generated force is unacceptable.",
         [("we", "welcome", "the talks"),
          ("we", "is unacceptable", "the use of generated force")]),
    ],
)  # fmt: skip
def test_a_judgement_whose_object_comes_first(text: str, found: list[tuple[str, str, str]]) -> None:
    cs = commitments(text)
    assert [(c.actor, c.predicate, c.object) for c in cs] == found
    judged = [c for c in cs if c.lemma.startswith("be ")]
    assert all((c.stance.value, c.strength) == ("oppose", 4) for c in judged)
    d = Declaration.from_paragraphs([text], title="generated")
    for c in judged:  # the span runs from the object to the end of the predicate
        assert d.paragraphs[0].text[c.text_start : c.text_end] == f"{c.object} {c.predicate}"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "We" with an apposition (and an adverbial) before the verb is the authors
        # (only when its comma closes the apposition: nothing inside it is a predicate)
        ("We the leaders of the generated states (hereinafter referred to as the GS), based "
         "on the results of the generated meeting, declare the following.",
         [("we", "declare", "the following")]),
        ("We, the Generated Leaders, reaffirm our commitment to the generated plan.",
         [("we", "reaffirm our commitment to", "the generated plan")]),
        # a word after a possessive is a noun: "our resolve", "their support"
        ("We, the Generated Leaders, remain firm in our resolve to meet the challenges.", []),
    ],
)  # fmt: skip
def test_we_with_an_apposition(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(c.actor, c.predicate, c.object) for c in commitments(text)] == found


@pytest.mark.parametrize(
    ("text", "predicate", "lemma"),
    [
        ("For our generated peoples, we must more often stand together.",
         "must more often stand", "stand"),
        ("We will soon launch the generated fund.", "will soon launch", "launch"),
        ("We will more than double the generated fund.", "will more than double", "double"),
        ("We will even more closely cooperate on generated matters.",
         "will even more closely cooperate", "cooperate"),
        ("We will do more for the generated region.", "will do", "do"),
    ],
)  # fmt: skip
def test_plain_adverbs_between_a_modal_and_its_verb(text: str, predicate: str, lemma: str) -> None:
    (c,) = commitments(text)
    assert (c.predicate, c.lemma) == (predicate, lemma)


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # a long subject is a restricted actor only as "The" + actor + "that are/have"
        (["Decides that, for Member States that have fulfilled their generated obligations "
          "to the Force, there shall be set off against the apportionment their share of "
          "the generated balance in respect of the period;"],
         [("the General Assembly", "Decides")]),
        # the passive "needed" is no undertaking
        (["Recognizing that generated efforts, including international support, are "
          "urgently needed to address this,"],
         [("the General Assembly", "Recognizing")]),
        # capitalised bullets: names, and lead-ins that announce no verbs, open nothing
        (["The following generated leaders took part:", "- Prime Minister Jane Doe",
          "- Minister John Roe"], []),
        (["These include:", "- Trade barriers in generated markets"], []),
        (["We are taking generated steps to:", "- Strengthen generated ties."],
         [("we", "are taking"), ("we", "Strengthen")]),
    ],
)  # fmt: skip
def test_readings_the_review_found_wrong(texts: list[str], found: list[tuple[str, str]]) -> None:
    cs = commitments(*texts, organisation="United Nations General Assembly")
    assert [(c.actor, c.predicate) for c in cs] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "Against this background" opens an adverbial: "be against" has no bare form
        ("Against this background, the generated situation is deteriorating.", []),
        # the member countries of an organisation are its member states
        ("The member countries support the leading role of the generated body.",
         [("the member states", "support", "support")]),
        # a group's leaders without "the" are still the authors' voice
        ("In these efforts, Quad Leaders will listen to generated priorities.",
         [("we", "will listen to", "undertake")]),
        # a state of mind promised for the future is the modal's act
        ("We will review generated progress next year.",
         [("we", "will review", "undertake")]),
        ("We intend to consider the generated proposal.",
         [("we", "intend to consider", "intend")]),
        ("We recognise the generated need.", [("we", "recognise", "recognise")]),
    ],
)  # fmt: skip
def test_readings_of_the_second_development_sample(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    # gold/commitments/dev2-main-commitments.toml; sentences written for the test
    assert [(c.actor, c.predicate, c.stance.value) for c in commitments(text)] == found


def test_while_respecting_says_how_not_what() -> None:
    # generated; "while recognizing ..." is a position, "while respecting ..." a manner,
    # and the operative verb after it is the Assembly's again
    cs = commitments(
        "Calls upon States to counter generated threats, while respecting human rights, "
        "and stresses the importance of cooperation with civil society;",
        organisation="United Nations General Assembly",
    )
    assert [(c.predicate, c.stance.value) for c in cs] == [
        ("Calls upon", "call"),
        ("stresses", "emphasise"),
    ]
    (first_, second) = commitments("They welcome the generated plan, while recognizing its risks.")
    assert (first_.predicate, second.predicate) == ("welcome", "recognizing")


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # a body named after a comma inside the object of a position taken is no subject
        (["8. Decides that, in accordance with its generated resolution 56/119, the "
          "Fifteenth Congress shall adopt a single declaration;"],
         [("the General Assembly", "Decides")]),
        (["Reaffirming its generated resolution 70/1, the Paris Agreement adopted under the "
          "Convention, recalling its resolution 77/1,"],
         [("the General Assembly", "Reaffirming"), ("the General Assembly", "recalling")]),
        # a promise to weigh something by a third party is not the Assembly's undertaking
        (["Also notes that, in fulfilling its generated mandate, the Working Group will "
          "continue to take into account the views of States;"],
         [("the General Assembly", "Also notes")]),
    ],
)  # fmt: skip
def test_readings_an_adversarial_review_found_wrong(
    texts: list[str], found: list[tuple[str, str]]
) -> None:
    cs = commitments(*texts, organisation="United Nations General Assembly")
    assert [(c.actor, c.predicate) for c in cs] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We continue to recognise the important role of the generated council.",
         [("we", "continue to recognise", "recognise", 2)]),
        ("We will consider further generated sanctions.",
         [("we", "will consider", "undertake", 3)]),
        ("The member countries of the SCO support the generated body.",
         [("the member states", "support", "support", 4)]),
        ("The SCO member countries support the generated body.",
         [("the member states", "support", "support", 4)]),
    ],
)  # fmt: skip
def test_readings_with_their_strength(text: str, found: list[tuple[str, str, str, int]]) -> None:
    got = [(c.actor, c.predicate, c.stance.value, c.strength) for c in commitments(text)]
    assert got == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a communiqué reports the member states' own position inside a "that" clause
        ("The heads of delegations reiterated that the SCO member states consider it important "
         "to improve generated governance and will uphold the generated system.",
         [("the heads of delegations", "reiterated", "reaffirm", 4),
          ("the member states", "consider it important to improve", "emphasise", 2),
          ("the member states", "will uphold", "support", 4)]),
        # "would" reported after a verb in the past is the "will" of the statement
        ("The heads of delegations underscored the fact that the member states would continue "
         "to make generated efforts.",
         [("the heads of delegations", "underscored", "emphasise", 3),
          ("the member states", "would continue to make", "undertake", 4)]),
        # a parenthesis after the reported subject
        ("The heads of delegations noted that the member states, in accordance with the "
         "generated Charter, intend to develop generated cooperation.",
         [("the heads of delegations", "noted", "note", 2),
          ("the member states", "intend to develop", "intend", 3)]),
        # what others must do is no clause of the authors' own
        ("We note that Russia must end the generated war.", [("we", "note", "note", 2)]),
    ],
)  # fmt: skip
def test_a_position_reported_in_a_that_clause(
    text: str, found: list[tuple[str, str, str, int]]
) -> None:
    got = [(c.actor, c.predicate, c.stance.value, c.strength) for c in commitments(text)]
    assert got == found


def test_a_reported_clause_does_not_become_the_next_they() -> None:
    cs = commitments(
        "The heads of delegations reiterated that the member states support generated talks. "
        "They stressed the generated need."
    )
    assert [(c.actor, c.predicate) for c in cs][-1] == ("the heads of delegations", "stressed")
    # and the reporting verb's object is the whole clause it reports
    assert cs[0].object.startswith("that the member states support generated talks")


def test_in_a_resolution_a_that_clause_stays_the_assemblys() -> None:
    cs = commitments(
        "Reaffirms that Member States should contribute to the generated fund;",
        organisation="United Nations General Assembly",
    )
    assert [(c.actor, c.predicate) for c in cs] == [("the General Assembly", "Reaffirms")]


def test_a_that_clause_with_they_or_others_is_not_read_as_the_reporters() -> None:
    # "they" after "that" may be others: only the reporting verb is the authors'
    cs = commitments("We note that they support the generated talks.")
    assert [(c.actor, c.predicate) for c in cs] == [("we", "note")]


def test_a_reported_subject_does_not_carry_into_the_next_paragraph() -> None:
    cs = commitments(
        "The heads of delegations noted that the member states support generated talks.",
        "They welcomed the generated report.",
    )
    assert (cs[-1].actor, cs[-1].predicate) == ("the heads of delegations", "welcomed")


def test_reported_clauses_joined_by_and_that() -> None:
    cs = commitments(
        "We underline that we will not accept the generated plan and that we oppose "
        "generated sanctions."
    )
    assert [(c.predicate, c.object) for c in cs][1:] == [
        ("will not accept", "the generated plan"),
        ("oppose", "generated sanctions"),
    ]


def test_would_like_is_not_backshifted() -> None:
    cs = commitments(
        "The heads of delegations noted that the member states would like to thank the host."
    )
    assert (cs[-1].predicate, cs[-1].stance.value) == ("would like", "intend")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "would" joined after a reporter in the past is backshifted like the first
        ("The heads of delegations underscored that the member states would continue "
         "generated efforts and would strengthen generated ties.",
         [("the heads of delegations", "underscored", "emphasise", 3),
          ("the member states", "would continue", "undertake", 4),
          ("the member states", "would strengthen", "undertake", 4)]),
        # a verb in the reporter's past after a reported present is the reporter's
        ("The heads of delegations reiterated that the member states support generated talks "
         "and welcomed the generated report.",
         [("the heads of delegations", "reiterated", "reaffirm", 4),
          ("the member states", "support", "support", 4),
          ("the heads of delegations", "welcomed", "welcome", 3)]),
        # after a reporter in the present, "would" stays a conditional
        ("We note that the member states would continue generated efforts.",
         [("we", "note", "note", 2), ("the member states", "would continue", "intend", 3)]),
    ],
)  # fmt: skip
def test_predicates_joined_inside_a_reported_clause(
    text: str, found: list[tuple[str, str, str, int]]
) -> None:
    got = [(c.actor, c.predicate, c.stance.value, c.strength) for c in commitments(text)]
    assert got == found
