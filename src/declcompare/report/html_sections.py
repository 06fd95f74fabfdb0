"""The briefing's sections as the HTML page and the Word redline draw them, in order.

A section is a key, a title and its rows. Sentence rows are plain strings, shift and
commitment rows are :class:`~declcompare.compare.CommitmentPair`, paragraph rows are
:class:`~declcompare.report.content.Item`. The renderers draw whatever list they are
given, in its order, so a briefing order defined elsewhere drops in unchanged: only
:func:`briefing_sections` needs replacing.

The summary sentences and the routine rule are the briefing's
(:mod:`declcompare.report.briefing`), so the page says what the Markdown, JSON and Excel
reports say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from declcompare.report.content import SHIFTS, Item, items, shift_rows

if TYPE_CHECKING:
    from declcompare.compare import CommitmentPair, Comparison

__all__ = ["Section", "briefing_sections"]

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


def briefing_sections(comparison: Comparison) -> list[Section]:
    """Summary, shifts, new and dropped commitments, reworded (ranked), routine, all rows."""
    from declcompare.report.briefing import briefing, routine_links

    rows = items(comparison)
    # One rule and one summary for every format: the briefing's (report/briefing.py).
    where = {id(link): k for k, link in enumerate(comparison.links)}
    routine_at = routine_links(comparison)
    routine = [i for i in rows if where.get(id(i.link)) in routine_at]
    routine_numbers = {i.number for i in routine}
    summary = next(s.sentences for s in briefing(comparison) if s.key == "summary")
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
        Section("summary", "Summary", sentences=summary),
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
