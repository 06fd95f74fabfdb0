"""Reading plain text and Markdown: size, binary and encoding checks.

We never guess an encoding. UTF-8 (with or without a byte-order mark) and
UTF-16 announced by its byte-order mark are accepted; anything else is refused
with the byte offset of the first bad byte, so the user can look at it.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from declcompare.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputLimitError,
    SourceNotFoundError,
)
from declcompare.limits import DEFAULT_LIMITS, InputLimits, check_limit

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_LINE_CHARS",
    "DecodedText",
    "decode_bytes",
]

#: Larger than any declaration or compiled volume we know of (the longest UN
#: resolution in the corpus is about 0.3 MB); a bigger file is almost surely not one.
#: The same as ``InputLimits().max_bytes``, where all bounds are documented.
DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes
#: A "line" longer than this is not prose: minified data, a binary dump, a log.
DEFAULT_MAX_LINE_CHARS = DEFAULT_LIMITS.max_line_chars
#: Bytes read per call while reading a file (the file may grow while we read it).
_CHUNK = 1024 * 1024

# Magic numbers of formats users are likely to hand us by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx, an .xlsx or an .odt file)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Decoded text with what we learned while decoding it."""

    text: str
    encoding: str
    sha256: str


def _where(source: str | None) -> str:
    return f" in {source}" if source else ""


def _effective(
    limits: InputLimits | None, max_bytes: int | None, max_line_chars: int | None = None
) -> InputLimits:
    """``limits``, with the older ``max_bytes``/``max_line_chars`` arguments applied."""
    limits = limits or DEFAULT_LIMITS
    update: dict[str, int] = {}
    if max_bytes is not None and max_bytes != limits.max_bytes:
        update["max_bytes"] = max_bytes
    if max_line_chars is not None and max_line_chars != limits.max_line_chars:
        update["max_line_chars"] = max_line_chars
    return limits.model_copy(update=update) if update else limits


def decode_bytes(
    data: bytes,
    *,
    source: str | None = None,
    max_bytes: int | None = None,
    max_line_chars: int | None = None,
    limits: InputLimits | None = None,
) -> DecodedText:
    """Decode raw bytes to text, refusing empty, binary, oversized or mis-encoded input.

    ``max_bytes`` and ``max_line_chars``, when given, override the fields of the same
    name of ``limits`` (by default :data:`~declcompare.limits.DEFAULT_LIMITS`).
    """
    where = _where(source)
    limits = _effective(limits, max_bytes, max_line_chars)
    max_line_chars = limits.max_line_chars
    check_limit("max_bytes", len(data), limits, what="the input", where=where, unit="bytes")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(
                f"the input{where} is {what}, not text; "
                "export it as plain text (UTF-8) or use a reader for that format"
            )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise EncodingError(
            f"the input{where} starts with a UTF-32 byte-order mark; "
            "UTF-32 is not read: re-save the file as UTF-8",
            offset=0,
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
        nul = data.find(b"\x00", 0, 65536)
        if nul >= 0:
            raise BinaryInputError(
                f"the input{where} contains a NUL byte at byte offset {nul}: it is binary "
                "data, not text; export the declaration as plain text (UTF-8)"
            )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise EncodingError(
            f"the input{where} is not valid {encoding.upper().replace('-SIG', '')}: "
            f"byte offset {exc.start} (line {line}) holds bytes {bad}; "
            "re-save the file as UTF-8",
            offset=exc.start,
        ) from exc
    if encoding.startswith("utf-8-sig") or encoding == "utf-16":
        text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyInputError(
            f"the input{where} is empty or holds only whitespace; there is nothing to parse"
        )
    nul_char = text.find("\x00")
    if nul_char >= 0:
        raise BinaryInputError(
            f"the input{where} decodes to text holding a NUL character at character "
            f"{nul_char}: it is binary data, not a declaration"
        )
    control = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if control > max(8, len(text[:65536]) // 100):
        raise BinaryInputError(
            f"the input{where} holds {control} control characters in its first "
            f"{min(len(text), 65536):,} characters: it looks like binary data, not text"
        )
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        if end - start > max_line_chars:
            line_no = text.count("\n", 0, start) + 1
            longest = end - start
            raise InputLimitError(
                what=f"line {line_no}{where}",
                limit="max_line_chars",
                value=longest,
                maximum=max_line_chars,
                unit="characters",
                hint="a declaration has paragraphs separated by line breaks, so this is "
                "probably not one; if it is genuine, raise the limit: pass limits="
                f"InputLimits(max_line_chars={max(2 * max_line_chars, longest):_}) to load()",
            )
        start = end + 1
    return DecodedText(text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = None,
    limits: InputLimits | None = None,
) -> bytes:
    """Read a regular file's bytes, with a clear error for every way that can fail.

    Only regular files are read: a directory, a FIFO, a device or a socket is refused
    before any byte is read (a FIFO would block, ``/dev/zero`` never ends). At most
    ``limits.max_bytes + 1`` bytes are read, even from a file that grows meanwhile.
    """
    p = Path(path)
    limits = _effective(limits, max_bytes)
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise block right here.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise SourceNotFoundError(
            f"no such file: {str(p)!r}; check the path and try again"
        ) from exc
    except IsADirectoryError as exc:  # Windows cannot open a directory
        raise SourceNotFoundError(
            f"{str(p)!r} is a directory; give the path of a declaration file"
        ) from exc
    except PermissionError as exc:
        raise SourceNotFoundError(f"cannot read {str(p)!r}: permission denied") from exc
    except OSError as exc:
        raise SourceNotFoundError(f"cannot read {str(p)!r}: {exc.strerror or exc}") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise SourceNotFoundError(
                f"{str(p)!r} is a directory; give the path of a declaration file"
            )
        raise SourceNotFoundError(
            f"{str(p)!r} is {_kind_of(mode)}, not a regular file; only regular files are "
            "read (copy the data to a file first)"
        )
    with os.fdopen(fd, "rb", buffering=0) as file:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        check_limit("max_bytes", os.fstat(fd).st_size, limits, what=repr(str(p)), unit="bytes")
        chunks: list[bytes] = []
        total = 0
        try:
            while total <= limits.max_bytes:
                chunk = file.read(min(_CHUNK, limits.max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise SourceNotFoundError(f"cannot read {str(p)!r}: {exc.strerror or exc}") from exc
    check_limit("max_bytes", total, limits, what=repr(str(p)), unit="bytes", at_least=True)
    return b"".join(chunks)
