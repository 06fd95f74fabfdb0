"""The Word redline: the summary and the shift table, then the text with tracked changes.

Insertions and deletions are real Word revisions (``w:ins``, ``w:del``) by the
author "declcompare", dated with the new text's date (else the old one's; without
either the marks carry no date), so Word's Accept All gives the new declaration and
Reject All the old one, paragraph for paragraph. Paragraphs whose commitments changed
strength or stance carry a comment saying how, in the words of both texts. The file
is the same bytes for the same comparison. Needs the ``docx`` extra (python-docx).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from declcompare.errors import MissingDependencyError
from declcompare.report.content import GENERATED_NOTICE, describe, is_generated, position
from declcompare.report.content import write_bytes as _write
from declcompare.report.docx_revisions import Revisions, check_text, plan
from declcompare.report.html_sections import Section, briefing_sections
from declcompare.text.diff import Op

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from lxml.etree import _Element

    from declcompare.compare import CommitmentPair, Comparison

__all__ = ["AUTHOR", "REDLINE_HEADING", "require_docx", "to_docx_bytes", "write_docx"]

AUTHOR = "declcompare"
REDLINE_HEADING = "The text, with every change tracked"
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DATE_ATTR = re.compile(rb'w:date="[^"]*"')


def require_docx() -> None:
    """Raise :class:`MissingDependencyError` unless python-docx is installed (checked
    without importing it, so that the command can ask before any work)."""
    import importlib.util

    try:
        found = importlib.util.find_spec("docx") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise MissingDependencyError("writing a Word report", extra="docx", module="python-docx")


def _date(comparison: Comparison) -> dt.date | None:
    return comparison.new.date or comparison.old.date


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _shift_line(pair: CommitmentPair) -> str:
    _, a, b, change = pair
    assert a is not None
    assert b is not None
    return (
        f"Commitment {change.value.replace('_', ' ')}: “{a.predicate}” → “{b.predicate}” "
        f"(strength {a.strength} → {b.strength}), by {b.actor}, on: {_clip(b.object)}"
    )


def _front_matter(
    document: WordDocument, comparison: Comparison, sections: dict[str, Section]
) -> None:
    old, new = comparison.old, comparison.new
    title = f"What changed: {describe(old)} → {describe(new)}"
    check_text(title, "the title of a text")
    document.add_heading("What changed", level=0)
    document.add_paragraph(f"Old: {describe(old)}, {len(old.paragraphs)} paragraphs.")
    document.add_paragraph(f"New: {describe(new)}, {len(new.paragraphs)} paragraphs.")
    if is_generated(old) or is_generated(new):
        document.add_paragraph().add_run(GENERATED_NOTICE).bold = True
    document.add_heading("Summary", level=1)
    for sentence in sections["summary"].sentences:
        document.add_paragraph(sentence, style="List Bullet")
    shifts = sections["shifts"].pairs
    document.add_heading(sections["shifts"].title, level=1)
    if not shifts:
        document.add_paragraph("No commitment changed strength or stance.")
    else:
        head = ("change (strength)", "old wording", "new wording", "who, on what")
        table = document.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for _, a, b, change in shifts:
            assert a is not None
            assert b is not None
            values = (
                f"{change.value.replace('_', ' ')} ({a.strength} → {b.strength})",
                f"{position(old, a.paragraph_index)}: “{a.predicate}”",
                f"{position(new, b.paragraph_index)}: “{b.predicate}”",
                f"{b.actor}, on: {_clip(b.object)}",
            )
            for cell, text in zip(table.add_row().cells, values, strict=True):
                check_text(text, "a commitment")
                cell.text = text
    document.add_heading(REDLINE_HEADING, level=1)
    document.add_paragraph(
        "Insertions and deletions below are Word revisions by “declcompare”: accept them "
        "all to read the new text, reject them all to read the old one."
    )


def _redline(
    document: WordDocument, comparison: Comparison, date: str | None, shifted: Section
) -> None:
    from docx.oxml.ns import qn

    old, new = comparison.old, comparison.new
    for index, p in enumerate(old.paragraphs):
        check_text(p.text, f"paragraph {position(old, index)} of the old text")
    for index, p in enumerate(new.paragraphs):
        check_text(p.text, f"paragraph {position(new, index)} of the new text")
    revisions = Revisions(author=AUTHOR, date=date)
    shifts: dict[int, list[str]] = defaultdict(list)
    for pair in shifted.pairs:
        shifts[pair.link.group].append(_shift_line(pair))
    body = document.element.body
    end = body.find(qn("w:sectPr"))

    def put(elements: list[_Element]) -> None:
        for element in elements:
            if end is not None:
                end.addprevious(element)
            else:
                body.append(element)

    rows = [(k.group, k.moved, k.old_index, k.new_index) for k in comparison.links]
    commented: set[int] = set()
    for block in plan(rows):
        olds = [old.paragraphs[i].text for i in block.olds]
        news = [new.paragraphs[j].text for j in block.news]
        if block.kind == "group":
            elements = revisions.group(olds, news)
        elif block.kind == "insert":
            elements = revisions.only(news, Op.INSERT)
        else:
            elements = revisions.only(olds, Op.DELETE)
        put(elements)
        if block.group in shifts and block.news and block.group not in commented:
            commented.add(block.group)
            _comment(document, elements[0], "\n".join(shifts[block.group]))


def _comment(document: WordDocument, p: _Element, text: str) -> None:
    """A comment over the whole paragraph, anchored on two empty runs at its ends."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    paragraph = Paragraph(p, document)
    first, last = OxmlElement("w:r"), OxmlElement("w:r")
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(first)
    else:
        p.insert(0, first)
    p.append(last)
    document.add_comment(
        [Run(first, paragraph), Run(last, paragraph)], text=text, author=AUTHOR, initials="dc"
    )


def _stable_zip(data: bytes, date: str | None) -> bytes:
    """The package again with fixed entry times and comment dates: same input, same bytes."""
    out = io.BytesIO()
    stamp = f'w:date="{date}"'.encode() if date else b""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/comments.xml":
                content = _DATE_ATTR.sub(stamp, content)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def to_docx_bytes(comparison: Comparison) -> bytes:
    """The Word redline of a comparison as the bytes of a .docx file."""
    require_docx()
    import docx

    day = _date(comparison)
    date = f"{day.isoformat()}T00:00:00Z" if day else None
    document = docx.Document()
    props = document.core_properties
    props.author = AUTHOR
    props.title = _clip(f"{describe(comparison.old)} → {describe(comparison.new)}", 250)
    props.revision = 1
    moment = dt.datetime.combine(day or dt.date(2000, 1, 1), dt.time())
    props.created = props.modified = moment
    props.last_modified_by = AUTHOR
    # The briefing is computed once: the front matter and the redline's comments share it.
    sections = {s.key: s for s in briefing_sections(comparison)}
    _front_matter(document, comparison, sections)
    _redline(document, comparison, date, sections["shifts"])
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue(), date)


def write_docx(
    comparison: Comparison, path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write the Word redline to ``path``; an existing file is kept unless ``force``."""
    return _write(to_docx_bytes(comparison), path, force=force, what="Word report")
