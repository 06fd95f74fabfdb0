"""Download published declarations into a local cache, with their checksums.

:func:`fetch` downloads one address (following redirects) into the user cache
folder and records the SHA-256, the retrieval date, the final address and the
content type in the cache's ``index.json``; later calls read the cached copy and
check that it has not changed. Nothing is ever left half-written: a download is
written to a temporary file and moved into place only when complete and checked.
:func:`sco_series` lists the SCO declarations of ``corpus/manifest.toml`` with the
addresses known to carry an English text.

Every failure is a :class:`FetchError` that names the address and what went wrong:
an HTTP error, a timeout, an answer that is not a document, a changed checksum.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import tempfile
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from declcompare import __version__
from declcompare.errors import (
    ChecksumMismatchError,
    FetchError,
    InputTooLargeError,
    UnexpectedContentError,
)
from declcompare.ingest.text import DEFAULT_MAX_BYTES

__all__ = [
    "CachedDocument",
    "ChecksumMismatchError",
    "FetchError",
    "PublishedSource",
    "SeriesEntry",
    "UnexpectedContentError",
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
        from declcompare.seeds import _data_dir

        path = _data_dir("corpus") / "manifest.toml"
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


def _read_index(cache_dir: Path) -> dict[str, dict[str, object]]:
    path = _index_path(cache_dir)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise FetchError(f"the cache index {str(path)!r} is unreadable: {exc}") from exc
    return data if isinstance(data, dict) else {}


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


def _download(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str]:
    request = urllib.request.Request(
        url, headers={"User-Agent": f"declcompare/{__version__} (document download)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"{url} answered HTTP {exc.code} ({exc.reason}); nothing was saved"
        ) from exc
    except TimeoutError as exc:
        raise FetchError(f"{url} did not answer within {timeout:g} s; nothing was saved") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError(
                f"{url} did not answer within {timeout:g} s; nothing was saved"
            ) from exc
        raise FetchError(f"cannot reach {url}: {reason}; nothing was saved") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot download {url}: {exc}; nothing was saved") from exc
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{url} sent more than {max_bytes:,} bytes, too much for one declaration; "
            "nothing was saved"
        )
    if content_type.lower() not in _ACCEPTED_TYPES:
        raise UnexpectedContentError(
            f"{url} answered with {content_type or 'no content type'}, not a web page, PDF, "
            "Word or text document; nothing was saved"
        )
    return data, final_url, content_type.lower()


def fetch(
    url: str,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    expected_sha256: str | None = None,
    refresh: bool = False,
    accept_change: bool = False,
    timeout: float = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CachedDocument:
    """Download ``url`` into the cache (or return the cached copy) and check it.

    A cached copy is used unless ``refresh``; its bytes must still match the
    checksum recorded when it was downloaded. ``expected_sha256`` (from a
    manifest) must match the download. A refreshed download whose bytes differ
    from the cached copy's is refused unless ``accept_change``: a published text
    that changes is something an analyst must be told of.
    """
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(f"cannot create the cache folder {str(folder)!r}: {exc}") from exc
    index = _read_index(folder)
    known = index.get(url)
    if known is not None and not refresh:
        cached = CachedDocument.model_validate(known)
        path = Path(cached.path)
        if not path.is_file():
            known = None  # the file was removed: download again
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != cached.sha256:
                raise ChecksumMismatchError(
                    f"the cached copy of {url} at {str(path)!r} has changed since it was "
                    f"downloaded (SHA-256 {cached.sha256[:12]}… recorded, {digest[:12]}… now); "
                    "fetch it again with refresh"
                )
            return cached
    data, final_url, content_type = _download(url, timeout=timeout, max_bytes=max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and digest != expected_sha256.lower():
        raise ChecksumMismatchError(
            f"{url} sent bytes with SHA-256 {digest[:12]}…, not the {expected_sha256[:12]}… "
            "recorded in the manifest: the published text has changed; nothing was saved"
        )
    if known is not None and known.get("sha256") != digest and not accept_change:
        raise ChecksumMismatchError(
            f"{url} now sends different bytes (SHA-256 {digest[:12]}…) from the copy "
            f"downloaded on {known.get('retrieved')} ({str(known.get('sha256'))[:12]}…); the "
            "published text has changed. The cached copy is kept; accept the change to "
            "replace it"
        )
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20] + _suffix(content_type)
    target = folder / name
    _write_atomically(target, data)
    record = CachedDocument(
        url=url,
        final_url=final_url,
        path=str(target),
        sha256=digest,
        retrieved=dt.date.today(),
        content_type=content_type,
        size=len(data),
    )
    index[url] = record.model_dump(mode="json")
    _write_atomically(
        _index_path(folder), json.dumps(index, indent=2, sort_keys=True).encode("utf-8")
    )
    return record
