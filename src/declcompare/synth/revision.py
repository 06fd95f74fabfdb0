"""A revision generator: labelled edits of a real declaration, with the ground truth.

Everything this module produces is **generated text**, not a real declaration:
the revised declaration's title says so, its id ends in ``-generated-revision``
and its metadata carries ``generated = "true"`` and the random seed.

Edit operations, as an analyst meets them between two years' texts:

* ``reword`` — stance verb swaps (welcome → take note of, support → firmly
  support, will → intend to), an inserted qualifier, dates and ordinals moved on a
  year, a clause deleted, British → American spelling;
* ``add`` — a paragraph taken from a different document;
* ``drop``, ``move`` (three or more places away, possibly into another section),
  ``split`` (at a sentence boundary), ``merge`` (two neighbours), ``renumber``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import overload

from declcompare.model import LABEL_RE, Declaration, Paragraph, Section, Source, Span

__all__ = ["EditOp", "GroundTruth", "Revision", "demo_donors", "generate_revision"]


class EditOp(StrEnum):
    """The labelled edit operations."""

    REWORD = "reword"
    ADD = "add"
    DROP = "drop"
    MOVE = "move"
    SPLIT = "split"
    MERGE = "merge"
    RENUMBER = "renumber"


@dataclass(frozen=True)
class GroundTruth:
    """What the generator did, in the terms :func:`~declcompare.compare` reports."""

    pairs: frozenset[tuple[int, int]]  # (old index, new index) links
    added: frozenset[int]  # new indices
    dropped: frozenset[int]  # old indices
    moved: frozenset[int]  # new indices of moved paragraphs
    splits: tuple[tuple[int, tuple[int, ...]], ...]  # old -> new pieces
    merges: tuple[tuple[tuple[int, ...], int], ...]  # old pieces -> new
    kinds: dict[int, str]  # new index -> unchanged / reworded / split / merged / added
    ops: tuple[str, ...]  # the operations applied, in order


@dataclass(frozen=True)
class Revision:
    """A generated revision of a declaration and its ground truth."""

    declaration: Declaration
    truth: GroundTruth


@dataclass
class _Item:
    text: str
    section: str | None
    origin: tuple[int, ...]
    kind: str = "unchanged"
    moved: bool = False
    locked: bool = False  # already split, merged or added: no further structural edit
    ops: list[str] = field(default_factory=list)


_STANCE_SWAPS: tuple[tuple[str, str], ...] = (
    (r"\bwelcome\b", "take note of"),
    (r"\bwelcomed\b", "took note of"),
    (r"\btake note of\b", "welcome"),
    (r"\bhave taken note of\b", "welcomed"),
    (r"\bnote\b", "welcome"),
    (r"\bnoted\b", "welcomed"),
    (r"\bsupport\b", "firmly support"),
    (r"\bfirmly support\b", "support"),
    (r"\bwill\b", "intend to"),
    (r"\bintend to\b", "will"),
    (r"\bcall for\b", "urge"),
    (r"\bemphasise\b", "note"),
    (r"\bstrongly condemns\b", "condemns"),
    (r"\bCalls upon\b", "Encourages"),
    (r"\bEncourages\b", "Urges"),
    (r"\bRecalling\b", "Recalling also"),
    (r"\bReaffirms\b", "Recalls"),
    (r"\bwe will\b", "we intend to"),
    (r"\bWe support\b", "We welcome"),
)
_QUALIFIERS = ("further ", "actively ", "consistently ", "in particular ")
_SPELLING = (
    ("organisation", "organization"),
    ("Organisation", "Organization"),
    ("programme", "program"),
    ("emphasise", "emphasize"),
    ("recognise", "recognize"),
    ("centre", "center"),
    ("favour", "favor"),
    ("neighbour", "neighbor"),
    ("defence", "defense"),
)
_ORDINALS = (
    ("seventy-eighth", "seventy-ninth"),
    ("seventy-ninth", "eightieth"),
    ("eightieth", "eighty-first"),
)
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9\)][.;])\s+(?=[A-Z])")


def _reword(text: str, rng: random.Random) -> str | None:
    """One rewording of ``text``, or None if no rewording applies."""
    options: list[str] = []
    for pattern, replacement in _STANCE_SWAPS:
        match = re.search(pattern, text)
        if match:
            options.append(text[: match.start()] + replacement + text[match.end() :])
    year = _YEAR_RE.search(text)
    if year:
        later = str(int(year.group()) + 1)
        options.append(text[: year.start()] + later + text[year.end() :])
    for before, after in _ORDINALS:
        if before in text:
            options.append(text.replace(before, after, 1))
    for before, after in _SPELLING:
        if before in text:
            options.append(text.replace(before, after))
    verb = re.search(r"\b(strengthen|promote|support|develop|continue|enhance|expand)\b", text)
    if verb:
        qualifier = rng.choice(_QUALIFIERS)
        options.append(text[: verb.start()] + qualifier + text[verb.start() :])
    clauses = [m.start() for m in re.finditer(r", ", text)]
    if len(clauses) >= 2:
        start = rng.choice(clauses[:-1])
        end = text.find(", ", start + 2)
        if 0 < end - start < len(text) // 3:
            options.append(text[:start] + text[end:])
    options = [o for o in options if o != text]
    return rng.choice(options) if options else None


def _split_point(text: str) -> int | None:
    body_start = LABEL_RE.match(text)
    offset = body_start.end() if body_start else 0
    cuts = [m.start() for m in _SENTENCE_END_RE.finditer(text) if m.start() > offset + 40]
    cuts = [c for c in cuts if len(text) - c > 40]
    if not cuts:
        return None
    return cuts[len(cuts) // 2]


def demo_donors() -> tuple[str, ...]:
    """Generated paragraphs (not from any real text) used as additions in the demo."""
    from importlib import resources

    text = resources.files("declcompare").joinpath("data/generated_donor_paragraphs.txt")
    lines = text.read_text("utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


class _Targets(Sequence[int]):
    """Positions at least 3 away from ``k`` among ``0..size-1``, without building
    the list: the same sequence (and so the same random choice) as
    ``[t for t in range(size) if abs(t - k) >= 3]``, in constant time."""

    def __init__(self, size: int, k: int) -> None:
        self._lo = max(0, k - 2)
        self._gap = max(0, min(size - 1, k + 2) - self._lo + 1)
        self._len = size - self._gap

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._len))]
        if not 0 <= index < self._len:
            raise IndexError(index)
        return index if index < self._lo else index + self._gap


def generate_revision(
    declaration: Declaration,
    *,
    seed: int,
    donors: Sequence[str],
    edit_rate: float = 0.15,
    ops: Sequence[EditOp] = tuple(EditOp),
) -> Revision:
    """Apply random labelled edits to ``declaration``; return the revision and the truth.

    ``donors`` are paragraphs from a different document, used for additions. The
    same arguments always give the same revision.
    """
    rng = random.Random(seed)
    paragraphs = declaration.paragraphs
    items = [_Item(p.text, p.section, (p.index,)) for p in paragraphs]
    # How many items carry each text, kept up to date at every edit, so that an
    # addition finds the unused donors without rescanning every item.
    present: Counter[str] = Counter(it.text for it in items)
    dropped: set[int] = set()
    weights = {
        EditOp.REWORD: 35,
        EditOp.ADD: 12,
        EditOp.DROP: 12,
        EditOp.MOVE: 12,
        EditOp.SPLIT: 10,
        EditOp.MERGE: 10,
        EditOp.RENUMBER: 9,
    }
    chosen_ops = [op for op in ops if op in weights]
    n_edits = max(3, round(edit_rate * len(paragraphs)))
    applied: list[str] = []
    attempts = 0
    while len(applied) < n_edits and attempts < n_edits * 20 and items:
        attempts += 1
        op = rng.choices(chosen_ops, weights=[weights[o] for o in chosen_ops])[0]
        k = rng.randrange(len(items))
        item = items[k]
        if op is EditOp.REWORD:
            if item.kind == "added":
                continue
            # One to three successive rewordings, as between two real sessions.
            new_text = item.text
            for _ in range(rng.choice((1, 1, 2, 3))):
                new_text = _reword(new_text, rng) or new_text
            if new_text == item.text:
                continue
            present[item.text] -= 1
            present[new_text] += 1
            item.text = new_text
            if item.kind == "unchanged":
                item.kind = "reworded"
        elif op is EditOp.ADD:
            unused = [d for d in donors if present[d] <= 0]
            if not unused:
                continue
            section = items[k].section
            added_text = rng.choice(unused)
            present[added_text] += 1
            items.insert(k, _Item(added_text, section, (), kind="added", locked=True))
        elif op is EditOp.DROP:
            if item.locked or item.moved or item.kind != "unchanged" or len(items) < 4:
                continue
            dropped.update(item.origin)
            present[item.text] -= 1
            del items[k]
        elif op is EditOp.MOVE:
            if item.locked or item.moved or len(items) < 8:
                continue
            target = rng.choice(_Targets(len(items), k))
            moving = items.pop(k)
            target = min(target, len(items))
            moving.section = items[target - 1].section if target > 0 else items[0].section
            moving.moved = True
            items.insert(target, moving)
        elif op is EditOp.SPLIT:
            if item.locked or item.moved or item.kind != "unchanged":
                continue
            cut = _split_point(item.text)
            if cut is None:
                continue
            first = _Item(item.text[:cut].rstrip(), item.section, item.origin, "split", locked=True)
            second = _Item(item.text[cut:].strip(), item.section, item.origin, "split", locked=True)
            present[item.text] -= 1
            present[first.text] += 1
            present[second.text] += 1
            items[k : k + 1] = [first, second]
        elif op is EditOp.MERGE:
            if k + 1 >= len(items):
                continue
            nxt = items[k + 1]
            if any(x.locked or x.moved or x.kind != "unchanged" for x in (item, nxt)):
                continue
            if item.section != nxt.section or LABEL_RE.match(nxt.text):
                continue
            merged = _Item(
                f"{item.text} {nxt.text}",
                item.section,
                item.origin + nxt.origin,
                "merged",
                locked=True,
            )
            present[item.text] -= 1
            present[nxt.text] -= 1
            present[merged.text] += 1
            items[k : k + 2] = [merged]
        elif op is EditOp.RENUMBER:
            match = LABEL_RE.match(item.text)
            if not match or not match.group("number") or item.locked:
                continue
            label = match.group("number")
            digits = re.match(r"\d+", label)
            if not digits:
                continue
            relabelled = f"{int(digits.group()) + 1}{label[digits.end() :]}"
            present[item.text] -= 1
            item.text = relabelled + item.text[len(label) :]
            present[item.text] += 1
        applied.append(op.value)

    return Revision(
        declaration=_build(declaration, items, seed),
        truth=_truth(items, dropped, applied),
    )


def _build(original: Declaration, items: list[_Item], seed: int) -> Declaration:
    sections: list[Section] = []
    offset = 0
    current: list[Paragraph] = []
    heading: str | None = None
    started = False
    for index, item in enumerate(items):
        if not started or item.section != heading:
            if started:
                sections.append(Section(heading=heading, paragraphs=tuple(current)))
            heading, current, started = item.section, [], True
        label = LABEL_RE.match(item.text)
        current.append(
            Paragraph(
                id=f"p{index + 1}",
                index=index,
                section=item.section,
                number=label.group("number") if label else None,
                bullet=bool(label and label.group("bullet")),
                text=item.text,
                spans=(Span(start=offset, end=offset + len(item.text)),),
            )
        )
        offset += len(item.text) + 2
    if started:
        sections.append(Section(heading=heading, paragraphs=tuple(current)))
    title = f"Generated revision (not a real text) of: {original.title or original.id}"
    return Declaration(
        id=f"{original.id}-generated-revision-{seed}",
        title=title,
        organisation=original.organisation,
        place=original.place,
        date=original.date,
        language=original.language,
        source=Source(path=None, url=None, sha256=None),
        sections=tuple(sections),
        metadata={"generated": "true", "generator_seed": str(seed), "based_on": original.id},
    )


def _truth(items: list[_Item], dropped: set[int], applied: list[str]) -> GroundTruth:
    pairs: set[tuple[int, int]] = set()
    added: set[int] = set()
    moved: set[int] = set()
    kinds: dict[int, str] = {}
    split_map: dict[int, list[int]] = {}
    merges: list[tuple[tuple[int, ...], int]] = []
    for j, item in enumerate(items):
        kinds[j] = item.kind
        if item.kind == "added":
            added.add(j)
        for i in item.origin:
            pairs.add((i, j))
        if item.moved:
            moved.add(j)
        if item.kind == "split":
            split_map.setdefault(item.origin[0], []).append(j)
        if item.kind == "merged":
            merges.append((item.origin, j))
    return GroundTruth(
        pairs=frozenset(pairs),
        added=frozenset(added),
        dropped=frozenset(dropped),
        moved=frozenset(moved),
        splits=tuple((i, tuple(js)) for i, js in sorted(split_map.items())),
        merges=tuple(merges),
        kinds=kinds,
        ops=tuple(applied),
    )
