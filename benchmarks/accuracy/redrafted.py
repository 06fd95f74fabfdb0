"""Alignment accuracy on real redrafted pairs, against the hand labels of ``gold/``.

Run:  python -m benchmarks.accuracy.redrafted           (reported pairs, gold/redrafted/)
      python -m benchmarks.accuracy.redrafted --dev     (development pairs, gold/dev/)
      python -m benchmarks.accuracy.redrafted --dev --options '{"piece_min_score": 0.35}'
                                                        (the default engine with other options)

Methods, all in the same run on the same parsed texts:

- ``declcompare``: ``compare()`` with default options;
- ``declcompare-one-pass``: the same with ``calibration_rounds=0`` (no calibrated
  second pass, no sentence pieces): the alignment before redrafting was handled;
- ``declcompare+semantic``: ``compare()`` with the ``[semantic]`` extra's scorer
  (skipped, and said so, when the extra is not installed);
- ``rapidfuzz-assignment``: rapidfuzz ``token_sort_ratio`` over every pair, a global
  one-to-one assignment (scipy), links kept above a threshold;
- ``embedding-assignment``: cosine of the extra's static embeddings over every pair,
  the same assignment and threshold rule.

The two baselines' thresholds are chosen on the development pairs (``gold/dev/``),
never on the reported ones. Scoring: a heading-like paragraph (short, without a full
stop) is left out on both sides; ``[[uncertain]]`` pairs are not scored (neither a
predicted link there nor its absence counts); precision, recall and F1 are over links,
per pair and pooled; split/merge recall is the recall of the links labelled ``split`` or
``merged``; added/dropped accuracy is the share of scored paragraphs whose status
(linked, or added/dropped) the method gets right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.accuracy.gold.tool import CORPUS, Gold, load_text, read_gold
from declcompare.align import CompareOptions
from declcompare.compare import compare
from declcompare.model import Declaration

HERE = Path(__file__).resolve().parent
REPORTED = HERE / "gold" / "redrafted"
DEV = HERE / "gold" / "dev"
HEADING_WORDS = 12
BASELINE_THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))

Pairs = set[tuple[int, int]]
Method = Callable[[Declaration, Declaration], Pairs]


def is_heading(text: str) -> bool:
    """A heading-like paragraph: at most a dozen words and no sentence-final stop."""
    stripped = text.strip()
    return len(stripped.split()) <= HEADING_WORDS and not re.search(r"[.;:!?]\W*$", stripped)


@dataclass
class Count:
    """Counts of one method over one or more pairs."""

    hit: int = 0
    predicted: int = 0
    truth: int = 0
    piece_hit: int = 0
    pieces: int = 0
    status_right: int = 0
    statuses: int = 0

    def add(self, other: Count) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        p = self.hit / self.predicted if self.predicted else 1.0
        r = self.hit / self.truth if self.truth else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
            "split_merge_recall": round(self.piece_hit / self.pieces, 3) if self.pieces else 1.0,
            "added_dropped_accuracy": (
                round(self.status_right / self.statuses, 3) if self.statuses else 1.0
            ),
        }


def score_pair(gold: Gold, old: Declaration, new: Declaration, predicted: Pairs) -> Count:
    """Count one method's links on one labelled pair (see the module docstring)."""
    skip_old = {p.index for p in old.paragraphs if is_heading(p.text)}
    skip_new = {p.index for p in new.paragraphs if is_heading(p.text)}

    def scored(pairs: Pairs | frozenset[tuple[int, int]]) -> Pairs:
        return {
            (i, j)
            for i, j in pairs
            if i not in skip_old and j not in skip_new and (i, j) not in gold.uncertain
        }

    truth, found = scored(gold.links), scored(predicted)
    pieces = {pair for pair in truth if gold.link_kinds[pair] in ("split", "merged")}
    count = Count(
        hit=len(truth & found),
        predicted=len(found),
        truth=len(truth),
        piece_hit=len(pieces & found),
        pieces=len(pieces),
    )
    unsure_old = {i for i, _ in gold.uncertain} - {i for i, _ in truth}
    unsure_new = {j for _, j in gold.uncertain} - {j for _, j in truth}
    for side, size, skip, unsure, pos in (
        ("old", len(old.paragraphs), skip_old, unsure_old, 0),
        ("new", len(new.paragraphs), skip_new, unsure_new, 1),
    ):
        del side
        linked_truth = {pair[pos] for pair in truth}
        linked_found = {pair[pos] for pair in found}
        for k in range(size):
            if k in skip or k in unsure:
                continue
            count.statuses += 1
            count.status_right += (k in linked_truth) == (k in linked_found)
    return count


def comparison_links(options: CompareOptions | None = None) -> Method:
    """The links ``compare()`` reports, split and merge pieces included."""

    def method(old: Declaration, new: Declaration) -> Pairs:
        result = compare(old, new, options=options)
        return {
            (link.old_index, link.new_index)
            for link in result.links
            if link.old_index is not None and link.new_index is not None
        }

    return method


def _assignment(
    matrix: np.ndarray[tuple[int, int], np.dtype[np.float64]],
) -> list[tuple[int, int, float]]:
    from scipy.optimize import linear_sum_assignment

    if matrix.size == 0:
        return []
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return [(int(i), int(j), float(matrix[i, j])) for i, j in zip(rows, cols, strict=True)]


def rapidfuzz_matrix(
    old: Declaration, new: Declaration
) -> np.ndarray[tuple[int, int], np.dtype[np.float64]]:
    from rapidfuzz import fuzz, process

    a = [p.text for p in old.paragraphs]
    b = [p.text for p in new.paragraphs]
    return np.asarray(process.cdist(a, b, scorer=fuzz.token_sort_ratio), dtype=np.float64) / 100.0


def embedding_matrix(
    old: Declaration, new: Declaration
) -> np.ndarray[tuple[int, int], np.dtype[np.float64]]:
    from declcompare.align.semantic import default_similarity

    scorer = default_similarity()
    a = scorer.embed([p.text for p in old.paragraphs])
    b = scorer.embed([p.text for p in new.paragraphs])
    return np.asarray(a @ b.T, dtype=np.float64)


def assignment_method(
    matrix: Callable[[Declaration, Declaration], np.ndarray[tuple[int, int], np.dtype[np.float64]]],
    threshold: float,
) -> Method:
    """A baseline: one-to-one assignment over the full matrix, links above ``threshold``."""

    def method(old: Declaration, new: Declaration) -> Pairs:
        return {(i, j) for i, j, s in _assignment(matrix(old, new)) if s >= threshold}

    return method


def load_pairs(folder: Path) -> list[tuple[Gold, Declaration, Declaration]]:
    """The labelled pairs of ``folder`` with both texts parsed."""
    out = []
    for path in sorted(folder.glob("*.toml")):
        gold = read_gold(path)
        out.append((gold, load_text(gold.old), load_text(gold.new)))
    return out


def tune_threshold(
    matrix: Callable[[Declaration, Declaration], np.ndarray[tuple[int, int], np.dtype[np.float64]]],
    dev: Sequence[tuple[Gold, Declaration, Declaration]],
) -> float:
    """The baseline threshold of best pooled F1 on the development pairs."""
    assigned = [(g, o, n, _assignment(matrix(o, n))) for g, o, n in dev]
    best, best_f1 = BASELINE_THRESHOLDS[0], -1.0
    for threshold in BASELINE_THRESHOLDS:
        total = Count()
        for g, o, n, links in assigned:
            total.add(score_pair(g, o, n, {(i, j) for i, j, s in links if s >= threshold}))
        f1 = total.metrics()["f1"]
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def semantic_available() -> bool:
    from declcompare.align.semantic import semantic_installed

    return semantic_installed()


def methods(dev: Sequence[tuple[Gold, Declaration, Declaration]]) -> dict[str, Method]:
    """Every method of the run; baseline thresholds tuned on ``dev``."""
    out: dict[str, Method] = {
        "declcompare": comparison_links(),
        # the engine without its calibrated passes: the one-pass alignment as it was
        "declcompare-one-pass": comparison_links(CompareOptions(calibration_rounds=0)),
    }
    semantic = semantic_available()
    if semantic:
        from declcompare.align.semantic import default_similarity

        out["declcompare+semantic"] = comparison_links(
            CompareOptions(similarity=default_similarity())
        )
    out["rapidfuzz-assignment"] = assignment_method(
        rapidfuzz_matrix, tune_threshold(rapidfuzz_matrix, dev)
    )
    if semantic:
        out["embedding-assignment"] = assignment_method(
            embedding_matrix, tune_threshold(embedding_matrix, dev)
        )
    return out


def evaluate(dev_only: bool = False) -> dict[str, object]:
    """Per-pair and pooled scores of every method on the reported (or dev) pairs."""
    dev = load_pairs(DEV)
    pairs = dev if dev_only else load_pairs(REPORTED)
    table: dict[str, object] = {}
    pooled: dict[str, dict[str, float]] = {}
    for name, method in methods(dev).items():
        total = Count()
        per_pair: dict[str, dict[str, float]] = {}
        for gold, old, new in pairs:
            count = score_pair(gold, old, new, method(old, new))
            per_pair[gold.id] = count.metrics()
            total.add(count)
        pooled[name] = total.metrics()
        table[name] = {"pooled": pooled[name], "per_pair": per_pair}
    return {
        "set": "dev" if dev_only else "redrafted",
        "pairs": [gold.id for gold, _, _ in pairs],
        "semantic_installed": semantic_available(),
        "pooled": pooled,
        "methods": table,
    }


def to_markdown(results: dict[str, object]) -> list[str]:
    """The results.md section of the redrafted pairs."""
    pooled = results["pooled"]
    table = results["methods"]
    assert isinstance(pooled, dict)
    assert isinstance(table, dict)
    dev = results.get("set") == "dev"
    heading = "Development pairs (not the reported measure)" if dev else "Real redrafted pairs"
    lines = [
        f"## {heading}: {len(results['pairs'])} hand-labelled pairs "  # type: ignore[arg-type]
        f"(`gold/{'dev' if dev else 'redrafted'}/`)",
        "",
        "Links scored against the labels of `benchmarks/accuracy/gold/` (RULES.md); "
        "heading-like paragraphs and uncertain pairs are not scored. Baseline thresholds "
        "were chosen on `gold/dev/`.",
        "",
        "| method | precision | recall | F1 | split/merge recall | added/dropped accuracy |",
        "|---|---|---|---|---|---|",
    ]
    for name, m in pooled.items():
        lines.append(
            f"| {name} | {m['precision']} | {m['recall']} | {m['f1']} | "
            f"{m['split_merge_recall']} | {m['added_dropped_accuracy']} |"
        )
    if not results["semantic_installed"]:
        lines += ["", "The `[semantic]` extra was not installed: its two rows were not run."]
    lines += ["", "Per pair (P / R / F1):", ""]
    names = list(pooled)
    lines += ["| pair | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for pair in results["pairs"]:  # type: ignore[attr-defined]
        cells = []
        for name in names:
            m = table[name]["per_pair"][pair]
            cells.append(f"{m['precision']} / {m['recall']} / {m['f1']}")
        lines.append(f"| {pair} | " + " | ".join(cells) + " |")
    return lines


def sweep(settings: Sequence[str], dev_only: bool, pair: str | None = None) -> list[str]:
    """One line per JSON object of ``CompareOptions`` overrides: the default engine's
    pooled scores with them, on the dev (or reported) pairs, or on one pair."""
    pairs = load_pairs(DEV if dev_only else REPORTED)
    if pair is not None:
        pairs = [p for p in pairs if p[0].id == pair]
        if not pairs:
            raise SystemExit(
                f"no labelled pair {pair!r} in gold/{'dev' if dev_only else 'redrafted'}"
            )
    lines = []
    for setting in settings:
        method = comparison_links(CompareOptions(**json.loads(setting)))
        total = Count()
        for gold, old, new in pairs:
            total.add(score_pair(gold, old, new, method(old, new)))
        lines.append(f"{setting} {json.dumps(total.metrics())}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", action="store_true", help="score the development pairs")
    parser.add_argument(
        "--options",
        action="append",
        metavar="JSON",
        help="score only the default engine with these CompareOptions overrides, e.g. "
        '\'{"piece_min_score": 0.35}\' (repeatable: one line each; "{}" is the default)',
    )
    parser.add_argument("--pair", help="with --options: only this labelled pair (its id)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print("../shared/corpus is absent: the redrafted pairs cannot be scored", file=sys.stderr)
        return 0
    if args.options:
        print("\n".join(sweep(args.options, args.dev, args.pair)))
        return 0
    results = evaluate(dev_only=args.dev)
    print(json.dumps(results["pooled"], indent=2))
    print("\n".join(to_markdown(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
