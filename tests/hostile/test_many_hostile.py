"""compare_many: one bad pair never loses the others, in either engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from declcompare import ComparisonError, EncodingError, SourceNotFoundError, load_seed
from declcompare.many import compare_many
from tests.helpers import SEED


@pytest.fixture
def pairs(tmp_path: Path) -> list[tuple[Any, Any]]:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"The member states agree.\n\nCaf\xe9 is not UTF-8.\n")
    seed = load_seed()
    return [(seed, seed), (tmp_path / "missing.txt", SEED), (SEED, broken), (SEED, SEED)]


def check_collected(frame: pd.DataFrame, pairs: list[tuple[Any, Any]]) -> None:
    assert sorted(set(frame["pair"])) == [0, 1, 2, 3]
    assert str(frame["error"].dtype) == "string"
    errors = frame.loc[frame["error"].notna()]
    assert list(errors["pair"]) == [1, 2]
    assert errors["error"].iloc[0].startswith("SourceNotFoundError: no such file")
    assert errors["error"].iloc[1].startswith("EncodingError: ")
    assert errors["old_doc"].iloc[0] == str(pairs[1][0])
    assert errors["new_doc"].iloc[1] == str(pairs[2][1])
    good = frame.loc[frame["error"].isna()]
    n = len(load_seed().paragraphs)
    assert (good.groupby("pair").size() >= n).all()
    assert set(good["kind"].astype(str)) == {"unchanged"}
    assert list(frame["kind"].cat.categories) == list(
        compare_many([pairs[0]])["kind"].cat.categories
    )


def test_local_engine_collects_per_pair_errors(pairs: list[tuple[Any, Any]]) -> None:
    seen: list[int] = []
    frame = compare_many(pairs, errors="collect", progress=lambda d, t: seen.append(d))
    assert seen == [1, 2, 3, 4]
    check_collected(frame, pairs)


def test_raise_is_the_default_and_keeps_the_frame_as_it_was(pairs: list[tuple[Any, Any]]) -> None:
    with pytest.raises(SourceNotFoundError, match=r"missing\.txt"):
        compare_many(pairs)
    frame = compare_many([pairs[0], pairs[3]])
    assert "error" not in frame.columns
    with pytest.raises(ComparisonError, match="errors must be"):
        compare_many(pairs, errors="ignore")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_engine_collects_the_same(pairs: list[tuple[Any, Any]], client: Any) -> None:
    remote = compare_many(pairs, engine="dask", client=client, errors="collect")
    check_collected(remote, pairs)
    assert remote.equals(compare_many(pairs, errors="collect"))


def test_dask_engine_raises_the_typed_error_intact(
    pairs: list[tuple[Any, Any]], client: Any
) -> None:
    # Pickled back from the worker: EncodingError(message, *, offset) did not unpickle.
    with pytest.raises(EncodingError) as caught:
        compare_many([pairs[2]], engine="dask", client=client)
    assert isinstance(caught.value.offset, int)


def test_processes_engine_collects_the_same(pairs: list[tuple[Any, Any]]) -> None:
    remote = compare_many(pairs, engine="processes", n_workers=2, errors="collect")
    check_collected(remote, pairs)
    assert remote.equals(compare_many(pairs, errors="collect"))


def test_processes_engine_raises_the_first_failing_pair_typed(
    pairs: list[tuple[Any, Any]],
) -> None:
    # Pair 1 (a missing file) fails before pair 2 (bad encoding), whichever batch ends first.
    with pytest.raises(SourceNotFoundError, match=r"missing\.txt"):
        compare_many(pairs, engine="processes", n_workers=2)
    with pytest.raises(EncodingError) as caught:
        compare_many([pairs[0], pairs[2], pairs[3]], engine="processes", n_workers=2)
    assert isinstance(caught.value.offset, int)


def test_processes_engine_submits_largest_batches_first_and_keeps_pair_order(
    tmp_path: Path,
) -> None:
    """Work is handed out largest first (so no worker idles at the end) and the frame
    still lists the pairs in the order given."""
    from declcompare.many import _batches, _largest_first, compare_many

    small = tmp_path / "small.txt"
    small.write_text("The member states agree.\n\nThey welcome the talks.\n", "utf-8")
    large = tmp_path / "large.txt"
    large.write_text(
        "\n\n".join(f"The member states welcome initiative {k} on trade." for k in range(60)),
        "utf-8",
    )
    pairs = [(small, small), (small, small), (large, large), (small, large)]
    order = _largest_first(_batches(pairs, 2))
    sizes = [len(chunk) for _, chunk in _batches(pairs, 2)]
    assert sizes == [1, 1, 1, 1]
    assert order == [2, 3, 0, 1]
    frame = compare_many(pairs, engine="processes", n_workers=2)
    assert frame.drop_duplicates("pair")["pair"].tolist() == [0, 1, 2, 3]
    assert frame.equals(compare_many(pairs))
