"""The HTML page's style sheet and script, and the Content-Security-Policy that admits them.

The script is admitted by its SHA-256 hash, so nothing else on the page can run: a
declaration's text never becomes markup, and even if it did no other script would be
allowed. It draws the paragraph rows from the page's JSON payload, a screenful at a
time as the reader scrolls, and everything at once before printing.
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["CSP", "CSS", "SCRIPT"]

CSS = """
:root { --ins: #d7f5dd; --del: #ffe0e0; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto;
       max-width: 1400px; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta, .legend { color: var(--muted); font-size: .9rem; }
.generated { border: 3px solid #9a6700; background: #fff8c5; padding: .6rem 1rem;
             font-weight: bold; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td { border-bottom: 1px solid var(--rule); padding: .45rem .5rem; vertical-align: top;
         text-align: left; }
th { background: #f6f8fa; }
#paragraphs th { position: sticky; top: 2.9rem; }
td.pos { white-space: nowrap; font-size: .85rem; color: var(--muted); }
#paragraphs, table.rows { table-layout: fixed; }  /* rows laid out without measuring all */
col.c-kind { width: 10rem; } col.c-pos { width: 6.5rem; }
td.text { overflow-wrap: anywhere; }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
del { background: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
.kind { font: bold .75rem/1.2 system-ui, sans-serif; text-transform: uppercase;
        letter-spacing: .03em; white-space: nowrap; }
.kind .meta { text-transform: none; font-weight: normal; letter-spacing: 0; display: block; }
tr[data-kind="added"] td.text.new { background: #f0fbf2; }
tr[data-kind="dropped"] td.text.old { background: #fff3f3; }
tr.moved-from td { color: var(--muted); font-style: italic; }
tr.group td:first-child { border-left: 4px solid #8250df; }
tr.collapsed td { color: var(--muted); font: .85rem system-ui, sans-serif; background: #f6f8fa; }
tr.current td { background: #fff8c5; }
button { font: .85rem system-ui, sans-serif; cursor: pointer; }
.controls { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center;
            font: .9rem system-ui, sans-serif; padding: .5rem 0; background: #fff;
            border-bottom: 1px solid var(--rule); position: sticky; top: 0; z-index: 2; }
.controls fieldset { border: 1px solid var(--rule); padding: .1rem .5rem; margin: 0; }
.counts td, .counts th { text-align: right; } .counts td:first-child { text-align: left; }
.summary li { margin: .2rem 0; }
:target { outline: 3px solid #0969da; }
@media print {
  .controls, .noprint { display: none; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  th, #paragraphs th { position: static; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  tr.current td { background: none; }
  tr.collapsed button { border: 0; background: none; padding: 0; font: inherit; }
}
"""

SCRIPT = r"""
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('payload').textContent);
  var K = data.kinds, S = data.sections, R = data.rows, CHUNK = 150;
  var body = document.querySelector('#paragraphs tbody');
  var markers = {};
  data.markers.forEach(function (m) { (markers[m[0]] = markers[m[0]] || []).push(m[1]); });
  var opened = {}, view = [], drawn = 0, cur = -1;
  function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function side(seg, drop) {
    var out = '';
    for (var i = 0; i < seg.length; i += 2) {
      var op = seg[i], t = esc(seg[i + 1]);
      if (op === 0) out += t;
      else if (op !== drop) out += op === 1 ? '<del>' + t + '</del>' : '<ins>' + t + '</ins>';
    }
    return out;
  }
  function kindOf(n) { return K[R[n - 1][0]]; }
  function rowHtml(n) {
    var r = R[n - 1], kind = K[r[0]], notes = [];
    if (r[1] & 1) notes.push('<a href="#was-' + n + '">moved from ' + esc(r[3]) + '</a>');
    if (r[1] & 2) notes.push('renumbered');
    if (r[7]) notes.push(r[7] + ' commitment shift(s)');
    if (r[6] >= 0) notes.push('similarity ' + (r[6] / 100).toFixed(2));
    if (r[9]) notes.push(kind + ', part ' + r[9] + ' of ' + r[10]);
    var meta = notes.length ? '<span class="meta">' + notes.join('; ') + '</span>' : '';
    return '<tr id="row-' + n + '" data-n="' + n + '" data-kind="' + kind + '" data-section="' +
      esc(S[r[2]]) + '"' + (r[9] ? ' class="group"' : '') + '><td class="kind">' + kind + meta +
      '</td><td class="pos">' + esc(r[3]) + '</td><td class="pos">' + esc(r[4]) +
      '</td><td class="text old">' + side(r[8], 2) + '</td><td class="text new">' +
      side(r[8], 1) + '</td></tr>';
  }
  function markerHtml(n) {
    var r = R[n - 1];
    return '<tr class="moved-from" id="was-' + n + '" data-kind="' + K[r[0]] +
      '"><td class="kind">moved</td><td class="pos">' + esc(r[3]) +
      '</td><td class="pos">—</td><td class="text" colspan="2">This paragraph stood here ' +
      'in the old text; it is now <a href="#row-' + n + '">' + esc(r[4]) + '</a>.</td></tr>';
  }
  function runHtml(a, b) {
    var first = R[a - 1], last = R[b - 1], count = b - a + 1;
    return '<tr class="collapsed" data-run="' + a + '"><td colspan="5"><button type="button" ' +
      'data-open="' + a + '"><span class="noprint">Show </span>' + count +
      ' unchanged paragraph' + (count > 1 ? 's' : '') +
      '</button> ' + esc(first[4]) + (count > 1 ? ' to ' + esc(last[4]) : '') + '</td></tr>';
  }
  function settings() {
    var kinds = {};
    document.querySelectorAll('input[name=kind]').forEach(function (b) {
      kinds[b.value] = b.checked;
    });
    return {kinds: kinds, section: document.getElementById('section-filter').value,
            all: document.getElementById('show-unchanged').checked};
  }
  function build() {
    var s = settings(), out = [], run = [];
    function close() {
      if (!run.length) return;
      if (opened[run[0]]) run.forEach(function (n) { out.push(['r', n]); });
      else out.push(['u', run[0], run[run.length - 1]]);
      run = [];
    }
    function wanted(n) {
      var r = R[n - 1];
      return (s.section === '' || S[r[2]] === s.section) && s.kinds[K[r[0]]] !== false;
    }
    function mark(n) {
      (markers[n] || []).forEach(function (m) { if (wanted(m)) { close(); out.push(['m', m]); } });
    }
    mark(0);
    for (var n = 1; n <= R.length; n++) {
      if (wanted(n)) {
        if (kindOf(n) === 'unchanged' && !s.all && !(R[n - 1][1] & 1)) run.push(n);
        else { close(); out.push(['r', n]); }
      }
      mark(n);
    }
    close();
    return out;
  }
  function html(item) {
    return item[0] === 'r' ? rowHtml(item[1]) :
      item[0] === 'm' ? markerHtml(item[1]) : runHtml(item[1], item[2]);
  }
  function drawTo(limit) {
    limit = Math.min(limit, view.length);
    if (limit <= drawn) return;
    var parts = [];
    for (var i = drawn; i < limit; i++) parts.push(html(view[i]));
    sentinel.remove();
    body.insertAdjacentHTML('beforeend', parts.join(''));
    drawn = limit;
    if (drawn < view.length) body.appendChild(sentinel);
  }
  var sentinel = document.createElement('tr');
  sentinel.innerHTML = '<td colspan="5" class="meta">Drawing more paragraphs…</td>';
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (es) {
    if (es.some(function (e) { return e.isIntersecting; })) drawTo(drawn + CHUNK);
  }, {rootMargin: '2000px'}) : null;
  if (observer) observer.observe(sentinel);
  function apply() {
    view = build(); drawn = 0; cur = -1; body.textContent = '';
    drawTo(CHUNK);
    if (!observer) drawTo(view.length);
    document.getElementById('shown').textContent = String(view.filter(function (v) {
      return v[0] === 'r';
    }).length);
  }
  function isChange(item) { return item[0] === 'r' && kindOf(item[1]) !== 'unchanged'; }
  function go(step) {
    var i = cur;
    do { i += step; } while (i >= 0 && i < view.length && !isChange(view[i]));
    if (i < 0 || i >= view.length) return;
    drawTo(i + CHUNK);
    var old = body.querySelector('tr.current');
    if (old) old.classList.remove('current');
    var row = document.getElementById('row-' + view[i][1]);
    row.classList.add('current');
    row.scrollIntoView({block: 'center'});
    cur = i;
    document.getElementById('position').textContent = 'row ' + view[i][1] + ' of ' + R.length;
  }
  function reveal(n) {
    var idx = -1;
    for (var i = 0; i < view.length; i++) if (view[i][0] === 'r' && view[i][1] === n) idx = i;
    if (idx < 0) {
      document.querySelectorAll('input[name=kind]').forEach(function (b) { b.checked = true; });
      document.getElementById('section-filter').value = '';
      document.getElementById('show-unchanged').checked = true;
      apply();
      return reveal(n);
    }
    cur = idx - 1; go(1);
  }
  document.addEventListener('click', function (e) {
    var t = e.target, fold = t.closest && t.closest('[data-open]');
    if (fold) {  // open the fold where it is, not back at the top
      var at = +fold.dataset.open, top = fold.getBoundingClientRect().top;
      opened[at] = true; apply();
      for (var i = 0; i < view.length; i++) if (view[i][0] === 'r' && view[i][1] === at) break;
      drawTo(i + CHUNK);
      window.scrollBy(0, document.getElementById('row-' + at).getBoundingClientRect().top - top);
      return;
    }
    var a = t.closest && t.closest('a[href^="#row-"], a[href^="#was-"]');
    if (a && a.getAttribute('href').indexOf('#row-') === 0) {
      e.preventDefault(); reveal(+a.getAttribute('href').slice(5));
    } else if (a) { drawTo(view.length); }
  });
  document.querySelectorAll('input[name=kind], #show-unchanged, #section-filter')
    .forEach(function (c) { c.addEventListener('change', apply); });
  document.getElementById('next').addEventListener('click', function () { go(1); });
  document.getElementById('previous').addEventListener('click', function () { go(-1); });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (/INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
    if (e.key === 'j') go(1); else if (e.key === 'k') go(-1);
  });
  window.addEventListener('beforeprint', function () { drawTo(view.length); });
  document.querySelectorAll('tbody[data-rows]').forEach(function (tb) {
    tb.insertAdjacentHTML('beforeend', tb.dataset.rows.split(' ').filter(Boolean).map(function (n) {
      return rowHtml(+n).replace(/ id="row-\d+"/, '').replace(/(<td class="pos">)([^<]*)/,
        '$1<a href="#row-' + n + '">$2</a>');
    }).join(''));
  });
  apply();
  document.body.dataset.ready = 'true';
})();
"""

_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
# The page may load nothing: no script but its own, no style, font, image or connection.
CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_HASH}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
