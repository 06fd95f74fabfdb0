"""Paths and helpers shared by the tests."""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import pytest

from declcompare import Declaration, load_seed

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "2020-11-10_sco-moscow-declaration.txt"
SHARED = Path(os.environ.get("DECLCOMPARE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
UNGA = CORPUS / "unga-resolutions-78-80"
STATEMENTS = CORPUS / "multilateral-statements"
# The complete corpus sweeps run under `nox -s slow` (DECLCOMPARE_FULL_SWEEP=1); the
# default test run checks a sample drawn with a fixed seed, so it stays fast.
FULL_SWEEP = os.environ.get("DECLCOMPARE_FULL_SWEEP", "") not in ("", "0")
SAMPLE_SEED = 20261202

T = TypeVar("T")


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


def sweep(items: Sequence[T], size: int) -> list[T]:
    """All of ``items`` in a full sweep, else ``size`` of them drawn with a fixed seed
    (in their original order), so that the default run samples every kind of case."""
    if FULL_SWEEP or len(items) <= size:
        return list(items)
    chosen = sorted(random.Random(SAMPLE_SEED).sample(range(len(items)), size))
    return [items[k] for k in chosen]


def seed_doc() -> Declaration:
    """The bundled seed declaration (parsed once: load_seed caches it)."""
    return load_seed()
