"""Every real text in ../shared/corpus parses, and its structure is right on a sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import declcompare
from declcompare.model import BlockKind
from declcompare.parse import check_coverage
from tests.helpers import CORPUS, STATEMENTS, UNGA, corpus_files, need_corpus

pytestmark = pytest.mark.corpus


def test_every_corpus_file_parses_and_loses_nothing() -> None:
    need_corpus()
    files = corpus_files("**/*.txt") + corpus_files("**/raw/*.md")
    assert len(files) > 600
    for path in files:
        d = declcompare.load(path)
        assert d.paragraphs, path
        check_coverage(d, path.read_text("utf-8-sig"))


UN_SAMPLE = [
    "african-nuclear-weapon-free-zone-treaty/2023-12-04_A-RES-78-14.txt",
    "comprehensive-nuclear-test-ban-treaty/2024-12-02_A-RES-79-77.txt",
    "assistance-to-palestine-refugees/2025-12-05_A-RES-80-78.txt",
    "combating-sand-and-dust-storms/2024-12-19_A-RES-79-212.txt",
    "agriculture-development-food-security-and-nutrition/2023-12-19_A-RES-78-168.txt",
]


@pytest.mark.parametrize("name", UN_SAMPLE)
def test_un_resolution_structure(name: str) -> None:
    need_corpus()
    path = UNGA / name
    d = declcompare.load(path)
    session, number = re.search(r"A-RES-(\d+)-(\d+)", name).groups()  # type: ignore[union-attr]
    assert d.metadata["symbol"] == f"A/RES/{session}/{number}"
    assert d.organisation == "United Nations General Assembly"
    assert d.date is not None
    assert d.date.isoformat() == name.split("/")[1][:10]
    assert any(p.text == "The General Assembly," for p in d.paragraphs)
    operative = [
        int(p.number.rstrip(".")) for p in d.paragraphs if p.number and p.number[0].isdigit()
    ]
    assert operative == list(range(1, len(operative) + 1))
    assert len(operative) >= 5
    kinds = {b.kind for b in d.blocks}
    assert {BlockKind.TITLE, BlockKind.MEETING_LINE} <= kinds
    if "[Footnotes]" in path.read_text("utf-8"):
        assert BlockKind.FOOTNOTES_HEADING in kinds
        assert BlockKind.FOOTNOTE in kinds


def test_lettered_sub_items_are_paragraphs() -> None:
    need_corpus()
    d = declcompare.load(UNGA / "assistance-in-mine-action/2023-12-07_A-RES-78-70.txt")
    letters = [p.number for p in d.paragraphs if p.number and p.number.startswith("(")]
    assert letters[:3] == ["(a)", "(b)", "(c)"]


def test_statement_headings_found() -> None:
    need_corpus()
    d = declcompare.load(STATEMENTS / "quad-leaders-joint-statement/2022-05-24_tokyo.txt")
    assert d.headings == (
        "Peace and Stability",
        "COVID-19 and Global Health Security",
        "Infrastructure",
        "Climate",
        "Cybersecurity",
        "Critical & Emerging Technologies",
        "Quad Fellowship",
        "Space",
        "Maritime Domain Awareness and HADR",
        "Closing",
    )


@pytest.mark.parametrize(
    "relative",
    ["g7-summit-communique/raw/2024-06-14_apulia.md", "g7-summit-communique/2024-06-14_apulia.txt"],
)
def test_bullets_kept_as_paragraphs(relative: str) -> None:
    need_corpus()
    d = declcompare.load(STATEMENTS / relative)
    bullets = [p for p in d.paragraphs if p.bullet]
    assert len(bullets) >= 15
    firsts = [p.body.split()[0] for p in bullets[:3]]
    assert firsts == ["standing", "united", "engaging"]


def test_raw_markdown_front_matter_gives_title_date_and_url() -> None:
    need_corpus()
    d = declcompare.load(STATEMENTS / "quad-leaders-joint-statement/raw/2022-05-24_tokyo.md")
    assert d.title == "Quad Joint Leaders’ Statement"
    assert d.date is not None
    assert d.date.isoformat() == "2022-05-24"
    assert d.source.url is not None
    assert d.source.url.startswith("https://")
    assert "Peace and Stability" in d.headings


def test_raw_and_clean_text_agree_on_paragraph_count() -> None:
    need_corpus()
    for raw in sorted(STATEMENTS.glob("quad-leaders-joint-statement/raw/*.md")):
        clean = raw.parent.parent / (raw.stem + ".txt")
        a, b = declcompare.load(raw), declcompare.load(clean)
        assert abs(len(a.paragraphs) - len(b.paragraphs)) <= 2, raw.name


def test_corpus_root_is_outside_the_repository() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert not CORPUS.resolve().is_relative_to(repo)
