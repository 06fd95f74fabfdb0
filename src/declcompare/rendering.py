"""How the data models reach their renderers without importing them.

The models (:class:`~declcompare.model.Declaration`,
:class:`~declcompare.compare.Comparison`) sit low in the pipeline and the renderers
(:mod:`declcompare.report`) at its top. So that ``comparison.to_html()`` can
delegate without an upward import, the report package registers its functions
here when it is imported. The package root registers a loader that imports the
report package the first time a renderer is looked up and none is there, so the
conveniences always work without every start-up paying for the reports.
Dependency inversion, in one small table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from declcompare.errors import RendererMissingError

__all__ = [
    "read",
    "register_loader",
    "register_reader",
    "register_renderer",
    "register_writer",
    "render",
    "write",
]

_RENDERERS: dict[tuple[str, str], Callable[..., str]] = {}
_WRITERS: dict[tuple[str, str], Callable[..., Path]] = {}
_READERS: dict[tuple[str, str], Callable[[str | bytes], object]] = {}
_LOADERS: list[Callable[[], None]] = []


def _kind(subject: object) -> str:
    return type(subject).__name__


def register_loader(loader: Callable[[], None]) -> None:
    """Register ``loader()``, run once when a lookup first finds nothing registered."""
    _LOADERS.append(loader)


def _load_pending() -> bool:
    """Run the loaders not yet run; True if there were any."""
    if not _LOADERS:
        return False
    while _LOADERS:
        _LOADERS.pop(0)()
    return True


def _lookup(table: dict[tuple[str, str], Any], key: tuple[str, str]) -> Any:
    try:
        return table[key]
    except KeyError:
        if _load_pending() and key in table:
            return table[key]
        raise RendererMissingError(*key) from None


def register_renderer(kind: str, fmt: str, function: Callable[..., str]) -> None:
    """Register ``function(subject) -> str`` for objects of class ``kind``."""
    _RENDERERS[(kind, fmt)] = function


def register_writer(kind: str, fmt: str, function: Callable[..., Path]) -> None:
    """Register ``function(subject, path, *, force) -> Path`` for class ``kind``."""
    _WRITERS[(kind, fmt)] = function


def register_reader(kind: str, fmt: str, function: Callable[[str | bytes], object]) -> None:
    """Register ``function(text) -> object`` that restores an object of class ``kind``."""
    _READERS[(kind, fmt)] = function


def render(subject: object, fmt: str) -> str:
    """``subject`` rendered in format ``fmt`` by its registered renderer."""
    function: Callable[..., str] = _lookup(_RENDERERS, (_kind(subject), fmt))
    return function(subject)


def write(subject: object, fmt: str, path: str | os.PathLike[str], *, force: bool) -> Path:
    """Write ``subject`` to ``path`` in format ``fmt``; returns the path written."""
    function: Callable[..., Path] = _lookup(_WRITERS, (_kind(subject), fmt))
    return function(subject, path, force=force)


def read(kind: str, fmt: str, text: str | bytes) -> object:
    """The object of class ``kind`` that a report in format ``fmt`` describes."""
    function: Callable[[str | bytes], object] = _lookup(_READERS, (kind, fmt))
    return function(text)
