"""Renderers of a comparison. Each returns or writes a report; none prints.

=========  ==========================================  ======================
format     function                                    method of Comparison
=========  ==========================================  ======================
Markdown   :func:`to_markdown`                         ``to_markdown()``
HTML       :func:`to_html`                             ``to_html()``
Excel      :func:`write_excel` / :func:`to_excel_bytes` ``to_excel(path)``
JSON       :func:`to_json` / :func:`from_json`         ``to_json()`` / ``from_json()``
CSV        :func:`to_csv`                              —
Word       :func:`write_docx` / :func:`to_docx_bytes`  ``to_docx(path)``
=========  ==========================================  ======================

Every report follows one briefing order, :data:`SECTIONS`, filled by
:func:`briefing` (ranked and trimmed as :class:`BriefingOptions` says).

:func:`write_report` writes any of them to a file and never overwrites one unless
asked (``force=True``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from declcompare import rendering
from declcompare.errors import OutputError
from declcompare.report.briefing import SECTIONS, Section, briefing
from declcompare.report.content import write_bytes
from declcompare.report.csv import neutralise_cell, to_csv
from declcompare.report.docx import require_docx, to_docx_bytes, write_docx
from declcompare.report.excel import to_excel_bytes, write_excel
from declcompare.report.html import to_html
from declcompare.report.json_report import from_json, json_schema, to_json
from declcompare.report.markdown import to_markdown
from declcompare.report.options import BriefingOptions

if TYPE_CHECKING:
    from declcompare.compare import Comparison

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "SECTIONS",
    "BriefingOptions",
    "Format",
    "Section",
    "briefing",
    "check_writer",
    "format_for",
    "from_json",
    "json_schema",
    "neutralise_cell",
    "render",
    "to_csv",
    "to_docx_bytes",
    "to_excel_bytes",
    "to_html",
    "to_json",
    "to_markdown",
    "write_docx",
    "write_excel",
    "write_report",
]

Format = Literal["md", "html", "xlsx", "json", "csv", "docx"]
FORMATS: tuple[Format, ...] = ("md", "html", "xlsx", "json", "csv", "docx")
BINARY_FORMATS: tuple[Format, ...] = ("xlsx", "docx")
_SUFFIXES: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".json": "json",
    ".csv": "csv",
    ".docx": "docx",
}


def format_for(path: str | os.PathLike[str]) -> Format:
    """The report format a file name asks for, from its suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise OutputError(
            f"cannot tell the report format from {str(path)!r}; use a name ending in "
            ".md, .html, .xlsx, .json, .csv or .docx, or give --format"
        ) from None


def check_writer(fmt: str) -> None:
    """Raise :class:`MissingDependencyError` now, before any work, if writing ``fmt``
    needs an optional package that is not installed (a Word report needs python-docx)."""
    if fmt == "docx":
        require_docx()


def render(comparison: Comparison, fmt: Format) -> bytes:
    """A report in ``fmt`` as bytes (UTF-8 for the text formats)."""
    if fmt == "xlsx":
        return to_excel_bytes(comparison)
    if fmt == "docx":
        return to_docx_bytes(comparison)
    text = {
        "md": to_markdown,
        "html": to_html,
        "json": to_json,
        "csv": to_csv,
    }[fmt](comparison)
    return text.encode("utf-8")


def write_report(
    comparison: Comparison,
    path: str | os.PathLike[str],
    fmt: Format | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write a report to ``path`` (format from ``fmt`` or the suffix); no silent overwrite."""
    chosen = fmt or format_for(path)
    return write_bytes(render(comparison, chosen), path, force=force, what=f"{chosen} report")


def _register() -> None:
    """Give the models their conveniences (``Comparison.to_html()`` …): see rendering."""
    from declcompare.report.html import comparison_snippet, declaration_snippet

    rendering.register_renderer("Comparison", "markdown", to_markdown)
    rendering.register_renderer("Comparison", "html", to_html)
    rendering.register_renderer("Comparison", "json", to_json)
    rendering.register_renderer("Comparison", "html-snippet", comparison_snippet)
    rendering.register_renderer("Declaration", "html-snippet", declaration_snippet)
    rendering.register_writer("Comparison", "xlsx", write_excel)
    rendering.register_writer("Comparison", "docx", write_docx)
    rendering.register_reader("Comparison", "json", from_json)


_register()
