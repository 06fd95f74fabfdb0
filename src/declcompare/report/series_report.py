"""Reports of a series: Markdown, self-contained HTML with its pictures, Excel and JSON."""

from __future__ import annotations

import html
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from declcompare.report.content import GENERATED_NOTICE, describe, is_generated, write_bytes
from declcompare.report.csv import neutralise_cell
from declcompare.report.markdown import escape_markdown as _md

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.series import Series

__all__ = [
    "SERIES_FORMATS",
    "series_to_excel_bytes",
    "series_to_html",
    "series_to_json",
    "series_to_markdown",
    "write_series_report",
]

SeriesFormat = Literal["md", "html", "xlsx", "json"]
SERIES_FORMATS: tuple[SeriesFormat, ...] = ("md", "html", "xlsx", "json")
SERIES_FORMAT_TAG = "declcompare.series/1"


def _clip(text: str, width: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _generated(series: Series) -> bool:
    return any(is_generated(d) for d in series.declarations)


def series_to_markdown(series: Series) -> str:
    """The series as a Markdown note: steps, lineages by year, commitment drifts."""
    labels = series.labels
    lines = [f"# Year on year: {len(series.declarations)} texts, {labels[0]} to {labels[-1]}", ""]
    if _generated(series):
        lines += [f"> **{GENERATED_NOTICE}**", ""]
    lines += ["| # | text | paragraphs |", "|---|---|---|"]
    for k, d in enumerate(series.declarations):
        lines.append(f"| {k + 1} | {_md(describe(d))} | {len(d.paragraphs)} |")
    lines += ["", "## What happened at each step", ""]
    counts = series.step_counts()
    lines += ["| step | " + " | ".join(counts.columns) + " |"]
    lines += ["|---" * (len(counts.columns) + 1) + "|"]
    for step, row in counts.iterrows():
        lines.append(f"| {_md(str(step))} | " + " | ".join(str(int(v)) for v in row) + " |")
    everywhere = series.present_in_all()
    lines += [
        "",
        f"## Provisions present in every text ({len(everywhere)})",
        "",
    ]
    for lineage in everywhere:
        text = series._text(lineage, lineage.last)
        lines.append(
            f"- lineage {lineage.id}, reworded {lineage.rewordings} time(s): {_md(_clip(text))}"
        )
    if not everywhere:
        lines.append("None.")
    for k in range(1, len(series.declarations)):
        introduced = series.introduced_in(k)
        dropped = series.dropped_after(k - 1)
        lines += ["", f"## {labels[k - 1]} → {labels[k]}", ""]
        lines.append(f"New provisions ({len(introduced)}):")
        lines.append("")
        lines += [f"- lineage {lg.id}: {_md(_clip(series._text(lg, k)))}" for lg in introduced] or [
            "- none"
        ]
        lines += ["", f"Provisions dropped ({len(dropped)}):", ""]
        lines += [
            f"- lineage {lg.id}: {_md(_clip(series._text(lg, k - 1)))}" for lg in dropped
        ] or ["- none"]
    frame = series.commitments()
    drifting = frame[frame["weakened"] | frame["strengthened"]]
    lines += ["", f"## Commitments whose strength changed ({len(drifting)})", ""]
    for record in drifting.itertuples(index=False):
        lines.append(
            f"- {_md(str(record.actor))}: {_md(str(record.changes))} — "
            f"{_md(_clip(str(record.object)))}"
        )
    if drifting.empty:
        lines.append("None.")
    lines += ["", "## Lineages", ""]
    lineage_frame = series.to_frame()
    lines += ["| lineage | section | " + " | ".join(_md(x) for x in labels) + " | latest text |"]
    lines += ["|---" * (len(labels) + 3) + "|"]
    latest = list(lineage_frame.columns).index("latest_text")
    for values in lineage_frame.itertuples(index=False, name=None):
        cells = [str(values[2 + k]) for k in range(len(labels))]
        lines.append(
            f"| {values[0]} | {_md(str(values[1]))} | "
            + " | ".join(cells)
            + f" | {_md(_clip(str(values[latest]), 90))} |"
        )
    lines.append("")
    return "\n".join(lines)


def _frame_html(frame: pd.DataFrame, table_id: str) -> str:
    head = "".join(f"<th scope='col'>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False):
        cells = "".join(
            f"<td>{html.escape('' if v is None or v != v else str(v))}</td>" for v in values
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f"<table id='{table_id}'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def series_to_html(series: Series) -> str:
    """One self-contained HTML page with the pictures embedded (no requests)."""
    from declcompare.report.html_shell import page
    from declcompare.report.series_svg import XMLNS, counts_svg, timeline_svg

    # Inline SVG drawn by declcompare: the page needs no matplotlib (the base install).
    pictures = [
        f"<figure>{draw(series).replace(XMLNS, '', 1)}<figcaption>{caption}</figcaption></figure>"
        for caption, draw in (
            ("Lineages by section", timeline_svg),
            ("Counts per step", counts_svg),
        )
    ]
    texts = "".join(
        f"<li>{html.escape(describe(d))}: {len(d.paragraphs)} paragraphs</li>"
        for d in series.declarations
    )
    lineages = series.to_frame()
    commitments = series.commitments()
    drift = commitments[commitments["weakened"] | commitments["strengthened"]][
        ["commitment", "actor", "changes", "object"]
    ]
    title = f"Year on year: {series.labels[0]} to {series.labels[-1]}"
    body = f"""<ol>{texts}</ol>
<h2>Pictures</h2>
{"".join(pictures)}
<h2>What happened at each step</h2>
{_frame_html(series.step_counts().reset_index(), "steps")}
<h2>Commitments whose strength changed</h2>
{_frame_html(drift, "drift")}
<h2>Lineages</h2>
<p class="legend">One row per provision followed through the texts: present or absent in the
first text, then what happened at each step (unchanged, reworded, split, merged, added,
dropped, absent).</p>
{_frame_html(lineages, "lineages")}"""
    return page(
        title,
        body,
        generated=_generated(series),
        extra_css="figure { margin: 1rem 0; overflow-x: auto; } "
        "figure svg { max-width: 100%; height: auto; }",
    )


def series_to_json(series: Series) -> str:
    """The series as JSON: the texts, counts per step, lineages and commitment lineages."""
    data = {
        "format": SERIES_FORMAT_TAG,
        "generated_text": _generated(series),
        "declarations": [
            {
                "label": label,
                "id": d.id,
                "title": d.title,
                "date": d.date and d.date.isoformat(),
                "paragraphs": len(d.paragraphs),
            }
            for label, d in zip(series.labels, series.declarations, strict=True)
        ],
        "steps": json.loads(series.step_counts().reset_index().to_json(orient="records")),
        "lineages": [
            {
                "lineage": lg.id,
                "paragraphs": [list(c) for c in lg.paragraphs],
                "steps": [step.value for step in lg.steps],
            }
            for lg in series.lineages
        ],
        "commitments": json.loads(series.commitments().to_json(orient="records")),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def series_to_excel_bytes(series: Series) -> bytes:
    """Sheets Steps, Lineages and Commitments, laid out like the comparison workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    del wb["Sheet"]
    frames = {
        "Steps": series.step_counts().reset_index(),
        "Lineages": series.to_frame(),
        "Commitments": series.commitments(),
    }
    for name, frame in frames.items():
        ws = wb.create_sheet(name)
        ws.append([str(c) for c in frame.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for values in frame.itertuples(index=False):
            ws.append(
                [
                    None
                    if v is None or (isinstance(v, float) and v != v) or str(v) == "<NA>"
                    else neutralise_cell(v)
                    if isinstance(v, str)
                    else v
                    for v in values
                ]
            )
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column in ws.columns:
            letter = column[0].column_letter
            ws.column_dimensions[letter].width = 60 if column[0].value in (
                "latest_text", "object", "changes"
            ) else 16  # fmt: skip
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_series_report(
    series: Series, path: str | os.PathLike[str], fmt: SeriesFormat, *, force: bool = False
) -> Path:
    """Write a series report; an existing file is kept unless ``force``."""
    if fmt == "xlsx":
        data = series_to_excel_bytes(series)
    else:
        render = {"md": series_to_markdown, "html": series_to_html, "json": series_to_json}[fmt]
        data = render(series).encode("utf-8")
    return write_bytes(data, path, force=force, what=f"{fmt} series report")
