"""Candidate pairs: every pair for small inputs, pairs sharing informative words for large."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from declcompare.align.options import CompareOptions
from declcompare.align.vectors import Csr, FloatArray, IntArray, Vectors, scale_columns


def _top_per_row(rows: IntArray, cols: IntArray, vals: FloatArray, k: int) -> npt.NDArray[np.bool_]:
    """Mask of entries that are among the k largest of their row (ties by column)."""
    order = np.lexsort((cols, -vals, rows))
    sorted_rows = rows[order]
    starts = np.searchsorted(sorted_rows, sorted_rows, side="left")
    rank = np.arange(len(order)) - starts
    keep = np.zeros(len(order), dtype=bool)
    keep[order[rank < k]] = True
    return keep


_PAIR_BATCH = 100_000


def pair_dots(a: Csr, b: Csr, rows: IntArray, cols: IntArray) -> FloatArray:
    """Dot products of rows ``a[rows[k]]`` and ``b[cols[k]]``, in batches.

    Gathering the rows of every pair at once holds two sparse matrices of (pairs x
    words per paragraph) entries: gigabytes for 20,000-paragraph inputs. Batches
    keep the peak at a fixed size whatever the number of pairs."""
    out = np.empty(len(rows), dtype=np.float64)
    for start in range(0, len(rows), _PAIR_BATCH):
        r = rows[start : start + _PAIR_BATCH]
        c = cols[start : start + _PAIR_BATCH]
        out[start : start + len(r)] = np.asarray(a[r].multiply(b[c]).sum(axis=1)).ravel()
    return out


def candidate_pairs(vec: Vectors, options: CompareOptions) -> tuple[IntArray, IntArray, FloatArray]:
    """Candidate (old, new) pairs with their TF-IDF cosine."""
    from scipy import sparse

    a, b = vec.tfidf_old, vec.tfidf_new
    n, m = a.shape[0], b.shape[0]
    if n == 0 or m == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    if n * m <= options.full_matrix_limit:
        product = (a @ b.T).tocoo()
        rows: IntArray = product.row.astype(np.int64)
        cols: IntArray = product.col.astype(np.int64)
        vals = product.data
    else:
        blocks = []
        for pm in (vec.weights_old, vec.weights_new):
            r, c, v = sparse.find(pm)
            keep = _top_per_row(r.astype(np.int64), c.astype(np.int64), v, options.blocking_words)
            blocks.append(sparse.csr_matrix((v[keep], (r[keep], c[keep])), shape=pm.shape))
        # Pairs sharing one of their most informative words, and pairs where one
        # paragraph's most informative word is a rare word anywhere in the other
        # (so a short piece of a split or merge finds the long whole whose own top
        # words lie elsewhere). Ranked by the IDF mass they share, only the best few
        # per paragraph on either side get an exact cosine: linear cost however many
        # paragraphs share a common word.
        rare = (vec.frequency <= options.blocking_max_postings).astype(np.float64)
        pa_rare = scale_columns(vec.presence_old, rare)
        pb_rare = scale_columns(vec.presence_new, rare)
        shared = (blocks[0] @ blocks[1].T + blocks[0] @ pb_rare.T + pa_rare @ blocks[1].T).tocoo()
        rows = shared.row.astype(np.int64)
        cols = shared.col.astype(np.int64)
        mass = np.asarray(shared.data, dtype=np.float64)
        width = options.blocking_candidates
        best = _top_per_row(rows, cols, mass, width) | _top_per_row(cols, rows, mass, width)
        rows, cols = rows[best], cols[best]
        vals = pair_dots(a, b, rows, cols)
    cos: FloatArray = np.asarray(vals, dtype=np.float64)
    ok = cos >= options.candidate_min_cosine
    old_i: IntArray = np.asarray(rows, dtype=np.int64)[ok]
    new_j: IntArray = np.asarray(cols, dtype=np.int64)[ok]
    cos = cos[ok]
    k = options.candidates_per_paragraph
    keep = _top_per_row(old_i, new_j, cos, k) | _top_per_row(new_j, old_i, cos, k)
    return old_i[keep], new_j[keep], cos[keep]
