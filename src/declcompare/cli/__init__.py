"""The ``declcompare`` command: a thin skin over the library.

It parses arguments, calls the library, prints, and turns every
:class:`~declcompare.errors.DeclcompareError` into one line on standard error
with exit status 2. This is the only module that prints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from declcompare.cli.batch import EPILOG_BATCH, cmd_batch
from declcompare.cli.common import (
    EXIT_ERROR,
    add_no_progress,
    add_output,
)
from declcompare.cli.compare import EPILOG_COMPARE, cmd_compare
from declcompare.cli.demo import EPILOG_DEMO, cmd_demo
from declcompare.cli.fetch import EPILOG_FETCH, cmd_fetch
from declcompare.cli.show import EPILOG_SHOW, cmd_show
from declcompare.cli.timeline import EPILOG_TIMELINE, cmd_timeline
from declcompare.errors import DeclcompareError
from declcompare.version import __version__

if TYPE_CHECKING:
    pass

__all__ = ["main"]


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
        epilog=EPILOG_SHOW,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("file", help="a declaration as plain text or Markdown (UTF-8)")
    show.add_argument("--full", action="store_true", help="print paragraphs in full")
    show.set_defaults(handler=cmd_show)

    demo = commands.add_parser(
        "demo",
        help="run the demonstration on the bundled seed declaration",
        description="Parse the bundled seed, the Moscow Declaration of the SCO Council of "
        "Heads of State (10 November 2020), show its structure, compare it with a "
        "generated revision of itself (labelled as generated, not a real text) and write "
        "the HTML, Markdown and Excel reports into a fresh folder.",
        epilog=EPILOG_DEMO,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument(
        "--full", action="store_true", help="print every paragraph of the seed in full"
    )
    demo.add_argument(
        "--seed", type=int, default=2020, help="random seed of the generated revision"
    )
    demo.add_argument(
        "--output-dir",
        metavar="DIR",
        help="an empty or new folder for the reports (default: a new folder "
        "'declcompare-demo' in the current directory)",
    )
    add_no_progress(demo)
    demo.set_defaults(handler=cmd_demo)

    cmp_ = commands.add_parser(
        "compare",
        help="compare two declarations and summarise what changed",
        description="Compare OLD with NEW paragraph by paragraph. Exit status: 0 when "
        "nothing changed, 1 when something changed, 2 on error (like diff).",
        epilog=EPILOG_COMPARE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmp_.add_argument("old", help="the earlier declaration (plain text or Markdown, UTF-8)")
    cmp_.add_argument("new", help="the later declaration")
    cmp_.add_argument("--top", type=int, default=8, help="how many changes to list (default 8)")
    cmp_.add_argument(
        "--format",
        choices=["md", "html", "xlsx", "json", "csv"],
        help="report format (default: from the --output file name); without --output, "
        "the report is written to standard output and the summary to standard error",
    )
    add_output(cmp_, "write the report to PATH")
    add_no_progress(cmp_)
    cmp_.set_defaults(handler=cmd_compare)

    timeline = commands.add_parser(
        "timeline",
        help="follow paragraphs and commitments across a series of declarations",
        description="Compare each declaration with the next (in date order where every "
        "text has a date, or a date at the start of its file name) and follow each provision "
        "and commitment through the series.",
        epilog=EPILOG_TIMELINE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    timeline.add_argument("files", nargs="+", metavar="FILE", help="two or more declarations")
    timeline.add_argument("--format", choices=["md", "html", "xlsx", "json"], help="report format")
    add_output(timeline, "write the report to PATH")
    timeline.add_argument(
        "--order",
        choices=["date", "given"],
        default="date",
        help="order of the texts: by date (default) or as given",
    )
    add_no_progress(timeline)
    timeline.set_defaults(handler=cmd_timeline)

    fetch = commands.add_parser(
        "fetch",
        help="download the published texts of a series into the local cache",
        description="Download the SCO declarations listed in the manifest (with the public "
        "addresses known to carry an English text) into the user cache folder, recording "
        "each file's SHA-256 and retrieval date. Cached copies are reused and checked. "
        "Then read a file with 'declcompare show PATH' or compare two.",
        epilog=EPILOG_FETCH,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fetch.add_argument("series", choices=["sco"], help="the series to fetch")
    fetch.add_argument("--year", type=int, help="only the declaration of this year")
    fetch.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: user cache)")
    fetch.add_argument("--refresh", action="store_true", help="download again even if cached")
    fetch.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for a server (default 30)"
    )
    fetch.add_argument("--manifest", metavar="PATH", help="another manifest (default: bundled)")
    add_no_progress(fetch)
    fetch.set_defaults(handler=cmd_fetch)

    batch = commands.add_parser(
        "batch",
        help="compare many pairs listed in a manifest",
        description="Compare every [[pair]] (old = FILE, new = FILE, relative to the "
        "manifest) and print counts by kind per pair; with --output, write the paragraph "
        "table of all pairs as one CSV. Exit status as for compare.",
        epilog=EPILOG_BATCH,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("manifest", help="a TOML file of [[pair]] tables")
    batch.add_argument(
        "--engine",
        choices=["local", "processes", "dask"],
        default="local",
        help="local: one process (default); processes: worker processes of this machine; "
        "dask: the current Dask cluster, else worker processes (extra declcompare[dask])",
    )
    batch.add_argument("--workers", type=int, default=2, metavar="N",
                       help="worker processes of this machine (default 2)")  # fmt: skip
    add_output(batch, "write all rows as one CSV")
    add_no_progress(batch, "no progress bar, even on a terminal")
    batch.set_defaults(handler=cmd_batch)
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
