"""Metadata found in the text: dates, places, titles, headings and the organisation."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from importlib import resources

from declcompare.parse.markup import ATX_RE, BOLD_RE, is_list_start
from declcompare.parse.repair import CLOSERS, FOOTNOTE_MARK_RE, TERMINAL

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


_DATE_DMY = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS}),?\s+(?P<y1>\d{{4}})"


_DATE_MDY = rf"(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}),\s+(?P<y2>\d{{4}})"


_DATE_RE = re.compile(rf"(?:{_DATE_DMY}|{_DATE_MDY})")


_DATE_LINE_RE = re.compile(rf"^(?:[A-Z][\w .'\u2019-]{{1,40}},\s*)?(?:{_DATE_DMY}|{_DATE_MDY})\.?$")


MEETING_RE = re.compile(
    r"^\d{1,3}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting\b.{0,60}$", re.IGNORECASE
)


_UN_TITLE_RE = re.compile(r"^(?P<symbol>\d{1,3}/\d{1,4})\.\s+(?P<title>\S.*)$", re.DOTALL)


PLACE_RE = re.compile(
    r"\b(?:held|met|convened?|gathered|meeting)\s+(?:in|at)\s+"
    r"(?P<place>[A-Z][\w'\u2019-]+(?:[ -][A-Z][\w'\u2019-]+){0,3})"
)


VIRTUAL_RE = re.compile(r"\b(?:via|by)\s+video\s?-?conference\b|\bvideoconference\b", re.I)


# How sentences of declarations open; a line that opens so is a paragraph, not a heading.
_SENTENCE_OPENER_RE = re.compile(
    r"^(?:The\s+(?:SCO\s+)?(?:member\s+states|leaders|parties|heads|sides|countries"
    r"|General\s+Assembly|Council)|We|They|It|This|These|Our)\b"
)


# Words that make a first line a document title rather than a section heading.
_TITLE_WORDS_RE = re.compile(
    r"\b(?:Declaration|Statement|Communiqu[eé]|Resolution|Summary|Charter|Agreement|Treaty"
    r"|Convention|Protocol|Memorandum|Programme|Program|Plan of Action|Action Plan|Address"
    r"|Appeal|Outcome|Vision|Partnership|Proclamation|Manifesto|Decision|Report)s?\b",
    re.IGNORECASE,
)


def is_date_line(content: str) -> bool:
    """A dateline such as "10 November 2020", "20 May 2023, Hiroshima" or "Leuven, 5 April 2024"."""
    if _DATE_LINE_RE.match(content):
        return True
    if "\n" in content or len(content) > 80:
        return False
    match = _DATE_RE.search(content)
    if match is None:
        return False
    rest = (content[: match.start()] + " " + content[match.end() :]).replace(",", " ")
    words = [w for w in rest.split() if any(ch.isalpha() for ch in w)]
    return len(words) <= 4 and all(w[0].isupper() for w in words)


def heading_text(content: str) -> str | None:
    """The heading's words if a block is a heading, else None."""
    if ATX_RE.match(content):
        return ATX_RE.sub("", content).strip().strip("#").strip() or None
    bold = BOLD_RE.match(content)
    if bold:
        inner = " ".join(bold.group("inner").split())
        if len(inner) <= 150 and len(inner.split()) <= 15 and inner[-1] not in ".;,:":
            return inner
        return None
    if "\n" in content or len(content) > 100 or len(content.split()) > 12:
        return None
    if not (content[0].isupper() or content[0].isdigit()):
        return None
    bare = FOOTNOTE_MARK_RE.sub(r"\1", content).rstrip(CLOSERS)
    if not bare or bare[-1] in TERMINAL + ",":
        return None
    if ". " in content or is_list_start(content) or _DATE_LINE_RE.match(content):
        return None
    if _SENTENCE_OPENER_RE.match(content):
        return None
    if not any(ch.isalpha() for ch in content):
        return None
    return content


def title_text(content: str) -> tuple[str, dict[str, str]] | None:
    un = _UN_TITLE_RE.match(content)
    if un and len(content) <= 400:
        return " ".join(un.group("title").split()), {"symbol": f"A/RES/{un.group('symbol')}"}
    if ATX_RE.match(content) or BOLD_RE.match(content):
        if content.startswith("##"):
            return None  # a second-level heading opens a section, it does not title the text
        heading = heading_text(content)
        return (heading, {}) if heading else None
    words = content.split()
    bare = content.rstrip(CLOSERS)
    if (
        len(content) <= 300
        and 3 <= len(words) <= 40
        and _TITLE_WORDS_RE.search(content) is not None
        and not is_date_line(content)
        and bare
        and bare[-1] not in TERMINAL + ","
        and (content[0].isupper() or content[0].isdigit())
        and ". " not in content
        and not is_list_start(content)
    ):
        return " ".join(words), {}
    return None


@lru_cache(maxsize=1)
def organisation_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/organisations.toml").read_text("utf-8")
    )
    return tuple(
        (entry["name"], tuple(re.compile(p) for p in entry["patterns"]))
        for entry in data["organisation"]
    )


def parse_date(text: str) -> dt.date | None:
    for match in _DATE_RE.finditer(text):
        day = match.group("d1") or match.group("d2")
        month = match.group("m1") or match.group("m2")
        year = match.group("y1") or match.group("y2")
        try:
            return dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
        except ValueError:
            continue
    return None


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
