"""Every commitment change of the real corpus, written down so that two versions compare.

A rule found on a few development pairs reaches every text of the corpus. Before a
change is adopted, write what the current version reads, change the code, write
again and read the difference: every commitment pair whose kind of change moved,
every commitment that appeared or disappeared, with both predicates and the pair
it stands in. This is the reproducible form of the "read the whole corpus before
and after" review (its counts can be quoted; an ad-hoc script's cannot).

Run:
    python -m benchmarks.review dump before.jsonl            # at the old commit
    python -m benchmarks.review dump after.jsonl             # at the new one
    python -m benchmarks.review diff before.jsonl after.jsonl [--show 40]

``dump`` covers every consecutive pair of every series of ``../shared/corpus``
(statements, SCO texts and UN resolutions; ``--no-un`` leaves the UN series out);
rows are keyed by pair, paragraph positions and predicates, so a diff names what
moved. Needs ../shared/corpus; no text of it is written beyond the predicates.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from benchmarks.accuracy.gold.tool import CORPUS

Row = dict[str, object]


def series_pairs(include_un: bool = True) -> list[tuple[str, str]]:
    """Consecutive texts of each series folder, as paths under the corpus."""
    folders = sorted(p for p in CORPUS.glob("*/*") if p.is_dir() and not p.name.startswith("_"))
    out: list[tuple[str, str]] = []
    for folder in folders:
        if not include_un and folder.parent.name.startswith("unga"):
            continue
        files = sorted(folder.glob("*.txt"))
        for a, b in itertools.pairwise(files):
            if a.read_bytes() != b.read_bytes():
                out.append((str(a.relative_to(CORPUS)), str(b.relative_to(CORPUS))))
    return out


def rows_of_pair(old_name: str, new_name: str) -> Iterator[Row]:
    """One row per commitment pair (or lone commitment) of one comparison."""
    import declcompare

    old = declcompare.load(CORPUS / old_name)
    new = declcompare.load(CORPUS / new_name)
    comparison = declcompare.compare(old, new)
    for _, a, b, change in comparison.commitment_changes():
        yield {
            "pair": f"{old_name} -> {new_name}",
            "old": a.paragraph_index if a else None,
            "new": b.paragraph_index if b else None,
            "old_at": a.predicate_start if a else None,
            "new_at": b.predicate_start if b else None,
            "old_predicate": a.predicate if a else None,
            "new_predicate": b.predicate if b else None,
            "old_actor": a.actor if a else None,
            "new_actor": b.actor if b else None,
            "change": change.value,
        }


def dump(path: Path, include_un: bool = True) -> int:
    pairs = series_pairs(include_un)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for old_name, new_name in pairs:
            for row in rows_of_pair(old_name, new_name):
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    print(f"{count} commitment rows of {len(pairs)} pairs written to {path}")
    return 0


def _side_key(row: Row, side: str) -> tuple[object, ...] | None:
    """One commitment: its pair, side, paragraph, predicate and where the predicate
    stands in the paragraph (two "welcome" of one paragraph are two commitments)."""
    if row[side] is None:
        return None
    return (row["pair"], side, row[side], row[f"{side}_predicate"], row.get(f"{side}_at"))


def diff(before: Path, after: Path, show: int) -> int:
    """What became of each commitment (by its side, paragraph and predicate) in both."""

    def fate(path: Path) -> dict[tuple[object, ...], Row]:
        out: dict[tuple[object, ...], Row] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in ("old", "new"):
                key = _side_key(row, side)
                if key is not None:
                    out.setdefault(key, row)
        return out

    a, b = fate(before), fate(after)
    moved: Counter[tuple[str, str]] = Counter()
    listed: list[str] = []
    for key in sorted(a.keys() | b.keys(), key=repr):
        ra, rb = a.get(key), b.get(key)
        was = str(ra["change"]) if ra else "(absent)"
        now = str(rb["change"]) if rb else "(absent)"
        side = str(key[1])
        if ra and rb and ra[f"{side}_actor"] != rb[f"{side}_actor"]:
            was += f" [{ra[f'{side}_actor']}]"
            now += f" [{rb[f'{side}_actor']}]"
        partner_a = _partner(ra, side) if ra else ""
        partner_b = _partner(rb, side) if rb else ""
        if was == now and partner_a == partner_b:
            continue
        paired_both = ra and rb and ra.get("old") is not None and rb.get("old") is not None
        if side == "new" and paired_both:
            continue  # a pair is counted once, from its old side
        moved[(was, now)] += 1
        if len(listed) < show:
            listed.append(
                f"{key[0]} | {key[1]} ¶{key[2]} {key[3]!r}: {was} {partner_a} -> {now} {partner_b}"
            )
    total = sum(moved.values())
    print(f"{total} commitments read differently ({len(a)} before, {len(b)} after)")
    for (was, now), n in moved.most_common():
        print(f"  {n:5}  {was} -> {now}")
    if listed:
        print("\nfirst changes:")
        print("\n".join(listed))
    return 0


def _partner(row: Row, side: str) -> str:
    other = "new" if side == "old" else "old"
    if row[other] is None:
        return "(alone)"
    return f"(¶{row[other]} {row[f'{other}_predicate']!r})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write every commitment row of the corpus")
    d.add_argument("path", type=Path)
    d.add_argument("--no-un", action="store_true", help="leave the UN series out")
    c = sub.add_parser("diff", help="what moved between two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=40, help="how many changes to list")
    args = parser.parse_args(argv)
    if args.command == "diff":
        return diff(args.before, args.after, args.show)
    if not CORPUS.is_dir():  # only a dump reads the corpus
        print(f"needs the corpus at {CORPUS}", file=sys.stderr)
        return 2
    return dump(args.path, not args.no_un)


if __name__ == "__main__":
    sys.exit(main())
