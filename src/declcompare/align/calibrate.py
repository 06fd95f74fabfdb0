"""Calibration per pair: links judged against what unrelated paragraphs of *this* pair score.

A redrafted declaration keeps its provisions but not their wording: the score of a
true link may be 0.3 where an edited resolution's are 0.9. No single threshold suits
both. So the leftovers of the first assignment are judged by *standing*: a candidate
is accepted when its score lies far above the background of its row (the scores of
the old paragraph against every new one) and of its column, when each paragraph is
the other's best free candidate, and when it beats the runner-up by a margin.

The same rule, on sentences, finds the pieces of splits and merges: a sentence of an
old paragraph whose best counterpart, by the same standing, sits in another new
paragraph than the rest of it (:func:`sentence_pieces`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from declcompare.align.options import CompareOptions
from declcompare.align.vectors import FloatArray

__all__ = ["Standing", "mutual_best", "standing"]


class Standing:
    """Row and column z-scores of a dense score matrix (background: the whole row/column)."""

    def __init__(self, scores: FloatArray) -> None:
        self.scores = scores
        if scores.size == 0:
            self.z_row = self.z_col = scores
            return
        mu_r = scores.mean(axis=1, keepdims=True)
        sd_r = scores.std(axis=1, keepdims=True)
        mu_c = scores.mean(axis=0, keepdims=True)
        sd_c = scores.std(axis=0, keepdims=True)
        floor = 1e-3
        self.z_row = (scores - mu_r) / np.maximum(sd_r, floor)
        self.z_col = (scores - mu_c) / np.maximum(sd_c, floor)

    def z(self) -> FloatArray:
        """The smaller of the two standings of each cell."""
        return np.minimum(self.z_row, self.z_col)


def standing(scores: FloatArray) -> Standing:
    return Standing(scores)


def mutual_best(
    scores: FloatArray,
    free_rows: Sequence[int],
    free_cols: Sequence[int],
    tie: FloatArray | None = None,
) -> list[tuple[int, int, float]]:
    """Cells that are the best of their row among free columns and of their column among
    free rows, with the margin over the runner-up (the smaller of the two margins)."""
    if not free_rows or not free_cols:
        return []
    rows = np.asarray(free_rows, dtype=np.int64)
    cols = np.asarray(free_cols, dtype=np.int64)
    sub = scores[np.ix_(rows, cols)]
    ranked = sub + (tie[np.ix_(rows, cols)] if tie is not None else 0.0)
    best_c = np.argmax(ranked, axis=1)
    best_r = np.argmax(ranked, axis=0)
    out: list[tuple[int, int, float]] = []
    for r, c in enumerate(best_c.tolist()):
        if best_r[c] != r:
            continue
        row = np.delete(sub[r], c)
        col = np.delete(sub[:, c], r)
        runner = max(row.max() if row.size else 0.0, col.max() if col.size else 0.0)
        out.append((int(rows[r]), int(cols[c]), float(sub[r, c] - runner)))
    return out


def calibrated_links(
    scores: FloatArray,
    free_old: Sequence[int],
    free_new: Sequence[int],
    tie: FloatArray,
    opts: CompareOptions,
    informative: Callable[[int, int], bool] = lambda i, j: True,
) -> dict[int, int]:
    """Second-pass one-to-one links among the paragraphs the first pass left free."""
    stand = Standing(scores)
    z = stand.z()
    links: dict[int, int] = {}
    rows, cols = list(free_old), list(free_new)
    for round_ in range(opts.calibration_rounds):
        found = False
        lead = opts.calibrated_margin if round_ == 0 else opts.calibrated_later_margin
        for i, j, margin in mutual_best(scores, rows, cols, tie):
            if (
                scores[i, j] >= opts.calibrated_min_score
                and z[i, j] >= opts.calibrated_z
                and margin >= lead
                and informative(i, j)
            ):
                links[i] = j
                found = True
        if not found:
            break
        taken_new = set(links.values())
        rows = [i for i in rows if i not in links]
        cols = [j for j in cols if j not in taken_new]
    return links


def attach_leftovers(
    scores: FloatArray,
    free_old: Sequence[int],
    free_new: Sequence[int],
    tie: FloatArray,
    opts: CompareOptions,
    fixed: tuple[set[int], set[int]] = (set(), set()),
) -> list[tuple[int, int]]:
    """Pieces for paragraphs still free after the second pass: each joins its best
    counterpart on the other side (linked or not) when that cell stands ``attach_z``
    above the background of both its row and column and scores at least
    ``attach_min_score``: a provision folded into, or
    split out of, a paragraph already linked elsewhere. Paragraphs in ``fixed`` (old,
    new: linked by identical text) stay as they are and take no piece."""
    if scores.size == 0:
        return []
    z = Standing(scores).z()
    ranked = scores + tie
    fixed_old, fixed_new = fixed
    if fixed_new:
        ranked[:, sorted(fixed_new)] = -np.inf
    if fixed_old:
        ranked[sorted(fixed_old), :] = -np.inf
    best = [(i, int(np.argmax(ranked[i]))) for i in free_old]
    best += [(int(np.argmax(ranked[:, j])), j) for j in free_new]
    return sorted(
        {
            (i, j)
            for i, j in best
            if np.isfinite(ranked[i, j])
            and z[i, j] >= opts.attach_z
            and scores[i, j] >= opts.attach_min_score
        }
    )
