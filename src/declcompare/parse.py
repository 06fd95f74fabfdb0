"""Text to :class:`~declcompare.model.Declaration`: structure, page-break repair, provenance.

The parser reads plain text and Markdown as they come out of PDFs and web pages:

* blocks are separated by blank lines; Markdown list items, ``#`` headings and
  bold-only heading lines start blocks of their own;
* a short line without final punctuation is a section heading; the first one,
  or a UN ``78/14. Title`` line, is the title;
* signature blocks (role, state, name), a closing date line, a UN plenary-meeting
  line, a ``[Footnotes]`` block and YAML front matter are recognised and kept;
* a paragraph cut in two by a page break is rejoined when the first part stops
  mid-sentence (no final punctuation, and it ends on a word that cannot end a
  sentence, or the next part starts in lower case). A paragraph that merely
  lacks its full stop is never glued to the next.

Nothing is lost: every non-whitespace character of the input belongs to exactly
one element (a paragraph, a heading, or a :class:`~declcompare.model.Block`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Unpack

from declcompare._signatures import parse_signature, strip_emphasis
from declcompare.errors import EmptyInputError, InputTooLargeError, ParseError
from declcompare.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_CHARS, decode_bytes
from declcompare.ingest.extracted import Extracted
from declcompare.ingest.text import read_bytes
from declcompare.model import (
    LABEL_RE,
    Block,
    BlockKind,
    Declaration,
    DeclarationMeta,
    Paragraph,
    Section,
    Signatory,
    Source,
    Span,
)

__all__ = ["check_coverage", "load", "parse_bytes", "parse_text"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_DMY = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS}),?\s+(?P<y1>\d{{4}})"
_DATE_MDY = rf"(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}),\s+(?P<y2>\d{{4}})"
_DATE_RE = re.compile(rf"(?:{_DATE_DMY}|{_DATE_MDY})")
_DATE_LINE_RE = re.compile(rf"^(?:[A-Z][\w .'\u2019-]{{1,40}},\s*)?(?:{_DATE_DMY}|{_DATE_MDY})\.?$")
_MEETING_RE = re.compile(
    r"^\d{1,3}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting\b.{0,60}$", re.IGNORECASE
)
_UN_TITLE_RE = re.compile(r"^(?P<symbol>\d{1,3}/\d{1,4})\.\s+(?P<title>\S.*)$", re.DOTALL)
_ATX_RE = re.compile(r"^#{1,6}\s+")
_BOLD_RE = re.compile(r"^\*\*(?P<inner>[^*](?:.*?[^*])?)\*\*$", re.DOTALL)
_COMMENT_RE = re.compile(r"^<!--.*-->$", re.DOTALL)
_RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$")
_FOOTNOTES_RE = re.compile(r"^\[Footnotes\]$", re.IGNORECASE)
_PLACE_RE = re.compile(
    r"\b(?:held|met|convened?|gathered|meeting)\s+(?:in|at)\s+"
    r"(?P<place>[A-Z][\w'\u2019-]+(?:[ -][A-Z][\w'\u2019-]+){0,3})"
)
_VIRTUAL_RE = re.compile(r"\b(?:via|by)\s+video\s?-?conference\b|\bvideoconference\b", re.I)
_TERMINAL = ".!?;:"
# How sentences of declarations open; a line that opens so is a paragraph, not a heading.
_SENTENCE_OPENER_RE = re.compile(
    r"^(?:The\s+(?:SCO\s+)?(?:member\s+states|leaders|parties|heads|sides|countries"
    r"|General\s+Assembly|Council)|We|They|It|This|These|Our)\b"
)
# Words that make a first line a document title rather than a section heading.
_TITLE_WORDS_RE = re.compile(
    r"\b(?:Declaration|Statement|Communiqu[eé]|Resolution|Summary|Charter|Agreement|Treaty"
    r"|Convention|Protocol|Memorandum|Programme|Program|Plan of Action|Action Plan|Address"
    r"|Appeal|Outcome|Vision|Partnership|Proclamation|Manifesto|Decision|Report)s?\b",
    re.IGNORECASE,
)
# A footnote number glued to the end of a PDF-extracted line ("Declaration,7").
_FOOTNOTE_MARK_RE = re.compile(r"([,.;:)\u201d])\d{1,3}$")
_CLOSERS = "\"'\u201d\u2019)]*_"
# Words a sentence cannot end on: a block ending on one was cut by a page break.
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "nor",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "their",
        "its",
        "his",
        "her",
        "our",
        "your",
        "this",
        "these",
        "those",
        "such",
        "between",
        "among",
        "under",
        "over",
        "about",
        "against",
        "within",
        "without",
        "through",
        "towards",
        "toward",
        "during",
        "including",
        "particularly",
        "notably",
        "both",
        "either",
        "neither",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "shall",
        "would",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "via",
        "per",
    ]
)


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    lines: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class _Item:
    kind: str  # "paragraph", "heading", "title", or a BlockKind value
    spans: list[Span]
    text: str
    number: str | None = None
    bullet: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    signatory: Signatory | None = None


def _is_list_start(line: str) -> bool:
    return LABEL_RE.match(line) is not None


def _split_blocks(text: str, start: int) -> list[_Raw]:
    """Split text[start:] into blocks of non-blank lines, Markdown-aware."""
    blocks: list[_Raw] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if current:
            blocks.append(_Raw(current[0][0], current[-1][1], tuple(current)))
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
        standalone = bool(_ATX_RE.match(content) or _COMMENT_RE.match(content))
        if current and (standalone or _is_list_start(content)):
            flush()
        current.append((ls, le))
        if standalone:
            flush()
    flush()
    return [piece for block in blocks for piece in _split_bold_heading(text, block)]


def _split_bold_heading(text: str, block: _Raw) -> list[_Raw]:
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
                _Raw(head[0][0], head[-1][1], head),
                _Raw(tail[0][0], tail[-1][1], tail),
            ]
    return [block]


def _front_matter_end(text: str) -> int:
    """End offset of YAML front matter at the very start of the text, or 0."""
    if not text.startswith("---"):
        return 0
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return 0
    for match in re.finditer(r"^(---|\.\.\.)[ \t]*$", text[first + 1 :], re.MULTILINE):
        return first + 1 + match.end()
    return 0


def _front_matter(text: str) -> dict[str, str]:
    import yaml

    body = text.strip().strip("-").strip(".")
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if v is not None}


def _ends_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (a page break, not an end)."""
    tail = text.rstrip().rstrip(_CLOSERS)
    if not tail or tail[-1] in _TERMINAL:
        return False
    if tail[-1] in "-\u2010\u2011\u2013\u2014(":
        return True
    last = re.split(r"[\s(]+", tail)[-1].lower()
    return last in _OPEN_ENDINGS


def _starts_lower(text: str) -> bool:
    if LABEL_RE.match(text):
        return False
    first = text.lstrip("\"'\u201c\u2018(")
    return bool(first) and first[0].islower()


def _continues(previous: str, following: str) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut off by a page break."""
    if _ends_open(previous):
        return True
    last = previous.rstrip().rstrip(_CLOSERS)[-1:]
    return _starts_lower(following) and last not in _TERMINAL


def _is_date_line(content: str) -> bool:
    """A dateline such as "10 November 2020", "20 May 2023, Hiroshima" or "Leuven, 5 April 2024"."""
    if _DATE_LINE_RE.match(content):
        return True
    if "\n" in content or len(content) > 80:
        return False
    match = _DATE_RE.search(content)
    if match is None:
        return False
    rest = (content[: match.start()] + " " + content[match.end() :]).replace(",", " ")
    words = [w for w in rest.split() if any(ch.isalpha() for ch in w)]
    return len(words) <= 4 and all(w[0].isupper() for w in words)


def _heading_text(content: str) -> str | None:
    """The heading's words if a block is a heading, else None."""
    if _ATX_RE.match(content):
        return _ATX_RE.sub("", content).strip().strip("#").strip() or None
    bold = _BOLD_RE.match(content)
    if bold:
        inner = " ".join(bold.group("inner").split())
        if len(inner) <= 150 and len(inner.split()) <= 15 and inner[-1] not in ".;,:":
            return inner
        return None
    if "\n" in content or len(content) > 100 or len(content.split()) > 12:
        return None
    if not (content[0].isupper() or content[0].isdigit()):
        return None
    bare = _FOOTNOTE_MARK_RE.sub(r"\1", content).rstrip(_CLOSERS)
    if not bare or bare[-1] in _TERMINAL + ",":
        return None
    if ". " in content or _is_list_start(content) or _DATE_LINE_RE.match(content):
        return None
    if _SENTENCE_OPENER_RE.match(content):
        return None
    if not any(ch.isalpha() for ch in content):
        return None
    return content


def _title_text(content: str) -> tuple[str, dict[str, str]] | None:
    un = _UN_TITLE_RE.match(content)
    if un and len(content) <= 400:
        return " ".join(un.group("title").split()), {"symbol": f"A/RES/{un.group('symbol')}"}
    if _ATX_RE.match(content) or _BOLD_RE.match(content):
        if content.startswith("##"):
            return None  # a second-level heading opens a section, it does not title the text
        heading = _heading_text(content)
        return (heading, {}) if heading else None
    words = content.split()
    bare = content.rstrip(_CLOSERS)
    if (
        len(content) <= 300
        and 3 <= len(words) <= 40
        and _TITLE_WORDS_RE.search(content) is not None
        and not _is_date_line(content)
        and bare
        and bare[-1] not in _TERMINAL + ","
        and (content[0].isupper() or content[0].isdigit())
        and ". " not in content
        and not _is_list_start(content)
    ):
        return " ".join(words), {}
    return None


def _classify(text: str, raws: list[_Raw], *, has_front_title: bool) -> list[_Item]:
    items: list[_Item] = []
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
            items.append(_Item(kind=kind, spans=[span], text=text, extra=dict(extra or {})))

        if in_footnotes:
            add(BlockKind.FOOTNOTE.value)
            continue
        if _FOOTNOTES_RE.match(content):
            in_footnotes = True
            add(BlockKind.FOOTNOTES_HEADING.value)
            continue
        if _COMMENT_RE.match(content) or _RULE_RE.match(content):
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
            title = _title_text(content)
            if has_front_title and not content.startswith("# "):
                title = None
            if title is not None:
                add("title", {"title": title[0], **title[1]})
                continue
        if _MEETING_RE.match(content):
            add(BlockKind.MEETING_LINE.value)
            continue
        if _is_date_line(strip_emphasis(content)):
            add(BlockKind.DATE_LINE.value)
            continue
        signatory = parse_signature(content, span)
        if signatory is not None:
            items.append(
                _Item(
                    kind=BlockKind.SIGNATURE.value, spans=[span], text=content, signatory=signatory
                )
            )
            continue
        previous = next((it for it in reversed(items) if it.kind == "paragraph"), None)
        continues = (
            previous is not None and items[-1] is previous and _continues(previous.text, content)
        )
        # A line followed by a lower-case continuation, or ending on "of the", is
        # the first half of a cut sentence, not a heading.
        cut = _starts_lower(following) or _ends_open(content)
        heading = None if continues or cut else _heading_text(content)
        if heading is not None:
            add("heading", {"heading": heading})
            continue
        label = LABEL_RE.match(content)
        items.append(
            _Item(
                kind="paragraph",
                spans=[span],
                text=content,
                number=label.group("number") if label else None,
                bullet=bool(label and label.group("bullet")),
            )
        )
    return _rejoin(items)


def _rejoin(items: list[_Item]) -> list[_Item]:
    """Rejoin paragraphs that a page break cut in two (see the module docstring)."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and item.kind == "paragraph"
            and item.number is None
            and not item.bullet
            and _continues(prev.text, item.text)
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.spans.extend(item.spans)
            continue
        out.append(item)
    return out


@lru_cache(maxsize=1)
def _organisations() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = tomllib.loads(
        resources.files("declcompare").joinpath("data/organisations.toml").read_text("utf-8")
    )
    return tuple(
        (entry["name"], tuple(re.compile(p) for p in entry["patterns"]))
        for entry in data["organisation"]
    )


def _parse_date(text: str) -> dt.date | None:
    for match in _DATE_RE.finditer(text):
        day = match.group("d1") or match.group("d2")
        month = match.group("m1") or match.group("m2")
        year = match.group("y1") or match.group("y2")
        try:
            return dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
        except ValueError:
            continue
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def _build(
    text: str, items: list[_Item], source: Source, front_meta: dict[str, str]
) -> Declaration:
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
        (name for name, pats in _organisations() if any(p.search(opening) for p in pats)), None
    )
    place_match = _PLACE_RE.search(opening)
    place = (
        place_match.group("place")
        if place_match
        else ("videoconference" if _VIRTUAL_RE.search(opening) else None)
    )
    date = None
    for kind in (BlockKind.DATE_LINE, BlockKind.MEETING_LINE):
        date = date or next((_parse_date(b.text) for b in blocks if b.kind is kind), None)
    if date is None and front_meta.get("date"):
        date = _parse_iso(front_meta["date"])
    if date is None and all_paragraphs:
        meeting = re.search(r"plenary meeting\s+(.{8,20}\d{4})", all_paragraphs[-1].text)
        date = _parse_date(meeting.group(1)) if meeting else None
    if date is None:
        date = _parse_date("\n".join(p.text for p in all_paragraphs[:2]))
    ident = "-".join(
        part for part in (_slug(title or ""), date.isoformat() if date else "") if part
    )
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


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _apply(declaration: Declaration, overrides: Mapping[str, object]) -> Declaration:
    if not overrides:
        return declaration
    update: dict[str, object] = dict(overrides)
    extra = overrides.get("metadata")
    if isinstance(extra, dict):
        update["metadata"] = {**declaration.metadata, **extra}
    # Re-validate so that an override of the wrong type is refused, not stored.
    fields = {name: getattr(declaration, name) for name in Declaration.model_fields}
    return Declaration.model_validate({**fields, **update})


def check_coverage(declaration: Declaration, text: str) -> None:
    """Check that every non-whitespace character of ``text`` belongs to exactly one element.

    Raises :class:`~declcompare.errors.ParseError` naming the first offset that is
    missed or claimed twice. :func:`parse_text` runs this on every parse.
    """
    owner: list[str | None] = [None] * len(text)
    for element, span in declaration.iter_spans():
        if span.end > len(text):
            raise ParseError(f"{element} has span {span.start}–{span.end} beyond the text's end")
        for offset in range(span.start, span.end):
            if owner[offset] is not None and not text[offset].isspace():
                raise ParseError(
                    f"character {offset} ({text[offset]!r}) belongs to both "
                    f"{owner[offset]} and {element}"
                )
            owner[offset] = element
    for offset, ch in enumerate(text):
        if owner[offset] is None and not ch.isspace():
            line = text.count("\n", 0, offset) + 1
            raise ParseError(
                f"character {offset} ({ch!r}, line {line}) belongs to no parsed element"
            )


def parse_text(
    text: str, *, source: Source | None = None, **overrides: Unpack[DeclarationMeta]
) -> Declaration:
    """Parse the text of a declaration.

    Metadata found in the text (title, organisation, place, date) can be overridden
    by keyword: ``parse_text(text, place="Moscow")``.

    >>> d = parse_text("Security\\n\\nThe member states agree.\\n")
    >>> d.sections[0].heading, d.paragraphs[0].text
    ('Security', 'The member states agree.')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes str, not {type(text).__name__}; use load() for files")
    if not text.strip():
        raise EmptyInputError(
            "the text is empty or holds only whitespace; there is nothing to parse"
        )
    if source is None:
        import hashlib

        source = Source(sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    front_end = _front_matter_end(text)
    items: list[_Item] = []
    if front_end:
        end = len(text[:front_end].rstrip())
        items.append(
            _Item(
                kind=BlockKind.FRONT_MATTER.value,
                spans=[Span(start=0, end=end)],
                text=text[:end],
            )
        )
    front_meta = _front_matter(text[:front_end]) if front_end else {}
    has_front_title = bool(front_meta.get("title"))
    items.extend(_classify(text, _split_blocks(text, front_end), has_front_title=has_front_title))
    declaration = _build(text, items, source, front_meta)
    check_coverage(declaration, text)
    return _apply(declaration, overrides)


def _with_provenance(declaration: Declaration, extracted: Extracted) -> Declaration:
    sections = []
    for section in declaration.sections:
        paragraphs = tuple(
            p.model_copy(
                update={"provenance": extracted.provenance(p.spans[0].start) if p.spans else None}
            )
            for p in section.paragraphs
        )
        sections.append(section.model_copy(update={"paragraphs": paragraphs}))
    return declaration.model_copy(update={"sections": tuple(sections)})


def _parse_data(
    data: bytes,
    name: str | None,
    *,
    max_bytes: int,
    max_line_chars: int,
    overrides: Mapping[str, object],
) -> Declaration:
    import hashlib

    from declcompare.ingest.readers import extract, sniff

    kind = sniff(data, name)
    if kind == "text":
        decoded = decode_bytes(
            data, source=name, max_bytes=max_bytes, max_line_chars=max_line_chars
        )
        source = Source(path=name, sha256=decoded.sha256, encoding=decoded.encoding)
        return parse_text(decoded.text, source=source, **overrides)  # type: ignore[arg-type]
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"the input{f' in {name}' if name else ''} is {len(data):,} bytes, more than the "
            f"limit of {max_bytes:,}"
        )
    extracted = extract(data, kind, source=name)
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format=kind)
    declaration = parse_text(extracted.text, source=source, **overrides)  # type: ignore[arg-type]
    return _with_provenance(declaration, extracted)


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
    **overrides: Unpack[DeclarationMeta],
) -> Declaration:
    """Read a declaration file and parse it: plain text or Markdown (UTF-8), an HTML
    page, a PDF or a Word (.docx) document.

    The reader is chosen from the file's bytes; its name is only a hint. Raises an
    :class:`~declcompare.errors.InputError` subclass for a missing, empty, binary,
    mis-encoded or oversized file, and :class:`~declcompare.errors.MissingDependencyError`
    naming the extra to install when a format's reader is not installed.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    return _parse_data(
        data, os.fspath(path), max_bytes=max_bytes, max_line_chars=max_line_chars,
        overrides=overrides,
    )  # fmt: skip


def parse_bytes(
    data: bytes, *, name: str | None = None, **overrides: Unpack[DeclarationMeta]
) -> Declaration:
    """Parse raw bytes of any format :func:`load` reads (see it for the checks made)."""
    return _parse_data(
        data, name, max_bytes=DEFAULT_MAX_BYTES, max_line_chars=DEFAULT_MAX_LINE_CHARS,
        overrides=overrides,
    )  # fmt: skip
