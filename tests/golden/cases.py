"""The comparisons whose reports are pinned by golden files, and how to refresh them.

Refresh after a deliberate change to a renderer (and review the diff):

    python -m tests.golden.cases

The seed demo pair (the real seed against a generated revision of it) is pinned
as the reports show it: the Markdown and CSV in full, and the JSON with the two
embedded declarations reduced to their id, paragraph count and a digest (they are the
inputs, pinned elsewhere; a model change then shows as one line, not a 370 KB diff).
The UN pair is pinned by SHA-256 digests only, because the project never commits
text of ../shared/corpus; a mismatch leaves the new report in pytest's temporary
folder for review. Each comparison is computed once per test session.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from declcompare import Comparison, Declaration, compare, load, load_seed
from declcompare.report import to_csv, to_json, to_markdown
from declcompare.report.briefing import briefing
from declcompare.report.series_report import series_to_markdown
from declcompare.series import Series, compare_series
from declcompare.synth import demo_donors, generate_revision
from tests.helpers import CORPUS, STATEMENTS, UNGA

HERE = Path(__file__).resolve().parent
UN_PAIR = ("assistance-in-mine-action", "2023-12-07_A-RES-78-70.txt", "2025-12-05_A-RES-80-74.txt")
SCO_PAIR = (
    "sco-heads-of-state-declaration",
    "2022-09-16_samarkand.txt",
    "2023-07-04_new-delhi.txt",
)


def briefing_outline(comparison: Comparison) -> str:
    """The briefing's order without the texts' words (never commit ../shared text):
    each section's key, title and counts, then each row's kind and positions."""
    lines = [f"{comparison.old.label} -> {comparison.new.label}"]
    for section in briefing(comparison):
        lines.append(f"== {section.key}: {section.title} ({len(section.rows)} rows, "
                     f"{section.more} more, {len(section.sentences)} sentences)")  # fmt: skip
        lines += [f"   {k}: {v}" for k, v in section.counts.items()]
        lines += [f"   {r.kind} | {r.old_position} | {r.new_position}" for r in section.rows]
    return "\n".join(lines) + "\n"


def json_view(comparison: Comparison) -> str:
    """The JSON report with each embedded declaration reduced to id, size and digest."""
    report = json.loads(to_json(comparison))
    for side in ("old", "new"):
        declaration = report["comparison"][side]
        canonical = json.dumps(declaration, sort_keys=True, ensure_ascii=False)
        report["comparison"][side] = {
            "id": declaration["id"],
            "paragraphs": sum(len(s["paragraphs"]) for s in declaration["sections"]),
            "sha256": digest(canonical),
        }
    return json.dumps(report, indent=1, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Comparison], str]] = {
    "md": to_markdown,
    "json": json_view,
    "csv": to_csv,
}
# The UN pair is pinned by digest of the full reports.
FULL_RENDERERS: dict[str, Callable[[Comparison], str]] = {
    "md": to_markdown,
    "json": to_json,
    "csv": to_csv,
}


def _portable(d: Declaration) -> Declaration:
    """The same declaration with its source path reduced to the file name."""
    if d.source.path is None:
        return d
    source = d.source.model_copy(update={"path": Path(d.source.path).name})
    return d.model_copy(update={"source": source})


@cache
def seed_demo() -> Comparison:
    seed = _portable(load_seed())
    revision = generate_revision(seed, seed=2020, donors=demo_donors()).declaration
    return compare(seed, revision)


@cache
def un_pair() -> Comparison:
    folder = UNGA / UN_PAIR[0]
    return compare(_portable(load(folder / UN_PAIR[1])), _portable(load(folder / UN_PAIR[2])))


@cache
def sco_pair() -> Comparison:
    folder = CORPUS / "sco-and-peers" / SCO_PAIR[0]
    return compare(_portable(load(folder / SCO_PAIR[1])), _portable(load(folder / SCO_PAIR[2])))


SERIES_RENDERERS: dict[str, Callable[[Series], str]] = {
    "frame.csv": lambda s: str(s.to_frame().to_csv(index=False, lineterminator="\n")),
    "md": series_to_markdown,
}


@cache
def seed_series() -> Series:
    """The real seed, then two generated revisions in turn (labelled as generated)."""
    seed = _portable(load_seed())
    first = generate_revision(seed, seed=1, donors=demo_donors()).declaration
    second = generate_revision(first, seed=2, donors=demo_donors()).declaration
    return compare_series([seed, first, second])


@cache
def quad_series() -> Series:
    files = sorted((STATEMENTS / "quad-leaders-joint-statement").glob("*.txt"))
    return compare_series([_portable(load(f)) for f in files])


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m tests.golden.cases",
        description="Rewrite the golden reports in tests/golden from the current code "
        "(review the diff before committing it).",
    )
    parser.parse_args(argv)
    demo = seed_demo()
    for fmt, render in RENDERERS.items():
        (HERE / f"seed-demo.{fmt}").write_text(render(demo), encoding="utf-8")
    series = seed_series()
    for name, render_series in SERIES_RENDERERS.items():
        (HERE / f"seed-series.{name}").write_text(render_series(series), encoding="utf-8")
    if STATEMENTS.is_dir():
        quad = quad_series()
        quad_digests = {name: digest(r(quad)) for name, r in SERIES_RENDERERS.items()}
        (HERE / "quad-series.sha256.json").write_text(
            json.dumps({"series": "quad-leaders-joint-statement", "sha256": quad_digests},
                       indent=2) + "\n",
            "utf-8",
        )  # fmt: skip
    if UNGA.is_dir():
        pair = un_pair()
        digests = {fmt: digest(render(pair)) for fmt, render in FULL_RENDERERS.items()}
        (HERE / "unga-pair.sha256.json").write_text(
            json.dumps({"pair": list(UN_PAIR), "sha256": digests}, indent=2) + "\n", "utf-8"
        )
        (HERE / "unga-pair.briefing.txt").write_text(briefing_outline(pair), "utf-8")
    if (CORPUS / "sco-and-peers").is_dir():
        pair = sco_pair()
        digests = {fmt: digest(render(pair)) for fmt, render in FULL_RENDERERS.items()}
        (HERE / "sco-pair.sha256.json").write_text(
            json.dumps({"pair": list(SCO_PAIR), "sha256": digests}, indent=2) + "\n", "utf-8"
        )
        (HERE / "sco-pair.briefing.txt").write_text(briefing_outline(pair), "utf-8")
    print(f"golden files written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
