"""Word documents (.docx): paragraphs, heading styles, Word's numbering labels, tables, footnotes.

Read with python-docx. Word does not store the number a numbered paragraph shows
("1.", "(a)"); it stores a list definition (numbering.xml) and a level. The labels
are computed here the way Word computes them: one counter per list and level,
formatted by the level's number format (decimal, letters, roman) and text
("%1.", "(%2)"), lower levels restarting when a higher one advances. Tables are
read cell by cell, footnotes from footnotes.xml. Each paragraph's provenance is its
position among the document's paragraphs.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from declcompare.errors import CorruptInputError, MissingDependencyError
from declcompare.ingest.extracted import Builder, Extracted

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_RE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.IGNORECASE)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    return {
        "decimal": str(n),
        "lowerLetter": _letters(n),
        "upperLetter": _letters(n).upper(),
        "lowerRoman": _roman(n),
        "upperRoman": _roman(n).upper(),
        "decimalZero": f"{n:02d}",
    }.get(fmt, str(n))


class _Numbering:
    """Word's list definitions and running counters."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt
        self.counters: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", f"%{ilvl + 1}.") if text is not None else f"%{ilvl + 1}.",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.levels[(num.get(f"{_W}numId", ""), ilvl)] = spec

    def label(self, num_id: str, ilvl: int) -> str:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, text, start = spec
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        if fmt in ("bullet", "none"):
            return "- " if fmt == "bullet" else ""

        def value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lvl_spec = self.levels.get((num_id, level))
            count = self.counters.get((num_id, level), lvl_spec[2] if lvl_spec else 1)
            return _format(count, lvl_spec[0] if lvl_spec else "decimal")

        return re.sub(r"%(\d)", value, text) + " "


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """The list (numId, level) of a paragraph, from itself or its style."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is not None and num_id.get(f"{_W}val", "0") != "0":
            return num_id.get(f"{_W}val", ""), int(
                ilvl.get(f"{_W}val", "0")
            ) if ilvl is not None else 0
    return None


def read_docx(data: bytes, *, source: str | None = None) -> Extracted:
    """The text of a Word document, laid out for the parser."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise MissingDependencyError(
            "reading Word documents", extra="docx", module="python-docx"
        ) from exc
    where = f" in {source}" if source else ""
    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise CorruptInputError(
            f"the Word document{where} is damaged and cannot be read: {exc}"
        ) from exc
    numbering = _Numbering(document)
    builder = Builder("docx")
    counter = 0

    def paragraph(p: Any, in_table: bool = False) -> None:
        nonlocal counter
        counter += 1
        text = p.text
        style = (p.style.name if p.style is not None else "") or ""
        where_ = f"paragraph {counter}" + (" (table)" if in_table else "")
        if not text.strip():
            return
        if style == "Title":
            builder.title(text, where_)
            return
        match = _HEADING_RE.match(style)
        if match:
            builder.heading(text, where_)
            return
        num = _num_pr(p)
        label = numbering.label(*num) if num else ""
        builder.paragraph(label + text, where_)

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph(Paragraph(child, document))
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        paragraph(p, in_table=True)
    try:
        part = next(
            (rel.target_part for rel in document.part.rels.values()
             if rel.reltype.endswith("/footnotes")),
            None,
        )  # fmt: skip
    except Exception:  # pragma: no cover - malformed relationships
        part = None
    if part is not None:
        from lxml import etree

        root = etree.fromstring(part.blob)
        for note in root.findall(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                continue
            text = "".join(t.text or "" for t in note.iter(f"{_W}t"))
            if text.strip():
                builder.footnote(f"{note.get(f'{_W}id')} {text.strip()}", "footnotes")
    extracted = builder.build()
    if not extracted.text.strip():
        raise CorruptInputError(f"the Word document{where} holds no text")
    return extracted
