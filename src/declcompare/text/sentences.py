"""Sentence boundaries that survive the abbreviations and numbering of diplomatic texts.

A boundary is a full stop, question or exclamation mark (with any closing quote
or bracket) followed by space and a capital, digit, quote or bracket, unless the
word before it is an abbreviation ("No.", "art.", "i.e.", "U.S.", "Mr.", a
month, an initial). Two repairs suit declarations: a "sentence" that is only an
enumeration label ("1.", "(a)") joins the text it numbers, and a boundary before
a lower-case word is not one.

This replaces pysbd, which compiled hundreds of regular expressions per call
(509 for three extractions of the seed) and was the largest cost of commitment
extraction; ``benchmarks/perf/commitments.py`` measures both, for speed and for
agreement of boundaries on the seed, UN resolutions and SCO texts.

>>> text = "The U.S. and No. 5 support art. 3, i.e. the plan. They welcome Resolution 2231."
>>> [text[a:b] for a, b in split_sentences(text)]
['The U.S. and No. 5 support art. 3, i.e. the plan. ', 'They welcome Resolution 2231.']
"""

from __future__ import annotations

import re

__all__ = ["candidate_ends", "repaired", "split_sentences"]

# A full stop, question or exclamation mark followed by space and more text: only
# then can a paragraph hold more than one sentence.
_INNER_END_RE = re.compile(r"[.!?;][\"'”’)\]]*\s+\S")
# A piece that ends in a bare enumeration label ("...; 1.") was cut at the label.
_LABEL_END_RE = re.compile(
    r"(?:^|[;:]\s+)(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|\(\d{1,3}\))$"
)


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "paragr",
        "vol",
        "vols",
        "pp",
        "p",
        "ch",
        "chap",
        "sec",
        "fig",
        "op",
        "cit",
        "ibid",
        "inc",
        "ltd",
        "co",
        "corp",
        "gen",
        "gov",
        "sen",
        "rep",
        "hon",
        "amb",
        "approx",
        "cf",
        "vs",
        "v",
        "viz",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "etc",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "h.e",
        "h.r.h",
        "h.m",
        "messrs",
        "mme",
        "mlle",
        "sr",
        "jr",
        "rev",
    ]
)
# A candidate end: the mark, closing quotes/brackets, then space and the start of
# what may be a new sentence.
_CANDIDATE_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, at: int) -> bool:
    """Whether the full stop at ``text[at]`` ends an abbreviation or an initial."""
    match = _WORD_BEFORE_RE.search(text[max(0, at - 12) : at])
    if match is None:
        return False
    word = match.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    stem = match.group(1)
    # An initial ("J. Smith") or a dotted acronym ("U.N.", "U.S.A.").
    return (len(stem) == 1 and stem.isupper()) or ("." in stem and len(stem) <= 6)


def candidate_ends(text: str) -> list[int]:
    """Offsets just after each sentence end (and the space after it), before repairs."""
    ends: list[int] = []
    for m in _CANDIDATE_RE.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        stop = m.end()
        while stop < len(text) and text[stop].isspace():
            stop += 1
        ends.append(stop)
    return ends


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open character ranges of the sentences of ``text``, covering all of it."""
    if not text:
        return []
    if not _INNER_END_RE.search(text.rstrip()):
        return [(0, len(text))]
    return repaired(text, candidate_ends(text))


def repaired(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """Ranges from candidate ``ends``, a label rejoined to what it numbers and a
    boundary before a lower-case word undone."""
    bounds = list(ends)
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
