"""Text to :class:`~declcompare.model.Declaration`: structure, page-break repair, provenance.

The parser reads plain text and Markdown as they come out of PDFs and web pages:

* blocks are separated by blank lines; Markdown list items, ``#`` headings and
  bold-only heading lines start blocks of their own;
* a short line without final punctuation is a section heading; the first one,
  or a UN ``78/14. Title`` line, is the title;
* signature blocks (role, state, name), a closing date line, a UN plenary-meeting
  line, a ``[Footnotes]`` block and YAML front matter are recognised and kept;
* a paragraph cut in two by a page break is rejoined when the first part stops
  mid-sentence (no final punctuation, and it ends on a word that cannot end a
  sentence, or the next part starts in lower case). A paragraph that merely
  lacks its full stop is never glued to the next.

HTML pages, PDFs and Word documents are not re-read as text: their readers hand over
typed blocks (:mod:`declcompare.ingest.blocks`) and the declaration is built from those,
with the structure the reader knew (see :mod:`declcompare.parse.structured`).

Nothing is lost: every non-whitespace character of the input belongs to exactly
one element (a paragraph, a heading, or a :class:`~declcompare.model.Block`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Unpack

from declcompare.errors import EmptyInputError, ParseError
from declcompare.ingest import decode_bytes
from declcompare.ingest.extracted import Extracted
from declcompare.ingest.options import ReaderOptions
from declcompare.ingest.text import read_bytes
from declcompare.limits import DEFAULT_LIMITS, InputLimits, check_limit
from declcompare.model import (
    BlockKind,
    Declaration,
    DeclarationMeta,
    Metadata,
    Source,
    Span,
)
from declcompare.parse.blocks import classify, split_blocks
from declcompare.parse.build import apply, build
from declcompare.parse.coverage import check_coverage
from declcompare.parse.frontmatter import front_matter, front_matter_end
from declcompare.parse.items import Item
from declcompare.parse.structured import classify_blocks

__all__ = ["check_coverage", "load", "parse_bytes", "parse_extracted", "parse_text"]


def parse_text(
    text: str,
    *,
    source: Source | None = None,
    limits: InputLimits | None = None,
    strict: bool = False,
    **overrides: Unpack[DeclarationMeta],
) -> Declaration:
    """Parse the text of a declaration.

    Metadata found in the text (title, organisation, place, date) can be overridden
    by keyword: ``parse_text(text, place="Moscow")``. ``limits`` bounds the front
    matter (see :class:`~declcompare.limits.InputLimits`). When most of the text ends
    up outside paragraphs the result carries a warning (``Declaration.warnings``);
    with ``strict=True`` that is a :class:`~declcompare.errors.ParseError` instead.

    >>> d = parse_text("Security\\n\\nThe member states agree.\\n")
    >>> d.sections[0].heading, d.paragraphs[0].text
    ('Security', 'The member states agree.')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes str, not {type(text).__name__}; use load() for files")
    if not text.strip():
        raise EmptyInputError(
            "the text is empty or holds only whitespace; there is nothing to parse"
        )
    if source is None:
        import hashlib

        source = Source(sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    front_end = front_matter_end(text)
    items: list[Item] = []
    if front_end:
        end = len(text[:front_end].rstrip())
        items.append(
            Item(
                kind=BlockKind.FRONT_MATTER.value,
                spans=[Span(start=0, end=end)],
                text=text[:end],
            )
        )
    where = f" of {source.path}" if source.path else ""
    front_meta = front_matter(text[:front_end], limits=limits, where=where) if front_end else {}
    has_front_title = bool(front_meta.get("title"))
    items.extend(classify(text, split_blocks(text, front_end), has_front_title=has_front_title))
    declaration = build(text, items, source, front_meta)
    check_coverage(declaration, text)
    declaration = apply(declaration, overrides)
    if strict and declaration.warnings:
        raise ParseError(f"{declaration.warnings[0]} (refused because strict checking is on)")
    return declaration


def parse_extracted(
    extracted: Extracted,
    *,
    source: Source,
    strict: bool = False,
    **overrides: Unpack[DeclarationMeta],
) -> Declaration:
    """Build a declaration from a reader's typed blocks (HTML, PDF, DOCX)."""
    declaration = build(extracted.text, classify_blocks(extracted.blocks), source, {})
    check_coverage(declaration, extracted.text)
    declaration = apply(declaration, overrides)
    if strict and declaration.warnings:
        raise ParseError(f"{declaration.warnings[0]} (refused because strict checking is on)")
    return declaration


def _limits(
    limits: InputLimits | None, max_bytes: int | None, max_line_chars: int | None
) -> InputLimits:
    """``limits``, with the older ``max_bytes``/``max_line_chars`` keywords applied on top."""
    limits = limits or DEFAULT_LIMITS
    update = {
        name: value
        for name, value in (("max_bytes", max_bytes), ("max_line_chars", max_line_chars))
        if value is not None and value != getattr(limits, name)
    }
    return limits.model_copy(update=update) if update else limits


def _parse_data(
    data: bytes,
    name: str | None,
    *,
    limits: InputLimits,
    strict: bool,
    reader_options: ReaderOptions | None,
    overrides: DeclarationMeta,
) -> Declaration:
    import hashlib

    from declcompare.ingest.readers import extract, sniff

    kind = sniff(data, name)
    if kind == "text":
        decoded = decode_bytes(data, source=name, limits=limits)
        source = Source(path=name, sha256=decoded.sha256, encoding=decoded.encoding)
        parsed = parse_text(decoded.text, source=source, limits=limits, strict=strict, **overrides)
        return _from_file_name(parsed, name)
    check_limit(
        "max_bytes", len(data), limits, what="the input", where=f" in {name}" if name else "",
        unit="bytes",
    )  # fmt: skip
    extracted = extract(data, kind, source=name, limits=limits, options=reader_options)
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format=kind)
    declaration = parse_extracted(extracted, source=source, strict=strict, **overrides)
    return _from_file_name(declaration, name)


_FILE_NAME_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})_(?P<rest>[^.]+)")
_UN_FILE_RE = re.compile(r"^A-RES-(?P<session>\d{1,3})-(?P<number>\d{1,4})$")


def _from_file_name(declaration: Declaration, name: str | None) -> Declaration:
    """Date and place from a ``YYYY-MM-DD_place.ext`` file name, where the text gives none.

    What the text states always wins; what came from the file name is recorded in
    ``metadata`` (``date_from``, ``place_from``) so a reader can tell.
    """
    match = _FILE_NAME_RE.match(os.path.basename(name or ""))
    if match is None:
        return declaration
    update: dict[str, object] = {}
    extra: dict[str, str] = {}
    if declaration.date is None:
        try:
            update["date"] = dt.date.fromisoformat(match.group("date"))
            extra["date_from"] = "file name"
        except ValueError:
            pass
    rest = match.group("rest")
    un = _UN_FILE_RE.match(rest)
    if un is not None:
        if "symbol" not in declaration.metadata:
            extra["symbol"] = f"A/RES/{un.group('session')}/{un.group('number')}"
    elif declaration.place is None:
        words = rest.replace("_", "-").split("-")
        virtual = words[-1].lower() == "virtual"
        words = words[:-1] if virtual else words
        place = " ".join(w[:1].upper() + w[1:] for w in words if w)
        if place or virtual:
            update["place"] = f"{place} (virtual)" if place and virtual else place or "virtual"
            extra["place_from"] = "file name"
    if not update and not extra:
        return declaration
    update["metadata"] = Metadata({**declaration.metadata, **extra})
    return declaration.model_copy(update=update)


def load(
    path: str | os.PathLike[str],
    *,
    limits: InputLimits | None = None,
    max_bytes: int | None = None,
    max_line_chars: int | None = None,
    strict: bool = False,
    reader_options: ReaderOptions | None = None,
    **overrides: Unpack[DeclarationMeta],
) -> Declaration:
    """Read a declaration file and parse it: plain text or Markdown (UTF-8), an HTML
    page, a PDF or a Word (.docx) document.

    The reader is chosen from the file's bytes; its name is only a hint. Raises an
    :class:`~declcompare.errors.InputError` subclass for a missing, empty, binary,
    mis-encoded or oversized file, and :class:`~declcompare.errors.MissingDependencyError`
    naming the extra to install when a format's reader is not installed.

    ``limits`` (an :class:`~declcompare.limits.InputLimits`, by default its defaults)
    bounds what is read and expanded; a breach raises
    :class:`~declcompare.errors.InputLimitError` naming the field to raise.
    ``max_bytes`` and ``max_line_chars``, when given, override those two fields.
    ``strict=True`` refuses a text mostly outside paragraphs (see :func:`parse_text`).
    ``reader_options`` tunes the readers' layout heuristics
    (:class:`~declcompare.ingest.options.ReaderOptions`; the PDF reader's ratios).
    """
    limits = _limits(limits, max_bytes, max_line_chars)
    data = read_bytes(path, limits=limits)
    return _parse_data(
        data, os.fspath(path), limits=limits, strict=strict, reader_options=reader_options,
        overrides=overrides,
    )  # fmt: skip


def parse_bytes(
    data: bytes,
    *,
    name: str | None = None,
    limits: InputLimits | None = None,
    strict: bool = False,
    reader_options: ReaderOptions | None = None,
    **overrides: Unpack[DeclarationMeta],
) -> Declaration:
    """Parse raw bytes of any format :func:`load` reads (``limits`` and ``strict`` as there)."""
    return _parse_data(
        data, name, limits=limits or DEFAULT_LIMITS, strict=strict,
        reader_options=reader_options, overrides=overrides,
    )  # fmt: skip
