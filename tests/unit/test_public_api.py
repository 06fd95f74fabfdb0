"""The public surface changes only on purpose: update this list in the same commit."""

from __future__ import annotations

import declcompare

PUBLIC = [
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


def test_public_names_are_exactly_these() -> None:
    assert declcompare.__all__ == PUBLIC


def test_all_is_sorted_and_resolvable() -> None:
    assert declcompare.__all__ == sorted(declcompare.__all__)
    for name in declcompare.__all__:
        assert hasattr(declcompare, name), name
