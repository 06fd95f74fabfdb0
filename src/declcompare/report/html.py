"""One self-contained HTML file: side-by-side and inline redlines, filters, print-ready.

Everything is inline (CSS and a few lines of JavaScript); the page makes no request
of any kind. All declaration text is escaped, so markup in a declaration shows as
text and never runs. Changes are marked by more than colour: deletions are struck
through, insertions underlined, and every row names its kind in words.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from declcompare.report.content import (
    GENERATED_NOTICE,
    SHIFTS,
    describe,
    headline,
    is_generated,
    items,
    position,
    shift_rows,
)
from declcompare.text.diff import Op, Segment

if TYPE_CHECKING:
    from declcompare.compare import Comparison
    from declcompare.model import Declaration

__all__ = ["comparison_snippet", "declaration_snippet", "to_html"]

CSS = """
:root { --ins: #d7f5dd; --del: #ffe0e0; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto;
       max-width: 1400px; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta, .legend { color: var(--muted); font-size: .9rem; }
.generated { border: 3px solid #9a6700; background: #fff8c5; padding: .6rem 1rem;
             font-weight: bold; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .45rem .5rem; vertical-align: top;
         text-align: left; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.pos { white-space: nowrap; font-size: .85rem; color: var(--muted); }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
del { background: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
.kind { font: bold .75rem/1.2 system-ui, sans-serif; text-transform: uppercase;
        letter-spacing: .03em; white-space: nowrap; }
.kind::before { display: inline-block; width: 1.2em; }
.kind .meta { text-transform: none; font-weight: normal; letter-spacing: 0; }
tr[data-kind="unchanged"] .kind::before { content: "="; }
tr[data-kind="reworded"] .kind::before { content: "~"; }
tr[data-kind="added"] .kind::before { content: "+"; }
tr[data-kind="dropped"] .kind::before { content: "−"; }
tr[data-kind="split"] .kind::before { content: "<"; }
tr[data-kind="merged"] .kind::before { content: ">"; }
tr[data-kind="added"] td.text { background: #f0fbf2; }
tr[data-kind="dropped"] td.text { background: #fff3f3; }
tr.moved-from td { color: var(--muted); font-style: italic; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center;
            font: .9rem system-ui, sans-serif; padding: .6rem 0;
            border-bottom: 1px solid var(--rule); }
.controls fieldset { border: 1px solid var(--rule); padding: .2rem .6rem; }
body.view-inline .side { display: none; } body:not(.view-inline) .inline { display: none; }
.hidden { display: none; }
.counts td, .counts th { text-align: right; } .counts td:first-child { text-align: left; }
:target { outline: 3px solid #0969da; }
@media print {
  .controls { display: none; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  th { position: static; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

_JS = """
(function () {
  var body = document.body;
  function apply() {
    var kinds = {};
    document.querySelectorAll('input[name=kind]').forEach(function (box) {
      kinds[box.value] = box.checked;
    });
    var section = document.getElementById('section-filter').value;
    document.querySelectorAll('#paragraphs tbody tr').forEach(function (row) {
      var show = kinds[row.dataset.kind] !== false &&
                 (section === '' || row.dataset.section === section);
      row.classList.toggle('hidden', !show);
    });
  }
  document.querySelectorAll('input[name=kind]').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  document.getElementById('section-filter').addEventListener('change', apply);
  document.querySelectorAll('input[name=view]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      body.classList.toggle('view-inline', radio.value === 'inline' && radio.checked);
    });
  });
  apply();
})();
"""


# The page may load nothing: no script, style, font, image or connection from anywhere.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


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


def _commitments_table(comparison: Comparison) -> str:
    rows = []
    for _, a, b, change in shift_rows(comparison):
        old_pos = position(comparison.old, a.paragraph_index) if a else "—"
        new_pos = position(comparison.new, b.paragraph_index) if b else "—"
        c = b if b is not None else a
        assert c is not None
        strength = f"{a.strength if a else '—'} → {b.strength if b else '—'}"
        rows.append(
            f"<tr data-change='{_e(change.value)}'><td class='kind'>"
            f"{_e(change.value.replace('_', ' '))}</td>"
            f"<td class='pos'>{_e(old_pos)}</td><td>{_e(a.predicate if a else '')}</td>"
            f"<td class='pos'>{_e(new_pos)}</td><td>{_e(b.predicate if b else '')}</td>"
            f"<td class='pos'>{_e(strength)}</td><td>{_e(c.actor)}</td>"
            f"<td>{_e(c.object)}</td></tr>"
        )
    if not rows:
        return "<p>No commitment changed.</p>"
    return (
        "<table id='commitments'><thead><tr><th scope='col'>change</th>"
        "<th scope='col'>before</th><th scope='col'>predicate before</th>"
        "<th scope='col'>after</th><th scope='col'>predicate after</th>"
        "<th scope='col'>strength</th><th scope='col'>actor</th><th scope='col'>object</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def to_html(comparison: Comparison) -> str:
    """The full report as one self-contained HTML page."""
    old, new = comparison.old, comparison.new
    rows = items(comparison)
    sections = sorted({i.section for i in rows}, key=[i.section for i in rows].index)
    kinds = ["added", "dropped", "reworded", "split", "merged", "unchanged"]
    # A moved paragraph also leaves a marker where it stood in the old text.
    markers: dict[int, list[str]] = {}
    for i in rows:
        link = i.link
        if link.moved and link.old_index is not None:
            anchor_row = max(
                (
                    r.number
                    for r in rows
                    if not r.link.moved
                    and r.link.old_index is not None
                    and r.link.old_index < link.old_index
                ),
                default=0,
            )
            markers.setdefault(anchor_row, []).append(
                f"<tr class='moved-from' data-kind='{_e(link.kind.value)}' "
                f"data-section='{_e(i.section)}' id='was-{i.number}'><td class='kind'>moved</td>"
                f"<td class='pos'>{_e(i.old_position)}</td><td class='pos'>—</td>"
                f"<td class='text' colspan='2'>This paragraph stood here in the old text; "
                f"it is now <a href='#row-{i.number}'>{_e(i.new_position)}</a>.</td></tr>"
            )
    body_rows: list[str] = list(markers.get(0, []))
    for i in rows:
        link = i.link
        old_text = _segments(link.redline, "old")
        new_text = _segments(link.redline, "new")
        inline = _segments(link.redline, "inline")
        notes = []
        if link.moved:
            notes.append(f"<a href='#was-{i.number}'>moved from {_e(i.old_position)}</a>")
        if link.renumbered:
            notes.append("renumbered")
        if i.shifts:
            notes.append(f"{i.shifts} commitment shift(s)")
        note = f"<div class='meta'>{'; '.join(notes)}</div>" if notes else ""
        similarity = (
            f"<div class='meta'>similarity {link.similarity:.2f}</div>"
            if link.kind.value in ("reworded", "split", "merged")
            else ""
        )
        body_rows.append(
            f"<tr id='row-{i.number}' data-kind='{_e(link.kind.value)}' "
            f"data-section='{_e(i.section)}'>"
            f"<td class='kind'>{_e(link.kind.value)}{similarity}{note}</td>"
            f"<td class='pos'>{_e(i.old_position)}</td><td class='pos'>{_e(i.new_position)}</td>"
            f"<td class='text side'>{old_text}</td><td class='text side'>{new_text}</td>"
            f"<td class='text inline' colspan='2'>{inline}</td></tr>"
        )
        body_rows.extend(markers.get(i.number, []))
    kind_boxes = "".join(
        f"<label><input type='checkbox' name='kind' value='{k}' checked> {k}</label> "
        for k in kinds
    )
    section_options = "".join(f"<option value='{_e(s)}'>{_e(s)}</option>" for s in sections)
    generated = (
        f"<p class='generated' role='note'>{_e(GENERATED_NOTICE)}</p>"
        if is_generated(old) or is_generated(new)
        else ""
    )
    counts = headline(comparison)
    commitment_line = ", ".join(
        f"{v} {k.replace('_', ' ')}" for k, v in counts.commitments.items() if v
    )
    shifted = sum(1 for r in shift_rows(comparison) if r.change.value in SHIFTS)
    title = f"What changed: {describe(old)} → {describe(new)}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{_e(title)}</h1>
{generated}
<p class="meta">Old: {_e(describe(old))}, {len(old.paragraphs)} paragraphs.
New: {_e(describe(new))}, {len(new.paragraphs)} paragraphs.
Commitments: {_e(commitment_line or "none")} ({shifted} changed strength or stance).</p>
<h2>Paragraphs by change</h2>
{_counts_table(comparison)}
<h2>Commitments that changed</h2>
{_commitments_table(comparison)}
<h2>Paragraphs</h2>
<p class="legend">Deleted text is <del>struck through</del>, inserted text
<ins>underlined</ins>; ¶ is the position in each text, with its printed number where it
has one. A moved paragraph links to the place it left.</p>
<div class="controls" role="group" aria-label="Filters">
<fieldset><legend>Show</legend>{kind_boxes}</fieldset>
<label>Section <select id="section-filter"><option value="">all sections</option>
{section_options}</select></label>
<fieldset><legend>View</legend>
<label><input type="radio" name="view" value="side" checked> side by side</label>
<label><input type="radio" name="view" value="inline"> inline</label></fieldset>
</div>
<table id="paragraphs">
<thead><tr><th scope="col">change</th><th scope="col">old</th><th scope="col">new</th>
<th scope="col" class="side">old text</th><th scope="col" class="side">new text</th>
<th scope="col" class="inline" colspan="2">redline</th></tr></thead>
<tbody>
{chr(10).join(body_rows)}
</tbody>
</table>
<p class="meta">Produced by declcompare. Every paragraph of both texts is accounted for
in the table above.</p>
<script>{_JS}</script>
</body>
</html>
"""


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
