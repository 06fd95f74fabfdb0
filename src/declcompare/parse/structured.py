"""Blocks whose structure the reader knew (HTML, PDF, DOCX), classified without guessing.

A title, a heading, a list item and its label, a paragraph, a table cell and a
footnote are what the reader says they are: a ``<p>`` that begins "# 5" stays a
paragraph, a ``<p>---</p>`` stays a paragraph, and no heading is guessed from a short
line. What only the words can tell is still read from them: a closing date line, a
UN plenary-meeting line, a signature block, a paragraph's printed number, a UN
``78/14. Title``. Two paragraphs are rejoined only where the reader says the first
stopped at a page or column break, and then only when it stops mid-sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from declcompare.ingest.blocks import BlockType, SourceBlock
from declcompare.model import LABEL_RE, BlockKind, Span
from declcompare.parse.items import Item
from declcompare.parse.metadata import MEETING_RE, is_date_line, title_text
from declcompare.parse.repair import rejoin
from declcompare.parse.signatures import parse_signature, strip_emphasis

__all__ = ["classify_blocks"]

_NOT_TEXT = {
    BlockType.FOOTNOTE: BlockKind.FOOTNOTE,
    BlockType.FURNITURE: BlockKind.MARKUP,
    BlockType.UNPARSED: BlockKind.UNPARSED,
}


def _title(text: str) -> dict[str, str]:
    """The title's words, and its UN symbol when it is a UN ``78/14. Title``."""
    found = title_text(text)
    if found is not None and "symbol" in found[1]:
        return {"title": found[0], **found[1]}
    return {"title": text}


def classify_blocks(blocks: Sequence[SourceBlock]) -> list[Item]:
    """The parser's items for a reader's blocks, in order (see the module docstring)."""
    items: list[Item] = []
    titled = False
    for block in blocks:
        span = Span(start=block.start, end=block.end)
        provenance = block.provenance.label()

        def add(kind: str, extra: dict[str, str] | None = None, block: SourceBlock = block) -> None:
            items.append(
                Item(
                    kind=kind,
                    spans=[Span(start=block.start, end=block.end)],
                    text=block.text,
                    extra=dict(extra or {}),
                    provenance=block.provenance.label(),
                )
            )

        if block.kind is BlockType.TITLE and not titled:
            titled = True
            add("title", _title(block.text))
        elif block.kind in (BlockType.TITLE, BlockType.HEADING):
            add("heading", {"heading": block.text})
        elif block.kind in _NOT_TEXT:
            add(_NOT_TEXT[block.kind].value)
        elif MEETING_RE.match(block.text):
            add(BlockKind.MEETING_LINE.value)
        elif is_date_line(strip_emphasis(block.text)):
            add(BlockKind.DATE_LINE.value)
        elif (signatory := parse_signature(block.text, span)) is not None:
            items.append(
                Item(
                    kind=BlockKind.SIGNATURE.value,
                    spans=[span],
                    text=block.text,
                    signatory=signatory,
                    provenance=provenance,
                )
            )
        else:
            # A list item's number is the label its reader computed; a paragraph's is
            # the one printed at its start.
            if block.kind is BlockType.LIST_ITEM:
                label = LABEL_RE.match(block.label) if block.label else None
            else:
                label = LABEL_RE.match(block.text)
            items.append(
                Item(
                    kind="paragraph",
                    spans=[span],
                    text=block.text,
                    number=label.group("number") if label else None,
                    bullet=bool(label and label.group("bullet")),
                    provenance=provenance,
                    ends_at_break=block.ends_at_break,
                )
            )
    return rejoin(items)
