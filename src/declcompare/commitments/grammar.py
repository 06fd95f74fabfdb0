"""Tokens and predicates: where a stance verb of the lexicon stands in predicate position."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from declcompare.commitments.lexicon import Form, Lexicon, Phrase, Stance

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\w./–-]*|[^\w\s]")


CLAUSE_BREAK = frozenset({";", ":"})


RELATIVE = frozenset({"that", "which", "who", "whose", "whom", "where"})


SUBORDINATORS = frozenset(
    {
        "while", "when", "as", "if", "although", "though", "since", "because", "being", "in",
        "at", "on", "with", "by", "for", "after", "before", "following", "given", "whereas",
        "under", "upon",
    }
)  # fmt: skip


SUBJECT_STOP = frozenset(
    {"that", "which", "who", "if", "whether", "when", "while", "because", "as", "to", "it"}
)


# Verbs that are as often nouns or verbs of an object clause: not taken as a
# coordinated predicate after "and".
NOT_AFTER_AND = frozenset(
    {
        "promote", "establish", "hold", "state", "back", "view", "sign", "respect", "direct",
        "renew", "plan", "seek", "adopt", "consider", "determine", "approve", "review",
        "hear", "examine", "wish", "hope", "understand", "think", "task", "ask", "deny",
        "commit", "declare", "announce", "undertake", "resolve", "strive", "refer",
    }
)  # fmt: skip


@dataclass(slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass
class Pred:
    """A predicate read at a token: its range, reading, strength and form."""

    start: int  # token index of the first word of the predicate
    end: int  # token index after the predicate
    lemma: str
    stance: Stance
    strength: int
    negated: bool
    form: Form
    head: str  # lower-case head verb as written
    progressive: bool = False  # "We are launching ...": only the text's own voice says it
    deliberative: bool = False  # "will consider ...": a promise to weigh something


@dataclass
class Found:
    pred: Pred
    subject: tuple[int, int] | None  # token range of the subject
    actor: str | None  # None: take the sentence's subject (participial opening)
    formula: bool
    before: tuple[int, int] | None = None  # an object before the predicate (a judgement)
    reported: bool = False  # in a "that" clause of another predicate: not the next "they"


def tokens(text: str) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        out.append(Tok(word, word.lower().replace("’", "'"), *m.span()))
    return out


def _negator(toks: list[Tok], at: int) -> bool:
    """ "not", "never" (but not "not only ... but")."""
    return toks[at].low in ("not", "never") and not (
        at + 1 < len(toks) and toks[at + 1].low == "only"
    )


def _between_intensifiers(lex: Lexicon, toks: list[Tok], at: int) -> bool:
    """An "and" that joins two intensifiers ("our consistent and unwavering support")."""
    return (
        toks[at].low == "and"
        and 0 < at < len(toks) - 1
        and toks[at - 1].low in lex.intensifiers
        and toks[at + 1].low in lex.intensifiers
    )


def _match(lex: Lexicon, toks: list[Tok], at: int, *, modal: bool) -> tuple[Phrase, int, int, bool]:
    """Longest phrase at ``at``: (phrase, end token, intensity, negated inside it, as
    in "are not willing to"); raises LookupError."""
    for phrase in lex.by_first.get(toks[at].low, ()):
        if phrase.modal != modal:
            continue
        j, bonus, ok, negated = at + 1, 0, True, False
        for word in phrase.words[1:]:
            skips = 0
            while (
                j < len(toks)
                and toks[j].low != word
                and (
                    toks[j].low in lex.possessives
                    or toks[j].low in lex.intensifiers
                    or _negator(toks, j)
                    or _between_intensifiers(lex, toks, j)
                )
                and skips < 4
            ):
                negated = negated or _negator(toks, j)
                bonus += lex.intensifiers.get(toks[j].low, 0)
                j += 1
                skips += 1
            if j < len(toks) and toks[j].low == word:
                j += 1
            elif modal and word == "to" and j < len(toks) and toks[j].text == ",":
                # "intend, while recognising ..., to expand": skip the parenthesis.
                close = next(
                    (k for k in range(j + 1, min(len(toks) - 1, j + 40)) if toks[k].text == ","),
                    None,
                )
                if close is not None and toks[close + 1].low == "to":
                    j = close + 2
                else:
                    ok = False
                    break
            else:
                ok = False
                break
        if ok:
            return phrase, j, bonus, negated
    raise LookupError


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> str:
    from declcompare.commitments.verbforms import verb_lemmas

    lemmas = verb_lemmas(word)
    return lemmas[0] if lemmas else word


_CONTINUATIONS = frozenset({"continue", "go", "keep"})  # "continue to", "go on to"
# Only the present: "we were providing ..." narrates what was done.
_BE_PROGRESSIVE = {"am": Form.BASE, "are": Form.BASE, "is": Form.THIRD}


def predicate_at(lex: Lexicon, toks: list[Tok], at: int) -> Pred | None:
    """The predicate that starts at token ``at``, or None."""
    found = _predicate_at(lex, toks, at)
    if found is None and toks[at].low in _BE_PROGRESSIVE:
        return _progressive_at(lex, toks, at)
    return found


def _progressive_at(lex: Lexicon, toks: list[Tok], at: int) -> Pred | None:
    """ "We are supporting ...", "we are also launching ...", "we are not providing
    ...": the present progressive, in the form of its "be"."""
    from dataclasses import replace

    from declcompare.commitments.verbforms import is_known_verb

    if at + 1 >= len(toks):
        return None
    form = _BE_PROGRESSIVE[toks[at].low]
    inner = _predicate_at(lex, toks, at + 1)  # "are (also strongly) supporting"
    if inner is not None:
        if inner.form is not Form.ING:
            return None
        return replace(inner, start=at, form=form, progressive=True)
    j, bonus, negated = at + 1, 0, False
    while j < len(toks) and (
        (toks[j].low in lex.neutral and toks[j].low not in _AUXILIARIES)
        or (toks[j].low.endswith("ly") and toks[j].low in lex.intensifiers)
        or toks[j].low in ("not", "never")
    ):
        negated = negated or toks[j].low in ("not", "never")
        bonus += lex.intensifiers.get(toks[j].low, 0)
        j += 1  # "are also", "are now", "are jointly", "are firmly", "are not"
    if j >= len(toks) or not toks[j].low.endswith("ing") or not toks[j].text.islower():
        return None
    word = toks[j].low
    if word in lex.not_undertakings or not is_known_verb(word):
        return None
    end = j + 1
    lemma = _verb_lemma(word)
    if end < len(toks) and toks[end].low in _PARTICLES:  # "stepping up"
        lemma = f"{lemma} {toks[end].low}"
        end += 1
    return Pred(
        at, end, lemma, Stance.UNDERTAKE, lex.progressive_strength + bonus, negated, form, word,
        progressive=True,
    )  # fmt: skip


def _predicate_at(lex: Lexicon, toks: list[Tok], at: int) -> Pred | None:
    j, bonus, negated = at, 0, False
    modals: list[Phrase] = []
    fallback: Pred | None = None  # "Commits to the ...": the verb reading of a modal
    while j < len(toks):
        low = toks[j].low
        if low == "not" and j + 1 < len(toks) and toks[j + 1].low == "only":
            j += 2  # "will not only deepen ... but also": no negation
            continue
        if (low in lex.negators and low not in ("no",)) or (
            low == "no" and j + 1 < len(toks) and toks[j + 1].low == "longer"
        ):
            negated = True
            j += 1
            continue
        if (
            (low in lex.neutral and not (modals and low in _AUXILIARIES))
            or (low.endswith("ly") and low in lex.intensifiers)
            or (modals and _adverb_before_verb(lex, toks, j))
        ):
            bonus += lex.intensifiers.get(low, 0)
            j += 1
            continue
        try:
            phrase, end, extra, inside = _match(lex, toks, j, modal=False)
        except LookupError:
            phrase, end, extra, inside = None, j, 0, False
        try:
            modal, modal_end, modal_extra, modal_inside = _match(lex, toks, j, modal=True)
        except LookupError:
            modal, modal_end, modal_extra, modal_inside = None, j, 0, False
        if modal is not None and modal_end > end:  # "intend to X" is a modal, not "intend"
            if phrase is not None and fallback is None:
                fallback = Pred(
                    at, end, phrase.lemma, phrase.stance, phrase.strength + bonus + extra,
                    negated or inside, phrase.form, toks[j].low,
                )  # fmt: skip
            phrase = None
        if (
            modals
            and phrase is not None
            and phrase.stance is Stance.RECOGNISE
            and any(_verb_lemma(m.words[0]) not in _CONTINUATIONS for m in modals)
        ):
            # "will consider", "will listen to", "intend to review": recognition promised
            # for the future is the modal's undertaking or intention, one step below the
            # modal (a promise to weigh, not to act); "continue to recognise" stays one
            first = modals[0]
            return Pred(
                at, end, " ".join((_verb_lemma(toks[j].low), *phrase.words[1:])), first.stance,
                first.strength + sum(m.delta for m in modals[1:]) + bonus + extra - 1,
                negated or inside, first.form, toks[j].low, deliberative=True,
            )  # fmt: skip
        if phrase is not None and not (
            modals and phrase.words[0] in ("continue", "be") and end - j == 1
        ):
            if modals:
                strength = phrase.strength + sum(m.delta for m in modals)
                form = modals[0].form
            else:
                strength, form = phrase.strength, phrase.form
            before = toks[j - 1].low if j > at else ""
            if phrase.lemma in lex.set_adverbs.get(before, ()):
                bonus -= lex.intensifiers.get(before, 0)  # "highly appreciate" = "commend"
            end, after = _after_verb(lex, toks, end, phrase.lemma)
            return Pred(
                at, end, phrase.lemma, phrase.stance, strength + bonus + extra + after,
                negated or inside, form, toks[j].low,
            )  # fmt: skip
        if modal is None:
            break
        modals.append(modal)
        bonus += modal_extra
        negated = negated or modal_inside
        j = modal_end
    if not modals or j >= len(toks):
        return fallback
    # "will continue strengthening", "will continue their collaboration"
    if (
        toks[j].low == "continue"
        and j + 1 < len(toks)
        and toks[j + 1].low.endswith("ing")
        and toks[j + 1].text.islower()
    ):
        j += 1
    verb = toks[j]
    if not verb.text[:1].isalpha() or not verb.text.islower() or verb.low in _FUNCTION_WORDS:
        return fallback
    if fallback is not None:
        from declcompare.commitments.verbforms import is_known_verb

        if not is_known_verb(verb.low):  # "are committed to peace": no verb follows
            return fallback
    end = j + 1
    lemma = _verb_lemma(verb.low)
    # "will continue building up", "must not rule out": keep a particle with its verb.
    if end < len(toks) and toks[end].low in _PARTICLES and verb.low != "be":
        lemma = f"{lemma} {toks[end].low}"
        end += 1
    first = modals[0]
    return Pred(
        at, end, lemma, first.stance, first.strength + sum(m.delta for m in modals[1:]) + bonus,
        negated, first.form, verb.low,
    )  # fmt: skip


_AUXILIARIES = frozenset({"have", "has", "had", "having", "do", "does", "did"})

_BE_PAST = frozenset({("was",), ("were",), ("has", "been"), ("have", "been"), ("had", "been")})
_IMPERSONAL_FOLLOW = frozenset(
    {"to", "that", "for", "on", "of", "with", "over", "about", "regarding"}
)


def impersonal_at(
    lex: Lexicon, toks: list[Tok], clause_start: int, at: int, pred: Pred | None
) -> Pred | None:
    """ "The intention was reaffirmed to continue ...", "An agreement was reached to
    ...", "Support was expressed for ...": a position taken by a noun and a passive
    participle that open a clause, in the text's own voice (the lexicon's
    ``[impersonal]`` table). ``pred`` is the predicate read at ``at``, if any. The
    predicate returned spans from the noun to the participle (and the preposition
    after a noun-and-participle pair: "Support was expressed for")."""
    starts = [clause_start] + [k + 1 for k in range(clause_start, at) if toks[k].text == ","]
    for start in reversed(starts):  # "In this context, the need was stressed to ..."
        if any(t.low in RELATIVE for t in toks[clause_start:start]):
            continue  # "Noting that, in 2015, the agreement was ...": the outer object
        found = _impersonal_from(lex, toks, start, at, pred)
        if found is not None:
            return found
    return None


def _impersonal_from(
    lex: Lexicon, toks: list[Tok], clause_start: int, at: int, pred: Pred | None
) -> Pred | None:
    words = [t.low for t in toks[clause_start:at]]
    k, bonus = 0, 0
    if words and words[0] in ("the", "an", "a"):
        k = 1
    while k < len(words) and words[k] in lex.intensifiers:  # "Full support was expressed"
        bonus += lex.intensifiers[words[k]]
        k += 1
    if k >= len(words) or tuple(words[k + 1 :]) not in _BE_PAST:
        return None
    noun, participle = words[k], toks[at].low
    together = lex.impersonal_phrases.get((noun, participle))
    if together is not None:
        lemma, stance, strength, end = together.lemma, together.stance, together.strength, at + 1
    elif pred is not None and pred.form is Form.PAST and noun in lex.impersonal_nouns:
        lemma, stance, strength, end = pred.lemma, pred.stance, pred.strength, pred.end
    else:
        return None
    if end >= len(toks) or toks[end].low not in _IMPERSONAL_FOLLOW:
        return None
    if together is not None and toks[end].low in ("for", "to", "on", "with"):
        end += 1  # "agreement was reached to", "support was expressed for"
    negated = pred.negated if together is None and pred is not None else False
    return Pred(
        clause_start, end, lemma, stance, strength + bonus, negated,
        Form.PAST, participle,
    )  # fmt: skip


# Adverbs not in -ly that may stand between a modal and its verb.
_PLAIN_ADVERBS = frozenset({"more", "often", "even", "soon", "better", "rather", "first"})


def _adverb_before_verb(lex: Lexicon, toks: list[Tok], at: int) -> bool:
    """ "will continue to regularly hold", "will closely cooperate": an adverb in
    -ly (or "more often", "soon") between a modal and its verb (not a verb in -ly:
    "will apply", "to comply"; not an adjective: "committed to early warning", "to
    timely support")."""
    from declcompare.commitments.verbforms import is_known_verb

    low = toks[at].low
    if low in _PLAIN_ADVERBS or (low == "than" and toks[at - 1].low == "more"):
        # "we must more often stand together", "will more than double"
        if at + 1 >= len(toks) or not toks[at + 1].text.islower():
            return False
        nxt = toks[at + 1].low
        return (
            nxt in _PLAIN_ADVERBS
            or (low == "more" and nxt == "than")
            or (nxt.endswith("ly") and not is_known_verb(nxt))
            or is_known_verb(nxt)
        )
    return (
        len(low) > 4
        and low.endswith("ly")
        and low not in lex.ly_adjectives
        and toks[at].text.islower()
        and at + 1 < len(toks)
        and toks[at + 1].text[:1].isalpha()
        and toks[at + 1].text.islower()
        and not is_known_verb(low)
    )


def _after_verb(lex: Lexicon, toks: list[Tok], end: int, lemma: str = "") -> tuple[int, int]:
    """Intensifiers that follow the verb ("praised highly", "recommits firmly",
    "condemns in the strongest terms"): the predicate's new end and their strength.
    An adverb that makes a set phrase with a verb of ``lemma`` ("appreciated
    highly") adds none."""
    bonus = 0
    while True:
        if end < len(toks) and toks[end].low.endswith("ly") and toks[end].low in lex.intensifiers:
            if lemma not in lex.set_adverbs.get(toks[end].low, ()):
                bonus += lex.intensifiers[toks[end].low]
            end += 1
            continue
        for words, value in lex.after_verb:
            if tuple(t.low for t in toks[end : end + len(words)]) == words:
                bonus += value
                end += len(words)
                break
        else:
            return end, bonus


_PARTICLES = frozenset({"up", "out", "forward", "down"})


_FUNCTION_WORDS = frozenset(
    {
        "us", "them", "me", "him", "it", "you", "the", "a", "an", "their", "its", "our",
        "this", "that", "these", "those", "all", "any", "each", "such", "and", "or", "but",
        "of", "to", "in", "on", "for", "with", "by", "at", "as", "from", "be", "been",
    }
)  # fmt: skip
