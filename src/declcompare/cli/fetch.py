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
"""


def cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    from rich.table import Table

    from declcompare.fetch import FetchError, fetch, sco_series

    entries = sco_series(args.manifest)
    if args.year is not None:
        entries = tuple(e for e in entries if e.year == args.year)
        if not entries:
            raise OutputError(f"the manifest lists no SCO declaration of {args.year}")
    table = Table(title="SCO declarations", title_justify="left")
    for column in ("year", "place", "publisher / translation", "result"):
        table.add_column(column, overflow="fold")
    failures = 0
    with progress_line(sys.stderr, not args.no_progress) as step:
        for entry in entries:
            if not entry.source:
                note = "bundled seed" if entry.seed else "no public address known"
                table.add_row(str(entry.year), entry.place or "—", "—", note)
                continue
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
                    result = f"{doc.path}\nSHA-256 {doc.sha256}, retrieved {doc.retrieved}"
                except FetchError as exc:
                    failures += 1
                    result = f"failed: {exc}"
                table.add_row(
                    str(entry.year),
                    entry.place or "—",
                    f"{src.publisher}: {src.translation}",
                    result,
                )
    width = None if out.isatty() else 160  # a piped table is read by programs and people
    console(out, width=width).print(table)
    if failures:
        print(f"declcompare: error: {failures} download(s) failed (see the table)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_SAME
