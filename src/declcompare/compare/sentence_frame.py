"""``Comparison.sentence_links()``: which sentence of a linked group went where."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from declcompare.align import CompareOptions
from declcompare.align.pieces import group_sentence_links
from declcompare.align.semantic import embedder
from declcompare.model import Declaration

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SENTENCE_COLUMNS", "sentence_frame"]

SENTENCE_COLUMNS = [
    "old_paragraph", "new_paragraph", "old_sentence", "new_sentence",
    "old_start", "old_end", "new_start", "new_end", "score",
]  # fmt: skip


def sentence_frame(
    old: Declaration,
    new: Declaration,
    links: Iterable[tuple[int, int, int]],
    options: CompareOptions,
) -> pd.DataFrame:
    """One row per sentence pair inside the linked groups ``(group, old, new)``."""
    import pandas as pd

    groups: dict[int, tuple[set[int], set[int]]] = {}
    for group, i, j in links:
        olds, news = groups.setdefault(group, (set(), set()))
        olds.add(i)
        news.add(j)
    found = group_sentence_links(
        [p.text for p in old.paragraphs],
        [p.text for p in new.paragraphs],
        [(sorted(o), sorted(n)) for _, (o, n) in sorted(groups.items())],
        embedder(options.similarity),
        options,
    )
    records = [(s.old, s.new, s.old_sentence, s.new_sentence, *a, *b, s.score) for s, a, b in found]
    frame = pd.DataFrame.from_records(records, columns=SENTENCE_COLUMNS)
    types = dict.fromkeys(SENTENCE_COLUMNS[:-1], "int64") | {"score": "float64"}
    return frame.astype(types)
