"""Word revision marks: a redline as WordprocessingML paragraphs with w:ins and w:del.

Each group of linked paragraphs (one row, or the rows of a split or merge) becomes
one word diff over its paragraphs joined by a separator; a separator the diff keeps
is a plain paragraph break, one it deletes is a deleted paragraph mark (accepting
merges the paragraphs), one it inserts an inserted mark (accepting splits them). So
accepting every revision gives the new paragraphs and rejecting every revision the
old ones, in their own order: a moved group is deleted where it stood and inserted
where it now stands (see :func:`plan`).

Only XML 1.0 characters can go into a Word document; a text holding another (a
control character) is refused with :class:`~declcompare.errors.OutputError` naming
the paragraph, rather than altered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from declcompare.errors import OutputError
from declcompare.text.diff import Op, Segment, redline

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["Block", "Revisions", "check_text", "plan"]

_SEPARATORS = ("\u2029", "\n", "\u2028")
# XML 1.0 characters, less those Word cannot hold in text (the C0 controls but tab and newline).
_BAD = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_PIECES = re.compile(r"(\n|\t)")


def check_text(text: str, where: str) -> None:
    """Refuse text that a Word document cannot hold, saying where it is."""
    bad = _BAD.search(text)
    if bad:
        raise OutputError(
            f"{where} contains the control character U+{ord(bad.group()):04X}, which a Word "
            "document cannot hold; write the report as HTML, Markdown or JSON instead"
        )


@dataclass
class Revisions:
    """Builds revision-marked paragraphs; ``author`` and ``date`` go on every mark."""

    author: str
    date: str | None  # ISO 8601, or None to leave the date out
    next_id: int = 1 << 20  # above the comment ids, which count from 0

    def _qn(self, tag: str) -> str:
        from docx.oxml.ns import qn

        return str(qn(tag))

    def _mark(self, tag: str) -> _Element:
        from docx.oxml import OxmlElement

        element = OxmlElement(tag)
        element.set(self._qn("w:id"), str(self.next_id))
        element.set(self._qn("w:author"), self.author)
        if self.date:
            element.set(self._qn("w:date"), self.date)
        self.next_id += 1
        return element

    def _run(self, text: str, deleted: bool) -> _Element:
        from docx.oxml import OxmlElement

        run = OxmlElement("w:r")
        for piece in _PIECES.split(text):
            if piece == "\n":
                run.append(OxmlElement("w:br"))
            elif piece == "\t":
                run.append(OxmlElement("w:tab"))
            elif piece:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = piece
                run.append(t)
        return run

    def _paragraph(self, mark: Op) -> _Element:
        from docx.oxml import OxmlElement

        p = OxmlElement("w:p")
        if mark is not Op.EQUAL:
            ppr = OxmlElement("w:pPr")
            rpr = OxmlElement("w:rPr")
            rpr.append(self._mark("w:ins" if mark is Op.INSERT else "w:del"))
            ppr.append(rpr)
            p.append(ppr)
        return p

    def _emit(self, p: _Element, op: Op, text: str) -> None:
        if not text:
            return
        if op is Op.EQUAL:
            p.append(self._run(text, deleted=False))
            return
        wrapper = self._mark("w:ins" if op is Op.INSERT else "w:del")
        wrapper.append(self._run(text, deleted=op is Op.DELETE))
        p.append(wrapper)

    def paragraphs(self, segments: Sequence[Segment], separator: str) -> list[_Element]:
        """Paragraphs for one redline whose paragraph breaks are ``separator``."""
        pieces: list[tuple[Op, str, bool]] = []  # op, text, ends a paragraph
        for seg in segments:
            parts = seg.text.split(separator)
            for k, part in enumerate(parts):
                pieces.append((seg.op, part, k < len(parts) - 1))
        out: list[_Element] = []
        pending: list[tuple[Op, str]] = []
        for op, text, ends in pieces:
            pending.append((op, text))
            if ends:
                out.append(self._close(pending, op))
                pending = []
        out.append(self._close(pending, Op.EQUAL))
        return out

    def _close(self, pending: list[tuple[Op, str]], mark: Op) -> _Element:
        p = self._paragraph(mark)
        for op, text in pending:
            self._emit(p, op, text)
        return p

    def group(self, olds: Sequence[str], news: Sequence[str]) -> list[_Element]:
        """Paragraphs turning ``olds`` into ``news`` (either may be empty)."""
        if not olds and not news:
            return []
        separator = next((s for s in _SEPARATORS if not any(s in t for t in (*olds, *news))), None)
        if separator is None:  # every separator occurs in the text: whole-paragraph marks
            return [*self.only(olds, Op.DELETE), *self.only(news, Op.INSERT)]
        if not olds:
            return self.only(news, Op.INSERT)
        if not news:
            return self.only(olds, Op.DELETE)
        joined_old, joined_new = separator.join(olds), separator.join(news)
        return self.paragraphs(redline(joined_old, joined_new), separator)

    def only(self, texts: Sequence[str], op: Op) -> list[_Element]:
        """Whole paragraphs inserted or deleted, marks included."""
        out = []
        for text in texts:
            p = self._paragraph(op)
            self._emit(p, op, text)
            out.append(p)
        return out


@dataclass(frozen=True)
class Block:
    """One stretch of the redline: a kept group's word diff, or one paragraph in or out."""

    kind: str  # "group", "insert" or "delete"
    group: int
    olds: tuple[int, ...]
    news: tuple[int, ...]


def _kept(groups: dict[int, tuple[list[int], list[int], bool]]) -> set[int]:
    """Groups shown as one word diff: unmoved, both sides contiguous, in order on both.

    The longest run of such groups rising in both texts (a longest increasing
    subsequence, n log n); any other group is shown as its old paragraphs deleted where
    they stood and its new ones inserted where they stand, so that accepting and
    rejecting every revision give each text in its own order.
    """
    import bisect

    def contiguous(xs: list[int]) -> bool:
        return bool(xs) and xs[-1] - xs[0] == len(xs) - 1

    candidates = sorted(
        (news[0], olds[0], g)
        for g, (olds, news, moved) in groups.items()
        if not moved and contiguous(olds) and contiguous(news)
    )
    tails: list[int] = []  # old index ending the best run of each length
    tail_at: list[int] = []  # position in candidates of that end
    back: list[int] = []
    for k, (_, old, _) in enumerate(candidates):
        length = bisect.bisect_left(tails, old)
        back.append(tail_at[length - 1] if length else -1)
        if length == len(tails):
            tails.append(old)
            tail_at.append(k)
        else:
            tails[length], tail_at[length] = old, k
    kept: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        kept.add(candidates[k][2])
        k = back[k]
    return kept


def plan(links: Sequence[tuple[int, bool, int | None, int | None]]) -> list[Block]:
    """The redline's blocks in document order, from ``(group, moved, old, new)`` links."""
    groups: dict[int, tuple[list[int], list[int], bool]] = {}
    for group, moved, old, new in links:
        olds, news, was = groups.setdefault(group, ([], [], False))
        if old is not None and old not in olds:
            olds.append(old)
        if new is not None and new not in news:
            news.append(new)
        groups[group] = (olds, news, was or moved)
    for olds, news, _ in groups.values():
        olds.sort()
        news.sort()
    kept = _kept(groups)
    starts = {groups[g][1][0]: g for g in kept}
    deletes = sorted((i, g) for g, (olds, _, _) in groups.items() if g not in kept for i in olds)
    owner = {j: g for g, (_, news, _) in groups.items() for j in news}
    out: list[Block] = []
    pending = 0
    j, count = 0, len(owner)
    while j < count:
        kept_group = starts.get(j)
        if kept_group is None:
            out.append(Block("insert", owner[j], (), (j,)))
            j += 1
            continue
        olds, news, _ = groups[kept_group]
        while pending < len(deletes) and deletes[pending][0] < olds[0]:
            i, g = deletes[pending]
            out.append(Block("delete", g, (i,), ()))
            pending += 1
        out.append(Block("group", kept_group, tuple(olds), tuple(news)))
        j = news[-1] + 1
    out.extend(Block("delete", g, (i,), ()) for i, g in deletes[pending:])
    return out
