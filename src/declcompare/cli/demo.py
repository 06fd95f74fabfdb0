"""declcompare demo: the demonstration on the bundled seed and a generated revision of it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from declcompare.errors import OutputError, OutputExistsError

if TYPE_CHECKING:
    pass

from declcompare.cli.common import EXIT_SAME, progress_line
from declcompare.cli.compare import render_comparison
from declcompare.cli.show import render_structure

EPILOG_DEMO = """\
examples:
  declcompare demo
  declcompare demo --seed 7 --output-dir my-demo
"""


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


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.compare import compare
    from declcompare.report import format_for, write_report
    from declcompare.seeds import load_seed
    from declcompare.synth import demo_donors, generate_revision

    folder = _fresh_folder(args.output_dir)
    with progress_line(sys.stderr, not args.no_progress) as step:
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
