"""The shipped verb table answers exactly as lemminflect does, and is current."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lemminflect import getAllInflections, getAllInflectionsOOV, getLemma

from declcompare.commitments.verbforms import (
    build_table,
    lexicon_heads,
    verb_inflections,
    verb_lemmas,
)


def _shipped() -> dict[str, object]:
    raw = resources.files("declcompare").joinpath("data/verb_forms.json.gz").read_bytes()
    data: dict[str, object] = json.loads(gzip.decompress(raw))
    return data


def test_the_shipped_table_is_what_lemminflect_says_today() -> None:
    # Stale (lexicon or lemminflect changed)? Regenerate with verbforms.write_table().
    assert _shipped() == json.loads(json.dumps(build_table()))


def test_every_lexicon_head_is_in_the_table() -> None:
    inflections = _shipped()["inflections"]
    assert isinstance(inflections, dict)
    assert sorted(inflections) == lexicon_heads()
    assert {"welcome", "support", "reaffirm", "note", "condemn"} <= set(inflections)


_WORDS = [
    "strengthens", "strengthening", "welcomed", "noted", "reaffirms", "taking", "goes",
    "underscored", "recognise", "recognized", "emphasised", "the", "and", "plans",
    "xyzzied", "blorfing", "co-operate", "unverbable", "Strengthen", "NOTED", "undertook",
]  # fmt: skip


def test_lemmas_are_lemminflects_on_known_unknown_and_capitalised_words() -> None:
    for word in _WORDS:
        assert verb_lemmas(word) == tuple(getLemma(word, upos="VERB")), word


@settings(max_examples=300, deadline=None)
@given(word=st.text(st.sampled_from(list("abcdeginorstuz-'")), min_size=1, max_size=10))
def test_lemmas_are_lemminflects_on_any_word(word: str) -> None:
    assert verb_lemmas(word) == tuple(getLemma(word, upos="VERB"))


def test_inflections_are_lemminflects() -> None:
    for head in [*lexicon_heads()[:40], "frobnicate"]:
        expected = getAllInflections(head, upos="VERB") or getAllInflectionsOOV(head, upos="VERB")
        assert verb_inflections(head) == {t: tuple(f) for t, f in expected.items()}, head


def test_another_lemminflect_version_bypasses_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table written by another lemminflect is not trusted: every answer is asked anew."""
    from declcompare.commitments import verbforms

    monkeypatch.setattr(verbforms, "_lemminflect_version", lambda: "0.0.0-other")
    verbforms._table.cache_clear()
    verbforms.verb_lemmas.cache_clear()
    try:
        assert verbforms._table() is None
        for word in ("strengthens", "xyzzied", "Noted"):
            assert verb_lemmas(word) == tuple(getLemma(word, upos="VERB"))
        expected = getAllInflections("welcome", upos="VERB")
        assert verb_inflections("welcome") == {t: tuple(f) for t, f in expected.items()}
    finally:
        verbforms._table.cache_clear()
        verbforms.verb_lemmas.cache_clear()
