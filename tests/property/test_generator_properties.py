"""The revision generator's shortcuts give exactly what the plain code would."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from declcompare.synth.revision import _Targets


@given(size=st.integers(min_value=0, max_value=60), k=st.integers(min_value=0, max_value=60))
def test_targets_equal_the_list_they_stand_for(size: int, k: int) -> None:
    k = min(k, max(size - 1, 0))
    expected = [t for t in range(size) if abs(t - k) >= 3]
    targets = _Targets(size, k)
    assert len(targets) == len(expected)
    assert list(targets) == expected
    assert targets[1:4] == expected[1:4]


@given(size=st.integers(min_value=8, max_value=500), k=st.integers(min_value=0), seed=st.integers())
def test_random_choice_is_unchanged(size: int, k: int, seed: int) -> None:
    k %= size
    expected = [t for t in range(size) if abs(t - k) >= 3]
    assert random.Random(seed).choice(_Targets(size, k)) == random.Random(seed).choice(expected)
