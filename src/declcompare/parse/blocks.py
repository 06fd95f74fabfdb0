"""Plain text and Markdown cut into typed blocks, each classified.

The text splitter gives the same :class:`~declcompare.ingest.blocks.SourceBlock` records
the readers of published formats give, typed by what the Markdown says (an ``#`` heading,
a list item with its label, a rule or comment); everything else is
:attr:`~declcompare.ingest.blocks.BlockType.UNPARSED`, since plain text does not say
what it is. :func:`classify` then decides each block from its words: a heading, the
title, a paragraph, a signature, a date line, a footnote or markup.
"""

from __future__ import annotations

from declcompare.ingest.blocks import BlockType, SourceBlock
from declcompare.model import (
    LABEL_RE,
    BlockKind,
    Span,
)
from declcompare.parse.items import Item, Raw
from declcompare.parse.markup import (
    ATX_RE,
    COMMENT_RE,
    FOOTNOTES_RE,
    RULE_RE,
    is_list_start,
)
from declcompare.parse.metadata import MEETING_RE, heading_text, is_date_line, title_text
from declcompare.parse.repair import continues_across, ends_open, rejoin, starts_lower
from declcompare.parse.signatures import parse_signature, strip_emphasis


def _typed(text: str, raw: Raw) -> SourceBlock:
    content = text[raw.start : raw.end]
    kind, level, label = BlockType.UNPARSED, None, None
    heading = ATX_RE.match(content)
    listed = LABEL_RE.match(content)
    if heading:
        kind, level = BlockType.HEADING, len(content) - len(content.lstrip("#"))
    elif COMMENT_RE.match(content) or RULE_RE.match(content):
        kind = BlockType.FURNITURE
    elif listed:
        kind, label = BlockType.LIST_ITEM, listed.group(0)
    return SourceBlock(
        kind, content, raw.start, raw.end, level=level, label=label, ends_at_break=None
    )


def split_blocks(text: str, start: int) -> list[SourceBlock]:
    """Split text[start:] into blocks of non-blank lines, Markdown-aware."""
    return [_typed(text, raw) for raw in _split_raw(text, start)]


def _split_raw(text: str, start: int) -> list[Raw]:
    blocks: list[Raw] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if current:
            blocks.append(Raw(current[0][0], current[-1][1], tuple(current)))
            current.clear()

    pos = start
    for raw_line in text[start:].splitlines(keepends=True):
        line_start = pos
        pos += len(raw_line)
        stripped = raw_line.strip()
        if not stripped:
            flush()
            continue
        ls = line_start + (len(raw_line) - len(raw_line.lstrip()))
        le = line_start + len(raw_line.rstrip())
        content = text[ls:le]
        standalone = bool(ATX_RE.match(content) or COMMENT_RE.match(content))
        if current and (standalone or is_list_start(content)):
            flush()
        current.append((ls, le))
        if standalone:
            flush()
    flush()
    return [piece for block in blocks for piece in _split_bold_heading(text, block)]


def _split_bold_heading(text: str, block: Raw) -> list[Raw]:
    """A bold-only first line (or lines) followed by text is a heading of its own."""
    if len(block.lines) < 2 or not text.startswith("**", block.start):
        return [block]
    for j, (ls, le) in enumerate(block.lines[:3]):
        line = text[ls:le]
        if j > 0 and "**" in line[:-2]:
            return [block]
        if line.endswith("**") and (j > 0 or len(line) > 4):
            if j == len(block.lines) - 1:
                return [block]
            head = block.lines[: j + 1]
            tail = block.lines[j + 1 :]
            return [
                Raw(head[0][0], head[-1][1], head),
                Raw(tail[0][0], tail[-1][1], tail),
            ]
    return [block]


def classify(text: str, raws: list[SourceBlock], *, has_front_title: bool) -> list[Item]:
    """Items for the blocks of plain text, decided from their words (headings guessed)."""
    items: list[Item] = []
    in_footnotes = False
    seen_content = False
    for position, raw in enumerate(raws):
        content = text[raw.start : raw.end]
        following = (
            text[raws[position + 1].start : raws[position + 1].end]
            if position + 1 < len(raws)
            else ""
        )
        span = Span(start=raw.start, end=raw.end)

        def add(
            kind: str, extra: dict[str, str] | None = None, span: Span = span, text: str = content
        ) -> None:
            items.append(Item(kind=kind, spans=[span], text=text, extra=dict(extra or {})))

        if in_footnotes:
            add(BlockKind.FOOTNOTE.value)
            continue
        if FOOTNOTES_RE.match(content):
            in_footnotes = True
            add(BlockKind.FOOTNOTES_HEADING.value)
            continue
        if COMMENT_RE.match(content) or RULE_RE.match(content):
            add(BlockKind.MARKUP.value)
            continue
        if not any(ch.isalnum() for ch in content):
            add(BlockKind.MARKUP.value)
            continue
        if content.isdigit():
            add(BlockKind.UNPARSED.value)
            continue
        if not seen_content:
            seen_content = True
            title = title_text(content)
            if has_front_title and not content.startswith("# "):
                title = None
            if title is not None:
                add("title", {"title": title[0], **title[1]})
                continue
        if MEETING_RE.match(content):
            add(BlockKind.MEETING_LINE.value)
            continue
        if is_date_line(strip_emphasis(content)):
            add(BlockKind.DATE_LINE.value)
            continue
        signatory = parse_signature(content, span)
        if signatory is not None:
            items.append(
                Item(
                    kind=BlockKind.SIGNATURE.value, spans=[span], text=content, signatory=signatory
                )
            )
            continue
        previous = next((it for it in reversed(items) if it.kind == "paragraph"), None)
        continues = (
            previous is not None
            and items[-1] is previous
            and continues_across(previous.text, content)
        )
        # A line followed by a lower-case continuation, or ending on "of the", is
        # the first half of a cut sentence, not a heading.
        cut = starts_lower(following) or ends_open(content)
        heading = None if continues or cut else heading_text(content)
        if heading is not None:
            add("heading", {"heading": heading})
            continue
        label = LABEL_RE.match(content)
        items.append(
            Item(
                kind="paragraph",
                spans=[span],
                text=content,
                number=label.group("number") if label else None,
                bullet=bool(label and label.group("bullet")),
            )
        )
    return rejoin(items)
