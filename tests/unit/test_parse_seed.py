"""The seed — the real Moscow Declaration of 10 November 2020 — parses into its real structure."""

from __future__ import annotations

import datetime as dt

import pytest

import declcompare
from declcompare.model import BlockKind, Declaration
from declcompare.parse import check_coverage
from tests.helpers import SEED


@pytest.fixture(scope="module")
def seed() -> Declaration:
    return declcompare.load(SEED)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text("utf-8")


def test_sections_and_paragraph_counts(seed: Declaration) -> None:
    assert [(s.heading, len(s.paragraphs)) for s in seed.sections] == [
        (None, 7),
        ("Security", 44),
        ("Interparliamentary ties", 1),
        ("Interaction in the judicial sphere", 1),
        ("Trade and economic cooperation", 36),
        ("Cultural, humanitarian and public exchanges", 25),
        ("International contacts", 10),
    ]
    assert len(seed.paragraphs) == 124
    assert [p.index for p in seed.paragraphs] == list(range(124))
    assert all(p.section == s.heading for s in seed.sections for p in s.paragraphs)


def test_metadata(seed: Declaration) -> None:
    assert seed.title == (
        "The Moscow Declaration of the Council of Heads of State of the "
        "Shanghai Cooperation Organisation"
    )
    assert seed.date == dt.date(2020, 11, 10)
    assert seed.organisation == "Shanghai Cooperation Organisation"
    assert seed.place == "videoconference"
    assert seed.source.sha256 is not None
    assert len(seed.source.sha256) == 64


def test_first_and_last_paragraphs(seed: Declaration) -> None:
    assert seed.paragraphs[0].text.startswith("The leaders of the member states of the Shanghai")
    assert seed.paragraphs[0].text.endswith("declare the following.")
    assert seed.paragraphs[-1].text.startswith("The member states will further promote")
    assert (
        seed.sections[1]
        .paragraphs[0]
        .text.startswith("The member states note that transnational challenges")
    )


# (start of the first part, start of the continuation) for every page-break split in the seed.
PAGE_BREAKS = [
    ("The member states reaffirm their common conviction", "Syrians themselves in order"),
    ("The member states declare their firm intention", "work together against the promotion"),
    ("The member states stand for keeping the outer space", "weapons in outer space."),
    ("The member states point out that the dynamically", "and the Conference on Interaction"),
    ("The member states view the WTO as the main", "realities, as well as an efficient"),
    ("The member states emphasise the importance of cooperation between", "within the SCO with"),
    ("The member states will continue to consistently develop", "of the SCO Eight Wonders"),
    ("The member states reaffirm their commitment to cooperation on", "of each state and the"),
]


@pytest.mark.parametrize(("head", "tail"), PAGE_BREAKS)
def test_page_break_split_is_rejoined(seed: Declaration, head: str, tail: str) -> None:
    (paragraph,) = [p for p in seed.paragraphs if p.text.startswith(head)]
    assert len(paragraph.spans) == 2
    assert f" {tail}" in paragraph.text
    assert not any(p.text.startswith(tail) for p in seed.paragraphs)


def test_exactly_the_page_breaks_are_rejoined(seed: Declaration) -> None:
    assert sum(len(p.spans) > 1 for p in seed.paragraphs) == len(PAGE_BREAKS)


def test_rejoined_text_is_the_source_parts_joined_by_one_space(
    seed: Declaration, seed_text: str
) -> None:
    for p in seed.paragraphs:
        assert p.text == " ".join(seed_text[s.start : s.end] for s in p.spans)


def test_paragraph_without_full_stop_is_not_glued(seed: Declaration) -> None:
    (paragraph,) = [p for p in seed.paragraphs if "International Information Security" in p.text]
    assert paragraph.text.endswith("Cooperation in International Information Security")
    assert len(paragraph.spans) == 1
    following = seed.paragraphs[paragraph.index + 1]
    assert following.text.startswith("The member states believe that putting together")


def test_typo_is_kept_verbatim(seed: Declaration) -> None:
    assert any(p.text.startswith("The mMember states advocate") for p in seed.paragraphs)


def test_signatories(seed: Declaration) -> None:
    assert [(s.role, s.state, s.name) for s in seed.signatories] == [
        ("Prime Minister", "Republic of India", "Narendra Modi"),
        ("President", "Republic of Kazakhstan", "Kassym-Jomart Tokayev"),
        ("President", "People's Republic of China", "Xi Jinping"),
        ("Acting President, Prime Minister", "Kyrgyz Republic", "Sadyr Zhaparov"),
        ("Prime Minister", "Islamic Republic of Pakistan", "Imran Khan"),
        ("President", "Russian Federation", "Vladimir Putin"),
        ("President", "Republic of Tajikistan", "Emomali Rahmon"),
        ("President", "Republic of Uzbekistan", "Shavkat Mirziyoyev"),
    ]


def test_blocks(seed: Declaration) -> None:
    kinds = [b.kind for b in seed.blocks]
    assert kinds == [BlockKind.TITLE] + [BlockKind.SIGNATURE] * 8 + [BlockKind.DATE_LINE]
    assert seed.blocks[-1].text == "10 November 2020"
    assert seed.unparsed == ()


def test_spans_point_at_the_text(seed: Declaration, seed_text: str) -> None:
    for section in seed.sections:
        if section.heading_span is not None:
            span = section.heading_span
            assert seed_text[span.start : span.end] == section.heading
    for block in seed.blocks:
        assert seed_text[block.span.start : block.span.end] == block.text


def test_nothing_lost(seed: Declaration, seed_text: str) -> None:
    check_coverage(seed, seed_text)


def test_json_round_trip(seed: Declaration) -> None:
    again = Declaration.model_validate_json(seed.model_dump_json())
    assert again == seed
    assert again.paragraphs == seed.paragraphs


def test_load_seed_uses_manifest_metadata() -> None:
    d = declcompare.load_seed()
    assert d.id == "sco-2020-moscow"
    assert d.place == "Moscow (held via videoconference)"
    assert len(d.paragraphs) == 124
