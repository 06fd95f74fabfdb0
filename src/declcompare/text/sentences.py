"""Sentence boundaries that survive the abbreviations and numbering of diplomatic texts.

pysbd (rule-based, with the abbreviation lists of English legal and news text)
finds the candidate boundaries; two repairs suit declarations: a "sentence" that
is only an enumeration label ("1.", "(a)") joins the text it numbers, and a
boundary before a lower-case word is not one.

>>> text = "The U.S. and No. 5 support art. 3, i.e. the plan. They welcome Resolution 2231."
>>> [text[a:b] for a, b in split_sentences(text)]
['The U.S. and No. 5 support art. 3, i.e. the plan. ', 'They welcome Resolution 2231.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pysbd

__all__ = ["split_sentences"]

# A full stop, question or exclamation mark followed by space and more text: only
# then can a paragraph hold more than one sentence.
_INNER_END_RE = re.compile(r"[.!?;][\"'”’)\]]*\s+\S")
# A piece that ends in a bare enumeration label ("...; 1.") was cut at the label.
_LABEL_END_RE = re.compile(
    r"(?:^|[;:]\s+)(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|\(\d{1,3}\))$"
)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open character ranges of the sentences of ``text``, covering all of it."""
    if not text:
        return []
    if not _INNER_END_RE.search(text.rstrip()):
        return [(0, len(text))]
    bounds: list[int] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        # pysbd reports spans into the original text; locate defensively so that
        # the ranges always tile the text exactly.
        at = text.find(piece.sent, cursor) if piece.sent else -1
        if at < 0:
            continue
        end = at + len(piece.sent)
        if end > cursor:
            bounds.append(end)
            cursor = end
    if not bounds or bounds[-1] != len(text):
        bounds.append(len(text))
    ranges: list[tuple[int, int]] = []
    start = 0
    for end in bounds:
        if end <= start:
            continue
        chunk = text[start:end].lstrip()
        previous = text[ranges[-1][0] : ranges[-1][1]].strip() if ranges else ""
        if ranges and (_LABEL_END_RE.search(previous) or chunk[:1].islower()):
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
        start = end
    return ranges
