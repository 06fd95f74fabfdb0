"""Commitment extraction and comparison do not depend on the interpreter's hash seed.

Python randomises the iteration order of sets of strings per process
(PYTHONHASHSEED). A tie broken by set order once made the commitments of real
texts differ between two runs of the same command; each case here runs in fresh
interpreters with different hash seeds and must give the same digest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import STATEMENTS, UNGA

_PROGRAM = r"""
import hashlib, json, sys
import declcompare
from declcompare.commitments import declaration_commitments
docs = [declcompare.load_seed()] + [declcompare.load(p) for p in sys.argv[1:]]
digest = hashlib.sha256()
for d in docs:
    for c in declaration_commitments(d):
        digest.update(json.dumps(c.model_dump(mode="json"), sort_keys=True).encode())
    digest.update(repr(declcompare.compare(d, docs[0]).to_frame().to_dict("list")).encode())
print(digest.hexdigest())
"""

# Real texts on which the tie once surfaced (skipped when the shared corpus is absent).
_TEXTS = [
    STATEMENTS / "g7-summit-communique" / "2021-06-13_carbis-bay.txt",
    UNGA / "culture-and-sustainable-development" / "2023-12-19_A-RES-78-161.txt",
]


def _digest(seed: int, paths: list[Path]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return done.stdout.strip()


def test_commitments_and_comparisons_do_not_depend_on_the_hash_seed() -> None:
    paths = [p for p in _TEXTS if p.is_file()]
    if not paths:
        pytest.skip("the shared corpus texts of this case are absent; the seed alone is tested")
    digests = {_digest(seed, paths) for seed in (0, 1, 2)}
    assert len(digests) == 1, digests


def test_the_seed_does_not_depend_on_the_hash_seed() -> None:
    assert _digest(0, []) == _digest(7, [])
