"""What every command shares: exit codes, the progress line, report output and its options."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from declcompare.errors import OutputError

if TYPE_CHECKING:
    from declcompare.compare import Comparison


EXIT_SAME = 0


EXIT_DIFFERENT = 1


EXIT_ERROR = 2


def clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@contextmanager
def progress_line(stream: TextIO, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A transient status line on a terminal; nothing at all when output is piped."""
    if not enabled or not stream.isatty():
        yield lambda _message: None
        return
    from rich.console import Console

    console = Console(file=stream)
    with console.status("Starting …") as status:
        yield lambda message: status.update(message)


def write_output(
    comparison: Comparison, fmt: str | None, output: str | None, force: bool, out: TextIO
) -> str:
    from declcompare.report import BINARY_FORMATS, FORMATS, Format, format_for, render, write_report

    chosen: Format
    chosen = format_for(output or "") if fmt is None else next(f for f in FORMATS if f == fmt)
    if output is None or output == "-":
        if chosen in BINARY_FORMATS:
            what = "an Excel workbook" if chosen == "xlsx" else "a Word document"
            raise OutputError(f"{what} cannot be written to the terminal; give --output")
        data = render(comparison, chosen).decode("utf-8")
        out.write(data)
        return "standard output"
    return str(write_report(comparison, output, chosen, force=force))


def add_output(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--output PATH and --force, as every writing command has them."""
    parser.add_argument("--output", "-o", metavar="PATH", help=help_text)
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def add_no_progress(
    parser: argparse.ArgumentParser, help_text: str = "no progress display, even on a terminal"
) -> None:
    parser.add_argument("--no-progress", action="store_true", help=help_text)
