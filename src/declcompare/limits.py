"""How much of an input declcompare reads and expands before it refuses it.

A file can be small on disk and enormous once read: a zip bomb in a Word
document, a flate bomb in a PDF, millions of empty paragraphs, markup nested
thousands of levels deep, a list that starts at 99999999999. Every reader
checks its input against one :class:`InputLimits` before it expands it, and a
breach raises :class:`~declcompare.errors.InputLimitError` naming the limit,
the value found and how to raise it.

>>> from declcompare.limits import InputLimits
>>> InputLimits().max_bytes
33554432
>>> InputLimits(max_depth=2000).max_depth
2000

The defaults are far above any real declaration (the largest UN resolution
of the reference corpus is about 0.3 MB of text) and far below what would
exhaust a small machine: every default input is read in under 10 s and 1 GiB
(see ``benchmarks/hostile/results.md``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from declcompare.errors import InputLimitError

__all__ = ["DEFAULT_LIMITS", "HTML_PARSER_MAX_DEPTH", "InputLimits", "check_limit"]

#: lxml (libxml2) builds an HTML tree at most this deep, even with ``huge_tree``;
#: deeper markup is cut off silently, so a tree this deep is treated as cut.
HTML_PARSER_MAX_DEPTH = 2048


class InputLimits(BaseModel):
    """Bounds on one input, checked before it is expanded.

    Pass one as ``limits=`` to :func:`~declcompare.parse.load`,
    :func:`~declcompare.parse.parse_bytes` or :func:`~declcompare.parse.parse_text`
    (or to a reader: :func:`~declcompare.ingest.text.read_bytes`,
    :func:`~declcompare.ingest.text.decode_bytes`,
    :func:`~declcompare.ingest.readers.extract`); on the command line, give
    ``--limit NAME=VALUE`` (repeatable).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(
        32 * 1024 * 1024,
        ge=1,
        description=(
            "Raw bytes of a file (default 32 MiB, 100 times the longest UN resolution of "
            "the corpus; a bigger file is almost surely not one declaration). At most this "
            "many bytes plus one are ever read."
        ),
    )
    max_line_chars: int = Field(
        200_000,
        ge=1,
        description=(
            "Characters of one line of a text file (default 200,000): a longer line is "
            "minified data, a binary dump or a log, not prose."
        ),
    )
    max_decompressed_bytes: int = Field(
        128 * 1024 * 1024,
        ge=1,
        description=(
            "Bytes a Word document's zip members, or a PDF's compressed streams, may expand "
            "to in total (default 128 MiB: four times the raw limit, room for embedded "
            "images; a zip or flate bomb expands a thousand times). Checked against the "
            "sizes a zip declares and counted while decompressing."
        ),
    )
    max_elements: int = Field(
        1_000_000,
        ge=1,
        description=(
            "XML or HTML elements in one document part (default 1,000,000; a 300-page "
            "Word document has about 150,000). Bounds the time spent building paragraphs "
            "out of millions of empty ones."
        ),
    )
    max_depth: int = Field(
        1_000,
        ge=1,
        lt=HTML_PARSER_MAX_DEPTH,
        description=(
            "Nesting depth of HTML or XML elements (default 1,000; real pages nest a few "
            "dozen levels). Must stay below 2,048, the depth at which lxml silently cuts "
            "an HTML tree, so that a cut tree is always reported. Word parts are "
            "further limited to 256 levels by python-docx's parser."
        ),
    )
    max_list_number: int = Field(
        32_767,
        ge=1,
        description=(
            "Largest number a list may start at or count to (default 32,767, the largest "
            "start Word accepts). A Word label in letters or roman numerals grows with the "
            "number ('zzz…'), so a start of 99999999999 would exhaust memory."
        ),
    )
    max_xml_entities: int = Field(
        0,
        ge=0,
        description=(
            "Entity declarations a document type definition (DTD) inside a Word XML part "
            "may hold (default 0: Word never writes one, and entity bombs and XXE attacks "
            "need one). Entities are never expanded and external ones never fetched, even "
            "when this is raised; raising it only lets such a part be read."
        ),
    )
    max_front_matter_bytes: int = Field(
        64 * 1024,
        ge=1,
        description=(
            "Bytes of a Markdown file's YAML front matter (default 64 KiB; real front "
            "matter is a few lines). Bounds alias bombs, which expand a few hundred bytes "
            "into gigabytes."
        ),
    )
    max_front_matter_nodes: int = Field(
        10_000,
        ge=1,
        description=(
            "Values (YAML nodes) the front matter may hold once its aliases are expanded "
            "(default 10,000; real front matter holds a dozen). An alias bomb of 350 bytes "
            "expands to hundreds of millions; it is counted on the parsed graph, before "
            "any value is built."
        ),
    )


#: The limits used when a reader is given none.
DEFAULT_LIMITS = InputLimits()


def check_limit(
    field: str,
    value: int,
    limits: InputLimits,
    *,
    what: str,
    where: str = "",
    unit: str = "",
    at_least: bool = False,
) -> None:
    """Raise :class:`InputLimitError` when ``value`` exceeds ``limits.<field>``.

    ``what`` names the measured thing ("the decompressed Word document"), ``where``
    the input (" in report.docx") and ``unit`` the unit of ``value`` ("bytes");
    ``at_least`` says that counting stopped early, so ``value`` is a lower bound.
    """
    maximum: int = getattr(limits, field)
    if value > maximum:
        raise InputLimitError(
            what=what + where,
            limit=field,
            value=value,
            maximum=maximum,
            unit=unit,
            at_least=at_least,
        )
