r"""declcompare: compare successive diplomatic declarations paragraph by paragraph.

>>> import declcompare
>>> d = declcompare.parse_text("Security\n\nThe member states welcome the talks.\n")
>>> d.paragraphs[0].section
'Security'

Importing the package is cheap: the error classes and the version are loaded at
once, everything else (Pydantic models, NumPy, the aligner, the reports) on first
use of a name, so that ``declcompare --help`` and scripts that only catch errors
start quickly.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from declcompare import rendering
from declcompare.errors import (
    AddressRefusedError,
    BadResponseError,
    BinaryInputError,
    CacheError,
    ChecksumMismatchError,
    ComparisonError,
    CorruptInputError,
    DeclcompareError,
    DownloadTimeoutError,
    DownloadTooLargeError,
    EmptyInputError,
    EncodingError,
    FetchError,
    HTTPStatusError,
    IncompleteDownloadError,
    InputError,
    InputLimitError,
    InputTooLargeError,
    MissingDependencyError,
    OutputError,
    OutputExistsError,
    ParseError,
    RendererMissingError,
    SourceNotFoundError,
    UnexpectedContentError,
)
from declcompare.version import __version__

if TYPE_CHECKING:
    from declcompare.align import CompareOptions
    from declcompare.commitments import (
        Commitment,
        CommitmentChange,
        Entity,
        extract_commitments,
    )
    from declcompare.commitments.lexicon import Stance
    from declcompare.compare import ChangeKind, Comparison, Link, compare
    from declcompare.ingest.options import PdfLayout, ReaderOptions
    from declcompare.many import compare_many
    from declcompare.model import (
        Block,
        BlockKind,
        Declaration,
        DeclarationMeta,
        Metadata,
        Paragraph,
        Section,
        Signatory,
        Source,
        SourceFormat,
        Span,
    )
    from declcompare.parse import load, parse_bytes, parse_text
    from declcompare.report.options import BriefingOptions
    from declcompare.seeds import load_seed
    from declcompare.series import Lineage, LineageState, Series, compare_series

# Where each lazily loaded public name lives.
_LAZY: dict[str, str] = {
    "CompareOptions": "declcompare.align",
    **dict.fromkeys(
        ("Commitment", "CommitmentChange", "Entity", "extract_commitments"),
        "declcompare.commitments",
    ),
    "Stance": "declcompare.commitments.lexicon",
    **dict.fromkeys(("ChangeKind", "Comparison", "Link", "compare"), "declcompare.compare"),
    "compare_many": "declcompare.many",
    **dict.fromkeys(
        (
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
        ),
        "declcompare.model",
    ),
    **dict.fromkeys(("load", "parse_bytes", "parse_text"), "declcompare.parse"),
    "load_seed": "declcompare.seeds",
    **dict.fromkeys(("Lineage", "LineageState", "Series", "compare_series"), "declcompare.series"),
    **dict.fromkeys(("PdfLayout", "ReaderOptions"), "declcompare.ingest.options"),
    "BriefingOptions": "declcompare.report.options",
}


def __getattr__(name: str) -> Any:
    """Load a public name on first use (PEP 562) and keep it."""
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'declcompare' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Surface(types.ModuleType):
    """The package module, keeping ``declcompare.compare`` the function.

    Importing the submodule ``declcompare.compare`` makes Python set the package's
    attribute ``compare`` to that module; the public name is the function, as it was
    when the package imported everything at once, so the function is kept instead.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "compare" and isinstance(value, types.ModuleType):
            value = getattr(value, "compare", value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Surface


def _load_renderers() -> None:
    # The report package registers the models' conveniences (Comparison.to_html() and
    # the like; see declcompare.rendering) when imported: done on the first call.
    import declcompare.report  # noqa: F401


rendering.register_loader(_load_renderers)

__all__ = [
    "AddressRefusedError",
    "BadResponseError",
    "BinaryInputError",
    "Block",
    "BlockKind",
    "BriefingOptions",
    "CacheError",
    "ChangeKind",
    "ChecksumMismatchError",
    "Commitment",
    "CommitmentChange",
    "CompareOptions",
    "Comparison",
    "ComparisonError",
    "CorruptInputError",
    "Declaration",
    "DeclarationMeta",
    "DeclcompareError",
    "DownloadTimeoutError",
    "DownloadTooLargeError",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "FetchError",
    "HTTPStatusError",
    "IncompleteDownloadError",
    "InputError",
    "InputLimitError",
    "InputTooLargeError",
    "Lineage",
    "LineageState",
    "Link",
    "Metadata",
    "MissingDependencyError",
    "OutputError",
    "OutputExistsError",
    "Paragraph",
    "ParseError",
    "PdfLayout",
    "ReaderOptions",
    "RendererMissingError",
    "Section",
    "Series",
    "Signatory",
    "Source",
    "SourceFormat",
    "SourceNotFoundError",
    "Span",
    "Stance",
    "UnexpectedContentError",
    "__version__",
    "compare",
    "compare_many",
    "compare_series",
    "extract_commitments",
    "load",
    "load_seed",
    "parse_bytes",
    "parse_text",
]
