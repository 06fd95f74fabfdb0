"""Classified blocks assembled into a Declaration, with metadata overrides applied."""

from __future__ import annotations

import re
from collections.abc import Mapping

from declcompare.model import (
    Block,
    BlockKind,
    Declaration,
    Paragraph,
    Section,
    Signatory,
    Source,
    Span,
)
from declcompare.parse.items import Item
from declcompare.parse.metadata import (
    PLACE_RE,
    VIRTUAL_RE,
    organisation_patterns,
    parse_date,
    parse_iso,
    slug,
)


def build(text: str, items: list[Item], source: Source, front_meta: dict[str, str]) -> Declaration:
    title: str | None = None
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    sections: list[Section] = []
    signatories: list[Signatory] = []
    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: list[Paragraph] = []
    index = 0

    def close_section() -> None:
        if heading is not None or paragraphs:
            sections.append(
                Section(heading=heading, heading_span=heading_span, paragraphs=tuple(paragraphs))
            )

    for item in items:
        if item.kind == "title":
            title = item.extra["title"]
            if "symbol" in item.extra:
                meta["symbol"] = item.extra["symbol"]
            blocks.append(Block(kind=BlockKind.TITLE, text=item.text, span=item.spans[0]))
        elif item.kind == "heading":
            close_section()
            heading, heading_span, paragraphs = item.extra["heading"], item.spans[0], []
        elif item.kind == "paragraph":
            paragraphs.append(
                Paragraph(
                    id=f"p{index + 1}",
                    index=index,
                    section=heading,
                    number=item.number,
                    bullet=item.bullet,
                    text=item.text,
                    spans=tuple(item.spans),
                    provenance=item.provenance,
                )
            )
            index += 1
        else:
            kind = BlockKind(item.kind)
            if kind is BlockKind.SIGNATURE and item.signatory is not None:
                signatories.append(item.signatory)
            blocks.append(Block(kind=kind, text=item.text, span=item.spans[0]))
    close_section()

    if title is None and front_meta.get("title"):
        title = " ".join(front_meta["title"].split())
    if front_meta.get("source_url") and source.url is None:
        source = source.model_copy(update={"url": front_meta["source_url"]})

    all_paragraphs = [p for s in sections for p in s.paragraphs]
    opening = "\n".join([title or ""] + [p.text for p in all_paragraphs[:3]])
    organisation = next(
        (name for name, pats in organisation_patterns() if any(p.search(opening) for p in pats)),
        None,
    )
    place_match = PLACE_RE.search(opening)
    place = (
        place_match.group("place")
        if place_match
        else ("videoconference" if VIRTUAL_RE.search(opening) else None)
    )
    date = None
    for kind in (BlockKind.DATE_LINE, BlockKind.MEETING_LINE):
        date = date or next((parse_date(b.text) for b in blocks if b.kind is kind), None)
    if date is None and front_meta.get("date"):
        date = parse_iso(front_meta["date"])
    if date is None and all_paragraphs:
        meeting = re.search(r"plenary meeting\s+(.{8,20}\d{4})", all_paragraphs[-1].text)
        date = parse_date(meeting.group(1)) if meeting else None
    if date is None:
        date = parse_date("\n".join(p.text for p in all_paragraphs[:2]))
    ident = "-".join(part for part in (slug(title or ""), date.isoformat() if date else "") if part)
    return Declaration(
        id=ident or f"sha256-{(source.sha256 or '')[:12]}",
        title=title,
        organisation=organisation,
        place=place,
        date=date,
        source=source,
        sections=tuple(sections),
        signatories=tuple(signatories),
        blocks=tuple(sorted(blocks, key=lambda b: b.span.start)),
        metadata=meta,
    )


def apply(declaration: Declaration, overrides: Mapping[str, object]) -> Declaration:
    if not overrides:
        return declaration
    update: dict[str, object] = dict(overrides)
    extra = overrides.get("metadata")
    if isinstance(extra, dict):
        update["metadata"] = {**declaration.metadata, **extra}
    # Re-validate so that an override of the wrong type is refused, not stored.
    fields = {name: getattr(declaration, name) for name in Declaration.model_fields}
    return Declaration.model_validate({**fields, **update})
