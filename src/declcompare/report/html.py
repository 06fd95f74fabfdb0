"""One self-contained HTML file: the briefing's sections, then every paragraph side by side.

Everything is inline; the page makes no request of any kind. The sections come from
:func:`~declcompare.report.html_sections.briefing_sections`, drawn in its order. The
paragraph rows travel once, as a JSON payload (:mod:`~declcompare.report.html_payload`),
and the page's script (:mod:`~declcompare.report.html_assets`, admitted by its hash)
draws them as the reader scrolls, so a 20,000-paragraph comparison opens at once.
All declaration text is escaped. Changes are marked by more than colour: deletions are
struck through, insertions underlined, and every row names its kind in words.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from declcompare.report.content import (
    GENERATED_NOTICE,
    describe,
    is_generated,
    items,
    position,
)
from declcompare.report.html_assets import CSP, CSS, SCRIPT
from declcompare.report.html_payload import KINDS, payload_json
from declcompare.report.html_sections import Section, briefing_sections
from declcompare.report.html_shell import page
from declcompare.text.diff import Op, Segment, redline

if TYPE_CHECKING:
    from declcompare.commitments import Commitment
    from declcompare.compare import Comparison
    from declcompare.model import Declaration

__all__ = ["CSP", "CSS", "comparison_snippet", "declaration_snippet", "to_html"]

_OPEN_ROWS = 30  # commitment rows shown before the rest fold away


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _segments(segments: tuple[Segment, ...], side: str) -> str:
    out: list[str] = []
    for seg in segments:
        if seg.op is Op.EQUAL:
            out.append(_e(seg.text))
        elif seg.op is Op.DELETE and side in ("old", "inline"):
            out.append(f"<del>{_e(seg.text)}</del>")
        elif seg.op is Op.INSERT and side in ("new", "inline"):
            out.append(f"<ins>{_e(seg.text)}</ins>")
    return "".join(out)


def _counts_table(comparison: Comparison) -> str:
    summary = comparison.summary()
    head = "".join(f"<th scope='col'>{_e(str(c))}</th>" for c in summary.columns)
    rows = []
    for section, row in summary.iterrows():
        cells = "".join(f"<td>{int(v)}</td>" for v in row.tolist())
        rows.append(f"<tr><td>{_e(str(section))}</td>{cells}</tr>")
    return (
        "<table class='counts'><thead><tr><th scope='col'>section</th>"
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _object(a: Commitment | None, b: Commitment | None) -> str:
    """The object of a commitment; where it changed, as a word diff of old and new."""
    if a is not None and b is not None and a.object != b.object:
        return _segments(redline(a.object, b.object), "inline")
    c = b if b is not None else a
    return _e(c.object if c is not None else "")


def _pairs_table(comparison: Comparison, section: Section) -> str:
    """Commitment rows: old and new wording side by side, the strength, actor and object."""
    if not section.pairs:
        return "<p>None.</p>"
    number = {id(link): n for n, link in enumerate(comparison.links, start=1)}
    rows = []
    for link, a, b, change in section.pairs:
        n = number.get(id(link), 0)
        old_pos = position(comparison.old, a.paragraph_index) if a else "—"
        new_pos = position(comparison.new, b.paragraph_index) if b else "—"
        either = b if b is not None else a
        actor = either.actor if either is not None else ""
        strength = f"{a.strength if a else '—'} → {b.strength if b else '—'}"
        rows.append(
            f"<tr data-change='{_e(change.value)}'><td class='kind'>"
            f"{_e(change.value.replace('_', ' '))}</td>"
            f"<td class='pos'><a href='#row-{n}'>{_e(old_pos)}</a></td>"
            f"<td>{_e(a.predicate if a else '')}</td>"
            f"<td class='pos'><a href='#row-{n}'>{_e(new_pos)}</a></td>"
            f"<td>{_e(b.predicate if b else '')}</td>"
            f"<td class='pos'>{_e(strength)}</td><td>{_e(actor)}</td>"
            f"<td>{_object(a, b)}</td></tr>"
        )
    table = (
        f"<table class='pairs' id='{_e(section.key)}-table'><thead><tr>"
        "<th scope='col'>change</th><th scope='col'>old</th><th scope='col'>old wording</th>"
        "<th scope='col'>new</th><th scope='col'>new wording</th><th scope='col'>strength</th>"
        "<th scope='col'>who</th><th scope='col'>on what</th></tr></thead>"
    )
    return _folded(table, rows)


def _folded(table: str, rows: list[str]) -> str:
    """A table's first rows open, the rest folded away under "N more"."""
    if len(rows) <= _OPEN_ROWS:
        return f"{table}<tbody>{''.join(rows)}</tbody></table>"
    return (
        f"{table}<tbody>{''.join(rows[:_OPEN_ROWS])}</tbody></table>"
        f"<details><summary>{len(rows) - _OPEN_ROWS} more</summary>{table}"
        f"<tbody>{''.join(rows[_OPEN_ROWS:])}</tbody></table></details>"
    )


_LINE_COLUMNS = (
    ("kind", "change"),
    ("about", "what"),
    ("old_position", "old"),
    ("new_position", "new"),
    ("before", "before"),
    ("after", "after"),
    ("note", "how"),
)


def _lines_table(section: Section) -> str:
    """Briefing rows as they are (names whose treatment changed, counts per section);
    a column that is empty in every row is left out."""
    columns = [(f, t) for f, t in _LINE_COLUMNS if any(getattr(r, f) for r in section.lines)]
    head = "".join(f"<th scope='col'>{_e(title)}</th>" for _, title in columns)
    rows = [
        "<tr>" + "".join(f"<td>{_e(str(getattr(r, f)))}</td>" for f, _ in columns) + "</tr>"
        for r in section.lines
    ]
    table = f"<table class='pairs' id='{_e(section.key)}-table'><thead><tr>{head}</tr></thead>"
    return _folded(table, rows)


_HEAD = (
    "<colgroup><col class='c-kind'><col class='c-pos'><col class='c-pos'><col><col></colgroup>"
    "<thead><tr><th scope='col'>change</th><th scope='col'>old</th><th scope='col'>new</th>"
    "<th scope='col'>old text</th><th scope='col'>new text</th></tr></thead>"
)


def _section_html(comparison: Comparison, section: Section) -> str:
    """One section of the briefing; paragraph rows are drawn by the script from the payload."""
    head = f"<section id='{_e(section.key)}'><h2>{_e(section.title)}</h2>"
    if section.key == "paragraphs":
        return head + _paragraphs(section) + "</section>"
    parts = []
    if section.sentences:
        parts.append(
            "<ul class='summary'>"
            + "".join(f"<li>{_e(s)}</li>" for s in section.sentences)
            + "</ul>"
        )
    if section.key == "summary":
        parts.append(
            "<details><summary>Paragraphs by change, section by section</summary>"
            f"{_counts_table(comparison)}</details>"
        )
    elif section.lines:
        parts.append(_lines_table(section))
    elif section.pairs or not section.rows:
        parts.append(_pairs_table(comparison, section))
    if section.rows:
        numbers = " ".join(str(i.number) for i in section.rows)
        table = f"<table class='rows'>{_HEAD}<tbody data-rows='{numbers}'></tbody></table>"
        if section.key == "routine":
            table = (
                f"<details><summary>{len(section.rows)} routine changes</summary>{table}</details>"
            )
        parts.append(table)
    return head + "".join(parts) + "</section>"


def _paragraphs(section: Section) -> str:
    kinds = [k for k in KINDS if k != "unchanged"]
    kind_boxes = "".join(
        f"<label><input type='checkbox' name='kind' value='{k}' checked> {k}</label> "
        for k in kinds
    )
    names = list(dict.fromkeys(i.section for i in section.rows))
    options = "".join(f"<option value='{_e(s)}'>{_e(s)}</option>" for s in names)
    return f"""<p class="legend">Deleted text is <del>struck through</del>, inserted text
<ins>underlined</ins>; ¶ is the position in each text, with its printed number where it
has one. Unchanged paragraphs are folded: open a fold to read them. Keys: j next change,
k previous change.</p>
<div class="controls" role="group" aria-label="Navigation and filters">
<button type="button" id="previous">Previous change (k)</button>
<button type="button" id="next">Next change (j)</button>
<span class="meta" id="position" aria-live="polite"></span>
<fieldset><legend>Show</legend>{kind_boxes}<label><input type='checkbox' value='unchanged'
 name='kind' checked hidden><input type='checkbox' id='show-unchanged'> unchanged in full</label>
</fieldset>
<label>Section <select id="section-filter"><option value="">all sections</option>
{options}</select></label>
<span class="meta"><span id="shown">0</span> rows shown of {len(section.rows)}</span>
</div>
<noscript><p>The paragraph table is drawn by the page's own script; allow it to run, or
use the Markdown or Excel report.</p></noscript>
<table id="paragraphs">{_HEAD}<tbody></tbody></table>"""


def to_html(comparison: Comparison) -> str:
    """The briefing as one self-contained HTML page, sections in the briefing's order."""
    old, new = comparison.old, comparison.new
    sections = briefing_sections(comparison)
    every = next(s for s in sections if s.key == "paragraphs")
    payload = payload_json(list(every.rows), len(old.paragraphs))
    title = f"What changed: {describe(old)} → {describe(new)}"
    body = "\n".join(_section_html(comparison, s) for s in sections)
    return page(
        title,
        f"""<p class="meta">Old: {_e(describe(old))}, {len(old.paragraphs)} paragraphs.
New: {_e(describe(new))}, {len(new.paragraphs)} paragraphs.</p>
{body}
<p class="meta">Produced by declcompare. Every paragraph of both texts is accounted for
in the last table.</p>
<script type="application/json" id="payload">{payload}</script>
<script>{SCRIPT}</script>""",
        generated=is_generated(old) or is_generated(new),
    )


def declaration_snippet(declaration: Declaration, *, rows: int = 5) -> str:
    """A compact HTML summary of a declaration (for Jupyter)."""
    meta = [
        ("title", declaration.title or declaration.id),
        ("organisation", declaration.organisation or "—"),
        ("place", declaration.place or "—"),
        ("date", declaration.date.isoformat() if declaration.date else "—"),
        ("paragraphs", str(len(declaration.paragraphs))),
        ("sections", str(len(declaration.sections))),
        ("signatories", str(len(declaration.signatories))),
    ]
    if is_generated(declaration):
        meta.insert(0, ("note", "GENERATED TEXT, not a real declaration"))
    head = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in meta)
    body = "".join(
        f"<tr><td>{_e(position(declaration, p.index))}</td><td>{_e(p.section or '')}</td>"
        f"<td>{_e(p.text[:160] + ('…' if len(p.text) > 160 else ''))}</td></tr>"
        for p in declaration.paragraphs[:rows]
    )
    more = len(declaration.paragraphs) - rows
    tail = f"<p>… and {more} more paragraphs.</p>" if more > 0 else ""
    return (
        f"<div><table>{head}</table><table><thead><tr><th>¶</th><th>section</th>"
        f"<th>text</th></tr></thead><tbody>{body}</tbody></table>{tail}</div>"
    )


def comparison_snippet(comparison: Comparison, *, top: int = 5) -> str:
    """A compact HTML summary of a comparison (for Jupyter): counts and top changes."""
    rows = sorted(
        (i for i in items(comparison) if i.link.kind.value != "unchanged"),
        key=lambda i: (-i.meaning_change, i.number),
    )[:top]
    changes = "".join(
        f"<tr><td>{_e(i.link.kind.value)}</td><td>{_e(i.old_position)}</td>"
        f"<td>{_e(i.new_position)}</td><td>{_segments(i.link.redline, 'inline')}</td></tr>"
        for i in rows
    )
    generated = (
        f"<p><strong>{_e(GENERATED_NOTICE)}</strong></p>"
        if is_generated(comparison.old) or is_generated(comparison.new)
        else ""
    )
    return (
        f"<div><p><strong>{_e(describe(comparison.old))}</strong> → "
        f"<strong>{_e(describe(comparison.new))}</strong></p>{generated}"
        f"{_counts_table(comparison)}<table><thead><tr><th>change</th><th>old</th><th>new</th>"
        f"<th>redline</th></tr></thead><tbody>{changes}</tbody></table></div>"
    )
