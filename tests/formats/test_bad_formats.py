"""Bad published files get one clear, typed error each (generated inputs, not real texts)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from declcompare import (
    CorruptInputError,
    DeclcompareError,
    InputError,
    InputTooLargeError,
    MissingDependencyError,
    load,
    load_seed,
    parse_bytes,
)
from declcompare.cli import main
from tests.formats.render import to_docx, to_html, to_pdf


def _pdf(draw: object, **kwargs: object) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, **kwargs)
    draw(c)  # type: ignore[operator]
    c.save()
    return buffer.getvalue()


def test_encrypted_pdf() -> None:
    data = _pdf(lambda c: c.drawString(72, 720, "Generated secret text."), encrypt="secret")
    with pytest.raises(InputError, match="encrypted"):
        parse_bytes(data, name="locked.pdf")


def test_image_only_pdf_says_ocr_is_needed() -> None:
    data = _pdf(lambda c: c.rect(72, 72, 300, 300, fill=1))
    with pytest.raises(InputError, match="OCR"):
        parse_bytes(data, name="scan.pdf")


def test_corrupt_pdf() -> None:
    data = to_pdf(load_seed())
    with pytest.raises(DeclcompareError) as caught:
        parse_bytes(data[:1500], name="cut.pdf")
    assert isinstance(caught.value, CorruptInputError)


def test_corrupt_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "this is not XML")
    with pytest.raises(CorruptInputError, match="damaged"):
        parse_bytes(buffer.getvalue(), name="broken.docx")


def test_html_without_main_text() -> None:
    page = (
        b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav>"
        b"<footer>(c)</footer></body></html>"
    )
    with pytest.raises(CorruptInputError, match="no recognisable main text"):
        parse_bytes(page, name="empty.html")


def test_html_declared_encoding_is_honoured() -> None:
    page = (
        "<html><head><meta charset='windows-1252'></head><body><main><h2>Caf\u00e9 section</h2>"
        "<p>The member states welcome the caf\u00e9 talks &amp; the r\u00e9sum\u00e9.</p>"
        "</main></body></html>"
    ).encode("cp1252")
    d = parse_bytes(page, name="generated.html")
    assert d.headings == ("Caf\u00e9 section",)
    assert (
        d.paragraphs[0].text
        == "The member states welcome the caf\u00e9 talks & the r\u00e9sum\u00e9."
    )


def test_br_separated_lines_are_paragraphs() -> None:
    page = (
        b"<html><body><div class='text'><p>First generated line.<br>Second generated line."
        b"<br><br>Third generated line.</p></div></body></html>"
    )
    d = parse_bytes(page, name="generated.html")
    assert [p.text for p in d.paragraphs] == [
        "First generated line.",
        "Second generated line.",
        "Third generated line.",
    ]


def test_huge_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(to_pdf(load_seed()))
    with pytest.raises(InputTooLargeError, match="more than the limit"):
        load(path, max_bytes=10_000)


@pytest.mark.parametrize(
    ("module", "render", "extra"),
    [
        ("lxml.html", to_html, "html"),
        ("pdfminer.high_level", to_pdf, "pdf"),
        ("docx", to_docx, "docx"),
    ],
)
def test_missing_reader_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, render: object, extra: str
) -> None:
    data = render(load_seed())  # type: ignore[operator]
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingDependencyError, match=rf"declcompare\[{extra}\]"):
        parse_bytes(data, name=f"generated.{extra}")


def test_cli_compares_across_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = load_seed()
    (tmp_path / "a.pdf").write_bytes(to_pdf(seed))
    (tmp_path / "b.html").write_bytes(to_html(seed))
    assert main(["compare", str(tmp_path / "a.pdf"), str(tmp_path / "b.html")]) == 0
    assert "Paragraphs by change" in capsys.readouterr().out
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    assert main(["show", str(tmp_path / "bad.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("declcompare: error:")
    assert err.count("\n") == 1


def test_docx_tables_are_read_as_paragraphs() -> None:
    import docx

    document = docx.Document()
    document.add_heading("Generated section", level=1)
    document.add_paragraph("The member states welcome the generated talks.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Generated cell one."
    table.cell(0, 1).text = "Generated cell two."
    table.cell(1, 0).text = "Generated cell three."
    table.cell(1, 1).text = "Generated cell four."
    document.add_paragraph("1. Generated closing paragraph.")
    buffer = io.BytesIO()
    document.save(buffer)
    d = parse_bytes(buffer.getvalue(), name="generated.docx")
    assert [p.text for p in d.paragraphs] == [
        "The member states welcome the generated talks.",
        "Generated cell one.",
        "Generated cell two.",
        "Generated cell three.",
        "Generated cell four.",
        "1. Generated closing paragraph.",
    ]
    assert d.paragraphs[1].provenance is not None
    assert d.paragraphs[1].provenance.endswith("(table)")


def test_docx_footnotes_are_kept_as_footnotes() -> None:
    import docx

    document = docx.Document()
    document.add_heading("Generated section", level=1)
    document.add_paragraph("The member states welcome the generated talks.")
    buffer = io.BytesIO()
    document.save(buffer)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Generated footnote text.</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    rel = (
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", notes)
    d = parse_bytes(out.getvalue(), name="generated.docx")
    assert [p.text for p in d.paragraphs] == ["The member states welcome the generated talks."]
    assert [b.text for b in d.blocks if b.kind.value == "footnote"] == [
        "1 Generated footnote text."
    ]
