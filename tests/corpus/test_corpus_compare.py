"""compare() on the real UN resolution series (sessions 78 -> 79 -> 80)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import declcompare
from declcompare import ChangeKind, compare
from tests.helpers import UNGA, need_corpus

pytestmark = pytest.mark.corpus


def _series() -> list[list[Path]]:
    if not UNGA.is_dir():
        return []
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(UNGA.glob("*/*.txt")):
        if not path.parent.name.startswith("_"):
            groups[path.parent.name].append(path)
    return [paths for _, paths in sorted(groups.items())]


def _sample() -> list[tuple[Path, Path]]:
    pairs = [(a, b) for paths in _series() for a, b in itertools.pairwise(paths)]
    return pairs[::12]  # about 30 pairs spread over the alphabet of series


@pytest.mark.parametrize("pair", _sample() or [None], ids=lambda p: p[1].stem if p else "absent")
def test_verbatim_pairs_are_unchanged_and_nothing_is_lost(pair: tuple[Path, Path] | None) -> None:
    need_corpus()
    assert pair is not None
    a, b = (declcompare.load(p) for p in pair)
    c = compare(a, b)
    common = Counter(p.text for p in a.paragraphs) & Counter(p.text for p in b.paragraphs)
    unchanged = Counter(
        a.paragraphs[link.old_index].text
        for link in c.links
        if link.kind is ChangeKind.UNCHANGED
        and link.old_index is not None
        and link.new_index is not None
        and a.paragraphs[link.old_index].text == b.paragraphs[link.new_index].text
    )
    assert common - unchanged == Counter()
    old_seen = Counter(link.old_index for link in c.links if link.old_index is not None)
    new_seen = Counter(link.new_index for link in c.links if link.new_index is not None)
    assert set(old_seen) == set(range(len(a.paragraphs)))
    assert set(new_seen) == set(range(len(b.paragraphs)))


def test_session_ordinal_update_is_a_rewording() -> None:
    need_corpus()
    series = UNGA / "african-nuclear-weapon-free-zone-treaty"
    a = declcompare.load(series / "2023-12-04_A-RES-78-14.txt")
    b = declcompare.load(series / "2024-12-02_A-RES-79-15.txt")
    frame = compare(a, b).to_frame()
    last = frame[frame["new_text"].str.startswith("8. Decides to include", na=False)]
    assert last["kind"].tolist() == ["reworded"]
    assert "[-seventy-ninth" in last["redline"].iloc[0]
    assert "{+eightieth" in last["redline"].iloc[0]
