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

import datetime as dt
import hashlib
import json
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from declcompare.errors import (
    CacheError,
    ChecksumMismatchError,
    FetchError,
    UnexpectedContentError,
)
from declcompare.fetch.download import check_address, download_document
from declcompare.ingest.text import DEFAULT_MAX_BYTES

__all__ = [
    "SERIES",
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
    #: What the address carries when it is not the declaration itself, or its form
    #: ("PDF of the same text", "the summit's information report").
    document: str | None = None


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


SERIES = {
    "sco": ("sco", "SCO declarations of the Council of Heads of State"),
    "sco-government": ("sco_government", "SCO joint communiqués of the Heads of Government"),
}


def sco_series(
    manifest: str | os.PathLike[str] | None = None, *, series: str = "sco"
) -> tuple[SeriesEntry, ...]:
    """The entries of one SCO series of the manifest (see :data:`SERIES`), in year order."""
    if manifest is None:
        from declcompare.seeds import data_dir

        path = data_dir("corpus") / "manifest.toml"
    else:
        path = Path(manifest)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FetchError(f"cannot read the manifest {str(path)!r}: {exc}") from exc
    table = SERIES[series][0]
    try:
        entries = tuple(SeriesEntry.model_validate(e) for e in data.get(table, []))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise FetchError(
            f"the manifest {str(path)!r} has a malformed [[{table}]] entry at "
            f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
        ) from exc
    return tuple(sorted(entries, key=lambda e: e.year))


def _index_path(cache_dir: Path) -> Path:
    return cache_dir / "index.json"


_LOCK_TIMEOUT = 60.0  # seconds to wait for another fetch to finish writing the index


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
    data, final_url, content_type = download_document(
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
