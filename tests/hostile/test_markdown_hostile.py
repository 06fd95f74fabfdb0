"""Markdown syntax in paragraphs: a change to it is a change, and the Markdown report
renders the text as written (checked by rendering it with markdown-it-py)."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from declcompare import ChangeKind, Declaration, compare
from declcompare.report.markdown import escape_markdown
from declcompare.text.normalize import markup_key

_KEEP = "The member states will meet again next year in the capital."

# Generated test paragraphs, not text from any declaration.
_SYNTAX = [
    "We agree on [trade](https://evil.example/x) and &copy; &amp; &#169; rights.",
    "A lone * asterisk and _ underscore, 2 * 3 * 4, `code`, <b>bold</b>, ![img](x.png).",
    "Footnote[^1] and <https://auto.example> and \\backslash\\ and a trailing \\",
    "Pipes | in | text, ~~struck~~, # hash, **strong**, __under__, <!-- note -->, &nbsp;.",
    "<script>alert(1)</script> [ref]: https://x.example and [ref] and [x][ref].",
]


def _plain(markdown: str) -> str:
    """What a reader sees: the rendered HTML without its tags."""
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.mark.parametrize("text", _SYNTAX)
def test_escaped_text_renders_as_written(text: str) -> None:
    assert _plain(escape_markdown(text)).strip() == text


def test_added_and_dropped_paragraphs_render_as_written() -> None:
    old = Declaration.from_paragraphs([_KEEP, *_SYNTAX[:2]])
    new = Declaration.from_paragraphs([_KEEP, *_SYNTAX[2:]])
    comparison = compare(old, new)
    kinds = {link.kind for link in comparison.links}
    assert ChangeKind.ADDED in kinds
    assert ChangeKind.DROPPED in kinds
    shown = _plain(comparison.to_markdown())
    for text in _SYNTAX:
        assert text in shown


def test_a_changed_link_target_is_a_change_and_shows_in_the_report() -> None:
    old = Declaration.from_paragraphs([_KEEP, "We back the [plan](https://a.example/plan)."])
    new = Declaration.from_paragraphs([_KEEP, "We back the [plan](https://b.example/plan)."])
    comparison = compare(old, new)
    assert comparison.changed
    assert comparison.links[1].kind is ChangeKind.REWORDED
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(comparison.to_markdown())
    # The link is shown as text, its target redlined (never turned into a live link).
    assert "<a " not in rendered
    assert "[plan](https://" in html.unescape(rendered)
    assert re.search(r"<(s|del)>a</\1>", rendered)
    assert "<strong>b</strong>" in rendered


def test_a_deleted_lone_asterisk_is_a_change() -> None:
    old = Declaration.from_paragraphs([_KEEP, "The parties * agree on the text."])
    new = Declaration.from_paragraphs([_KEEP, "The parties agree on the text."])
    comparison = compare(old, new)
    assert comparison.links[1].kind is ChangeKind.REWORDED
    assert "*" in _plain(comparison.to_markdown())


def test_formatting_alone_is_still_unchanged() -> None:
    old = Declaration.from_paragraphs([_KEEP, "We **welcome** the _plan_ of [the talks](u)."])
    new = Declaration.from_paragraphs([_KEEP, "We welcome the plan of [the talks](u)."])
    assert compare(old, new).links[1].kind is ChangeKind.UNCHANGED
    bulleted = compare(
        Declaration.from_paragraphs(["* We agree."]), Declaration.from_paragraphs(["- We agree."])
    )
    assert bulleted.links[0].kind is ChangeKind.UNCHANGED


def test_markup_key() -> None:
    assert markup_key("plain text") == ()
    assert markup_key("[a](x) * b [c]( y )") == ("(x)", "(y)", "*")
    assert markup_key("**bold** and _it_") == ()


def test_redline_marks_render_even_next_to_punctuation() -> None:
    old = Declaration.from_paragraphs(
        [_KEEP, "They act as a priority. In this connection, they act."]
    )
    new = Declaration.from_paragraphs([_KEEP, "They act as a priority, they act."])
    markdown = compare(old, new).to_markdown()
    shown = _plain(markdown)
    # '~~. In this connection~~' after a word is no strikethrough in CommonMark: it showed
    # literally, so a reader could not see what was deleted.
    assert "~~" not in shown
    assert "**" not in shown


def test_the_seed_report_renders_without_literal_marks() -> None:
    from tests.helpers import REPO

    shown = _plain((REPO / "tests" / "golden" / "seed-demo.md").read_text("utf-8"))
    assert "~~" not in shown
    assert "**" not in shown
