r"""declcompare: compare successive diplomatic declarations paragraph by paragraph.

>>> import declcompare
>>> d = declcompare.parse_text("Security\n\nThe member states welcome the talks.\n")
>>> d.paragraphs[0].section
'Security'
"""

from __future__ import annotations

# Imported for its effect: the report package registers the models' renderers
# (Comparison.to_html() and the like; see declcompare.rendering).
import declcompare.report  # noqa: F401
from declcompare.align import CompareOptions
from declcompare.commitments import (
    Commitment,
    CommitmentChange,
    Entity,
    extract_commitments,
)
from declcompare.commitments.lexicon import Stance
from declcompare.compare import ChangeKind, Comparison, Link, compare
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
from declcompare.version import __version__

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
