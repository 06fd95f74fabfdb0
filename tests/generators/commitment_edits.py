"""Controlled edits of real commitments, with the change each must be reported as.

Each edit rewrites one commitment of one paragraph the way a drafter softens or
hardens a text between two years:

* ``welcome_to_note`` — "welcome" becomes "note" (weakened);
* ``note_to_welcome`` — "note" becomes "welcome" (strengthened);
* ``support_to_firmly`` — "support" becomes "firmly support" (strengthened);
* ``will_to_intend`` — "will" becomes "intend to" (weakened);
* ``sentence_deleted`` — a later sentence of the paragraph is deleted (dropped);
* ``object_replaced`` — the object is replaced by that of another commitment of
  the same verb elsewhere in the text (changed_object).

Every revision produced here is **generated text**: its title says so and its
metadata carries ``generated = "true"``; the source paragraphs are real.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from enum import StrEnum

from declcompare.commitments import Commitment, declaration_commitments
from declcompare.model import Declaration
from declcompare.text.sentences import split_sentences

__all__ = ["EditCase", "EditKind", "commitment_edits"]


class EditKind(StrEnum):
    """The controlled edits and, by their order, nothing else."""

    WELCOME_TO_NOTE = "welcome_to_note"
    NOTE_TO_WELCOME = "note_to_welcome"
    SUPPORT_TO_FIRMLY = "support_to_firmly"
    WILL_TO_INTEND = "will_to_intend"
    SENTENCE_DELETED = "sentence_deleted"
    OBJECT_REPLACED = "object_replaced"


EXPECTED: dict[EditKind, str] = {
    EditKind.WELCOME_TO_NOTE: "weakened",
    EditKind.NOTE_TO_WELCOME: "strengthened",
    EditKind.SUPPORT_TO_FIRMLY: "strengthened",
    EditKind.WILL_TO_INTEND: "weakened",
    EditKind.SENTENCE_DELETED: "dropped",
    EditKind.OBJECT_REPLACED: "changed_object",
}

_WELCOME_NOTE = {"welcome": "note", "welcomes": "notes", "welcomed": "noted", "welcoming": "noting"}
_NOTE_WELCOME = {v: k for k, v in _WELCOME_NOTE.items()}
_SUPPORT = {"support", "supports", "supported", "supporting", "advocate", "advocates"}


@dataclass(frozen=True)
class EditCase:
    """One edit: where it was made and what the comparison must call it."""

    kind: EditKind
    paragraph: int  # index in both declarations (no paragraph is added or removed)
    predicate_start: int  # offset of the edited commitment's predicate in the old paragraph
    expected: str


def _match_case(word: str, template: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def _swap_word(text: str, c: Commitment, table: dict[str, str]) -> str | None:
    words = list(re.finditer(r"[A-Za-z]+", c.predicate))
    if not words:
        return None
    last = words[-1]
    replacement = table.get(last.group().lower())
    if replacement is None:
        return None
    at = c.predicate_start + last.start()
    return text[:at] + _match_case(replacement, last.group()) + text[at + len(last.group()) :]


def _edit(kind: EditKind, text: str, c: Commitment, others: list[Commitment]) -> str | None:
    pred = c.predicate
    if kind is EditKind.WELCOME_TO_NOTE and c.lemma == "welcome":
        return _swap_word(text, c, _WELCOME_NOTE) if " " not in pred else None
    if kind is EditKind.NOTE_TO_WELCOME and c.lemma == "note" and " " not in pred:
        if c.object.lower().startswith(("that", "with")):
            return None
        return _swap_word(text, c, _NOTE_WELCOME)
    if kind is EditKind.SUPPORT_TO_FIRMLY and pred.lower() in _SUPPORT:
        firmly = "Firmly " + pred.lower() if pred[:1].isupper() else "firmly " + pred
        return text[: c.predicate_start] + firmly + text[c.predicate_end :]
    if kind is EditKind.WILL_TO_INTEND and pred.startswith("will ") and not c.negated:
        singular = c.subject is not None and c.actor.startswith("the SCO")
        modal = "intends to " if singular else "intend to "
        return text[: c.predicate_start] + modal + text[c.predicate_start + 5 :]
    if kind is EditKind.SENTENCE_DELETED:
        ranges = split_sentences(text)
        if len(ranges) < 2:
            return None
        for a, b in ranges[1:]:
            if a <= c.predicate_start < b:
                # One commitment per deleted sentence, so that the truth is unambiguous.
                if any(o is not c and a <= o.predicate_start < b for o in others):
                    return None
                return (text[:a] + text[b:]).rstrip()
        return None
    if kind is EditKind.OBJECT_REPLACED:
        span = c.object_end - c.object_start
        if not 15 <= span <= 0.4 * len(text):
            return None
        donors = [
            o.object
            for o in others
            if o.lemma == c.lemma
            and o.paragraph_index != c.paragraph_index
            and 0.5 * span <= len(o.object) <= 1.5 * span
            and o.object.lower() != c.object.lower()
        ]
        if not donors:
            return None
        return text[: c.object_start] + donors[0] + text[c.object_end :]
    return None


def commitment_edits(
    declaration: Declaration, *, seed: int = 0, per_kind: int = 3
) -> tuple[Declaration, list[EditCase]]:
    """A generated revision with up to ``per_kind`` edits of each kind, one per paragraph."""
    rng = random.Random(seed)
    commitments = list(declaration_commitments(declaration))
    texts = [p.text for p in declaration.paragraphs]
    by_paragraph: dict[int, list[Commitment]] = {}
    for c in commitments:
        by_paragraph.setdefault(c.paragraph_index, []).append(c)
    order = list(commitments)
    rng.shuffle(order)
    used: set[int] = set()
    cases: list[EditCase] = []
    for kind in EditKind:
        made = 0
        for c in order:
            if made >= per_kind:
                break
            if c.paragraph_index in used:
                continue
            if kind is EditKind.OBJECT_REPLACED:
                others = commitments
            else:
                others = by_paragraph[c.paragraph_index]
            edited = _edit(kind, texts[c.paragraph_index], c, others)
            if edited is None or edited == texts[c.paragraph_index]:
                continue
            texts[c.paragraph_index] = edited
            used.add(c.paragraph_index)
            cases.append(EditCase(kind, c.paragraph_index, c.predicate_start, EXPECTED[kind]))
            made += 1
    revised = Declaration.from_paragraphs(
        texts,
        id=f"{declaration.id}-generated-commitment-edits-{seed}",
        title=f"{declaration.title or declaration.id} — generated revision (commitment edits)",
        organisation=declaration.organisation,
        metadata={"generated": "true", "seed": str(seed)},
    )
    return revised, sorted(cases, key=lambda case: case.paragraph)
