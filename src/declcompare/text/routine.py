"""Routine edits: changes a briefing collapses and never counts as substantive.

A rewording is routine when the two texts are the same once session numbers,
resolution and document symbols, years and dates, footnote markers, spelling
variants (British/American), hyphenation, spacing and capitalisation are set
aside. Other figures ("10 per cent" -> "20 per cent") are never set aside.

>>> routine_reason("Recalling its resolution 78/66 of 4 December 2023,",
...                "Recalling its resolution 79/77 of 2 December 2024,")
'session number, symbol, date or footnote'
>>> routine_reason("co-operation among the organisations", "Cooperation among the organizations")
'spelling, hyphenation or capitalisation'
>>> routine_reason("to cut emissions by 10 per cent", "to cut emissions by 20 per cent") is None
True
"""

from __future__ import annotations

import re

from declcompare.text.normalize import match_key

__all__ = ["routine_reason"]

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_TEENS = "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
_TENS = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
_TENS_PREFIX = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Masked in this order, on the case-folded match key.
_ROUTINE_RES = (
    re.compile(r"\b[a-z]{1,6}(?:/[a-z0-9.]+)*/\d[\w./-]*"),  # a/res/78/66, a/78/123, s/2024/5
    re.compile(r"\b\d{1,3}/\d{1,4}\b"),  # resolution 78/66
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b"),
    re.compile(rf"\b(?:{_MONTHS})\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b"),  # 78th session
    re.compile(rf"\b(?:(?:{_TENS_PREFIX})[- ]?(?:{_UNITS})|{_TEENS}|{_TENS}|{_UNITS}|hundredth)\b"),
    re.compile(r"(?<=[a-z)\]\u201d'\"])\d{1,2}\b|(?<=[,.;:])\s?\d{1,2}(?=\s|$)"),  # footnotes
)
_DIGITS_RE = re.compile(r"\d+")
_SPACING_RE = re.compile(r"[\s\-\u2010\u2011]+")


def _loose(text: str) -> str:
    return _SPACING_RE.sub("", match_key(text))


def _masked(key: str) -> str:
    for regex in _ROUTINE_RES[:-1]:
        key = regex.sub("#", key)
    key = _ROUTINE_RES[-1].sub("", key)  # a footnote mark, like match_key, leaves nothing
    return _SPACING_RE.sub("", key)


def routine_reason(old: str, new: str) -> str | None:
    """Why a change from ``old`` to ``new`` is routine, or None when it is not."""
    if old == new:
        return None
    a, b = _loose(old), _loose(new)
    if a == b:
        if _DIGITS_RE.findall(old) != _DIGITS_RE.findall(new):
            return "session number, symbol, date or footnote"  # match_key drops footnote marks
        return "spelling, hyphenation or capitalisation"
    if _masked(match_key(old)) == _masked(match_key(new)):
        return "session number, symbol, date or footnote"
    return None
