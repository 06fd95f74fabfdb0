"""Identical keys first, then a global one-to-one assignment of the scored candidates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from declcompare.align.moves import longest_chain
from declcompare.align.vectors import FloatArray, IntArray


def assign(n: int, m: int, rows: IntArray, cols: IntArray, scores: FloatArray) -> dict[int, int]:
    """Maximum-score one-to-one assignment where leaving a paragraph unmatched is allowed."""
    if len(rows) == 0:
        return {}
    # Imported here, on the only path that uses them (a third of a second at start-up).
    from scipy import sparse
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    # Rows: old 0..n-1, then a stand-in per new paragraph; columns: new 0..m-1, then a
    # stand-in per old paragraph. A paragraph left unmatched pairs with its own stand-in
    # (cost 2); a link (i, j) costs 2 - score and frees the stand-ins of j and i to pair
    # with each other (cost 2). So a link costs 4 - score against 4 for leaving both
    # unmatched: any scored link is taken when it helps, and all costs stay positive.
    r = np.concatenate([rows, np.arange(n), n + np.arange(m), n + cols])
    c = np.concatenate([cols, m + np.arange(n), np.arange(m), m + rows])
    w = np.concatenate([2.0 - scores, np.full(n, 2.0), np.full(m, 2.0), np.full(len(rows), 2.0)])
    graph = sparse.coo_matrix((w, (r, c)), shape=(n + m, m + n)).tocsr()
    graph.sum_duplicates()
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    result: dict[int, int] = {}
    for i, j in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if i < n and j < m:
            result[i] = j
    return result


NEAR_SCALE = 5.0  # paragraphs from the expected position at which nearness halves


_REPEAT_LIMIT = 1_500  # copies of one text per side paired by nearness (beyond: in order)


def identical_links(old_keys: Sequence[str], new_keys: Sequence[str]) -> dict[int, int]:
    """Links between paragraphs with identical match keys.

    A key found once on each side links at once; those links (the order-preserving
    chain of them) fix where the other paragraphs are expected to be. A key repeated
    on either side (boilerplate such as "Recalling its previous resolutions", or the
    same provision in several resolutions of a compiled volume) pairs its copies so
    that each lies as near as possible to its expected position, not first with
    first, which would tie a provision to a namesake far away."""
    old_at: dict[str, list[int]] = defaultdict(list)
    new_at: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(old_keys):
        old_at[key].append(i)
    for j, key in enumerate(new_keys):
        new_at[key].append(j)
    linked: dict[int, int] = {}
    repeated: list[str] = []
    for key, olds in old_at.items():
        news = new_at.get(key)
        if not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            linked[olds[0]] = news[0]
        else:
            repeated.append(key)
    expected = expected_positions(linked, len(old_keys))
    for key in repeated:
        olds, news = old_at[key], new_at[key]
        if max(len(olds), len(news)) > _REPEAT_LIMIT:
            linked.update(zip(olds, news, strict=False))
            continue
        from declcompare.align.lsap import linear_sum_assignment

        cost = np.abs(expected[olds][:, None] - np.asarray(news, dtype=np.float64)[None, :])
        rows, cols = linear_sum_assignment(cost)
        linked.update((olds[r], news[c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True))
    return linked


def expected_positions(linked: dict[int, int], n: int) -> FloatArray:
    """Where each old paragraph is expected in the new text: interpolated between the
    in-order links around it (a paragraph that moved does not count), and shifted by
    the nearest link's offset beyond the first or last one."""
    positions = np.arange(n, dtype=np.float64)
    points = sorted(linked.items())
    chain = longest_chain(points)
    anchors = [points[k] for k in sorted(chain)]
    if not anchors:
        return positions
    xs = np.asarray([a for a, _ in anchors], dtype=np.float64)
    ys = np.asarray([b for _, b in anchors], dtype=np.float64)
    out = np.interp(positions, xs, ys)
    before, after = positions < xs[0], positions > xs[-1]
    out[before] = positions[before] + (ys[0] - xs[0])
    out[after] = positions[after] + (ys[-1] - xs[-1])
    return out
