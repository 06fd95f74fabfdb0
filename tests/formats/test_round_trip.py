"""Published formats give the same declaration as the text: HTML, DOCX and PDF round trips.

The seed and a spread of ../shared/corpus texts are rendered by the tests into a web
page with site furniture, a Word document with heading styles and Word numbering,
and a multi-page PDF with a running header, page numbers and hyphenated line ends
(all labelled as generated renderings). Loading each must give the same paragraphs,
in the same sections, as loading the text, after whitespace is normalised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from declcompare import Declaration, load, load_seed, parse_bytes
from tests.formats.render import to_docx, to_html, to_pdf
from tests.helpers import CORPUS, SEED

RENDERERS: dict[str, Callable[[Declaration], bytes]] = {
    "html": to_html,
    "docx": to_docx,
    "pdf": to_pdf,
}


def sample() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    un = sorted(CORPUS.glob("unga-resolutions-78-80/*/*.txt"))[::45]
    statements = sorted(CORPUS.glob("multilateral-statements/*/*.txt"))[::6]
    return un + statements


def shape(d: Declaration) -> list[tuple[str | None, str]]:
    # Whitespace normalised; a soft hyphen is invisible and a non-breaking hyphen (which
    # the PDF test font lacks) is a hyphen.
    return [
        (p.section, " ".join(p.text.replace("\u00ad", "").replace("\u2011", "-").split()))
        for p in d.paragraphs
    ]


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_seed_round_trip(fmt: str) -> None:
    seed = load_seed()
    got = parse_bytes(RENDERERS[fmt](seed), name=f"generated-rendering.{fmt}")
    assert got.source.format == fmt
    assert shape(got) == shape(seed)
    assert got.title == seed.title
    assert all(p.provenance for p in got.paragraphs)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_corpus_round_trip(fmt: str) -> None:
    files = sample()
    if not files:
        pytest.skip(f"the shared reference corpus is not at {CORPUS}")
    assert len(files) >= 15
    failures = []
    for path in files:
        text = load(path)
        got = parse_bytes(RENDERERS[fmt](text), name=f"{path.stem}.{fmt}")
        if shape(got) != shape(text):
            failures.append(path.name)
    assert failures == []


def test_provenance_names_the_place_in_the_file(tmp_path: Path) -> None:
    seed = load_seed()
    pdf = parse_bytes(to_pdf(seed), name="generated.pdf")
    assert pdf.paragraphs[0].provenance == "page 1"
    assert pdf.paragraphs[-1].provenance not in (None, "page 1")
    page = parse_bytes(to_html(seed), name="generated.html")
    assert (page.paragraphs[0].provenance or "").startswith("/html/body/")
    word = parse_bytes(to_docx(seed), name="generated.docx")
    assert (word.paragraphs[0].provenance or "").startswith("paragraph ")
    # The suffix is only a hint: the bytes decide.
    (tmp_path / "misnamed.txt").write_bytes(to_docx(seed))
    assert load(tmp_path / "misnamed.txt").source.format == "docx"


def test_pdf_footnotes_are_kept_as_footnotes() -> None:
    seed = load_seed()
    note = "1 Generated footnote of the test rendering, set small at the foot of page one."
    got = parse_bytes(to_pdf(seed, footnote=note), name="generated.pdf")
    assert shape(got) == shape(seed)
    assert [b.text for b in got.blocks if b.kind.value == "footnote"] == [note]


def test_html_main_text_ignores_furniture() -> None:
    seed = load_seed()
    for wrapper in ("div", "main", "article"):
        got = parse_bytes(to_html(seed, wrapper=wrapper), name="generated.html")
        text = " ".join(p.text for p in got.paragraphs)
        assert "Share on social media" not in text
        assert "Related documents" not in text
        assert "Press releases" not in text
        assert shape(got) == shape(seed)


def test_raw_markdown_statements_keep_headings_and_bullets() -> None:
    import re

    from declcompare.text.normalize import display_key

    files = sorted(CORPUS.glob("multilateral-statements/*/raw/*.md")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"no raw Markdown statements under {CORPUS}")
    problems = []
    for path in files:
        body = re.sub(r"\A---\n.*?\n---\n", "", path.read_text("utf-8"), flags=re.S)
        headings = [
            display_key(h)
            for h in re.findall(r"(?m)^#{1,6}\s+(.+?)\s*#*\s*$", body)
            if re.search(r"\w", h)
        ]
        bullets = len(re.findall(r"(?m)^[ \t]*[-*+\u2022\u2013]\s+\S", body))
        d = load(path)
        found = {display_key(h) for h in d.headings} | (
            {display_key(d.title)} if d.title else set()
        )
        missing = [h for h in headings if h not in found]
        if missing or sum(p.bullet for p in d.paragraphs) != bullets:
            problems.append((path.name, missing[:3], sum(p.bullet for p in d.paragraphs), bullets))
    assert problems == []


def test_seed_file_is_what_round_trips() -> None:
    assert load(SEED).paragraphs == load_seed().paragraphs
