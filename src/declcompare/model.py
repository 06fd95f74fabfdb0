"""The data model: immutable Pydantic v2 models of a parsed declaration.

Offsets in :class:`Span` are character offsets into the decoded source text
(after a byte-order mark, if any, is removed). A paragraph that a page break
split in two carries two spans; its ``text`` joins the parts with one space.
Everything else is the source text exactly as written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import cached_property
from pathlib import PurePath
from typing import TypedDict, Unpack

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, model_validator
from pydantic_core import core_schema

from declcompare import rendering

__all__ = [
    "OUTSIDE_KINDS",
    "OUTSIDE_SHARE_WARNING",
    "Block",
    "BlockKind",
    "Declaration",
    "DeclarationMeta",
    "Metadata",
    "Paragraph",
    "Section",
    "Signatory",
    "Source",
    "SourceFormat",
    "Span",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

# A number label at the start of a paragraph ("1.", "(a)", "iv)", "12)") or a list bullet.
LABEL_RE = re.compile(
    r"""^[ \t]*(?:
        (?P<number>
            \d{1,3}\\?\.(?:\d{1,3}\.)*(?=[ \t])      # 1.  12.  3.1.  2\. (Markdown escape)
          | \d{1,3}\)(?=[ \t])                        # 1)
          | \((?:\d{1,3}|[a-z]{1,2}|[A-Z]|[ivxlc]{1,6})\)(?=[ \t])  # (1) (a) (aa) (A) (iv)
          | (?:[a-z]|[ivxlc]{1,6})\)(?=[ \t])         # a)  iv)
        )
      | (?P<bullet>[-*+\u2022\u2013](?=[ \t]))        # - * + • –
    )[ \t]+""",
    re.VERBOSE,
)


class Metadata(Mapping[str, str]):
    """A read-only, hashable mapping of string metadata (``generated``, ``source_url`` …).

    It cannot be changed after a declaration is built, so a declaration is hashable
    and equal declarations hash alike; it serialises as a plain JSON object.

    >>> m = Metadata({"generated": "true"})
    >>> m["generated"], dict(m) == {"generated": "true"}, hash(m) == hash(Metadata(m))
    ('true', True, True)
    """

    __slots__ = ("_data",)
    _data: dict[str, str]

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        data = dict(items)
        for key, value in data.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"metadata {key!r}: {value!r} is not a string pair")
        object.__setattr__(self, "_data", data)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Metadata is read-only; build a new one instead")

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __reduce__(self) -> tuple[type[Metadata], tuple[dict[str, str]]]:
        # Pickle through the constructor: restoring slots would need setattr.
        return (Metadata, (dict(self._data),))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Metadata({self._data!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: object, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        plain = core_schema.dict_schema(core_schema.str_schema(), core_schema.str_schema())
        return core_schema.no_info_after_validator_function(
            cls,
            plain,
            serialization=core_schema.plain_serializer_function_ser_schema(dict),
        )


class Span(BaseModel):
    """A half-open range ``[start, end)`` of character offsets in the source text."""

    model_config = _FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Paragraph(BaseModel):
    """One paragraph: its text as written, where it stands and where it came from."""

    model_config = _FROZEN

    id: str = Field(description="Stable id within the declaration, e.g. 'p12'.")
    index: int = Field(ge=0, description="Position in Declaration.paragraphs.")
    section: str | None = Field(description="Heading of the section; None for the opening part.")
    number: str | None = Field(default=None, description="Number label as printed: '1.', '(a)'.")
    bullet: bool = Field(default=False, description="True for a bulleted list item.")
    text: str = Field(description="Original text, label included; page-break parts joined by ' '.")
    spans: tuple[Span, ...] = Field(
        default=(), description="Source spans; two or more if rejoined."
    )
    provenance: str | None = Field(
        default=None,
        description="Where in a published file it was found: 'page 3' (PDF), an element "
        "path (HTML), 'paragraph 14' (DOCX); None for plain text.",
    )

    @property
    def body(self) -> str:
        """The text without its number label or bullet."""
        if self.number is None and not self.bullet:
            return self.text
        match = LABEL_RE.match(self.text)
        return self.text[match.end() :] if match else self.text


class Section(BaseModel):
    """A headed part of a declaration; the opening part has no heading."""

    model_config = _FROZEN

    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: tuple[Paragraph, ...] = ()


class Signatory(BaseModel):
    """One signature: the signer's role, the state they sign for and their name."""

    model_config = _FROZEN

    role: str | None = None
    state: str | None = None
    name: str | None = None
    span: Span | None = None


class BlockKind(StrEnum):
    """Kinds of non-paragraph text kept so that nothing in the source is lost."""

    TITLE = "title"
    SIGNATURE = "signature"
    DATE_LINE = "date_line"
    MEETING_LINE = "meeting_line"
    FOOTNOTES_HEADING = "footnotes_heading"
    FOOTNOTE = "footnote"
    FRONT_MATTER = "front_matter"
    MARKUP = "markup"
    UNPARSED = "unparsed"


class Block(BaseModel):
    """A piece of source text that is not a paragraph or a section heading."""

    model_config = _FROZEN

    kind: BlockKind
    text: str
    span: Span


class SourceFormat(StrEnum):
    """The kind of file a declaration was read from."""

    TEXT = "text"  # plain text or Markdown
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


class Source(BaseModel):
    """Where a declaration came from: a path or URL and the SHA-256 of its raw bytes."""

    model_config = _FROZEN

    path: str | None = None
    url: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    format: SourceFormat = Field(
        default=SourceFormat.TEXT,
        description="text, html, pdf or docx. For the last three, span offsets refer to "
        "the text extracted from the file.",
    )


class DeclarationMeta(TypedDict, total=False):
    """Metadata a caller may set or override when building a declaration."""

    id: str
    title: str | None
    organisation: str | None
    place: str | None
    date: dt.date | None
    language: str
    metadata: Mapping[str, str]


#: Kinds of block whose text is kept but never compared.
OUTSIDE_KINDS = frozenset(
    {
        BlockKind.FOOTNOTES_HEADING,
        BlockKind.FOOTNOTE,
        BlockKind.FRONT_MATTER,
        BlockKind.MARKUP,
        BlockKind.UNPARSED,
    }
)

#: A declaration with more than this share of its text outside paragraphs warns.
OUTSIDE_SHARE_WARNING = 0.5


class Declaration(BaseModel):
    """A parsed declaration: metadata, ordered sections, signatories and leftovers."""

    model_config = _FROZEN

    id: str
    title: str | None = None
    organisation: str | None = None
    place: str | None = None
    date: dt.date | None = None
    language: str = "en"
    source: Source = Source()
    sections: tuple[Section, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    blocks: tuple[Block, ...] = Field(
        default=(), description="Title, signature, date line, footnotes and any unparsed text."
    )
    metadata: Metadata = Field(default_factory=Metadata)  # read-only, so hashable

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs in reading order, over all sections."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def _repr_html_(self) -> str:
        return rendering.render(self, "html-snippet")

    @property
    def label(self) -> str:
        """How reports and timelines name this text: "2023-05-20 Hiroshima" ...

        The date (from the text, else from a ``YYYY-MM-DD_place`` file name) and the UN
        symbol or the place; without either, the title, the file name, the id.
        """
        date = self.date.isoformat() if self.date else None
        where = self.metadata.get("symbol") or self.place
        if date or where:
            label = " ".join(x for x in (date, where) if x)
        elif self.title:
            label = self.title
        elif self.source.path:
            label = PurePath(self.source.path).stem
        else:
            label = self.id
        # Generated text is never named as if it were the real declaration.
        return f"{label} (generated)" if self.metadata.get("generated") == "true" else label

    def printed_label(self, index: int) -> str | None:
        """A paragraph's label as printed: its number, or PP/OP in a UN resolution.

        In a General Assembly resolution the unnumbered paragraphs before the first
        numbered one are preambular (PP1, PP2 ...) and numbered ones operative (OP5).
        """
        paragraph = self.paragraphs[index]
        if not self.metadata.get("symbol", "").startswith("A/RES/"):
            return f"no. {paragraph.number}" if paragraph.number else None
        preamble, operative = 0, ""
        for p in self.paragraphs[: index + 1]:
            digits = (p.number or "").strip("().")
            if digits.isdigit():
                operative = digits
            elif not p.number and not operative:
                preamble += 1
        if not paragraph.number:
            return None if operative else f"PP{preamble}"
        digits = paragraph.number.strip("().")
        if digits.isdigit():
            return f"OP{digits}"
        return f"OP{operative} {paragraph.number}" if operative else paragraph.number

    @property
    def unparsed(self) -> tuple[Block, ...]:
        """Text the parser could not place; reported, never dropped."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.UNPARSED)

    @property
    def outside_share(self) -> float:
        """Share of the text's characters in footnotes, markup, front matter or unparsed
        blocks: text kept, but left out of any comparison."""
        outside = sum(len(b.text) for b in self.blocks if b.kind in OUTSIDE_KINDS)
        total = outside + sum(len(b.text) for b in self.blocks if b.kind not in OUTSIDE_KINDS)
        total += sum(len(p.text) for p in self.paragraphs)
        total += sum(len(h) for h in self.headings)
        return outside / total if total else 0.0

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the reader should know before trusting a comparison of this text.

        A declaration warns when more than half of its text
        (:data:`OUTSIDE_SHARE_WARNING`) ended up outside its paragraphs, which
        are all that is compared. ``parse_text(..., strict=True)`` raises instead.
        """
        share = self.outside_share
        if share <= OUTSIDE_SHARE_WARNING:
            return ()
        kinds: dict[str, int] = {}
        for block in self.blocks:
            if block.kind in OUTSIDE_KINDS:
                kinds[block.kind.value] = kinds.get(block.kind.value, 0) + len(block.text)
        largest = max(kinds, key=lambda k: (kinds[k], k)).replace("_", " ")
        name = self.source.path or self.source.url or self.id
        return (
            f"{share:.0%} of the text of {name} is outside its {len(self.paragraphs)} "
            f"paragraph(s), mostly as '{largest}' blocks, and is left out of any comparison; "
            "check the file's structure with 'declcompare show'",
        )

    @property
    def headings(self) -> tuple[str, ...]:
        """Section headings in order (the opening part has none)."""
        return tuple(s.heading for s in self.sections if s.heading is not None)

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Every source span with the element it belongs to, for coverage checks."""
        for section in self.sections:
            if section.heading_span is not None:
                yield ("heading", section.heading_span)
            for paragraph in section.paragraphs:
                for span in paragraph.spans:
                    yield (paragraph.id, span)
        for block in self.blocks:
            yield (block.kind.value, block.span)

    @classmethod
    def from_paragraphs(cls, texts: Sequence[str], **meta: Unpack[DeclarationMeta]) -> Declaration:
        """Build a declaration from plain strings, one paragraph each, without repair.

        The paragraphs are laid out as if the source were the strings joined by
        blank lines, so spans are meaningful. Number labels are recognised but the
        text is kept exactly as given.

        >>> d = Declaration.from_paragraphs(["1. We agree.", "2. We disagree."])
        >>> [p.number for p in d.paragraphs]
        ['1.', '2.']
        """
        paragraphs: list[Paragraph] = []
        offset = 0
        for index, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"paragraph {index} is {type(text).__name__}, not str")
            match = LABEL_RE.match(text)
            number = match.group("number") if match else None
            paragraphs.append(
                Paragraph(
                    id=f"p{index + 1}",
                    index=index,
                    section=None,
                    number=number,
                    bullet=bool(match and match.group("bullet")),
                    text=text,
                    spans=(Span(start=offset, end=offset + len(text)),),
                )
            )
            offset += len(text) + 2
        joined = "\n\n".join(texts).encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(joined).hexdigest()
        fields: dict[str, object] = dict(meta)
        fields.setdefault("id", f"sha256-{digest[:12]}")
        fields["source"] = Source(sha256=digest)
        fields["sections"] = (Section(paragraphs=tuple(paragraphs)),)
        return cls.model_validate(fields)
