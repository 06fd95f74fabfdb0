"""Word-level redlines with diff-match-patch.

diff-match-patch diffs characters; its documented "line mode" trick maps each
unit to one private character. We map each word, run of spaces and punctuation
mark to a character, diff those, and map back — so edits never cut a word in
half. Segments keep every character, so a redline rebuilds both texts exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

__all__ = ["Op", "Segment", "rebuild_new", "rebuild_old", "redline", "render_redline"]

_UNIT_RE = re.compile(r"\w+\s*|[^\w\s]\s*|\s+", re.UNICODE)
# Private Use Area: 6,400 code points, then Supplementary PUA-A; enough for any pair.
_PUA_START = 0xE000


class Op(StrEnum):
    """What a redline segment does."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Segment(BaseModel):
    """One run of a redline: kept, deleted (old only) or inserted (new only) text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    op: Op
    text: str


def _encode(text: str, table: dict[str, str], units: list[str]) -> str:
    out: list[str] = []
    for unit in _UNIT_RE.findall(text):
        code = table.get(unit)
        if code is None:
            index = len(units)
            point = _PUA_START + index
            if point >= 0xF900:  # skip past the BMP PUA into Supplementary PUA-A
                point = 0xF0000 + (index - (0xF900 - _PUA_START))
            code = chr(point)
            table[unit] = code
            units.append(unit)
        out.append(code)
    return "".join(out)


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level diff of two texts as segments; deterministic.

    >>> [(s.op.value, s.text) for s in redline("We welcome it.", "We note it.")]
    [('equal', 'We '), ('delete', 'welcome '), ('insert', 'note '), ('equal', 'it.')]
    """
    from diff_match_patch import diff_match_patch

    if old == new:
        return (Segment(op=Op.EQUAL, text=old),) if old else ()
    table: dict[str, str] = {}
    units: list[str] = []
    a = _encode(old, table, units)
    b = _encode(new, table, units)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: the same inputs always give the same diff
    diffs = engine.diff_main(a, b, False)
    engine.diff_cleanupMerge(diffs)
    decode = {code: unit for unit, code in table.items()}
    ops = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
    segments: list[Segment] = []
    for op, data in diffs:
        text = "".join(decode[ch] for ch in data)
        if not text:
            continue
        if segments and segments[-1].op is ops[op]:
            segments[-1] = Segment(op=ops[op], text=segments[-1].text + text)
        else:
            segments.append(Segment(op=ops[op], text=text))
    return tuple(segments)


def rebuild_old(segments: Sequence[Segment]) -> str:
    """The old text, from a redline."""
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def rebuild_new(segments: Sequence[Segment]) -> str:
    """The new text, from a redline."""
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


def render_redline(segments: Sequence[Segment]) -> str:
    """Plain-text redline: ``[-deleted-]{+inserted+}`` around changes (wdiff style)."""
    parts: list[str] = []
    for s in segments:
        if s.op is Op.EQUAL:
            parts.append(s.text)
        elif s.op is Op.DELETE:
            parts.append(f"[-{s.text}-]")
        else:
            parts.append(f"{{+{s.text}+}}")
    return "".join(parts)
