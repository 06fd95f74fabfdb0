"""Which reader a file needs, from its bytes (the file name's suffix is only a hint)."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Literal

from declcompare.errors import MissingDependencyError
from declcompare.ingest.extracted import Extracted
from declcompare.ingest.options import DEFAULT_READER_OPTIONS, ReaderOptions
from declcompare.limits import InputLimits

__all__ = ["Kind", "check_readers", "extract", "sniff"]

Kind = Literal["text", "html", "pdf", "docx"]

# Kind -> (feature, extra, module to import, package to name)
_NEEDS: dict[str, tuple[str, str, str, str]] = {
    "html": ("reading HTML", "html", "lxml", "lxml"),
    "pdf": ("reading PDF", "pdf", "pdfminer", "pdfminer.six"),
    "docx": ("reading Word documents", "docx", "docx", "python-docx"),
}


def _kind_from_head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "text"  # the reader itself reports a missing or unreadable file
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if path.suffix.lower() == ".docx" else "text"
    from declcompare.ingest.html import looks_like_html

    return "html" if looks_like_html(head) or path.suffix.lower() in (".html", ".htm") else "text"


def check_readers(paths: Sequence[str | os.PathLike[str]]) -> None:
    """Raise :class:`MissingDependencyError` before any work when a file needs a reader
    whose optional package is not installed (the first such file's, naming all extras)."""
    from importlib.util import find_spec

    missing: dict[str, tuple[str, str, str, str]] = {}
    for path in paths:
        kind = _kind_from_head(Path(path))
        need = _NEEDS.get(kind)
        if need is not None and need[1] not in missing and find_spec(need[2]) is None:
            missing[need[1]] = need
    if not missing:
        return
    feature = " and ".join(n[0] for n in missing.values())
    extras = ",".join(missing)
    modules = ", ".join(n[3] for n in missing.values())
    raise MissingDependencyError(feature, extra=extras, module=modules)


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
