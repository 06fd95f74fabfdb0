"""Pictures of a series (matplotlib): a timeline of lineages by section, and counts per step.

Both are drawn by the library from the series itself; :func:`save_pictures` writes
each as PNG and SVG. matplotlib is the optional extra ``declcompare[plot]``.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from declcompare.errors import MissingDependencyError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from declcompare.series import Series

__all__ = ["counts_figure", "figure_bytes", "save_pictures", "short_label", "timeline_figure"]

# State of a lineage in a declaration -> (colour, legend label). Colours are from a
# colour-blind-safe palette (Okabe-Ito) and the legend names every state.
STATES: dict[str, tuple[str, str]] = {
    "absent": ("#ffffff", "absent"),
    "present": ("#9e9e9e", "present (first text)"),
    "unchanged": ("#d0d0d0", "unchanged"),
    "reworded": ("#e69f00", "reworded"),
    "split": ("#0072b2", "split"),
    "merged": ("#56b4e9", "merged"),
    "added": ("#009e73", "added"),
}
KIND_COLOURS = {
    "unchanged": "#d0d0d0",
    "reworded": "#e69f00",
    "split": "#0072b2",
    "merged": "#56b4e9",
    "added": "#009e73",
    "dropped": "#d55e00",
}


def _pyplot() -> ModuleType:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingDependencyError(
            "drawing series pictures", extra="plot", module="matplotlib"
        ) from exc
    return plt


def short_label(label: str, width: int) -> str:
    """A label cut to fit beside a picture, keeping a closing "(2)" that tells texts apart
    (the full labels are in the report's tables)."""
    if len(label) <= width:
        return label
    match = re.search(r" \(\d+\)$", label)
    tail = match.group() if match else ""
    return label[: width - 1 - len(tail)] + "…" + tail


def timeline_figure(series: Series) -> Figure:
    """Lineages (rows, grouped by section) across the declarations (columns)."""
    plt = _pyplot()
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    frame = series.to_frame()
    frame = frame.assign(_first=[lg.first for lg in series.lineages])
    sections = list(dict.fromkeys(frame["section"].tolist()))
    frame["_section_order"] = frame["section"].map({s: i for i, s in enumerate(sections)})
    frame = frame.sort_values(["_section_order", "_first", "lineage"], kind="stable")
    states = list(STATES)
    matrix = np.array(
        [[states.index(str(v)) if str(v) in states else 0 for v in row] for row in
         frame[list(series.labels)].itertuples(index=False)]
    )  # fmt: skip
    rows, cols = matrix.shape
    height = min(max(3.0, 0.09 * rows + 1.6), 40.0)
    fig: Figure
    fig, ax = plt.subplots(figsize=(max(6.0, 1.3 * cols + 4.0), height))
    ax.imshow(
        matrix,
        aspect="auto",
        interpolation="nearest",
        cmap=ListedColormap([STATES[s][0] for s in states]),
        vmin=0,
        vmax=len(states) - 1,
    )
    dropped = frame[list(series.labels)].to_numpy() == "dropped"
    ys, xs = np.nonzero(dropped)
    ax.scatter(xs, ys, marker="x", s=12, color="#d55e00", linewidths=0.8, label="dropped")
    ax.set_xticks(range(cols), labels=[short_label(x, 28) for x in series.labels], rotation=30,
                  ha="right")  # fmt: skip
    boundaries, centres, names = [], [], []
    order = frame["section"].tolist()
    start = 0
    for k in range(1, rows + 1):
        if k == rows or order[k] != order[start]:
            centres.append((start + k - 1) / 2)
            names.append(order[start] if len(order[start]) <= 40 else order[start][:39] + "…")
            if k < rows:
                boundaries.append(k - 0.5)
            start = k
    ax.set_yticks(centres, labels=names, fontsize=7)
    for y in boundaries:
        ax.axhline(y, color="#555555", linewidth=0.6)
    ax.set_xlim(-0.5, cols - 0.5)
    handles = [Patch(facecolor=c, edgecolor="#777777", label=label) for c, label in STATES.values()]
    handles.append(ax.collections[0])
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7,
              frameon=False)  # fmt: skip
    ax.set_title(f"{rows} lineages across {cols} texts, by section", fontsize=10)
    fig.tight_layout()
    return fig


def counts_figure(series: Series) -> Figure:
    """Paragraph links by kind at each step, as stacked horizontal bars."""
    plt = _pyplot()
    counts = series.step_counts()
    kinds = [k for k in KIND_COLOURS if k in counts.columns]
    fig: Figure
    fig, ax = plt.subplots(figsize=(9.0, 1.0 + 0.55 * len(counts)))
    left = [0] * len(counts)
    labels = [short_label(str(x), 48) for x in counts.index]
    for kind in kinds:
        values = counts[kind].tolist()
        ax.barh(labels, values, left=left, color=KIND_COLOURS[kind], label=kind,
                edgecolor="#555555", linewidth=0.4)  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("paragraphs (links)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.set_title("What happened at each step", fontsize=10)
    fig.tight_layout()
    return fig


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """A figure as PNG or SVG bytes (the figure is closed afterwards)."""
    plt = _pyplot()
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    try:
        fig.savefig(buffer, format=fmt, dpi=110, metadata=metadata, bbox_inches="tight")
    finally:
        plt.close(fig)
    return buffer.getvalue()


def save_pictures(
    series: Series, folder: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write timeline.png/.svg and counts.png/.svg into ``folder``; returns the paths."""
    from declcompare.report.content import write_bytes

    out: list[Path] = []
    for name, build in (("timeline", timeline_figure), ("counts", counts_figure)):
        for fmt in ("png", "svg"):
            data = figure_bytes(build(series), fmt)
            out.append(write_bytes(data, Path(folder) / f"{name}.{fmt}", force=force,
                                   what="picture"))  # fmt: skip
    return out
