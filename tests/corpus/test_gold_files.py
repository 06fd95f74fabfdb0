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


def test_main_commitment_actors_are_compared_as_states_or_as_the_collective_voice() -> None:
    from benchmarks.accuracy.shifts import _actor_right

    # one list of states in another translator's forms is the same actor
    assert _actor_right("the Republic of Kazakhstan, Kyrgyz Republic", "kazakhstan, kyrgyzstan")
    assert _actor_right("the participants", "the member states")
    assert not _actor_right("India", "the member states")
    assert not _actor_right("the Republic of Kazakhstan, Kyrgyz Republic", "kazakhstan")
    # names that are no state's are compared as written
    assert not _actor_right("the central banks", "the ministers")
