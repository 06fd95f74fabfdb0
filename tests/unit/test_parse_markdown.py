"""Markdown and generic structure: headings, lists, front matter, numbering, metadata."""

from __future__ import annotations

import datetime as dt

import declcompare
from declcompare.model import BlockKind
from declcompare.parse import check_coverage

MARKDOWN = """---
title: "Leaders\\u2019 Joint Statement"
date: '2024-09-21'
source_url: https://example.org/statement
---

# Leaders’ Joint Statement

We, the leaders, met in Wilmington on 21 September 2024.

## Health

**Peace and Stability**
We discussed the situation in the region and
agreed to stay in touch.

We are taking steps to:

-   support the region's recovery;
-   strengthen health security;
    with a second line of the same item.
-   build resilience.

1.  We will meet again.
2\\. We will report back.

<!-- -->
"""


def test_markdown_structure() -> None:
    d = declcompare.parse_text(MARKDOWN)
    check_coverage(d, MARKDOWN)
    assert d.title == "Leaders’ Joint Statement"
    assert d.date == dt.date(2024, 9, 21)
    assert d.source.url == "https://example.org/statement"
    assert d.place == "Wilmington"
    assert d.headings == ("Health", "Peace and Stability")
    bullets = [p for p in d.paragraphs if p.bullet]
    assert [p.body.split()[0] for p in bullets] == ["support", "strengthen", "build"]
    assert "with a second line" in bullets[1].text
    numbered = [p for p in d.paragraphs if p.number]
    assert [p.number for p in numbered] == ["1.", "2\\."]
    assert numbered[0].body == "We will meet again."
    kinds = [b.kind for b in d.blocks]
    assert kinds.count(BlockKind.FRONT_MATTER) == 1
    assert kinds.count(BlockKind.MARKUP) == 1


def test_headings_and_labels_in_plain_text() -> None:
    text = (
        "Trade and economic cooperation\n\n"
        "(a) The member states agree;\n\n"
        "iv) They also agree.\n\n"
        "12. Decides to remain seized of the matter.\n"
    )
    d = declcompare.parse_text(text)
    assert d.headings == ("Trade and economic cooperation",)
    assert [p.number for p in d.paragraphs] == ["(a)", "iv)", "12."]


def test_un_resolution_shape() -> None:
    text = (
        "79/15. African Nuclear-Weapon-Free Zone Treaty\n\n"
        "The General Assembly,\n\n"
        "Recalling its resolutions 51/53 of 10 December 1996,1\n\n"
        "1. Calls upon African States to sign the Treaty;\n\n"
        "2. Decides to include the item in its provisional agenda.\n\n"
        "42nd plenary meeting 2 December 2024\n\n"
        "[Footnotes]\n\n"
        "1 A/50/426, annex.\n"
    )
    d = declcompare.parse_text(text)
    assert d.title == "African Nuclear-Weapon-Free Zone Treaty"
    assert d.metadata["symbol"] == "A/RES/79/15"
    assert d.organisation == "United Nations General Assembly"
    assert d.date == dt.date(2024, 12, 2)
    assert d.headings == ()
    assert [p.number for p in d.paragraphs] == [None, None, "1.", "2."]
    kinds = [b.kind for b in d.blocks]
    assert kinds == [
        BlockKind.TITLE,
        BlockKind.MEETING_LINE,
        BlockKind.FOOTNOTES_HEADING,
        BlockKind.FOOTNOTE,
    ]


def test_overrides_win_and_are_validated() -> None:
    d = declcompare.parse_text(
        "The member states met in Astana on 4 July 2024.\n",
        place="Astana, Kazakhstan",
        date=dt.date(2024, 7, 4),
        metadata={"translation": "SCO Secretariat"},
    )
    assert d.place == "Astana, Kazakhstan"
    assert d.metadata == {"translation": "SCO Secretariat"}


def test_lowercase_continuation_after_comma_is_joined_but_new_sentence_is_not() -> None:
    text = (
        "The member states support the initiative, which aims at regional\n\n"
        "cooperation in agriculture.\n\n"
        "The member states note the Green Belt Programme\n\n"
        "The member states welcome the results.\n"
    )
    d = declcompare.parse_text(text)
    assert [len(p.spans) for p in d.paragraphs] == [2, 1, 1]
    assert d.paragraphs[0].text.endswith("regional cooperation in agriculture.")
