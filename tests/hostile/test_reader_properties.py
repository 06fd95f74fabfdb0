"""Property: every text node of a generated HTML page or Word document reaches the declaration.

Hypothesis builds random nested structures — HTML elements of every kind the reader
treats differently (blocks, containers, inline, lists, tables, line breaks), at
any depth up to past lxml's old 255-level cut; Word documents (through
python-docx) with headings, list paragraphs and tables nested in table cells —
whose text nodes are unique tokens. Read end to end with
:func:`declcompare.parse_bytes`, each token must appear in a paragraph, a
section heading, the title or an ``unparsed`` block — never only in a block that
is kept but not compared (footnotes, markup) — and the text must not warn.
"""

from __future__ import annotations

import html
import io
import itertools
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declcompare
from declcompare import Declaration

_BLOCK_TAGS = ("div", "section", "article", "p", "blockquote", "h2", "h3", "pre", "center")
_INLINE_TAGS = ("span", "b", "i", "em", "strong", "a", "sup", "small", "code", "font")
_LIST_TAGS = ("ul", "ol")


@dataclass(frozen=True)
class _Node:
    tag: str
    children: tuple[_Node | str, ...]


def _tokens() -> st.SearchStrategy[str]:
    counter = itertools.count()
    # A marker no concatenation of others can form; "agree" keeps lines prose-like.
    return st.builds(lambda: f"q{next(counter):05d}z agree.")


def _tree() -> st.SearchStrategy[_Node | str]:
    def extend(children: st.SearchStrategy[_Node | str]) -> st.SearchStrategy[_Node | str]:
        kids = st.lists(children, min_size=1, max_size=4).map(tuple)
        return st.one_of(
            st.builds(_Node, st.sampled_from(_BLOCK_TAGS + _INLINE_TAGS), kids),
            st.builds(
                _Node, st.sampled_from(_LIST_TAGS),
                kids.map(lambda ks: tuple(_Node("li", (k,)) for k in ks)),
            ),
            kids.map(lambda ks: _Node("table", (_Node("tr", tuple(_Node("td", (k,)) for k in ks)),))),  # noqa: E501
            kids.map(lambda ks: _Node("div", tuple(x for k in ks for x in (k, _Node("br", ()))))),
        )  # fmt: skip

    return st.recursive(_tokens(), extend, max_leaves=25)


def _render(node: _Node | str) -> str:
    if isinstance(node, str):
        return html.escape(node)
    if node.tag == "br":
        return "<br>"
    inner = "".join(_render(child) for child in node.children)
    return f"<{node.tag}>{inner}</{node.tag}>"


def _leaves(node: _Node | str) -> list[str]:
    if isinstance(node, str):
        return [node]
    return [leaf for child in node.children for leaf in _leaves(child)]


def _everything(d: Declaration) -> str:
    """The text the declaration compares or flags: paragraphs, headings, the title and
    ``unparsed`` blocks. A token kept only in a footnote, markup or front-matter block
    would be text silently left out of every comparison, so it does not count."""
    parts = [d.title or "", *(b.text for b in d.unparsed)]
    for section in d.sections:
        parts.append(section.heading or "")
        parts.extend(p.text for p in section.paragraphs)
    return "\n".join(parts)


def _assert_kept(tokens: list[str], d: Declaration) -> None:
    kept = _everything(d)
    lost = [t.split()[0] for t in tokens if t.split()[0] not in kept]
    assert not lost, f"text nodes lost: {lost}"
    assert d.warnings == ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_tree(), min_size=1, max_size=5))
def test_every_html_text_node_is_kept(trees: list[_Node | str]) -> None:
    page = "<html><body><main>" + "".join(_render(t) for t in trees) + "</main></body></html>"
    d = declcompare.parse_bytes(page.encode(), name="generated.html")
    _assert_kept([leaf for t in trees for leaf in _leaves(t)], d)


@settings(max_examples=10, deadline=None)
@given(st.integers(200, 900), st.sampled_from(("div", "section", "blockquote")))
def test_deep_html_keeps_every_paragraph(depth: int, tag: str) -> None:
    tokens = [f"q{i:05d}z agree." for i in range(depth)]
    inner = "".join(f"<{tag}><p>{token}</p>" for token in tokens) + f"</{tag}>" * depth
    page = f"<html><body><main>{inner}</main></body></html>"
    d = declcompare.parse_bytes(page.encode(), name="deep.html")
    _assert_kept(tokens, d)


# --- Word documents ------------------------------------------------------------------------

_STYLES = ("Normal", "Heading 1", "Heading 2", "List Number", "List Bullet", "Quote")


@dataclass(frozen=True)
class _Table:
    cells: tuple[tuple[_Para | _Table, ...], ...]


@dataclass(frozen=True)
class _Para:
    style: str
    text: str


def _docx_blocks() -> st.SearchStrategy[_Para | _Table]:
    para = st.builds(_Para, st.sampled_from(_STYLES), _tokens())

    def extend(children: st.SearchStrategy[_Para | _Table]) -> st.SearchStrategy[_Para | _Table]:
        cell = st.lists(children, min_size=1, max_size=3).map(tuple)
        return st.builds(_Table, st.lists(cell, min_size=1, max_size=3).map(tuple))

    return st.recursive(para, extend, max_leaves=12)


def _docx_leaves(block: _Para | _Table) -> list[str]:
    if isinstance(block, _Para):
        return [block.text]
    return [leaf for cell in block.cells for b in cell for leaf in _docx_leaves(b)]


def _write(container: object, block: _Para | _Table, *, in_cell: bool) -> None:
    if isinstance(block, _Para):
        container.add_paragraph(block.text, style=block.style)  # type: ignore[attr-defined]
        return
    table = container.add_table(rows=1, cols=len(block.cells))  # type: ignore[attr-defined]
    for cell, content in zip(table.rows[0].cells, block.cells, strict=True):
        for inner in content:
            _write(cell, inner, in_cell=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_docx_blocks(), min_size=1, max_size=6))
def test_every_docx_text_node_is_kept(blocks: list[_Para | _Table]) -> None:
    import docx

    document = docx.Document()
    for block in blocks:
        _write(document, block, in_cell=False)
    buffer = io.BytesIO()
    document.save(buffer)
    d = declcompare.parse_bytes(buffer.getvalue(), name="generated.docx")
    _assert_kept([leaf for b in blocks for leaf in _docx_leaves(b)], d)


# --- plain text: notes never swallow the body that follows them -------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3), st.booleans()), min_size=1, max_size=6)
)
def test_notes_never_swallow_the_next_text(parts: list[tuple[int, int, bool]]) -> None:
    counter = itertools.count()
    body_tokens: list[str] = []
    note_tokens: list[str] = []
    texts = []
    for bodies, wanted_notes, starred in parts:
        notes = min(wanted_notes, bodies - 1)  # more notes than body would rightly warn
        lines = []
        for _ in range(bodies):
            body_tokens.append(f"q{next(counter):05d}z")
            lines.append(f"The parties {body_tokens[-1]} agree.")
        if notes:
            lines.append("[Footnotes]")
            for k in range(notes):
                note_tokens.append(f"n{next(counter):05d}z")
                mark = "*" if starred and k == 0 else str(k + 1)
                lines.append(f"{mark} See document {note_tokens[-1]}.")
        texts.append("\n\n".join(lines))
    d = declcompare.parse_text("\n\n".join(texts))
    compared = "\n".join(p.text for p in d.paragraphs)
    notes_kept = "\n".join(b.text for b in d.blocks if b.kind.value == "footnote")
    assert all(t in compared for t in body_tokens)
    assert all(t in notes_kept and t not in compared for t in note_tokens)
    assert d.warnings == ()
