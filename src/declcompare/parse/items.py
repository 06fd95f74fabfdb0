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
