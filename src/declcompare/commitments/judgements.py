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
    {"in", "as", "at", "for", "with", "against", "today", "moreover", "furthermore"}
    | {"however", "nevertheless", "therefore", "above", "equally", "likewise", "again"}
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
    lo = clause_start
    commas = [j for j in range(clause_start, at) if toks[j].text == ","]
    if commas and toks[clause_start].low in _OPENINGS:
        lo = commas[0] + 1
    subject = toks[lo:at]
    if not subject or len(subject) > _SUBJECT_WORDS:
        return None
    if any(t.low in RELATIVE for t in subject):
        return None  # inside "that ..." or a relative clause: another verb's object
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
