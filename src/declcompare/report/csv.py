"""CSV of the paragraph table, safe to open in a spreadsheet.

Cells are quoted as Python's ``csv`` module quotes them (a comma, a quote or a
line feed), and also whenever they hold a carriage return or any other control
or line-separator character: Python's ``csv`` writer leaves a bare CR unquoted,
which its own reader then rejects, and a reader that breaks rows on CR would
start a row with whatever follows it, never neutralised.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.compare import Comparison

__all__ = ["frame_to_csv", "neutralise_cell", "to_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 controls, DEL, and the characters str.splitlines() breaks lines on.
_QUOTE = re.compile(r'[",\x00-\x1f\x7f-\x9f\u2028\u2029]')


def neutralise_cell(value: str) -> str:
    """Prefix a quote so a spreadsheet shows text that looks like a formula as text.

    >>> neutralise_cell("=HYPERLINK(1)"), neutralise_cell("plain")
    ("'=HYPERLINK(1)", 'plain')
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def frame_to_csv(frame: pd.DataFrame) -> str:
    """Any frame as CSV text, with formula-like text cells neutralised."""
    import pandas as pd

    frame = frame.copy()
    for column in frame.columns:
        dtype = frame[column].dtype
        # pandas 3 gives plain text columns the dtype "str", not "string" or "object".
        if (
            pd.api.types.is_string_dtype(dtype)
            or pd.api.types.is_object_dtype(dtype)
            or isinstance(dtype, pd.CategoricalDtype)
        ):
            frame[column] = (
                frame[column]
                .astype("string")
                .map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
            )
    # pandas formats every value; quoting every cell makes its output lossless to
    # read back, so the cells can be quoted again by the rule above.
    quoted_all: str = frame.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_ALL)
    rows = csv.reader(io.StringIO(quoted_all, newline=""), strict=True)
    return "".join(_row(row) + "\n" for row in rows)


def _row(cells: list[str]) -> str:
    if cells == [""]:
        return '""'  # as the csv module writes it: an empty line would be no row at all
    return ",".join(_quote(cell) for cell in cells)


def _quote(cell: str) -> str:
    if _QUOTE.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_csv(comparison: Comparison) -> str:
    """The paragraph frame of a comparison as CSV text, formula-safe."""
    return frame_to_csv(comparison.to_frame())
