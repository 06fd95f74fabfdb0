"""The ``declcompare`` command: a thin skin over the library.

It parses arguments, calls the library, prints, and turns every
:class:`~declcompare.errors.DeclcompareError` into one line on standard error
with exit status 2. This is the only module that prints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from declcompare import __version__
from declcompare.errors import DeclcompareError
from declcompare.model import Declaration

if TYPE_CHECKING:
    from declcompare.compare import Comparison

__all__ = ["main"]

EXIT_SAME = 0
EXIT_DIFFERENT = 1
EXIT_ERROR = 2

_EPILOG_SHOW = """\
examples:
  declcompare show seeds/2020-11-10_sco-moscow-declaration.txt
  declcompare show resolution.txt --full
"""
_EPILOG_DEMO = """\
examples:
  declcompare demo
  declcompare demo --seed 7
"""
_EPILOG_COMPARE = """\
examples:
  declcompare compare resolution-2024.txt resolution-2025.txt
  declcompare compare old.md new.md --csv changes.csv
"""


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_structure(
    declaration: Declaration, stream: TextIO, *, full: bool = False, brief: bool = False
) -> None:
    """Print a declaration's parsed structure as tables, to check a parse by eye."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, highlight=False)
    meta = Table(title="Declaration", show_header=False, title_justify="left")
    meta.add_column("field", style="bold")
    meta.add_column("value")
    rows = {
        "id": declaration.id,
        "title": declaration.title or "—",
        "organisation": declaration.organisation or "—",
        "place": declaration.place or "—",
        "date": declaration.date.isoformat() if declaration.date else "—",
        "language": declaration.language,
        "source": declaration.source.path or declaration.source.url or "—",
        "sha256": declaration.source.sha256 or "—",
        "paragraphs": str(len(declaration.paragraphs)),
        "sections": str(len(declaration.sections)),
    }
    rows.update({f"metadata.{k}": v for k, v in declaration.metadata.items()})
    for key, value in rows.items():
        meta.add_row(key, value)
    console.print(meta)

    width = 10_000 if full else 90
    if brief:
        outline = Table(title="Sections", title_justify="left")
        outline.add_column("section")
        outline.add_column("paragraphs", justify="right")
        for section in declaration.sections:
            outline.add_row(section.heading or "(opening part)", str(len(section.paragraphs)))
        console.print(outline)
    for number, section in enumerate(() if brief else declaration.sections, start=1):
        table = Table(
            title=f"Section {number}: {section.heading or '(opening part)'}",
            title_justify="left",
        )
        table.add_column("id", no_wrap=True)
        table.add_column("no.", no_wrap=True)
        table.add_column("text", overflow="fold")
        table.add_column("source characters", no_wrap=True)
        for paragraph in section.paragraphs:
            spans = " + ".join(f"{s.start}–{s.end}" for s in paragraph.spans)
            if len(paragraph.spans) > 1:
                spans += " (rejoined)"
            table.add_row(
                paragraph.id,
                paragraph.number or ("•" if paragraph.bullet else ""),
                _clip(paragraph.text, width),
                spans,
            )
        console.print(table)

    if declaration.signatories:
        sig = Table(title="Signatories", title_justify="left")
        for column in ("role", "state", "name"):
            sig.add_column(column)
        for s in declaration.signatories:
            sig.add_row(s.role or "—", s.state or "—", s.name or "—")
        console.print(sig)
    others = [b for b in declaration.blocks if b.kind.value not in ("signature",)]
    if others:
        blk = Table(title="Other text kept", title_justify="left")
        blk.add_column("kind", no_wrap=True)
        blk.add_column("text", overflow="fold")
        for b in others:
            blk.add_row(b.kind.value, _clip(b.text, width))
        console.print(blk)
    if declaration.unparsed:
        console.print(
            f"[bold]Note:[/bold] {len(declaration.unparsed)} piece(s) of text could not be "
            "placed in the structure; they are listed above as 'unparsed'."
        )


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.parse import load

    render_structure(load(args.file), out, full=args.full)
    return EXIT_SAME


def render_comparison(comparison: Comparison, stream: TextIO, *, top: int = 8) -> None:
    """Print counts by kind and the most substantive changes of a comparison."""
    from rich.console import Console
    from rich.table import Table

    from declcompare.compare import ChangeKind
    from declcompare.diff import render_redline

    console = Console(file=stream, highlight=False)
    old, new = comparison.old, comparison.new
    console.print(f"[bold]Old:[/bold] {old.title or old.id} ({len(old.paragraphs)} paragraphs)")
    console.print(f"[bold]New:[/bold] {new.title or new.id} ({len(new.paragraphs)} paragraphs)")
    summary = comparison.summary()
    table = Table(title="Paragraphs by change", title_justify="left")
    table.add_column("section")
    for column in summary.columns:
        table.add_column(str(column), justify="right")
    for section, row in summary.iterrows():
        table.add_row(str(section), *(str(int(v)) for v in row.tolist()))
    console.print(table)
    ranked = sorted(
        (link for link in comparison.links if link.kind is not ChangeKind.UNCHANGED),
        key=lambda link: (link.similarity, link.new_index or 0, link.old_index or 0),
    )[:top]
    if ranked:
        changes = Table(title=f"Most substantive changes (up to {top})", title_justify="left")
        changes.add_column("kind", no_wrap=True)
        changes.add_column("old", no_wrap=True)
        changes.add_column("new", no_wrap=True)
        changes.add_column("redline ([-deleted-] {+inserted+})", overflow="fold")
        for link in ranked:
            changes.add_row(
                link.kind.value + (", moved" if link.moved else ""),
                old.paragraphs[link.old_index].id if link.old_index is not None else "—",
                new.paragraphs[link.new_index].id if link.new_index is not None else "—",
                _clip(render_redline(link.redline), 400),
            )
        console.print(changes)


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.parse import load

    comparison = compare(load(args.old), load(args.new))
    render_comparison(comparison, out, top=args.top)
    if args.csv:
        from declcompare.report.csv import write_csv

        write_csv(comparison, args.csv, force=args.force)
        print(f"Paragraph table written to {args.csv}", file=out)
    return EXIT_DIFFERENT if comparison.changed else EXIT_SAME


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.generate import demo_donors, generate_revision
    from declcompare.seeds import load_seed

    seed = load_seed()
    render_structure(seed, out, full=args.full, brief=not args.full)
    revision = generate_revision(seed, seed=args.seed, donors=demo_donors())
    comparison = compare(seed, revision.declaration)
    print("", file=out)
    print(
        "Comparison with a GENERATED revision of the seed (edited by declcompare's revision "
        "generator; it is not a real declaration):",
        file=out,
    )
    render_comparison(comparison, out)
    truth = revision.truth
    found = {
        (link.old_index, link.new_index)
        for link in comparison.links
        if link.old_index is not None and link.new_index is not None
    }
    recovered = len(found & truth.pairs)
    print(
        f"Generated edits: {', '.join(truth.ops)}.\n"
        f"Links recovered: {recovered} of {len(truth.pairs)} true links, "
        f"{len(found - truth.pairs)} wrong; added paragraphs found: "
        f"{sum(1 for x in comparison.links if x.new_index in truth.added and x.old_index is None)}"
        f" of {len(truth.added)}.",
        file=out,
    )
    return EXIT_SAME


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed so that tests and docs can inspect it)."""
    parser = argparse.ArgumentParser(
        prog="declcompare",
        description="Compare successive diplomatic declarations and report what changed.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"declcompare {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an error (for bug reports)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    show = commands.add_parser(
        "show",
        help="show how a declaration file was parsed",
        description="Show the parsed structure of a declaration: metadata, sections, "
        "numbered paragraphs, signatories and any text that could not be placed.",
        epilog=_EPILOG_SHOW,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("file", help="a declaration as plain text or Markdown (UTF-8)")
    show.add_argument("--full", action="store_true", help="print paragraphs in full")
    show.set_defaults(handler=_cmd_show)

    demo = commands.add_parser(
        "demo",
        help="run the demonstration on the bundled seed declaration",
        description="Parse the bundled seed, the Moscow Declaration of the SCO Council of "
        "Heads of State (10 November 2020), show its structure, and compare it with a "
        "generated revision of itself (labelled as generated, not a real text).",
        epilog=_EPILOG_DEMO,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument(
        "--full", action="store_true", help="print every paragraph of the seed in full"
    )
    demo.add_argument(
        "--seed", type=int, default=2020, help="random seed of the generated revision"
    )
    demo.set_defaults(handler=_cmd_demo)

    cmp_ = commands.add_parser(
        "compare",
        help="compare two declarations and summarise what changed",
        description="Compare OLD with NEW paragraph by paragraph. Exit status: 0 when "
        "nothing changed, 1 when something changed, 2 on error (like diff).",
        epilog=_EPILOG_COMPARE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmp_.add_argument("old", help="the earlier declaration (plain text or Markdown, UTF-8)")
    cmp_.add_argument("new", help="the later declaration")
    cmp_.add_argument("--top", type=int, default=8, help="how many changes to list (default 8)")
    cmp_.add_argument("--csv", metavar="PATH", help="also write the paragraph table as CSV")
    cmp_.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    cmp_.set_defaults(handler=_cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 same, 1 different, 2 error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
    try:
        status: int = args.handler(args, sys.stdout)
    except DeclcompareError as exc:
        if args.debug:
            raise
        print(f"declcompare: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("declcompare: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
