"""The ``declcompare`` command: a thin skin over the library.

It parses arguments, calls the library, prints, and turns every
:class:`~declcompare.errors.DeclcompareError` into one line on standard error
with exit status 2. This is the only module that prints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from declcompare import __version__
from declcompare.errors import DeclcompareError, OutputError, OutputExistsError
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
  declcompare demo --seed 7 --output-dir my-demo
"""
_EPILOG_TIMELINE = """\
examples:
  declcompare timeline 2019.txt 2020.txt 2021.txt
  declcompare timeline statements/*.txt --output timeline.html
  declcompare timeline a.txt b.txt c.txt --format md > timeline.md
"""
_EPILOG_FETCH = """\
examples:
  declcompare fetch sco
  declcompare fetch sco --year 2021
  declcompare fetch sco --refresh --timeout 60
"""
_EPILOG_BATCH = """\
examples:
  declcompare batch pairs.toml
  declcompare batch pairs.toml --engine dask --output all-pairs.csv

pairs.toml:
  [[pair]]
  old = "2024/resolution.txt"
  new = "2025/resolution.txt"
"""
_EPILOG_COMPARE = """\
examples:
  declcompare compare resolution-2024.txt resolution-2025.txt
  declcompare compare old.md new.md --output briefing.html
  declcompare compare old.md new.md --format md > briefing.md
  declcompare compare old.md new.md --output changes.xlsx --force

exit status: 0 nothing changed, 1 something changed, 2 error (like diff)
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
    from declcompare.report._common import SHIFTS, headline, items, position, shift_rows

    counts = headline(comparison)
    commitment_line = ", ".join(
        f"{v} {k.split(' ', 1)[1].replace('_', ' ')}"
        for k, v in counts.items()
        if k.startswith("commitments") and v
    )
    console.print(f"[bold]Commitments:[/bold] {commitment_line or 'none found'}")
    shifts = [row for row in shift_rows(comparison) if row[3].value in SHIFTS][:top]
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
                _clip(b.object, 120),
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
                _clip(render_redline(i.link.redline), 400),
            )
        console.print(changes)


@contextmanager
def _progress(stream: TextIO, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A transient status line on a terminal; nothing at all when output is piped."""
    if not enabled or not stream.isatty():
        yield lambda _message: None
        return
    from rich.console import Console

    console = Console(file=stream)
    with console.status("Starting …") as status:
        yield lambda message: status.update(message)


def _write(
    comparison: Comparison, fmt: str | None, output: str | None, force: bool, out: TextIO
) -> str:
    from declcompare.report import FORMATS, Format, format_for, render, write_report

    chosen: Format
    chosen = format_for(output or "") if fmt is None else next(f for f in FORMATS if f == fmt)
    if output is None or output == "-":
        if chosen == "xlsx":
            raise OutputError("an Excel workbook cannot be written to the terminal; give --output")
        data = render(comparison, chosen).decode("utf-8")
        out.write(data)
        return "standard output"
    return str(write_report(comparison, output, chosen, force=force))


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.parse import load

    to_stdout = args.format is not None and args.output in (None, "-")
    with _progress(sys.stderr, not args.no_progress) as step:
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
            where = _write(comparison, args.format, args.output, args.force, out)
        else:
            summary_stream, where = out, ""
    render_comparison(comparison, summary_stream, top=args.top)
    if where and not to_stdout:
        print(f"Report written to {where}", file=summary_stream)
    return EXIT_DIFFERENT if comparison.changed else EXIT_SAME


def _fresh_folder(requested: str | None) -> Path:
    if requested is not None:
        folder = Path(requested)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise OutputExistsError(
                f"{str(folder)!r} already exists and is not an empty folder; the demo writes "
                "into a fresh folder"
            )
    else:
        folder = Path("declcompare-demo")
        n = 2
        while folder.exists():
            folder = Path(f"declcompare-demo-{n}")
            n += 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {str(folder)!r}: {exc.strerror}") from exc
    return folder


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.generate import demo_donors, generate_revision
    from declcompare.report import format_for, write_report
    from declcompare.seeds import load_seed

    folder = _fresh_folder(args.output_dir)
    with _progress(sys.stderr, not args.no_progress) as step:
        step("Reading the seed declaration …")
        seed = load_seed()
        step("Generating a revision and comparing …")
        revision = generate_revision(seed, seed=args.seed, donors=demo_donors())
        comparison = compare(seed, revision.declaration)
        written = []
        for name in ("report.html", "report.md", "report.xlsx"):
            step(f"Writing {name} …")
            written.append(write_report(comparison, folder / name, format_for(name)))
    render_structure(seed, out, full=args.full, brief=not args.full)
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
    print("Reports (of the generated revision, labelled as such):", file=out)
    for path in written:
        print(f"  {path.resolve()}", file=out)
    return EXIT_SAME


def _cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    from declcompare.parse import load
    from declcompare.report._common import describe
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
    with _progress(sys.stderr, not args.no_progress) as step:
        declarations = []
        for n, file in enumerate(args.files, start=1):
            step(f"Reading {n} of {len(args.files)}: {file} …")
            declarations.append(load(file))
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
    console = Console(file=sys.stderr if to_stdout else out, highlight=False)
    texts = Table(title="Texts, in order", title_justify="left")
    for column in ("#", "label", "text", "paragraphs"):
        texts.add_column(column)
    for k, d in enumerate(series.declarations, start=1):
        texts.add_row(str(k), series.labels[k - 1], _clip(describe(d), 70), str(len(d.paragraphs)))
    console.print(texts)
    steps = series.step_counts()
    table = Table(title="Paragraphs by change at each step", title_justify="left")
    table.add_column("step")
    for column in steps.columns:
        table.add_column(str(column), justify="right")
    for label, row in steps.iterrows():
        table.add_row(str(label), *(str(int(v)) for v in row.tolist()))
    console.print(table)
    console.print(
        f"[bold]Lineages:[/bold] {len(frame)}; present in every text: "
        f"{len(series.present_in_all())}. [bold]Commitments[/bold] followed: "
        f"{len(commitments)}; weakened somewhere: {int(commitments['weakened'].sum())}, "
        f"strengthened somewhere: {int(commitments['strengthened'].sum())}.",
        soft_wrap=True,
    )
    if written:
        console.print(f"Report written to {written}", soft_wrap=True)
    return EXIT_SAME


def _cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
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
    with _progress(sys.stderr, not args.no_progress) as step:
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
    Console(file=out, highlight=False, width=width).print(table)
    if failures:
        print(f"declcompare: error: {failures} download(s) failed (see the table)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_SAME


def _read_batch(path: str) -> list[tuple[str, str]]:
    import tomllib

    folder = Path(path).parent
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise OutputError(f"no such batch manifest: {path!r}") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OutputError(f"cannot read the batch manifest {path!r}: {exc}") from exc
    pairs = []
    for k, entry in enumerate(data.get("pair", []), start=1):
        if not isinstance(entry, dict) or "old" not in entry or "new" not in entry:
            raise OutputError(f"pair {k} of {path!r} needs an 'old' and a 'new' file")
        pairs.append((str(folder / entry["old"]), str(folder / entry["new"])))
    if not pairs:
        raise OutputError(f"{path!r} lists no [[pair]] tables (each with old = ... and new = ...)")
    return pairs


def _cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    from declcompare.many import compare_many
    from declcompare.report._common import write_bytes

    pairs = _read_batch(args.manifest)
    if sys.stderr.isatty() and not args.no_progress:
        from rich.console import Console as ErrConsole
        from rich.progress import Progress

        with Progress(console=ErrConsole(file=sys.stderr), transient=True) as bar:
            task = bar.add_task("Comparing pairs", total=len(pairs))
            frame = compare_many(
                pairs, engine=args.engine, progress=lambda d, t: bar.update(task, completed=d)
            )
    else:
        frame = compare_many(pairs, engine=args.engine)
    counts = frame.groupby(["pair", "kind"], observed=False).size().unstack(fill_value=0)
    table = Table(title=f"{len(pairs)} pairs", title_justify="left")
    table.add_column("pair")
    table.add_column("old → new", overflow="fold")
    for column in counts.columns:
        table.add_column(str(column), justify="right")
    by_pair = {int(str(k)): v for k, v in counts.astype("int64").to_dict(orient="index").items()}
    for k, (old, new) in enumerate(pairs):
        row = by_pair.get(k, {})
        cells = [str(int(row.get(c, 0))) for c in counts.columns]
        table.add_row(str(k + 1), f"{Path(old).name} → {Path(new).name}", *cells)
    width = None if out.isatty() else 160
    Console(file=out, highlight=False, width=width).print(table)
    if args.output:
        from declcompare.report.csv import frame_to_csv

        data = frame_to_csv(frame).encode("utf-8")
        written = write_bytes(data, args.output, force=args.force, what="CSV table")
        print(f"Paragraph table of all pairs written to {written}", file=out)
    changed = bool((frame["kind"] != "unchanged").any() or frame["moved"].any())
    return EXIT_DIFFERENT if changed else EXIT_SAME


def _add_output(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--output PATH and --force, as every writing command has them."""
    parser.add_argument("--output", "-o", metavar="PATH", help=help_text)
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def _add_no_progress(
    parser: argparse.ArgumentParser, help_text: str = "no progress display, even on a terminal"
) -> None:
    parser.add_argument("--no-progress", action="store_true", help=help_text)


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
        "Heads of State (10 November 2020), show its structure, compare it with a "
        "generated revision of itself (labelled as generated, not a real text) and write "
        "the HTML, Markdown and Excel reports into a fresh folder.",
        epilog=_EPILOG_DEMO,
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
    _add_no_progress(demo)
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
    cmp_.add_argument(
        "--format",
        choices=["md", "html", "xlsx", "json", "csv"],
        help="report format (default: from the --output file name); without --output, "
        "the report is written to standard output and the summary to standard error",
    )
    _add_output(cmp_, "write the report to PATH")
    _add_no_progress(cmp_)
    cmp_.set_defaults(handler=_cmd_compare)

    timeline = commands.add_parser(
        "timeline",
        help="follow paragraphs and commitments across a series of declarations",
        description="Compare each declaration with the next (in date order where every "
        "text has a date, or a date at the start of its file name) and follow each provision "
        "and commitment through the series.",
        epilog=_EPILOG_TIMELINE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    timeline.add_argument("files", nargs="+", metavar="FILE", help="two or more declarations")
    timeline.add_argument("--format", choices=["md", "html", "xlsx", "json"], help="report format")
    _add_output(timeline, "write the report to PATH")
    timeline.add_argument(
        "--order",
        choices=["date", "given"],
        default="date",
        help="order of the texts: by date (default) or as given",
    )
    _add_no_progress(timeline)
    timeline.set_defaults(handler=_cmd_timeline)

    fetch = commands.add_parser(
        "fetch",
        help="download the published texts of a series into the local cache",
        description="Download the SCO declarations listed in the manifest (with the public "
        "addresses known to carry an English text) into the user cache folder, recording "
        "each file's SHA-256 and retrieval date. Cached copies are reused and checked. "
        "Then read a file with 'declcompare show PATH' or compare two.",
        epilog=_EPILOG_FETCH,
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
    _add_no_progress(fetch)
    fetch.set_defaults(handler=_cmd_fetch)

    batch = commands.add_parser(
        "batch",
        help="compare many pairs listed in a manifest",
        description="Compare every [[pair]] (old = FILE, new = FILE, relative to the "
        "manifest) and print counts by kind per pair; with --output, write the paragraph "
        "table of all pairs as one CSV. Exit status as for compare.",
        epilog=_EPILOG_BATCH,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("manifest", help="a TOML file of [[pair]] tables")
    batch.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local (default) or Dask (extra declcompare[dask])")  # fmt: skip
    _add_output(batch, "write all rows as one CSV")
    _add_no_progress(batch, "no progress bar, even on a terminal")
    batch.set_defaults(handler=_cmd_batch)
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
