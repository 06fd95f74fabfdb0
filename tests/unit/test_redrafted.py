"""Alignment through redrafting: calibrated links, sentence pieces, the semantic hook."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from declcompare import Declaration, compare
from declcompare.align import CompareOptions
from declcompare.align.semantic import Similarity, WordLlamaSimilarity, semantic_installed
from declcompare.compare import ChangeKind, Comparison
from declcompare.errors import MissingDependencyError
from declcompare.text.sentences import split_sentences
from tests.helpers import seed_doc


def _two_sentence_paragraph(texts: Sequence[str]) -> int:
    """Index of the first seed paragraph with two long sentences."""
    for k, text in enumerate(texts):
        ranges = split_sentences(text)
        if len(ranges) == 2 and all(b - a > 120 for a, b in ranges):
            return k
    raise AssertionError("the seed has no paragraph of two long sentences")


def test_a_paragraph_cut_in_two_is_a_split_and_its_sentences_are_traced() -> None:
    texts = [p.text for p in seed_doc().paragraphs]
    k = _two_sentence_paragraph(texts)
    (a0, a1), (b0, b1) = split_sentences(texts[k])
    first, second = texts[k][a0:a1].strip(), texts[k][b0:b1].strip()
    # generated revision (not a real text): paragraph k cut in two, the second half moved
    revised = [*texts[:k], first, *texts[k + 1 : k + 6], second, *texts[k + 6 :]]
    c = compare(Declaration.from_paragraphs(texts), Declaration.from_paragraphs(revised))
    rows = {(link.old_index, link.new_index): link.kind for link in c.links}
    assert rows[(k, k)] is ChangeKind.SPLIT
    assert rows[(k, k + 6)] is ChangeKind.SPLIT
    frame = c.sentence_links()
    pieces = frame[frame["old_paragraph"] == k]
    assert sorted(zip(pieces["old_sentence"], pieces["new_paragraph"], strict=True)) == [
        (0, k),
        (1, k + 6),
    ]
    assert (pieces["score"] > 0.9).all()
    old_text = c.old.paragraphs[k].text
    for start, end in zip(pieces["old_start"], pieces["old_end"], strict=True):
        assert old_text[int(start) : int(end)].strip() in (first, second)
    assert list(frame.columns)[:4] == [
        "old_paragraph",
        "new_paragraph",
        "old_sentence",
        "new_sentence",
    ]


def test_an_unchanged_paragraph_maps_each_sentence_to_itself() -> None:
    texts = [p.text for p in seed_doc().paragraphs[:30]]
    c = compare(Declaration.from_paragraphs(texts), Declaration.from_paragraphs(texts))
    frame = c.sentence_links()
    assert len(frame) == sum(len(split_sentences(t)) for t in texts)
    assert (frame["old_paragraph"] == frame["new_paragraph"]).all()
    assert (frame["old_sentence"] == frame["new_sentence"]).all()
    assert (frame["score"] == 1.0).all()


class _Topics:
    """A user-supplied scorer that knows the Oxus is the Amu Darya's classical name."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.floating[Any]]:
        self.calls += 1
        rivers = (("Amu Darya", "Oxus"), ("Syr Darya", "Jaxartes"))
        rows = np.array(
            [[1.0 if any(n in t for n in r) else 0.0 for r in rivers] + [0.05] for t in texts],
            dtype=np.float64,
        )
        unit: npt.NDArray[np.float64] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        return unit


def test_a_user_similarity_is_accepted_through_the_protocol_and_changes_links() -> None:
    context = [p.text for p in seed_doc().paragraphs[:40]]
    old = Declaration.from_paragraphs(
        [*context, "Water of the Amu Darya is to be shared by agreement among the riparian states."]
    )
    new = Declaration.from_paragraphs(
        [*context, "Countries along the Oxus ought to settle allocations of its flow jointly."]
    )
    lexical = compare(old, new)
    assert (40, 40) not in {(link.old_index, link.new_index) for link in lexical.links}
    scorer = _Topics()
    assert isinstance(scorer, Similarity)
    # the scorer's cosines are carried onto the lexical scale of this short pair, so
    # the score floor is lowered with it; the standing rule is the default one
    opts = CompareOptions(similarity=scorer, semantic_weight=0.9, calibrated_min_score=0.1)
    semantic = compare(old, new, options=opts)
    assert (40, 40) in {(link.old_index, link.new_index) for link in semantic.links}
    assert scorer.calls >= 1
    # the scorer is not written into reports, and the report still reads back
    restored = Comparison.from_json(semantic.to_json())
    assert restored.options.similarity is None
    assert restored.links == semantic.links


def test_a_scorer_without_embed_is_refused() -> None:
    with pytest.raises(ValueError, match="Similarity"):
        CompareOptions(similarity=object())


def test_the_semantic_extra_missing_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_wordllama(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "wordllama":
            raise ImportError("no wordllama")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_wordllama)
    with pytest.raises(MissingDependencyError, match=r"declcompare\[semantic\]"):
        WordLlamaSimilarity()


@pytest.mark.skipif(not semantic_installed(), reason="the [semantic] extra is not installed")
def test_the_bundled_model_embeds_offline_and_ranks_a_paraphrase_first() -> None:
    scorer = WordLlamaSimilarity()
    vectors = scorer.embed(
        [
            "The member states condemn terrorism in all its forms.",
            "Terrorism in every form and manifestation is condemned by the member states.",
            "The parties welcome the growth of trade in agricultural products.",
        ]
    )
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2]


@pytest.mark.skipif(not semantic_installed(), reason="the [semantic] extra is not installed")
def test_an_empty_text_embeds_to_the_zero_row_not_nan() -> None:
    vectors = WordLlamaSimilarity().embed(["", "The member states condemn terrorism."])
    assert np.isfinite(vectors).all()
    assert not vectors[0].any()
    assert np.isclose(np.linalg.norm(vectors[1]), 1.0, atol=1e-5)


@pytest.mark.parametrize(("limit", "floor"), [(4_000_000, 0.23), (10, 0.23), (10, 0.0)])
def test_a_sentence_piece_needs_its_paragraphs_to_be_alike_at_any_size(
    monkeypatch: pytest.MonkeyPatch, limit: int, floor: float
) -> None:
    # generated texts: paragraphs 0 and 2 of each side are near copies, 1 and 3 unrelated;
    # the sentence pass is made to claim a piece between 1 and 3 and between 0 and 2
    import declcompare.align as align_module
    from declcompare.align.pieces import SentenceLink

    old = [
        "The member states support the generated water strategy for the region.",
        "Generated apples grow in orchards near the river every autumn season.",
        "The member states welcome the generated energy programme of cooperation.",
        "The generated summit will be held in the capital next year.",
    ]
    new = [
        "Officials met in the capital to discuss generated railway tariffs today.",
        "The member states note the generated water strategy for the region.",
        "The member states welcome the generated energy programme of cooperation and trade.",
        "The generated summit will be held in the capital next year.",
    ]
    # (limit 10: the 4 x 4 paragraphs are too many to score densely, the 3 x 3 sentences
    # of the paragraphs not linked word for word are not)

    def claimed(*_: object) -> list[SentenceLink]:
        return [SentenceLink(1, 0, 0, 0, 0.5), SentenceLink(0, 1, 0, 0, 0.5)]

    monkeypatch.setattr(align_module, "sentence_links", claimed)
    options = CompareOptions(
        calibration_limit=limit, calibration_rounds=1, piece_paragraph_min_score=floor
    )
    c = compare(Declaration.from_paragraphs(old), Declaration.from_paragraphs(new), options=options)
    pairs = {(link.old_index, link.new_index) for link in c.links}
    assert (0, 1) in pairs  # alike as wholes: kept
    # apples and railway tariffs: refused by the guard, kept without it
    assert ((1, 0) in pairs) is (floor == 0.0)
