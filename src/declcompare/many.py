"""Compare many pairs at once, in this process or on a Dask cluster.

:func:`compare_many` compares each (old, new) pair — declarations or paths — and
returns one DataFrame: the paragraph frames of every comparison, one after the
other, with the pair's position and the ids of its two texts in front. With
``engine="dask"`` the pairs run on an existing ``distributed`` cluster (the
client passed, or the current one) and otherwise on a local cluster started for
the call; the result is identical to the local engine's, row for row.

A pair that cannot be compared (a missing file, a damaged PDF) raises its
:class:`~declcompare.errors.DeclcompareError` by default (``errors="raise"``).
With ``errors="collect"`` it becomes data instead, so one bad pair never loses
the others: the frame gains an ``error`` column, empty for every compared
paragraph, and each failed pair has one row whose ``error`` names the error
class and its message (the other columns empty). An exception that is not a
``DeclcompareError`` is a bug; in collect mode it is recorded the same way,
marked as an internal error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from declcompare.align import CompareOptions
from declcompare.errors import ComparisonError, DeclcompareError, MissingDependencyError
from declcompare.limits import InputLimits
from declcompare.model import Declaration

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["compare_many"]

Source = Declaration | str | os.PathLike[str]


def _one(
    index: int,
    old: Source,
    new: Source,
    options: CompareOptions | None,
    limits: InputLimits | None = None,
    strict: bool = False,
) -> pd.DataFrame:
    from declcompare.compare import compare
    from declcompare.parse import load

    a = old if isinstance(old, Declaration) else load(old, limits=limits, strict=strict)
    b = new if isinstance(new, Declaration) else load(new, limits=limits, strict=strict)
    frame = compare(a, b, options=options).to_frame()
    frame.insert(0, "new_doc", b.id)
    frame.insert(0, "old_doc", a.id)
    frame.insert(0, "pair", index)
    return frame


def _label(source: Source) -> str:
    return source.id if isinstance(source, Declaration) else str(source)


def _one_or_error(
    index: int,
    old: Source,
    new: Source,
    options: CompareOptions | None,
    limits: InputLimits | None = None,
    strict: bool = False,
) -> pd.DataFrame | tuple[int, str, str, str]:
    """A pair's frame, or (pair, old, new, error) if it cannot be compared."""
    try:
        return _one(index, old, new, options, limits, strict)
    except DeclcompareError as exc:
        return index, _label(old), _label(new), f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a bug: recorded, so the other pairs are not lost
        return (
            index,
            _label(old),
            _label(new),
            (f"internal error {type(exc).__name__}: {exc} (please report this as a bug)"),
        )


def _empty_frame() -> pd.DataFrame:
    """The columns and dtypes of a pair's frame, with no rows."""
    one = Declaration.from_paragraphs(["The member states agree."])
    return _one(0, one, one, None).iloc[0:0]


def compare_many(
    pairs: Iterable[tuple[Source, Source]],
    *,
    engine: Literal["local", "dask"] = "local",
    client: Any = None,
    n_workers: int = 2,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    errors: Literal["raise", "collect"] = "raise",
    limits: InputLimits | None = None,
    strict: bool = False,
) -> pd.DataFrame:
    """Compare every pair and return their paragraph frames as one DataFrame.

    ``engine="dask"`` needs the extra ``declcompare[dask]``; with no ``client`` it
    uses the current ``distributed`` client if there is one, else starts a local
    cluster of ``n_workers`` processes for the call. ``progress(done, total)`` is
    called as pairs finish. ``errors="collect"`` records a pair that fails as a
    row with an ``error`` column instead of raising (see the module docstring).
    Files are read with ``load(path, limits=limits, strict=strict)``.
    """
    import pandas as pd

    items: Sequence[tuple[Source, Source]] = list(pairs)
    if not items:
        raise ComparisonError("compare_many() was given no pairs")
    if engine not in ("local", "dask"):
        raise ComparisonError(f"engine must be 'local' or 'dask', not {engine!r}")
    if errors not in ("raise", "collect"):
        raise ComparisonError(f"errors must be 'raise' or 'collect', not {errors!r}")
    task = _one if errors == "raise" else _one_or_error
    outcomes: list[pd.DataFrame | tuple[int, str, str, str]] = []
    if engine == "local":
        for k, (old, new) in enumerate(items):
            outcomes.append(task(k, old, new, options, limits, strict))
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
                    dashboard_address=":0",
                )  # fmt: skip
                client = own = distributed.Client(cluster)
        try:
            futures = [
                client.submit(task, k, old, new, options, limits, strict, pure=False)
                for k, (old, new) in enumerate(items)
            ]
            position = {future.key: k for k, future in enumerate(futures)}
            results: dict[int, pd.DataFrame | tuple[int, str, str, str]] = {}
            for done, future in enumerate(distributed.as_completed(futures), start=1):
                results[position[future.key]] = future.result()
                if progress is not None:
                    progress(done, len(items))
            outcomes = [results[k] for k in range(len(items))]
        finally:
            if own is not None:
                cluster = own.cluster
                own.close()
                cluster.close()
    template = _empty_frame()
    frames: list[pd.DataFrame] = []
    for outcome in outcomes:
        if isinstance(outcome, pd.DataFrame):
            frames.append(outcome)
        else:
            pair, old_doc, new_doc, message = outcome
            row = template.reindex([0]).assign(pair=pair, old_doc=old_doc, new_doc=new_doc)
            frames.append(row.assign(error=message))
    if errors == "collect":
        frames = [f if "error" in f else f.assign(error=None) for f in frames]
    frame = pd.concat(frames, ignore_index=True)
    if errors == "collect":
        frame["error"] = frame["error"].astype("string")
    categories = template["kind"].cat.categories
    frame["kind"] = pd.Categorical(frame["kind"].astype(str), categories=categories)
    return frame
