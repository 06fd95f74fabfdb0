"""The declarations bundled with declcompare, described by ``corpus/manifest.toml``.

In an installed wheel the seeds and the manifest live inside the package
(``declcompare/_bundled``); in a source checkout they are read from the
repository's ``seeds/`` and ``corpus/`` folders.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from declcompare.errors import SourceNotFoundError
from declcompare.model import Declaration

__all__ = ["DEFAULT_SEED", "ManifestEntry", "load_seed", "manifest", "seed_path"]

#: The project's seed: the Moscow Declaration of the SCO, 10 November 2020.
DEFAULT_SEED = "sco-2020-moscow"

_PACKAGE = Path(__file__).resolve().parent


class ManifestEntry(BaseModel):
    """One declaration the project knows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    organisation: str
    title: str
    place: str | None = None
    date: dt.date | None = None
    language: str = "en"
    file: str | None = None
    source_url: str | None = None
    translation: str | None = None
    # "real": a published text; "generated": made by declcompare, never to be shown as real.
    kind: Literal["real", "generated"] = "real"
    notes: str | None = None


def data_dir(name: str) -> Path:
    bundled = _PACKAGE / "_bundled" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise SourceNotFoundError(
        f"declcompare's bundled {name}/ folder is missing from {bundled}; reinstall the package"
    )


@lru_cache(maxsize=1)
def manifest() -> tuple[ManifestEntry, ...]:
    """The entries of ``corpus/manifest.toml``, in file order."""
    data = tomllib.loads((data_dir("corpus") / "manifest.toml").read_text("utf-8"))
    return tuple(ManifestEntry.model_validate(entry) for entry in data["declaration"])


def _entry(seed_id: str) -> ManifestEntry:
    for entry in manifest():
        if entry.id == seed_id:
            return entry
    known = ", ".join(e.id for e in manifest())
    raise SourceNotFoundError(f"no bundled declaration with id {seed_id!r}; known ids: {known}")


def seed_path(seed_id: str = DEFAULT_SEED) -> Path:
    """Path of a bundled declaration's text file."""
    entry = _entry(seed_id)
    if entry.file is None:
        raise SourceNotFoundError(f"the manifest entry {seed_id!r} has no file bundled with it")
    return data_dir("seeds") / entry.file


def load_seed(seed_id: str = DEFAULT_SEED) -> Declaration:
    """Load a bundled declaration with the metadata recorded in the manifest.

    >>> load_seed().date.isoformat()
    '2020-11-10'
    """
    from declcompare.parse import load

    entry = _entry(seed_id)
    return load(
        seed_path(seed_id),
        id=entry.id,
        title=entry.title,
        organisation=entry.organisation,
        place=entry.place,
        date=entry.date,
        language=entry.language,
    )
