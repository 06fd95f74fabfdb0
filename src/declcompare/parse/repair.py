"""Page-break repair.

A paragraph cut in two by a page break is rejoined; one that merely lacks its full stop is not.
Plain text cannot say where its page breaks were, so any blank line may be one; a reader
of a published format says which blocks stop at a break, and only those are rejoined.
"""

from __future__ import annotations

import re

from declcompare.model import (
    LABEL_RE,
)
from declcompare.parse.items import Item

TERMINAL = ".!?;:"


# A footnote number glued to the end of a PDF-extracted line ("Declaration,7").
FOOTNOTE_MARK_RE = re.compile(r"([,.;:)\u201d])\d{1,3}$")


CLOSERS = "\"'\u201d\u2019)]*_"


# Words a sentence cannot end on: a block ending on one was cut by a page break.
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "nor",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "this",
        "these",
        "those",
        "such",
        "between",
        "among",
        "under",
        "over",
        "about",
        "against",
        "within",
        "without",
        "through",
        "towards",
        "toward",
        "during",
        "including",
        "particularly",
        "notably",
        "both",
        "either",
        "neither",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "shall",
        "would",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "via",
        "per",
    ]
)


def ends_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (a page break, not an end)."""
    tail = text.rstrip().rstrip(CLOSERS)
    if not tail or tail[-1] in TERMINAL:
        return False
    if tail[-1] in "-\u2010\u2011\u2013\u2014(":
        return True
    last = re.split(r"[\s(]+", tail)[-1].lower()
    return last in _OPEN_ENDINGS


def starts_lower(text: str) -> bool:
    if LABEL_RE.match(text):
        return False
    first = text.lstrip("\"'\u201c\u2018(")
    return bool(first) and first[0].islower()


def continues_across(previous: str, following: str) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut off by a page break."""
    if ends_open(previous):
        return True
    last = previous.rstrip().rstrip(CLOSERS)[-1:]
    return starts_lower(following) and last not in TERMINAL


def rejoin(items: list[Item]) -> list[Item]:
    """Rejoin paragraphs that a page break cut in two (see the module docstring)."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and item.kind == "paragraph"
            and prev.ends_at_break is not False
            and item.number is None
            and not item.bullet
            and continues_across(prev.text, item.text)
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.spans.extend(item.spans)
            prev.ends_at_break = item.ends_at_break
            continue
        out.append(item)
    return out
