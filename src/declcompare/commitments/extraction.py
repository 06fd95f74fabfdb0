"""Commitments of a paragraph and of a declaration, as models and as a DataFrame."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from declcompare.commitments.lexicon import Stance, lexicon
from declcompare.model import Declaration, Paragraph
from declcompare.text.sentences import split_sentences

if TYPE_CHECKING:
    import pandas as pd

from declcompare.commitments.clauses import scan
from declcompare.commitments.entities import find_entities
from declcompare.commitments.grammar import tokens
from declcompare.commitments.model import COMMITMENT_COLUMNS, Commitment, Entity


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
    tails = (" and that", " and also", " and", ", and", " as well as", " while", " but", ", but")
    for tail in tails:
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
    main_actor: str | None = None  # the last actor not reported inside a "that" clause
    for s_index, (s_start, s_end) in enumerate(split_sentences(text)):
        s_start = max(s_start, body_start)
        if s_end <= s_start:
            continue
        sentence = text[s_start:s_end]
        toks = tokens(sentence)
        found = scan(lex, toks, current, default_actor)
        sentence_end = len(sentence.rstrip())
        for k, f in enumerate(found):
            pred_a, pred_b = toks[f.pred.start].start, toks[f.pred.end - 1].end
            # a predicate's object runs to the next commitment; one that reports a
            # "that" clause holds the commitments reported in it
            later = [g for g in found[k + 1 :] if f.reported or not g.reported]
            if later:
                nxt = later[0]
                first_of_next = nxt.before or nxt.subject
                stop = toks[first_of_next[0] if first_of_next else nxt.pred.start].start
            else:
                stop = sentence_end
            if f.before is not None:  # "X is unacceptable": the object comes first
                stop, pred_b = toks[f.before[1] - 1].end, toks[f.before[0]].start
            obj_a, obj_b = _trim_object(sentence, pred_b, stop)
            if f.before is not None:
                pred_b = toks[f.pred.end - 1].end
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
            if f.before is not None:
                first = min(first, obj_a)
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
                    entities=find_entities(text, s_start + obj_a, s_start + obj_b)
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
            if f.subject is not None and not f.reported:
                current = actor
            if not f.reported:
                main_actor = actor
        if found and main_actor is not None:
            current = main_actor
    return out


_PARAGRAPHS: OrderedDict[tuple[str, str, str | None, str | None], tuple[Commitment, ...]] = (
    OrderedDict()
)


def _reused(paragraph: Paragraph, previous: str | None, default: str | None) -> list[Commitment]:
    """``commitments_of``, reused for a paragraph whose text was read before (the
    same paragraph in both texts of a comparison): only positions are redone."""
    key = (paragraph.text, paragraph.body, previous, default)
    with _LOCK:
        hit = _PARAGRAPHS.get(key)
        if hit is not None:
            _PARAGRAPHS.move_to_end(key)
    if hit is None:
        found = commitments_of(paragraph, previous_actor=previous, default_actor=default)
        with _LOCK:
            _PARAGRAPHS[key] = tuple(found)
            while len(_PARAGRAPHS) > 50_000:
                _PARAGRAPHS.popitem(last=False)
        return found
    return [
        c.model_copy(
            update={
                "paragraph_index": paragraph.index,
                "paragraph_id": paragraph.id,
                "start": _source_offset(paragraph, c.text_start),
                "end": _source_offset(paragraph, c.text_end),
            }
        )
        for c in hit
    ]


def _declaration_commitments(declaration: Declaration) -> list[Commitment]:
    lex = lexicon()
    default = lex.default_actor(declaration.organisation)
    out: list[Commitment] = []
    previous: str | None = default
    lead: Commitment | None = None  # the lead-in of a run of bullets ("We will:")
    lead_actor: str | None = None
    announces = False  # the lead-in ends in "we will:", "to:": its bullets are verbs
    for paragraph in declaration.paragraphs:
        found = _reused(paragraph, previous, default)
        if lead_actor is not None and paragraph.bullet:
            found = _under_lead_in(paragraph, found, lead, lead_actor, announces)
        elif paragraph.text.rstrip().endswith(":"):
            # the lead-in is the last sentence's: "... growth. With this in mind, we
            # will:" leads with an undertaking, not with the sentence before
            announces = _ANNOUNCES_RE.search(paragraph.text) is not None
            lead = found[-1] if found else None
            if lead is not None and _SENTENCE_END_RE.search(paragraph.text, lead.text_end):
                lead = None
            starts_we = paragraph.body.lstrip().lower().startswith("we ")
            lead_actor = lead.actor if lead else ("we" if starts_we else previous or "we")
        elif not paragraph.bullet:
            lead, lead_actor = None, None
        out.extend(found)
        # a subject reported in a "that" clause ("noted that the member states ...")
        # does not become the next paragraph's "they"
        subjects = [
            c.actor
            for c in found
            if c.subject is not None
            and not paragraph.text[: c.text_start].rstrip().lower().endswith("that")
        ]
        if subjects:
            previous = subjects[-1]
    return out


_SENTENCE_END_RE = re.compile(r"[.;!?]\s")
_ANNOUNCES_RE = re.compile(r"\b(?:will|shall|must|should|to)\s*:\s*$", re.IGNORECASE)
_BULLET_VERB_RE = re.compile(r"[-–—•*]?\s*([A-Za-z][a-z]+)\b")
# After a capitalised first word, these show it is a noun ("- Support for ...").
_NOUN_AFTER = frozenset({"for", "of", "to", "in", "on", "and", "is", "are", "was", "has", ":", ","})


def _under_lead_in(
    paragraph: Paragraph,
    found: list[Commitment],
    lead: Commitment | None,
    actor: str,
    announces: bool = False,
) -> list[Commitment]:
    """A bullet under a lead-in ("We are taking concrete steps to:" / "- strengthen
    ..."): its commitments take the lead-in's actor, and a bullet with none of its
    own that opens with a verb takes the lead-in's stance (an undertaking when the
    lead-in names none)."""
    if found:
        return [
            c.model_copy(update={"actor": actor}) if c.actor == "(not stated)" else c for c in found
        ]
    text = paragraph.text
    body_start = len(text) - len(paragraph.body)
    m = _BULLET_VERB_RE.match(text, body_start)
    if m is None:
        return []
    from declcompare.commitments.verbforms import verb_lemmas

    word = m.group(1).lower()
    if word not in verb_lemmas(word) or word in ("the", "a", "an", "and", "to"):
        return []
    if m.group(1) != word:  # "- Protect ...", but not "- Support for ..." nor "- His ..."
        from declcompare.commitments.verbforms import is_known_verb

        after = text[m.end(1) :].split(maxsplit=1)
        if (
            not (announces or lead is not None)  # "These include:" / "- Trade barriers"
            or not is_known_verb(word)
            or word == "further"  # "- Further commitments ...": an adjective
            or not after
            or after[0].lower() in _NOUN_AFTER
            or after[0][:1].isupper()  # "- Prime Minister Scott Morrison": a name
        ):
            return []
    pred_a, pred_b = m.start(1), m.end(1)
    obj_a, obj_b = _trim_object(text, pred_b, len(text))
    stance, strength = (lead.stance, lead.strength) if lead else (Stance.UNDERTAKE, 4)
    return [
        Commitment(
            paragraph_index=paragraph.index,
            paragraph_id=paragraph.id,
            sentence_index=0,
            actor=actor,
            subject=None,
            predicate=text[pred_a:pred_b],
            lemma=word,
            stance=stance,
            strength=strength,
            object=text[obj_a:obj_b],
            entities=find_entities(text, obj_a, obj_b) if obj_b > obj_a else (),
            predicate_start=pred_a,
            predicate_end=pred_b,
            object_start=obj_a,
            object_end=max(obj_a, obj_b),
            text_start=pred_a,
            text_end=max(obj_b, pred_b),
            start=_source_offset(paragraph, pred_a),
            end=_source_offset(paragraph, max(obj_b, pred_b)),
        )
    ]


def entity_text(entities: tuple[Entity, ...]) -> str:
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
                "entities": entity_text(c.entities),
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


_CACHE: OrderedDict[Declaration, tuple[Commitment, ...]] = OrderedDict()
_CACHE_SIZE = 64
_LOCK = threading.Lock()


def clear_cache() -> None:
    """Forget every cached extraction (for benchmarks that time a cold read)."""
    with _LOCK:
        _CACHE.clear()
        _PARAGRAPHS.clear()


def _cached(declaration: Declaration) -> tuple[Commitment, ...]:
    """Commitments per declaration, keyed on its content (the frozen model hashes it).

    Two equal declarations share one entry, whatever object carries them; the
    cache is guarded by a lock, so threads (``many`` with a thread pool) may share
    it. Least recently used entries are evicted first.
    """
    with _LOCK:
        hit = _CACHE.get(declaration)
        if hit is not None:
            _CACHE.move_to_end(declaration)
            return hit
    result = tuple(_declaration_commitments(declaration))
    with _LOCK:
        _CACHE[declaration] = result
        _CACHE.move_to_end(declaration)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result
