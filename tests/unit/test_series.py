"""Series of declarations: lineages, queries, commitment drifts, pictures and reports.

The series here are the real seed followed by generated revisions of it, or texts
written for the tests; all generated text is labelled as such.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from declcompare import (
    ComparisonError,
    Declaration,
    Lineage,
    LineageState,
    Series,
    compare_series,
    load_seed,
)
from declcompare.synth import demo_donors, generate_revision


@cache
def seed_series() -> Series:
    seed = load_seed()
    first = generate_revision(seed, seed=1, donors=demo_donors()).declaration
    second = generate_revision(first, seed=2, donors=demo_donors()).declaration
    return compare_series([seed, first, second])


def check_lineages(series: Series) -> None:
    """Every paragraph in exactly one lineage; every link of every step inside one."""
    where: dict[tuple[int, int], int] = {}
    for lineage in series.lineages:
        for k, cell in enumerate(lineage.paragraphs):
            for i in cell:
                assert (k, i) not in where
                where[(k, i)] = lineage.id
    expected = {(k, i) for k, d in enumerate(series.declarations) for i in range(len(d.paragraphs))}
    assert set(where) == expected
    for k, comparison in enumerate(series.comparisons):
        for link in comparison.links:
            if link.old_index is not None and link.new_index is not None:
                assert where[(k, link.old_index)] == where[(k + 1, link.new_index)]


def test_lineages_account_for_every_paragraph_and_link() -> None:
    check_lineages(seed_series())


def test_frame_has_one_row_per_lineage_and_a_column_per_text() -> None:
    s = seed_series()
    frame = s.to_frame()
    assert len(frame) == len(s.lineages)
    assert list(frame.columns[2:5]) == list(s.labels)
    moscow = "2020-11-10 Moscow (held via videoconference)"
    assert s.labels == (moscow, f"{moscow} (generated) (1)", f"{moscow} (generated) (2)")
    assert set(frame[s.labels[0]]) <= {"present", "absent"}
    allowed = {"unchanged", "reworded", "split", "merged", "added", "dropped", "absent"}
    assert set(frame[s.labels[1]]) | set(frame[s.labels[2]]) <= allowed
    unchanged = frame[(frame[s.labels[1]] == "unchanged") & (frame[s.labels[2]] == "unchanged")]
    assert len(unchanged) > 80
    assert (unchanged["rewordings"] == 0).all()


def test_queries() -> None:
    s = seed_series()
    added_first = s.introduced_in(1)
    assert added_first
    assert all(not lg.paragraphs[0] and lg.paragraphs[1] for lg in added_first)
    assert s.introduced_in(s.labels[1]) == added_first
    dropped = s.dropped_after(0)
    assert dropped
    assert all(lg.paragraphs[0] and not lg.paragraphs[1] for lg in dropped)
    assert s.dropped_after(-1) == []
    everywhere = s.present_in_all()
    assert len(everywhere) > 80
    aral = s.search("Aral  sea")
    assert aral
    assert all("Aral Sea" in s._text(lg, lg.last) for lg in aral)
    assert s.search("no such words in any year") == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.introduced_in(7), "there is no declaration 7"),
        (lambda s: s.dropped_after("1999"), "no declaration of this series is called"),
        (lambda s: s.search("   "), "search text is empty"),
    ],
)
def test_query_errors_are_clear(call: object, message: str) -> None:
    with pytest.raises(ComparisonError, match=message):
        call(seed_series())  # type: ignore[operator]


def test_a_series_needs_two_texts() -> None:
    with pytest.raises(ComparisonError, match="at least two"):
        compare_series([load_seed()])


def test_a_series_is_immutable_and_its_states_are_a_closed_set() -> None:
    s = seed_series()
    with pytest.raises(AttributeError, match="immutable"):
        s.labels = ("a", "b", "c")
    with pytest.raises(AttributeError, match="immutable"):
        del s.comparisons
    assert {step for lg in s.lineages for step in lg.steps} <= set(LineageState)
    assert {LineageState.ADDED, LineageState.DROPPED, LineageState.UNCHANGED} <= {
        step for lg in s.lineages for step in lg.steps
    }
    with pytest.raises(ComparisonError, match="needs 2 comparisons, not 1"):
        Series(s.declarations, s.comparisons[:1])


def test_a_drift_is_one_row() -> None:
    texts = [
        [
            "The member states welcome the generated Glacier Initiative.",
            "The member states agree on trade.",
        ],
        [
            "The member states take note of the generated Glacier Initiative.",
            "The member states agree on trade.",
        ],
        ["The member states agree on trade."],
    ]
    docs = [
        Declaration.from_paragraphs(t, id=f"gen-{n}", title=f"generated {n}")
        for n, t in enumerate(texts)
    ]
    s = compare_series(docs)
    frame = s.commitments()
    glacier = frame[frame["object"].str.contains("Glacier")]
    assert len(glacier) == 1
    row = glacier.iloc[0]
    assert row["changes"] == "welcome 3 → take note 1 (weakened) → dropped"
    assert bool(row["weakened"])
    assert list(s.weakened_anywhere()["commitment"]) == [int(row["commitment"])]
    trade = frame[frame["object"].str.contains("trade")]
    assert len(trade) == 1
    assert trade.iloc[0]["changes"] == "agree 4 → agree 4 → agree 4"


SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.integers(2, 4), st.integers(0, 120), st.integers(5, 40))
def test_identical_texts_give_one_lineage_per_paragraph(n: int, start: int, length: int) -> None:
    texts = [p.text for p in load_seed().paragraphs[start : start + length]]
    docs = [Declaration.from_paragraphs(texts, id=f"same-{k}") for k in range(n)]
    s = compare_series(docs, order="given")
    assert len(s.lineages) == len(texts)
    assert all(lg.present_in_all and set(lg.steps) <= {"unchanged"} for lg in s.lineages)


@SETTINGS
@given(st.integers(0, 10_000))
def test_reversing_a_series_mirrors_introduced_and_dropped(seed: int) -> None:
    base = load_seed()
    first = generate_revision(base, seed=seed, donors=demo_donors()).declaration
    second = generate_revision(first, seed=seed + 1, donors=demo_donors()).declaration
    forward = compare_series([base, first, second], order="given")
    backward = compare_series([second, first, base], order="given")
    check_lineages(forward)
    check_lineages(backward)

    def nodes(lineages: list[Lineage], flip: bool) -> Counter[frozenset[tuple[int, int]]]:
        out: Counter[frozenset[tuple[int, int]]] = Counter()
        for lg in lineages:
            cells = lg.paragraphs
            out[frozenset((2 - k if flip else k, i) for k, c in enumerate(cells) for i in c)] += 1
        return out

    for k in (1, 2):
        assert nodes(forward.introduced_in(k), False) == nodes(backward.dropped_after(2 - k), True)


def test_pictures_are_drawn_by_the_library(tmp_path: Path) -> None:
    from declcompare.report.series_plots import save_pictures

    paths = save_pictures(seed_series(), tmp_path)
    assert sorted(p.name for p in paths) == [
        "counts.png",
        "counts.svg",
        "timeline.png",
        "timeline.svg",
    ]
    for path in paths:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert data.startswith(b"\x89PNG")
            assert len(data) > 5_000
        else:
            assert b"<svg" in data[:2000]


def test_series_reports(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from declcompare.report.series_report import (
        series_to_html,
        series_to_json,
        series_to_markdown,
        write_series_report,
    )

    s = seed_series()
    md = series_to_markdown(s)
    assert md.startswith("# Year on year: 3 texts")
    assert "GENERATED TEXT" in md
    page = series_to_html(s)
    assert page.count("<svg role='img'") == 2  # inline SVG: no matplotlib needed
    assert "https://" not in page
    assert "http://" not in page
    data = json.loads(series_to_json(s))
    assert data["format"] == "declcompare.series/1"
    assert len(data["lineages"]) == len(s.lineages)
    path = write_series_report(s, tmp_path / "s.xlsx", "xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Steps", "Lineages", "Commitments"]
    assert wb["Lineages"].freeze_panes == "A2"
