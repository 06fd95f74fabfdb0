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


def test_lowercase_in_on_phrases() -> None:
    plain = "The member states met.\nmember states agree; the Member States of the union"
    keys = ["member states", "member", "states of", "union", "the union", "uni", "agree;"]
    assert lowercase_in(keys, plain) == _searched(keys, plain)
    # "states of" is written only with capitals; "uni" only inside a word.
    assert lowercase_in(keys, plain) == ["member states", "member", "union", "the union", "agree;"]
