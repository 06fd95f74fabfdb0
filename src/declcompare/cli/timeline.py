"""declcompare timeline: a series of declarations, its lineages and drifts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from declcompare.errors import OutputError

if TYPE_CHECKING:
    pass

from declcompare.cli.common import (
    EXIT_SAME,
    clip,
    console,
    input_options,
    labelled,
    progress_line,
    warn,
)

EPILOG_TIMELINE = """\
examples:
  declcompare timeline 2019.txt 2020.txt 2021.txt
  declcompare timeline statements/*.txt --output timeline.html
  declcompare timeline a.txt b.txt c.txt --format md > timeline.md
"""


def cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    from rich.table import Table

    from declcompare.parse import load
    from declcompare.report.content import describe
    from declcompare.report.series_report import (
        SERIES_FORMATS,
        series_to_json,
        series_to_markdown,
        write_series_report,
    )
    from declcompare.series import compare_series

    fmt = args.format
    if fmt is None and args.output not in (None, "-"):
        suffix = Path(args.output).suffix.lower().lstrip(".")
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        if fmt not in SERIES_FORMATS:
            raise OutputError(
                f"cannot tell the report format from {args.output!r}; use a name ending in "
                ".md, .html, .xlsx or .json, or give --format"
            )
    to_stdout = fmt is not None and args.output in (None, "-")
    if to_stdout and fmt in ("xlsx", "html"):
        raise OutputError(f"a {fmt} report cannot be written to the terminal; give --output")
    from declcompare.ingest.readers import check_readers

    check_readers(args.files)  # a missing reader is reported before any work
    with progress_line(sys.stderr, not args.no_progress) as step:
        declarations = []
        for n, file in enumerate(args.files, start=1):
            step(f"Reading {n} of {len(args.files)}: {file} …")
            declarations.append(load(file, **input_options(args)))
        series = compare_series(declarations, order=args.order, progress=step)
        step("Following lineages and commitments …")
        frame = series.to_frame()
        commitments = series.commitments()
        written = ""
        if fmt is not None and not to_stdout:
            step("Writing the report …")
            written = str(write_series_report(series, args.output, fmt, force=args.force))
    if to_stdout:
        out.write(series_to_markdown(series) if fmt == "md" else series_to_json(series))
    con = console(sys.stderr if to_stdout else out)
    texts = Table(title="Texts, in order", title_justify="left")
    for column in ("#", "label", "text", "paragraphs"):
        texts.add_column(column)
    for k, d in enumerate(series.declarations, start=1):
        texts.add_row(str(k), series.labels[k - 1], clip(describe(d), 70), str(len(d.paragraphs)))
    con.print(texts)
    steps = series.step_counts()
    table = Table(title="Paragraphs by change at each step", title_justify="left")
    table.add_column("step")
    for column in steps.columns:
        table.add_column(str(column), justify="right")
    for label, row in steps.iterrows():
        table.add_row(str(label), *(str(int(v)) for v in row.tolist()))
    con.print(table)
    con.print(
        labelled(
            "Lineages:",
            f"{len(frame)}; present in every text: {len(series.present_in_all())}. "
            f"Commitments followed: {len(commitments)}; weakened somewhere: "
            f"{int(commitments['weakened'].sum())}, strengthened somewhere: "
            f"{int(commitments['strengthened'].sum())}.",
        ),
        soft_wrap=True,
    )
    if written:
        con.print(f"Report written to {written}", soft_wrap=True)
    warn((w for d in declarations for w in d.warnings), sys.stderr)
    return EXIT_SAME
