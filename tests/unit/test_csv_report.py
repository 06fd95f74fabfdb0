"""CSV output never lets a spreadsheet evaluate declaration text as a formula."""

from __future__ import annotations

import csv
import io

from declcompare import Declaration, compare
from declcompare.report import to_csv


def test_formula_cells_are_neutralised() -> None:
    old = Declaration.from_paragraphs(['=HYPERLINK("http://x")', "Plain text stays."])
    new = Declaration.from_paragraphs(["@SUM(A1:A9)", "-2+3", "Plain text stays."])
    rows = list(csv.DictReader(io.StringIO(to_csv(compare(old, new)))))
    texts = {r["old_text"] for r in rows} | {r["new_text"] for r in rows}
    assert '\'=HYPERLINK("http://x")' in texts
    assert "'@SUM(A1:A9)" in texts
    assert "'-2+3" in texts
    assert "Plain text stays." in texts
    for value in texts:
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
