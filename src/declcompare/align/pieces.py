"""Sentence pieces of splits and merges, found by standing among the pair's sentences.

Each paragraph not linked by identical text is cut into sentences
(:func:`declcompare.text.sentences.split_sentences`). A sentence pair counts as
evidence that its two paragraphs share a provision when each sentence is the
other's best counterpart, its score reaches ``piece_min_score`` and it stands
``piece_z`` deviations above the background of both sentences; a sentence with fewer
than ``piece_min_words`` informative words is never evidence on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from declcompare.align.calibrate import Standing, mutual_best
from declcompare.align.options import CompareOptions
from declcompare.align.scoring import dense_scores
from declcompare.align.vectors import FloatArray
from declcompare.text.normalize import key_tokens, match_key
from declcompare.text.sentences import split_sentences

__all__ = [
    "SentenceLink",
    "Sentences",
    "group_sentence_links",
    "sentence_links",
    "sentences_of",
]

Embed = Callable[[Sequence[str]], FloatArray]


@dataclass(frozen=True, slots=True)
class Sentences:
    """The sentences of some paragraphs of one side: owner paragraph and range in it."""

    owner: tuple[int, ...]
    span: tuple[tuple[int, int], ...]
    tokens: tuple[list[str], ...]
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """Old sentence ``old_sentence`` of paragraph ``old`` carried into ``new``'s."""

    old: int
    new: int
    old_sentence: int  # position of the sentence in its paragraph
    new_sentence: int
    score: float


def sentences_of(texts: Sequence[str], which: Sequence[int]) -> Sentences:
    """The sentences of the paragraphs ``which`` (indices into ``texts``)."""
    owner: list[int] = []
    span: list[tuple[int, int]] = []
    tokens: list[list[str]] = []
    pieces: list[str] = []
    for k in which:
        text = texts[k]
        for a, b in split_sentences(text):
            owner.append(k)
            span.append((a, b))
            pieces.append(text[a:b])
            tokens.append(key_tokens(match_key(text[a:b])))
    return Sentences(tuple(owner), tuple(span), tuple(tokens), tuple(pieces))


def sentence_links(
    old: Sentences,
    new: Sentences,
    embed: Embed | None,
    opts: CompareOptions,
) -> list[SentenceLink]:
    """Mutually best, well-standing sentence pairs (see the module docstring)."""
    n, m = len(old.owner), len(new.owner)
    if n < 2 or m < 2:
        return []
    old_emb = embed(old.texts) if embed is not None else None
    new_emb = embed(new.texts) if embed is not None else None
    scores = dense_scores(old.tokens, new.tokens, old_emb, new_emb, opts, char_weight=0.0)
    z = Standing(scores).z()
    ok_old = [k for k in range(n) if len(set(old.tokens[k])) >= opts.piece_min_words]
    ok_new = [k for k in range(m) if len(set(new.tokens[k])) >= opts.piece_min_words]
    position: dict[tuple[int, int], int] = {}
    for side in (old, new):
        counter: dict[int, int] = {}
        for k, p in enumerate(side.owner):
            position[(id(side), k)] = counter.get(p, 0)
            counter[p] = counter.get(p, 0) + 1
    out: list[SentenceLink] = []
    for a, b, _ in mutual_best(scores, ok_old, ok_new):
        if scores[a, b] >= opts.piece_min_score and z[a, b] >= opts.piece_z:
            out.append(
                SentenceLink(
                    old=old.owner[a],
                    new=new.owner[b],
                    old_sentence=position[(id(old), a)],
                    new_sentence=position[(id(new), b)],
                    score=float(np.round(scores[a, b], 6)),
                )
            )
    return out


def group_sentence_links(
    old_texts: Sequence[str],
    new_texts: Sequence[str],
    groups: Sequence[tuple[Sequence[int], Sequence[int]]],
    embed: Embed | None,
    opts: CompareOptions,
) -> list[tuple[SentenceLink, tuple[int, int], tuple[int, int]]]:
    """Which sentence went where inside each linked group (old paragraphs, new paragraphs).

    Within a group, an old and a new sentence are paired when each is the other's best
    counterpart and their score reaches ``calibrated_min_score``; identical sentences
    always pair. Returns each link with the character ranges of both sentences in
    their paragraphs."""
    out: list[tuple[SentenceLink, tuple[int, int], tuple[int, int]]] = []
    for olds, news in groups:
        old_s = sentences_of(old_texts, sorted(olds))
        new_s = sentences_of(new_texts, sorted(news))
        if not old_s.owner or not new_s.owner:
            continue
        old_emb = embed(old_s.texts) if embed is not None else None
        new_emb = embed(new_s.texts) if embed is not None else None
        scores = dense_scores(old_s.tokens, new_s.tokens, old_emb, new_emb, opts)
        same = np.array([[a.strip() == b.strip() for b in new_s.texts] for a in old_s.texts])
        scores = np.where(same, 1.0, scores)
        rank: dict[tuple[int, int], int] = {}
        for tag, side in ((0, old_s), (1, new_s)):
            counter: dict[int, int] = {}
            for k, p in enumerate(side.owner):
                rank[(tag, k)] = counter.get(p, 0)
                counter[p] = counter.get(p, 0) + 1
        pairs = mutual_best(scores, list(range(len(old_s.owner))), list(range(len(new_s.owner))))
        for a, b, _ in sorted(pairs):
            if scores[a, b] < opts.calibrated_min_score:
                continue
            link = SentenceLink(
                old=old_s.owner[a],
                new=new_s.owner[b],
                old_sentence=rank[(0, a)],
                new_sentence=rank[(1, b)],
                score=round(float(scores[a, b]), 6),
            )
            out.append((link, old_s.span[a], new_s.span[b]))
    return out
