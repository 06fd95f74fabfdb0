"""Bad input gets a clear, typed error that says what and where — never anything else."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import declcompare
from declcompare.errors import (
    BinaryInputError,
    DeclcompareError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    SourceNotFoundError,
)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceNotFoundError, match="no such file") as info:
        declcompare.load(missing)
    assert str(missing) in str(info.value)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="is a directory"):
        declcompare.load(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_or_whitespace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError, match="empty or holds only whitespace"):
        declcompare.load(path)


def test_binary_with_nul(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"The member states\x00\x01\x02 agree.")
    with pytest.raises(BinaryInputError, match="NUL byte at byte offset 17"):
        declcompare.load(path)


@pytest.mark.parametrize(
    ("magic", "what"),
    [(b"PK\x03\x04rest", "ZIP"), (b"\x89PNG\r\n", "PNG")],
)
def test_known_binary_formats_are_named(tmp_path: Path, magic: bytes, what: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(magic)
    with pytest.raises(BinaryInputError, match=what):
        declcompare.load(path)


def test_a_broken_pdf_is_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"  # the bytes decide, not the suffix
    path.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(declcompare.CorruptInputError, match="PDF"):
        declcompare.load(path)


def test_invalid_utf8_reports_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = "Security\n\nThe member states welcome the café.\n".encode("latin-1")
    path.write_bytes(data)
    with pytest.raises(EncodingError) as info:
        declcompare.load(path)
    offset = data.index(b"\xe9")
    assert info.value.offset == offset
    assert f"byte offset {offset} (line 3)" in str(info.value)
    assert "UTF-8" in str(info.value)


def test_utf8_with_bom_is_read_and_spans_exclude_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Security\n\nThe member states agree.\n")
    d = declcompare.load(path)
    assert d.source.encoding == "utf-8-sig"
    assert d.paragraphs[0].text == "The member states agree."
    assert d.paragraphs[0].spans[0].start == len("Security\n\n")


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Security\n\nThe member states agree.\n".encode("utf-16"))
    d = declcompare.load(path)
    assert d.paragraphs[0].text == "The member states agree."


def test_huge_single_line_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (50 * 1024 * 1024))
    with pytest.raises(InputTooLargeError, match="more than the limit"):
        declcompare.load(path)


def test_long_line_under_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"Intro\n\n" + b"word " * 100_000)
    with pytest.raises(
        InputTooLargeError,
        match=r"line 3 .* characters, more than the limit .*InputLimits\.max_line_chars",
    ):
        declcompare.load(path)


def test_control_characters_are_refused() -> None:
    with pytest.raises(BinaryInputError, match="control characters"):
        declcompare.parse_bytes(bytes(range(1, 32)) * 20)


def test_errors_share_one_root_and_are_value_errors(tmp_path: Path) -> None:
    with pytest.raises(DeclcompareError):
        declcompare.load(tmp_path / "missing")
    assert issubclass(EncodingError, ValueError)


def test_parse_text_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="use load"):
        declcompare.parse_text(b"bytes")  # type: ignore[arg-type]


def test_empty_text() -> None:
    with pytest.raises(EmptyInputError):
        declcompare.parse_text(" \n ")
