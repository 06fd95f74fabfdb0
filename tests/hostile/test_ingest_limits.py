"""InputLimits: documented defaults, typed breaches naming the limit, and limits= honoured."""

from __future__ import annotations

import os
import pickle
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

import declcompare
from declcompare import DeclcompareError, InputLimitError, InputTooLargeError, SourceNotFoundError
from declcompare.ingest.docx import read_docx
from declcompare.ingest.html import read_html
from declcompare.ingest.pdf import read_pdf
from declcompare.ingest.readers import extract
from declcompare.ingest.text import decode_bytes, read_bytes
from declcompare.limits import DEFAULT_LIMITS, InputLimits
from tests.hostile.corpus import _TEXT_OPS, _footnotes, _nested_paragraphs, _numbered, _pdf
from tests.hostile.corpus import docx_package as _docx


def test_every_limit_documents_its_default_and_reason() -> None:
    for name, field in InputLimits.model_fields.items():
        assert field.description, name
        assert "default" in field.description, name
        default = field.default
        assert isinstance(default, int)
        assert (
            f"{default:,}" in field.description
            or "MiB" in field.description
            or ("KiB" in field.description)
        ), name


def test_limits_are_frozen_and_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        DEFAULT_LIMITS.max_bytes = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        InputLimits(max_everything=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="less than 2048"):
        InputLimits(max_depth=5000)  # lxml cuts HTML trees at 2,048 levels without a word


def test_limit_error_names_the_limit_the_value_and_how_to_raise_it() -> None:
    with pytest.raises(InputLimitError) as caught:
        read_html(_nested_paragraphs(1200), source="deep.html")
    error = caught.value
    assert isinstance(error, InputTooLargeError)
    assert (error.limit, error.maximum) == ("max_depth", 1000)
    assert error.value > 1000
    message = str(error)
    assert "deep.html" in message
    assert "InputLimits.max_depth" in message
    assert "limits=InputLimits(max_depth=" in message


def test_limit_error_pickles_with_its_attributes() -> None:
    with pytest.raises(InputLimitError) as caught:
        read_html(_nested_paragraphs(1200))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is InputLimitError
    assert str(copy) == str(caught.value)
    assert (copy.limit, copy.value, copy.maximum) == (
        caught.value.limit,
        caught.value.value,
        caught.value.maximum,
    )


def test_raising_a_limit_reads_the_input() -> None:
    page = _nested_paragraphs(1200)
    extracted = read_html(page, limits=InputLimits(max_depth=1500))
    assert extracted.text.count("agree.") == 1200


def test_extract_passes_limits_to_every_reader() -> None:
    tight = InputLimits(max_decompressed_bytes=10)
    page = b"<html><body><main>" + b"<p>We agree.</p>" * 10 + b"</main></body></html>"
    with pytest.raises(InputLimitError, match="max_elements"):
        extract(page, "html", limits=InputLimits(max_elements=5))
    with pytest.raises(InputLimitError, match="max_decompressed_bytes"):
        extract(_docx(), "docx", limits=tight)
    with pytest.raises(InputLimitError, match="max_decompressed_bytes"):
        extract(_pdf(zlib.compress(_TEXT_OPS)), "pdf", limits=tight)
    assert "agree" in extract(_pdf(zlib.compress(_TEXT_OPS)), "pdf").text


def test_docx_elements_limit_counts_before_python_docx() -> None:
    data = _docx("<w:p><w:r><w:t>We agree.</w:t></w:r></w:p>" * 3000)
    with pytest.raises(InputLimitError, match=r"word/document\.xml") as caught:
        read_docx(data, limits=InputLimits(max_elements=5000))
    assert caught.value.limit == "max_elements"
    assert read_docx(data).text.count("We agree.") == 3000


def test_docx_list_counting_past_the_limit_is_refused() -> None:
    data = _numbered("32767")
    assert read_docx(data).text.startswith("(")
    with pytest.raises(InputLimitError, match="max_list_number"):
        read_docx(data, limits=InputLimits(max_list_number=100))


def test_docx_entities_are_never_expanded_even_when_allowed() -> None:
    dtd = '<!DOCTYPE w:footnotes [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    data = _docx(footnotes=_footnotes(dtd, "Before &xxe; after."))
    with pytest.raises(InputLimitError, match="max_xml_entities"):
        read_docx(data)
    text = read_docx(data, limits=InputLimits(max_xml_entities=1)).text
    assert "Before" in text
    assert "root:" not in text


def test_pdf_bomb_is_refused_by_counting_not_by_inflating() -> None:
    bomb = _pdf(zlib.compress(b" " * (40 * 1024 * 1024), 9))
    with pytest.raises(InputLimitError, match="max_decompressed_bytes") as caught:
        read_pdf(bomb, limits=InputLimits(max_decompressed_bytes=8 * 1024 * 1024))
    assert caught.value.at_least  # counting stopped at the limit: nothing more was inflated


def test_read_bytes_never_reads_more_than_the_limit_plus_one(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"We agree.\n" * 1000)
    with pytest.raises(InputLimitError, match="max_bytes"):
        read_bytes(path, limits=InputLimits(max_bytes=100))
    with pytest.raises(InputTooLargeError, match="more than the limit of 100 bytes"):
        read_bytes(path, max_bytes=100)  # the older argument still works
    assert len(read_bytes(path)) == 10_000


def test_decode_takes_limits(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"The parties agree on a long line.\n")
    with pytest.raises(InputLimitError, match="max_bytes"):
        decode_bytes(path.read_bytes(), limits=InputLimits(max_bytes=10))
    with pytest.raises(InputTooLargeError, match="characters, more than the limit"):
        decode_bytes(read_bytes(path), limits=InputLimits(max_line_chars=10))
    assert decode_bytes(read_bytes(path)).text.startswith("The parties")


def _in_thread(call: Callable[[], object], seconds: float = 5.0) -> BaseException | None:
    """Run ``call`` in a thread; fail when it does not return within ``seconds``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:  # the error is the outcome we check
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"the call did not return within {seconds} s (it blocks)"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "declaration.txt"
    os.mkfifo(fifo)
    error = _in_thread(lambda: declcompare.load(fifo))
    assert isinstance(error, SourceNotFoundError)
    assert "named pipe (FIFO)" in str(error)
    assert "only regular files are read" in str(error)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused_before_any_read() -> None:
    error = _in_thread(lambda: declcompare.load("/dev/zero"))
    assert isinstance(error, SourceNotFoundError)
    assert "character device" in str(error)


def test_every_reader_error_is_a_declcompare_error() -> None:
    # One per reader: the classes a caller catches are all in the tree.
    calls: list[Callable[[], object]] = [
        lambda: read_html(b"<html><head><meta charset='base64'></head><body>x</body></html>"),
        lambda: read_docx(_docx(footnotes=b"<w:footnotes><broken>")),
        lambda: read_pdf(b"%PDF-1.4\ngarbage"),
    ]
    for call in calls:
        with pytest.raises(DeclcompareError):
            call()
