"""Minimum-cost one-to-one assignment, with SciPy's answers and without its start-up.

``scipy.optimize`` takes about 0.4 s to import (it pulls in linear programming, FFT,
special functions ...), which was a third of the command's wall time on the seed pair,
yet the matrices declcompare assigns are almost always small: the commitments of two
linked paragraphs, the copies of one repeated paragraph. :func:`linear_sum_assignment`
solves small matrices here, in pure Python, by the same algorithm SciPy uses (the
shortest augmenting path method of Crouse, "On implementing 2D rectangular assignment
algorithms", IEEE TAES 2016), step for step and with the same tie-breaking, so that
both return the same assignment even among equally good ones (a property test checks
it against SciPy on random matrices full of ties); larger ones go to SciPy itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from declcompare.align.vectors import IntArray

__all__ = ["SMALL_WORK", "linear_sum_assignment"]

# Above this many cost-matrix cells times its shorter side, SciPy's compiled solver
# wins over the import it costs.
SMALL_WORK = 40_000


def linear_sum_assignment(
    cost: Sequence[Sequence[float]] | np.ndarray, *, maximize: bool = False
) -> tuple[IntArray, IntArray]:
    """Rows and columns of a complete minimum-cost (or maximum) assignment.

    The same contract and the same answer as ``scipy.optimize.linear_sum_assignment``:
    every row of a wide matrix (every column of a tall one) is assigned, the row
    indices come back sorted. Costs must be finite.
    """
    matrix = np.asarray(cost, dtype=np.float64)
    if matrix.ndim != 2:
        raise ValueError(f"a cost matrix has two dimensions, not {matrix.ndim}")
    nr, nc = matrix.shape
    if nr == 0 or nc == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    if not np.isfinite(matrix).all():
        raise ValueError("a cost matrix must hold finite numbers")
    if nr * nc * min(nr, nc) > SMALL_WORK:
        from scipy.optimize import linear_sum_assignment as scipy_lsa

        rows, cols = scipy_lsa(matrix, maximize=maximize)
        return rows.astype(np.int64), cols.astype(np.int64)
    transpose = nc < nr
    work = matrix.T if transpose else matrix
    if maximize:
        work = -work
    col4row = _solve(work.tolist())
    if transpose:
        order = sorted(range(len(col4row)), key=col4row.__getitem__)
        rows = np.asarray([col4row[k] for k in order], dtype=np.int64)
        cols = np.asarray(order, dtype=np.int64)
        return rows, cols
    return np.arange(len(col4row), dtype=np.int64), np.asarray(col4row, dtype=np.int64)


def _solve(cost: list[list[float]]) -> list[int]:
    """Column of each row, for a matrix with no more rows than columns."""
    nr, nc = len(cost), len(cost[0])
    u = [0.0] * nr
    v = [0.0] * nc
    col4row = [-1] * nr
    row4col = [-1] * nc
    for current in range(nr):
        shortest = [math.inf] * nc
        path = [-1] * nc
        seen_rows = [False] * nr
        seen_cols = [False] * nc
        # Filled in reverse, as SciPy does, so that a constant matrix gives the identity.
        remaining = list(range(nc - 1, -1, -1))
        min_val = 0.0
        i = current
        sink = -1
        while sink == -1:
            index = -1
            lowest = math.inf
            seen_rows[i] = True
            row, ui = cost[i], u[i]
            for it in range(len(remaining)):
                j = remaining[it]
                r = min_val + row[j] - ui - v[j]
                if r < shortest[j]:
                    path[j] = i
                    shortest[j] = r
                # Among equal costs, prefer a free column: it ends the path.
                if shortest[j] < lowest or (shortest[j] == lowest and row4col[j] == -1):
                    lowest = shortest[j]
                    index = it
            min_val = lowest
            if min_val == math.inf:  # pragma: no cover - finite costs are always feasible
                raise ValueError("the cost matrix has no complete assignment")
            j = remaining[index]
            if row4col[j] == -1:
                sink = j
            else:
                i = row4col[j]
            seen_cols[j] = True
            remaining[index] = remaining[-1]
            remaining.pop()
        u[current] += min_val
        for k in range(nr):
            if seen_rows[k] and k != current:
                u[k] += min_val - shortest[col4row[k]]
        for k in range(nc):
            if seen_cols[k]:
                v[k] -= min_val - shortest[k]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == current:
                break
    return col4row
