"""One download over HTTPS: address checked, one deadline, a complete decoded body."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from typing import Any
from urllib.parse import urljoin, urlsplit

from declcompare.errors import (
    AddressRefusedError,
    BadResponseError,
    DownloadTimeoutError,
    DownloadTooLargeError,
    FetchError,
    HTTPStatusError,
    IncompleteDownloadError,
    UnexpectedContentError,
)
from declcompare.version import __version__

_ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


_MAX_REDIRECTS = 5


_CHUNK = 64 * 1024


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


def download_document(
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
