"""declcompare compare: counts by kind, commitment shifts and top changes; reports on request."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from declcompare.compare import Comparison

from declcompare.cli.common import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    clip,
    console,
    input_options,
    labelled,
    progress_line,
    warn,
    write_output,
)

EPILOG_COMPARE = """\
examples:
  declcompare compare resolution-2024.txt resolution-2025.txt
  declcompare compare old.md new.md --output briefing.html
  declcompare compare old.md new.md --format md > briefing.md
  declcompare compare old.md new.md --output changes.xlsx --force
  declcompare compare 2022.txt 2023.txt --about Afghanistan
  declcompare compare old.md new.md -o briefing.docx   (Word, with tracked changes)

exit status: 0 nothing changed, 1 something changed, 2 error (like diff)
"""


def render_comparison(comparison: Comparison, stream: TextIO, *, top: int = 8) -> None:
    """Print the briefing of a comparison, in the order every report follows."""
    from rich.table import Table
    from rich.text import Text

    from declcompare.report.briefing import briefing
    from declcompare.report.content import describe
    from declcompare.report.options import BriefingOptions
    from declcompare.text.diff import render_redline

    con = console(stream)
    old, new = comparison.old, comparison.new
    con.print(labelled("Old:", f"{describe(old)} ({len(old.paragraphs)} paragraphs)"),
              soft_wrap=True)  # fmt: skip
    con.print(labelled("New:", f"{describe(new)} ({len(new.paragraphs)} paragraphs)"),
              soft_wrap=True)  # fmt: skip

    def table(title: str, columns: list[str]) -> Table:
        t = Table(title=title, title_justify="left")
        for column in columns:
            t.add_column(column, no_wrap=column in ("old", "new"), overflow="fold")
        return t

    for section in briefing(comparison, BriefingOptions(max_rows=max(1, top))):
        more = f" (and {section.more} more in the reports)" if section.more else ""
        if section.key == "summary":
            con.print(Text(section.title, style="bold"))
            for sentence in section.sentences:
                con.print(f"  {sentence}", soft_wrap=True)
            continue
        if section.key == "other":
            counts = comparison.counts_by_section()  # plain counts: no pandas for the console
            t = Table(title="Paragraphs by change", title_justify="left")
            t.add_column("section")
            for column in counts["(total)"]:
                t.add_column(column, justify="right")
            for name, row in counts.items():
                t.add_row(name, *(str(v) for v in row.values()))
            con.print(t)
            continue
        if not section.rows:
            continue
        if section.key == "shifts":
            t = table(section.title + more, ["old", "before", "new", "after", "change", "on"])
            for r in section.rows:
                t.add_row(r.old_position, r.before, r.new_position, r.after, r.note,
                          clip(r.about, 120))  # fmt: skip
        elif section.key == "commitments":
            t = table(section.title + more, ["change", "old", "new", "wording", "on"])
            for r in section.rows:
                wording = f"{r.before} → {r.after}" if r.kind == "changed_object" else (
                    r.after or r.before)  # fmt: skip
                about = r.about if r.kind != "changed_object" else r.after
                t.add_row(r.kind.replace("_", " "), r.old_position, r.new_position,
                          clip(wording if r.kind != "changed_object" else r.about, 60),
                          clip(about, 120))  # fmt: skip
        elif section.key == "entities":
            t = table(section.title + more, ["name", "change", "before", "after"])
            for r in section.rows:
                t.add_row(r.about, r.note, clip(r.before, 60), clip(r.after, 60))
        else:  # reworded and routine
            t = table(
                section.title + more, ["old", "new", "note", "redline ([-deleted-] {+inserted+})"]
            )
            for r in section.rows[: max(1, top)]:
                t.add_row(r.old_position, r.new_position, r.note,
                          clip(render_redline(r.link.redline), 400) if r.link else "")  # fmt: skip
            hidden = len(section.rows) - max(1, top)
            if hidden > 0:
                t.caption = f"… and {hidden} more in the reports"
        con.print(t)


def render_about(comparison: Comparison, name: str, stream: TextIO) -> None:
    """Print what happened to ``name`` between the two texts."""
    import pandas as pd
    from rich.table import Table

    from declcompare.report.content import position

    con = console(stream)
    rows = comparison.about(name)
    if rows.empty:
        con.print(f"Neither text mentions “{name}”.", soft_wrap=True)
        return
    t = Table(title=f"What happened to “{name}” ({len(rows)} paragraph(s))", title_justify="left")
    for column in ("change", "old", "new", "before", "after", "commitments"):
        t.add_column(column, overflow="fold", no_wrap=column in ("old", "new"))
    for record in rows.to_dict("records"):
        i, j = record["old_index"], record["new_index"]
        old_text, new_text = str(record["old_text"]), str(record["new_text"])
        t.add_row(
            str(record["kind"]),
            position(comparison.old, None if pd.isna(i) else int(i)),
            position(comparison.new, None if pd.isna(j) else int(j)),
            clip(old_text, 300),
            "(unchanged)" if old_text == new_text else clip(new_text, 300),
            str(record["commitments"]) or "—",
        )
    con.print(t)


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.ingest.readers import check_readers
    from declcompare.parse import load

    check_readers([args.old, args.new])  # a missing reader is reported before any work
    if args.format is not None or args.output not in (None, "-"):
        from declcompare.report import check_writer, format_for

        check_writer(args.format or format_for(args.output))  # so is a missing writer
    to_stdout = args.format is not None and args.output in (None, "-")
    with progress_line(sys.stderr, not args.no_progress) as step:
        step(f"Reading {args.old} …")
        old = load(args.old, **input_options(args))
        step(f"Reading {args.new} …")
        new = load(args.new, **input_options(args))
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
    warn(comparison.warnings, sys.stderr)
    if args.about:
        render_about(comparison, args.about, summary_stream)
    if where and not to_stdout:
        print(f"Report written to {where}", file=summary_stream)
    return EXIT_DIFFERENT if comparison.changed else EXIT_SAME
