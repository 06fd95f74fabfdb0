"""Bytes and paths in, checked text out: the edge where files are touched."""

from __future__ import annotations

from declcompare.ingest.text import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_LINE_CHARS,
    DecodedText,
    decode_bytes,
    read_bytes,
)
from declcompare.limits import InputLimits

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_LINE_CHARS",
    "DecodedText",
    "InputLimits",
    "decode_bytes",
    "read_bytes",
]
