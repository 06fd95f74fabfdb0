"""Hypothesis strategies shared by the property tests: generated (not real) declarations."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

_SUBJECTS = ("The member states", "The parties", "They", "The leaders", "The Council")
_VERBS = ("welcome", "note", "support", "reaffirm", "call for", "stand for", "take note of")
_OBJECTS = (
    "the initiative of the Republic of Uzbekistan",
    "regional cooperation in agriculture",
    "the outcome of the summit",
    "further dialogue on water resources",
    "the strengthening of the SCO",
    "joint action against illicit drug trafficking",
    "the Programme of Multilateral Trade and Economic Cooperation",
)
_HEADING_WORDS = ("Security", "Trade", "Economic", "Cultural", "Humanitarian", "Contacts", "Energy")


@dataclass(frozen=True)
class GeneratedDeclaration:
    """A generated declaration: an optional title and (heading, paragraphs) sections."""

    title: str | None
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]

    def render(self) -> str:
        parts: list[str] = [self.title] if self.title else []
        for heading, paragraphs in self.sections:
            if heading is not None:
                parts.append(heading)
            parts.extend(paragraphs)
        return "\n\n".join(parts) + "\n"

    @property
    def paragraphs(self) -> list[str]:
        return [p for _, ps in self.sections for p in ps]


sentences = st.builds(
    lambda s, v, o: f"{s} {v} {o}.",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_VERBS),
    st.sampled_from(_OBJECTS),
)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
numbered_paragraphs = st.tuples(st.integers(1, 99), paragraphs).map(lambda t: f"{t[0]}. {t[1]}")
headings = st.lists(st.sampled_from(_HEADING_WORDS), min_size=1, max_size=4, unique=True).map(
    lambda ws: " and ".join([" ".join(ws[:-1]), ws[-1]]) if len(ws) > 1 else ws[0]
)


@st.composite
def declarations(draw: st.DrawFn) -> GeneratedDeclaration:
    title = draw(st.none() | st.just("Generated Declaration of the Council (not a real text)"))
    opening = tuple(draw(st.lists(paragraphs | numbered_paragraphs, min_size=1, max_size=4)))
    sections: list[tuple[str | None, tuple[str, ...]]] = [(None, opening)]
    for heading in draw(st.lists(headings, max_size=4)):
        sections.append(
            (
                heading,
                tuple(draw(st.lists(paragraphs | numbered_paragraphs, min_size=1, max_size=4))),
            )
        )
    return GeneratedDeclaration(title=title, sections=tuple(sections))
