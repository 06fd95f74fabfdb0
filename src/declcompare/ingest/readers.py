"""Which reader a file needs, from its bytes (the file name's suffix is only a hint)."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Literal

from declcompare.ingest.extracted import Extracted
from declcompare.ingest.options import DEFAULT_READER_OPTIONS, ReaderOptions
from declcompare.limits import InputLimits

__all__ = ["Kind", "extract", "sniff"]

Kind = Literal["text", "html", "pdf", "docx"]


def sniff(data: bytes, name: str | None = None) -> Kind:
    """The format of ``data``: pdf, docx, html or text."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "text"  # the text decoder names it (a ZIP archive, not text)
    from declcompare.ingest.html import looks_like_html

    if looks_like_html(data):
        return "html"
    if name and name.lower().endswith((".html", ".htm")) and data.lstrip()[:1] == b"<":
        return "html"
    return "text"


def extract(
    data: bytes,
    kind: Kind,
    *,
    source: str | None = None,
    limits: InputLimits | None = None,
    options: ReaderOptions | None = None,
) -> Extracted:
    """Run the reader for ``kind``, within ``limits`` (by default ``InputLimits()``), with
    ``options`` (by default ``ReaderOptions()``): the blocks it found."""
    options = options or DEFAULT_READER_OPTIONS
    if kind == "html":
        from declcompare.ingest.html import read_html

        return read_html(data, source=source, limits=limits)
    if kind == "pdf":
        from declcompare.ingest.pdf import read_pdf

        return read_pdf(data, source=source, limits=limits, layout=options.pdf)
    if kind == "docx":
        from declcompare.ingest.docx import read_docx

        return read_docx(data, source=source, limits=limits)
    raise ValueError(f"no reader for {kind!r}")
