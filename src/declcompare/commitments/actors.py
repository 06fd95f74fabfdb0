"""Who takes a position: the subject of a predicate, resolved to an actor."""

from __future__ import annotations

from functools import lru_cache

from declcompare.commitments.grammar import RELATIVE, SUBORDINATORS, Tok
from declcompare.commitments.lexicon import Lexicon


@lru_cache(maxsize=1)
def state_set() -> frozenset[str]:
    from declcompare.parse.signatures import state_names

    return frozenset(name.lower() for name in state_names())


# Adverbs that may open a subject without being part of it.
_LEADING_ADVERBS = frozenset({"today", "now", "here", "again", "together", "hereby"})


def actor_of(lex: Lexicon, toks: list[Tok], after_comma: bool = False) -> str | None:
    """The canonical actor a subject names, or None if it is not an actor phrase.

    ``after_comma``: the phrase follows an opening adverbial and its comma ("Going
    forward, the MEF will ..."), where a lower-case "the" may open a name."""
    if not toks:
        return None
    if is_state_list(toks):
        written = " ".join(t.text for t in toks).replace(" ,", ",")
        return written[0].lower() + written[1:] if written.startswith("The ") else written
    if (
        toks[0].low == "we"
        and len(toks) > 2
        and (toks[1].text == "," or toks[1].low == "the")
        and toks[-1].text == ","
    ):
        return "we"  # "We, the Quad Leaders, ...", "We the leaders of ..., based on ...,"
    if len(toks) > 14:
        # "The Member States that are parties to the Treaty on ... are in favour of": a
        # long subject is an actor only as "The" + a named actor + "that are / have",
        # with no comma ("Decides that, for Member States that have ..., there shall
        # be set off against" is no subject; nor is a title's "That Can Be Used")
        k = next((k for k, t in enumerate(toks[:6]) if t.text in ("that", "who")), None)
        if (
            k is None
            or toks[0].low != "the"
            or toks[k + 1].low not in ("are", "have")
            or any(t.text == "," for t in toks)
        ):
            return None
        return _restricted(lex, toks, k)
    if len(toks) > 1 and toks[0].low in _LEADING_ADVERBS:
        return actor_of(lex, toks[1:])  # "today we express ...", "now they call ..."
    text = " ".join(t.low for t in toks)
    if text in ("they", "we"):
        return text
    if text.startswith("and "):
        return None
    for name, patterns, _ in lex.actors:
        if any(p.fullmatch(text) for p in patterns):
            return name
    for k, tok in enumerate(toks):
        if tok.low in RELATIVE and k > 0:
            return _restricted(lex, toks, k)
    # A short proper-noun subject: "The SCO and UNODC", "The Secretary-General".
    words = [t for t in toks if t.low not in ("the", "of", "and", "for", "on", "in")]
    if (
        words
        and (
            toks[0].low == "the"
            or len(words) >= 2
            or (toks[0].text.isupper() and len(toks[0].text) > 1)
        )
        and toks[0].low not in SUBORDINATORS
        and len(toks) <= 8
        and all(t.text[:1].isupper() or t.text in ("(", ")") for t in words)
        and not any(t.low in lex.verb_words or t.low.endswith("ing") for t in words)
        and (toks[0].text[:1].isupper() or (after_comma and toks[0].low == "the" and len(toks) > 1))
    ):
        written = " ".join(t.text for t in toks)
        return written[0].lower() + written[1:] if written.startswith("The ") else written
    return None


def is_state_list(toks: list[Tok]) -> bool:
    """ "India", "the Republic of Kazakhstan, the Kyrgyz Republic and the Russian Federation"."""
    states = state_set()
    words: list[str] = []
    named = False
    for tok in [*toks, None]:  # None closes the last name
        if tok is not None and tok.text != "," and tok.low != "and":
            words.append(tok.low)
            continue
        if words:  # a name is complete: stop at the first that is no state
            name = " ".join(words)
            if (name[4:] if name.startswith("the ") else name).replace(" 's", "'s") not in states:
                return False
            named, words = True, []
    return named


def generic_subject(toks: list[Tok]) -> bool:
    """A short lower-case noun phrase ("work", "such cooperation") before a modal."""
    return 1 <= len(toks) <= 4 and not any(t.text in (",", "(", ")") for t in toks)


def _restricted(lex: Lexicon, toks: list[Tok], k: int) -> str | None:
    """An actor and the relative clause that restricts it, from ``toks[k]`` on ("the
    member states that are parties to the NPT"), or None."""
    head = actor_of(lex, toks[:k])
    if head and head not in ("they", "we"):
        return f"{head} {' '.join(t.text for t in toks[k:])}"
    return None


def subject_candidates(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges that may be the subject of a predicate starting at ``hi``."""
    ranges = [(lo, hi)]
    commas = [k for k in range(lo, hi) if toks[k].text == ","]
    # Longest tail first: "In this context, they ...", and "Reaffirming ..., the
    # Republic of Kazakhstan, the Kyrgyz Republic and ... support".
    for k in commas:
        ranges.append((k + 1, hi))
        if k + 2 < hi and toks[k + 1].low in ("and", "but"):
            # "Trade grew, and the member states welcome ...": a new main clause
            ranges.append((k + 2, hi))
    if commas and commas[-1] == hi - 1:
        ranges.append((lo, commas[0]))  # "The member states, following ..., declare"
    if (
        hi - 1 > lo
        and toks[hi - 1].low in ("we", "they")
        and _opening_without_comma(toks, lo, hi - 1)
    ):
        ranges.append((hi - 1, hi))
    return ranges


# Connectives that open a sentence, often without their comma ("In this context we ...").
_CONNECTIVES = frozenset(
    {
        ("in", "this", "context"), ("in", "this", "regard"), ("to", "this", "end"),
        ("to", "that", "end"), ("in", "doing", "so"), ("in", "so", "doing"),
        ("in", "addition"), ("in", "particular"), ("in", "this", "spirit"),
        ("against", "this", "background"), ("with", "this", "in", "mind"),
        ("in", "this", "light"), ("at", "the", "same", "time"), ("for", "this", "reason"),
        ("in", "turn"), ("today",), ("together",),
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "these", "those", "this", "that", "all", "such", "our", "their"})


def _opening_without_comma(toks: list[Tok], lo: int, pronoun: int) -> bool:
    """Whether ``toks[lo:pronoun]`` is an opening adverbial that lacks its comma, so
    that the "we" / "they" after it is the subject: a connective ("In this context we
    highlight") or a purpose infinitive ("To incentivize ... products we will
    explore"), but not a noun phrase with a contact relative clause ("In the areas
    we support, ...", "To help the people we support")."""
    words = tuple(t.low for t in toks[lo:pronoun])
    if words in _CONNECTIVES:
        return True
    return (
        len(words) >= 2
        and words[0] == "to"
        and toks[lo + 1].text.islower()
        and words[1] not in _DETERMINERS
        and not any(w in _DETERMINERS for w in words[-3:])
    )


def voice_after_and(lex: Lexicon, toks: list[Tok], lo: int, hi: int) -> tuple[int, int, str] | None:
    """ "We value its role and we welcome ...": the subject of a new main clause
    after a bare "and" / "but" before the predicate at ``hi``, as ``(start, end,
    actor)``. Only "we" or "they" opens such a clause: a noun phrase after "and" is
    too often part of the object ("cooperation between India and Russia will ...",
    "some leaders and parties have supported ...", "that Member States should")."""
    k = hi - 2
    if (
        k > lo
        and toks[k].low in ("and", "but")
        and toks[k - 1].text != ","
        and toks[k + 1].low in ("we", "they")
    ):
        return k + 1, hi, toks[k + 1].low
    return None
