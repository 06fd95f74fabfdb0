"""Word documents (.docx): paragraphs, heading styles, Word's numbering labels, tables, footnotes.

Read with python-docx. Word does not store the number a numbered paragraph shows
("1.", "(a)"); it stores a list definition (numbering.xml) and a level. The labels
are computed here the way Word computes them: one counter per list and level,
formatted by the level's number format (decimal, letters, roman) and text
("%1.", "(%2)"), lower levels restarting when a higher one advances. Tables are
read cell by cell, footnotes from footnotes.xml. Each paragraph's provenance is its
position among the document's paragraphs.

Before python-docx expands anything, the package is checked against
:class:`InputLimits`: the sizes its zip declares and the bytes actually
decompressed (a zip bomb), the elements and depth of every XML part (millions of
empty paragraphs), and document type definitions, which Word never writes and
entity bombs and XXE need. Entities are never expanded, external ones never
fetched. A list number that is not an integer is ignored (the level's default
applies); one beyond ``max_list_number`` is refused.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Any

from declcompare.errors import CorruptInputError, InputLimitError, MissingDependencyError
from declcompare.ingest.blocks import Provenance
from declcompare.ingest.extracted import Builder, Extracted
from declcompare.limits import DEFAULT_LIMITS, InputLimits, check_limit

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_RE = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.IGNORECASE)
# Block-level wrappers whose paragraphs are the document's own: content controls, custom XML.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"}
_INTEGER_RE = re.compile(r"^[+-]?[0-9]{1,18}$")
#: python-docx parses without lxml's huge_tree: deeper XML is refused by libxml2.
_DOCX_PARSER_MAX_DEPTH = 256
_CHUNK = 1024 * 1024
_ENTITY = b"<!ENTITY"


class _Counter:
    """An lxml parser target that counts elements and depth, building no tree."""

    def __init__(self, part: str, limits: InputLimits, where: str) -> None:
        self.part, self.limits, self.where = part, limits, where
        self.depth = self.count = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.count += 1
        self.depth += 1
        if self.count > self.limits.max_elements:
            check_limit(
                "max_elements",
                self.count,
                self.limits,
                at_least=True,
                unit="elements",
                what=f"{self.part} of the Word document{self.where}",
            )
        if self.depth > min(self.limits.max_depth, _DOCX_PARSER_MAX_DEPTH):
            raise InputLimitError(
                what=f"the nesting of {self.part} of the Word document{self.where}",
                limit="max_depth",
                value=self.depth,
                maximum=min(self.limits.max_depth, _DOCX_PARSER_MAX_DEPTH),
                unit="levels",
                at_least=True,
                hint=None
                if self.depth > self.limits.max_depth
                else f"python-docx cannot read Word XML nested deeper than "
                f"{_DOCX_PARSER_MAX_DEPTH} levels, so this document cannot be read",
            )

    def end(self, tag: str) -> None:
        self.depth -= 1

    def close(self) -> int:
        return self.count


def _int(value: str | None) -> int | None:
    """A Word decimal number, or None when the attribute is missing or not an integer."""
    if value is None or not _INTEGER_RE.match(value.strip()):
        return None
    return int(value)


def _check_package(data: bytes, limits: InputLimits, where: str) -> None:
    """Refuse a package that would expand beyond ``limits``, before python-docx reads it."""
    from lxml import etree

    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptInputError(
            f"the Word document{where} is damaged and cannot be read: {exc}"
        ) from exc
    with archive:
        infos = archive.infolist()
        check_limit(
            "max_elements",
            len(infos),
            limits,
            unit="files",
            what=f"the zip package of the Word document{where}",
        )
        declared = sum(info.file_size for info in infos)
        check_limit(
            "max_decompressed_bytes",
            declared,
            limits,
            unit="bytes",
            what=f"the Word document{where}, decompressed as its zip declares,",
        )
        total = 0
        for info in infos:
            xml = info.filename.endswith((".xml", ".rels"))
            counter = _Counter(info.filename, limits, where)
            parser = (
                etree.XMLParser(
                    target=counter,
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                    huge_tree=True,
                )
                if xml
                else None
            )
            entities = 0
            tail = b""
            try:
                with archive.open(info) as member:
                    # zipfile stops at the declared size; counting is belt and braces.
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        check_limit(
                            "max_decompressed_bytes",
                            total,
                            limits,
                            unit="bytes",
                            at_least=True,
                            what=f"the decompressed Word document{where}",
                        )
                        if parser is not None:
                            entities += (tail + chunk).count(_ENTITY)
                            tail = chunk[-len(_ENTITY) + 1 :]
                            check_limit(
                                "max_xml_entities",
                                entities,
                                limits,
                                what=f"the number of entity declarations in {info.filename} "
                                f"of the Word document{where}",
                            )
                            parser.feed(chunk)
                if parser is not None:
                    parser.close()
            except InputLimitError:
                raise
            except etree.XMLSyntaxError as exc:
                raise CorruptInputError(
                    f"the Word document{where} is damaged: {info.filename} is not well-formed XML "
                    f"(line {exc.lineno}): {exc.msg}; re-save the document in Word"
                ) from exc
            except (
                zipfile.BadZipFile,
                zipfile.LargeZipFile,
                OSError,
                EOFError,
                NotImplementedError,
                RuntimeError,
                ValueError,
            ) as exc:
                raise CorruptInputError(
                    f"the Word document{where} is damaged: {info.filename} cannot be decompressed: "
                    f"{exc}; re-save the document in Word"
                ) from exc


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

    def __init__(self, document: Any, limits: InputLimits, where: str) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt
        self.counters: dict[tuple[str, int], int] = {}
        self.limits, self.where = limits, where
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in a.findall(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl", "0"))
                if ilvl is None or not 0 <= ilvl <= 8:  # Word has nine levels, 0 to 8
                    continue
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start_el = lvl.find(f"{_W}start")
                start = _int(start_el.get(f"{_W}val", "1")) if start_el is not None else 1
                self._check(abs(start if start is not None else 1), "a list start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", f"%{ilvl + 1}.") if text is not None else f"%{ilvl + 1}.",
                    start if start is not None else 1,
                )
            abstract[a.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.levels[(num.get(f"{_W}numId", ""), ilvl)] = spec

    def _check(self, number: int, what: str) -> None:
        check_limit(
            "max_list_number",
            number,
            self.limits,
            what=f"{what} in numbering.xml of the Word document{self.where}",
        )

    def label(self, num_id: str, ilvl: int) -> str:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, text, start = spec
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        self._check(abs(self.counters[key]), "a list that counts")
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


def _style_chain(style: Any) -> list[Any]:
    """The paragraph properties of a style and of the styles it is based on."""
    chain = []
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:  # a hostile file may loop
        seen.add(style.style_id)
        chain.append(style.element.pPr)
        style = style.base_style
    return chain


def _num_pr(paragraph: Any, style_chain: list[Any]) -> tuple[str, int] | None:
    """The list (numId, level) of a paragraph, from itself or its style."""
    for ppr in [paragraph._p.pPr, *style_chain]:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is not None and num_id.get(f"{_W}val", "0") != "0":
            level = _int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
            return num_id.get(f"{_W}val", ""), level if level is not None else 0
    return None


def read_docx(
    data: bytes, *, source: str | None = None, limits: InputLimits | None = None
) -> Extracted:
    """The blocks of a Word document: Title and Heading styles, numbered paragraphs with
    the labels Word would show, table cells, paragraphs and footnotes."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise MissingDependencyError(
            "reading Word documents", extra="docx", module="python-docx"
        ) from exc
    where = f" in {source}" if source else ""
    limits = limits or DEFAULT_LIMITS
    check_limit("max_bytes", len(data), limits, what="the Word document", where=where, unit="bytes")
    _check_package(data, limits, where)
    try:
        document = docx.Document(BytesIO(data))
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise CorruptInputError(
            f"the Word document{where} is damaged and cannot be read: {exc}"
        ) from exc
    numbering = _Numbering(document, limits, where)
    builder = Builder("docx")
    counter = 0
    # python-docx looks a style up by a linear search of styles.xml on every access
    # (about 1 ms each): 100,000 paragraphs took minutes. One look-up per style id.
    styles: dict[str | None, tuple[str, list[Any]]] = {}

    def style_of(p: Any) -> tuple[str, list[Any]]:
        key = p._p.style
        if key not in styles:
            style = p.style
            styles[key] = ((style.name if style is not None else "") or "", _style_chain(style))
        return styles[key]

    def paragraph(p: Any, in_table: bool = False) -> None:
        nonlocal counter
        counter += 1
        text = p.text
        style, chain = style_of(p)
        where_ = Provenance(path=f"paragraph {counter}" + (" (table)" if in_table else ""))
        if not text.strip():
            return
        if style == "Title":
            builder.title(text, where_)
            return
        match = _HEADING_RE.match(style)
        if match:
            builder.heading(text, int(match.group(1)), where_)
            return
        num = _num_pr(p, chain)
        label = numbering.label(*num) if num else ""
        if num:
            builder.list_item(label, text, where_)
        elif in_table:
            builder.table_cell(text, where_)
        else:
            builder.paragraph(text, where_)

    def blocks(container: Any, in_table: bool = False) -> None:
        """Paragraphs and tables in reading order, also inside tables nested in a cell
        and inside content controls (``w:sdt``), which would otherwise be lost."""
        for child in container.iterchildren():
            if child.tag == f"{_W}p":
                paragraph(Paragraph(child, document), in_table=in_table)
            elif child.tag == f"{_W}tbl":
                for row in Table(child, document).rows:
                    for cell in row.cells:
                        blocks(cell._tc, in_table=True)
            elif child.tag in _WRAPPERS:
                blocks(child, in_table=in_table)

    blocks(document.element.body)
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

        # As python-docx parses document.xml: entities are never expanded (bombs, XXE).
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError as exc:
            raise CorruptInputError(
                f"the Word document{where} is damaged: its footnotes are not well-formed XML "
                f"(line {exc.lineno}): {exc.msg}; re-save the document in Word"
            ) from exc
        for note in root.findall(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                continue
            text = "".join(t.text or "" for t in note.iter(f"{_W}t"))
            if text.strip():
                builder.footnote(
                    f"{note.get(f'{_W}id')} {text.strip()}", Provenance(path="footnotes")
                )
    extracted = builder.build()
    if not extracted.text.strip():
        raise CorruptInputError(f"the Word document{where} holds no text")
    return extracted
