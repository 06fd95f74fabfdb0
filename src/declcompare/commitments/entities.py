"""Named entities in a commitment's object: treaties, initiatives, bodies, places, dates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from declcompare.commitments.actors import state_set
from declcompare.commitments.model import Entity

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def month_names() -> tuple[str, ...]:
    """The English month names, case-folded (dates are routine in a change)."""
    return tuple(m.lower() for m in _MONTHS.split("|"))


_DATE_RE = re.compile(
    rf"\b\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b(?:{_MONTHS})\s+\d{{4}}\b"
)


_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2}))?\b")


_DOCUMENT_RE = re.compile(
    r"\b(?:[Rr]esolutions?|[Dd]ecisions?|[Dd]ocument)\s+(?:[A-Z]+/)?(?:[A-Z]+/)?\d+(?:/\d+)*(?:\s*\([^)]{1,40}\))?"
)


_CAP = r"(?:[A-Z][\w'’.-]*\w|[A-Z])"


_NAME_RE = re.compile(
    rf"{_CAP}(?:[ \t]+(?:(?:of|the|and|for|on|in|against|between|to|de|del|du|al|-)[ \t]+)*{_CAP})*"
    r"(?:[ \t]+\([A-Z][\w-]*\))?"
)


_TREATY_ACRONYMS = frozenset({"NPT", "BTWC", "CWC", "JCPOA", "INF", "CTBT", "TPNW", "UNCLOS"})


_PLACE_BEFORE_RE = re.compile(r"(?:\b(?:in|at|from)\s+|\(\s*)$")


_KIND_WORDS: dict[str, frozenset[str]] = {
    "treaty": frozenset(
        [
            "Treaty",
            "Convention",
            "Conventions",
            "Agreement",
            "Protocol",
            "Charter",
            "Declaration",
            "Memorandum",
            "Memorandums",
            "Code",
            "Statement",
            "Address",
            "Covenant",
            "Accord",
            "Accords",
            "Pact",
        ]
    ),
    "initiative": frozenset(
        [
            "Initiative",
            "Programme",
            "Program",
            "Plan",
            "Process",
            "Concept",
            "Roadmap",
            "Strategy",
            "Agenda",
            "Year",
            "Decade",
            "Games",
            "Action",
            "Partnership",
            "Belt",
            "Zone",
            "Goals",
            "Forum",
            "Summit",
            "Exhibition",
        ]
    ),
    "body": frozenset(
        [
            "Organisation",
            "Organization",
            "Council",
            "Commission",
            "Committee",
            "Office",
            "Assembly",
            "Agency",
            "Bank",
            "Consortium",
            "Club",
            "Centre",
            "Center",
            "Secretariat",
            "Group",
            "Union",
            "Nations",
            "Structure",
            "RATS",
            "Association",
            "Fund",
            "Conference",
            "Court",
            "Tribunal",
            "Board",
            "Institute",
            "University",
            "Parliament",
            "Government",
            "Ministry",
            "Secretary-General",
            "Programme",
        ]
    ),
    "place": frozenset(
        [
            "Asia",
            "Eurasia",
            "Europe",
            "Africa",
            "America",
            "Sea",
            "Region",
            "Basin",
            "Federation",
            "Republic",
            "Kingdom",
            "Emirates",
            "Islands",
            "Gulf",
            "Ocean",
            "Peninsula",
            "Strait",
            "Valley",
            "City",
        ]
    ),
}


def find_entities(text: str, start: int, end: int) -> tuple[Entity, ...]:
    """Named things in ``text[start:end]``, with offsets into ``text``."""
    segment = text[start:end]
    taken: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y, _ in taken)

    for regex, kind in ((_DOCUMENT_RE, "document"), (_DATE_RE, "date"), (_YEAR_RE, "year")):
        for m in regex.finditer(segment):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end(), kind))
    states = state_set()
    for m in _NAME_RE.finditer(segment):
        a, b = m.start(), m.end()
        name = m.group()
        if name.startswith("The "):
            a, name = a + 4, name[4:]
        name = name.rstrip(".")
        b = a + len(name)
        if not name or not free(a, b) or (len(name) < 2 and not name.isupper()):
            continue
        words = set(re.findall(r"[\w-]+", name))
        low = name.lower()
        if low in states or (low.startswith("the ") and low[4:] in states):
            kind = "place"
        else:
            kind = next((k for k, vocab in _KIND_WORDS.items() if words & vocab), "name")
            last = name.split()[-1].strip("()")
            for k, vocab in _KIND_WORDS.items():  # the head word decides
                if last in vocab:
                    kind = k
                    break
        if name.isupper() and " " not in name:
            kind = "treaty" if name in _TREATY_ACRONYMS else "body"
        elif kind == "name" and _PLACE_BEFORE_RE.search(segment[max(0, a - 12) : a]):
            kind = "place"  # "held in Tashkent", "(Moscow, 3 July 2020)"
        taken.append((a, b, kind))
    taken.sort()
    return tuple(
        Entity(text=segment[a:b], kind=kind, start=start + a, end=start + b) for a, b, kind in taken
    )
