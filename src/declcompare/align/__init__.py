"""Paragraph alignment: which old paragraph became which new one.

The steps, each pure and deterministic:

1. **Keys.** Each paragraph gets a match key (:mod:`declcompare.text.normalize`) and
   its words. A key found once on each side links at once; the order-preserving
   chain of those links gives every other paragraph an *expected position* in the
   new text (interpolated between the links around it). Copies of a repeated key
   pair with the copies nearest their expected positions.
2. **Weights.** Words are weighted by inverse document frequency over the
   paragraphs of *both* declarations, so the formulae every paragraph opens with
   ("The member states", "Recalling", "The General Assembly") weigh almost nothing.
3. **Candidates.** TF-IDF cosine over sparse vectors. Small inputs compare every
   pair through one sparse product; large inputs only pairs that share one of their
   most informative words (blocking), so cost grows well below quadratically.
   Each paragraph keeps its best few candidates, which rapidfuzz then scores on
   the match keys. The score blends both.
4. **Assignment.** A global one-to-one assignment maximising the total score
   (sparse minimum-weight bipartite matching with "unmatched" alternatives), with
   ties broken by structural proximity (same section, near the expected position),
   so that of two near-identical candidates the one in the same place wins.
5. **Splits and merges** by containment: most of a short paragraph's informative
   words lie inside a longer one, and the pieces together cover most of it.
6. **Moves** by the longest order-preserving chain of links; a link outside it moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from declcompare.align.assignment import NEAR_SCALE, assign, expected_positions, identical_links
from declcompare.align.candidates import candidate_pairs
from declcompare.align.moves import longest_chain
from declcompare.align.options import CompareOptions
from declcompare.align.splits import splits_and_merges
from declcompare.align.vectors import tfidf
from declcompare.model import Paragraph
from declcompare.text.normalize import key_tokens, match_key

__all__ = ["AlignedPair", "Alignment", "CompareOptions", "align"]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One old-new link of an alignment; ``group`` ties the pieces of a split or merge."""

    old: int
    new: int
    score: float
    group: int
    kind: str  # "pair", "split" or "merged"


@dataclass(frozen=True, slots=True)
class Alignment:
    """Links between old and new paragraphs, and which links moved."""

    pairs: tuple[AlignedPair, ...]
    moved: frozenset[int]  # indices into pairs


def align(
    old: Sequence[Paragraph], new: Sequence[Paragraph], options: CompareOptions | None = None
) -> Alignment:
    """Align two paragraph sequences (see the module docstring for the method)."""
    from rapidfuzz.distance import Indel

    opts = options or CompareOptions()
    n, m = len(old), len(new)
    old_keys = [match_key(p.text) for p in old]
    new_keys = [match_key(p.text) for p in new]
    old_tokens = [key_tokens(key) for key in old_keys]
    new_tokens = [key_tokens(key) for key in new_keys]

    # 1. identical match keys: unique ones link at once and anchor the expected
    # position of everything else; repeated ones pair by nearness to that position
    linked = identical_links(old_keys, new_keys)
    expected = expected_positions(linked, n)
    scores: dict[int, float] = dict.fromkeys(linked, 1.0)
    taken_new = set(linked.values())
    exact_old, exact_new = set(linked), set(taken_new)

    # 2-3. weights and candidates
    vec = tfidf(old_tokens, new_tokens)
    rows, cols, cos = candidate_pairs(vec, opts)
    free = np.array(
        [
            (i not in linked) and (j not in taken_new)
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        ],
        dtype=bool,
    )
    f_rows, f_cols, f_cos = rows[free], cols[free], cos[free]
    edit = np.array(
        [
            Indel.normalized_similarity(old_keys[i], new_keys[j])
            for i, j in zip(f_rows.tolist(), f_cols.tolist(), strict=True)
        ],
        dtype=np.float64,
    )
    blended = opts.cosine_weight * f_cos + (1.0 - opts.cosine_weight) * edit
    good = blended >= opts.min_score
    g_rows, g_cols, g_score = f_rows[good], f_cols[good], blended[good]

    # 4. global assignment with a proximity tie-breaker
    same_section = np.array(
        [
            (old[i].section or "").casefold() == (new[j].section or "").casefold()
            for i, j in zip(g_rows.tolist(), g_cols.tolist(), strict=True)
        ],
        dtype=np.float64,
    )
    nearness = 1.0 / (1.0 + np.abs(expected[g_rows] - g_cols) / NEAR_SCALE)
    tie = opts.proximity_weight * (same_section + nearness) / 2.0
    assigned = assign(n, m, g_rows, g_cols, g_score + tie)
    score_of = {
        (i, j): s
        for i, j, s in zip(g_rows.tolist(), g_cols.tolist(), g_score.tolist(), strict=True)
    }
    for i, j in assigned.items():
        linked[i] = j
        scores[i] = score_of[(i, j)]

    # 5. splits and merges by containment among candidate pairs
    groups = splits_and_merges(vec, rows, cols, linked, (exact_old, exact_new), opts)

    pairs: list[AlignedPair] = []
    for i in sorted(linked):
        pairs.append(
            AlignedPair(old=i, new=linked[i], score=scores.get(i, 0.0), group=-1, kind="pair")
        )
    for kind, w, ps in groups:
        for p in ps:
            i, j = (w, p) if kind == "split" else (p, w)
            sim = Indel.normalized_similarity(old_keys[i], new_keys[j])
            pairs.append(AlignedPair(old=i, new=j, score=sim, group=-1, kind=kind))
    pairs.sort(key=lambda p: (p.new, p.old))
    numbered: list[AlignedPair] = []
    group_of: dict[tuple[str, int], int] = {}
    for pair in pairs:
        if pair.kind == "pair":
            group_key = ("pair", len(numbered))
        else:
            group_key = ("old", pair.old) if pair.kind == "split" else ("new", pair.new)
        group = group_of.setdefault(group_key, len(group_of))
        numbered.append(
            AlignedPair(old=pair.old, new=pair.new, score=pair.score, group=group, kind=pair.kind)
        )

    # 6. moves: one representative per group, longest order-preserving chain
    reps: dict[int, int] = {}
    for index, pair in enumerate(numbered):
        reps.setdefault(pair.group, index)
    rep_list = sorted(reps.values())
    points = [(numbered[k].old, numbered[k].new) for k in rep_list]
    chain = longest_chain(points)
    moved_groups = {numbered[rep_list[k]].group for k in range(len(rep_list)) if k not in chain}
    moved = frozenset(k for k, pair in enumerate(numbered) if pair.group in moved_groups)
    return Alignment(pairs=tuple(numbered), moved=moved)
