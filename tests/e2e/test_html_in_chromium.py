"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

Skips, with the reason, only where Chromium is not installed (``.ci/run`` installs
Debian's ``chromium`` package). The comparisons are of the real seed with a
generated revision of it, and of generated text carrying markup.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from declcompare import Declaration, compare, load, load_seed
from declcompare.report.html_sections import briefing_sections
from declcompare.synth import demo_donors, generate_revision
from tests.helpers import need_corpus

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = os.environ.get("DECLCOMPARE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags under which Chromium makes no connection of its own (updates, sync, lookups).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"Chromium is not installed at {CHROMIUM} (Debian package 'chromium', which "
            ".ci/run installs; or set DECLCOMPARE_CHROMIUM)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _open(browser: Browser, path: Path) -> tuple[Page, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_selector("body[data-ready=true]", state="attached")
    return page, errors, requests


def _visible(page: Page, selector: str) -> int:
    return int(
        page.evaluate(
            "s => [...document.querySelectorAll(s)].filter(r => r.offsetParent !== null).length",
            selector,
        )
    )


def test_report_navigates_filters_folds_and_prints(browser: Browser, tmp_path: Path) -> None:
    seed = load_seed()
    revision = generate_revision(seed, seed=2020, donors=demo_donors()).declaration
    comparison = compare(seed, revision)
    report = tmp_path / "report.html"
    report.write_text(comparison.to_html(), encoding="utf-8")
    page, errors, requests = _open(browser, report)
    assert "GENERATED TEXT" in page.inner_text("p.generated")

    # The briefing's order: summary first, every paragraph last.
    order = page.eval_on_selector_all("body > section", "ss => ss.map(s => s.id)")
    assert order == [s.key for s in briefing_sections(comparison)]
    assert order[0] == "summary"
    assert order[-1] == "paragraphs"
    assert page.is_visible("#summary li >> nth=0")

    # Unchanged paragraphs are folded by default (a moved one stays: moving is a change).
    unchanged = sum(1 for k in comparison.links if k.kind.value == "unchanged" and not k.moved)
    moved = sum(1 for k in comparison.links if k.kind.value == "unchanged" and k.moved)
    assert unchanged > 50
    rows = "#paragraphs tr[data-n][data-kind='unchanged']"
    assert _visible(page, rows) == moved
    folds = _visible(page, "#paragraphs tr.collapsed")
    assert folds > 0
    first = page.inner_text("#paragraphs tr.collapsed button >> nth=0")
    count = int(first.split()[1])
    page.click("#paragraphs tr.collapsed button >> nth=0")
    assert _visible(page, rows) == moved + count
    assert _visible(page, "#paragraphs tr.collapsed") == folds - 1

    # j / k and the buttons step through the changes, in order.
    changes = [n for n, k in enumerate(comparison.links, start=1) if k.kind.value != "unchanged"]
    page.keyboard.press("j")
    assert page.get_attribute("tr.current", "data-n") == str(changes[0])
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.get_attribute("tr.current", "data-n") == str(changes[2])
    page.keyboard.press("k")
    assert page.get_attribute("tr.current", "data-n") == str(changes[1])
    page.click("#next")
    assert page.get_attribute("tr.current", "data-n") == str(changes[2])
    page.click("#previous")
    assert page.get_attribute("tr.current", "data-n") == str(changes[1])
    assert page.evaluate("document.querySelector('tr.current').getBoundingClientRect().top") >= 0

    # Filters: a kind and a section.
    added = _visible(page, "#paragraphs tr[data-kind='added']")
    assert added > 0
    page.uncheck("input[name=kind][value=added]")
    assert _visible(page, "#paragraphs tr[data-kind='added']") == 0
    page.check("input[name=kind][value=added]")
    assert _visible(page, "#paragraphs tr[data-kind='added']") == added
    sections = page.eval_on_selector_all("#section-filter option", "os => os.map(o => o.value)")
    page.select_option("#section-filter", sections[1])
    shown = page.eval_on_selector_all(
        "#paragraphs tbody tr[data-section]", "rs => rs.filter(r => r.offsetParent !== null)"
        ".map(r => r.dataset.section)",
    )  # fmt: skip
    assert shown
    assert set(shown) == {sections[1]}
    page.select_option("#section-filter", "")

    # Old and new side by side, with the word diff on each side.
    row = "#paragraphs tr[data-kind='reworded'] >> nth=0"
    assert page.is_visible(f"{row} >> td.old del") or page.is_visible(f"{row} >> td.new ins")

    # A moved paragraph links to where it now stands.
    marker = page.query_selector("#paragraphs tr.moved-from a")
    assert marker is not None
    target = marker.get_attribute("href")
    assert target is not None
    assert page.query_selector(target) is not None

    # A row of the ranked list opens its place in the full table.
    page.click("#reworded a[href^='#row-'] >> nth=0")
    assert page.query_selector("#paragraphs tr.current") is not None

    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    page.emulate_media(media="print")
    assert not page.is_visible(".controls")
    pdf = page.pdf(path=str(tmp_path / "report.pdf"))
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 20_000
    artifacts = os.environ.get("DECLCOMPARE_ARTIFACTS")
    if artifacts:
        shutil.copy(tmp_path / "report.png", Path(artifacts) / "report.png")
    assert errors == []
    assert requests == [report.as_uri()]


def test_a_long_report_is_drawn_as_it_scrolls_and_whole_for_printing(
    browser: Browser, tmp_path: Path
) -> None:
    words = ["support", "note", "welcome", "stress", "recall", "urge"]
    old_texts = [
        f"Generated paragraph {i}: the parties {words[i % 6]} item {i} of the agenda."
        for i in range(600)
    ]
    new_texts = [t.replace("agenda", "programme") if i % 2 else t for i, t in enumerate(old_texts)]
    comparison = compare(
        Declaration.from_paragraphs(old_texts, title="generated"),
        Declaration.from_paragraphs(new_texts, title="generated"),
    )
    report = tmp_path / "long.html"
    report.write_text(comparison.to_html(), encoding="utf-8")
    page, errors, _ = _open(browser, report)
    count = "document.querySelectorAll('#paragraphs tr[data-n]').length"
    first = page.evaluate(count)
    assert 0 < first < 300  # a first screenful, not everything
    page.evaluate("document.querySelector('#paragraphs tbody tr:last-child').scrollIntoView()")
    for _ in range(100):  # the page's policy forbids wait_for_function's eval; poll instead
        if page.evaluate(count) > first:
            break
        page.wait_for_timeout(50)
    assert page.evaluate(count) > first
    page.pdf(path=str(tmp_path / "long.pdf"))
    # Before printing, every row is drawn; unchanged ones stay folded, each fold printed.
    assert page.evaluate(count) == 300
    assert page.evaluate("document.querySelectorAll('#paragraphs tr.collapsed').length") == 300
    assert "Drawing more" not in page.inner_text("#paragraphs")
    assert errors == []


@pytest.mark.corpus
def test_quad_report_opens_with_summary_and_shifts_in_the_first_screen(
    browser: Browser, tmp_path: Path
) -> None:
    folder = need_corpus() / "multilateral-statements" / "quad-leaders-joint-statement"
    comparison = compare(
        load(folder / "2023-05-20_hiroshima.txt"), load(folder / "2024-09-21_wilmington.txt")
    )
    report = tmp_path / "quad.html"
    report.write_text(comparison.to_html(), encoding="utf-8")
    page, errors, requests = _open(browser, report)
    height = 900
    for key in ("summary", "shifts"):
        top = page.evaluate(f"document.getElementById('{key}').getBoundingClientRect().top")
        assert 0 <= top < height, key
    moved = sum(1 for k in comparison.links if k.kind.value == "unchanged" and k.moved)
    assert _visible(page, "#paragraphs tr[data-n][data-kind='unchanged']") == moved
    page.screenshot(path=str(tmp_path / "quad.png"))
    assert errors == []
    assert requests == [report.as_uri()]


def test_markup_in_a_declaration_shows_as_text_and_runs_nothing(
    browser: Browser, tmp_path: Path
) -> None:
    hostile = [
        "Generated paragraph (not a real text): <script>window.__pwned = 1</script> talks.",
        'Generated paragraph: <img src=x onerror="window.__pwned = 2"> the member states agree.',
    ]
    old = Declaration.from_paragraphs(["The member states welcome the talks."], title="gen <b>")
    new = Declaration.from_paragraphs(hostile, title="generated <i>")
    report = tmp_path / "hostile.html"
    report.write_text(compare(old, new).to_html(), encoding="utf-8")
    page, errors, requests = _open(browser, report)
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#paragraphs")
    assert page.query_selector("#paragraphs img") is None
    assert errors == []
    assert requests == [report.as_uri()]
