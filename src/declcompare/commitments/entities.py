"""Named entities in a commitment's object: treaties, initiatives, bodies, places, dates."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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


_PLACE_BEFORE_RE = re.compile(r"(?:\b(?:in|at|from)\s+|\(\s*)$")


@dataclass(frozen=True)
class Vocabulary:
    """The entity vocabulary (``data/entity_vocabulary.toml``): head words per kind,
    in the file's order of precedence, and the acronyms that name treaties."""

    kinds: tuple[tuple[str, frozenset[str]], ...]
    treaty_acronyms: frozenset[str]

    def heads(self, *kinds: str) -> frozenset[str]:
        """The head words of ``kinds`` together."""
        return frozenset(w for k, words in self.kinds if k in kinds for w in words)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The entity vocabulary, read once per process."""
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/entity_vocabulary.toml").read_text("utf-8")
    )
    return Vocabulary(
        kinds=tuple((k, frozenset(v["heads"])) for k, v in data["kind"].items()),
        treaty_acronyms=frozenset(data["treaty_acronyms"]),
    )


# What may stand between two parts of one title: a comma or "and", then function words
# in lower case ("... Toxin Weapons and on their Destruction").
_TITLE_JOIN_RE = re.compile(r", |,? and(?: (?:on|of|for|in|the|their|its))* ")
_TITLE_LINKS = frozenset({"on", "of", "for", "between", "against"})


def _long_titles(segment: str, known: Vocabulary, states: frozenset[str]) -> list[tuple[int, int]]:
    """Capitalised names, those of a long title joined across its commas and "and":
    "Convention on the Prohibition of the Development, Production and Stockpiling of
    Bacteriological (Biological) and Toxin Weapons and on Their Destruction" is one
    name. A name joins the next when it opens with a head word and a link ("Convention
    on", "Programme for"), its last word is no head word (the title goes on), and the
    next has no head word of its own and names no state (it is no second name of a
    list). A name that lists others (:func:`_listed`) is cut into them."""
    heads = known.heads(*(k for k, _ in known.kinds))
    named = known.heads("treaty", "initiative", "body")  # a place head may end a phrase
    spans: list[tuple[int, int]] = []
    for m in _NAME_RE.finditer(segment):
        spans.extend(_listed(segment, m.start(), m.end(), states, named))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            first = segment[pa:pb].removeprefix("The ").split()
            words = re.findall(r"[\w-]+", segment[a:b])
            if (
                _TITLE_JOIN_RE.fullmatch(segment[pb:a])
                and len(first) > 2
                and first[0] in named  # a title: "Convention on", not "Republic of"
                and first[1] in _TITLE_LINKS
                and segment[pa:pb].split()[-1].strip("()") not in heads
                and not (set(words) & heads)
                and words[0] != "The"
                and not _names_a_state(segment[a:b], words, states)
            ):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


_AND_RE = re.compile(r" and (?:the )?")


def _listed(
    segment: str, a: int, b: int, states: frozenset[str], heads: frozenset[str]
) -> list[tuple[int, int]]:
    """The span ``a:b``, or the spans of the names it lists: states ("India and
    Pakistan"), or names each whole on its own ("the Comprehensive Nuclear-Test-Ban
    Treaty and the Paris Agreement"), but not the parties of a "between"."""
    cuts = list(_AND_RE.finditer(segment, a, b))
    if not cuts:
        return [(a, b)]
    bounds = [a, *(x for m in cuts for x in (m.start(), m.end())), b]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    parts = [segment[x:y] for x, y in spans]
    if all(p.lower().removeprefix("the ") in states for p in parts):
        return spans
    if " between " in segment[a:b] or not all(_complete(p, heads) for p in parts):
        return [(a, b)]  # "Cooperation between the United Nations and the CSTO" is one
    return spans


def _names_a_state(part: str, words: list[str], states: frozenset[str]) -> bool:
    """Whether a part of a name is, or holds, a state ("United States", "Japan")."""
    return part.lower().removeprefix("the ") in states or any(w.lower() in states for w in words)


def _complete(name: str, heads: frozenset[str]) -> bool:
    """Whether ``name`` is a whole name on its own in a list: an acronym ("SCO", "NATO")
    or a name that ends in a head word ("Paris Agreement"). ``heads`` leaves out the
    head words of places ("Co-operation in Europe" is no name), and a name that ends
    in none is taken as part of a longer one ("the Privileges and Immunities of ...",
    "the Food and Agriculture Organization")."""
    words = name.split()
    if len(words) < 2:
        return len(name) > 1 and name.isupper()
    return words[-1].strip("()") in heads


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
    known = vocabulary()
    kinds = known.kinds
    for a, b in _long_titles(segment, known, states):
        name = segment[a:b]
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
            kind = next((k for k, vocab in kinds if words & vocab), "name")
            last = name.split()[-1].strip("()")
            for k, vocab in kinds:  # the head word decides
                if last in vocab:
                    kind = k
                    break
        if name.isupper() and " " not in name:
            kind = "treaty" if name in known.treaty_acronyms else "body"
        elif kind == "name" and _PLACE_BEFORE_RE.search(segment[max(0, a - 12) : a]):
            kind = "place"  # "held in Tashkent", "(Moscow, 3 July 2020)"
        taken.append((a, b, kind))
    taken.sort()
    return tuple(
        Entity(text=segment[a:b], kind=kind, start=start + a, end=start + b) for a, b, kind in taken
    )
