"""The readers' layout heuristics, as documented options.

A PDF has no paragraphs, headings or footnotes, only lines with a position and a font
size; :mod:`declcompare.ingest.pdf` tells them apart by ratios to the body text's size
and line spacing. Every ratio is a field here, with its default and why. The defaults
read the UN, SCO and summit PDFs we know; change one only for a publisher whose
layout they misread, and check the result with ``declcompare show``.

>>> ReaderOptions(pdf=PdfLayout(title_size_ratio=1.5)).pdf.title_size_ratio
1.5
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DEFAULT_READER_OPTIONS", "PdfLayout", "ReaderOptions"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class PdfLayout(BaseModel):
    """How the PDF reader tells furniture, footnotes, headings and paragraphs apart.

    Sizes are ratios to the body size (the median font size over all characters);
    gaps are in units of the body's usual line gap (the median gap between two body
    lines); positions are fractions of the page's height or of the text column's width.
    """

    model_config = _FROZEN

    line_margin: float = Field(default=0.3, gt=0)
    """pdfminer's ``line_margin``: lines closer than this (in line heights) form one
    text box. pdfminer's own 0.5 merged a heading with the paragraph below it."""

    edge_band: float = Field(default=0.1, gt=0, lt=0.5)
    """Top and bottom fraction of a page where running headers, footers and page numbers
    stand; a line there that repeats on most pages, or is a bare page number, is dropped."""

    small_header_band: float = Field(default=0.08, gt=0, lt=0.5)
    """Top fraction of a page where a line in small type is a running header even on a
    one-page document (no repetition to see)."""

    small_header_size_ratio: float = Field(default=0.9, gt=0)
    """A line in that band is "small type" below this ratio to the body size."""

    furniture_max_chars: int = Field(default=120, gt=0)
    """A running header in small type is shorter than this; a longer line is text."""

    body_size_tolerance: float = Field(default=0.5, ge=0)
    """Points by which a line's size may differ from the body size and still be body
    text (sizes extracted from one font vary by a fraction of a point)."""

    default_line_gap_ratio: float = Field(default=0.3, gt=0)
    """The line gap assumed, as a ratio to the body size, when no two body lines follow
    each other (a one-line document)."""

    footnote_size_ratio: float = Field(default=0.88, gt=0)
    """A line set smaller than this ratio to the body size, in the lower part of a page,
    is a footnote (footnotes are usually set at 8-9 pt under 10-12 pt text)."""

    footnote_top: float = Field(default=0.6, ge=0, le=1)
    """Footnotes stand below this fraction of the page's height; small type above it
    (a table, a caption) stays text."""

    heading_size_ratio: float = Field(default=1.15, gt=0)
    """A line larger than this ratio to the body size is a heading."""

    heading_max_chars: int = Field(default=120, gt=0)
    """A bold line of body size is a heading only when shorter than this (and not ending
    in ".", ";" or ","): a bold sentence in the text is emphasis, not a heading."""

    title_size_ratio: float = Field(default=1.3, gt=0)
    """The first line of page one, at least this ratio to the body size, is the title."""

    heading_join_gap: float = Field(default=2.0, ge=0)
    """Two heading lines of the same style closer than this many line gaps (plus 2 pt)
    are one heading set on two lines."""

    paragraph_gap: float = Field(default=1.8, ge=0)
    """A gap wider than this many line gaps (plus 1 pt) between two lines of a page
    opens a new paragraph (paragraphs are spaced; the lines of one are not)."""

    page_foot_slack: float = Field(default=1.5, ge=0)
    """A page whose last body line stands within this many (line gap + body size) of the
    lowest body line of any page was full: its last paragraph may go on overleaf."""

    short_line_ratio: float = Field(default=0.75, gt=0, le=1)
    """A page's last line shorter than this fraction of the column ended its paragraph
    (a line broken only for want of room is seldom that short)."""


class ReaderOptions(BaseModel):
    """Options of the readers of published formats; passed as ``load(...,
    reader_options=ReaderOptions(pdf=PdfLayout(...)))``."""

    model_config = _FROZEN

    pdf: PdfLayout = PdfLayout()
    """How PDF lines are told apart (see :class:`PdfLayout`)."""


#: The options used when none are given.
DEFAULT_READER_OPTIONS = ReaderOptions()
