"""Errors raised by declcompare.

Every failure the library reports is a subclass of one root, so a caller can
catch ``DeclcompareError`` and know it has caught everything we raise on
purpose::

    DeclcompareError
    ├── InputError (ValueError)            the input cannot be read as a declaration
    │   ├── SourceNotFoundError            the path does not exist or is not a file
    │   ├── EmptyInputError                nothing but whitespace
    │   ├── BinaryInputError               binary data (or a format we cannot read yet)
    │   ├── EncodingError                  bytes that are not valid UTF-8 / UTF-16 with BOM
    │   ├── CorruptInputError              a damaged PDF, Word or HTML file, or one without text
    │   └── InputTooLargeError             beyond the size or line-length limits
    │       └── InputLimitError            beyond a bound of InputLimits (declcompare.limits)
    ├── ParseError (ValueError)            text read, but its structure is unusable
    ├── ComparisonError (ValueError)       the comparison cannot be made as asked
    ├── OutputError                        a report cannot be written
    │   └── OutputExistsError              the output file exists and --force was not given
    ├── MissingDependencyError (ImportError)  an optional extra is not installed
    ├── RendererMissingError (LookupError)    no renderer for this object and format
    └── FetchError                         a download failed; nothing was recorded
        ├── AddressRefusedError            not https (or http allowed by the manifest), or malformed
        ├── HTTPStatusError                the server answered with an HTTP error status
        ├── DownloadTimeoutError           the whole download took longer than its deadline
        ├── BadResponseError               not valid HTTP: status line, headers, encoding
        │   └── IncompleteDownloadError    the body ended before Content-Length or the last chunk
        ├── DownloadTooLargeError (InputTooLargeError)  more bytes than one declaration may have
        ├── UnexpectedContentError         not a document we read, or bytes unlike their type
        ├── ChecksumMismatchError          the bytes differ from their recorded checksum
        └── CacheError                     the cache folder or its index cannot be used

Messages say what failed, where (file, byte offset, line, paragraph id) and
how to fix it. Every error pickles (so it crosses process boundaries intact):
the root's ``__reduce__`` restores the arguments and attributes without calling
``__init__`` again, whatever a subclass's constructor takes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AddressRefusedError",
    "BadResponseError",
    "BinaryInputError",
    "CacheError",
    "ChecksumMismatchError",
    "ComparisonError",
    "CorruptInputError",
    "DeclcompareError",
    "DownloadTimeoutError",
    "DownloadTooLargeError",
    "EmptyInputError",
    "EncodingError",
    "FetchError",
    "HTTPStatusError",
    "IncompleteDownloadError",
    "InputError",
    "InputLimitError",
    "InputTooLargeError",
    "MissingDependencyError",
    "OutputError",
    "OutputExistsError",
    "ParseError",
    "RendererMissingError",
    "SourceNotFoundError",
    "UnexpectedContentError",
]


def _restore(
    cls: type[DeclcompareError], args: tuple[object, ...], state: dict[str, Any]
) -> DeclcompareError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class DeclcompareError(Exception):
    """Root of every error declcompare raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls cls(*args), which fails for subclasses
        # whose constructors take keywords (EncodingError, MissingDependencyError).
        return _restore, (type(self), self.args, dict(self.__dict__))


class InputError(DeclcompareError, ValueError):
    """The input cannot be read as a declaration."""


class SourceNotFoundError(InputError):
    """The path does not exist, or is a directory rather than a file."""


class EmptyInputError(InputError):
    """The input holds nothing but whitespace."""


class BinaryInputError(InputError):
    """The input is binary data, or a format that needs an optional reader."""


class EncodingError(InputError):
    """The bytes are not valid UTF-8 (with or without BOM) or BOM-marked UTF-16."""

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class CorruptInputError(InputError):
    """A PDF, Word or HTML file is damaged, or holds no text that could be read."""


class InputTooLargeError(InputError):
    """The input exceeds the size or line-length limit."""


class ParseError(DeclcompareError, ValueError):
    """The text was read but its structure cannot be used."""


class ComparisonError(DeclcompareError, ValueError):
    """The comparison cannot be made with the arguments given."""


class OutputError(DeclcompareError):
    """A report or output file cannot be written."""


class OutputExistsError(OutputError):
    """The output path exists and overwriting was not requested."""


class MissingDependencyError(DeclcompareError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, feature: str, *, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {module!r}, which is not installed. "
            f"Install it with: pip install 'declcompare[{extra}]'"
        )
        self.extra = extra
        self.module = module


class RendererMissingError(DeclcompareError, LookupError):
    """No renderer is registered for a kind of object and a format (see rendering)."""

    def __init__(self, subject: str, fmt: str) -> None:
        super().__init__(
            f"no {fmt} renderer is registered for {subject}: import declcompare.report "
            "(importing declcompare does so)"
        )
        self.subject = subject
        self.fmt = fmt


class FetchError(DeclcompareError):
    """A download failed; the message names the address and the reason."""


class AddressRefusedError(FetchError):
    """The address is not one fetch may download: not https (or http where the manifest
    allows it), a local file or data address, or one with spaces or control characters."""


class HTTPStatusError(FetchError):
    """The server answered with an HTTP error status (404, 500 ...)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class DownloadTimeoutError(FetchError):
    """The whole download (connection, headers and body) exceeded its deadline."""


class BadResponseError(FetchError):
    """The answer is not valid HTTP: a garbage status line, too many or too long headers,
    broken chunks or a content encoding that cannot be decoded."""


class IncompleteDownloadError(BadResponseError):
    """The body ended before the announced Content-Length or the last chunk."""


class DownloadTooLargeError(FetchError, InputTooLargeError):
    """The server sent more bytes than one declaration may have."""


class UnexpectedContentError(FetchError):
    """The answer is not a document declcompare reads (an image, a script ...), or its
    bytes do not match the content type it was sent with."""


class ChecksumMismatchError(FetchError):
    """The bytes differ from the checksum recorded for them."""


class CacheError(FetchError):
    """The cache folder cannot be written, or its index is malformed."""


# Input limits


class InputLimitError(InputTooLargeError):
    """The input breaches one of the bounds of :class:`~declcompare.limits.InputLimits`.

    ``limit`` is the field's name (``"max_decompressed_bytes"``), ``value`` what was
    found (a lower bound when counting stopped at the limit) and ``maximum`` the bound.
    """

    def __init__(
        self,
        *,
        what: str,
        limit: str,
        value: int,
        maximum: int,
        unit: str = "",
        at_least: bool = False,
        hint: str | None = None,
    ) -> None:
        unit_ = f" {unit}" if unit else ""
        found = f"at least {value:,}" if at_least else f"{value:,}"
        if hint is None:
            hint = (
                f"if the input is genuine, raise it: pass limits=InputLimits({limit}="
                f"{max(2 * maximum, value):_}) to load(), parse_bytes() or the reader"
            )
        super().__init__(
            f"{what} is {found}{unit_}, more than the limit of {maximum:,}{unit_} "
            f"(InputLimits.{limit}); {hint}"
        )
        self.what = what
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.unit = unit
        self.at_least = at_least
        self.hint = hint

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: rebuild from a dict so the error pickles (multiprocessing).
        return (
            _rebuild_input_limit_error,
            (self.what, self.limit, self.value, self.maximum, self.unit, self.at_least, self.hint),
        )


def _rebuild_input_limit_error(
    what: str, limit: str, value: int, maximum: int, unit: str, at_least: bool, hint: str
) -> InputLimitError:
    return InputLimitError(
        what=what,
        limit=limit,
        value=value,
        maximum=maximum,
        unit=unit,
        at_least=at_least,
        hint=hint,
    )
