"""Compare many pairs at once, in this process or on a Dask cluster.

:func:`compare_many` compares each (old, new) pair — declarations or paths — and
returns one DataFrame: the paragraph frames of every comparison, one after the
other, with the pair's position and the ids of its two texts in front. With
``engine="dask"`` the pairs run on an existing ``distributed`` cluster (the
client passed, or the current one) and otherwise on a local cluster started for
the call; the result is identical to the local engine's, row for row.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from declcompare.align import CompareOptions
from declcompare.errors import ComparisonError, MissingDependencyError
from declcompare.model import Declaration

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["compare_many"]

Source = Declaration | str | os.PathLike[str]


def _one(index: int, old: Source, new: Source, options: CompareOptions | None) -> pd.DataFrame:
    from declcompare.compare import compare
    from declcompare.parse import load

    a = old if isinstance(old, Declaration) else load(old)
    b = new if isinstance(new, Declaration) else load(new)
    frame = compare(a, b, options=options).to_frame()
    frame.insert(0, "new_doc", b.id)
    frame.insert(0, "old_doc", a.id)
    frame.insert(0, "pair", index)
    return frame


def compare_many(
    pairs: Iterable[tuple[Source, Source]],
    *,
    engine: Literal["local", "dask"] = "local",
    client: Any = None,
    n_workers: int = 2,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Compare every pair and return their paragraph frames as one DataFrame.

    ``engine="dask"`` needs the extra ``declcompare[dask]``; with no ``client`` it
    uses the current ``distributed`` client if there is one, else starts a local
    cluster of ``n_workers`` processes for the call. ``progress(done, total)`` is
    called as pairs finish.
    """
    import pandas as pd

    items: Sequence[tuple[Source, Source]] = list(pairs)
    if not items:
        raise ComparisonError("compare_many() was given no pairs")
    if engine not in ("local", "dask"):
        raise ComparisonError(f"engine must be 'local' or 'dask', not {engine!r}")
    frames: list[pd.DataFrame] = []
    if engine == "local":
        for k, (old, new) in enumerate(items):
            frames.append(_one(k, old, new, options))
            if progress is not None:
                progress(k + 1, len(items))
    else:
        try:
            import importlib

            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise MissingDependencyError(
                "compare_many(engine='dask')", extra="dask", module="distributed"
            ) from exc
        own: Any = None
        if client is None:
            try:
                client = distributed.get_client()
            except ValueError:
                cluster = distributed.LocalCluster(
                    n_workers=n_workers, threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )  # fmt: skip
                client = own = distributed.Client(cluster)
        try:
            futures = [
                client.submit(_one, k, old, new, options, pure=False)
                for k, (old, new) in enumerate(items)
            ]
            position = {future.key: k for k, future in enumerate(futures)}
            results: dict[int, pd.DataFrame] = {}
            for done, future in enumerate(distributed.as_completed(futures), start=1):
                results[position[future.key]] = future.result()
                if progress is not None:
                    progress(done, len(items))
            frames = [results[k] for k in range(len(items))]
        finally:
            if own is not None:
                cluster = own.cluster
                own.close()
                cluster.close()
    frame = pd.concat(frames, ignore_index=True)
    categories = frames[0]["kind"].cat.categories
    frame["kind"] = pd.Categorical(frame["kind"].astype(str), categories=categories)
    return frame
