"""The word diff is bounded in time, handles any number of distinct words, diffs unspaced
scripts by character, and its rendered redline reads back into both texts."""

from __future__ import annotations

import itertools
import random
import time
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from declcompare.text import diff
from declcompare.text.diff import (
    Op,
    parse_redline,
    rebuild_new,
    rebuild_old,
    redline,
    render_redline,
)

# Latin words, CJK, Thai, the redline's marker characters and odd whitespace.
_PIECES = st.sampled_from(
    ["we ", "agree", " ", ".", ",", "trade ", "\n", "\t", "  ", "[", "]", "{", "}", "-", "+",
     "\\", "[-", "-]", "{+", "+}", "中", "国", "合作", "の", "ไทย", "é", "\u00a0", "’"]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


def _prose(rng: random.Random, n: int) -> list[str]:
    vocab = [f"w{i}" for i in range(3000)] + ["the", "of", "and", "to"] * 200
    return [rng.choice(vocab) for _ in range(n)]


@settings(max_examples=300, deadline=None)
@given(old=_TEXT, new=_TEXT, exact=st.booleans())
def test_the_redline_rebuilds_both_texts(old: str, new: str, exact: bool) -> None:
    # exact=False forces the bounded fallback that large paragraphs take.
    with (
        mock.patch.object(diff, "_DMP_MAX_UNITS", 10**9 if exact else 0),
        mock.patch.object(diff, "_DIFFLIB_MAX_UNITS", 10**9 if exact else 30),
    ):
        segments = redline(old, new)
    assert rebuild_old(segments) == old
    assert rebuild_new(segments) == new
    assert all(s.text for s in segments)
    assert all(a.op is not b.op for a, b in itertools.pairwise(segments))


@settings(max_examples=300, deadline=None)
@given(old=_TEXT, new=_TEXT)
def test_the_rendered_redline_parses_back(old: str, new: str) -> None:
    segments = redline(old, new)
    assert parse_redline(render_redline(segments)) == segments


def test_literal_markers_are_escaped_and_plain_text_is_not() -> None:
    segments = redline("x [-a-]{+b+} y", "x z y")
    rendered = render_redline(segments)
    assert rendered == r"x [-[\-a\-]{\+b\+} -]{+z +}y"
    assert parse_redline(rendered) == segments
    plain = redline("We welcome it.", "We note it.")
    assert render_redline(plain) == "We [-welcome -]{+note +}it."


def test_a_20000_word_paragraph_with_a_quarter_changed_is_fast() -> None:
    rng = random.Random(16)
    words = _prose(rng, 20_000)
    changed = [w if rng.random() > 0.25 else rng.choice(words) + "x" for w in words]
    old, new = " ".join(words) + ".", " ".join(changed) + "."
    start = time.perf_counter()
    segments = redline(old, new)
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0  # 39 s before the bound; about 0.2 s with it
    assert rebuild_old(segments) == old
    assert rebuild_new(segments) == new
    kept = sum(len(s.text) for s in segments if s.op is Op.EQUAL)
    assert kept > 0.5 * len(old)  # still a word diff, not one whole replacement


def test_more_distinct_words_than_private_code_points() -> None:
    words = [f"u{i}" for i in range(140_000)]
    old = " ".join(words)
    new = " ".join([*words[:70_000], "changed", *words[70_001:]])
    start = time.perf_counter()
    segments = redline(old, new)
    assert time.perf_counter() - start < 5.0
    assert [(s.op, s.text) for s in segments if s.op is not Op.EQUAL] == [
        (Op.DELETE, "u70000 "),
        (Op.INSERT, "changed "),
    ]
    assert rebuild_old(segments) == old
    assert rebuild_new(segments) == new


def test_one_changed_character_in_a_long_cjk_paragraph_is_a_small_redline() -> None:
    rng = random.Random(6)
    old = "".join(chr(0x4E00 + rng.randrange(20_000)) for _ in range(6_000)) + "。"
    new = old[:3_000] + ("中" if old[3_000] != "中" else "国") + old[3_001:]
    segments = redline(old, new)
    changes = [s for s in segments if s.op is not Op.EQUAL]
    assert [len(s.text) for s in changes] == [1, 1]
    assert rebuild_old(segments) == old
    assert rebuild_new(segments) == new
    thai = redline("ประเทศสมาชิกสนับสนุน", "ประเทศสมาชิกคัดค้าน")
    assert thai[0] == diff.Segment(op=Op.EQUAL, text="ประเทศสมาชิก")
