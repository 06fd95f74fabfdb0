"""Pictures of a series as inline SVG, drawn without matplotlib (the base install).

The same two pictures as :mod:`declcompare.report.series_plots` (which needs the
``plot`` extra for PNG files): lineages by section across the texts, and paragraph
links by kind at each step. Every text in them is XML-escaped; colours come with a
legend that names every state, so nothing depends on colour alone.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from declcompare.report.series_plots import KIND_COLOURS, STATES, short_label

if TYPE_CHECKING:
    from declcompare.series import Series

__all__ = ["XMLNS", "counts_svg", "timeline_svg"]

XMLNS = " xmlns='http://www.w3.org/2000/svg'"  # for a file; HTML needs no namespace

_FONT = "font-family='system-ui, sans-serif' font-size='11'"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _legend(x: int, y: int, entries: list[tuple[str, str]]) -> list[str]:
    out = []
    for k, (colour, label) in enumerate(entries):
        top = y + 16 * k
        out.append(f"<rect x='{x}' y='{top}' width='12' height='12' fill='{colour}' "
                   "stroke='#777777'/>")  # fmt: skip
        out.append(f"<text x='{x + 18}' y='{top + 10}' {_FONT}>{escape(label)}</text>")
    return out


def timeline_svg(series: Series) -> str:
    """Lineages (rows, grouped by section) across the declarations (columns), as SVG."""
    frame = series.to_frame()
    labels = list(series.labels)
    firsts = [lg.first for lg in series.lineages]
    sections = list(dict.fromkeys(frame["section"].tolist()))
    order = sorted(
        range(len(frame)),
        key=lambda r: (sections.index(frame["section"].iloc[r]), firsts[r], r),
    )
    cell_w, left, top = 70, 230, 24
    cell_h = 6 if len(order) > 120 else 10
    width = left + cell_w * len(labels) + 190
    grid_h = cell_h * len(order)
    height = top + grid_h + 120
    parts = [
        f"<svg{XMLNS} role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
        f"<title>{len(order)} lineages across {len(labels)} texts, by section</title>",
        f"<text x='{left}' y='14' {_FONT} font-weight='bold'>"
        f"{len(order)} lineages across {len(labels)} texts, by section</text>",
    ]
    previous = None
    last_label = -100
    for y_index, r in enumerate(order):
        y = top + y_index * cell_h
        section = str(frame["section"].iloc[r])
        if section != previous:
            if previous is not None:
                parts.append(f"<line x1='0' x2='{left + cell_w * len(labels)}' y1='{y}' "
                             f"y2='{y}' stroke='#555555' stroke-width='0.6'/>")  # fmt: skip
            if y - last_label >= 12:  # no label over another; each cell names its section
                parts.append(f"<text x='{left - 6}' y='{y + 9}' text-anchor='end' {_FONT}>"
                             f"{escape(_clip(section, 36))}</text>")  # fmt: skip
                last_label = y
            previous = section
        for k, label in enumerate(labels):
            state = str(frame[label].iloc[r])
            x = left + k * cell_w
            if state == "dropped":
                cy = y + cell_h / 2
                parts.append(f"<path d='M{x + 30} {cy - 3}l6 6m0 -6l-6 6' stroke='#d55e00' "
                             "stroke-width='1.2'/>")  # fmt: skip
                continue
            colour = STATES.get(state, STATES["absent"])[0]
            parts.append(f"<rect x='{x}' y='{y}' width='{cell_w}' height='{cell_h}' "
                         f"fill='{colour}'><title>{escape(section)}, {escape(label)}: "
                         f"{escape(state)}</title>"
                         "</rect>")  # fmt: skip
    for k, label in enumerate(labels):
        tx = left + k * cell_w + cell_w // 2
        ty = top + grid_h + 12
        parts.append(f"<text transform='translate({tx},{ty}) rotate(30)' {_FONT}>"
                     f"{escape(short_label(label, 40))}</text>")  # fmt: skip
    entries = [(c, label) for c, label in STATES.values()] + [("#d55e00", "dropped (×)")]
    parts += _legend(left + cell_w * len(labels) + 14, top, entries)
    parts.append("</svg>")
    return "".join(parts)


def counts_svg(series: Series) -> str:
    """Paragraph links by kind at each step, as stacked horizontal bars in SVG."""
    counts = series.step_counts()
    kinds = [k for k in KIND_COLOURS if k in counts.columns]
    totals = [int(sum(int(counts[k].iloc[i]) for k in kinds)) for i in range(len(counts))]
    most = max([1, *totals])
    left, bar_w, bar_h, top = 330, 480, 22, 24
    width = left + bar_w + 160
    height = top + (bar_h + 8) * len(counts) + 30
    parts = [
        f"<svg{XMLNS} role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
        "<title>What happened at each step</title>",
        f"<text x='{left}' y='14' {_FONT} font-weight='bold'>What happened at each step</text>",
    ]
    for i, step in enumerate(counts.index):
        y = top + i * (bar_h + 8)
        parts.append(f"<text x='{left - 6}' y='{y + 15}' text-anchor='end' {_FONT}>"
                     f"{escape(short_label(str(step), 48))}</text>")  # fmt: skip
        x = float(left)
        for kind in kinds:
            n = int(counts[kind].iloc[i])
            if not n:
                continue
            w = bar_w * n / most
            parts.append(f"<rect x='{x:.1f}' y='{y}' width='{w:.1f}' height='{bar_h}' "
                         f"fill='{KIND_COLOURS[kind]}' stroke='#555555' stroke-width='0.4'>"
                         f"<title>{escape(str(step))}: {n} {kind}</title></rect>")  # fmt: skip
            x += w
        parts.append(f"<text x='{x + 4:.1f}' y='{y + 15}' {_FONT}>{totals[i]}</text>")
    parts += _legend(left + bar_w + 40, top, [(KIND_COLOURS[k], k) for k in kinds])
    parts.append("</svg>")
    return "".join(parts)
