"""The redrafted-pairs benchmark names which set its Markdown section scores."""

from __future__ import annotations

from benchmarks.accuracy.redrafted import to_markdown


def _results(which: str) -> dict[str, object]:
    return {
        "set": which,
        "pairs": ["p"],
        "pooled": {},
        "methods": {},
        "semantic_installed": True,
    }


def test_dev_figures_are_never_headed_as_the_reported_measure() -> None:
    heading = to_markdown(_results("dev"))[0]
    assert "gold/dev/" in heading
    assert "not the reported measure" in heading
    assert "gold/redrafted/" not in heading


def test_reported_heading_is_unchanged() -> None:
    heading = to_markdown(_results("redrafted"))[0]
    assert heading == "## Real redrafted pairs: 1 hand-labelled pairs (`gold/redrafted/`)"
