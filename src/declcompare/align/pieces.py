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

__all__ = ["SentenceLink", "Sentences", "sentence_links", "sentences_of"]

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
    scores = dense_scores(old.tokens, new.tokens, old_emb, new_emb, opts)
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
