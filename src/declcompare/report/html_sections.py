"""The briefing's sections as the HTML page and the Word redline draw them, in order.

A section is a key, a title and its rows. Sentence rows are plain strings, shift and
commitment rows are :class:`~declcompare.compare.CommitmentPair`, paragraph rows are
:class:`~declcompare.report.content.Item`. The renderers draw whatever list they are
given, in its order, so a briefing order defined elsewhere drops in unchanged: only
:func:`briefing_sections` needs replacing.

Routine changes here are rewordings whose letters, read without case, did not change
(session numbers, symbols, dates, footnote markers, punctuation, hyphens, capitals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from declcompare.report.content import SHIFTS, Item, headline, items, shift_rows

if TYPE_CHECKING:
    from declcompare.compare import CommitmentPair, Comparison

__all__ = ["Section", "briefing_sections", "is_routine"]

_NOT_LETTERS = re.compile(r"[\W\d_]+")
OTHER_CHANGES = ("new", "dropped", "changed_object")
# Beyond this many rewordings in one section list, a reader wants the ranking, not the list.
TOP_REWORDED = 50


@dataclass(frozen=True)
class Section:
    """One part of the briefing: ``key`` for anchors and tests, ``title`` for readers."""

    key: str
    title: str
    sentences: tuple[str, ...] = ()
    pairs: tuple[CommitmentPair, ...] = ()
    rows: tuple[Item, ...] = ()


def is_routine(item: Item) -> bool:
    """True when a changed row differs only in numbers, punctuation, spacing or case."""
    link = item.link
    if link.kind.value not in ("reworded", "unchanged") or link.old_index is None:
        return False
    old = "".join(s.text for s in link.redline if s.op.value != "insert")
    new = "".join(s.text for s in link.redline if s.op.value != "delete")
    if old == new:
        return False
    return _NOT_LETTERS.sub("", old).casefold() == _NOT_LETTERS.sub("", new).casefold()


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _summary(comparison: Comparison, rows: list[Item], routine: int) -> tuple[str, ...]:
    counts = headline(comparison)
    p = counts.paragraphs
    c = counts.commitments
    old_n, new_n = len(comparison.old.paragraphs), len(comparison.new.paragraphs)
    out = [
        f"The old text has {_plural(old_n, 'paragraph')}, the new one {new_n}: "
        f"{p.get('reworded', 0)} reworded, {p.get('added', 0)} added, "
        f"{p.get('dropped', 0)} dropped, {p.get('split', 0)} split, "
        f"{p.get('merged', 0)} merged and {p.get('moved', 0)} moved; "
        f"{p.get('unchanged', 0)} unchanged."
    ]
    shifts = [f"{_plural(c[k], 'commitment')} {k.replace('_', ' ')}" for k in SHIFTS if c.get(k)]
    if shifts:
        out.append("Strength or stance: " + ", ".join(shifts) + ".")
    else:
        out.append("No commitment changed strength or stance.")
    if c.get("new") or c.get("dropped"):
        out.append(
            f"{_plural(c.get('new', 0), 'new commitment')} and "
            f"{_plural(c.get('dropped', 0), 'dropped commitment')}."
        )
    if routine:
        out.append(
            f"{_plural(routine, 'paragraph')} changed only in numbers, punctuation or "
            "capitals (listed apart as routine)."
        )
    changed = sum(1 for i in rows if i.link.kind.value != "unchanged")
    if rows and changed > 0.6 * len(rows):
        out.append("Most of the text was rewritten: read the sections and topics, not every row.")
    return tuple(out)


def briefing_sections(comparison: Comparison) -> list[Section]:
    """Summary, shifts, new and dropped commitments, reworded (ranked), routine, all rows."""
    rows = items(comparison)
    routine = [i for i in rows if is_routine(i)]
    routine_numbers = {i.number for i in routine}
    pairs = shift_rows(comparison)
    shifts = sorted(
        (r for r in pairs if r.change.value in SHIFTS),
        key=lambda r: -abs((r.new.strength if r.new else 0) - (r.old.strength if r.old else 0)),
    )
    reworded = sorted(
        (i for i in rows if i.link.kind.value != "unchanged" and i.number not in routine_numbers),
        key=lambda i: (-i.meaning_change, i.number),
    )
    return [
        Section("summary", "Summary", sentences=_summary(comparison, rows, len(routine))),
        Section("shifts", "Commitments that changed strength or stance", pairs=tuple(shifts)),
        Section(
            "commitments",
            "New and dropped commitments, and commitments to another object",
            pairs=tuple(r for r in pairs if r.change.value in OTHER_CHANGES),
        ),
        Section(
            "reworded",
            f"Changed paragraphs, by change of meaning (top {TOP_REWORDED})",
            rows=tuple(reworded[:TOP_REWORDED]),
        ),
        Section("routine", "Routine changes", rows=tuple(routine)),
        Section("paragraphs", "Every paragraph, in the order of the new text", rows=tuple(rows)),
    ]
