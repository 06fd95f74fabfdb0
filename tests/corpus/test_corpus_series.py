"""Series of real texts: UN resolution triplets (sessions 78 → 79 → 80) and Quad statements."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from declcompare import load
from declcompare.report.series_plots import save_pictures
from declcompare.report.series_report import series_to_html, series_to_markdown
from declcompare.series import Series, compare_series
from tests.helpers import STATEMENTS, UNGA, need_corpus

N_TRIPLETS = 12


def triplets() -> list[list[Path]]:
    if not UNGA.is_dir():
        return []
    out = []
    for folder in sorted(UNGA.iterdir()):
        files = sorted(folder.glob("*.txt"))
        if folder.is_dir() and not folder.name.startswith("_") and len(files) == 3:
            out.append(files)
    return out[:: max(1, len(out) // N_TRIPLETS)][:N_TRIPLETS]


def check(series: Series) -> None:
    where: dict[tuple[int, int], int] = {}
    for lineage in series.lineages:
        for k, cell in enumerate(lineage.paragraphs):
            for i in cell:
                assert (k, i) not in where, "a paragraph is in two lineages"
                where[(k, i)] = lineage.id
    every = {(k, i) for k, d in enumerate(series.declarations) for i in range(len(d.paragraphs))}
    assert set(where) == every, "a paragraph is in no lineage"
    for k, comparison in enumerate(series.comparisons):
        for link in comparison.links:
            if link.old_index is not None and link.new_index is not None:
                assert where[(k, link.old_index)] == where[(k + 1, link.new_index)]


def test_at_least_ten_un_triplets() -> None:
    need_corpus()
    assert len(triplets()) >= 10


@pytest.mark.parametrize("index", range(N_TRIPLETS))
def test_un_triplet_lineages_are_consistent(index: int) -> None:
    need_corpus()
    files = triplets()
    if index >= len(files):
        pytest.skip("fewer triplets in the corpus")
    docs = [load(f) for f in files[index]]
    series = compare_series(docs)
    assert [d.metadata.get("symbol", "")[:9] for d in series.declarations] == [
        "A/RES/78/", "A/RES/79/", "A/RES/80/",
    ]  # fmt: skip
    check(series)
    # A paragraph verbatim (once) in all three sessions forms one unbroken lineage.
    counts = [Counter(p.text for p in d.paragraphs) for d in docs]
    verbatim = [
        t for t, n in counts[0].items() if n == 1 and counts[1][t] == 1 and counts[2][t] == 1
    ]
    by_text = {
        (k, p.text): lg
        for lg in series.lineages
        for k, cell in enumerate(lg.paragraphs)
        for p in (docs[k].paragraphs[i] for i in cell)
    }
    for text in verbatim:
        lineage = by_text[(0, text)]
        assert lineage is by_text[(1, text)] is by_text[(2, text)]
        assert lineage.present_in_all


def test_quad_statements_series_runs_and_renders(tmp_path: Path) -> None:
    need_corpus()
    files = sorted((STATEMENTS / "quad-leaders-joint-statement").glob("*.txt"))
    assert len(files) == 5
    series = compare_series([load(f) for f in files])
    check(series)
    assert series.labels[0] == "2021-03-12 virtual"  # date and place from the file name
    assert series.labels[-1].startswith("2024-09-21")
    assert series.search("outer space") or series.search("space")
    md = series_to_markdown(series)
    assert "## What happened at each step" in md
    page = series_to_html(series)
    assert page.count("<svg role='img'") == 2  # inline SVG: no matplotlib needed
    pictures = save_pictures(series, tmp_path)
    assert all(p.stat().st_size > 5_000 for p in pictures if p.suffix == ".png")
