"""Word-level redlines with diff-match-patch.

diff-match-patch diffs characters; its documented "line mode" trick maps each
unit to one private character. We map each word, run of spaces and punctuation
mark to a character, diff those, and map back — so edits never cut a word in
half. Scripts written without spaces between words (Chinese, Japanese, Thai,
Lao, Khmer, Myanmar) are diffed character by character, since a "word" there
would be a whole sentence. Segments keep every character, so a redline rebuilds
both texts exactly.

The diff is bounded in time. diff-match-patch's exact diff costs about the
product of the number of units and the number of edits, so it is used only
when the two texts together hold at most ``_DMP_MAX_UNITS`` units and at most
``_DMP_MAX_MIDDLE`` of them lie between the common beginning and end; every
paragraph of a real declaration is far below both. Beyond them (a pasted annex
of 20,000 words, a hostile input) the changed middle is diffed by
:class:`difflib.SequenceMatcher` over the units, with its popularity heuristic
(near-linear on prose), and beyond ``_DIFFLIB_MAX_UNITS`` it is one deletion and
one insertion. The degradation is only in how small the marked edits are: the
redline still rebuilds both texts exactly, and the same inputs always give the
same redline.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Op",
    "Segment",
    "parse_redline",
    "rebuild_new",
    "rebuild_old",
    "redline",
    "render_redline",
]

# Scripts written without spaces between words: each character is a unit.
_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # Han
)
_UNIT_RE = re.compile(rf"[{_UNSPACED}]\s*|[^\W{_UNSPACED}]+\s*|[^\w\s]\s*|\s+", re.UNICODE)
# Private Use Area: 6,400 code points, then Supplementary PUA-A; enough for any pair.
_PUA_START = 0xE000
# Bounds of the exact diff (see the module docstring); units of both texts together.
_DMP_MAX_UNITS = 20_000
_DMP_MAX_MIDDLE = 3_000
_DIFFLIB_MAX_UNITS = 400_000


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
    """Word-level diff of two texts as segments; deterministic and bounded in time.

    >>> [(s.op.value, s.text) for s in redline("We welcome it.", "We note it.")]
    [('equal', 'We '), ('delete', 'welcome '), ('insert', 'note '), ('equal', 'it.')]
    """
    if old == new:
        return (Segment(op=Op.EQUAL, text=old),) if old else ()
    a = _UNIT_RE.findall(old)
    b = _UNIT_RE.findall(new)
    head = _common_prefix(a, b)
    tail = _common_prefix(a[head:][::-1], b[head:][::-1])
    middle = len(a) + len(b) - 2 * (head + tail)
    if len(a) + len(b) <= _DMP_MAX_UNITS and middle <= _DMP_MAX_MIDDLE:
        return _exact(old, new)
    runs: list[tuple[Op, Sequence[str]]] = [(Op.EQUAL, a[:head])]
    runs += _bounded(a[head : len(a) - tail], b[head : len(b) - tail])
    runs.append((Op.EQUAL, a[len(a) - tail :]))
    return _segments(runs)


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _exact(old: str, new: str) -> tuple[Segment, ...]:
    """diff-match-patch over one character per unit: the smallest edits, quadratic worst case."""
    from diff_match_patch import diff_match_patch

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
    return _segments([(ops[op], [decode[ch] for ch in data]) for op, data in diffs])


def _bounded(a: list[str], b: list[str]) -> list[tuple[Op, Sequence[str]]]:
    """The changed middle of a large pair: difflib over units, or one replacement."""
    if len(a) + len(b) > _DIFFLIB_MAX_UNITS:
        return [(Op.DELETE, a), (Op.INSERT, b)]
    runs: list[tuple[Op, Sequence[str]]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=True)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((Op.EQUAL, a[i1:i2]))
        else:  # replace, delete, insert: deletion first, as diff-match-patch orders them
            runs += [(Op.DELETE, a[i1:i2]), (Op.INSERT, b[j1:j2])]
    return runs


def _segments(runs: Sequence[tuple[Op, Sequence[str]]]) -> tuple[Segment, ...]:
    """Segments from runs of units: empty runs dropped, neighbours of one kind joined."""
    segments: list[Segment] = []
    pending: dict[Op, list[str]] = {}
    order: list[Op] = []

    def flush() -> None:
        for op in order:
            segments.append(Segment(op=op, text="".join(pending[op])))
        pending.clear()
        order.clear()

    for op, units in runs:
        if not units:
            continue
        if op is Op.EQUAL:
            flush()
            if segments and segments[-1].op is Op.EQUAL:
                segments[-1] = Segment(op=Op.EQUAL, text=segments[-1].text + "".join(units))
            else:
                segments.append(Segment(op=Op.EQUAL, text="".join(units)))
            continue
        if op not in pending:
            pending[op] = []
            order.append(op)
        pending[op].extend(units)
    flush()
    return tuple(segments)


def rebuild_old(segments: Sequence[Segment]) -> str:
    """The old text, from a redline."""
    return "".join(s.text for s in segments if s.op is not Op.INSERT)


def rebuild_new(segments: Sequence[Segment]) -> str:
    """The new text, from a redline."""
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


_ESCAPE_RE = re.compile(r"\\|(?<=\[)-|-(?=\])|(?<=\{)\+|\+(?=\})")


def _escape(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: "\\" + m.group(), text)


def render_redline(segments: Sequence[Segment]) -> str:
    r"""Plain-text redline: ``[-deleted-]{+inserted+}`` around changes (wdiff style).

    The rendering is unambiguous, so :func:`parse_redline` reads it back into the
    segments: in the text of every segment a backslash is written ``\\``, and a
    ``-`` that follows ``[`` or precedes ``]``, or a ``+`` that follows ``{`` or
    precedes ``}``, is written with a backslash before it. Text without those
    characters is written as it is.

    >>> render_redline(redline("a [-1-] b", "a {+2+} b"))
    'a [-[\\-1\\-] -]{+{\\+2\\+} +}b'
    """
    parts: list[str] = []
    for s in segments:
        if s.op is Op.EQUAL:
            parts.append(_escape(s.text))
        elif s.op is Op.DELETE:
            parts.append(f"[-{_escape(s.text)}-]")
        else:
            parts.append(f"{{+{_escape(s.text)}+}}")
    return "".join(parts)


def parse_redline(rendered: str) -> tuple[Segment, ...]:
    r"""The segments of a redline written by :func:`render_redline`.

    >>> [(s.op.value, s.text) for s in parse_redline(r"x [-[\-1-]{+2+}")]
    [('equal', 'x '), ('delete', '[-1'), ('insert', '2')]
    """
    closers = {Op.DELETE: "-]", Op.INSERT: "+}"}
    segments: list[Segment] = []
    op = Op.EQUAL
    text: list[str] = []
    k = 0
    n = len(rendered)
    while k < n:
        ch = rendered[k]
        pair = rendered[k : k + 2]
        if ch == "\\" and k + 1 < n:
            text.append(rendered[k + 1])
            k += 2
            continue
        if op is Op.EQUAL and pair in ("[-", "{+"):
            if text:
                segments.append(Segment(op=op, text="".join(text)))
            op, text = (Op.DELETE if pair == "[-" else Op.INSERT), []
            k += 2
            continue
        if op is not Op.EQUAL and pair == closers[op]:
            segments.append(Segment(op=op, text="".join(text)))
            op, text = Op.EQUAL, []
            k += 2
            continue
        text.append(ch)
        k += 1
    if op is not Op.EQUAL:
        raise ValueError(f"the redline ends inside a {op.value} (no {closers[op]!r} at the end)")
    if text:
        segments.append(Segment(op=op, text="".join(text)))
    return tuple(segments)
