"""One sentence scanned clause by clause for its commitments."""

from __future__ import annotations

from declcompare.commitments.actors import (
    actor_of,
    generic_subject,
    is_state_list,
    subject_candidates,
    voice_after_and,
)
from declcompare.commitments.grammar import (
    CLAUSE_BREAK,
    NOT_AFTER_AND,
    RELATIVE,
    SUBJECT_STOP,
    Found,
    Pred,
    Tok,
    impersonal_at,
    predicate_at,
)
from declcompare.commitments.judgements import judgement_at
from declcompare.commitments.lexicon import Form, Lexicon, Stance
from declcompare.commitments.verbforms import verb_lemmas

_JUDGING = frozenset({"is", "are", "remains", "remain"})
_POSSESSIVE_BEFORE = frozenset({"our", "their", "its", "his", "her", "my", "your"})
_ARTICLES = frozenset({"the", "a", "an"})


def is_coordinated(toks: list[Tok], prev_end: int, at: int) -> bool:
    """Is the predicate at ``at`` joined by "and" to the clause ending before it?"""
    between = [t.text for t in toks[prev_end:at]]
    if not between:
        return False
    tail = [w.lower() for w in between[-8:]]
    if tail[-1] == "and" or tail[-2:] == [",", "and"] or tail[-2:] == ["and", "also"]:
        return True
    # "and, in this context, will continue ..."
    if tail[-1] == ",":
        for k in range(len(tail) - 2, -1, -1):
            if tail[k] == "and" and k + 1 < len(tail) and tail[k + 1] == ",":
                return True
    return tail[-1] == "," and len(between) == 1


def forms_agree(first: Form, second: Form) -> bool:
    finite = {Form.BASE, Form.PAST}
    return first == second or (first in finite and second in finite)


def scan(
    lex: Lexicon, toks: list[Tok], previous_actor: str | None, default_actor: str | None
) -> list[Found]:
    found: list[Found] = []
    clause_start = 0
    starts = lex.starts
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.text in CLAUSE_BREAK:
            clause_start = i + 1
            i += 1
            continue
        judged = (
            judgement_at(lex, toks, clause_start, i)
            # "They believe it is unacceptable ...": the object of "believe"
            if tok.low in _JUDGING and not (found and found[-1].pred.start >= clause_start)
            else None
        )
        if judged is not None:  # "The use of nuclear weapons is inadmissible"
            found.append(Found(judged[0], None, "", False, judged[1]))
            i = judged[0].end
            continue
        if tok.low not in starts or not tok.text[:1].isalpha():  # no predicate starts here
            i += 1
            continue
        if tok.text[:1].isupper() and i > 0 and toks[i - 1].text[:1].isalpha():
            # a capital after a word names something ("the Comprehensive Plan",
            # "the Task Force"): a predicate is capitalised only where a sentence starts
            i += 1
            continue
        if i > 0 and toks[i - 1].low in _POSSESSIVE_BEFORE:
            i += 1  # "in our resolve to", "their support": a noun, not a predicate
            continue
        if i > 0 and toks[i - 1].low in _ARTICLES:
            i += 1  # "the concerned member states", "a proposed plan": an adjective or noun
            continue
        pred = predicate_at(lex, toks, i)
        if (
            pred is not None
            and _necessary_at(lex, toks, pred.start)
            and not _impersonal_it(lex, toks, clause_start, i)
        ):
            # "The SCO is important to strengthen ...", "... and is crucial to
            # preventing ...": only an impersonal "It is necessary to" is a position
            i += 1
            continue
        if pred is not None and _noun_need(lex, toks, pred.start, pred.end):
            i += 1  # "reaffirm the need to launch ...": a noun, the object of "reaffirm"
            continue
        nominal = impersonal_at(lex, toks, clause_start, i, pred)
        if nominal is not None:  # "An agreement was reached to ...": the text's own voice
            found.append(Found(nominal, None, "", False))
            i = nominal.end
            continue
        if pred is None:
            i += 1
            continue
        last = found[-1] if found else None
        accepted: Found | None = None
        if (
            last is not None
            and last.pred.end <= i
            and (
                (
                    (is_coordinated(toks, last.pred.end, i) or _comma_joined(toks, i, pred.end))
                    and forms_agree(last.pred.form, pred.form)
                    and pred.head not in NOT_AFTER_AND
                )
                # "They welcome the plan, while recognizing ...": the same actor
                or _while_joined(lex, toks, i, pred)
            )
        ):
            accepted = Found(pred, None, last.actor, last.formula, reported=last.reported)
            if last.reported:
                accepted = _joined_in_report(lex, toks, found, accepted)
        opening = i == clause_start or (
            i == clause_start + 1 and toks[clause_start].low in ("while", "whilst")
        )
        if opening and accepted is None and _noun_at_opening(toks, i, pred.end):
            i += 1
            continue
        if accepted is None and opening:
            accepted = Found(pred, None, None, True)
        if accepted is None and pred.form is Form.PAST and _impersonal(toks, clause_start, i):
            # "It was noted that ...", "It was agreed to ...": the meeting's own voice
            accepted = Found(pred, None, "", False)
        if accepted is None and _impersonal_it(lex, toks, clause_start, i):
            # "It is necessary to cooperate with ...": the authors' own view
            accepted = Found(pred, None, "", False)
        if accepted is None and last is not None and default_actor not in lex.voices:
            # "The heads of delegations reiterated that the member states consider it
            # important to ...": the position reported is the member states' own (in a
            # UN resolution, "Reaffirms that Member States should" is the Assembly's)
            inner = _that_subject(toks, last, i)
            actor = actor_of(lex, toks[slice(*inner)], False) if inner is not None else None
            # ("they" is left out: in "we note that they support" it may be others)
            if inner is not None and (_is_voice(lex, actor) or actor == "we"):
                if last.pred.form is Form.PAST:
                    pred = _backshifted(lex, toks, pred)
                accepted = Found(pred, inner, actor, False, reported=True)
        if accepted is None:
            for lo, hi in subject_candidates(toks, clause_start, i):
                actor = actor_of(lex, toks[lo:hi], _after_opening(toks, clause_start, lo, found))
                if actor is not None:
                    accepted = Found(pred, (lo, hi), actor, False)
                    break
            else:
                after_and = voice_after_and(lex, toks, clause_start, i)
                if after_and is not None:
                    accepted = Found(pred, after_and[:2], after_and[2], False)
            if accepted is None:
                lo = clause_start
                commas = [k for k in range(clause_start, i) if toks[k].text == ","]
                if commas:
                    lo = commas[-1] + 1
                sub = toks[lo:i]
                if (
                    pred.stance in (Stance.UNDERTAKE, Stance.INTEND)
                    and not pred.deliberative  # "the Working Group will take into account"
                    and sub
                    and sub[0].text.islower()
                    and generic_subject(sub)
                    and all(t.low not in SUBJECT_STOP for t in sub)
                    and (lo == 0 or toks[lo - 1].text == ",")
                ):
                    accepted = Found(pred, None, "", False)  # passive undertaking
        if accepted is not None and pred.progressive and not _is_voice(lex, accepted.actor):
            accepted = None  # "Russia is waging ...": what others do is no commitment
        if accepted is not None:
            found.append(accepted)
            i = pred.end
        else:
            i += 1
    # Resolve actors: a participial opening takes the sentence's subject; pronouns
    # and passive undertakings take the actor before them.
    # An opening formula ("Recalling ...", "Decides ...") speaks in the document's
    # own voice where it has one; otherwise in that of the main clause after it
    # ("Emphasising ..., they believe").
    subject_actor = next(
        (
            f.actor
            for f in found
            if f.subject is not None
            and f.actor not in (None, "")
            and f.subject[0] > 0
            and toks[f.subject[0] - 1].text == ","
        ),
        None,
    )
    named_states = {
        f.actor for f in found if f.subject is not None and is_state_list(toks[slice(*f.subject)])
    }
    resolved: list[Found] = []
    current = previous_actor
    for f in found:
        actor = f.actor
        if actor is None:
            named = (
                subject_actor is not None
                and default_actor not in lex.voices
                and (subject_actor in ("they", "we") or subject_actor in named_states)
            )
            if named:
                actor = subject_actor
            else:
                actor = default_actor or subject_actor or current or "(not stated)"
        # "we" is the authors' own voice: never a state named earlier in the text.
        if actor in ("they", ""):
            actor = current or default_actor or ("they" if actor == "they" else "(not stated)")
        resolved.append(Found(f.pred, f.subject, actor, f.formula, f.before, f.reported))
        if (f.subject is not None or f.actor is None) and not f.reported:
            current = actor
    return resolved


# Words an object starts with: a verb after a bare comma is a second predicate
# ("support the plan, welcome the report") only when one of these follows it.
_OBJECT_STARTS = frozenset(
    {"the", "a", "an", "its", "their", "our", "this", "these", "that", "all", "efforts", "further"}
)


def _after_opening(toks: list[Tok], clause_start: int, lo: int, found: list[Found]) -> bool:
    """Whether ``toks[lo:]`` follows a short opening adverbial and its comma at the
    clause's start ("Going forward, the MEF will ..."), with no position taken before
    it in the sentence, so not a comma inside the object of one ("Decides that, in
    accordance with ..., the Congress shall adopt": the Assembly decides;
    "Reaffirming its resolution, the Paris Agreement adopted ...": a list)."""
    if lo <= clause_start + 1 or toks[lo - 1].text != "," or found:
        return False  # a position already taken in the sentence: we are in its object
    opening = toks[clause_start : lo - 1]
    return len(opening) <= 6 and not any(t.text == "," or t.low in RELATIVE for t in opening)


def _joined_in_report(lex: Lexicon, toks: list[Tok], found: list[Found], joined: Found) -> Found:
    """A predicate joined to one reported in a "that" clause: a verb in the past that
    the reported one is not in is the reporter's again ("reiterated that the member
    states support the talks and welcomed the report"); "would" after a reporter in
    the past is backshifted like the first ("... would continue and would strengthen")."""
    reporter = next((f for f in reversed(found) if not f.reported), None)
    if reporter is None or reporter.pred.form is not Form.PAST:
        return joined
    last = found[-1]
    if joined.pred.form is Form.PAST and last.pred.form is not Form.PAST:
        return Found(joined.pred, None, reporter.actor, reporter.formula)
    return Found(_backshifted(lex, toks, joined.pred), None, joined.actor, False, reported=True)


def _backshifted(lex: Lexicon, toks: list[Tok], pred: Pred) -> Pred:
    """A predicate reported after a verb in the past ("underscored that the member
    states would continue to make efforts"), read as said: "would" there is the
    "will" of the direct statement, not a conditional."""
    first = toks[pred.start]
    after = toks[pred.start + 1].low if pred.start + 1 < len(toks) else ""
    if first.low != "would" or after == "like":  # "would like to" is a wish as said
        return pred
    said = [
        *toks[: pred.start],
        Tok("will", "will", first.start, first.end),
        *toks[pred.start + 1 :],
    ]
    return predicate_at(lex, said, pred.start) or pred


def _that_subject(toks: list[Tok], last: Found, at: int) -> tuple[int, int] | None:
    """The subject of a "that" clause before the predicate at ``at``: the clause opens
    right after the last predicate ("reiterated that ...", "underscored the fact that
    ...") or, after a clause so reported, with "and that"; a parenthesis after the
    subject is left out ("that the member states, in accordance with ..., intend")."""
    after = last.pred.end
    start = None
    for lead in (("that",), ("the", "fact", "that")):
        k = after + len(lead)
        if k < at and tuple(t.low for t in toks[after:k]) == lead:
            start = k
    if start is None and last.reported:
        ands = [
            k for k in range(after, at - 1) if toks[k].low == "and" and toks[k + 1].low == "that"
        ]
        start = ands[-1] + 2 if ands else None
    if start is None or start >= at:
        return None
    commas = [k for k in range(start, at) if toks[k].text == ","]
    if commas and commas[-1] == at - 1 and commas[0] > start:
        return (start, commas[0])
    return None if commas else (start, at)


def _comma_joined(toks: list[Tok], at: int, end: int) -> bool:
    """ "…, welcome the report": a predicate right after a comma, with an object."""
    return (
        at > 0
        and toks[at - 1].text == ","
        and toks[at].text.islower()
        and end < len(toks)
        and toks[end].low in _OBJECT_STARTS
    )


def _while_joined(lex: Lexicon, toks: list[Tok], at: int, pred: Pred) -> bool:
    """ "…, while recognizing …": a participle after "while" keeps the actor; "while
    respecting the sovereignty of states" says how, and is part of the object."""
    if at == 0 or toks[at - 1].low not in ("while", "whilst") or pred.form is not Form.ING:
        return False
    return not set(verb_lemmas(pred.head) or (pred.head,)) & lex.manner_after_while


# After a capitalised word at the opening, these show it is a noun ("Support
# includes", "Plans of the member states", "Support for Ukraine").
_AFTER_NOUN = frozenset({"of", "for", "includes", "include", "is", "are", "was", "were", "has"})


def _noun_at_opening(toks: list[Tok], at: int, end: int) -> bool:
    """A capitalised opening word read as a noun, not as an operative verb."""
    if not toks[at].text[:1].isupper() or end >= len(toks) or end != at + 1:
        return False
    # "and" after the opening word proves nothing: "Acknowledges and profoundly
    # regrets", "Welcomes and accepts with appreciation" are two predicates.
    return toks[end].low in _AFTER_NOUN


# Words after which "need to" is a verb: its subject's last word, or an adverb.
_NEED_AFTER = frozenset(
    {"we", "they", "states", "leaders", "countries", "parties", "sides", "delegations"}
    | {"participants"}
)


def _noun_need(lex: Lexicon, toks: list[Tok], start: int, end: int) -> bool:
    """Whether the predicate ``toks[start:end]`` holds the noun "need" ("the need to",
    "an urgent need to") or the passive "needed" ("are urgently needed to"), not the
    modal of "we need to act", which stands right after its subject or an adverb."""
    k = next((j for j in range(start, end) if toks[j].low in ("need", "needs", "needed")), None)
    if k is None:
        return False
    if toks[k].low == "needed":
        return True
    return start == 0 or not (
        toks[start - 1].low in _NEED_AFTER or toks[start - 1].low in lex.neutral
    )


_IMPERSONAL = (("it", "was"), ("it", "is"), ("it", "has", "been"), ("it", "had", "been"))


def _is_voice(lex: Lexicon, actor: str | None) -> bool:
    """Whether an actor names the text's own voice ("we", the member states ...).
    Neither a passive's unnamed actor ("the situation is deteriorating") nor "they"
    does: "They are deploying weapons" may well speak of others."""
    return actor is not None and (actor == "we" or actor in lex.actor_names)


def _necessary_at(lex: Lexicon, toks: list[Tok], at: int) -> bool:
    """Whether "(is) necessary to" (essential, important ...: the lexicon's modal
    phrases marked impersonal) starts at ``at``."""
    k = at + 1 if toks[at].low in _BE_WORDS else at
    return (
        k + 1 < len(toks) and toks[k].low in lex.impersonal_adjectives and toks[k + 1].low == "to"
    )


_BE_WORDS = frozenset({"is", "are", "was", "were", "be", "remain", "remains", "remained"})


def _impersonal_it(lex: Lexicon, toks: list[Tok], clause_start: int, i: int) -> bool:
    """Whether ``i`` starts "is necessary to" (essential, important ...) after an
    impersonal "It" that opens the clause or follows its last comma ("As we move
    forward, it is essential to ..."), not inside a "that" clause."""
    if not (toks[i].low in ("is", "was", "remains") and _necessary_at(lex, toks, i)):
        return False
    commas = [k for k in range(clause_start, i) if toks[k].text == ","]
    start = commas[-1] + 1 if commas else clause_start
    if any(t.low in RELATIVE for t in toks[clause_start:start]):
        return False  # "reiterating that, while ..., it is important to": the outer object
    return tuple(t.low for t in toks[start:i]) in (("it",), ("also", "it"), ("further", "it"))


def _impersonal(toks: list[Tok], clause_start: int, i: int) -> bool:
    """Whether the clause before ``i`` is an impersonal passive's "It was" (the
    communiqués' "It was noted that ...", "It was agreed to ...")."""
    words = tuple(t.low for t in toks[clause_start:i])
    return words in _IMPERSONAL or (
        len(words) > 1 and words[0] in ("also", "further") and words[1:] in _IMPERSONAL
    )
