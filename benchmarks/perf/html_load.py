"""How fast the HTML report opens and filters in headless Chromium, beside difflib.HtmlDiff.

Run:  python -m benchmarks.perf.html_load                 (5,000 and 20,000 paragraphs)
      python -m benchmarks.perf.html_load --sizes 1000    (a quick look)

Writes benchmarks/perf/html_load.json and html_load.md (committed; a changed number
is a reviewed diff). Needs ../shared/corpus (the scale sets of benchmarks.perf.run:
real paragraphs, revised by declcompare's revision generator, so generated text),
playwright and Chromium at /usr/bin/chromium (Debian package ``chromium``) or
$DECLCOMPARE_CHROMIUM.

For each size: the time to render the report (``to_html`` after ``compare`` and
``commitment_changes``, which are timed apart), its size, then in Chromium the time
from navigation to the page's script having drawn its first rows (``body[data-ready]``,
after the load event) and the time of a filter click until the second animation
frame after it (so layout and paint are counted). The same-run reference is
``difflib.HtmlDiff().make_file`` over the same two paragraph lists, timed to write
(within a limit) and to open (load event). Targets (issue 18): opens <= 5 s and a
filter click <= 200 ms at 20,000 paragraphs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import multiprocessing
import os
import pickle
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.accuracy.run import machine
from benchmarks.perf.run import build_set

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("DECLCOMPARE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update"]  # fmt: skip
TARGETS = {"open_s": 5.0, "filter_ms": 200.0}
HTMLDIFF_LIMIT_S = 300.0
REPEATS = 3

_CLICK = """async () => {
  const box = document.querySelector('input[name=kind][value=reworded]');
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  box.click();
  await frame(); await frame();
  return performance.now() - t0;
}"""


def _htmldiff(old: list[str], new: list[str], out: str) -> None:
    Path(out).write_text(difflib.HtmlDiff().make_file(old, new), encoding="utf-8")


def _write_htmldiff(old: list[str], new: list[str], out: Path) -> float | None:
    """Seconds to write HtmlDiff's page, or None past the limit (it runs in a child)."""
    start = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(
        target=_htmldiff, args=(old, new, str(out))
    )
    child.start()
    child.join(HTMLDIFF_LIMIT_S)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return round(time.perf_counter() - start, 2)


def _open_times(path: Path, ready: str | None, clicks: bool) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    opens: list[float] = []
    filters: list[float] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(REPEATS):
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.on("pageerror", lambda e: errors.append(str(e)))
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load", timeout=600_000)
            if ready:
                page.wait_for_selector(ready, state="attached", timeout=600_000)
            opens.append(time.perf_counter() - start)
            if clicks:
                for _ in range(2):  # off, then on again
                    filters.append(float(page.evaluate(_CLICK)))
            page.close()
        browser.close()
    return {
        "open_s": round(statistics.median(opens), 2),
        "open_runs_s": [round(x, 2) for x in opens],
        "filter_ms": round(statistics.median(filters), 1) if filters else None,
        "filter_runs_ms": [round(x, 1) for x in filters],
        "page_errors": errors,
    }


def measure(n: int, folder: Path) -> dict[str, Any]:
    import pandas  # noqa: F401  (the counts table needs it; its import is not rendering)

    from declcompare import compare

    with build_set(n, folder).open("rb") as handle:
        old, new, _ = pickle.load(handle)
    t = time.perf_counter()
    comparison = compare(old, new)
    compare_s = time.perf_counter() - t
    t = time.perf_counter()
    comparison.commitment_changes()
    commitments_s = time.perf_counter() - t
    t = time.perf_counter()
    page = comparison.to_html()
    render_s = time.perf_counter() - t
    ours = folder / f"report-{n}.html"
    ours.write_text(page, encoding="utf-8")
    result: dict[str, Any] = {
        "paragraphs": [len(old.paragraphs), len(new.paragraphs)],
        "compare_s": round(compare_s, 2),
        "commitments_s": round(commitments_s, 2),
        "to_html_s": round(render_s, 2),
        "html_bytes": ours.stat().st_size,
        "declcompare": _open_times(ours, "body[data-ready=true]", clicks=True),
    }
    reference = folder / f"htmldiff-{n}.html"
    write_s = _write_htmldiff(
        [p.text for p in old.paragraphs], [p.text for p in new.paragraphs], reference
    )
    result["htmldiff_write_s"] = write_s
    if write_s is not None:
        result["htmldiff_bytes"] = reference.stat().st_size
        result["htmldiff"] = _open_times(reference, None, clicks=False)
    return result


def _markdown(results: dict[str, Any]) -> str:
    lines = [
        "# HTML report in headless Chromium — generated by `python -m benchmarks.perf.html_load`",
        "",
        "Do not edit by hand. Scale sets: real corpus paragraphs revised by the revision",
        "generator (generated text). Open = navigation to first rows drawn (declcompare) or",
        "load event (HtmlDiff), median of "
        f"{REPEATS}; filter = click to second animation frame, median of {2 * REPEATS}.",
        f"Machine: {results['machine']}. Chromium: {results['chromium']}.",
        "",
        "| paragraphs | compare s | commitments s | to_html s | HTML MB | open s | filter ms |"
        " HtmlDiff write s | HtmlDiff MB | HtmlDiff open s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, r in results["sizes"].items():
        ours = r["declcompare"]
        ref = r.get("htmldiff") or {}
        write = r["htmldiff_write_s"]
        lines.append(
            f"| {n} | {r['compare_s']} | {r['commitments_s']} | {r['to_html_s']} | "
            f"{r['html_bytes'] / 1e6:.1f} | {ours['open_s']} | {ours['filter_ms']} | "
            f"{write if write is not None else f'> {HTMLDIFF_LIMIT_S:.0f} (stopped)'} | "
            f"{r['htmldiff_bytes'] / 1e6:.1f} | {ref.get('open_s')} |"
            if write is not None
            else f"| {n} | {r['compare_s']} | {r['commitments_s']} | {r['to_html_s']} | "
            f"{r['html_bytes'] / 1e6:.1f} | {ours['open_s']} | {ours['filter_ms']} | "
            f"> {HTMLDIFF_LIMIT_S:.0f} (stopped) | — | — |"
        )
    lines += ["", "Targets at 20,000 paragraphs: open <= 5 s, filter <= 200 ms."]
    sizes = results["sizes"]
    if "5000" in sizes and "20000" in sizes:
        ratio = sizes["20000"]["to_html_s"] / max(sizes["5000"]["to_html_s"], 1e-9)
        lines.append(
            f"to_html time exponent from 5,000 to 20,000: {math.log(ratio) / math.log(4):.2f}."
        )
    if "20000" in results["sizes"]:
        r = results["sizes"]["20000"]["declcompare"]
        verdict = (
            "met" if r["open_s"] <= TARGETS["open_s"] and r["filter_ms"] <= TARGETS["filter_ms"]
            else "not met"
        )  # fmt: skip
        lines.append(f"At 20,000: open {r['open_s']} s, filter {r['filter_ms']} ms: {verdict}.")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        version = browser.version
        browser.close()
    results: dict[str, Any] = {"machine": machine(), "chromium": version, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            results["sizes"][str(n)] = measure(n, Path(tmp))
            print(json.dumps({n: results["sizes"][str(n)]}), flush=True)
    text = _markdown(results)
    print(text)
    if not args.no_write:
        (HERE / "html_load.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
        (HERE / "html_load.md").write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
