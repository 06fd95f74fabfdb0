"""Text extracted from a published format, as typed blocks with where each came from.

A reader (HTML, PDF, DOCX) feeds a :class:`Builder` the blocks it finds — title,
headings, paragraphs, list items, table cells, footnotes — each with its
provenance. :meth:`Builder.build` lays their text out one block after another with a
blank line between them (footnotes last), with no mark added, and gives each
:class:`~declcompare.ingest.blocks.SourceBlock` the offsets of its text in that
layout. The parser reads the blocks, not the layout: the text is there so that every
paragraph has a span to point at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from declcompare.ingest.blocks import BlockType, Provenance, SourceBlock

__all__ = ["Builder", "Extracted", "clean"]

_SPACE_RE = re.compile(r"[ \t\u00a0\u202f\u2009\r\f\v]+")


def clean(text: str) -> str:
    """One line of text: runs of spaces and tabs collapsed, no line breaks."""
    return _SPACE_RE.sub(" ", text.replace("\n", " ")).strip()


@dataclass(frozen=True, slots=True)
class Extracted:
    """The blocks a reader found, and the text they are laid out in."""

    text: str
    format: str  # "html", "pdf" or "docx"
    blocks: tuple[SourceBlock, ...] = ()


@dataclass(slots=True)
class _Pending:
    kind: BlockType
    text: str
    provenance: Provenance
    level: int | None = None
    label: str | None = None
    ends_at_break: bool = False


@dataclass
class Builder:
    """Collects a reader's blocks in reading order."""

    format: str
    body: list[_Pending] = field(default_factory=list)
    notes: list[_Pending] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True while no block of the body has been added."""
        return not self.body

    def _add(
        self,
        kind: BlockType,
        text: str,
        provenance: Provenance,
        level: int | None = None,
        label: str | None = None,
    ) -> None:
        text = clean(text)
        if text:
            self.body.append(_Pending(kind, text, provenance, level=level, label=label))

    def title(self, text: str, provenance: Provenance) -> None:
        """The document's title; a second title, or one after the text began, is a heading."""
        if self.body:
            self.heading(text, 1, provenance)
        else:
            self._add(BlockType.TITLE, text, provenance, level=1)

    def heading(self, text: str, level: int, provenance: Provenance) -> None:
        self._add(BlockType.HEADING, text, provenance, level=level)

    def extend_heading(self, text: str) -> bool:
        """Add a line to the last block if it is a title or heading (a heading on two
        lines); False, adding nothing, when the last block is not one."""
        last = self.body[-1] if self.body else None
        if last is None or last.kind not in (BlockType.TITLE, BlockType.HEADING):
            return False
        last.text = clean(f"{last.text} {text}")
        return True

    def paragraph(self, text: str, provenance: Provenance) -> None:
        self._add(BlockType.PARAGRAPH, text, provenance)

    def list_item(self, label: str, text: str, provenance: Provenance) -> None:
        """A list item whose label ("3. ", "- ", "") the reader computed."""
        body = clean(text)
        if body:
            label = f"{clean(label)} " if clean(label) else ""
            self._add(BlockType.LIST_ITEM, label + body, provenance, label=label or None)

    def table_cell(self, text: str, provenance: Provenance) -> None:
        self._add(BlockType.TABLE_CELL, text, provenance)

    def end_at_break(self) -> None:
        """Mark the last block as stopping at a page or column break."""
        if self.body:
            self.body[-1].ends_at_break = True

    def footnote(self, text: str, provenance: Provenance) -> None:
        text = clean(text)
        if text:
            self.notes.append(_Pending(BlockType.FOOTNOTE, text, provenance))

    @property
    def last_footnote(self) -> str | None:
        """The text of the last footnote so far, None before the first."""
        return self.notes[-1].text if self.notes else None

    def replace_last_footnote(self, text: str) -> None:
        """Replace the last footnote's text (with its next line joined to it)."""
        if self.notes and clean(text):
            self.notes[-1].text = clean(text)

    def build(self) -> Extracted:
        parts: list[str] = []
        blocks: list[SourceBlock] = []
        length = 0
        for pending in [*self.body, *self.notes]:
            if parts:
                parts.append("\n\n")
                length += 2
            blocks.append(
                SourceBlock(
                    kind=pending.kind,
                    text=pending.text,
                    start=length,
                    end=length + len(pending.text),
                    provenance=pending.provenance,
                    level=pending.level,
                    label=pending.label,
                    ends_at_break=pending.ends_at_break,
                )
            )
            parts.append(pending.text)
            length += len(pending.text)
        return Extracted(text="".join(parts) + "\n", format=self.format, blocks=tuple(blocks))
