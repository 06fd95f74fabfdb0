"""Recognising signature blocks: the signer's role, the state and the name.

State names come from pycountry (ISO 3166 short and official names), so "Republic
of India", "Kyrgyz Republic" and "Russian Federation" are found without a
hand-kept list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from declcompare.model import Signatory, Span

__all__ = ["parse_signature", "strip_emphasis"]

_ROLE_RE = re.compile(
    r"""^(?:(?:Acting|Interim|First|Deputy)\s+)?(?:Vice[- ])?
    (?:President|Prime\s+Minister|Premier|Chancellor|Federal\s+Chancellor|Chairman|Chairperson
      |Chair|King|Queen|Emir|Amir|Sultan|Crown\s+Prince|Grand\s+Duke|Head\s+of\s+State
      |Head\s+of\s+Government|Secretary[- ]General|Foreign\s+Minister
      |Minister(?:\s+of\s+[A-Z][\w ]+)?|Governor[- ]General|Chief\s+Executive)
    (?:\s*,\s*[A-Z][\w ,-]*)?$""",
    re.VERBOSE,
)
_EMPHASIS_RE = re.compile(r"\*{1,3}|_{2,3}")
# Common forms the ISO list spells differently.
_EXTRA_STATES = (
    "Russian Federation",
    "Islamic Republic of Iran",
    "Republic of Korea",
    "Democratic People's Republic of Korea",
    "United States",
    "United Kingdom",
    "Republic of Belarus",
    "Republic of Moldova",
)


def strip_emphasis(text: str) -> str:
    """Remove Markdown bold/italic markers, keep the words."""
    return _EMPHASIS_RE.sub("", text).strip()


@lru_cache(maxsize=1)
def state_names() -> tuple[str, ...]:
    import pycountry

    names: set[str] = set(_EXTRA_STATES)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(value)
    # Longest first, so "Republic of India" wins over "India".
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _find_state(line: str) -> tuple[int, int] | None:
    for name in state_names():
        at = line.find(name)
        if at >= 0 and (at == 0 or not line[at - 1].isalnum()):
            end = at + len(name)
            if end == len(line) or not line[end].isalnum():
                return at, end
    return None


def parse_signature(text: str, span: Span) -> Signatory | None:
    """Read a signature block (role line, then state and name), or None if it is not one."""
    lines = [strip_emphasis(line) for line in text.splitlines() if strip_emphasis(line)]
    if not 1 <= len(lines) <= 4 or len(text) > 300:
        return None
    role_lines = [line for line in lines if _ROLE_RE.match(line)]
    if not role_lines:
        return None
    rest = [line for line in lines if line not in role_lines]
    role = ", ".join(role_lines)
    state: str | None = None
    name: str | None = None
    for line in rest:
        found = _find_state(line)
        if found and state is None:
            at, end = found
            state = line[at:end]
            remainder = (line[:at] + " " + line[end:]).strip(" ,;:")
            name = remainder or name
        elif name is None:
            name = line.strip(" ,;:")
    if state is None and name is None:
        return None
    return Signatory(role=role, state=state, name=name, span=span)
