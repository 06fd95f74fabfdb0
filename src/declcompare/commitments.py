"""Commitments: who commits to what, and how strongly.

:func:`extract_commitments` reads each sentence of each paragraph and finds the
verbs by which an actor takes a position ("The member states *firmly advocate*
...", "*Decides* to include ..."), using the stance lexicon in
``data/stance_lexicon.toml``. A verb counts only where it is the predicate of
a clause: after the clause's subject ("The member states", "They", "the Republic
of Uzbekistan"), coordinated with such a predicate ("support and welcome"), or
opening the sentence as UN resolutions and participial clauses do ("Recalling
...", "Emphasising ..., they believe"). A stance verb inside a subordinate
clause or a noun phrase ("the efforts that aim to ...") is not one.

This is a transparent rule-based reader, not a parser of English: its rules are
listed here and its vocabulary in the data file, so an analyst can see why a
sentence was read as it was.

>>> from declcompare import Declaration, extract_commitments
>>> d = Declaration.from_paragraphs(
...     ["The member states firmly support the plan. They take note of the report."]
... )
>>> frame = extract_commitments(d)
>>> frame[["actor", "predicate", "lemma", "stance", "strength", "object"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'actor': 'the member states', 'predicate': 'firmly support', 'lemma': 'support',
  'stance': 'support', 'strength': 5, 'object': 'the plan'},
 {'actor': 'the member states', 'predicate': 'take note of', 'lemma': 'take note',
  'stance': 'note', 'strength': 1, 'object': 'the report'}]
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from declcompare.lexicon import Form, Lexicon, Phrase, Stance, lexicon
from declcompare.model import Declaration, Paragraph
from declcompare.sentences import split_sentences

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHANGE_COLUMNS",
    "COMMITMENT_COLUMNS",
    "Commitment",
    "CommitmentChange",
    "Entity",
    "Stance",
    "classify_change",
    "commitments_frame",
    "commitments_of",
    "declaration_commitments",
    "extract_commitments",
    "pair_commitments",
]


class Entity(BaseModel):
    """A named thing in a commitment's object: a treaty, body, place, date ..."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: str = Field(description="treaty, initiative, body, place, document, date, year or name")
    start: int = Field(ge=0, description="Offset in the paragraph text.")
    end: int = Field(ge=0)


class Commitment(BaseModel):
    """One commitment: an actor, a stance verb as written, its strength and its object."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paragraph_index: int = Field(ge=0, description="Position in Declaration.paragraphs.")
    paragraph_id: str
    sentence_index: int = Field(ge=0, description="Sentence within the paragraph, from 0.")
    actor: str = Field(description="Who commits; 'they' and 'we' resolved where possible.")
    subject: str | None = Field(
        description="The subject as written ('They', 'The member states'); None if implicit."
    )
    predicate: str = Field(description="The verb phrase as written: 'will continue to support'.")
    lemma: str = Field(description="Normalised verb: 'support', 'take note', 'strengthen'.")
    stance: Stance
    strength: int = Field(description="Ordinal strength; see the stance lexicon.")
    negated: bool = False
    object: str = Field(description="What is committed to, as written.")
    entities: tuple[Entity, ...] = ()
    text_start: int = Field(ge=0, description="Offset of the commitment in the paragraph text.")
    text_end: int = Field(ge=0)
    predicate_start: int = Field(ge=0, description="Offset of the predicate in the paragraph text.")
    predicate_end: int = Field(ge=0)
    object_start: int = Field(ge=0, description="Offset of the object in the paragraph text.")
    object_end: int = Field(ge=0)
    start: int = Field(ge=0, description="Offset of the commitment in the source text.")
    end: int = Field(ge=0)


COMMITMENT_COLUMNS = [
    "paragraph_index",
    "paragraph_id",
    "sentence_index",
    "actor",
    "subject",
    "predicate",
    "lemma",
    "stance",
    "strength",
    "negated",
    "object",
    "entities",
    "start",
    "end",
]

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\w./–-]*|[^\w\s]")
_CLAUSE_BREAK = frozenset({";", ":"})
_RELATIVE = frozenset({"that", "which", "who", "whose", "whom", "where"})
_SUBORDINATORS = frozenset(
    [
        "while",
        "when",
        "as",
        "if",
        "although",
        "though",
        "since",
        "because",
        "being",
        "in",
        "at",
        "on",
        "with",
        "by",
        "for",
        "after",
        "before",
        "following",
        "given",
        "whereas",
        "under",
        "upon",
    ]
)
_SUBJECT_STOP = frozenset(
    {"that", "which", "who", "if", "whether", "when", "while", "because", "as", "to", "it"}
)
# Verbs that are as often nouns or verbs of an object clause: not taken as a
# coordinated predicate after "and".
_NOT_AFTER_AND = frozenset(
    {
        "promote", "establish", "hold", "state", "back", "view", "sign", "respect", "direct",
        "renew", "plan", "seek", "adopt", "consider", "determine", "approve", "review",
        "hear", "examine", "wish", "hope", "understand", "think", "task", "ask", "deny",
        "commit", "declare", "announce", "undertake", "resolve", "strive", "refer",
    }
)  # fmt: skip
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_RE = re.compile(
    rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b(?:{_MONTHS})\s+\d{{4}}\b"
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2}))?\b")
_DOCUMENT_RE = re.compile(
    r"\b(?:[Rr]esolutions?|[Dd]ecisions?|[Dd]ocument)\s+(?:[A-Z]+/)?(?:[A-Z]+/)?\d+(?:/\d+)*(?:\s*\([^)]{1,40}\))?"
)
_CAP = r"(?:[A-Z][\w'’.-]*\w|[A-Z])"
_NAME_RE = re.compile(
    rf"{_CAP}(?:[ \t]+(?:(?:of|the|and|for|on|in|against|between|to|de|del|du|al|-)[ \t]+)*{_CAP})*"
    r"(?:[ \t]+\([A-Z][\w-]*\))?"
)
_TREATY_ACRONYMS = frozenset({"NPT", "BTWC", "CWC", "JCPOA", "INF", "CTBT", "TPNW", "UNCLOS"})
_PLACE_BEFORE_RE = re.compile(r"(?:\b(?:in|at|from)\s+|\(\s*)$")
_KIND_WORDS: dict[str, frozenset[str]] = {
    "treaty": frozenset(
        [
            "Treaty",
            "Convention",
            "Conventions",
            "Agreement",
            "Protocol",
            "Charter",
            "Declaration",
            "Memorandum",
            "Memorandums",
            "Code",
            "Statement",
            "Address",
            "Covenant",
            "Accord",
            "Accords",
            "Pact",
        ]
    ),
    "initiative": frozenset(
        [
            "Initiative",
            "Programme",
            "Program",
            "Plan",
            "Process",
            "Concept",
            "Roadmap",
            "Strategy",
            "Agenda",
            "Year",
            "Decade",
            "Games",
            "Action",
            "Partnership",
            "Belt",
            "Zone",
            "Goals",
            "Forum",
            "Summit",
            "Exhibition",
        ]
    ),
    "body": frozenset(
        [
            "Organisation",
            "Organization",
            "Council",
            "Commission",
            "Committee",
            "Office",
            "Assembly",
            "Agency",
            "Bank",
            "Consortium",
            "Club",
            "Centre",
            "Center",
            "Secretariat",
            "Group",
            "Union",
            "Nations",
            "Structure",
            "RATS",
            "Association",
            "Fund",
            "Conference",
            "Court",
            "Tribunal",
            "Board",
            "Institute",
            "University",
            "Parliament",
            "Government",
            "Ministry",
            "Secretary-General",
            "Programme",
        ]
    ),
    "place": frozenset(
        [
            "Asia",
            "Eurasia",
            "Europe",
            "Africa",
            "America",
            "Sea",
            "Region",
            "Basin",
            "Federation",
            "Republic",
            "Kingdom",
            "Emirates",
            "Islands",
            "Gulf",
            "Ocean",
            "Peninsula",
            "Strait",
            "Valley",
            "City",
        ]
    ),
}


@dataclass
class _Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass
class _Pred:
    start: int  # token index of the first word of the predicate
    end: int  # token index after the predicate
    lemma: str
    stance: Stance
    strength: int
    negated: bool
    form: Form
    head: str  # lower-case head verb as written


@dataclass
class _Found:
    pred: _Pred
    subject: tuple[int, int] | None  # token range of the subject
    actor: str | None  # None: take the sentence's subject (participial opening)
    formula: bool


def _tokens(text: str) -> list[_Tok]:
    return [
        _Tok(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end())
        for m in _TOKEN_RE.finditer(text)
    ]


def _match(lex: Lexicon, toks: list[_Tok], at: int, *, modal: bool) -> tuple[Phrase, int, int]:
    """Longest phrase at ``at``: (phrase, end token, intensity); raises LookupError."""
    for phrase in lex.by_first.get(toks[at].low, ()):
        if phrase.modal != modal:
            continue
        j, bonus, ok = at + 1, 0, True
        for word in phrase.words[1:]:
            skips = 0
            while (
                j < len(toks)
                and toks[j].low != word
                and (toks[j].low in lex.possessives or toks[j].low in lex.intensifiers)
                and skips < 3
            ):
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
            return phrase, j, bonus
    raise LookupError


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> str:
    from lemminflect import getLemma

    lemmas = getLemma(word, upos="VERB")
    return lemmas[0] if lemmas else word


def _predicate_at(lex: Lexicon, toks: list[_Tok], at: int) -> _Pred | None:
    j, bonus, negated = at, 0, False
    modals: list[Phrase] = []
    fallback: _Pred | None = None  # "Commits to the ...": the verb reading of a modal
    while j < len(toks):
        low = toks[j].low
        if (low in lex.negators and low not in ("no",)) or (
            low == "no" and j + 1 < len(toks) and toks[j + 1].low == "longer"
        ):
            negated = True
            j += 1
            continue
        if (low in lex.neutral and not (modals and low in _AUXILIARIES)) or (
            low.endswith("ly") and low in lex.intensifiers
        ):
            bonus += lex.intensifiers.get(low, 0)
            j += 1
            continue
        try:
            phrase, end, extra = _match(lex, toks, j, modal=False)
        except LookupError:
            phrase, end, extra = None, j, 0
        try:
            modal, modal_end, modal_extra = _match(lex, toks, j, modal=True)
        except LookupError:
            modal, modal_end, modal_extra = None, j, 0
        if modal is not None and modal_end > end:  # "intend to X" is a modal, not "intend"
            if phrase is not None and fallback is None:
                fallback = _Pred(
                    at, end, phrase.lemma, phrase.stance, phrase.strength + bonus + extra,
                    negated, phrase.form, toks[j].low,
                )  # fmt: skip
            phrase = None
        if phrase is not None and not (
            modals and phrase.words[0] in ("continue", "be") and end - j == 1
        ):
            if modals:
                strength = phrase.strength + sum(m.delta for m in modals)
                form = modals[0].form
            else:
                strength, form = phrase.strength, phrase.form
            return _Pred(
                at, end, phrase.lemma, phrase.stance, strength + bonus + extra, negated, form,
                toks[j].low,
            )  # fmt: skip
        if modal is None:
            break
        modals.append(modal)
        bonus += modal_extra
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
    end = j + 1
    lemma = _verb_lemma(verb.low)
    # "will continue building up", "must not rule out": keep a particle with its verb.
    if end < len(toks) and toks[end].low in _PARTICLES and verb.low != "be":
        lemma = f"{lemma} {toks[end].low}"
        end += 1
    first = modals[0]
    return _Pred(
        at, end, lemma, first.stance, first.strength + sum(m.delta for m in modals[1:]) + bonus,
        negated, first.form, verb.low,
    )  # fmt: skip


_AUXILIARIES = frozenset({"have", "has", "had", "having", "do", "does", "did"})
_PARTICLES = frozenset({"up", "out", "forward", "down"})
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "their",
        "its",
        "our",
        "this",
        "that",
        "these",
        "those",
        "all",
        "any",
        "each",
        "such",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "as",
        "from",
        "be",
        "been",
    ]
)


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    from declcompare._signatures import _state_names

    return frozenset(name.lower() for name in _state_names())


def _actor_of(lex: Lexicon, toks: list[_Tok]) -> str | None:
    """The canonical actor a subject names, or None if it is not an actor phrase."""
    if not toks:
        return None
    if _is_state_list(toks):
        written = " ".join(t.text for t in toks).replace(" ,", ",")
        return written[0].lower() + written[1:] if written.startswith("The ") else written
    if len(toks) > 14:
        return None
    text = " ".join(t.low for t in toks)
    if text in ("they", "we"):
        return text
    if text.startswith("and "):
        return None
    for name, patterns, _ in lex.actors:
        if any(p.fullmatch(text) for p in patterns):
            return name
    for k, tok in enumerate(toks):
        if tok.low in _RELATIVE and k > 0:
            head = _actor_of(lex, toks[:k])
            if head and head not in ("they", "we"):
                written = " ".join(t.text for t in toks[k:])
                return f"{head} {written}"
            return None
    # A short proper-noun subject: "The SCO and UNODC", "The Secretary-General".
    words = [t for t in toks if t.low not in ("the", "of", "and", "for", "on", "in")]
    if (
        words
        and (
            toks[0].low == "the"
            or len(words) >= 2
            or (toks[0].text.isupper() and len(toks[0].text) > 1)
        )
        and toks[0].low not in _SUBORDINATORS
        and len(toks) <= 8
        and all(t.text[:1].isupper() or t.text in ("(", ")") for t in words)
        and not any(t.low in lex.verb_words or t.low.endswith("ing") for t in words)
        and toks[0].text[:1].isupper()
    ):
        written = " ".join(t.text for t in toks)
        return written[0].lower() + written[1:] if written.startswith("The ") else written
    return None


def _is_state_list(toks: list[_Tok]) -> bool:
    """ "India", "the Republic of Kazakhstan, the Kyrgyz Republic and the Russian Federation"."""
    states = _states()
    items: list[list[str]] = [[]]
    for tok in toks:
        if tok.text == "," or tok.low == "and":
            if items[-1]:
                items.append([])
            continue
        items[-1].append(tok.low)
    names = [" ".join(words) for words in items if words]
    return bool(names) and all(
        (name[4:] if name.startswith("the ") else name).replace(" 's", "'s") in states
        for name in names
    )


def _generic_subject(toks: list[_Tok]) -> bool:
    """A short lower-case noun phrase ("work", "such cooperation") before a modal."""
    return 1 <= len(toks) <= 4 and not any(t.text in (",", "(", ")") for t in toks)


def _subject_candidates(toks: list[_Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges that may be the subject of a predicate starting at ``hi``."""
    ranges = [(lo, hi)]
    commas = [k for k in range(lo, hi) if toks[k].text == ","]
    # Longest tail first: "In this context, they ...", and "Reaffirming ..., the
    # Republic of Kazakhstan, the Kyrgyz Republic and ... support".
    ranges.extend((k + 1, hi) for k in commas)
    if commas and commas[-1] == hi - 1:
        ranges.append((lo, commas[0]))  # "The member states, following ..., declare"
    return ranges


def _coordinated(toks: list[_Tok], prev_end: int, at: int) -> bool:
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


def _forms_agree(first: Form, second: Form) -> bool:
    finite = {Form.BASE, Form.PAST}
    return first == second or (first in finite and second in finite)


def _scan(
    lex: Lexicon, toks: list[_Tok], previous_actor: str | None, default_actor: str | None
) -> list[_Found]:
    found: list[_Found] = []
    clause_start = 0
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.text in _CLAUSE_BREAK:
            clause_start = i + 1
            i += 1
            continue
        if not tok.text[:1].isalpha():
            i += 1
            continue
        pred = _predicate_at(lex, toks, i)
        if pred is None:
            i += 1
            continue
        last = found[-1] if found else None
        accepted: _Found | None = None
        if (
            last is not None
            and last.pred.end <= i
            and _coordinated(toks, last.pred.end, i)
            and _forms_agree(last.pred.form, pred.form)
            and pred.head not in _NOT_AFTER_AND
        ):
            accepted = _Found(pred, None, last.actor, last.formula)
        opening = i == clause_start or (
            i == clause_start + 1 and toks[clause_start].low in ("while", "whilst")
        )
        if accepted is None and opening:
            accepted = _Found(pred, None, None, True)
        if accepted is None:
            for lo, hi in _subject_candidates(toks, clause_start, i):
                actor = _actor_of(lex, toks[lo:hi])
                if actor is not None:
                    accepted = _Found(pred, (lo, hi), actor, False)
                    break
            else:
                lo = clause_start
                commas = [k for k in range(clause_start, i) if toks[k].text == ","]
                if commas:
                    lo = commas[-1] + 1
                sub = toks[lo:i]
                if (
                    pred.stance in (Stance.UNDERTAKE, Stance.INTEND)
                    and sub
                    and sub[0].text.islower()
                    and _generic_subject(sub)
                    and all(t.low not in _SUBJECT_STOP for t in sub)
                    and (lo == 0 or toks[lo - 1].text == ",")
                ):
                    accepted = _Found(pred, None, "", False)  # passive undertaking
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
        f.actor for f in found if f.subject is not None and _is_state_list(toks[slice(*f.subject)])
    }
    resolved: list[_Found] = []
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
        if actor in ("they", "") or (actor == "we" and current is not None and current != "we"):
            actor = current or default_actor or ("they" if actor == "they" else "(not stated)")
        resolved.append(_Found(f.pred, f.subject, actor, f.formula))
        if f.subject is not None or f.actor is None:
            current = actor
    return resolved


def _entities(text: str, start: int, end: int) -> tuple[Entity, ...]:
    """Named things in ``text[start:end]``, with offsets into ``text``."""
    segment = text[start:end]
    taken: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y, _ in taken)

    for regex, kind in ((_DOCUMENT_RE, "document"), (_DATE_RE, "date"), (_YEAR_RE, "year")):
        for m in regex.finditer(segment):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end(), kind))
    states = _states()
    for m in _NAME_RE.finditer(segment):
        a, b = m.start(), m.end()
        name = m.group()
        if name.startswith("The "):
            a, name = a + 4, name[4:]
        name = name.rstrip(".")
        b = a + len(name)
        if not name or not free(a, b) or (len(name) < 2 and not name.isupper()):
            continue
        words = set(re.findall(r"[\w-]+", name))
        low = name.lower()
        if low in states or (low.startswith("the ") and low[4:] in states):
            kind = "place"
        else:
            kind = next((k for k, vocab in _KIND_WORDS.items() if words & vocab), "name")
            last = name.split()[-1].strip("()")
            for k, vocab in _KIND_WORDS.items():  # the head word decides
                if last in vocab:
                    kind = k
                    break
        if name.isupper() and " " not in name:
            kind = "treaty" if name in _TREATY_ACRONYMS else "body"
        elif kind == "name" and _PLACE_BEFORE_RE.search(segment[max(0, a - 12) : a]):
            kind = "place"  # "held in Tashkent", "(Moscow, 3 July 2020)"
        taken.append((a, b, kind))
    taken.sort()
    return tuple(
        Entity(text=segment[a:b], kind=kind, start=start + a, end=start + b) for a, b, kind in taken
    )


def _source_offset(paragraph: Paragraph, offset: int) -> int:
    """Map an offset in ``paragraph.text`` to the source (parts are joined by one space)."""
    remaining = offset
    for span in paragraph.spans:
        length = span.end - span.start
        if remaining <= length:
            return span.start + remaining
        remaining -= length + 1
    return paragraph.spans[-1].end if paragraph.spans else offset


_OBJECT_TRIM = " \t\n,;:.–—-"


def _trim_object(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _OBJECT_TRIM:
        a += 1
    while b > a and text[b - 1] in _OBJECT_TRIM:
        b -= 1
    if text[a:b].lower() in ("and", "and also", "as well as", "or", "and further"):
        return a, a
    for tail in (" and also", " and", ", and", " as well as", " while"):
        if text[a:b].endswith(tail):
            b -= len(tail)
            while b > a and text[b - 1] in _OBJECT_TRIM:
                b -= 1
    return a, b


def commitments_of(
    paragraph: Paragraph,
    *,
    previous_actor: str | None = None,
    default_actor: str | None = None,
) -> list[Commitment]:
    """The commitments of one paragraph, in reading order."""
    lex = lexicon()
    text = paragraph.text
    body_start = len(text) - len(paragraph.body)
    out: list[Commitment] = []
    current = previous_actor
    for s_index, (s_start, s_end) in enumerate(split_sentences(text)):
        s_start = max(s_start, body_start)
        if s_end <= s_start:
            continue
        sentence = text[s_start:s_end]
        toks = _tokens(sentence)
        found = _scan(lex, toks, current, default_actor)
        sentence_end = len(sentence.rstrip())
        for k, f in enumerate(found):
            pred_a, pred_b = toks[f.pred.start].start, toks[f.pred.end - 1].end
            if k + 1 < len(found):
                nxt = found[k + 1]
                stop = toks[nxt.subject[0] if nxt.subject else nxt.pred.start].start
            else:
                stop = sentence_end
            obj_a, obj_b = _trim_object(sentence, pred_b, stop)
            # "support and welcome the plan": the first verb shares the object.
            if obj_a >= obj_b and k + 1 < len(found):
                j = k + 1
                while j < len(found):
                    nxt_b = toks[found[j].pred.end - 1].end
                    stop2 = (
                        toks[found[j + 1].pred.start].start if j + 1 < len(found) else sentence_end
                    )
                    obj_a, obj_b = _trim_object(sentence, nxt_b, stop2)
                    if obj_a < obj_b:
                        break
                    j += 1
            first = toks[f.subject[0]].start if f.subject else pred_a
            span_end = max(obj_b, pred_b)
            actor = f.actor or "(not stated)"
            out.append(
                Commitment(
                    paragraph_index=paragraph.index,
                    paragraph_id=paragraph.id,
                    sentence_index=s_index,
                    actor=actor,
                    subject=sentence[toks[f.subject[0]].start : toks[f.subject[1] - 1].end]
                    if f.subject
                    else None,
                    predicate=sentence[pred_a:pred_b],
                    lemma=f.pred.lemma,
                    stance=f.pred.stance,
                    strength=f.pred.strength,
                    negated=f.pred.negated,
                    object=sentence[obj_a:obj_b],
                    entities=_entities(text, s_start + obj_a, s_start + obj_b)
                    if obj_b > obj_a
                    else (),
                    predicate_start=s_start + pred_a,
                    predicate_end=s_start + pred_b,
                    object_start=s_start + obj_a,
                    object_end=s_start + max(obj_a, obj_b),
                    text_start=s_start + first,
                    text_end=s_start + span_end,
                    start=_source_offset(paragraph, s_start + first),
                    end=_source_offset(paragraph, s_start + span_end),
                )
            )
            if f.subject is not None:
                current = actor
        if found:
            current = out[-1].actor if out else current
    return out


def _declaration_commitments(declaration: Declaration) -> list[Commitment]:
    lex = lexicon()
    default = lex.default_actor(declaration.organisation)
    out: list[Commitment] = []
    previous: str | None = default
    for paragraph in declaration.paragraphs:
        found = commitments_of(paragraph, previous_actor=previous, default_actor=default)
        out.extend(found)
        subjects = [c.actor for c in found if c.subject is not None]
        if subjects:
            previous = subjects[-1]
    return out


def _entity_text(entities: tuple[Entity, ...]) -> str:
    return "; ".join(f"{e.text} [{e.kind}]" for e in entities)


def commitments_frame(commitments: Sequence[Commitment]) -> pd.DataFrame:
    """The frame of a list of commitments (see :func:`extract_commitments`)."""
    import pandas as pd

    frame = pd.DataFrame.from_records(
        [
            {
                "paragraph_index": c.paragraph_index,
                "paragraph_id": c.paragraph_id,
                "sentence_index": c.sentence_index,
                "actor": c.actor,
                "subject": c.subject,
                "predicate": c.predicate,
                "lemma": c.lemma,
                "stance": c.stance.value,
                "strength": c.strength,
                "negated": c.negated,
                "object": c.object,
                "entities": _entity_text(c.entities),
                "start": c.start,
                "end": c.end,
            }
            for c in commitments
        ],
        columns=COMMITMENT_COLUMNS,
    )
    for column in ("paragraph_index", "sentence_index", "strength", "start", "end"):
        frame[column] = frame[column].astype("int64")
    frame["negated"] = frame["negated"].astype(bool)
    frame["stance"] = pd.Categorical(frame["stance"], categories=[s.value for s in Stance])
    for column in ("paragraph_id", "actor", "subject", "predicate", "lemma", "object", "entities"):
        frame[column] = frame[column].astype("string")
    return frame


def extract_commitments(declaration: Declaration) -> pd.DataFrame:
    """One row per commitment of ``declaration``, in reading order.

    Columns: ``paragraph_index``, ``paragraph_id``, ``sentence_index``, ``actor``,
    ``subject``, ``predicate``, ``lemma``, ``stance``, ``strength``, ``negated``,
    ``object``, ``entities`` (``"text [kind]"`` joined by ``"; "``), ``start`` and
    ``end`` (source offsets). The :class:`Commitment` models themselves come from
    :func:`declaration_commitments`.
    """
    return commitments_frame(declaration_commitments(declaration))


def declaration_commitments(declaration: Declaration) -> tuple[Commitment, ...]:
    """The :class:`Commitment` models of a declaration, in reading order (cached)."""
    return _cached(declaration)


_CACHE: OrderedDict[int, tuple[Declaration, tuple[Commitment, ...]]] = OrderedDict()


def _cached(declaration: Declaration) -> tuple[Commitment, ...]:
    """Commitments per declaration object, least recently used evicted first."""
    key = id(declaration)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is declaration:
        _CACHE.move_to_end(key)
        return hit[1]
    result = tuple(_declaration_commitments(declaration))
    _CACHE[key] = (declaration, result)
    while len(_CACHE) > 64:
        _CACHE.popitem(last=False)
    return result


class CommitmentChange(StrEnum):
    """What became of a commitment from the old declaration to the new."""

    NEW = "new"
    DROPPED = "dropped"
    RESTATED = "restated"  # same stance, strength and object
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    CHANGED_STANCE = "changed_stance"  # another stance of the same strength
    CHANGED_OBJECT = "changed_object"  # same verb and strength, different object


CHANGE_COLUMNS = [
    "change",
    "old_paragraph",
    "new_paragraph",
    "link_kind",
    "section",
    "actor",
    "old_predicate",
    "new_predicate",
    "old_lemma",
    "new_lemma",
    "old_stance",
    "new_stance",
    "old_strength",
    "new_strength",
    "old_negated",
    "new_negated",
    "object",
    "old_object",
    "new_object",
    "entities",
]


def _object_key(text: str) -> str:
    from declcompare.normalize import match_key

    return " ".join(re.findall(r"\w+", match_key(text)))


def _pair_score(a: Commitment, b: Commitment, ra: float, rb: float) -> tuple[float, float]:
    from rapidfuzz import fuzz

    ka, kb = _object_key(a.object), _object_key(b.object)
    similarity = 1.0 if ka == kb else fuzz.ratio(ka, kb) / 100.0
    score = (
        0.55 * similarity
        + 0.2 * (a.lemma == b.lemma)
        + 0.1 * (a.stance == b.stance)
        + 0.15 * (1.0 - abs(ra - rb))
    )
    return score, similarity


def classify_change(old: Commitment, new: Commitment) -> CommitmentChange:
    """How ``new`` restates ``old``: stronger, weaker, another stance or object, or the same."""
    if old.negated != new.negated:
        return CommitmentChange.WEAKENED if new.negated else CommitmentChange.STRENGTHENED
    sign = -1 if old.negated else 1
    if new.strength != old.strength:
        stronger = (new.strength - old.strength) * sign > 0
        return CommitmentChange.STRENGTHENED if stronger else CommitmentChange.WEAKENED
    if new.stance != old.stance:
        return CommitmentChange.CHANGED_STANCE
    if _object_key(old.object) != _object_key(new.object) or old.actor != new.actor:
        return CommitmentChange.CHANGED_OBJECT
    return CommitmentChange.RESTATED


def pair_commitments(
    old: list[Commitment], new: list[Commitment]
) -> list[tuple[Commitment | None, Commitment | None]]:
    """Pair the commitments of linked paragraphs one to one (unpaired ones stand alone).

    Pairs maximise object similarity, same verb and same place in the paragraph
    (a global assignment, not first come first served); a pair needs a score of
    at least 0.45, so an unrelated commitment is new or dropped rather than forced
    onto another. The result is in the new text's order, each unpaired old
    commitment after the pair that precedes it in the old text.
    """
    pairs: dict[int, int] = {}
    if old and new:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        scores = np.zeros((len(old), len(new)))
        for i, a in enumerate(old):
            for j, b in enumerate(new):
                ra = i / max(len(old) - 1, 1)
                rb = j / max(len(new) - 1, 1)
                scores[i, j] = _pair_score(a, b, ra, rb)[0]
        rows, cols = linear_sum_assignment(-scores)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if scores[i, j] >= 0.45:
                pairs[i] = j
    by_new = {j: i for i, j in pairs.items()}
    out: list[tuple[Commitment | None, Commitment | None]] = []
    emitted_old: set[int] = set()

    def flush_old_before(limit: int) -> None:
        for k in range(limit):
            if k not in pairs and k not in emitted_old:
                emitted_old.add(k)
                out.append((old[k], None))

    for j, b in enumerate(new):
        partner = by_new.get(j)
        if partner is not None:
            flush_old_before(partner)
            out.append((old[partner], b))
        else:
            out.append((None, b))
    flush_old_before(len(old))
    return out
