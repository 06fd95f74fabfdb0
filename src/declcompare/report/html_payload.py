"""The paragraph rows of the HTML page as one compact JSON payload: each text written once.

A row is ``[kind, flags, section, old position, new position, group, similarity,
shifts, segments, part, parts]``: ``kind`` and ``section`` index the payload's
``kinds`` and ``sections`` lists; ``flags`` is 1 for moved plus 2 for renumbered;
``similarity`` is a percentage, or -1 where it says nothing (unchanged, added,
dropped); ``segments`` alternate an operation (0 kept, 1 deleted, 2 inserted) and its
text, so both sides of the word diff come from one copy of each word; ``part`` and
``parts`` place the row in its split or merge (0 and 0 outside one). ``markers`` are
``[row before which, moved row]`` pairs: where a moved paragraph stood in the old text.

The JSON is escaped for a ``<script type="application/json">`` element: no ``<``,
``>`` or ``&`` survives, so no text can close the element or open another.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from declcompare.text.diff import Op

if TYPE_CHECKING:
    from declcompare.report.content import Item

__all__ = ["KINDS", "payload_json"]

KINDS = ("unchanged", "reworded", "split", "merged", "added", "dropped")
_OPS = {Op.EQUAL: 0, Op.DELETE: 1, Op.INSERT: 2}
# Replaced one by one: str.replace runs in C, str.translate with a dict per character.
_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def moved_markers(rows: list[Item], old_count: int) -> list[tuple[int, int]]:
    """Where each moved paragraph stood: after the last unmoved row from before it, in one pass.

    ``stood[k]`` is the number of the latest row (in reading order) among the unmoved
    rows showing an old paragraph before position ``k``: a prefix maximum over the old
    positions, linear in rows plus paragraphs.
    """
    last_at = [0] * (old_count + 1)
    for item in rows:
        index = item.link.old_index
        if index is not None and not item.link.moved:
            last_at[index + 1] = max(last_at[index + 1], item.number)
    for k in range(1, old_count + 1):
        last_at[k] = max(last_at[k], last_at[k - 1])
    return [
        (last_at[item.link.old_index], item.number)
        for item in rows
        if item.link.moved and item.link.old_index is not None
    ]


def payload_json(rows: list[Item], old_count: int) -> str:
    """The rows, their sections and the moved markers as script-safe JSON."""
    sections: dict[str, int] = {}
    kinds = {k: n for n, k in enumerate(KINDS)}
    sizes = Counter(i.link.group for i in rows)
    seen: Counter[int] = Counter()
    out: list[list[object]] = []
    for item in rows:
        link = item.link
        segments: list[object] = []
        for seg in link.redline:
            segments.extend((_OPS[seg.op], seg.text))
        part = parts = 0
        if link.kind.value in ("split", "merged") and sizes[link.group] > 1:
            seen[link.group] += 1
            part, parts = seen[link.group], sizes[link.group]
        flags = (1 if link.moved else 0) | (2 if link.renumbered else 0)
        similar = link.kind.value in ("reworded", "split", "merged")
        out.append(
            [
                kinds[link.kind.value],
                flags,
                sections.setdefault(item.section, len(sections)),
                item.old_position,
                item.new_position,
                link.group,
                round(link.similarity * 100) if similar else -1,
                item.shifts,
                segments,
                part,
                parts,
            ]
        )
    data = {
        "kinds": list(KINDS),
        "sections": list(sections),
        "rows": out,
        "markers": moved_markers(rows, old_count),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for unsafe, escaped in _SCRIPT_SAFE:
        text = text.replace(unsafe, escaped)
    return text
