"""PDF documents: lines rejoined into paragraphs, running headers and page numbers removed.

Read with pdfminer.six, which gives every line with its position and font size.
Lines that repeat at the top or bottom of most pages (running headers and footers)
and bare page numbers are dropped; lines set smaller than the body text at the
foot of a page are footnotes; lines are joined into paragraphs by the vertical
gaps between them and by number labels, a paragraph cut by a page break is joined
again, and a word hyphenated at a line end is made whole ("develop-" + "ment").
Larger or bold lines are headings, the largest on the first page the title.
Each block's provenance is its page, and a block that stops at a page break says so
(the parser rejoins a sentence cut there, and nowhere else). The ratios behind all
this are the fields of :class:`~declcompare.ingest.options.PdfLayout`.

pdfminer decodes a compressed stream in one piece, so a flate bomb (a few
megabytes that inflate to gigabytes) would be expanded in memory before any
check could run. Before pdfminer sees the file, every stream in its bytes is
therefore decompressed once more, in 1 MiB pieces that are counted and thrown
away, and the file is refused when their total exceeds
``InputLimits.max_decompressed_bytes``. Flate streams are found by their zlib
header wherever they stand, whatever their dictionary says (so a lying
``/Length`` or an object stream does not hide one), and also behind an
``ASCIIHexDecode`` or ``ASCII85Decode`` filter; LZW streams are counted with
pdfminer's own incremental decoder.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from declcompare.errors import CorruptInputError, InputError, MissingDependencyError
from declcompare.ingest.blocks import Provenance
from declcompare.ingest.extracted import Builder, Extracted, clean
from declcompare.ingest.options import PdfLayout
from declcompare.limits import DEFAULT_LIMITS, InputLimits, check_limit
from declcompare.model import LABEL_RE

__all__ = ["read_pdf"]

_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_OPENER_RE = re.compile(
    r"^(?:[A-Z][a-z]+(?:ing|ed)|Also|Further|Deeply|Gravely|Mindful|Aware|Conscious|Cognizant|"
    r"Convinced|Concerned|Alarmed|Determined|Desirous)\b"
)
_FOOTNOTE_START_RE = re.compile(r"^\d{1,3}\s*\S")
# A line that cannot end a paragraph: a comma, a dash, or a connecting word.
_OPEN_END_RE = re.compile(
    r"(?:[,\-–—(]|\b(?:of|the|and|or|to|in|for|on|with|by|a|an|as|at|its|their|from|that))$",
    re.IGNORECASE,
)


# "stream" and its end of line open a stream's data; "endstream" is not a start.
_STREAM_RE = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DICT_WINDOW = 4096  # bytes before "stream" searched for its filter names
_CHUNK = 1024 * 1024


def _zlib_header(data: bytes, start: int) -> bool:
    """Whether a zlib stream (RFC 1950 header: deflate, checksum) starts at ``start``."""
    cmf, flg = data[start : start + 1], data[start + 1 : start + 2]
    if not (cmf and flg):
        return False
    return cmf[0] & 0x0F == 8 and cmf[0] >> 4 <= 7 and (cmf[0] * 256 + flg[0]) % 31 == 0


def _inflated(data: bytes, start: int, budget: int) -> int:
    """Bytes the zlib stream at ``data[start:]`` inflates to, counting at most ``budget + 1``."""
    decompressor = zlib.decompressobj()
    total, pos = 0, start
    try:
        while not decompressor.eof and pos < len(data) and total <= budget:
            pending = data[pos : pos + _CHUNK]
            pos += len(pending)
            while pending and total <= budget:
                total += len(decompressor.decompress(pending, _CHUNK))
                pending = decompressor.unconsumed_tail
    except zlib.error:
        pass  # not flate, or damaged: pdfminer decodes no more of it than we counted
    return total


def _unwrapped(data: bytes, start: int, header: bytes) -> bytes | None:
    """The bytes under an ASCIIHex or ASCII85 filter (no bigger than the stream)."""
    end = data.find(b"endstream", start)
    raw = data[start : end if end >= 0 else len(data)]
    try:
        if b"ASCIIHexDecode" in header or b"/AHx" in header:
            digits = bytes(c for c in raw.split(b">", 1)[0] if chr(c) in "0123456789abcdefABCDEF")
            return binascii.unhexlify(digits[: len(digits) // 2 * 2])
        if b"ASCII85Decode" in header or b"/A85" in header:
            body = raw.strip().removeprefix(b"<~").split(b"~>", 1)[0]
            return base64.a85decode(b"".join(body.split()))
    except ValueError:
        return None
    return None


def _lzw_decoded(data: bytes, start: int, budget: int) -> int:
    from pdfminer.lzw import LZWDecoder

    total = 0
    try:
        for piece in LZWDecoder(BytesIO(data[start:])).run():
            total += len(piece)
            if total > budget:
                break
    except Exception:  # pdfminer stops at damaged data the same way
        pass
    return total


def _check_streams(data: bytes, limits: InputLimits, where: str) -> None:
    """Refuse a PDF whose streams decompress beyond ``limits.max_decompressed_bytes``."""
    budget = limits.max_decompressed_bytes
    total = 0
    for match in _STREAM_RE.finditer(data):
        start = match.end()
        header = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        header = header[header.rfind(b"obj") + 1 :]  # this object's dictionary only
        left = budget - total
        if _zlib_header(data, start) or b"Flate" in header or b"/Fl" in header:
            total += _inflated(data, start, left)
        if b"LZW" in header:
            total += _lzw_decoded(data, start, left)
        elif b"ASCII" in header or b"/AHx" in header or b"/A85" in header:
            inner = _unwrapped(data, start, header)
            if inner is not None:
                total += len(inner)
                if b"Flate" in header or b"/Fl" in header:
                    total += _inflated(inner, 0, budget - total)
        check_limit(
            "max_decompressed_bytes",
            total,
            limits,
            unit="bytes",
            at_least=True,
            what="the decompressed streams of the PDF",
            where=where,
        )


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    bold: bool
    page_height: float


def _lines(data: bytes, line_margin: float) -> list[list[_Line]]:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:
        raise MissingDependencyError("reading PDF", extra="pdf", module="pdfminer.six") from exc
    pages: list[list[_Line]] = []
    try:
        for number, layout in enumerate(
            extract_pages(BytesIO(data), laparams=LAParams(line_margin=line_margin)), start=1
        ):
            height = float(layout.height)
            lines: list[_Line] = []
            stack: list[Any] = [layout]
            while stack:
                obj = stack.pop()
                if isinstance(obj, LTTextLine):
                    chars = [c for c in obj if isinstance(c, LTChar)]
                    text = obj.get_text().rstrip("\n")
                    if not text.strip():
                        continue
                    sizes = [float(c.size) for c in chars] or [0.0]
                    bold = bool(chars) and sum("Bold" in c.fontname for c in chars) > len(chars) / 2
                    lines.append(
                        _Line(number, text, float(obj.x0), float(obj.x1), height - float(obj.y1),
                              height - float(obj.y0), statistics.median(sizes), bold, height)
                    )  # fmt: skip
                elif isinstance(obj, LTTextContainer) or hasattr(obj, "__iter__"):
                    stack.extend(obj)
            lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
            pages.append(lines)
    except (PDFEncryptionError, PDFPasswordIncorrect) as exc:
        raise InputError(
            "the PDF is encrypted; open it, save an unencrypted copy, and retry"
        ) from exc
    except PDFSyntaxError as exc:
        raise CorruptInputError(f"the PDF is damaged and cannot be read: {exc}") from exc
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise CorruptInputError(f"the PDF cannot be read: {type(exc).__name__}: {exc}") from exc
    return pages


def _furniture(pages: list[list[_Line]], body: float, layout: PdfLayout) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", clean(text).lower())

    def at_edge(ln: _Line) -> bool:
        band = layout.edge_band * ln.page_height
        return ln.top < band or ln.bottom > ln.page_height - band

    edge: Counter[str] = Counter()
    for lines in pages:
        edge.update({key(ln.text) for ln in lines if at_edge(ln)})
    repeated = {k for k, n in edge.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    out = set()
    for p, lines in enumerate(pages):
        for i, ln in enumerate(lines):
            if at_edge(ln) and (key(ln.text) in repeated or _PAGE_NUMBER_RE.match(clean(ln.text))):
                out.add((p, i))
            elif (
                ln.top < layout.small_header_band * ln.page_height
                and ln.size < layout.small_header_size_ratio * body
                and len(ln.text) < layout.furniture_max_chars
            ):
                out.add((p, i))  # a running header in small type, even on a single page
    return out


def _join(lines: list[str]) -> str:
    text = ""
    for line in lines:
        line = clean(line)
        if not text:
            text = line
        elif re.search(r"[^\W\d_]-$", text) and line[:1].islower():
            text = text[:-1] + line  # "develop-" + "ment"
        else:
            text = f"{text} {line}"
    return text


def read_pdf(
    data: bytes,
    *,
    source: str | None = None,
    limits: InputLimits | None = None,
    layout: PdfLayout | None = None,
) -> Extracted:
    """The blocks of a PDF: title, headings, paragraphs (each flagged when it stops at a
    page break) and footnotes, told apart by ``layout`` (by default ``PdfLayout()``)."""
    where = f" in {source}" if source else ""
    limits = limits or DEFAULT_LIMITS
    layout = layout or PdfLayout()
    check_limit("max_bytes", len(data), limits, what="the PDF", where=where, unit="bytes")
    _check_streams(data, limits, where)
    pages = _lines(data, layout.line_margin)
    sizes = [ln.size for lines in pages for ln in lines for _ in range(len(ln.text))]
    drop = _furniture(pages, statistics.median(sizes) if sizes else 0.0, layout)
    kept = [
        [ln for i, ln in enumerate(lines) if (p, i) not in drop] for p, lines in enumerate(pages)
    ]
    body_sizes = [ln.size for lines in kept for ln in lines for _ in range(len(ln.text))]
    if not body_sizes:
        raise InputError(
            f"the PDF{where} has no text layer (it is probably scanned images); it needs "
            "OCR (for example ocrmypdf) before declcompare can read it"
        )
    body = statistics.median(body_sizes)

    def is_body(ln: _Line) -> bool:
        return abs(ln.size - body) < layout.body_size_tolerance

    builder = Builder("pdf")
    paragraph: list[str] = []
    para_page = 1
    last: _Line | None = None
    gaps = [
        b.top - a.bottom
        for lines in kept
        for a, b in itertools.pairwise(lines)
        if is_body(a) and is_body(b) and b.top > a.bottom - 1
    ]
    line_gap = statistics.median(gaps) if gaps else body * layout.default_line_gap_ratio

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            builder.paragraph(_join(paragraph), Provenance(page=para_page))
        paragraph = []

    foot = {
        p: max((ln.bottom for ln in lines if is_body(ln)), default=0.0)
        for p, lines in enumerate(kept, start=1)
    }
    body_lines = [ln for lines in kept for ln in lines if is_body(ln)]
    right = max((ln.x1 for ln in body_lines), default=0.0)
    left_edge = min((ln.x0 for ln in body_lines), default=0.0)
    foot_all = max(foot.values(), default=0.0)
    foot = {p: max(v, foot_all) for p, v in foot.items()}
    title_done = False
    for p, lines in enumerate(kept, start=1):
        for ln in lines:
            text = clean(ln.text)
            small = ln.size < layout.footnote_size_ratio * body
            if small and ln.top > layout.footnote_top * ln.page_height:
                flush()
                previous = builder.last_footnote
                if _FOOTNOTE_START_RE.match(text) or previous is None:
                    builder.footnote(text, Provenance(page=p))
                else:  # a footnote running on to a second line
                    builder.replace_last_footnote(_join([previous, text]))
                continue
            # The last body line was on an earlier page: what came before stops at a break.
            new_page = last is not None and last.page != ln.page
            big = ln.size > layout.heading_size_ratio * body
            if big or (
                ln.bold
                and len(text) < layout.heading_max_chars
                and not text.endswith((".", ";", ","))
            ):
                flush()
                if new_page:
                    builder.end_at_break()
                if (
                    not title_done
                    and p == 1
                    and ln.size >= layout.title_size_ratio * body
                    and builder.empty
                ):
                    builder.title(text, Provenance(page=p))
                    title_done = True
                elif not (
                    last
                    and last.bold == ln.bold
                    and abs(last.size - ln.size) < layout.body_size_tolerance
                    and ln.top - last.bottom < layout.heading_join_gap * line_gap + 2
                    and builder.extend_heading(text)  # a heading on two lines
                ):
                    builder.heading(text, 1 if big else 2, Provenance(page=p))
                last = ln
                continue
            gap = (ln.top - last.bottom) if last is not None and not new_page else 0.0
            match = LABEL_RE.match(text)
            # A number label opens a paragraph; a dash or bullet only after a line that
            # could end one (a wrapped line may start with "– ").
            starts_label = match is not None and (
                bool(match.group("number"))
                or not paragraph
                or paragraph[-1].rstrip().endswith((".", ":", ";", "!", "?"))
            )
            if (
                paragraph
                and not new_page
                and (gap > layout.paragraph_gap * line_gap + 1.0 or starts_label)
            ):
                flush()
            if paragraph and new_page and last is not None:
                # Across a page break a paragraph goes on unless it visibly ended: a full
                # stop, a new number label, or a last line well above the page's foot
                # while the next line starts with a capital.
                joined = _join(paragraph)
                full_page = last.bottom >= foot[last.page] - layout.page_foot_slack * (
                    line_gap + body
                )
                # A last line short of the column ended its paragraph.
                short_line = last.x1 < left_edge + layout.short_line_ratio * (right - left_edge)
                # After a comma, a capitalised participle opens a new (preambular) paragraph.
                opener = joined.endswith(",") and bool(_OPENER_RE.match(text))
                ended = joined.endswith((".", ":", ";", "!", "?")) or starts_label or opener
                if ended or (
                    text[:1].isupper()
                    and (short_line or not full_page)
                    and not _OPEN_END_RE.search(joined)
                ):
                    flush()
            if new_page and not paragraph:
                builder.end_at_break()
            if not paragraph:
                para_page = p
            paragraph.append(text)
            last = ln
    flush()
    return builder.build()
