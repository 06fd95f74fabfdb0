"""Dense score matrices for the calibrated passes: lexical, and semantic when given.

The lexical score blends two TF-IDF cosines whose weights (IDF) are computed over
the paragraphs (or sentences) of *this* pair only: one over words, one over the
character 4-grams inside words, which tolerates the inflections and retranslations
of redrafted texts ("cooperation" / "cooperate", "counter-terrorism" / "terrorist").
With a semantic scorer, the cosine of its embeddings is blended in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from declcompare.align.options import CompareOptions
from declcompare.align.vectors import FloatArray, tfidf

__all__ = ["char_grams", "dense_scores"]

_GRAM = 4


def char_grams(tokens: Sequence[str]) -> list[str]:
    """Character 4-grams inside each word (padded), the word itself when shorter."""
    grams: list[str] = []
    for tok in tokens:
        padded = f"<{tok}>"
        if len(padded) <= _GRAM:
            grams.append(padded)
        else:
            grams.extend(padded[k : k + _GRAM] for k in range(len(padded) - _GRAM + 1))
    return grams


def dense_scores(
    old_tokens: Sequence[list[str]],
    new_tokens: Sequence[list[str]],
    old_emb: FloatArray | None,
    new_emb: FloatArray | None,
    opts: CompareOptions,
) -> FloatArray:
    """Blended similarity of every old x new item (rows old, columns new)."""
    n, m = len(old_tokens), len(new_tokens)
    if n == 0 or m == 0:
        return np.zeros((n, m), dtype=np.float64)
    words = tfidf(old_tokens, new_tokens)
    lexical = np.asarray((words.tfidf_old @ words.tfidf_new.T).todense(), dtype=np.float64)
    if opts.char_weight > 0:
        grams = tfidf([char_grams(t) for t in old_tokens], [char_grams(t) for t in new_tokens])
        chars = np.asarray((grams.tfidf_old @ grams.tfidf_new.T).todense(), dtype=np.float64)
        lexical = (1.0 - opts.char_weight) * lexical + opts.char_weight * chars
    if old_emb is None or new_emb is None:
        return lexical
    semantic = np.clip(np.asarray(old_emb @ new_emb.T, dtype=np.float64), 0.0, 1.0)
    return (1.0 - opts.semantic_weight) * lexical + opts.semantic_weight * semantic
