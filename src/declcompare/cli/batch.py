"""declcompare batch: many pairs at once from a TOML file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from declcompare.errors import OutputError

if TYPE_CHECKING:
    pass

from declcompare.cli.common import EXIT_DIFFERENT, EXIT_SAME, console, input_options, warn

EPILOG_BATCH = """\
examples:
  declcompare batch pairs.toml
  declcompare batch pairs.toml --engine processes --workers 2
  declcompare batch pairs.toml --engine dask --output all-pairs.csv

pairs.toml:
  [[pair]]
  old = "2024/resolution.txt"
  new = "2025/resolution.txt"
"""


def _read_batch(path: str) -> list[tuple[str, str]]:
    import tomllib

    folder = Path(path).parent
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise OutputError(f"no such batch manifest: {path!r}") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OutputError(f"cannot read the batch manifest {path!r}: {exc}") from exc
    unknown = sorted(set(data) - {"pair"})
    if unknown:
        raise OutputError(f"{path!r} has unknown keys {unknown}; it holds only [[pair]] tables")
    tables = data.get("pair", [])
    if not isinstance(tables, list):
        raise OutputError(f"'pair' in {path!r} must be [[pair]] tables, not a single value")
    pairs = []
    for k, entry in enumerate(tables, start=1):
        if not isinstance(entry, dict) or "old" not in entry or "new" not in entry:
            raise OutputError(f"pair {k} of {path!r} needs an 'old' and a 'new' file")
        extra = sorted(set(entry) - {"old", "new"})
        if extra or not all(isinstance(entry[key], str) for key in ("old", "new")):
            raise OutputError(
                f'pair {k} of {path!r} must hold only old = "FILE" and new = "FILE"'
                + (f" (unknown keys {extra})" if extra else "")
            )
        pairs.append((str(folder / entry["old"]), str(folder / entry["new"])))
    if not pairs:
        raise OutputError(f"{path!r} lists no [[pair]] tables (each with old = ... and new = ...)")
    return pairs


def cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    from rich.table import Table

    from declcompare.many import compare_many
    from declcompare.report.content import write_bytes

    pairs = _read_batch(args.manifest)
    if sys.stderr.isatty() and not args.no_progress:
        from rich.console import Console as ErrConsole
        from rich.progress import Progress

        with Progress(console=ErrConsole(file=sys.stderr), transient=True) as bar:
            task = bar.add_task("Comparing pairs", total=len(pairs))
            frame = compare_many(
                pairs,
                engine=args.engine,
                n_workers=args.workers,
                progress=lambda d, t: bar.update(task, completed=d),
                **input_options(args),
            )
    else:
        frame = compare_many(
            pairs, engine=args.engine, n_workers=args.workers, **input_options(args)
        )
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
    console(out, width=width).print(table)
    firsts = frame.drop_duplicates("pair")
    warn(
        (
            f"pair {int(pair) + 1}: {text}"
            for pair, text in zip(firsts["pair"], firsts["warnings"], strict=True)
            if isinstance(text, str) and text
        ),
        sys.stderr,
    )
    if args.output:
        from declcompare.report.csv import frame_to_csv

        data = frame_to_csv(frame).encode("utf-8")
        written = write_bytes(data, args.output, force=args.force, what="CSV table")
        print(f"Paragraph table of all pairs written to {written}", file=out)
    changed = bool((frame["kind"] != "unchanged").any() or frame["moved"].any())
    return EXIT_DIFFERENT if changed else EXIT_SAME
