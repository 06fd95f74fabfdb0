"""Speed and memory of compare(), side by side with the alternatives, in one run.

Run:  python -m benchmarks.perf.run            (or: nox -s perf)
      python -m benchmarks.perf.run --quick    (seed, import, CLI and 1,000 only)
      python -m benchmarks.perf.run --render   (results.md again from results.json)

Writes benchmarks/perf/results.json, results.md and cost_curve.png (committed; a
changed number is a reviewed diff). results.md ends with the whole job (start-up, the
command end to end, each stage's share) from job.json, written by
``python -m benchmarks.perf.job``. Needs ../shared/corpus for the scale sets.

Workloads: the seed against a generated revision; the five largest real UN
resolution pairs (session to next session, timed with SequenceMatcher beside it;
no ground truth, so no F1); scale sets of 1,000 to 50,000
paragraphs per side, made of real corpus paragraphs (pairs of paragraphs joined
where more distinct items are needed than the corpus holds) and revised by
declcompare's revision generator (generated text). Every measurement of a scale
set runs in a fresh process, so its peak RSS is its own. Baselines on the same
inputs: difflib.SequenceMatcher over the paragraph lists, a best-match loop with
difflib.get_close_matches, rapidfuzz process.cdist over the full matrix with a
row-wise argmax, and the redlines package on the flattened texts (each within a
time limit); each is scored by link F1 against the generator's ground truth.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.accuracy.run import machine

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SIZES = (1000, 5000, 20000, 50000)
BASELINE_SIZES = (1000, 5000)
BASELINE_LIMIT_S = 300.0
TARGETS = {
    "seed_compare_median_s": ("<=", 0.05),
    "seed_compare_semantic_median_s": ("<=", 0.3),
    "import_median_s": ("<=", 0.3),
    "compare_20000_s": ("<=", 60.0),
    "peak_rss_20000_gib": ("<=", 4.0),
    "time_exponent": ("<=", 1.3),
    "compare_50000_s": ("<=", 3600.0),  # "completes": within the hour the child is given
}
SPEED_RATIO_TARGET = 10.0


def _paragraph_pool(n: int) -> list[str]:
    from declcompare import load

    pool: list[str] = []
    seen: set[str] = set()
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        for p in load(path).paragraphs:
            if len(p.text) > 40 and p.text not in seen:
                seen.add(p.text)
                pool.append(p.text)
    out = list(pool)
    k = 0
    size = len(pool)
    while len(out) < n:  # distinct items made of two real paragraphs
        # Round r = k // size pairs paragraph i with paragraph 7i + 13 + r, so every
        # round makes new pairs (the first round is the pairing used since the start).
        a, b = pool[k % size], pool[(k * 7 + 13 + k // size) % size]
        joined = f"{a} {b}"
        if joined not in seen:
            seen.add(joined)
            out.append(joined)
        k += 1
    return out[:n]


def build_set(n: int, folder: Path) -> Path:
    """Pickle (old, revised, truth pairs) for ``n`` paragraphs; returns the file."""
    from declcompare import Declaration
    from declcompare.synth import generate_revision

    texts = _paragraph_pool(n)
    old = Declaration.from_paragraphs(texts, id=f"scale-{n}", title=f"Scale set of {n}")
    revision = generate_revision(old, seed=n, donors=texts[:200])
    path = folder / f"set-{n}.pickle"
    with path.open("wb") as handle:
        pickle.dump((old, revision.declaration, sorted(revision.truth.pairs)), handle)
    return path


def _f1(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> float:
    if not found or not truth:
        return 0.0
    tp = len(found & truth)
    precision, recall = tp / len(found), tp / len(truth)
    return round(2 * precision * recall / (precision + recall), 4) if tp else 0.0


def _measure(method: str, set_path: str, repeats: int) -> dict[str, object]:
    """Run in a child process: time ``method`` on the pickled set."""
    with open(set_path, "rb") as handle:
        old, new, truth_list = pickle.load(handle)
    truth = {tuple(x) for x in truth_list}
    olds = [p.text for p in old.paragraphs]
    news = [p.text for p in new.paragraphs]
    times: list[float] = []
    found: set[tuple[int, int]] = set()
    for _ in range(repeats):
        started = time.perf_counter()
        if method == "declcompare":
            from declcompare import compare

            result = compare(old, new)
            found = {
                (link.old_index, link.new_index)
                for link in result.links
                if link.old_index is not None and link.new_index is not None
            }
        elif method == "difflib_sequencematcher":
            import difflib

            found = set()
            matcher = difflib.SequenceMatcher(None, olds, news, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag in ("equal", "replace"):
                    found.update(zip(range(i1, i2), range(j1, j2), strict=False))
        elif method == "difflib_get_close_matches":
            import difflib

            index = {text: i for i, text in enumerate(olds)}
            found = set()
            for j, text in enumerate(news):
                best = difflib.get_close_matches(text, olds, n=1, cutoff=0.6)
                if best:
                    found.add((index[best[0]], j))
        elif method == "rapidfuzz_cdist":
            import numpy as np
            from rapidfuzz import fuzz, process

            scores = process.cdist(news, olds, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
            best = scores.argmax(axis=1)
            found = {(int(best[j]), j) for j in range(len(news)) if scores[j, best[j]] >= 60}
        elif method == "redlines":
            from redlines import Redlines

            Redlines("\n\n".join(olds), "\n\n".join(news)).output_markdown  # noqa: B018
            found = set()
        times.append(time.perf_counter() - started)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "seconds": round(statistics.median(times), 4),
        "peak_rss_bytes": rss,
        "link_f1": _f1(found, truth) if method != "redlines" else None,
    }


def _child(method: str, set_path: Path, repeats: int, limit: float) -> dict[str, object]:
    cmd = [sys.executable, "-m", "benchmarks.perf.run", "--child", method, str(set_path),
           str(repeats)]  # fmt: skip
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=limit, cwd=REPO, check=False
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "note": f"did not finish within {limit:.0f} s"}
    if done.returncode != 0:
        return {"seconds": None, "note": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _seed_semantic(seed: Any, revision: Any) -> dict[str, object]:
    """The seed pair with the [semantic] extra's scorer; the model load timed apart."""
    from declcompare import compare
    from declcompare.align import CompareOptions
    from declcompare.align.semantic import WordLlamaSimilarity, semantic_installed

    if not semantic_installed():
        return {}
    started = time.perf_counter()
    scorer = WordLlamaSimilarity()
    load_s = time.perf_counter() - started
    options = CompareOptions(similarity=scorer)
    compare(seed, revision, options=options)
    times = []
    for _ in range(11):
        started = time.perf_counter()
        compare(seed, revision, options=options)
        times.append(time.perf_counter() - started)
    return {
        "semantic_model_load_s": round(load_s, 4),
        "seed_compare_semantic_median_s": round(statistics.median(times), 4),
    }


def _seed_and_import() -> dict[str, object]:
    from declcompare import compare, load_seed
    from declcompare.synth import demo_donors, generate_revision

    seed = load_seed()
    revision = generate_revision(seed, seed=2020, donors=demo_donors()).declaration
    for _ in range(3):
        compare(seed, revision)
    times = []
    for _ in range(21):
        started = time.perf_counter()
        compare(seed, revision)
        times.append(time.perf_counter() - started)
    imports = []
    for _ in range(7):
        out = subprocess.run(
            [sys.executable, "-c", "import time; t = time.perf_counter(); import declcompare; "
             "print(time.perf_counter() - t)"],
            capture_output=True, text=True, check=True, cwd=tempfile.gettempdir(),
        )  # fmt: skip
        imports.append(float(out.stdout.strip()))
    with tempfile.TemporaryDirectory() as tmp:
        revised = Path(tmp) / "generated-revision.txt"
        revised.write_text("\n\n".join(p.text for p in revision.paragraphs) + "\n", "utf-8")
        seed_file = REPO / "seeds" / "2020-11-10_sco-moscow-declaration.txt"
        cli = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "declcompare.cli", "compare", str(seed_file),
                 str(revised), "--no-progress"],
                capture_output=True, check=False, cwd=tmp,
            )  # fmt: skip
            cli.append(time.perf_counter() - started)
    semantic = _seed_semantic(seed, revision)
    return {
        **semantic,
        "seed_compare_median_s": round(statistics.median(times), 4),
        "import_median_s": round(statistics.median(imports), 4),
        "cli_compare_median_s": round(statistics.median(cli), 3),
    }


def _against_baselines(
    ours: dict[str, object] | None, row: dict[str, object] | None
) -> dict[str, dict[str, object]]:
    """Per baseline: is declcompare at least 10x faster, and is its link F1 higher?"""
    if not ours or not row:
        return {}
    out: dict[str, dict[str, object]] = {}
    for method, m in row.items():
        assert isinstance(m, dict)
        ratio = m.get("ratio_to_declcompare", m.get("ratio_at_least"))
        their_f1, our_f1 = m.get("link_f1"), ours.get("link_f1")
        out[method] = {
            "speed_ratio": ratio,
            "speed_ratio_is_lower_bound": "ratio_at_least" in m,
            "at_least_10x_faster": isinstance(ratio, float) and ratio >= SPEED_RATIO_TARGET,
            "their_link_f1": their_f1,
            "our_link_f1": our_f1,
            "higher_f1": (
                None
                if not isinstance(their_f1, float) or not isinstance(our_f1, float)
                else our_f1 > their_f1
            ),
        }
    return out


def _largest_un_pairs(count: int = 5) -> list[dict[str, object]]:
    """compare() on the largest real UN resolution pairs (session to next session), with
    difflib.SequenceMatcher on the same paragraph lists: median of 5 warm runs each."""
    import difflib
    import itertools

    from declcompare import compare, load

    unga = CORPUS / "unga-resolutions-78-80"
    pairs = []
    for series in sorted(p for p in unga.iterdir() if p.is_dir() and not p.name.startswith("_")):
        texts = sorted(series.glob("*.txt"))
        for a, b in itertools.pairwise(texts):
            pairs.append((a.stat().st_size + b.stat().st_size, a, b))
    pairs.sort(key=lambda x: (-x[0], str(x[1])))
    out: list[dict[str, object]] = []
    for _, a, b in pairs[:count]:
        old, new = load(a), load(b)
        olds, news = [p.text for p in old.paragraphs], [p.text for p in new.paragraphs]
        compare(old, new)
        ours, theirs = [], []
        for _ in range(5):
            started = time.perf_counter()
            compare(old, new)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            difflib.SequenceMatcher(None, olds, news, autojunk=False).get_opcodes()
            theirs.append(time.perf_counter() - started)
        out.append(
            {
                "pair": f"{a.parent.name}: {a.stem} -> {b.stem}",
                "paragraphs": [len(olds), len(news)],
                "declcompare_median_s": round(statistics.median(ours), 4),
                "sequencematcher_median_s": round(statistics.median(theirs), 5),
            }
        )
    return out


def _fit(sizes: list[int], values: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return round(
        sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        / sum((x - mx) ** 2 for x in xs),
        3,
    )


def _plot(scale: dict[str, dict[str, object]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(k) for k, v in scale.items() if v.get("seconds")]
    secs = [float(scale[str(s)]["seconds"]) for s in sizes]  # type: ignore[arg-type]
    mem = [int(scale[str(s)]["peak_rss_bytes"]) / 2**30 for s in sizes]  # type: ignore[call-overload]
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.6))
    a.loglog(sizes, secs, "o-")
    a.set_xlabel("paragraphs per side")
    a.set_ylabel("compare() seconds")
    a.set_title(f"time, fitted exponent {_fit(sizes, secs)}")
    b.loglog(sizes, mem, "o-", color="#d55e00")
    b.set_xlabel("paragraphs per side")
    b.set_ylabel("peak RSS (GiB)")
    b.set_title(f"memory, fitted exponent {_fit(sizes, mem)}")
    for ax in (a, b):
        ax.grid(True, which="both", linewidth=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


def _no_f1(measured: dict[str, Any]) -> str:
    """Why a baseline has no link F1 to compare."""
    if measured.get("seconds") is None:
        return "— (did not finish)"
    return "— (text diff only, no paragraph links)"


def write_markdown(results: dict[str, Any]) -> None:
    """results.md from the results (also: --render, from the committed results.json)."""

    def row_of(method: str) -> dict[str, Any]:
        found: dict[str, Any] = results["baselines"].get("5000", {}).get(method, {})
        return found

    lines = [
        "# Speed and memory of `compare()` — generated by `python -m benchmarks.perf.run`",
        "",
        "Do not edit by hand. Scale sets are real corpus paragraphs with generated revisions.",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
    ]
    for name, row in results["targets"].items():
        lines.append(f"| {name} | {row['value']} | {row['target']} | {row['met']} |")
    seed_import = results["seed_and_import"]
    cli_s = seed_import["cli_compare_median_s"]
    lines += ["", f"CLI compare, seed pair, end to end: {cli_s} s", ""]
    lines += ["## Largest real UN resolution pairs (median of 5 warm runs)", "",
              "| pair | paragraphs | declcompare s | difflib SequenceMatcher s |",
              "|---|---|---|---|"]  # fmt: skip
    for row in results.get("largest_un_pairs", []):
        lines.append(
            f"| {row['pair']} | {row['paragraphs'][0]} -> {row['paragraphs'][1]} | "
            f"{row['declcompare_median_s']} | {row['sequencematcher_median_s']} |"
        )
    lines += [""]
    lines += ["## Scale", "", "| paragraphs per side | seconds | peak RSS (GiB) | link F1 |",
              "|---|---|---|---|"]  # fmt: skip
    for size, measured in results["scale"].items():
        rss = measured.get("peak_rss_bytes")
        gib = round(int(rss) / 2**30, 2) if isinstance(rss, int) else "—"
        lines.append(f"| {size} | {measured.get('seconds')} | {gib} | {measured.get('link_f1')} |")
    lines += ["", "## Baselines (same inputs, same run)", "",
              "| size | method | seconds | × declcompare's time | link F1 | note |",
              "|---|---|---|---|---|---|"]  # fmt: skip
    for size, methods in results["baselines"].items():
        for method, m in methods.items():
            assert isinstance(m, dict)
            lines.append(
                f"| {size} | {method} | {m.get('seconds')} | "
                f"{m.get('ratio_to_declcompare', '>= ' + str(m.get('ratio_at_least', '—')))} "
                f"| {m.get('link_f1')} | {m.get('note', '')} |"
            )
    lines += ["", "## Against each baseline at 5,000 paragraphs", "",
              "| method | speed ratio | at least 10x | their F1 | our F1 | higher F1 |",
              "|---|---|---|---|---|---|"]  # fmt: skip
    for method, v in results["against_baselines_5000"].items():
        bound = ">= " if v["speed_ratio_is_lower_bound"] else ""
        lines.append(
            f"| {method} | {bound}{v['speed_ratio']} | {v['at_least_10x_faster']} | "
            f"{v['their_link_f1']} | {v['our_link_f1']} | "
            f"{_no_f1(row_of(method)) if v['higher_f1'] is None else v['higher_f1']} |"
        )
    lines += ["", "![cost curve](cost_curve.png)", "", f"Machine: {results['machine']}", ""]
    job = HERE / "job.json"  # the whole job (benchmarks/perf/job.py), measured on its own
    if job.is_file():
        from benchmarks.perf.job import markdown

        lines += markdown(json.loads(job.read_text("utf-8")))
    (HERE / "results.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "--child":
        print(json.dumps(_measure(args[1], args[2], int(args[3]))))
        return 0
    if args == ["--render"]:  # rewrite results.md from results.json; measures nothing
        write_markdown(json.loads((HERE / "results.json").read_text("utf-8")))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="seed, import, CLI and 1,000 only")
    parser.add_argument("--no-write", action="store_true", help="print, do not write results")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="scale set sizes to run"
    )
    parser.add_argument(
        "--limit", type=float, default=BASELINE_LIMIT_S, help="seconds allowed to a baseline"
    )
    options = parser.parse_args(args)
    results: dict[str, object] = {"machine": machine(), "seed_and_import": _seed_and_import()}
    print(json.dumps(results["seed_and_import"]), flush=True)
    if CORPUS.is_dir():
        results["largest_un_pairs"] = _largest_un_pairs()
        print(json.dumps(results["largest_un_pairs"]), flush=True)
    sizes = tuple(options.sizes[:1]) if options.quick else tuple(options.sizes)
    results["sizes_run"] = list(sizes)
    results["baseline_time_limit_s"] = options.limit
    scale: dict[str, dict[str, object]] = {}
    baselines: dict[str, dict[str, object]] = {}
    if CORPUS.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                set_path = build_set(n, Path(tmp))
                repeats = 3 if n <= 5000 else 1
                scale[str(n)] = _child("declcompare", set_path, repeats, 3600)
                print(json.dumps({"size": n, **scale[str(n)]}), flush=True)
                if n in BASELINE_SIZES:
                    row: dict[str, object] = {}
                    for method in ("difflib_sequencematcher", "difflib_get_close_matches",
                                   "rapidfuzz_cdist", "redlines"):  # fmt: skip
                        measured = _child(method, set_path, 1, options.limit)
                        ours = scale[str(n)].get("seconds")
                        theirs = measured.get("seconds")
                        if isinstance(ours, float) and isinstance(theirs, float) and ours > 0:
                            measured["ratio_to_declcompare"] = round(theirs / ours, 2)
                        elif isinstance(ours, float) and ours > 0 and theirs is None:
                            # stopped at the limit: the ratio is at least limit / ours
                            measured["ratio_at_least"] = round(options.limit / ours, 1)
                        row[method] = measured
                        print(json.dumps({"size": n, method: measured}), flush=True)
                    baselines[str(n)] = row
    results["scale"] = scale
    results["baselines"] = baselines
    timed = [int(k) for k, v in scale.items() if isinstance(v.get("seconds"), float)]
    if len(timed) >= 2:
        results["time_exponent"] = _fit(timed, [float(scale[str(s)]["seconds"]) for s in timed])  # type: ignore[arg-type]
    seed_import = results["seed_and_import"]
    assert isinstance(seed_import, dict)
    figures: dict[str, float | None] = {
        "seed_compare_median_s": seed_import["seed_compare_median_s"],
        "seed_compare_semantic_median_s": seed_import.get("seed_compare_semantic_median_s"),
        "import_median_s": seed_import["import_median_s"],
        "compare_20000_s": scale.get("20000", {}).get("seconds"),  # type: ignore[dict-item]
        "peak_rss_20000_gib": (
            round(int(scale["20000"]["peak_rss_bytes"]) / 2**30, 2)  # type: ignore[call-overload]
            if "20000" in scale and scale["20000"].get("peak_rss_bytes")
            else None
        ),
        "time_exponent": results.get("time_exponent"),  # type: ignore[dict-item]
        "compare_50000_s": scale.get("50000", {}).get("seconds"),  # type: ignore[dict-item]
    }
    results["targets"] = {
        name: {
            "value": figures[name],
            "target": f"{op} {limit}",
            "met": figures[name] is not None
            and (figures[name] <= limit if op == "<=" else figures[name] >= limit),  # type: ignore[operator]
        }
        for name, (op, limit) in TARGETS.items()
    }
    results["against_baselines_5000"] = _against_baselines(scale.get("5000"), baselines.get("5000"))
    text = json.dumps(results, indent=2)
    print(json.dumps(results["targets"], indent=2))
    if options.no_write or options.quick or not CORPUS.is_dir():
        print(
            "results not written (--no-write, --quick, or ../shared/corpus absent)",
            file=sys.stderr,
        )
        return 0
    (HERE / "results.json").write_text(text + "\n", encoding="utf-8")
    _plot(scale, HERE / "cost_curve.png")
    write_markdown(results)
    print(f"wrote {HERE / 'results.json'}, results.md and cost_curve.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
