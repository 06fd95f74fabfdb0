"""Judgements whose object comes first: "The use of nuclear weapons is inadmissible".

Leaders' statements often take a position by judging a thing rather than by a verb of
their own: "Russia's irresponsible nuclear rhetoric is unacceptable". Such a sentence
is read as a position of the text's own voice (stance and strength: the lexicon's
``[judgement]`` table), whose object is the subject before "is". Only a main clause
counts: in "We stress that X is unacceptable" the judgement is the object of "stress",
and a relative clause ("…, which is unacceptable") judges what was said before.
"""

from __future__ import annotations

from declcompare.commitments.grammar import RELATIVE, Pred, Tok
from declcompare.commitments.lexicon import Form, Lexicon

__all__ = ["judgement_at"]

_BE = {"is": Form.THIRD, "are": Form.BASE, "remains": Form.THIRD, "remain": Form.BASE}
# Adverbs between "is" and the adjective: "is totally unacceptable".
_ADVERBS = frozenset(
    {"totally", "absolutely", "completely", "wholly", "simply", "equally", "also", "clearly"}
    | {"entirely", "utterly", "therefore", "thus", "deeply", "fundamentally", "categorically"}
)
# Opening words of an adverbial before the subject's comma ("In this context, ...").
_OPENINGS = frozenset(
    {"in", "at", "for", "with", "against", "today", "moreover", "furthermore", "indeed"}
    | {"however", "nevertheless", "therefore", "above", "equally", "likewise", "again"}
    | {"accordingly", "additionally", "finally", "also", "further", "meanwhile", "thus"}
)
# A clause that opens with these is subordinate ("If sanctions are unjustifiable, ...")
# or no noun phrase ("What is unacceptable is ...").
_SUBORDINATE = frozenset(
    {"if", "while", "whilst", "because", "although", "though", "as", "since", "when"}
    | {"whether", "unless", "once", "what", "where", "how", "why", "whatever", "until"}
)
# Reported speech without "that": "The leaders said the use of force is unacceptable".
_REPORTING = frozenset(
    {"said", "says", "say", "stated", "states", "find", "found", "think", "thought"}
    | {"believe", "believes", "consider", "considers", "noted", "stressed", "declared"}
)
_SUBJECT_WORDS = 40  # a longer "subject" is no noun phrase of this sentence


def judgement_at(
    lex: Lexicon, toks: list[Tok], clause_start: int, at: int
) -> tuple[Pred, tuple[int, int] | None] | None:
    """The judgement whose "is" (are, remains) stands at ``at``, and the token range
    of its object before it (None for "It is unacceptable that ...", whose object
    follows); None when there is no judgement here."""
    form = _BE.get(toks[at].low)
    if form is None:
        return None
    k, negated = at + 1, False
    while k < len(toks) and (toks[k].low in _ADVERBS or toks[k].low in ("not", "never")):
        negated = negated or toks[k].low in ("not", "never")
        k += 1
    if k >= len(toks) or toks[k].low not in lex.judgement_adjectives:
        return None
    if k + 1 < len(toks) and toks[k + 1].low in ("to", "for"):
        return None  # "is unacceptable to some delegations": a view of others
    lo = clause_start
    commas = [j for j in range(clause_start, at) if toks[j].text == ","]
    first = toks[clause_start].low
    if commas and (first in _OPENINGS or (first.endswith("ly") and commas[0] == clause_start + 1)):
        lo = commas[0] + 1  # "In this context, ...", "Regrettably, ..."
    subject = toks[lo:at]
    if not subject or len(subject) > _SUBJECT_WORDS or toks[clause_start].low in _SUBORDINATE:
        return None
    if any(t.low in RELATIVE or t.low in _REPORTING for t in subject):
        return None  # inside "that ...", a relative clause or reported speech
    pred = Pred(
        start=at,
        end=k + 1,
        lemma=f"be {toks[k].low}",
        stance=lex.judgement_stance,
        strength=lex.judgement_strength,
        negated=negated,
        form=form,
        head=toks[k].low,
    )
    if [t.low for t in subject] == ["it"]:
        return pred, None  # "It is unacceptable that ...": the object follows
    return pred, (lo, at)
