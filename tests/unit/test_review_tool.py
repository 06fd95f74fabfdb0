"""The corpus-wide review tool: dump every commitment change, diff two dumps.

The texts here are generated (two short statements in a temporary "corpus"), so the
tool's own logic is checked without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import review

OLD = "We welcome the plan.\n\nWe support the talks.\n\nWe note the report.\n"
NEW = "We note the plan.\n\nWe support the talks.\n\nWe call for a summit.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "statements" / "generated-series"
    folder.mkdir(parents=True)
    (folder / "2024-01-01_a.txt").write_text(OLD, encoding="utf-8")
    (folder / "2025-01-01_b.txt").write_text(NEW, encoding="utf-8")
    (folder / "2026-01-01_c.txt").write_text(NEW, encoding="utf-8")  # same bytes: no pair
    monkeypatch.setattr(review, "CORPUS", tmp_path)
    return tmp_path


def test_dump_writes_one_row_per_commitment_of_each_changed_pair(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.jsonl"
    assert review.main(["dump", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {row["pair"] for row in rows} == {
        "statements/generated-series/2024-01-01_a.txt -> "
        "statements/generated-series/2025-01-01_b.txt"
    }
    changes = {(row["old_predicate"], row["new_predicate"], row["change"]) for row in rows}
    assert ("welcome", "note", "weakened") in changes
    assert ("support", "support", "restated") in changes
    assert (None, "call for", "new") in changes


def test_two_commitments_with_one_predicate_in_a_paragraph_are_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def write(path: Path, second: str) -> None:
        rows = [
            {"pair": "p", "old": 3, "new": None, "old_at": at, "new_at": None,
             "old_predicate": "welcome", "new_predicate": None, "old_actor": "we",
             "new_actor": None, "change": change}
            for at, change in ((0, "dropped"), (40, second))
        ]  # fmt: skip
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    write(tmp_path / "a.jsonl", "dropped")
    write(tmp_path / "b.jsonl", "restated")
    assert review.main(["diff", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 0
    assert capsys.readouterr().out.startswith("1 commitments read differently")


def test_diff_counts_what_moved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def write(path: Path, change: str) -> None:
        rows = [
            {"pair": "p", "old": 0, "new": 0, "old_predicate": "welcome",
             "new_predicate": "note", "old_actor": "we", "new_actor": "we", "change": change},
            {"pair": "p", "old": 1, "new": 1, "old_predicate": "support",
             "new_predicate": "support", "old_actor": "we", "new_actor": "we",
             "change": "restated"},
        ]  # fmt: skip
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    write(tmp_path / "a.jsonl", "weakened")
    write(tmp_path / "b.jsonl", "restated")
    assert review.main(["diff", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 commitments read differently")
    assert "weakened -> restated" in out
    assert review.main(["diff", str(tmp_path / "a.jsonl"), str(tmp_path / "a.jsonl")]) == 0
    assert capsys.readouterr().out.startswith("0 commitments read differently")


def test_a_dump_without_the_corpus_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(review, "CORPUS", tmp_path / "absent")
    assert review.main(["dump", str(tmp_path / "rows.jsonl")]) == 2
    assert "needs the corpus at" in capsys.readouterr().err
    assert not (tmp_path / "rows.jsonl").exists()
