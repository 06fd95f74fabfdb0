"""compare_many over every consecutive pair of the real UN series, locally and on Dask."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from declcompare import ComparisonError, load_seed
from declcompare.many import compare_many
from tests.helpers import FULL_SWEEP, UNGA, need_corpus, sweep


def un_pairs() -> list[tuple[Path, Path]]:
    pairs: list[tuple[Path, Path]] = []
    for folder in sorted(UNGA.iterdir()):
        if folder.is_dir() and not folder.name.startswith("_"):
            pairs.extend(itertools.pairwise(sorted(folder.glob("*.txt"))))
    return pairs


def test_local_and_dask_engines_give_identical_results() -> None:
    need_corpus()
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    every = un_pairs()
    assert len(every) > 300
    pairs = sweep(every, 40)  # all 370 under `nox -s slow`
    assert len(pairs) == (len(every) if FULL_SWEEP else 40)
    local = compare_many(pairs)
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = distributed.Client(cluster)
    try:
        seen: list[int] = []
        remote = compare_many(
            pairs, engine="dask", client=client, progress=lambda d, t: seen.append(d)
        )
    finally:
        client.close()
        cluster.close()
    assert seen[-1] == len(pairs)
    assert local.equals(remote)
    assert sorted(set(local["pair"])) == list(range(len(pairs)))
    assert set(local["kind"]) >= {"unchanged", "reworded", "added", "dropped"}


def test_local_and_processes_engines_give_identical_results() -> None:
    need_corpus()
    pairs = sweep(un_pairs(), 24)  # all 370 under `nox -s slow`
    local = compare_many(pairs)
    seen: list[int] = []
    two = compare_many(pairs, engine="processes", n_workers=2, progress=lambda d, t: seen.append(d))
    assert local.equals(two)
    assert seen == sorted(seen)
    assert seen[-1] == len(pairs)
    assert list(two["pair"].drop_duplicates()) == list(range(len(pairs)))


def test_dask_without_a_cluster_runs_on_processes_with_the_same_result() -> None:
    need_corpus()
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    pairs = un_pairs()[:6]
    assert compare_many(pairs, engine="dask", n_workers=2).equals(compare_many(pairs))


def test_compare_many_refuses_nonsense() -> None:
    with pytest.raises(ComparisonError, match="no pairs"):
        compare_many([])
    seed = load_seed()
    with pytest.raises(ComparisonError, match="engine must be"):
        compare_many([(seed, seed)], engine="spark")  # type: ignore[arg-type]
    with pytest.raises(ComparisonError, match="n_workers must be"):
        compare_many([(seed, seed)], engine="processes", n_workers=0)
