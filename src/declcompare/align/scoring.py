"""Dense score matrices for the calibrated passes: lexical, and semantic when given.

The lexical score blends two TF-IDF cosines whose weights (IDF) are computed over
the paragraphs (or sentences) of *this* pair only: one over words, one over the
character 4-grams inside words, which tolerates the inflections and retranslations
of redrafted texts ("cooperation" / "cooperate", "counter-terrorism" / "terrorist").
With a semantic scorer, the cosine of its embeddings is blended in.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from declcompare.align.options import CompareOptions
from declcompare.align.vectors import Csr, FloatArray

__all__ = ["char_grams", "dense_scores"]

_GRAM = 4


def char_grams(tokens: Sequence[str]) -> list[str]:
    """Character 4-grams inside each word (padded), the word itself when shorter."""
    return [gram for tok in tokens for gram in _word_grams(tok)]


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f"<{word}>"
    if len(padded) <= _GRAM:
        return (padded,)
    return tuple(padded[k : k + _GRAM] for k in range(len(padded) - _GRAM + 1))


def _weighted(counts: Csr, n_old: int) -> tuple[Csr, Csr]:
    """Row-normalised (1 + log tf) x IDF of a count matrix whose first rows are old."""
    from scipy import sparse

    counts = sparse.csr_matrix(counts)  # a copy: sum_duplicates works in place
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + counts.shape[0]) / (1.0 + df)) + 1.0
    weighted = counts.copy()
    weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices]
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)
    return unit[:n_old], unit[n_old:]


def lexical_scores(
    old_tokens: Sequence[list[str]], new_tokens: Sequence[list[str]], char_weight: float
) -> FloatArray:
    """Blend of word and in-word character 4-gram TF-IDF cosines, IDF over this pair.

    Character grams are computed once per distinct word and carried to the
    paragraphs by a sparse product, so the cost is that of the word vectors."""
    from scipy import sparse

    docs = [*old_tokens, *new_tokens]
    vocab: dict[str, int] = {}
    ids = np.fromiter(
        (vocab.setdefault(t, len(vocab)) for toks in docs for t in toks), dtype=np.int64
    )
    lengths = np.fromiter((len(toks) for toks in docs), dtype=np.int64, count=len(docs))
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    shape = (len(docs), max(len(vocab), 1))
    counts = sparse.csr_matrix((np.ones(len(ids)), (rows, ids)), shape=shape)
    n = len(old_tokens)
    word_old, word_new = _weighted(counts, n)
    scores = np.asarray((word_old @ word_new.T).todense(), dtype=np.float64)
    if char_weight <= 0:
        return scores
    gram_ids: dict[str, int] = {}
    g_rows: list[int] = []
    g_cols: list[int] = []
    for word, k in vocab.items():
        for gram in _word_grams(word):
            g_rows.append(k)
            g_cols.append(gram_ids.setdefault(gram, len(gram_ids)))
    grams = sparse.csr_matrix(
        (np.ones(len(g_rows)), (g_rows, g_cols)), shape=(shape[1], max(len(gram_ids), 1))
    )
    char_old, char_new = _weighted(counts @ grams, n)
    chars = np.asarray((char_old @ char_new.T).todense(), dtype=np.float64)
    return (1.0 - char_weight) * scores + char_weight * chars


def dense_scores(
    old_tokens: Sequence[list[str]],
    new_tokens: Sequence[list[str]],
    old_emb: FloatArray | None,
    new_emb: FloatArray | None,
    opts: CompareOptions,
    char_weight: float | None = None,
) -> FloatArray:
    """Blended similarity of every old x new item (rows old, columns new); the share of
    character grams is ``opts.char_weight`` unless ``char_weight`` is given."""
    n, m = len(old_tokens), len(new_tokens)
    if n == 0 or m == 0:
        return np.zeros((n, m), dtype=np.float64)
    share = opts.char_weight if char_weight is None else char_weight
    lexical = lexical_scores(old_tokens, new_tokens, share)
    if old_emb is None or new_emb is None:
        return lexical
    semantic = np.asarray(old_emb @ new_emb.T, dtype=np.float64)
    # Static embeddings score unrelated texts 0.3-0.6: their cosines are carried onto
    # the lexical scale (same mean and spread over this pair) before blending.
    spread = float(semantic.std())
    if spread > 0:
        semantic = (semantic - semantic.mean()) / spread * lexical.std() + lexical.mean()
    blended = (1.0 - opts.semantic_weight) * lexical + opts.semantic_weight * semantic
    return np.clip(blended, 0.0, 1.0)
