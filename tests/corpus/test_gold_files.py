"""Every hand-labelled gold file passes `tool check` against the texts as parsed now."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy.gold import tool

GOLD = Path(tool.__file__).resolve().parent
FILES = sorted(GOLD.glob("*/*.toml"))


def test_gold_files_found() -> None:
    names = {path.parent.name for path in FILES}
    assert {"dev", "redrafted", "commitments"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file_checks(path: Path) -> None:
    if not tool.CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    assert tool.check(path) == []
