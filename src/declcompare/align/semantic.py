"""Semantic similarity: a small typed protocol, and the ``[semantic]`` extra's scorer.

Any object with ``embed(texts) -> array`` (one L2-normalised row per text) can be
passed as ``CompareOptions(similarity=...)``; the alignment then blends the cosine
of these embeddings with its lexical scores. The default scorer of the extra is
WordLlama's 256-dimensional static embedding model (MIT licence), whose weights ship
inside the ``wordllama`` wheel (about 19 MB): it loads in a fraction of a second,
runs on a laptop CPU and never touches the network.

>>> class Letters:
...     def embed(self, texts):
...         import numpy as np
...         rows = np.array([[t.count("a"), t.count("b") + 1.0] for t in texts])
...         return rows / np.linalg.norm(rows, axis=1, keepdims=True)
>>> isinstance(Letters(), Similarity)
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.util import find_spec
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from declcompare.errors import MissingDependencyError

__all__ = [
    "Similarity",
    "WordLlamaSimilarity",
    "default_similarity",
    "embedder",
    "semantic_installed",
]


@runtime_checkable
class Similarity(Protocol):
    """A paragraph embedder: one unit-length row per text, in order."""

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.floating[Any]]:
        """Embeddings of ``texts``, shape ``(len(texts), dim)``, rows of unit length."""
        ...


def semantic_installed() -> bool:
    """True when the ``[semantic]`` extra (wordllama) is importable."""
    return find_spec("wordllama") is not None


class WordLlamaSimilarity:
    """WordLlama's bundled static embeddings, loaded offline from the wheel itself."""

    def __init__(self) -> None:
        from pathlib import Path

        try:
            import wordllama
        except ImportError as exc:
            raise MissingDependencyError(
                "Semantic matching", extra="semantic", module="wordllama"
            ) from exc
        self._model = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True
        )

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        # WordLlama divides an empty text's zero vector by its zero norm; such a text
        # has no direction and gets the zero row (cosine 0 with everything), not NaN.
        with np.errstate(invalid="ignore", divide="ignore"):
            raw = self._model.embed(list(texts), norm=True)
        vectors = np.nan_to_num(np.asarray(raw, dtype=np.float32), nan=0.0)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        out: npt.NDArray[np.float32] = vectors / norms
        return out

    def __repr__(self) -> str:
        return "WordLlamaSimilarity()"


@lru_cache(maxsize=1)
def default_similarity() -> WordLlamaSimilarity:
    """The extra's scorer, loaded once per process."""
    return WordLlamaSimilarity()


def embedder(
    similarity: Similarity | None,
) -> Callable[[Sequence[str]], npt.NDArray[np.float64]] | None:
    """``similarity.embed`` as float64 rows, or None without a scorer."""
    if similarity is None:
        return None
    scorer = similarity

    def embed(texts: Sequence[str]) -> npt.NDArray[np.float64]:
        return np.asarray(scorer.embed(list(texts)), dtype=np.float64)

    return embed
