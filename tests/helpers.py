"""Paths and helpers shared by the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "2020-11-10_sco-moscow-declaration.txt"
SHARED = Path(os.environ.get("DECLCOMPARE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
UNGA = CORPUS / "unga-resolutions-78-80"
STATEMENTS = CORPUS / "multilateral-statements"


def need_corpus() -> Path:
    """The shared corpus folder, or skip the calling test with the reason."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared reference corpus is not at {CORPUS} (set DECLCOMPARE_SHARED)")
    return CORPUS


def corpus_files(pattern: str = "**/*.txt") -> list[Path]:
    """Corpus files matching a glob, sorted; empty when the corpus is absent."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob(pattern) if p.name != "SOURCES.md")
