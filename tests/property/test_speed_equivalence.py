"""Faster code paths give exactly the answers of the plain ones they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from declcompare.compare.entities import lowercase_in

_ALPHABET = st.sampled_from(list("ab cAB.-'\n_1é"))
_TEXT = st.text(_ALPHABET, max_size=60)
_KEY = st.text(st.sampled_from(list("ab cé.-'1")), min_size=1, max_size=8)


def _searched(keys: list[str], plain: str) -> list[str]:
    return [k for k in keys if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", plain)]


@settings(max_examples=400, deadline=None)
@given(keys=st.lists(_KEY, max_size=8, unique=True), plain=_TEXT)
def test_lowercase_in_is_the_per_key_search(keys: list[str], plain: str) -> None:
    assert lowercase_in(keys, plain) == _searched(keys, plain)


@settings(max_examples=400, deadline=None)
@given(plain=_TEXT, cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=8))
def test_lowercase_in_on_pieces_of_the_text_itself(plain: str, cuts: list[tuple[int, int]]) -> None:
    keys = list(dict.fromkeys(plain[a : a + n] for a, n in cuts if plain[a : a + n]))
    assert lowercase_in(keys, plain) == _searched(keys, plain)


def test_lowercase_in_on_phrases() -> None:
    plain = "The member states met.\nmember states agree; the Member States of the union"
    keys = ["member states", "member", "states of", "union", "the union", "uni", "agree;"]
    assert lowercase_in(keys, plain) == _searched(keys, plain)
    # "states of" is written only with capitals; "uni" only inside a word.
    assert lowercase_in(keys, plain) == ["member states", "member", "union", "the union", "agree;"]


_SMALL_INT = st.integers(min_value=0, max_value=3)


@st.composite
def _matrices(draw: st.DrawFn) -> list[list[float]]:
    rows = draw(st.integers(min_value=0, max_value=7))
    cols = draw(st.integers(min_value=0 if rows == 0 else 1, max_value=7))
    if rows and not cols:
        cols = 1
    values = (
        _SMALL_INT.map(float)  # many ties: the tie-breaking is what is tested
        if draw(st.booleans())
        else st.floats(min_value=-5, max_value=5, allow_nan=False, width=32)
    )
    return [[draw(values) for _ in range(cols)] for _ in range(rows)]


@settings(max_examples=600, deadline=None)
@given(matrix=_matrices(), maximize=st.booleans())
def test_assignment_is_scipys(matrix: list[list[float]], maximize: bool) -> None:
    import numpy as np
    from scipy.optimize import linear_sum_assignment as scipy_lsa

    from declcompare.align.lsap import linear_sum_assignment

    cost = np.asarray(matrix, dtype=np.float64).reshape(len(matrix), -1 if matrix else 0)
    ours = linear_sum_assignment(cost, maximize=maximize)
    theirs = scipy_lsa(cost, maximize=maximize)
    assert ours[0].tolist() == theirs[0].tolist()
    assert ours[1].tolist() == theirs[1].tolist()


def test_assignment_large_matrix_goes_to_scipy_with_the_same_answer() -> None:
    import numpy as np
    from scipy.optimize import linear_sum_assignment as scipy_lsa

    from declcompare.align import lsap

    rng = np.random.default_rng(7)
    cost = rng.integers(0, 4, size=(40, 50)).astype(np.float64)
    assert cost.size * 40 > lsap.SMALL_WORK
    small = lsap._solve(cost.tolist())  # the pure-Python path, forced
    assert small == scipy_lsa(cost)[1].tolist()
    assert lsap.linear_sum_assignment(cost)[1].tolist() == small


def test_assignment_refuses_what_it_cannot_solve() -> None:
    import math

    import pytest

    from declcompare.align.lsap import linear_sum_assignment

    with pytest.raises(ValueError, match="finite"):
        linear_sum_assignment([[0.0, math.inf]])
    with pytest.raises(ValueError, match="two dimensions"):
        linear_sum_assignment([1.0, 2.0])  # type: ignore[list-item]
