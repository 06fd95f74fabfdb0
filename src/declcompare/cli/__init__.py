"""The ``declcompare`` command: a thin skin over the library.

It parses arguments, calls the library, prints, and turns every
:class:`~declcompare.errors.DeclcompareError` into one line on standard error
with exit status 2. This is the only module that prints.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from declcompare.cli.batch import EPILOG_BATCH, cmd_batch
from declcompare.cli.common import (
    EXIT_ERROR,
    READABLE,
    add_input_options,
    add_no_progress,
    add_output,
    neutralise,
)
from declcompare.cli.compare import EPILOG_COMPARE, cmd_compare
from declcompare.cli.demo import EPILOG_DEMO, cmd_demo
from declcompare.cli.fetch import EPILOG_FETCH, cmd_fetch
from declcompare.cli.show import EPILOG_SHOW, cmd_show
from declcompare.cli.timeline import EPILOG_TIMELINE, cmd_timeline
from declcompare.errors import DeclcompareError, InputLimitError
from declcompare.version import __version__

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
        "--debug",
        action="store_true",
        help="also print the full traceback of an error, for a bug report (exit status stays 2)",
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
    show.add_argument("file", help=f"a declaration: {READABLE}")
    show.add_argument("--full", action="store_true", help="print paragraphs in full")
    add_input_options(show)
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
    cmp_.add_argument("old", help=f"the earlier declaration: {READABLE}")
    cmp_.add_argument("new", help="the later declaration, in any of the same formats")
    cmp_.add_argument("--top", type=int, default=8, help="how many changes to list (default 8)")
    cmp_.add_argument(
        "--format",
        choices=["md", "html", "xlsx", "json", "csv", "docx"],
        help="report format (default: from the --output file name); without --output, "
        "the report is written to standard output and the summary to standard error",
    )
    cmp_.add_argument(
        "--about",
        metavar="NAME",
        help="what happened to NAME (a state, body, treaty, initiative ...) between the texts",
    )
    add_output(cmp_, "write the report to PATH")
    add_input_options(cmp_)
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
    timeline.add_argument(
        "files", nargs="+", metavar="FILE", help=f"two or more declarations: {READABLE}"
    )
    timeline.add_argument("--format", choices=["md", "html", "xlsx", "json"], help="report format")
    add_output(timeline, "write the report to PATH")
    add_input_options(timeline)
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
    fetch.add_argument(
        "series",
        choices=["sco", "sco-government"],
        help="sco: declarations of the Heads of State; sco-government: communiqués of the "
        "Heads of Government",
    )
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
    add_input_options(batch)
    add_no_progress(batch, "no progress bar, even on a terminal")
    batch.set_defaults(handler=cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 when nothing changed (or the command succeeded), 1 only when a comparison found
    a change, 2 for every error: a usage error, a :class:`DeclcompareError`, and an
    unexpected fault (a bug), with or without ``--debug``, which also prints the
    traceback. Scripts can therefore never mistake a failure for a difference.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_ERROR
    try:
        status: int = args.handler(args, sys.stdout)
    except KeyboardInterrupt:
        print("declcompare: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of standard output went away (| head)
        _silence_stdout()
        print("declcompare: error: standard output was closed before the end", file=sys.stderr)
        return EXIT_ERROR
    except DeclcompareError as exc:
        _debug(args)
        message = str(exc)
        if isinstance(exc, InputLimitError):
            wider = max(2 * exc.maximum, exc.value)
            message += f" (here: --limit {exc.limit}={wider})"
        print(f"declcompare: error: {neutralise(message)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line and status 2, never "changed"
        _debug(args)
        print(
            f"declcompare: internal error: {type(exc).__name__}: {neutralise(str(exc))}. "
            "This is a fault in declcompare, not in the input; please report it with "
            "the output of the same command run with --debug.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return status


def _debug(args: argparse.Namespace) -> None:
    if args.debug:
        traceback.print_exc(file=sys.stderr)


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at /dev/null so that flush cannot fail again.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
