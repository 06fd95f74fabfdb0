"""declcompare show: the parsed structure of a declaration, to check a parse first."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from declcompare.model import Declaration

from declcompare.cli.common import EXIT_SAME, clip, console, input_options, labelled, warn

EPILOG_SHOW = """\
examples:
  declcompare show seeds/2020-11-10_sco-moscow-declaration.txt
  declcompare show resolution.txt --full
"""


def _from(declaration: Declaration, key: str) -> str:
    origin = declaration.metadata.get(key)
    return f" (from the {origin})" if origin else ""


def render_structure(
    declaration: Declaration, stream: TextIO, *, full: bool = False, brief: bool = False
) -> None:
    """Print a declaration's parsed structure as tables, to check a parse by eye."""
    from rich.table import Table

    con = console(stream)
    meta = Table(title="Declaration", show_header=False, title_justify="left")
    meta.add_column("field", style="bold")
    meta.add_column("value")
    rows = {
        "id": declaration.id,
        "label": declaration.label,
        "title": declaration.title or "—",
        "organisation": declaration.organisation or "—",
        "place": (declaration.place or "—") + _from(declaration, "place_from"),
        "date": (declaration.date.isoformat() if declaration.date else "—")
        + _from(declaration, "date_from"),
        "language": declaration.language,
        "source": declaration.source.path or declaration.source.url or "—",
        "sha256": declaration.source.sha256 or "—",
        "paragraphs": str(len(declaration.paragraphs)),
        "sections": str(len(declaration.sections)),
    }
    rows.update({f"metadata.{k}": v for k, v in declaration.metadata.items()})
    for key, value in rows.items():
        meta.add_row(key, value)
    con.print(meta)

    width = 10_000 if full else 90
    if brief:
        outline = Table(title="Sections", title_justify="left")
        outline.add_column("section")
        outline.add_column("paragraphs", justify="right")
        for section in declaration.sections:
            outline.add_row(section.heading or "(opening part)", str(len(section.paragraphs)))
        con.print(outline)
    index = -1  # position in declaration.paragraphs
    is_un = declaration.metadata.get("symbol", "").startswith("A/RES/")
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
            index += 1
            printed = declaration.printed_label(index) if is_un else None
            spans = " + ".join(f"{s.start}–{s.end}" for s in paragraph.spans)
            if len(paragraph.spans) > 1:
                spans += " (rejoined)"
            table.add_row(
                paragraph.id,
                printed or paragraph.number or ("•" if paragraph.bullet else ""),
                clip(paragraph.text, width),
                spans,
            )
        con.print(table)

    if declaration.signatories:
        sig = Table(title="Signatories", title_justify="left")
        for column in ("role", "state", "name"):
            sig.add_column(column)
        for s in declaration.signatories:
            sig.add_row(s.role or "—", s.state or "—", s.name or "—")
        con.print(sig)
    others = [b for b in declaration.blocks if b.kind.value not in ("signature",)]
    if others:
        blk = Table(title="Other text kept", title_justify="left")
        blk.add_column("kind", no_wrap=True)
        blk.add_column("text", overflow="fold")
        for b in others:
            blk.add_row(b.kind.value, clip(b.text, width))
        con.print(blk)
    if declaration.unparsed:
        con.print(
            labelled(
                "Note:",
                f"{len(declaration.unparsed)} piece(s) of text could not be placed in the "
                "structure; they are listed above as 'unparsed'.",
            )
        )


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from declcompare.ingest.readers import check_readers
    from declcompare.parse import load

    check_readers([args.file])
    declaration = load(args.file, **input_options(args))
    render_structure(declaration, out, full=args.full)
    warn(declaration.warnings, sys.stderr)
    return EXIT_SAME
