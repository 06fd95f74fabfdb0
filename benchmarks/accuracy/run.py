"""Accuracy of compare() and of commitment changes: generated revisions of real texts,
controlled commitment edits of real texts, and the real UN series.

Run:  python -m benchmarks.accuracy.run      (or: nox -s bench)
Writes benchmarks/accuracy/results.json and results.md (committed; a changed
number is a reviewed diff). Needs ../shared/corpus for the full set; without it
only the seed is evaluated and the results files are not overwritten.

All revisions evaluated here are generated (declcompare.synth), labelled as
such; the source texts are real.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import declcompare
from benchmarks.accuracy import commitment_edits, redrafted, shifts
from benchmarks.accuracy.metrics import Tally, score, unaccounted
from declcompare.compare import ChangeKind, compare
from declcompare.model import Declaration
from declcompare.synth import generate_revision

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS_PER_TEXT = 5
N_TEXTS = 42
WEAK_LINK = 0.6  # reworded links below this similarity are worth an analyst's second look
TARGETS = {
    "link_f1": (">=", 0.97),
    "spurious_match_rate": ("<=", 0.01),
    "move_recall": (">=", 0.95),
    "split_merge_recall": (">=", 0.90),
}


def source_texts() -> list[tuple[str, Declaration]]:
    """The seed plus real corpus texts of 15-400 paragraphs, spread over the series."""
    texts = [("seed: sco-2020-moscow", declcompare.load_seed())]
    if not CORPUS.is_dir():
        return texts
    un = sorted((CORPUS / "unga-resolutions-78-80").glob("*/*.txt"))
    statements = sorted((CORPUS / "multilateral-statements").glob("*/*.txt"))
    pool: list[Path] = []
    series_seen: set[str] = set()
    for path in statements + un:
        if path.parent.name in series_seen or path.parent.name.startswith("_"):
            continue
        series_seen.add(path.parent.name)
        pool.append(path)
    for path in pool:
        if len(texts) >= N_TEXTS:
            break
        d = declcompare.load(path)
        if 15 <= len(d.paragraphs) <= 400:
            texts.append((str(path.relative_to(CORPUS)), d))
    return texts


def generated_benchmark() -> dict[str, object]:
    texts = source_texts()
    total = Tally()
    confusion: Counter[tuple[str, str]] = Counter()
    per_op: Counter[str] = Counter()
    started = time.perf_counter()
    for k, (_, declaration) in enumerate(texts):
        donor_doc = texts[(k + len(texts) // 2) % len(texts)][1]
        if donor_doc is declaration:
            donors = [
                "Generated donor paragraph (not a real text): the parties agree to convene "
                f"an expert meeting on topic {n} before the next session."
                for n in range(20)
            ]
        else:
            donors = [p.text for p in donor_doc.paragraphs if len(p.text) > 60]
        for seed in range(SEEDS_PER_TEXT):
            revision = generate_revision(declaration, seed=1000 * k + seed, donors=donors)
            per_op.update(revision.truth.ops)
            result = compare(declaration, revision.declaration)
            tally, conf = score(result, revision.truth)
            total.add(tally)
            confusion.update(conf)
    elapsed = time.perf_counter() - started
    metrics = total.metrics()
    return {
        "source_texts": len(texts),
        "pairs": total.pairs,
        "edits_by_operation": dict(sorted(per_op.items())),
        "metrics": metrics,
        "targets_met": {
            name: (metrics[name] >= limit if op == ">=" else metrics[name] <= limit)
            for name, (op, limit) in TARGETS.items()
        },
        "confusion_truth_vs_predicted": {
            f"{t} -> {p}": n for (t, p), n in sorted(confusion.items())
        },
        "seconds": round(elapsed, 1),
        "texts": [name for name, _ in texts],
    }


def real_un_series() -> dict[str, object]:
    root = CORPUS / "unga-resolutions-78-80"
    series: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(root.glob("*/*.txt")):
        if not path.parent.name.startswith("_"):
            series[path.parent.name].append(path)
    verbatim_total = verbatim_unchanged = lost = 0
    weak_rewordings = moved_links = linked = 0
    kinds_total: Counter[str] = Counter()
    per_series: dict[str, dict[str, int]] = {}
    for name, paths in sorted(series.items()):
        docs = [declcompare.load(p) for p in paths]
        for a, b in itertools.pairwise(docs):
            result = compare(a, b)
            counts = Counter(link.kind.value for link in result.links)
            kinds_total.update(counts)
            per_series[f"{name}: {a.metadata.get('symbol')} -> {b.metadata.get('symbol')}"] = dict(
                sorted(counts.items())
            )
            common = Counter(p.text for p in a.paragraphs) & Counter(p.text for p in b.paragraphs)
            found = Counter(
                a.paragraphs[link.old_index].text
                for link in result.links
                if link.kind is ChangeKind.UNCHANGED
                and link.old_index is not None
                and link.new_index is not None
                and a.paragraphs[link.old_index].text == b.paragraphs[link.new_index].text
            )
            verbatim_total += sum(common.values())
            verbatim_unchanged += sum((common & found).values())
            lost += unaccounted(result)
            weak_rewordings += sum(
                1
                for link in result.links
                if link.kind is ChangeKind.REWORDED and link.similarity < WEAK_LINK
            )
            moved_links += sum(1 for link in result.links if link.moved)
            linked += sum(
                1
                for link in result.links
                if link.old_index is not None and link.new_index is not None
            )
    return {
        "pairs": len(per_series),
        "verbatim_pairs": verbatim_total,
        "verbatim_linked_unchanged": verbatim_unchanged,
        "verbatim_recall": round(verbatim_unchanged / verbatim_total, 6) if verbatim_total else 1.0,
        "paragraphs_lost_or_duplicated": lost,
        "kinds": dict(sorted(kinds_total.items())),
        f"reworded_below_{WEAK_LINK}": weak_rewordings,
        "moved_links": moved_links,
        "linked_rows": linked,
        "per_pair": per_series,
    }


def machine() -> dict[str, str]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": str(os.cpu_count()),
    }


def to_markdown(results: dict[str, object]) -> str:
    gen = results["generated"]
    assert isinstance(gen, dict)
    lines = [
        "# Accuracy of `compare()` — generated by `python -m benchmarks.accuracy.run`",
        "",
        "Do not edit by hand. Revisions are generated from real texts; the UN series are real.",
        "",
        f"## Generated revisions: {gen['pairs']} pairs from {gen['source_texts']} real texts",
        "",
        "| metric | value | target | met |",
        "|---|---|---|---|",
    ]
    for name, value in gen["metrics"].items():
        target = TARGETS.get(name)
        met = gen["targets_met"].get(name, "")
        lines.append(
            f"| {name} | {value} | {' '.join(map(str, target)) if target else ''} | {met} |"
        )
    lines += [
        "",
        "Edits applied: " + ", ".join(f"{k} {v}" for k, v in gen["edits_by_operation"].items()),
    ]
    lines += ["", "Confusion (truth -> predicted, per new paragraph; dropped per old):", ""]
    lines += [f"- {k}: {v}" for k, v in gen["confusion_truth_vs_predicted"].items()]
    edits = results.get("commitment_edits")
    if isinstance(edits, dict):
        lines += [
            "",
            f"## Commitment changes: {edits['cases']} controlled edits of real commitments",
            "",
            f"Generated revisions of {edits['source_texts']} real texts "
            "(`tests.generators.commitment_edits`); each edited commitment must be reported "
            "as its edit implies.",
            "",
            f"- accuracy: {edits['accuracy']} (target {edits['target']}, "
            f"met: {edits['target_met']})",
            "- by edit: "
            + ", ".join(
                f"{k} {v} ({edits['cases_by_edit'][k]} cases)"
                for k, v in edits["accuracy_by_edit"].items()
            ),
            f"- commitments of untouched paragraphs reported as changed: "
            f"{edits['untouched_reported_changed']} of {edits['untouched_commitments']}",
            "",
            "Confusion (edit: expected -> reported):",
            "",
        ]
        lines += [f"- {k}: {v}" for k, v in edits["confusion"].items()]
    real = results.get("real_un_series")
    if isinstance(real, dict):
        lines += [
            "",
            f"## Real UN resolution series: {real['pairs']} consecutive-session pairs",
            "",
            f"- verbatim-identical paragraph pairs: {real['verbatim_pairs']}",
            f"- linked as unchanged: {real['verbatim_linked_unchanged']} "
            f"(recall {real['verbatim_recall']})",
            f"- paragraphs lost or duplicated: {real['paragraphs_lost_or_duplicated']}",
            "- rows by kind: " + ", ".join(f"{k} {v}" for k, v in real["kinds"].items()),
            f"- reworded links with similarity below {WEAK_LINK}: "
            f"{real[f'reworded_below_{WEAK_LINK}']} of {real['kinds'].get('reworded', 0)}",
            f"- links flagged moved: {real['moved_links']} of {real['linked_rows']} linked rows",
        ]
    drafts = results.get("redrafted")
    if isinstance(drafts, dict):
        lines += ["", *redrafted.to_markdown(drafts)]
    lines += shifts.to_markdown(results.get("commitment_shifts"))
    lines += ["", f"Machine: {results['machine']}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print, do not write results")
    args = parser.parse_args(argv)
    results: dict[str, object] = {"machine": machine(), "generated": generated_benchmark()}
    results["commitment_edits"] = commitment_edits.evaluate(source_texts())
    if CORPUS.is_dir():
        results["real_un_series"] = real_un_series()
        results["redrafted"] = redrafted.evaluate()
        results["commitment_shifts"] = shifts.evaluate()
    text = json.dumps(results, indent=2, ensure_ascii=False)
    summary = {k: v for k, v in results.items() if k != "real_un_series"}
    gen = summary["generated"]
    edits = results["commitment_edits"]
    assert isinstance(edits, dict)
    assert isinstance(gen, dict)
    print(
        json.dumps(
            {
                "generated": gen["metrics"],
                "targets_met": gen["targets_met"],
                "pairs": gen["pairs"],
                "source_texts": gen["source_texts"],
            },
            indent=2,
        )
    )
    print(
        json.dumps(
            {
                "commitment_edits": {
                    k: edits[k]
                    for k in (
                        "cases",
                        "accuracy",
                        "target_met",
                        "accuracy_by_edit",
                        "untouched_commitments",
                        "untouched_reported_changed",
                    )
                }
            },
            indent=2,
        )
    )
    real = results.get("real_un_series")
    if isinstance(real, dict):
        print(
            json.dumps(
                {
                    k: real[k]
                    for k in (
                        "pairs",
                        "verbatim_recall",
                        "paragraphs_lost_or_duplicated",
                        "kinds",
                        f"reworded_below_{WEAK_LINK}",
                        "moved_links",
                        "linked_rows",
                    )
                },
                indent=2,
            )
        )
    drafts = results.get("redrafted")
    if isinstance(drafts, dict):
        print(json.dumps({"redrafted_pooled": drafts["pooled"]}, indent=2))
    found = results.get("commitment_shifts")
    if isinstance(found, dict) and found:
        print(json.dumps(shifts.brief(found), indent=2))
    if args.no_write or not CORPUS.is_dir():
        print("results not written (--no-write, or ../shared/corpus absent)", file=sys.stderr)
        return 0
    (HERE / "results.json").write_text(text + "\n", encoding="utf-8")
    (HERE / "results.md").write_text(to_markdown(results), encoding="utf-8")
    print(f"wrote {HERE / 'results.json'} and results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
