"""Sparse TF-IDF vectors over the paragraphs of both declarations."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    Csr = csr_matrix[np.float64]
else:
    Csr = object


FloatArray = npt.NDArray[np.float64]


IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Vectors:
    """The word statistics of both sides, computed once per alignment."""

    tfidf_old: Csr  # row-normalised TF-IDF
    tfidf_new: Csr
    presence_old: Csr  # 1 where a paragraph has the word
    presence_new: Csr
    weights_old: Csr  # presence x IDF
    weights_new: Csr
    frequency: FloatArray  # paragraphs of both sides with each word


def tfidf(old_tokens: Sequence[list[str]], new_tokens: Sequence[list[str]]) -> Vectors:
    """TF-IDF, presence and IDF-weighted presence matrices of both sides."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    df: dict[int, int] = defaultdict(int)
    rows_tokens = [*old_tokens, *new_tokens]
    encoded: list[dict[int, int]] = []
    for toks in rows_tokens:
        counts: dict[int, int] = defaultdict(int)
        for tok in toks:
            counts[vocab.setdefault(tok, len(vocab))] += 1
        for term in counts:
            df[term] += 1
        encoded.append(counts)
    n_docs = len(rows_tokens)
    idf = np.ones(max(len(vocab), 1), dtype=np.float64)
    frequency = np.zeros(len(idf), dtype=np.float64)
    for term, freq in df.items():
        idf[term] = math.log((1 + n_docs) / (1 + freq)) + 1.0
        frequency[term] = freq

    def build(docs: list[dict[int, int]]) -> tuple[Csr, Csr]:
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for counts in docs:
            for term in sorted(counts):
                indices.append(term)
                data.append((1.0 + math.log(counts[term])) * idf[term])
            indptr.append(len(indices))
        weighted = sparse.csr_matrix(
            (np.asarray(data, dtype=np.float64), indices, indptr), shape=(len(docs), len(idf))
        )
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        tfidf = sparse.diags(1.0 / norms) @ weighted
        presence = weighted.copy()
        presence.data[:] = 1.0
        return tfidf.tocsr(), presence.tocsr()

    a, pa = build(encoded[: len(old_tokens)])
    b, pb = build(encoded[len(old_tokens) :])
    return Vectors(
        tfidf_old=a,
        tfidf_new=b,
        presence_old=pa,
        presence_new=pb,
        weights_old=scale_columns(pa, idf),
        weights_new=scale_columns(pb, idf),
        frequency=frequency,
    )


def scale_columns(matrix: Csr, weights: FloatArray) -> Csr:
    """Each column multiplied by its weight (presence x IDF)."""
    from scipy import sparse

    return cast("Csr", sparse.csr_matrix(matrix @ sparse.diags(weights)))
