"""declcompare compare: counts by kind, commitment shifts and top changes; reports on request."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from declcompare.compare import Comparison

from declcompare.cli.common import EXIT_DIFFERENT, EXIT_SAME, clip, progress_line, write_output

EPILOG_COMPARE = """\
examples:
  declcompare compare resolution-2024.txt resolution-2025.txt
  declcompare compare old.md new.md --output briefing.html
  declcompare compare old.md new.md --format md > briefing.md
  declcompare compare old.md new.md --output changes.xlsx --force

exit status: 0 nothing changed, 1 something changed, 2 error (like diff)
"""


def render_comparison(comparison: Comparison, stream: TextIO, *, top: int = 8) -> None:
    """Print counts by kind and the most substantive changes of a comparison."""
    from rich.console import Console
    from rich.table import Table

    from declcompare.compare import ChangeKind
    from declcompare.text.diff import render_redline

    console = Console(file=stream, highlight=False)
    old, new = comparison.old, comparison.new
    console.print(f"[bold]Old:[/bold] {old.title or old.id} ({len(old.paragraphs)} paragraphs)")
    console.print(f"[bold]New:[/bold] {new.title or new.id} ({len(new.paragraphs)} paragraphs)")
    summary = comparison.counts_by_section()  # plain counts: no pandas for a console table
    table = Table(title="Paragraphs by change", title_justify="left")
    table.add_column("section")
    for column in summary["(total)"]:
        table.add_column(column, justify="right")
    for section, row in summary.items():
        table.add_row(section, *(str(v) for v in row.values()))
    console.print(table)
    from declcompare.report.content import SHIFTS, headline, items, position, shift_rows

    counts = headline(comparison)
    commitment_line = ", ".join(
        f"{v} {k.replace('_', ' ')}" for k, v in counts.commitments.items() if v
    )
    console.print(f"[bold]Commitments:[/bold] {commitment_line or 'none found'}")
    shifts = [row for row in shift_rows(comparison) if row.change.value in SHIFTS][:top]
    if shifts:
        table_s = Table(title="Commitments that changed strength or stance", title_justify="left")
        for column in ("old", "before", "new", "after", "change"):
            table_s.add_column(column, no_wrap=column in ("old", "new"))
        table_s.add_column("on", overflow="fold")
        for _, a, b, change in shifts:
            if a is None or b is None:
                continue
            table_s.add_row(
                position(old, a.paragraph_index),
                a.predicate,
                position(new, b.paragraph_index),
                b.predicate,
                f"{change.value.replace('_', ' ')} ({a.strength} → {b.strength})",
                clip(b.object, 120),
            )
        console.print(table_s)
    ranked = sorted(
        (i for i in items(comparison) if i.link.kind is not ChangeKind.UNCHANGED),
        key=lambda i: (-i.meaning_change, i.number),
    )[:top]
    if ranked:
        changes = Table(title=f"Most substantive changes (up to {top})", title_justify="left")
        changes.add_column("kind", no_wrap=True)
        changes.add_column("old", no_wrap=True)
        changes.add_column("new", no_wrap=True)
        changes.add_column("redline ([-deleted-] {+inserted+})", overflow="fold")
        for i in ranked:
            changes.add_row(
                i.link.kind.value + (", moved" if i.link.moved else ""),
                i.old_position,
                i.new_position,
                clip(render_redline(i.link.redline), 400),
            )
        console.print(changes)


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.parse import load

    to_stdout = args.format is not None and args.output in (None, "-")
    with progress_line(sys.stderr, not args.no_progress) as step:
        step(f"Reading {args.old} …")
        old = load(args.old)
        step(f"Reading {args.new} …")
        new = load(args.new)
        step(f"Comparing {len(old.paragraphs)} with {len(new.paragraphs)} paragraphs …")
        comparison = compare(old, new)
        if args.format is not None or args.output is not None:
            step("Reading commitments and writing the report …")
            # The summary goes to standard error when the report itself goes to standard output.
            summary_stream = sys.stderr if to_stdout else out
            where = write_output(comparison, args.format, args.output, args.force, out)
        else:
            summary_stream, where = out, ""
    render_comparison(comparison, summary_stream, top=args.top)
    if where and not to_stdout:
        print(f"Report written to {where}", file=summary_stream)
    return EXIT_DIFFERENT if comparison.changed else EXIT_SAME
