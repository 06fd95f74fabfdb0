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

from declcompare import Declaration, compare, load_seed
from declcompare.synth import demo_donors, generate_revision

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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


def _open(browser: Browser, path: Path) -> tuple[object, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def test_report_filters_views_and_makes_no_requests(browser: Browser, tmp_path: Path) -> None:
    seed = load_seed()
    revision = generate_revision(seed, seed=2020, donors=demo_donors()).declaration
    report = tmp_path / "report.html"
    report.write_text(compare(seed, revision).to_html(), encoding="utf-8")
    page, errors, requests = _open(browser, report)
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    assert "GENERATED TEXT" in page.inner_text("p.generated")

    def visible(kind: str) -> int:
        return int(
            page.evaluate(
                "k => [...document.querySelectorAll(`#paragraphs tbody tr[data-kind='${k}']`)]"
                ".filter(r => r.offsetParent !== null).length",
                kind,
            )
        )

    unchanged, added = visible("unchanged"), visible("added")
    assert unchanged > 50
    assert added > 0
    page.uncheck("input[name=kind][value=unchanged]")
    assert visible("unchanged") == 0
    assert visible("added") == added
    page.check("input[name=kind][value=unchanged]")
    assert visible("unchanged") == unchanged

    sections = page.eval_on_selector_all("#section-filter option", "os => os.map(o => o.value)")
    page.select_option("#section-filter", sections[1])
    shown = page.eval_on_selector_all(
        "#paragraphs tbody tr", "rs => rs.filter(r => r.offsetParent !== null)"
        ".map(r => r.dataset.section)",
    )  # fmt: skip
    assert shown
    assert set(shown) == {sections[1]}
    page.select_option("#section-filter", "")

    assert page.is_visible("#paragraphs td.side >> nth=0")
    page.check("input[name=view][value=inline]")
    assert page.is_visible("#paragraphs td.inline >> nth=0")
    assert not page.is_visible("#paragraphs td.side >> nth=0")

    moved = page.query_selector("#paragraphs tr.moved-from a")
    assert moved is not None  # a moved paragraph links to where it now stands
    target = moved.get_attribute("href")
    assert target is not None
    assert page.query_selector(target) is not None

    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    artifacts = os.environ.get("DECLCOMPARE_ARTIFACTS")
    if artifacts:
        shutil.copy(tmp_path / "report.png", Path(artifacts) / "report.png")
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
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#paragraphs")
    assert page.query_selector("#paragraphs img") is None
    assert errors == []
    assert requests == [report.as_uri()]
