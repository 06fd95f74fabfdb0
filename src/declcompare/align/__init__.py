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

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from declcompare.align.assignment import NEAR_SCALE, assign, expected_positions, identical_links
from declcompare.align.calibrate import Standing, attach_leftovers, calibrated_links
from declcompare.align.candidates import candidate_pairs
from declcompare.align.moves import longest_chain
from declcompare.align.options import CompareOptions
from declcompare.align.pieces import sentence_links, sentences_of
from declcompare.align.scoring import dense_scores
from declcompare.align.semantic import embedder
from declcompare.align.splits import splits_and_merges
from declcompare.align.vectors import FloatArray, Vectors, scale_columns, tfidf
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

    # 6-7. calibrated passes: leftovers by standing, then sentence pieces
    pieces: list[tuple[int, int, float]] = []
    group_pairs = [(w, p) if kind == "split" else (p, w) for kind, w, ps in groups for p in ps]
    if opts.calibration_rounds > 0:
        extra, pieces = _calibrated(
            old,
            new,
            old_tokens,
            new_tokens,
            linked,
            scores,
            group_pairs,
            (exact_old, exact_new),
            expected,
            vec,
            opts,
        )
        for i, (j, s) in extra.items():
            linked[i] = j
            scores[i] = s

    found: dict[tuple[int, int], float] = {}
    for i in sorted(linked):
        found[(i, linked[i])] = scores.get(i, 0.0)
    for i, j in group_pairs:
        found[(i, j)] = Indel.normalized_similarity(old_keys[i], new_keys[j])
    added = {(i, j): s for i, j, s in pieces if (i, j) not in found}
    found.update(_without_crossed(found, added))
    numbered = _numbered(found)
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


def _calibrated(
    old: Sequence[Paragraph],
    new: Sequence[Paragraph],
    old_tokens: Sequence[list[str]],
    new_tokens: Sequence[list[str]],
    linked: dict[int, int],
    link_scores: dict[int, float],
    group_pairs: Sequence[tuple[int, int]],
    exact: tuple[set[int], set[int]],
    expected: FloatArray,
    vec: Vectors,
    opts: CompareOptions,
) -> tuple[dict[int, tuple[int, float]], list[tuple[int, int, float]]]:
    """Second-pass links among the leftovers, and sentence pieces (see calibrate.py)."""
    n, m = len(old), len(new)
    embed = embedder(opts.similarity)
    busy_old = set(linked) | {i for i, _ in group_pairs}
    busy_new = set(linked.values()) | {j for _, j in group_pairs}
    free_old = [i for i in range(n) if i not in busy_old]
    free_new = [j for j in range(m) if j not in busy_new]
    extra: dict[int, tuple[int, float]] = {}
    attached: list[tuple[int, int, float]] = []
    # Sentences of the paragraphs that can take part in a split or merge: not those
    # linked by identical text, nor those linked almost word for word.
    exact_old, exact_new = exact
    close_old = {i for i, s in link_scores.items() if i in linked and s >= opts.piece_link_max}
    close_new = {linked[i] for i in close_old}
    old_which = [i for i in range(n) if i not in exact_old and i not in close_old]
    new_which = [j for j in range(m) if j not in exact_new and j not in close_new]
    # paragraph scores: for the leftovers' second pass and the pieces' guard
    scores: FloatArray | None = None
    old_emb = new_emb = None
    wanted = bool(free_old or free_new or (old_which and new_which))
    if wanted and n * m <= opts.calibration_limit:
        old_emb = embed([p.text for p in old]) if embed is not None else None
        new_emb = embed([p.text for p in new]) if embed is not None else None
        scores = dense_scores(old_tokens, new_tokens, old_emb, new_emb, opts)
    if (free_old or free_new) and scores is not None:
        cols = np.arange(m, dtype=np.float64)
        tie = opts.proximity_weight / (1.0 + np.abs(expected[:, None] - cols[None, :]) / NEAR_SCALE)
        rare = vec.frequency <= max(4.0, opts.informative_share * (n + m))
        rare_old = scale_columns(vec.presence_old, rare.astype(np.float64))

        meaning = (
            Standing(np.asarray(old_emb @ new_emb.T, dtype=np.float64)).z()
            if old_emb is not None and new_emb is not None
            else None
        )

        def informative(i: int, j: int) -> bool:
            # a shared informative word, or (with a semantic scorer) meanings that
            # stand out on their own as much as the link must
            if meaning is not None and meaning[i, j] >= opts.calibrated_z:
                return True
            return float(rare_old[i].multiply(vec.presence_new[j]).sum()) >= 1.0

        links = calibrated_links(scores, free_old, free_new, tie, opts, informative)
        for i, j in links.items():
            extra[i] = (j, float(scores[i, j]))
        taken = set(links.values())
        still_old = [i for i in free_old if i not in links]
        still_new = [j for j in free_new if j not in taken]
        attached = [
            (i, j, float(scores[i, j]))
            for i, j in attach_leftovers(scores, still_old, still_new, tie, opts, exact)
            if informative(i, j)
        ]
    if not old_which or not new_which:
        return extra, attached
    old_s = sentences_of([p.text for p in old], old_which)
    new_s = sentences_of([p.text for p in new], new_which)
    if len(old_s.owner) * len(new_s.owner) > opts.calibration_limit:
        return extra, attached
    found = sentence_links(old_s, new_s, embed, opts)
    alike: dict[tuple[int, int], float] = {}
    if scores is not None:
        alike = {(s.old, s.new): float(scores[s.old, s.new]) for s in found}
    elif found:
        # too many paragraphs for the dense pass: score those the pieces join
        olds = sorted({s.old for s in found})
        news = sorted({s.new for s in found})
        sub = dense_scores(
            [old_tokens[i] for i in olds], [new_tokens[j] for j in news], None, None, opts
        )
        at_row, at_col = {i: k for k, i in enumerate(olds)}, {j: k for k, j in enumerate(news)}
        alike = {(s.old, s.new): float(sub[at_row[s.old], at_col[s.new]]) for s in found}
    pieces = [
        (s.old, s.new, s.score)
        for s in found
        if alike[(s.old, s.new)] >= opts.piece_paragraph_min_score
    ]
    return extra, attached + pieces


def _without_crossed(
    found: dict[tuple[int, int], float], added: dict[tuple[int, int], float]
) -> dict[tuple[int, int], float]:
    """New pieces, less those that would join two paragraphs both linked elsewhere.

    A link whose two ends each have another link would be a piece of a split and of a
    merge at once; such links are dropped together (not one by one), so the rule
    gives the mirror result when old and new are swapped."""
    deg_old: dict[int, int] = defaultdict(int)
    deg_new: dict[int, int] = defaultdict(int)
    for i, j in [*found, *added]:
        deg_old[i] += 1
        deg_new[j] += 1
    return {(i, j): s for (i, j), s in added.items() if not (deg_old[i] > 1 and deg_new[j] > 1)}


def _numbered(found: dict[tuple[int, int], float]) -> list[AlignedPair]:
    """Links in new order, with their kind (by how many links each end has) and group."""
    deg_old: dict[int, int] = defaultdict(int)
    deg_new: dict[int, int] = defaultdict(int)
    for i, j in found:
        deg_old[i] += 1
        deg_new[j] += 1
    # groups: connected parts of the link graph
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in found:
        a, b = root(("old", i)), root(("new", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    numbered: list[AlignedPair] = []
    group_of: dict[tuple[str, int], int] = {}
    for i, j in sorted(found, key=lambda p: (p[1], p[0])):
        if deg_old[i] > 1 and deg_new[j] > 1:
            kind = "split" if deg_old[i] >= deg_new[j] else "merged"
        elif deg_old[i] > 1:
            kind = "split"
        elif deg_new[j] > 1:
            kind = "merged"
        else:
            kind = "pair"
        group = group_of.setdefault(root(("old", i)), len(group_of))
        numbered.append(AlignedPair(old=i, new=j, score=found[(i, j)], group=group, kind=kind))
    return numbered
