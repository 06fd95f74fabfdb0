"""Golden files: the Markdown, JSON and CSV reports of two real comparisons.

A missing golden file fails (it never silently passes); refresh with
``python -m tests.golden.cases`` after a deliberate change, and review the diff.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from declcompare import Comparison
from declcompare.report.briefing import SECTIONS
from tests.golden.cases import (
    FULL_RENDERERS,
    HERE,
    RENDERERS,
    SCO_PAIR,
    SERIES_RENDERERS,
    UN_PAIR,
    briefing_outline,
    digest,
    quad_series,
    sco_pair,
    seed_demo,
    seed_series,
    un_pair,
)
from tests.helpers import need_corpus

REFRESH = "refresh with `python -m tests.golden.cases` and review the diff"


def same_as_golden(golden: Path, actual: str) -> None:
    """Fail with the first lines of a unified diff when ``actual`` differs."""
    expected = golden.read_text("utf-8")
    if actual != expected:
        lines = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "golden", "actual"
        )
        pytest.fail(f"{golden.name} differs; {REFRESH}\n{''.join(list(lines)[:60])}")


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_seed_demo_report_matches_golden(fmt: str) -> None:
    golden = HERE / f"seed-demo.{fmt}"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    same_as_golden(golden, RENDERERS[fmt](seed_demo()))


@pytest.mark.parametrize("fmt", sorted(FULL_RENDERERS))
def test_un_pair_report_matches_golden_digest(fmt: str, tmp_path: Path) -> None:
    need_corpus()
    golden = HERE / "unga-pair.sha256.json"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    data = json.loads(golden.read_text("utf-8"))
    assert data["pair"] == list(UN_PAIR)
    actual = FULL_RENDERERS[fmt](un_pair())
    if digest(actual) != data["sha256"][fmt]:
        out = tmp_path / f"unga-pair.{fmt}"
        out.write_text(actual, encoding="utf-8")
        pytest.fail(f"the {fmt} report of {UN_PAIR} changed (new report: {out}); {REFRESH}")
    assert "Assistance in mine action" in actual or fmt == "csv"


@pytest.mark.parametrize("name", sorted(SERIES_RENDERERS))
def test_seed_series_matches_golden(name: str) -> None:
    golden = HERE / f"seed-series.{name}"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    same_as_golden(golden, SERIES_RENDERERS[name](seed_series()))


@pytest.mark.parametrize("name", sorted(SERIES_RENDERERS))
def test_quad_series_matches_golden_digest(name: str, tmp_path: Path) -> None:
    need_corpus()
    golden = HERE / "quad-series.sha256.json"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    actual = SERIES_RENDERERS[name](quad_series())
    if digest(actual) != json.loads(golden.read_text("utf-8"))["sha256"][name]:
        out = tmp_path / f"quad-series.{name}"
        out.write_text(actual, encoding="utf-8")
        pytest.fail(f"the Quad series {name} changed (new output: {out}); {REFRESH}")


PAIRS = {"unga-pair": (UN_PAIR, un_pair), "sco-pair": (SCO_PAIR, sco_pair)}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_real_pair_briefing_order_matches_golden(name: str) -> None:
    """The briefing of a real UN and a real SCO pair: section order, rows, positions."""
    need_corpus()
    golden = HERE / f"{name}.briefing.txt"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    same_as_golden(golden, briefing_outline(PAIRS[name][1]()))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_real_pair_reports_follow_the_briefing_order(name: str, tmp_path: Path) -> None:
    need_corpus()
    pair: Comparison = PAIRS[name][1]()
    keys = [key for key, _ in SECTIONS]
    assert [s["key"] for s in json.loads(pair.to_json())["sections"]] == keys
    md = pair.to_markdown()
    starts = [md.index(f"\n## {s['title']}\n") for s in json.loads(pair.to_json())["sections"]]
    assert starts == sorted(starts)
    golden = HERE / f"{name}.sha256.json"
    assert golden.is_file(), f"golden file {golden.name} is missing; {REFRESH}"
    data = json.loads(golden.read_text("utf-8"))
    assert data["pair"] == list(PAIRS[name][0])
    for fmt, render in FULL_RENDERERS.items():
        actual = render(pair)
        if digest(actual) != data["sha256"][fmt]:
            out = tmp_path / f"{name}.{fmt}"
            out.write_text(actual, encoding="utf-8")
            pytest.fail(f"the {fmt} report of {name} changed (new report: {out}); {REFRESH}")
