"""How the data models reach their renderers without importing them.

The models (:class:`~declcompare.model.Declaration`,
:class:`~declcompare.compare.Comparison`) sit low in the pipeline and the renderers
(:mod:`declcompare.report`) at its top. So that ``comparison.to_html()`` can
delegate without an upward import, the report package registers its functions
here when it is imported — and ``import declcompare`` imports it, so the
conveniences always work. Dependency inversion, in one small table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from declcompare.errors import RendererMissingError

__all__ = ["read", "register_reader", "register_renderer", "register_writer", "render", "write"]

_RENDERERS: dict[tuple[str, str], Callable[..., str]] = {}
_WRITERS: dict[tuple[str, str], Callable[..., Path]] = {}
_READERS: dict[tuple[str, str], Callable[[str | bytes], object]] = {}


def _kind(subject: object) -> str:
    return type(subject).__name__


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
    try:
        function = _RENDERERS[(_kind(subject), fmt)]
    except KeyError:
        raise RendererMissingError(_kind(subject), fmt) from None
    return function(subject)


def write(subject: object, fmt: str, path: str | os.PathLike[str], *, force: bool) -> Path:
    """Write ``subject`` to ``path`` in format ``fmt``; returns the path written."""
    try:
        function = _WRITERS[(_kind(subject), fmt)]
    except KeyError:
        raise RendererMissingError(_kind(subject), fmt) from None
    return function(subject, path, force=force)


def read(kind: str, fmt: str, text: str | bytes) -> object:
    """The object of class ``kind`` that a report in format ``fmt`` describes."""
    try:
        function = _READERS[(kind, fmt)]
    except KeyError:
        raise RendererMissingError(kind, fmt) from None
    return function(text)
