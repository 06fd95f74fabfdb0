"""Compare many pairs at once, in this process or on a Dask cluster.

:func:`compare_many` compares each (old, new) pair — declarations or paths — and
returns one DataFrame: the paragraph frames of every comparison, one after the
other, with the pair's position and the ids of its two texts in front and the
pair's warnings in a ``warnings`` column (what :attr:`Comparison.warnings` says
of the two texts, such as text left outside any paragraph, joined by " | ";
empty when there is nothing to know before trusting the pair). Three
engines give the same result, row for row:

- ``"local"`` (the default) compares the pairs one after the other in this process;
- ``"processes"`` runs them on ``n_workers`` worker processes of this machine;
- ``"dask"`` runs them on a ``distributed`` cluster: the client passed, or the
  current one; with neither, on worker processes as ``"processes"`` does (starting
  a local Dask cluster costs seconds and buys nothing on one machine).

Work is shipped as it is given (a path travels as a path and is read by the
worker) in batches of consecutive pairs, eight batches per worker, so that the
cost of a task (scheduling, pickling the result) is paid per batch, not per pair.

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

import math
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
ENGINES = ("local", "processes", "dask")
BATCHES_PER_WORKER = 8  # enough to even out pairs of unequal size, few enough to be cheap


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
    comparison = compare(a, b, options=options)
    frame = comparison.to_frame()
    frame["warnings"] = " | ".join(comparison.warnings)
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


def _batch(
    start: int,
    chunk: Sequence[tuple[Source, Source]],
    options: CompareOptions | None,
    collect: bool,
    limits: InputLimits | None = None,
    strict: bool = False,
) -> list[pd.DataFrame | tuple[int, str, str, str]]:
    """The outcomes of consecutive pairs numbered from ``start`` (run in a worker)."""
    task = _one_or_error if collect else _one
    return [
        task(start + k, old, new, options, limits, strict) for k, (old, new) in enumerate(chunk)
    ]


def _batches(
    items: Sequence[tuple[Source, Source]], workers: int
) -> list[tuple[int, Sequence[tuple[Source, Source]]]]:
    size = max(1, math.ceil(len(items) / (max(1, workers) * BATCHES_PER_WORKER)))
    return [(k, items[k : k + size]) for k in range(0, len(items), size)]


def _size(source: Source) -> int:
    """A pair side's size in characters or bytes: what its comparison costs, roughly."""
    if isinstance(source, Declaration):
        return sum(len(p.text) for p in source.paragraphs)
    try:
        return os.stat(source).st_size
    except (OSError, ValueError):
        return 0  # the worker reports what is wrong with it


def _largest_first(batches: list[tuple[int, Sequence[tuple[Source, Source]]]]) -> list[int]:
    """Batch positions, the largest batch first: the last task to finish is a small one,
    so no worker waits long for another at the end."""
    sizes = [sum(_size(a) + _size(b) for a, b in chunk) for _, chunk in batches]
    return sorted(range(len(batches)), key=lambda k: (-sizes[k], k))


def _submit(
    batches: list[tuple[int, Sequence[tuple[Source, Source]]]],
    submit: Callable[[int, Sequence[tuple[Source, Source]]], Any],
) -> list[Any]:
    """A future per batch, in batch order, submitted largest first (either engine)."""
    futures: list[Any] = [None] * len(batches)
    for k in _largest_first(batches):
        futures[k] = submit(*batches[k])
    return futures


def _gather(
    futures: list[Any],
    sizes: list[int],
    done_iter: Callable[[list[Any]], Iterable[Any]],
    progress: Callable[[int, int], None] | None,
) -> list[pd.DataFrame | tuple[int, str, str, str]]:
    """Outcomes in pair order from batch futures. The first failing pair in pair order
    raises, as in the local engine: batches after a failed one are cancelled, those
    before it are awaited."""
    where = {id(future): k for k, future in enumerate(futures)}
    results: dict[int, list[pd.DataFrame | tuple[int, str, str, str]]] = {}
    failed: dict[int, BaseException] = {}
    done, total = 0, sum(sizes)
    for future in done_iter(futures):
        k = where[id(future)]
        if future.cancelled():
            continue
        error = future.exception()
        if error is not None:
            failed[k] = error
            for later in futures[k + 1 :]:
                later.cancel()
            continue
        results[k] = future.result()
        done += sizes[k]
        if progress is not None and not failed:
            progress(done, total)
    if failed:
        raise failed[min(failed)]
    return [outcome for k in range(len(futures)) for outcome in results[k]]


def _on_processes(
    items: Sequence[tuple[Source, Source]],
    n_workers: int,
    options: CompareOptions | None,
    collect: bool,
    progress: Callable[[int, int], None] | None,
    limits: InputLimits | None = None,
    strict: bool = False,
) -> list[pd.DataFrame | tuple[int, str, str, str]]:
    import gc
    import multiprocessing
    import sys
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # On Linux, a process with no other thread forks its workers: they start with the
    # comparison code already imported (half a second of CPU each otherwise). A process
    # with threads, or another system, starts fresh interpreters instead (a fork copies
    # locks that other threads may hold).
    from declcompare.compare import compare  # noqa: F401 - imported before the fork
    from declcompare.parse import load  # noqa: F401

    fork = sys.platform == "linux" and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    batches = _batches(items, n_workers)
    if fork:
        # The forked workers share this process's memory page by page until they write
        # to it; a garbage collection that walks the inherited objects writes to all of
        # them. Frozen objects are not walked.
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=max(1, n_workers), mp_context=context) as pool:
            futures = _submit(
                batches,
                lambda start, chunk: pool.submit(
                    _batch, start, chunk, options, collect, limits, strict
                ),
            )
            try:
                return _gather(futures, [len(c) for _, c in batches], as_completed, progress)
            finally:
                for future in futures:
                    future.cancel()
    finally:
        if fork:
            gc.unfreeze()


def _empty_frame() -> pd.DataFrame:
    """The columns and dtypes of a pair's frame, with no rows."""
    one = Declaration.from_paragraphs(["The member states agree."])
    return _one(0, one, one, None).iloc[0:0]


def compare_many(
    pairs: Iterable[tuple[Source, Source]],
    *,
    engine: Literal["local", "processes", "dask"] = "local",
    client: Any = None,
    n_workers: int = 2,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    errors: Literal["raise", "collect"] = "raise",
    limits: InputLimits | None = None,
    strict: bool = False,
) -> pd.DataFrame:
    """Compare every pair and return their paragraph frames as one DataFrame.

    ``engine="processes"`` compares on ``n_workers`` processes of this machine.
    ``engine="dask"`` needs the extra ``declcompare[dask]``; with no ``client`` it
    uses the current ``distributed`` client if there is one, else ``n_workers``
    processes as ``"processes"`` does. ``progress(done, total)`` is
    called as pairs finish. ``errors="collect"`` records a pair that fails as a
    row with an ``error`` column instead of raising (see the module docstring).
    Files are read with ``load(path, limits=limits, strict=strict)``.
    """
    import pandas as pd

    items: Sequence[tuple[Source, Source]] = list(pairs)
    if not items:
        raise ComparisonError("compare_many() was given no pairs")
    if engine not in ENGINES:
        raise ComparisonError(f"engine must be 'local', 'processes' or 'dask', not {engine!r}")
    if errors not in ("raise", "collect"):
        raise ComparisonError(f"errors must be 'raise' or 'collect', not {errors!r}")
    if isinstance(n_workers, bool) or not isinstance(n_workers, int) or n_workers < 1:
        raise ComparisonError(f"n_workers must be a whole number of at least 1, not {n_workers!r}")
    collect = errors == "collect"
    outcomes: list[pd.DataFrame | tuple[int, str, str, str]] = []
    if engine == "dask" and client is None:
        try:
            import importlib

            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise MissingDependencyError(
                "compare_many(engine='dask')", extra="dask", module="distributed"
            ) from exc
        try:
            client = distributed.get_client()
        except ValueError:
            engine = "processes"  # no cluster given or running: this machine's processes
    if engine == "local":
        task = _one_or_error if collect else _one
        for k, (old, new) in enumerate(items):
            outcomes.append(task(k, old, new, options, limits, strict))
            if progress is not None:
                progress(k + 1, len(items))
    elif engine == "processes":
        outcomes = _on_processes(items, n_workers, options, collect, progress, limits, strict)
    else:
        import importlib

        distributed = importlib.import_module("distributed")
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        batches = _batches(items, workers)
        futures = _submit(
            batches,
            lambda start, chunk: client.submit(
                _batch, start, chunk, options, collect, limits, strict, pure=False
            ),
        )
        try:
            outcomes = _gather(
                futures, [len(c) for _, c in batches], distributed.as_completed, progress
            )
        finally:
            for future in futures:
                future.cancel()
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
    frame["warnings"] = frame["warnings"].fillna("").astype("string")
    if errors == "collect":
        frame["error"] = frame["error"].astype("string")
    categories = template["kind"].cat.categories
    frame["kind"] = pd.Categorical(frame["kind"].astype(str), categories=categories)
    return frame
