"""Text extracted from a published format, with where each piece came from.

A reader (HTML, PDF, DOCX) turns its input into blocks — title, headings,
paragraphs, footnotes — each with its provenance (an element path, a page, a
paragraph index). :class:`Builder` lays the blocks out as the plain text the
parser reads (blank lines between blocks, Markdown ``#`` before title and
headings, a ``[Footnotes]`` line before footnotes) and remembers the character
offset at which each block starts, so that every parsed paragraph can be given the
provenance of the block it came from.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Builder", "Extracted"]

_SPACE_RE = re.compile(r"[ \t\u00a0\u202f\u2009\r\f\v]+")


def clean(text: str) -> str:
    """One line of text: runs of spaces and tabs collapsed, no line breaks."""
    return _SPACE_RE.sub(" ", text.replace("\n", " ")).strip()


@dataclass
class Extracted:
    """The text laid out for the parser, and provenance by offset."""

    text: str
    format: str  # "html", "pdf" or "docx"
    starts: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def provenance(self, offset: int) -> str | None:
        """The provenance of the block holding ``offset``."""
        at = bisect.bisect_right(self.starts, offset) - 1
        return self.labels[at] if at >= 0 else None


@dataclass
class Builder:
    """Collects blocks in reading order."""

    format: str
    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    length: int = 0
    has_title: bool = False

    def _add(self, text: str, provenance: str) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.starts.append(self.length)
        self.labels.append(provenance)
        self.parts.append(text)
        self.length += len(text)

    def title(self, text: str, provenance: str) -> None:
        text = clean(text)
        if text and not self.has_title and not self.parts:
            self.has_title = True
            self._add(f"# {text}", provenance)
        elif text:
            self.heading(text, provenance)

    def heading(self, text: str, provenance: str) -> None:
        text = clean(text)
        if text:
            self._add(f"## {text}", provenance)

    def paragraph(self, text: str, provenance: str) -> None:
        text = clean(text)
        if text:
            self._add(text, provenance)

    def footnote(self, text: str, provenance: str) -> None:
        text = clean(text)
        if text:
            self.footnotes.append((text, provenance))

    def build(self) -> Extracted:
        if self.footnotes:
            self._add("[Footnotes]", self.footnotes[0][1])
            for text, provenance in self.footnotes:
                self._add(text, provenance)
        return Extracted(
            text="".join(self.parts) + "\n",
            format=self.format,
            starts=list(self.starts),
            labels=list(self.labels),
        )
