"""declcompare fetch against a local HTTP server that mimics a secretariat's site.

The pages are built by the tests (generated site furniture around the real seed
text), not copies of any real page. The server counts requests, so caching is
observable; it also redirects, fails, stalls, changes its answer and sends an image.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from declcompare import InputTooLargeError, load, load_seed
from declcompare.cli import main
from declcompare.fetch import (
    CachedDocument,
    ChecksumMismatchError,
    FetchError,
    UnexpectedContentError,
)
from declcompare.fetch import fetch as fetch_any
from tests.formats.render import to_html


class Site:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.version = 1
        self.page = to_html(load_seed(), wrapper="main")
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "text/html") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                site.hits[self.path] += 1
                if self.path == "/20201110/declaration.html":
                    self._send(200, site.page, "text/html; charset=utf-8")
                elif self.path == "/old-address":
                    self.send_response(301)
                    self.send_header("Location", "/20201110/declaration.html")
                    self.end_headers()
                elif self.path == "/changing.html":
                    body = site.page.replace(
                        b"</main>", f"<p>Version {site.version}.</p></main>".encode()
                    )
                    self._send(200, body)
                elif self.path == "/slow.html":
                    time.sleep(1.5)
                    self._send(200, site.page)
                elif self.path == "/logo.png":
                    self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
                elif self.path == "/big.html":
                    self._send(200, b"<html><body><p>" + b"x" * 5000 + b"</p></body></html>")
                else:
                    self._send(404, b"<html><body><p>Not found</p></body></html>")

        return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    thread = threading.Thread(target=s.server.serve_forever, daemon=True)
    thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def fetch(url: str, **kwargs: Any) -> CachedDocument:
    """The test server speaks plain http on 127.0.0.1, as a manifest may allow."""
    return fetch_any(url, allow_http=True, **kwargs)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_fetch_caches_and_loads_the_page(site: Site, tmp_path: Path) -> None:
    url = f"{site.base}/20201110/declaration.html"
    doc = fetch(url, cache_dir=tmp_path)
    assert doc.content_type == "text/html"
    assert len(doc.sha256) == 64
    again = fetch(url, cache_dir=tmp_path)
    assert again == doc
    assert site.hits["/20201110/declaration.html"] == 1  # the second came from the cache
    declaration = load(doc.path)
    assert declaration.source.format == "html"
    assert [p.text for p in declaration.paragraphs] == [p.text for p in load_seed().paragraphs]


def test_redirects_are_followed_and_recorded(site: Site, tmp_path: Path) -> None:
    doc = fetch(f"{site.base}/old-address", cache_dir=tmp_path)
    assert doc.final_url == f"{site.base}/20201110/declaration.html"


def test_a_tampered_cache_is_refused(site: Site, tmp_path: Path) -> None:
    doc = fetch(f"{site.base}/20201110/declaration.html", cache_dir=tmp_path)
    Path(doc.path).write_bytes(b"<html><body><p>edited</p></body></html>")
    with pytest.raises(ChecksumMismatchError, match="has changed since it was downloaded"):
        fetch(f"{site.base}/20201110/declaration.html", cache_dir=tmp_path)


def test_a_changed_publication_is_reported_and_the_cache_kept(site: Site, tmp_path: Path) -> None:
    url = f"{site.base}/changing.html"
    first = fetch(url, cache_dir=tmp_path)
    site.version = 2
    with pytest.raises(ChecksumMismatchError, match="now sends different bytes"):
        fetch(url, cache_dir=tmp_path, refresh=True)
    assert fetch(url, cache_dir=tmp_path) == first
    accepted = fetch(url, cache_dir=tmp_path, refresh=True, accept_change=True)
    assert accepted.sha256 != first.sha256
    assert leftovers(tmp_path) == []


def test_a_manifest_checksum_must_match(site: Site, tmp_path: Path) -> None:
    with pytest.raises(ChecksumMismatchError, match="recorded in the manifest"):
        fetch(
            f"{site.base}/20201110/declaration.html", cache_dir=tmp_path, expected_sha256="ab" * 32
        )
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize(
    ("path", "error", "message", "kwargs"),
    [
        ("/missing.html", FetchError, "answered HTTP 404", {}),
        ("/slow.html", FetchError, "did not answer within 0.3 s", {"timeout": 0.3}),
        ("/logo.png", UnexpectedContentError, "image/png", {}),
        ("/big.html", InputTooLargeError, "more than 1,000 bytes", {"max_bytes": 1000}),
    ],
)
def test_failures_are_clear_and_leave_nothing(
    site: Site, tmp_path: Path, path: str, error: type[Exception], message: str,
    kwargs: dict[str, float],
) -> None:  # fmt: skip
    with pytest.raises(error, match=message):
        fetch(f"{site.base}{path}", cache_dir=tmp_path, **kwargs)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_cli_fetch_end_to_end(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        f"""
[[sco]]
year = 2020
date = 2020-11-10
place = "Moscow (held via videoconference)"
title = "Generated test page of the Moscow Declaration"
[[sco.source]]
url = "{site.base}/old-address"
publisher = "Generated test secretariat"
translation = "the seed text"
allow_http = true

[[sco]]
year = 2021
title = "Generated entry without an address"

[[sco]]
year = 2022
title = "Generated entry whose page is missing"
[[sco.source]]
url = "{site.base}/missing.html"
publisher = "Generated test secretariat"
translation = "none"
allow_http = true
""",
        "utf-8",
    )
    cache = tmp_path / "cache"
    args = ["fetch", "sco", "--manifest", str(manifest), "--cache-dir", str(cache)]
    assert main([*args, "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "SHA-256" in out
    assert main([*args, "--year", "2020"]) == 0  # from the cache
    assert site.hits["/old-address"] == 1
    capsys.readouterr()
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "no public address known" in captured.out
    assert "HTTP 404" in captured.out
    assert captured.err.startswith("declcompare: error: 1 download(s) failed")
    assert main([*args, "--year", "1999"]) == 2
    assert "no SCO declarations of the Council of Heads of State of 1999" in capsys.readouterr().err


def test_bundled_manifest_lists_the_series() -> None:
    from declcompare.fetch import sco_series

    series = sco_series()
    years = [e.year for e in series]
    assert years == list(range(2001, 2026))
    urls = {src.url for e in series for src in e.source}
    assert "http://eng.sectsco.org/20210917/782639.html" in urls
    assert "https://worldjpn.net/documents/texts/SCO/20220916.D1E.html" in urls
    assert all(src.translation for e in series for src in e.source)
    assert next(e for e in series if e.year == 2020).seed == "sco-2020-moscow"


def test_bundled_manifest_has_the_secretariat_addresses_2018_to_2023() -> None:
    from declcompare.fetch import sco_series

    by_year = {e.year: e for e in sco_series()}
    for year in range(2018, 2024):
        if year == 2021:
            continue  # listed above, over plain http
        secretariat = [s for s in by_year[year].source if s.publisher == "SCO Secretariat"]
        assert secretariat, year
        assert all(s.url.startswith("https://eng.sectsco.org/") for s in secretariat)
        assert all("translation" in s.translation or "English" in s.translation
                   for s in secretariat)  # fmt: skip
    assert "not the declaration" in str(by_year[2018].source[0].document)
    communiques = sco_series(series="sco-government")
    assert [e.year for e in communiques] == [2018, 2021, 2022, 2023]
    assert all(e.source for e in communiques)


def test_cli_fetch_prints_the_bundled_seed_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from declcompare.seeds import seed_path

    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        '[[sco]]\nyear = 2020\nplace = "Moscow"\ntitle = "The Moscow Declaration"\n'
        'seed = "sco-2020-moscow"\n',
        "utf-8",
    )
    args = ["fetch", "sco", "--manifest", str(manifest), "--cache-dir", str(tmp_path / "c")]
    assert main(args) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "bundled seed" in out
    assert seed_path("sco-2020-moscow").name in out.replace("│", "").replace(" ", "")
