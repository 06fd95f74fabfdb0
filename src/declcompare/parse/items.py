"""The parser's working records: raw blocks of text and classified items."""

from __future__ import annotations

from dataclasses import dataclass, field

from declcompare.model import Signatory, Span


@dataclass(frozen=True, slots=True)
class Raw:
    start: int
    end: int
    lines: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Item:
    kind: str  # "paragraph", "heading", "title", or a BlockKind value
    spans: list[Span]
    text: str
    number: str | None = None
    bullet: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    signatory: Signatory | None = None
    #: Where the item came from in a published file ("page 3", an element path).
    provenance: str | None = None
    #: Whether the item stops at a page break: True or False when a reader knew, None
    #: for plain text (any blank line may be one).
    ends_at_break: bool | None = None
