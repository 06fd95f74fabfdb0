"""CSV of the paragraph table, safe to open in a spreadsheet."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.compare import Comparison

__all__ = ["frame_to_csv", "neutralise_cell", "to_csv", "write_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a quote so a spreadsheet shows text that looks like a formula as text.

    >>> neutralise_cell("=HYPERLINK(1)"), neutralise_cell("plain")
    ("'=HYPERLINK(1)", 'plain')
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def frame_to_csv(frame: pd.DataFrame) -> str:
    """Any frame as CSV text, with formula-like text cells neutralised."""
    frame = frame.copy()
    for column in frame.columns:
        if str(frame[column].dtype) in ("string", "object", "category"):
            frame[column] = (
                frame[column]
                .astype("string")
                .map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
            )
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text


def to_csv(comparison: Comparison) -> str:
    """The paragraph frame of a comparison as CSV text, formula-safe."""
    return frame_to_csv(comparison.to_frame())


def write_csv(comparison: Comparison, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write :func:`to_csv` to ``path``; refuse to overwrite unless ``force``."""
    from declcompare.report.content import write_bytes

    return write_bytes(to_csv(comparison).encode("utf-8"), path, force=force, what="CSV table")
