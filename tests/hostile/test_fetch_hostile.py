"""fetch against a hostile HTTP server on 127.0.0.1: every failure typed, nothing recorded.

The server is started by the tests, writes scripted raw bytes (so it can break
HTTP in ways http.server will not), serves only 127.0.0.1 and stops with the
fixture; every connection it holds times out by itself after 30 s.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from declcompare import (
    AddressRefusedError,
    BadResponseError,
    CacheError,
    DownloadTimeoutError,
    DownloadTooLargeError,
    FetchError,
    IncompleteDownloadError,
    UnexpectedContentError,
)
from declcompare.fetch import fetch

PAGE = b"<html><body><main><p>The member states agree on trade.</p></main></body></html>"


def ok(body: bytes = PAGE, ctype: str = "text/html", extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n" + extra + b"Connection: close"
        b"\r\n\r\n" + body
    )


def drip(sock: socket.socket, data: bytes, pause: float) -> None:
    for k in range(len(data)):
        sock.sendall(data[k : k + 1])
        time.sleep(pause)


def slow_body(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n")
    drip(sock, b"<p>" + b"x" * 37, 1.0)


def bomb() -> bytes:
    return gzip.compress(b"<html><body><p>" + b"a" * 5_000_000 + b"</p></body></html>")


SCRIPTS: dict[str, Callable[[socket.socket], None]] = {
    "/truncated": lambda s: s.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n" + PAGE
    ),
    "/cut-chunks": lambda s: s.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"10\r\n<html><body><p>T\r\n400\r\nhe member states"
    ),
    "/garbage-status": lambda s: s.sendall(b"HELLO THERE\r\n\r\n" + PAGE),
    "/many-headers": lambda s: s.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + b"".join(b"X-H%d: v\r\n" % k for k in range(150))
        + b"\r\n"
        + PAGE
    ),
    "/long-header": lambda s: s.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: " + b"v" * 70_000 + b"\r\n\r\n"
    ),
    "/slow-body": lambda s: slow_body(s),
    "/slow-headers": lambda s: drip(s, ok()[: -len(PAGE)], 0.5),
    "/gzip": lambda s: s.sendall(ok(gzip.compress(PAGE), extra=b"Content-Encoding: gzip\r\n")),
    "/gzip-bomb": lambda s: s.sendall(ok(bomb(), extra=b"Content-Encoding: gzip\r\n")),
    "/brotli": lambda s: s.sendall(ok(b"\x0b\x02\x80", extra=b"Content-Encoding: br\r\n")),
    "/pdf-that-is-html": lambda s: s.sendall(ok(PAGE, "application/pdf")),
    "/html-that-is-png": lambda s: s.sendall(ok(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)),
    "/html-that-is-nul": lambda s: s.sendall(ok(b"<p>" + b"\x00" * 64)),
    "/to-file": lambda s: s.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n"
    ),
}


class Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(30)
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            data = sock.recv(4096)
            if not data:
                return
            request += data
        path = request.split(b" ", 2)[1].decode()
        script = SCRIPTS.get(path)
        try:
            if script is not None:
                script(sock)
            elif path.startswith("/doc/"):
                sock.sendall(ok(PAGE.replace(b"trade", path.encode())))
            else:
                sock.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        except OSError:
            pass  # the client gave up: that is what some tests want


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def nothing_recorded(folder: Path) -> None:
    assert not (folder / "index.json").exists()
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".lock")] == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "not a web address"),
        ("data:text/html,<p>hi</p>", "not a web address"),
        ("ftp://127.0.0.1/x.html", "not a web address"),
        ("http://127.0.0.1:1/x.html", "plain http"),
        ("https://example.org/a b.html", "a space at offset 21"),
        ("https://example.org/a\r\nX-Injected: 1", r"'\\r' at offset 21"),
        ("https://example.org/d\u00e9claration", "non-ASCII"),
        ("https:///nohost", "names no host"),
        ("https://example.org:http/x", "malformed"),
    ],
)
def test_addresses_other_than_https_are_refused(url: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(AddressRefusedError, match=message):
        fetch(url, cache_dir=tmp_path)
    nothing_recorded(tmp_path)


def test_a_redirect_to_a_local_file_is_refused(base: str, tmp_path: Path) -> None:
    with pytest.raises(AddressRefusedError, match=r"redirect target .* not a web address"):
        fetch(f"{base}/to-file", cache_dir=tmp_path, allow_http=True)
    nothing_recorded(tmp_path)


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/truncated", IncompleteDownloadError, r"announced 10,000 bytes but sent \d+ before"),
        ("/cut-chunks", IncompleteDownloadError, "in the middle of the body"),
        ("/garbage-status", BadResponseError, "BadStatusLine"),
        ("/many-headers", BadResponseError, "more than 100 headers"),
        ("/long-header", BadResponseError, "LineTooLong"),
        ("/brotli", BadResponseError, "content encoding 'br'"),
        ("/gzip-bomb", DownloadTooLargeError, "more than 1,000,000 bytes"),
        ("/pdf-that-is-html", UnexpectedContentError, "said application/pdf .* not a PDF"),
        ("/html-that-is-png", UnexpectedContentError, "bytes are a PNG image"),
        ("/html-that-is-nul", UnexpectedContentError, "binary data"),
    ],
)
def test_broken_answers_are_typed_errors_and_nothing_is_recorded(
    base: str, tmp_path: Path, path: str, error: type[FetchError], message: str
) -> None:
    with pytest.raises(error, match=message):
        fetch(f"{base}{path}", cache_dir=tmp_path, allow_http=True, max_bytes=1_000_000)
    nothing_recorded(tmp_path)


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_the_timeout_is_a_deadline_for_the_whole_download(
    base: str, tmp_path: Path, path: str
) -> None:
    start = time.monotonic()
    with pytest.raises(DownloadTimeoutError, match="did not answer within 2 s"):
        fetch(f"{base}{path}", cache_dir=tmp_path, allow_http=True, timeout=2)
    assert time.monotonic() - start < 6  # 40 s before: the timeout applied per read
    nothing_recorded(tmp_path)


def test_gzip_bodies_are_decoded(base: str, tmp_path: Path) -> None:
    doc = fetch(f"{base}/gzip", cache_dir=tmp_path, allow_http=True)
    assert Path(doc.path).read_bytes() == PAGE
    assert doc.size == len(PAGE)


def test_a_malformed_cache_index_is_a_cache_error(base: str, tmp_path: Path) -> None:
    url = f"{base}/doc/1"
    index = tmp_path / "index.json"
    for text in ("{not json", "[1, 2]", json.dumps({url: {"url": url, "size": "big"}})):
        index.write_text(text, "utf-8")
        with pytest.raises(CacheError, match="index"):
            fetch(url, cache_dir=tmp_path, allow_http=True)
        assert index.read_text("utf-8") == text  # left as it was, for the user to look at
    index.write_bytes(b"\xff\xfe{")
    with pytest.raises(CacheError, match="cannot be read"):
        fetch(url, cache_dir=tmp_path, allow_http=True)


def test_a_cache_folder_that_cannot_be_written_is_a_cache_error(base: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(CacheError, match="cannot create the cache folder"):
        fetch(f"{base}/doc/1", cache_dir=blocker / "cache", allow_http=True)
    if os.geteuid() == 0:
        return  # root writes into read-only folders; the check below needs a normal user
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(CacheError, match="cannot write to the cache folder"):
            fetch(f"{base}/doc/1", cache_dir=folder, allow_http=True)
    finally:
        folder.chmod(0o700)


def test_forty_concurrent_fetches_keep_forty_entries(base: str, tmp_path: Path) -> None:
    urls = [f"{base}/doc/{k}" for k in range(40)]
    with ThreadPoolExecutor(max_workers=40) as pool:
        docs = list(pool.map(lambda u: fetch(u, cache_dir=tmp_path, allow_http=True), urls))
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert sorted(index) == sorted(urls)
    assert all(Path(d.path).is_file() for d in docs)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_concurrent_processes_keep_every_entry(base: str, tmp_path: Path) -> None:
    script = (
        "import sys\nfrom declcompare.fetch import fetch\n"
        "for url in sys.argv[2:]:\n    fetch(url, cache_dir=sys.argv[1], allow_http=True)\n"
    )
    groups = [[f"{base}/doc/p{p}-{k}" for k in range(8)] for p in range(4)]
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), *urls]) for urls in groups
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert sorted(index) == sorted(u for urls in groups for u in urls)
