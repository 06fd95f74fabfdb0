"""The fast forms of the normalisation match the plain regular expressions they replace."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from declcompare.text import normalize

PLAIN_FOOTNOTE = re.compile(r"(?<=[a-z\u201d)\],;.])\d{1,2}(?=[\s,;.]|$)")
SPACES = re.compile(r"\s+")

texty = st.text(
    alphabet=st.sampled_from(list("ab Z12345,;.)]\u201d\t\n\u2003\u00a0\u2009-'x")), max_size=60
)


@given(texty)
def test_footnote_markers_as_the_plain_pattern(text: str) -> None:
    assert normalize._FOOTNOTE_RE.sub("", text) == PLAIN_FOOTNOTE.sub("", text)


@given(st.one_of(texty, st.text(max_size=40)))
def test_spaces_as_the_plain_pattern(text: str) -> None:
    assert " ".join(text.split()) == SPACES.sub(" ", text).strip()
    assert normalize.display_key(text) == normalize.display_key(SPACES.sub(" ", text))


WORDS = ["organisation", "Organisations", "favour", "colour", "realised", "the", "centre", "color"]


@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_spelling_rewrite_as_word_by_word(text: str) -> None:
    key = normalize.match_key(text)
    folded = normalize._FOOTNOTE_RE.sub("", normalize.display_key(text).casefold())
    plain = normalize._ALPHA_RE.sub(lambda m: normalize.american_spelling(m.group()), folded)
    assert key == plain
    if "favour" in text:
        assert "favor" in key
