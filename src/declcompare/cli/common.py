"""What every command shares: exit codes, the progress line, report output and its options."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from declcompare.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from declcompare.compare import Comparison


EXIT_SAME = 0

# What the readers accept (ingest.readers), for help texts; the extra each needs in brackets.
READABLE = (
    "plain text or Markdown (UTF-8), an HTML page, a PDF or a Word .docx document "
    "(HTML, PDF and Word need the extras declcompare[html], [pdf] and [docx]); the format "
    "is told from the file's bytes"
)


EXIT_DIFFERENT = 1


EXIT_ERROR = 2


# Every control character but tab and newline, DEL, the C1 controls (ESC's 8-bit
# twins) and the bidirectional overrides and isolates that reorder what a terminal
# shows ("Trojan Source"): one visible character each, so text keeps its length.
_NEUTRAL = {
    **{code: 0x2400 + code for code in range(32) if code not in (9, 10)},
    0x7F: 0x2421,
    **dict.fromkeys(range(128, 160), 65533),
    **dict.fromkeys((*range(8234, 8239), *range(8294, 8298)), 65533),
}


def neutralise(text: str) -> str:
    """Text safe to print on a terminal: escape sequences, other control characters
    and bidirectional overrides replaced by visible symbols (ESC becomes '␛')."""
    return text.translate(_NEUTRAL)


def console(stream: TextIO, **options: object) -> Console:
    """A rich console that prints text from a declaration as it is, and only as it is.

    Markup and emoji codes are off, so a ``[link=…]`` or ``:flag:`` in a paragraph is
    printed literally; every string it renders is passed through :func:`neutralise`, so
    an escape sequence in a file can never move the cursor, clear the screen, retitle
    the window or plant a hyperlink. Styling comes from :func:`labelled` instead.
    """
    from rich.console import Console

    class _Console(Console):
        def render_str(self, text: str, **kwargs: object) -> Text:
            rendered = super().render_str(text, **kwargs)  # type: ignore[arg-type]
            rendered.plain = neutralise(rendered.plain)  # same length, so styles stay put
            return rendered

    settings: dict[str, object] = {"highlight": False, "markup": False, "emoji": False}
    settings.update(options)
    return _Console(file=stream, **settings)  # type: ignore[arg-type]


def labelled(label: str, value: str) -> Text:
    """'label value' with the label in bold, the value neutralised."""
    from rich.text import Text

    return Text.assemble((label, "bold"), " ", neutralise(value))


def clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@contextmanager
def progress_line(stream: TextIO, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A transient status line on a terminal; nothing at all when output is piped."""
    if not enabled or not stream.isatty():
        yield lambda _message: None
        return
    from rich.text import Text

    # A Text, not a str: the spinner would parse 'notes[/b].txt' as a closing tag.
    with console(stream).status("Starting …") as status:
        yield lambda message: status.update(Text(neutralise(message)))


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


def _limit(value: str) -> tuple[str, int]:
    """One ``--limit NAME=VALUE``, checked against InputLimits at once (a usage error)."""
    from pydantic import ValidationError

    from declcompare.limits import InputLimits

    name, _, number = value.partition("=")
    name = name.strip().replace("-", "_")
    if name not in InputLimits.model_fields:
        known = ", ".join(sorted(InputLimits.model_fields))
        raise argparse.ArgumentTypeError(f"unknown limit {name!r}; the limits are: {known}")
    try:
        amount = int(number.replace("_", "").replace(",", ""))
        InputLimits.model_validate({name: amount})
    except (ValueError, ValidationError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else "not a number"
        raise argparse.ArgumentTypeError(f"{value!r}: {detail}") from None
    return name, amount


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """--limit NAME=VALUE and --strict, as every command that reads declarations has them."""
    parser.add_argument(
        "--limit",
        type=_limit,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="raise (or lower) one input limit, e.g. --limit max_bytes=100000000; "
        "repeatable; the limits and their defaults are listed in the README",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse a text most of which falls outside its paragraphs (footnotes, "
        "markup, unreadable parts) instead of warning about it",
    )


def input_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keywords for load() that --limit and --strict ask for."""
    from declcompare.limits import InputLimits

    return {"limits": InputLimits(**dict(args.limit)), "strict": args.strict}


def warn(warnings: Iterable[str], stream: TextIO) -> None:
    """Each warning as one line on ``stream`` (standard error), neutralised."""
    for warning in warnings:
        print(f"declcompare: warning: {neutralise(warning)}", file=stream)


def add_no_progress(
    parser: argparse.ArgumentParser, help_text: str = "no progress display, even on a terminal"
) -> None:
    parser.add_argument("--no-progress", action="store_true", help=help_text)
