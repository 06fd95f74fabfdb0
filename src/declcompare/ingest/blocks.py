"""Typed blocks: what a reader knows about each piece of a document, handed to the parser.

A reader (HTML, PDF, DOCX, and the plain-text splitter) cuts its input into blocks in
reading order. Each block says what it is (:class:`BlockType`: a heading with its
level, a paragraph, a list item with the label the reader printed, a table cell, a
footnote, layout furniture, or text it could not place), where its text stands in the
text laid out for the parser (``start``/``end``, character offsets), where it came
from in the source file (:class:`Provenance`: a page, an element path, a paragraph
number), and whether it stops at a page or column break.

The parser builds the declaration from these blocks and never re-guesses what the
reader knew: a ``<p>`` that starts "# 5" is a paragraph, a ``<p>---</p>`` is a
paragraph, and two ``<p>`` are never joined as the halves of one cut sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["BlockType", "Provenance", "SourceBlock"]


class BlockType(StrEnum):
    """What a block of a document is, as its reader knows it."""

    #: The document's title (``<h1>`` first on a page, Word's Title style, the largest
    #: line on a PDF's first page).
    TITLE = "title"
    #: A section heading, with its level (``<h2>`` is 2, Word's "Heading 1" is 1).
    HEADING = "heading"
    #: A paragraph of body text.
    PARAGRAPH = "paragraph"
    #: An item of a list, with the label the reader printed before it ("3. ", "- ").
    LIST_ITEM = "list_item"
    #: The text of a table cell.
    TABLE_CELL = "table_cell"
    #: A footnote (kept after the body, in the order of the notes).
    FOOTNOTE = "footnote"
    #: Layout, not text: a rule, a comment, a page's running header.
    FURNITURE = "furniture"
    #: Text whose structure the reader cannot tell: the parser decides (plain text).
    UNPARSED = "unparsed"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a block came from in its source file."""

    #: The page of a PDF (from 1) on which the block starts.
    page: int | None = None
    #: The element's path in an HTML page or a Word document ("/html/body/div/p[3]",
    #: "paragraph 12 (table)").
    path: str | None = None

    def label(self) -> str | None:
        """The provenance as a paragraph shows it ("page 3", or the element path)."""
        if self.page is not None:
            return f"page {self.page}"
        return self.path


@dataclass(frozen=True, slots=True)
class SourceBlock:
    """One block of a document, with its kind, its place in the text and its source."""

    kind: BlockType
    #: The block's text, exactly as it stands at ``start:end`` of the laid-out text.
    text: str
    start: int
    end: int
    provenance: Provenance = Provenance()
    #: The level of a title or heading (1 for <h1> and "Heading 1"; deeper is larger),
    #: else None.
    level: int | None = None
    #: The label the reader computed for a list item ("3. ", "(a) ", "- "), which
    #: begins ``text``; None when the reader computed none.
    label: str | None = None
    #: True when the block stops at a page or column break (so it may go on in the
    #: next block), False when the reader knows it does not, None when it cannot
    #: know (plain text, where a page break looks like any blank line).
    ends_at_break: bool | None = False

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"a {self.kind.value} block's span {self.start}-{self.end} does not fit its "
                f"{len(self.text)} characters of text"
            )
        if self.label is not None and not self.text.startswith(self.label):
            raise ValueError(f"a list item's text does not begin with its label {self.label!r}")
