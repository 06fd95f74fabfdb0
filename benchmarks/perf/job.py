"""The whole job as a user meets it: start-up, the command end to end, each stage's share.

Run:  python -m benchmarks.perf.job                    (writes job.json, then results.md)
      python -m benchmarks.perf.job --sizes 5000       (fewer scale sets)
      python -m benchmarks.perf.job --cli-sizes 5000   (the command at 5,000 only)
      python -m benchmarks.perf.job --startup-only     (--help and import only)
      python -m benchmarks.perf.job --no-write         (print only)

Measured in one run, on the same inputs:

- start-up: wall time of ``declcompare --help`` and of ``python -c "import declcompare"``
  (with ``python -c pass`` and ``python -c "import pandas"`` as references), and the
  import measured inside the interpreter, each the median of several fresh processes;
- the command end to end, ``declcompare compare OLD NEW`` with the console summary only
  and with ``-o x.html`` / ``-o x.xlsx``, on the bundled seed against a generated
  revision of it and on scale sets of 5,000 and 20,000 paragraphs per side (real corpus
  paragraphs with generated revisions, written as text files; see run.py);
- each stage's time and share in one fresh process per size: parse (reading both
  files), compare, commitments, the named entities (which every report's briefing
  reads, computed once per comparison), rendering each report format, writing the files; the
  size of each report; and the time exponent of each stage from the smallest to the
  largest size (rows = links of the comparison);
- ``difflib.HtmlDiff().make_file`` over the same paragraph lists, as a reference for
  the HTML report (within a time limit).

The HTML report's load time in a browser is measured by a separate module: when
``benchmarks/perf/html_load.py`` exists and defines ``measure_file(path) -> dict``,
it is called on the HTML report of each size written here and its figures are
recorded beside the others (the hook; nothing is recorded without it).

Generated revisions are not real declarations; the scale sets say so in their titles.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED = REPO / "seeds" / "2020-11-10_sco-moscow-declaration.txt"
SIZES = (5000, 20000)
REPORTS = ("md", "html", "xlsx", "json", "csv")
RENDER_REPEATS = 5  # the fastest run counts: this machine is a shared VM, its noise bursty
BROWSER_HOOK = "benchmarks.perf.html_load"
TARGETS = {
    "help_s": ("<=", 0.2),
    "import_s": ("<=", 0.3),
    "cli_seed_s": ("<=", 1.0),
    "cli_seed_cpu_s": ("<=", 1.0),
    "whole_over_compare_20000": ("<=", 3.0),
    **{f"exponent_{fmt}": ("<=", 1.15) for fmt in REPORTS},
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wall(command: list[str], cwd: str, timeout: float = 3600.0) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, cwd=cwd, timeout=timeout)
    return time.perf_counter() - started, done.returncode


def _timed_run(command: list[str], cwd: str) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and exit status of one run of a command."""
    cpu = _children_cpu()
    seconds, status = _wall(command, cwd)
    return seconds, _children_cpu() - cpu, status


def _median_wall(command: list[str], cwd: str, runs: int) -> float:
    _wall(command, cwd)  # warm the file cache and the bytecode
    return round(statistics.median(_wall(command, cwd)[0] for _ in range(runs)), 4)


def _median_cpu(command: list[str], cwd: str, runs: int) -> float:
    return round(statistics.median(_timed_run(command, cwd)[1] for _ in range(runs)), 4)


def _command() -> list[str]:
    script = Path(sys.executable).parent / "declcompare"
    return [str(script)] if script.exists() else [sys.executable, "-m", "declcompare.cli"]


def startup(runs: int = 9) -> dict[str, float]:
    """Median wall times of fresh processes, and the import measured inside one."""
    tmp = tempfile.gettempdir()
    py = sys.executable
    inside = []
    for _ in range(runs):
        out = subprocess.run(
            [py, "-c", "import time; t = time.perf_counter(); import declcompare; "
             "print(time.perf_counter() - t)"],
            capture_output=True, text=True, check=True, cwd=tmp,
        )  # fmt: skip
        inside.append(float(out.stdout.strip()))
    return {
        "help_s": _median_wall([*_command(), "--help"], tmp, runs),
        "help_cpu_s": _median_cpu([*_command(), "--help"], tmp, runs),
        "usage_error_s": _median_wall([*_command(), "compare"], tmp, runs),
        "import_s": round(statistics.median(inside), 4),
        "import_process_s": _median_wall([py, "-c", "import declcompare"], tmp, runs),
        "python_pass_s": _median_wall([py, "-c", "pass"], tmp, runs),
        "python_pass_cpu_s": _median_cpu([py, "-c", "pass"], tmp, runs),
        "import_pandas_process_s": _median_wall([py, "-c", "import pandas"], tmp, runs),
    }


def write_pair(n: int | None, folder: Path) -> tuple[Path, Path]:
    """Two text files: the seed and its generated revision, or a scale set of ``n``."""
    if n is None:
        from declcompare import load_seed
        from declcompare.synth import demo_donors, generate_revision

        old = load_seed()
        new = generate_revision(old, seed=2020, donors=demo_donors()).declaration
        old_path = SEED
    else:
        import pickle

        from benchmarks.perf.run import build_set

        with build_set(n, folder).open("rb") as handle:
            old, new, _truth = pickle.load(handle)
        old_path = folder / f"scale-{n}-old.txt"
        old_path.write_text("\n\n".join(p.text for p in old.paragraphs) + "\n", "utf-8")
    new_path = folder / f"{'seed' if n is None else f'scale-{n}'}-generated-revision.txt"
    new_path.write_text("\n\n".join(p.text for p in new.paragraphs) + "\n", "utf-8")
    return old_path, new_path


def cli_end_to_end(old: Path, new: Path, folder: Path, runs: int) -> dict[str, float]:
    """Wall and CPU time of the command, summary only and with each report written."""
    out: dict[str, float] = {}
    for label, extra in (("summary", []), ("html", ["-o", "x.html"]), ("xlsx", ["-o", "x.xlsx"])):
        command = [*_command(), "compare", str(old), str(new), "--no-progress", *extra]
        if extra:
            command.append("--force")
        times, cpus = [], []
        for _ in range(runs):
            seconds, cpu, status = _timed_run(command, str(folder))
            if status not in (0, 1):
                raise RuntimeError(f"{' '.join(command)} failed with status {status}")
            times.append(seconds)
            cpus.append(cpu)
        out[label] = round(statistics.median(times), 3)
        out[f"{label}_cpu"] = round(statistics.median(cpus), 3)
    return out


def _stages(old_path: str, new_path: str, folder: str) -> dict[str, object]:
    """In a child process: time each stage of the job once, in order.

    Wall time and CPU time of this process are both recorded; the exponents use CPU
    time, which other work on a shared machine disturbs far less. The report code is
    imported (by rendering a two-paragraph comparison in every format) before the
    clock starts, so that a render stage is the rendering and not the first import;
    each report is rendered five times after a garbage collection and the fastest
    run is kept.
    """
    from declcompare import compare, load, parse_text
    from declcompare.report import render
    from declcompare.report.content import write_bytes

    tiny = parse_text("The member states agree.\n\nThey welcome the talks.\n")
    for fmt in REPORTS:
        render(compare(tiny, tiny), fmt)  # type: ignore[arg-type]
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    clock: list[float] = []

    def start() -> None:
        clock[:] = [time.perf_counter(), time.process_time()]

    def timed(name: str) -> None:
        seconds[name] = round(time.perf_counter() - clock[0], 4)
        cpu[name] = round(time.process_time() - clock[1], 4)

    start()
    old, new = load(old_path), load(new_path)
    timed("parse")
    start()
    comparison = compare(old, new)
    timed("compare")
    start()
    comparison.commitment_changes()
    timed("commitments")
    # The names of both texts and what became of them: every report's briefing reads
    # them, computed once per comparison (so each render below finds them ready).
    start()
    comparison.entity_records()
    timed("entities")
    sizes: dict[str, int] = {}
    data: dict[str, bytes] = {}
    for fmt in REPORTS:  # the fastest of five: a full garbage collection can land anywhere
        best: tuple[float, float] | None = None
        for _ in range(RENDER_REPEATS):
            gc.collect()
            start()
            data[fmt] = render(comparison, fmt)  # type: ignore[arg-type]
            timed(f"render_{fmt}")
            run = (seconds[f"render_{fmt}"], cpu[f"render_{fmt}"])
            best = run if best is None else (min(best[0], run[0]), min(best[1], run[1]))
        assert best is not None
        seconds[f"render_{fmt}"], cpu[f"render_{fmt}"] = best
        sizes[fmt] = len(data[fmt])
    start()
    for fmt in REPORTS:
        write_bytes(data[fmt], Path(folder) / f"report.{fmt}", force=True, what="report")
    timed("write_all")
    return {
        "paragraphs": [len(old.paragraphs), len(new.paragraphs)],
        "rows": len(comparison.links),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "report_bytes": sizes,
        "peak_rss_gib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
    }


def _htmldiff(old_path: str, new_path: str) -> dict[str, object]:
    """In a child process: difflib.HtmlDiff over the paragraph lists of both files."""
    import difflib

    from declcompare import load

    a = [p.text for p in load(old_path).paragraphs]
    b = [p.text for p in load(new_path).paragraphs]
    started = time.perf_counter()
    page = difflib.HtmlDiff().make_file(a, b)
    return {"seconds": round(time.perf_counter() - started, 4), "bytes": len(page.encode())}


def _child(function: str, args: list[str], timeout: float) -> dict[str, object]:
    command = [sys.executable, "-m", "benchmarks.perf.job", "--child", function, *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, cwd=REPO, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "note": f"did not finish within {timeout:.0f} s"}
    if done.returncode != 0:
        raise RuntimeError(f"{function} failed: {done.stderr.strip()[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _browser(path: Path) -> dict[str, object] | None:
    try:
        hook: Any = importlib.import_module(BROWSER_HOOK)
    except ModuleNotFoundError:
        return None
    if not hasattr(hook, "measure_file"):
        return None
    result: dict[str, object] = hook.measure_file(path)
    return result


def _exponent(small: dict[str, Any], large: dict[str, Any], stage: str) -> float | None:
    a, b = small["cpu_seconds"].get(stage), large["cpu_seconds"].get(stage)
    if not a or not b or small["rows"] == large["rows"]:
        return None
    return round(math.log(b / a) / math.log(large["rows"] / small["rows"]), 2)


def measure(
    sizes: tuple[int, ...], cli_sizes: tuple[int, ...], cli_runs: int, htmldiff_limit: float
) -> dict[str, object]:
    from benchmarks.accuracy.run import machine

    results: dict[str, object] = {"machine": machine(), "startup": startup()}
    print(json.dumps(results["startup"]), flush=True)
    per_size: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in (None, *sizes):
            label = "seed" if n is None else str(n)
            old, new = write_pair(n, folder)
            entry: dict[str, object] = {}
            if n is None or n in cli_sizes:
                entry["cli"] = cli_end_to_end(old, new, folder, cli_runs if n is None else 1)
            entry["stages"] = _child("stages", [str(old), str(new), tmp], 7200)
            entry["htmldiff"] = _child("htmldiff", [str(old), str(new)], htmldiff_limit)
            browser = _browser(folder / "report.html")
            if browser is not None:
                entry["html_in_browser"] = browser
            per_size[label] = entry
            print(json.dumps({label: entry}), flush=True)
    results["sizes"] = per_size
    figures: dict[str, float | None] = {
        "help_s": results["startup"]["help_s"],  # type: ignore[index]
        "import_s": results["startup"]["import_s"],  # type: ignore[index]
        "cli_seed_s": per_size["seed"]["cli"]["summary"],  # type: ignore[index]
        "cli_seed_cpu_s": per_size["seed"]["cli"]["summary_cpu"],  # type: ignore[index]
    }
    scaled = [str(n) for n in sizes]
    if len(scaled) >= 2:
        small = per_size[scaled[0]]["stages"]
        large = per_size[scaled[-1]]["stages"]
        assert isinstance(small, dict)
        assert isinstance(large, dict)
        results["exponents"] = {stage: _exponent(small, large, stage) for stage in large["seconds"]}
        for fmt in REPORTS:
            figures[f"exponent_{fmt}"] = results["exponents"][f"render_{fmt}"]  # type: ignore[index]
    if "20000" in per_size:
        s = per_size["20000"]["stages"]["cpu_seconds"]  # type: ignore[index]  # CPU: see _stages
        whole = s["compare"] + s["commitments"] + s["entities"] + s["render_html"]
        figures["whole_over_compare_20000"] = round(whole / s["compare"], 2)
    results["targets"] = {
        name: {
            "value": figures.get(name),
            "target": f"{op} {limit}",
            "met": figures.get(name) is not None and figures[name] <= limit,  # type: ignore[operator]
        }
        for name, (op, limit) in TARGETS.items()
    }
    return results


def markdown(results: dict[str, Any]) -> list[str]:
    """The whole-job section of results.md."""
    lines = [
        "## The whole job — generated by `python -m benchmarks.perf.job`",
        "",
        f"Measured {results.get('measured', '')} on: {results['machine']}",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
    ]
    for name, t in results["targets"].items():
        lines.append(f"| {name} | {t['value']} | {t['target']} | {t['met']} |")
    lines += ["", "Start-up, median wall time of fresh processes (s):", ""]
    lines += ["| measurement | seconds |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in results["startup"].items()]
    lines += ["", "Command end to end (`declcompare compare OLD NEW`), wall (CPU) time (s):", ""]
    lines += ["| pair | rows | summary only | `-o x.html` | `-o x.xlsx` |", "|---|---|---|---|---|"]
    for label, e in results["sizes"].items():
        c = e.get("cli", {})
        timings = " | ".join(
            f"{c[k]} ({c.get(k + '_cpu')})" if k in c else "not run"
            for k in ("summary", "html", "xlsx")
        )
        lines.append(f"| {label} | {e['stages']['rows']} | {timings} |")
    stages = list(next(iter(results["sizes"].values()))["stages"]["seconds"])
    lines += ["", "Stages in one process: wall s / CPU s (share of the CPU total):", ""]
    lines += ["| pair | " + " | ".join(stages) + " | peak RSS GiB |"]
    lines += ["|---|" + "---|" * (len(stages) + 1)]
    for label, e in results["sizes"].items():
        s, c = e["stages"]["seconds"], e["stages"]["cpu_seconds"]
        total = sum(c.values()) or 1.0
        cells = [f"{s[k]} / {c[k]} ({100 * c[k] / total:.0f}%)" for k in stages]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {e['stages']['peak_rss_gib']} |")
    if "exponents" in results:
        lines += ["", "Exponent of each stage's CPU time from the smallest to the largest set:", ""]
        lines += ["| stage | exponent |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in results["exponents"].items()]
    lines += ["", "Report sizes (bytes) and the `difflib.HtmlDiff` reference:", ""]
    lines += ["| pair | " + " | ".join(REPORTS) + " | HtmlDiff s | HtmlDiff bytes |"]
    lines += ["|---|" + "---|" * (len(REPORTS) + 2)]
    for label, e in results["sizes"].items():
        b = e["stages"]["report_bytes"]
        h = e["htmldiff"]
        cells = [str(b[f]) for f in REPORTS]
        seconds = h.get("seconds") if h.get("seconds") is not None else h.get("note")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {seconds} | {h.get('bytes')} |")
    sizes = results["sizes"].items()
    browser = {k: e["html_in_browser"] for k, e in sizes if "html_in_browser" in e}
    if browser:
        lines += ["", "The HTML report in a browser:", "", "```", json.dumps(browser, indent=1)]
        lines += ["```"]
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "--child":
        if args[1] == "stages":
            print(json.dumps(_stages(args[2], args[3], args[4])))
        else:
            print(json.dumps(_htmldiff(args[2], args[3])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--cli-runs", type=int, default=5, help="runs of the seed command")
    parser.add_argument(
        "--cli-sizes", type=int, nargs="*", help="scale sets run through the command (default all)"
    )
    parser.add_argument("--htmldiff-limit", type=float, default=300.0)
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print, do not write results")
    options = parser.parse_args(args)
    if options.startup_only:
        print(json.dumps(startup(), indent=2))
        return 0
    cli_sizes = options.sizes if options.cli_sizes is None else options.cli_sizes
    results = measure(
        tuple(options.sizes), tuple(cli_sizes), options.cli_runs, options.htmldiff_limit
    )
    results["measured"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results["command"] = "python -m benchmarks.perf.job " + " ".join(args)
    print(json.dumps(results["targets"], indent=2))
    if options.no_write:
        return 0
    (HERE / "job.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    from benchmarks.perf.run import write_markdown

    write_markdown(json.loads((HERE / "results.json").read_text("utf-8")))
    print(f"wrote {HERE / 'job.json'} and results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
