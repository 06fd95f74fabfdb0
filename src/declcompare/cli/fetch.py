"""declcompare fetch: download the SCO series into the user cache, checksummed."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from declcompare.errors import OutputError

if TYPE_CHECKING:
    pass

from declcompare.cli.common import EXIT_ERROR, EXIT_SAME, console, progress_line

EPILOG_FETCH = """\
examples:
  declcompare fetch sco
  declcompare fetch sco --year 2021
  declcompare fetch sco --refresh --timeout 60
  declcompare fetch sco-government --year 2023

Each row gives the file to pass to show or compare: the bundled seed, or the
downloaded copy in the cache (HTML and PDF need the extras [html] and [pdf]).
"""


def _reader_note(path: str) -> str:
    """What reading a downloaded file needs, when its reader is not installed."""
    from importlib.util import find_spec

    needs = {".html": ("html", "lxml"), ".pdf": ("pdf", "pdfminer"), ".docx": ("docx", "docx")}
    for suffix, (extra, module) in needs.items():
        if path.endswith(suffix) and find_spec(module) is None:
            return f"\n(reading it needs: pip install 'declcompare[{extra}]')"
    return ""


def cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    from rich.table import Table

    from declcompare.fetch import SERIES, FetchError, fetch, sco_series
    from declcompare.seeds import seed_path

    entries = sco_series(args.manifest, series=args.series)
    what = SERIES[args.series][1]
    if args.year is not None:
        entries = tuple(e for e in entries if e.year == args.year)
        if not entries:
            raise OutputError(f"the manifest lists no {what} of {args.year}")
    table = Table(title=f"{what}: the file to use with show and compare", title_justify="left")
    for column in ("year", "place", "publisher / translation", "file for show / compare"):
        table.add_column(column, overflow="fold")
    failures = 0
    with progress_line(sys.stderr, not args.no_progress) as step:
        for entry in entries:
            place = entry.place or "—"
            if entry.seed:
                table.add_row(str(entry.year), place, "bundled seed (no download needed)",
                              str(seed_path(entry.seed)))  # fmt: skip
            if not entry.source and not entry.seed:
                table.add_row(str(entry.year), place, "—", "no public address known")
            for src in entry.source:
                step(f"Fetching {entry.year}: {src.url} …")
                try:
                    doc = fetch(
                        src.url,
                        cache_dir=args.cache_dir,
                        expected_sha256=src.sha256,
                        refresh=args.refresh,
                        timeout=args.timeout,
                        allow_http=src.allow_http,
                    )
                    result = (f"{doc.path}\nfrom {src.url}\nSHA-256 {doc.sha256}, retrieved "
                              f"{doc.retrieved}{_reader_note(doc.path)}")  # fmt: skip
                except FetchError as exc:
                    failures += 1
                    result = f"failed: {exc}"
                carries = f" — {src.document}" if src.document else ""
                table.add_row(str(entry.year), place,
                              f"{src.publisher}: {src.translation}{carries}", result)  # fmt: skip
    width = None if out.isatty() else 160  # a piped table is read by programs and people
    console(out, width=width).print(table)
    if failures:
        print(f"declcompare: error: {failures} download(s) failed (see the table)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_SAME
