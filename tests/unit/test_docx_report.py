"""The Word redline, read back from its XML: accept all is the new text, reject all the old.

The seed is real text; its revisions and the declarations built from strings here are
generated, and labelled so. The UN pair is real (skipped without ../shared).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from declcompare import Comparison, Declaration, OutputError, OutputExistsError, compare
from declcompare.cli import main
from declcompare.parse import load
from declcompare.report import format_for
from declcompare.report.content import SHIFTS
from declcompare.report.docx import REDLINE_HEADING, to_docx_bytes
from declcompare.seeds import load_seed
from declcompare.synth import demo_donors, generate_revision
from tests.golden.cases import UN_PAIR
from tests.helpers import UNGA, need_corpus

pytest.importorskip("docx", reason="the docx extra is not installed")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def body(data: bytes, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def redline_paragraphs(root: etree._Element) -> list[etree._Element]:
    paragraphs: list[etree._Element] = root.findall(".//w:body/w:p", NS)
    texts = ["".join(p.itertext()) for p in paragraphs]
    start = texts.index(REDLINE_HEADING)
    return paragraphs[start + 2 :]  # the heading, then one line saying how to read it


def resolve(data: bytes, accept: bool) -> list[str]:
    """The paragraphs Word shows after accepting (or rejecting) every revision."""
    drop = "del" if accept else "ins"
    out: list[str] = []
    pending = ""
    for p in redline_paragraphs(body(data)):
        text = ""
        for node in p.iter():
            inside = {a.tag for a in node.iterancestors()}
            if q(drop) in inside:
                continue
            if node.tag in (q("t"), q("delText")):
                text += node.text or ""
            elif node.tag == q("br"):
                text += "\n"
            elif node.tag == q("tab"):
                text += "\t"
        pending += text
        if p.find(f"w:pPr/w:rPr/w:{drop}", NS) is not None:
            continue  # this paragraph mark goes: the paragraph joins the next
        out.append(pending)
        pending = ""
    assert pending == ""
    return out


def assert_round_trip(comparison: Comparison) -> bytes:
    data = to_docx_bytes(comparison)
    assert resolve(data, accept=True) == [p.text for p in comparison.new.paragraphs]
    assert resolve(data, accept=False) == [p.text for p in comparison.old.paragraphs]
    return data


@cache
def demo() -> Comparison:
    seed = load_seed()
    return compare(seed, generate_revision(seed, seed=2020, donors=demo_donors()).declaration)


def test_seed_against_a_generated_revision_round_trips() -> None:
    comparison = demo()
    kinds = {k.kind.value for k in comparison.links}
    assert {"reworded", "added", "dropped", "merged"} <= kinds
    assert any(k.moved for k in comparison.links)
    data = assert_round_trip(comparison)
    root = body(data)
    assert root.findall(".//w:ins", NS)
    assert root.findall(".//w:del", NS)


@pytest.mark.parametrize("seed", range(6))
def test_generated_revisions_round_trip(seed: int) -> None:
    original = load_seed()
    revision = generate_revision(original, seed=seed, donors=demo_donors()).declaration
    assert_round_trip(compare(original, revision))


def test_shuffled_and_edited_paragraphs_round_trip() -> None:
    texts = [p.text for p in load_seed().paragraphs[:40]]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = list(texts)
        for _ in range(4):
            shuffled.insert(rng.randrange(len(shuffled)), shuffled.pop(rng.randrange(40)))
        shuffled[3] = shuffled[3].replace("the", "The", 1) + " Generated addition.\tTab."
        shuffled.insert(10, "Generated paragraph\nwith a line break.")
        del shuffled[20]
        old = Declaration.from_paragraphs(texts, title="generated")
        new = Declaration.from_paragraphs(shuffled, title="generated")
        assert_round_trip(compare(old, new))


@pytest.mark.corpus
def test_real_un_pair_round_trips() -> None:
    need_corpus()
    folder = UNGA / UN_PAIR[0]
    comparison = compare(load(folder / UN_PAIR[1]), load(folder / UN_PAIR[2]))
    assert comparison.changed
    assert_round_trip(comparison)


def test_revisions_carry_author_and_the_comparison_date() -> None:
    comparison = demo()
    assert comparison.new.date is not None
    root = body(to_docx_bytes(comparison))
    marks = root.findall(".//w:ins", NS) + root.findall(".//w:del", NS)
    assert marks
    for mark in marks:
        assert mark.get(q("author")) == "declcompare"
        assert mark.get(q("date")) == f"{comparison.new.date.isoformat()}T00:00:00Z"
    ids = [m.get(q("id")) for m in marks]
    assert len(set(ids)) == len(ids)


def test_summary_and_shift_table_come_first_then_comments_on_shifts() -> None:
    comparison = demo()
    data = to_docx_bytes(comparison)
    root = body(data)
    found = root.find("w:body", NS)
    assert found is not None
    children = list(found)
    texts = ["".join(c.itertext()) if c.tag == q("p") else "<table>" for c in children]
    assert texts[0] == "What changed"
    assert texts[1].startswith("Old: The Moscow Declaration")
    assert texts.index("Summary") < texts.index("<table>") < texts.index(REDLINE_HEADING)
    shifts = [p for p in comparison.commitment_changes() if p.change.value in SHIFTS]
    assert shifts
    comments = body(data, "word/comments.xml").findall("w:comment", NS)
    assert len(comments) == len({p.link.group for p in shifts})
    text = " ".join("".join(c.itertext()) for c in comments)
    assert shifts[0].old is not None
    assert f"“{shifts[0].old.predicate}”" in text
    anchors = root.findall(".//w:commentRangeStart", NS)
    assert len(anchors) == len(comments)
    assert {c.get(q("author")) for c in comments} == {"declcompare"}


def test_same_comparison_same_bytes_and_reopens_in_python_docx(tmp_path: Path) -> None:
    import docx

    assert to_docx_bytes(demo()) == to_docx_bytes(demo())
    path = demo().to_docx(tmp_path / "briefing.docx")
    reopened = docx.Document(str(path))
    assert reopened.paragraphs[0].text == "What changed"
    assert reopened.core_properties.author == "declcompare"
    assert any("GENERATED TEXT" in p.text for p in reopened.paragraphs[:4])
    with pytest.raises(OutputExistsError):
        demo().to_docx(path)
    demo().to_docx(path, force=True)


def test_libreoffice_converts_it_without_complaint(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian package libreoffice-writer)")
    path = demo().to_docx(tmp_path / "briefing.docx")
    done = subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "briefing.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_text_word_cannot_hold_is_refused_with_where() -> None:
    old = Declaration.from_paragraphs(["Generated: the parties agree."], title="generated")
    new = Declaration.from_paragraphs(["Generated: the parties \x07agree."], title="generated")
    with pytest.raises(OutputError, match=r"¶1 of the new text .* U\+0007"):
        to_docx_bytes(compare(old, new))


def test_cli_writes_docx_and_never_overwrites(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("Generated text.\n\nThe parties will support the plan.\n", "utf-8")
    new.write_text("Generated text.\n\nThe parties note the plan.\n", "utf-8")
    out = tmp_path / "briefing.docx"
    assert format_for(out) == "docx"
    assert main(["compare", str(old), str(new), "-o", str(out), "--no-progress"]) == 1
    assert out.read_bytes().startswith(b"PK")
    before = out.read_bytes()
    assert main(["compare", str(old), str(new), "-o", str(out), "--no-progress"]) == 2
    assert out.read_bytes() == before
    assert main(["compare", str(old), str(new), "-o", str(out), "--force", "--no-progress"]) == 1
    assert main(["compare", str(old), str(new), "--format", "docx", "--no-progress"]) == 2
