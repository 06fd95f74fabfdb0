"""Download published declarations into a local cache, with their checksums.

:func:`fetch` downloads one address (following redirects) into the user cache
folder and records the SHA-256, the retrieval date, the final address and the
content type in the cache's ``index.json``; later calls read the cached copy and
check that it has not changed. Nothing is ever left half-written: a download is
written to a temporary file and moved into place only when complete and checked.
:func:`sco_series` lists the SCO declarations of ``corpus/manifest.toml`` with the
addresses known to carry an English text.

What is downloaded, and when a download counts as complete:

- only ``https`` addresses (and redirects), or ``http`` where the caller passes
  ``allow_http=True`` (a manifest entry with ``allow_http = true``); ``file:``,
  ``data:``, ``ftp:`` and addresses with spaces or control characters are refused;
- ``timeout`` is a deadline for the whole download (connection, headers, body),
  not for each read: a server that sends one byte a second is cut off in time;
- a body shorter than its ``Content-Length``, or chunks that stop before the last
  one, is an error; ``gzip`` and ``deflate`` content encodings are decoded (at
  most ``max_bytes`` decoded bytes); the bytes must look like their content type
  (a PDF starts with ``%PDF-``, a Word file is a ZIP package, a page is text);
- the index is rewritten atomically under a lock file (``index.json.lock``, via
  :mod:`filelock`), so concurrent fetches in threads or processes keep every entry.

Every failure is a :class:`~declcompare.errors.FetchError` subclass that names
the address and what went wrong, and nothing is recorded for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import http.client
import json
import os
import socket
import ssl
import tempfile
import threading
import time
import tomllib
import urllib.error
import urllib.request
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError

from declcompare.errors import (
    AddressRefusedError,
    BadResponseError,
    CacheError,
    ChecksumMismatchError,
    DownloadTimeoutError,
    DownloadTooLargeError,
    FetchError,
    HTTPStatusError,
    IncompleteDownloadError,
    UnexpectedContentError,
)
from declcompare.ingest.text import DEFAULT_MAX_BYTES
from declcompare.version import __version__

__all__ = [
    "CachedDocument",
    "ChecksumMismatchError",
    "FetchError",
    "PublishedSource",
    "SeriesEntry",
    "UnexpectedContentError",
    "check_address",
    "default_cache_dir",
    "fetch",
    "sco_series",
]

_ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


class CachedDocument(BaseModel):
    """A downloaded document in the cache."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    final_url: str
    path: str
    sha256: str
    retrieved: dt.date
    content_type: str
    size: int


class PublishedSource(BaseModel):
    """A public page known to carry an English text of a declaration."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    publisher: str
    translation: str
    sha256: str | None = None
    #: The publisher serves no https: plain http is allowed for this address.
    allow_http: bool = False


class SeriesEntry(BaseModel):
    """One declaration of a series in the manifest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int
    date: dt.date | None = None
    place: str | None = None
    title: str
    checked: bool = False
    seed: str | None = None
    source: tuple[PublishedSource, ...] = ()


def default_cache_dir() -> Path:
    """The user cache folder for declcompare's downloads."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("declcompare")) / "documents"


def sco_series(manifest: str | os.PathLike[str] | None = None) -> tuple[SeriesEntry, ...]:
    """The SCO declarations of the manifest, in year order."""
    if manifest is None:
        from declcompare.seeds import data_dir

        path = data_dir("corpus") / "manifest.toml"
    else:
        path = Path(manifest)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FetchError(f"cannot read the manifest {str(path)!r}: {exc}") from exc
    entries = tuple(SeriesEntry.model_validate(e) for e in data.get("sco", []))
    return tuple(sorted(entries, key=lambda e: e.year))


def _index_path(cache_dir: Path) -> Path:
    return cache_dir / "index.json"


_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_LOCK_TIMEOUT = 60.0  # seconds to wait for another fetch to finish writing the index
# Bytes a document of each accepted type starts with, and what other bytes are.
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP package (Word, Excel ...)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
)


def check_address(url: str, *, allow_http: bool = False, what: str = "address") -> None:
    """Refuse an address :func:`fetch` must not download, with the reason and the fix."""
    for offset, ch in enumerate(url):
        if ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F:
            raise AddressRefusedError(
                f"the {what} {url!r} holds {'a space' if ch == ' ' else repr(ch)} at offset "
                f"{offset}; percent-encode it (a space is %20) or correct the manifest"
            )
        if ord(ch) > 0x7E:
            raise AddressRefusedError(
                f"the {what} {url!r} holds the non-ASCII character {ch!r} at offset {offset}; "
                "percent-encode it (UTF-8 bytes as %XX)"
            )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "http" and not allow_http:
        raise AddressRefusedError(
            f"the {what} {url!r} is plain http; use its https address, or mark the manifest "
            "entry with allow_http = true if the publisher serves no https"
        )
    if scheme not in ("http", "https"):
        raise AddressRefusedError(
            f"the {what} {url!r} is not a web address ({scheme or 'no'} scheme); only https "
            "(or http where the manifest allows it) is downloaded, never a local file or data"
        )
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise AddressRefusedError(f"the {what} {url!r} is malformed: {exc}") from exc
    if not host:
        raise AddressRefusedError(f"the {what} {url!r} names no host")


class _Deadline:
    """One deadline for a whole download: when it passes, every socket is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.01, self._end - time.monotonic())

    def passed(self) -> bool:
        return self.expired or time.monotonic() >= self._end

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        # Wakes a blocked read in the downloading thread; the owner closes the socket.
        with contextlib.suppress(OSError):  # already closed
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.watch(self.sock)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_connection(http.client.HTTPConnection, self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__(context=ssl.create_default_context())
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = _connection(http.client.HTTPSConnection, self._deadline)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = _MAX_REDIRECTS

    def __init__(self, allow_http: bool) -> None:
        super().__init__()
        self._allow_http = allow_http

    def http_error_302(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                check_address(
                    urljoin(req.full_url, location),
                    allow_http=self._allow_http,
                    what=f"redirect target of {req.full_url}",
                )
            except AddressRefusedError:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _decoder(encoding: str, url: str) -> Any:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise BadResponseError(
        f"{url} sent its body with the content encoding {encoding!r}, which declcompare "
        "cannot decode (only gzip and deflate); nothing was saved"
    )


def _check_content(data: bytes, content_type: str, url: str) -> None:
    """The bytes must look like the type the server announced."""
    found = next((what for magic, what in _SIGNATURES if data.startswith(magic)), None)
    said = f"{url} said {content_type}"
    if not data:
        raise UnexpectedContentError(f"{said} but sent no bytes; nothing was saved")
    if content_type == "application/pdf":
        if b"%PDF-" not in data[:1024]:
            raise UnexpectedContentError(
                f"{said} but the bytes are {found or 'not a PDF'} (no %PDF- header); "
                "nothing was saved"
            )
        return
    if "wordprocessingml" in content_type:
        if not data.startswith(b"PK\x03\x04"):
            raise UnexpectedContentError(
                f"{said} but the bytes are {found or 'not a Word package'}; nothing was saved"
            )
        return
    head = data[:65536]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if found is not None or (b"\x00" in head and not utf16):
        raise UnexpectedContentError(
            f"{said} but the bytes are {found or 'binary data'}, not text; nothing was saved"
        )
    if content_type != "text/plain" and b"<" not in head and not utf16:
        raise UnexpectedContentError(
            f"{said} but the bytes hold no markup at all; nothing was saved"
        )


def _download(
    url: str, *, timeout: float, max_bytes: int, allow_http: bool
) -> tuple[bytes, str, str]:
    check_address(url, allow_http=allow_http)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"declcompare/{__version__} (document download)",
            "Accept-Encoding": "gzip, deflate, identity",
        },
    )
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(
        _HTTPHandler(deadline), _HTTPSHandler(deadline), _RedirectHandler(allow_http)
    )
    late = f"{url} did not answer within {timeout:g} s (the whole download); nothing was saved"
    try:
        with opener.open(request, timeout=deadline.remaining()) as response:
            final_url = response.geturl()
            content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
            content_type = content_type.lower()
            if content_type not in _ACCEPTED_TYPES:
                raise UnexpectedContentError(
                    f"{url} answered with {content_type or 'no content type'}, not a web "
                    "page, PDF, Word or text document; nothing was saved"
                )
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            decoder = _decoder(encoding, url)
            chunked = "chunked" in (response.headers.get("Transfer-Encoding") or "").lower()
            announced = None if chunked else response.headers.get("Content-Length")
            data = bytearray()
            received = 0
            while True:
                if deadline.passed():
                    raise DownloadTimeoutError(late)
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                room = max_bytes + 1 - len(data)
                if decoder is None:
                    data += chunk[:room]
                    overflow = len(chunk) > room
                else:
                    data += decoder.decompress(chunk, room)
                    overflow = bool(decoder.unconsumed_tail)
                if overflow or len(data) > max_bytes:
                    raise DownloadTooLargeError(
                        f"{url} sent more than {max_bytes:,} bytes, too much for one "
                        "declaration; nothing was saved"
                    )
            if deadline.passed():
                raise DownloadTimeoutError(late)
            if announced is not None and announced.strip().isdigit():
                if received != int(announced):
                    raise IncompleteDownloadError(
                        f"{url} announced {int(announced):,} bytes but sent {received:,} "
                        "before closing the connection: the download is incomplete; "
                        "nothing was saved"
                    )
            elif announced is not None:
                raise BadResponseError(
                    f"{url} sent the malformed Content-Length {announced!r}; nothing was saved"
                )
            if decoder is not None:
                data += decoder.flush()
                if not decoder.eof:
                    raise IncompleteDownloadError(
                        f"{url} sent a {encoding} body that ends before its end marker: the "
                        "download is incomplete; nothing was saved"
                    )
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise HTTPStatusError(
            f"{url} answered HTTP {exc.code} ({exc.reason}); nothing was saved", status=exc.code
        ) from exc
    except http.client.IncompleteRead as exc:
        if deadline.passed():
            raise DownloadTimeoutError(late) from exc
        raise IncompleteDownloadError(
            f"{url} closed the connection in the middle of the body ({len(exc.partial):,} "
            "bytes of the last chunk received): the download is incomplete; nothing was saved"
        ) from exc
    except http.client.HTTPException as exc:
        if deadline.passed():
            raise DownloadTimeoutError(late) from exc
        raise BadResponseError(
            f"{url} did not answer with valid HTTP ({type(exc).__name__}: {str(exc)[:200]}); "
            "nothing was saved"
        ) from exc
    except zlib.error as exc:
        raise BadResponseError(
            f"{url} sent a body that is not valid {encoding} data ({exc}); nothing was saved"
        ) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        if deadline.passed() or isinstance(exc, TimeoutError):
            raise DownloadTimeoutError(late) from exc
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, TimeoutError):
            raise DownloadTimeoutError(late) from exc
        if isinstance(reason, http.client.HTTPException):
            raise BadResponseError(
                f"{url} did not answer with valid HTTP ({type(reason).__name__}); nothing was saved"
            ) from exc
        raise FetchError(f"cannot download {url}: {reason}; nothing was saved") from exc
    finally:
        deadline.cancel()
    result = bytes(data)
    _check_content(result, content_type, url)
    return result, final_url, content_type


def _read_index(cache_dir: Path) -> dict[str, Any]:
    path = _index_path(cache_dir)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise CacheError(
            f"the cache index {str(path)!r} cannot be read ({exc}); fix its permissions, or "
            "delete it (the downloads are fetched again)"
        ) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CacheError(
            f"the cache index {str(path)!r} is not valid JSON ({exc}); delete it and the "
            "downloads are fetched again"
        ) from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CacheError(
            f"the cache index {str(path)!r} is not a table of downloads; delete it and the "
            "downloads are fetched again"
        )
    return data


def _cached(index: dict[str, Any], url: str, cache_dir: Path) -> CachedDocument | None:
    known = index.get(url)
    if known is None:
        return None
    try:
        return CachedDocument.model_validate(known)
    except ValidationError as exc:
        raise CacheError(
            f"the entry for {url} in the cache index {str(_index_path(cache_dir))!r} is "
            f"malformed ({exc.error_count()} error(s), first: {exc.errors()[0]['msg']}); "
            "delete the index and the downloads are fetched again"
        ) from exc


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _suffix(content_type: str) -> str:
    if "pdf" in content_type:
        return ".pdf"
    if "wordprocessingml" in content_type:
        return ".docx"
    if "plain" in content_type:
        return ".txt"
    return ".html"


def _cache_problem(folder: Path, exc: OSError) -> CacheError:
    return CacheError(
        f"cannot write to the cache folder {str(folder)!r}: {exc.strerror or exc}; fix its "
        "permissions or choose another folder (--cache-dir); nothing was recorded"
    )


def fetch(
    url: str,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    expected_sha256: str | None = None,
    refresh: bool = False,
    accept_change: bool = False,
    timeout: float = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_http: bool = False,
) -> CachedDocument:
    """Download ``url`` into the cache (or return the cached copy) and check it.

    A cached copy is used unless ``refresh``; its bytes must still match the
    checksum recorded when it was downloaded. ``expected_sha256`` (from a
    manifest) must match the download. A refreshed download whose bytes differ
    from the cached copy's is refused unless ``accept_change``: a published text
    that changes is something an analyst must be told of. ``timeout`` bounds the
    whole download; ``allow_http`` permits a plain http address (see the module
    docstring for every check).
    """
    from filelock import FileLock, Timeout

    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(
            f"cannot create the cache folder {str(folder)!r}: {exc.strerror or exc}; choose "
            "another folder (--cache-dir)"
        ) from exc
    cached = _cached(_read_index(folder), url, folder)
    if cached is not None and not refresh:
        path = Path(cached.path)
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != cached.sha256:
                raise ChecksumMismatchError(
                    f"the cached copy of {url} at {str(path)!r} has changed since it was "
                    f"downloaded (SHA-256 {cached.sha256[:12]}… recorded, {digest[:12]}… now); "
                    "fetch it again with refresh"
                )
            return cached
        cached = None  # the file was removed: download again
    data, final_url, content_type = _download(
        url, timeout=timeout, max_bytes=max_bytes, allow_http=allow_http
    )
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and digest != expected_sha256.lower():
        raise ChecksumMismatchError(
            f"{url} sent bytes with SHA-256 {digest[:12]}…, not the {expected_sha256[:12]}… "
            "recorded in the manifest: the published text has changed; nothing was saved"
        )
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20] + _suffix(content_type)
    target = folder / name
    record = CachedDocument(
        url=url,
        final_url=final_url,
        path=str(target),
        sha256=digest,
        retrieved=dt.date.today(),
        content_type=content_type,
        size=len(data),
    )
    lock = FileLock(str(folder / "index.json.lock"), timeout=_LOCK_TIMEOUT)
    try:
        with lock:
            # Read again under the lock: another fetch may have added entries meanwhile.
            index = _read_index(folder)
            known = _cached(index, url, folder)
            if known is not None and known.sha256 != digest and not accept_change:
                raise ChecksumMismatchError(
                    f"{url} now sends different bytes (SHA-256 {digest[:12]}…) from the copy "
                    f"downloaded on {known.retrieved} ({known.sha256[:12]}…); the published "
                    "text has changed. The cached copy is kept; accept the change to replace it"
                )
            _write_atomically(target, data)
            index[url] = record.model_dump(mode="json")
            _write_atomically(
                _index_path(folder), json.dumps(index, indent=2, sort_keys=True).encode("utf-8")
            )
    except Timeout as exc:
        raise CacheError(
            f"the cache index in {str(folder)!r} stayed locked for {_LOCK_TIMEOUT:g} s by "
            f"another fetch; try again, or delete {str(folder / 'index.json.lock')!r} if no "
            "fetch is running"
        ) from exc
    except OSError as exc:
        raise _cache_problem(folder, exc) from exc
    return record
