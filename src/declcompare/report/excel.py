"""The Excel workbook (openpyxl): Summary, then a sheet per briefing section in the
briefing's order (Shifts, New and dropped, Names, Reworded, Routine), then every row
in Paragraphs and Commitments.

Each sheet has a frozen header row, an autofilter, set column widths and wrapped
text; rows are coloured by kind and the kind is also written out, so nothing
depends on colour. Every text cell that a spreadsheet could read as a formula
(starting with =, +, -, @, tab or carriage return) is neutralised. Control
characters that an Excel file cannot hold (U+0000-U+0008, U+000B, U+000C,
U+000E-U+001F, as openpyxl defines them) are written as their visible symbols
from the Control Pictures block (U+000B as ␋), and the Summary sheet says so.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from declcompare.report.briefing import briefing
from declcompare.report.content import (
    GENERATED_NOTICE,
    describe,
    headline,
    is_generated,
    items,
    position,
    write_bytes,
)
from declcompare.report.csv import neutralise_cell

if TYPE_CHECKING:
    from declcompare.compare import Comparison

__all__ = ["to_excel_bytes", "write_excel"]

_FILLS = {
    "added": "D7F5DD",
    "dropped": "FFE0E0",
    "reworded": "FFF4CE",
    "split": "E3ECFF",
    "merged": "E3ECFF",
    "new": "D7F5DD",
    "weakened": "FFE0E0",
    "strengthened": "D7F5DD",
    "changed_stance": "FFF4CE",
    "changed_object": "FFF4CE",
}
_SHEETS = {
    "shifts": "Shifts",
    "commitments": "New and dropped",
    "entities": "Names",
    "reworded": "Reworded",
    "routine": "Routine",
}
_REDLINED = frozenset({"reworded", "routine"})
_MAX_CELL = 32_000  # Excel's limit is 32,767 characters per cell


def _illegal() -> re.Pattern[str]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE


def _visible(match: re.Match[str]) -> str:
    return chr(0x2400 + ord(match.group()))  # U+0001 -> ␁, U+000B -> ␋


def _escape_note(rows: list[list[object]]) -> str | None:
    """The Summary note for cells whose control characters are shown as symbols, if any."""
    illegal = _illegal()
    found = sorted(
        {ch for row in rows for v in row if isinstance(v, str) for ch in illegal.findall(v)}
    )
    if not found:
        return None
    cells = sum(1 for row in rows for v in row if isinstance(v, str) and illegal.search(v))
    codes = ", ".join(f"U+{ord(ch):04X} as {chr(0x2400 + ord(ch))}" for ch in found)
    return (
        f"{cells} cell(s) held control characters an Excel file cannot store; they are "
        f"shown as visible symbols ({codes}). The JSON report keeps the exact text."
    )


def _cell(value: object) -> str | float | None:
    if isinstance(value, str):
        text = _illegal().sub(_visible, neutralise_cell(value))
        if len(text) > _MAX_CELL:
            note = " … [cut: the full text is in the JSON report]"
            text = text[: _MAX_CELL - len(note)] + note
        return text
    if value is None or isinstance(value, int | float):
        return value
    return _cell(str(value))


def to_excel_bytes(comparison: Comparison) -> bytes:
    """The workbook as bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
    from openpyxl.utils import get_column_letter

    # Write-only mode streams each row to the file as it is appended, so time and memory
    # grow with the rows and not with a grid of cell objects kept for the whole sheet.
    wb = Workbook(write_only=True)
    # One named style per look (header, text, text on each kind's colour): a cell takes
    # a style by name, instead of every cell hashing its font, alignment and fill anew.
    wrap = Alignment(wrap_text=True, vertical="top")
    wb.add_named_style(NamedStyle(name="declcompare header", font=Font(bold=True)))
    wb.add_named_style(NamedStyle(name="declcompare text", alignment=wrap))
    for kind, colour in _FILLS.items():
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        wb.add_named_style(NamedStyle(name=f"declcompare {kind}", alignment=wrap, fill=fill))

    def sheet(title: str, header: list[str], rows: list[list[object]], widths: list[int],
              kind_column: int | None) -> None:  # fmt: skip
        ws = wb.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        last = get_column_letter(max(len(header), max((len(r) for r in rows), default=0)))
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"

        def cell(value: object, style: str) -> Cell:
            c = WriteOnlyCell(ws, value=_cell(value))
            c.style = style
            return c

        ws.append([cell(value, "declcompare header") for value in header])
        for row in rows:
            kind = str(row[kind_column] or "") if kind_column is not None else ""
            style = f"declcompare {kind}" if kind in _FILLS else "declcompare text"
            ws.append([cell(v, style) for v in row])

    summary_rows: list[list[object]] = [
        ["Old", describe(comparison.old)],
        ["New", describe(comparison.new)],
    ]
    if is_generated(comparison.old) or is_generated(comparison.new):
        summary_rows.insert(0, ["Note", GENERATED_NOTICE])
    sections = briefing(comparison)
    summary_rows += [["In brief", sentence] for sentence in sections[0].sentences]
    summary_rows += [[k, v] for k, v in headline(comparison).flat().items()]
    from declcompare.text.diff import render_redline

    # The briefing's own sections, in its order, between Summary and the full lists.
    briefing_sheets: list[tuple[str, list[list[object]]]] = []
    for section in sections[1:-1]:
        rows: list[list[object]] = [
            [r.kind, r.old_position, r.new_position, r.before, r.after, r.about, r.note,
             render_redline(r.link.redline) if r.link and section.key in _REDLINED else ""]
            for r in section.rows
        ]  # fmt: skip
        if section.more:
            rows.append(["…", "", "", "", "", f"{section.more} more rows", "see Paragraphs "
                         "and Commitments", ""])  # fmt: skip
        briefing_sheets.append((_SHEETS[section.key], rows))
    paragraph_rows: list[list[object]] = []
    for i in items(comparison):
        link = i.link
        o = comparison.old.paragraphs[link.old_index] if link.old_index is not None else None
        n = comparison.new.paragraphs[link.new_index] if link.new_index is not None else None
        paragraph_rows.append(
            [
                link.kind.value,
                "yes" if link.moved else "",
                i.section,
                i.old_position,
                i.new_position,
                round(link.similarity, 3),
                round(i.meaning_change, 3),
                i.commitment_changes,
                o.text if o else "",
                n.text if n else "",
                render_redline(link.redline),
            ]
        )
    commitment_rows: list[list[object]] = []
    for _, a, b, change in comparison.commitment_changes():
        c = b if b is not None else a
        assert c is not None
        commitment_rows.append(
            [
                change.value,
                position(comparison.old, a.paragraph_index) if a else "",
                position(comparison.new, b.paragraph_index) if b else "",
                c.actor,
                a.predicate if a else "",
                b.predicate if b else "",
                a.stance.value if a else "",
                b.stance.value if b else "",
                a.strength if a else None,
                b.strength if b else None,
                c.object,
            ]
        )
    every = [row for _, rows in briefing_sheets for row in rows]
    note = _escape_note(summary_rows + every + paragraph_rows + commitment_rows)
    if note is not None:
        summary_rows.insert(0, ["Note", note])
    sheet("Summary", ["item", "value"], summary_rows, [28, 110], None)
    for title, rows in briefing_sheets:
        sheet(title, ["change", "old", "new", "before", "after", "about", "note",
                      "redline [-deleted-] {+inserted+}"], rows,
              [14, 16, 16, 30, 30, 60, 28, 60], 0)  # fmt: skip

    sheet(
        "Paragraphs",
        ["kind", "moved", "section", "old", "new", "similarity", "meaning change",
         "commitment changes", "old text", "new text", "redline [-deleted-] {+inserted+}"],
        paragraph_rows,
        [11, 8, 24, 12, 12, 10, 10, 11, 60, 60, 60],
        0,
    )  # fmt: skip

    sheet(
        "Commitments",
        ["change", "old", "new", "actor", "old predicate", "new predicate", "old stance",
         "new stance", "old strength", "new strength", "object"],
        commitment_rows,
        [15, 12, 12, 24, 26, 26, 12, 12, 8, 8, 70],
        0,
    )  # fmt: skip
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_excel(
    comparison: Comparison, path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write the workbook to ``path``; refuse to overwrite unless ``force``."""
    return write_bytes(to_excel_bytes(comparison), path, force=force, what="Excel workbook")
