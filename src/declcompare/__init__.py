r"""declcompare: compare successive diplomatic declarations paragraph by paragraph.

>>> import declcompare
>>> d = declcompare.parse_text("Security\n\nThe member states welcome the talks.\n")
>>> d.paragraphs[0].section
'Security'
"""

from __future__ import annotations

from declcompare.align import CompareOptions
from declcompare.commitments import (
    Commitment,
    CommitmentChange,
    Entity,
    extract_commitments,
)
from declcompare.compare import ChangeKind, Comparison, Link, compare
from declcompare.errors import (
    BinaryInputError,
    ComparisonError,
    CorruptInputError,
    DeclcompareError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputLimitError,
    InputTooLargeError,
    MissingDependencyError,
    OutputError,
    OutputExistsError,
    ParseError,
    SourceNotFoundError,
)
from declcompare.lexicon import Stance
from declcompare.many import compare_many
from declcompare.model import (
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
from declcompare.parse import load, parse_bytes, parse_text
from declcompare.seeds import load_seed
from declcompare.series import Lineage, Series, compare_series

__version__ = "0.1.0"

__all__ = [
    "BinaryInputError",
    "Block",
    "BlockKind",
    "ChangeKind",
    "Commitment",
    "CommitmentChange",
    "CompareOptions",
    "Comparison",
    "ComparisonError",
    "CorruptInputError",
    "Declaration",
    "DeclarationMeta",
    "DeclcompareError",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "InputError",
    "InputLimitError",
    "InputTooLargeError",
    "Lineage",
    "Link",
    "MissingDependencyError",
    "OutputError",
    "OutputExistsError",
    "Paragraph",
    "ParseError",
    "Section",
    "Series",
    "Signatory",
    "Source",
    "SourceNotFoundError",
    "Span",
    "Stance",
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
