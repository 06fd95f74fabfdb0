"""Paragraph alignment: which old paragraph became which new one.

The steps, each pure and deterministic:

1. **Keys.** Each paragraph gets a match key (:mod:`declcompare.normalize`) and
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

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from declcompare.model import Paragraph
from declcompare.normalize import key_tokens, match_key

__all__ = ["AlignedPair", "Alignment", "CompareOptions", "align"]

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    Csr = csr_matrix[np.float64]
else:
    Csr = object

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class CompareOptions(BaseModel):
    """Thresholds of the alignment. Defaults were tuned on the generated benchmark
    (``python -m benchmarks.accuracy.run``) and checked on the real UN series."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_score: float = Field(
        default=0.45,
        ge=0.0,
        le=1.0,
        description="Lowest blended similarity for a one-to-one link. Below it, two "
        "paragraphs are reported as dropped and added. 0.45 keeps heavy rewordings "
        "(a clause added, a verb changed) linked while unrelated paragraphs on the same "
        "topic, which score 0.2-0.4, stay apart.",
    )
    cosine_weight: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Share of the TF-IDF cosine in the blended score; the rest is "
        "rapidfuzz's normalised edit similarity of the match keys. The cosine discounts "
        "boilerplate; the edit similarity rewards shared wording and word order.",
    )
    candidate_min_cosine: float = Field(
        default=0.1,
        ge=0.0,
        le=1.0,
        description="Pairs below this TF-IDF cosine are not scored at all.",
    )
    candidates_per_paragraph: int = Field(
        default=6,
        ge=1,
        description="Best candidates kept per paragraph (on each side) before scoring.",
    )
    containment: float = Field(
        default=0.8,
        ge=0.0,
        le=1.0,
        description="Share of a piece's informative (IDF-weighted) words that must lie "
        "inside the whole for a split or merge.",
    )
    split_coverage: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Share of the whole's informative words the pieces must cover together.",
    )
    proximity_weight: float = Field(
        default=0.01,
        ge=0.0,
        le=0.1,
        description="Tie-breaker added to scores for the same section and nearness to "
        "the expected position (interpolated between identical paragraphs); small enough "
        "never to override a real difference in wording.",
    )
    full_matrix_limit: int = Field(
        default=4_000_000,
        ge=0,
        description="Up to this many old x new pairs, every pair is compared; above it, "
        "only pairs sharing an informative word (blocking).",
    )
    blocking_candidates: int = Field(
        default=40,
        ge=1,
        description="Under blocking, pairs per paragraph (on each side) whose TF-IDF "
        "cosine is computed: those sharing the most informative-word mass.",
    )
    blocking_max_postings: int = Field(
        default=100,
        ge=0,
        description="Under blocking, a paragraph's top word is looked for anywhere in "
        "the other text's paragraphs only if it occurs in at most this many paragraphs "
        "of both texts together; commoner words pair only top word with top word.",
    )
    blocking_words: int = Field(
        default=8,
        ge=1,
        description="Most informative words per paragraph used for blocking.",
    )


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


@dataclass(frozen=True, slots=True)
class _Vectors:
    """The word statistics of both sides, computed once per alignment."""

    tfidf_old: Csr  # row-normalised TF-IDF
    tfidf_new: Csr
    presence_old: Csr  # 1 where a paragraph has the word
    presence_new: Csr
    weights_old: Csr  # presence x IDF
    weights_new: Csr
    frequency: FloatArray  # paragraphs of both sides with each word


def _tfidf(old_tokens: Sequence[list[str]], new_tokens: Sequence[list[str]]) -> _Vectors:
    """TF-IDF, presence and IDF-weighted presence matrices of both sides."""
    from scipy import sparse

    vocab: dict[str, int] = {}
    df: dict[int, int] = defaultdict(int)
    rows_tokens = [*old_tokens, *new_tokens]
    encoded: list[dict[int, int]] = []
    for toks in rows_tokens:
        counts: dict[int, int] = defaultdict(int)
        for tok in toks:
            counts[vocab.setdefault(tok, len(vocab))] += 1
        for term in counts:
            df[term] += 1
        encoded.append(counts)
    n_docs = len(rows_tokens)
    idf = np.ones(max(len(vocab), 1), dtype=np.float64)
    frequency = np.zeros(len(idf), dtype=np.float64)
    for term, freq in df.items():
        idf[term] = math.log((1 + n_docs) / (1 + freq)) + 1.0
        frequency[term] = freq

    def build(docs: list[dict[int, int]]) -> tuple[Csr, Csr]:
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for counts in docs:
            for term in sorted(counts):
                indices.append(term)
                data.append((1.0 + math.log(counts[term])) * idf[term])
            indptr.append(len(indices))
        weighted = sparse.csr_matrix(
            (np.asarray(data, dtype=np.float64), indices, indptr), shape=(len(docs), len(idf))
        )
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        tfidf = sparse.diags(1.0 / norms) @ weighted
        presence = weighted.copy()
        presence.data[:] = 1.0
        return tfidf.tocsr(), presence.tocsr()

    a, pa = build(encoded[: len(old_tokens)])
    b, pb = build(encoded[len(old_tokens) :])
    return _Vectors(
        tfidf_old=a,
        tfidf_new=b,
        presence_old=pa,
        presence_new=pb,
        weights_old=_scale_columns(pa, idf),
        weights_new=_scale_columns(pb, idf),
        frequency=frequency,
    )


def _scale_columns(matrix: Csr, weights: FloatArray) -> Csr:
    """Each column multiplied by its weight (presence x IDF)."""
    from scipy import sparse

    return cast("Csr", sparse.csr_matrix(matrix @ sparse.diags(weights)))


def _top_per_row(rows: IntArray, cols: IntArray, vals: FloatArray, k: int) -> npt.NDArray[np.bool_]:
    """Mask of entries that are among the k largest of their row (ties by column)."""
    order = np.lexsort((cols, -vals, rows))
    sorted_rows = rows[order]
    starts = np.searchsorted(sorted_rows, sorted_rows, side="left")
    rank = np.arange(len(order)) - starts
    keep = np.zeros(len(order), dtype=bool)
    keep[order[rank < k]] = True
    return keep


_PAIR_BATCH = 100_000


def _pair_dots(a: Csr, b: Csr, rows: IntArray, cols: IntArray) -> FloatArray:
    """Dot products of rows ``a[rows[k]]`` and ``b[cols[k]]``, in batches.

    Gathering the rows of every pair at once holds two sparse matrices of (pairs x
    words per paragraph) entries: gigabytes for 20,000-paragraph inputs. Batches
    keep the peak at a fixed size whatever the number of pairs."""
    out = np.empty(len(rows), dtype=np.float64)
    for start in range(0, len(rows), _PAIR_BATCH):
        r = rows[start : start + _PAIR_BATCH]
        c = cols[start : start + _PAIR_BATCH]
        out[start : start + len(r)] = np.asarray(a[r].multiply(b[c]).sum(axis=1)).ravel()
    return out


def _candidates(vec: _Vectors, options: CompareOptions) -> tuple[IntArray, IntArray, FloatArray]:
    """Candidate (old, new) pairs with their TF-IDF cosine."""
    from scipy import sparse

    a, b = vec.tfidf_old, vec.tfidf_new
    n, m = a.shape[0], b.shape[0]
    if n == 0 or m == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    if n * m <= options.full_matrix_limit:
        product = (a @ b.T).tocoo()
        rows: IntArray = product.row.astype(np.int64)
        cols: IntArray = product.col.astype(np.int64)
        vals = product.data
    else:
        blocks = []
        for pm in (vec.weights_old, vec.weights_new):
            r, c, v = sparse.find(pm)
            keep = _top_per_row(r.astype(np.int64), c.astype(np.int64), v, options.blocking_words)
            blocks.append(sparse.csr_matrix((v[keep], (r[keep], c[keep])), shape=pm.shape))
        # Pairs sharing one of their most informative words, and pairs where one
        # paragraph's most informative word is a rare word anywhere in the other
        # (so a short piece of a split or merge finds the long whole whose own top
        # words lie elsewhere). Ranked by the IDF mass they share, only the best few
        # per paragraph on either side get an exact cosine: linear cost however many
        # paragraphs share a common word.
        rare = (vec.frequency <= options.blocking_max_postings).astype(np.float64)
        pa_rare = _scale_columns(vec.presence_old, rare)
        pb_rare = _scale_columns(vec.presence_new, rare)
        shared = (blocks[0] @ blocks[1].T + blocks[0] @ pb_rare.T + pa_rare @ blocks[1].T).tocoo()
        rows = shared.row.astype(np.int64)
        cols = shared.col.astype(np.int64)
        mass = np.asarray(shared.data, dtype=np.float64)
        width = options.blocking_candidates
        best = _top_per_row(rows, cols, mass, width) | _top_per_row(cols, rows, mass, width)
        rows, cols = rows[best], cols[best]
        vals = _pair_dots(a, b, rows, cols)
    cos: FloatArray = np.asarray(vals, dtype=np.float64)
    ok = cos >= options.candidate_min_cosine
    old_i: IntArray = np.asarray(rows, dtype=np.int64)[ok]
    new_j: IntArray = np.asarray(cols, dtype=np.int64)[ok]
    cos = cos[ok]
    k = options.candidates_per_paragraph
    keep = _top_per_row(old_i, new_j, cos, k) | _top_per_row(new_j, old_i, cos, k)
    return old_i[keep], new_j[keep], cos[keep]


def _assign(n: int, m: int, rows: IntArray, cols: IntArray, scores: FloatArray) -> dict[int, int]:
    """Maximum-score one-to-one assignment where leaving a paragraph unmatched is allowed."""
    from scipy import sparse
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    if len(rows) == 0:
        return {}
    # Rows: old 0..n-1, then a stand-in per new paragraph; columns: new 0..m-1, then a
    # stand-in per old paragraph. A paragraph left unmatched pairs with its own stand-in
    # (cost 2); a link (i, j) costs 2 - score and frees the stand-ins of j and i to pair
    # with each other (cost 2). So a link costs 4 - score against 4 for leaving both
    # unmatched: any scored link is taken when it helps, and all costs stay positive.
    r = np.concatenate([rows, np.arange(n), n + np.arange(m), n + cols])
    c = np.concatenate([cols, m + np.arange(n), np.arange(m), m + rows])
    w = np.concatenate([2.0 - scores, np.full(n, 2.0), np.full(m, 2.0), np.full(len(rows), 2.0)])
    graph = sparse.coo_matrix((w, (r, c)), shape=(n + m, m + n)).tocsr()
    graph.sum_duplicates()
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    result: dict[int, int] = {}
    for i, j in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if i < n and j < m:
            result[i] = j
    return result


_NEAR_SCALE = 5.0  # paragraphs from the expected position at which nearness halves
_REPEAT_LIMIT = 1_500  # copies of one text per side paired by nearness (beyond: in order)


def _identical(old_keys: Sequence[str], new_keys: Sequence[str]) -> dict[int, int]:
    """Links between paragraphs with identical match keys.

    A key found once on each side links at once; those links (the order-preserving
    chain of them) fix where the other paragraphs are expected to be. A key repeated
    on either side (boilerplate such as "Recalling its previous resolutions", or the
    same provision in several resolutions of a compiled volume) pairs its copies so
    that each lies as near as possible to its expected position, not first with
    first, which would tie a provision to a namesake far away."""
    from scipy.optimize import linear_sum_assignment

    old_at: dict[str, list[int]] = defaultdict(list)
    new_at: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(old_keys):
        old_at[key].append(i)
    for j, key in enumerate(new_keys):
        new_at[key].append(j)
    linked: dict[int, int] = {}
    repeated: list[str] = []
    for key, olds in old_at.items():
        news = new_at.get(key)
        if not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            linked[olds[0]] = news[0]
        else:
            repeated.append(key)
    expected = _expected_positions(linked, len(old_keys))
    for key in repeated:
        olds, news = old_at[key], new_at[key]
        if max(len(olds), len(news)) > _REPEAT_LIMIT:
            linked.update(zip(olds, news, strict=False))
            continue
        cost = np.abs(expected[olds][:, None] - np.asarray(news, dtype=np.float64)[None, :])
        rows, cols = linear_sum_assignment(cost)
        linked.update((olds[r], news[c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True))
    return linked


def _expected_positions(linked: dict[int, int], n: int) -> FloatArray:
    """Where each old paragraph is expected in the new text: interpolated between the
    in-order links around it (a paragraph that moved does not count), and shifted by
    the nearest link's offset beyond the first or last one."""
    positions = np.arange(n, dtype=np.float64)
    points = sorted(linked.items())
    chain = _longest_chain(points)
    anchors = [points[k] for k in sorted(chain)]
    if not anchors:
        return positions
    xs = np.asarray([a for a, _ in anchors], dtype=np.float64)
    ys = np.asarray([b for _, b in anchors], dtype=np.float64)
    out = np.interp(positions, xs, ys)
    before, after = positions < xs[0], positions > xs[-1]
    out[before] = positions[before] + (ys[0] - xs[0])
    out[after] = positions[after] + (ys[-1] - xs[-1])
    return out


def _longest_chain(points: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of a longest chain increasing in both coordinates (patience sorting)."""
    order = sorted(range(len(points)), key=lambda i: points[i])
    tails: list[int] = []
    tail_idx: list[int] = []
    parent: dict[int, int | None] = {}
    for i in order:
        value = points[i][1]
        pos = bisect.bisect_left(tails, value)
        parent[i] = tail_idx[pos - 1] if pos > 0 else None
        if pos == len(tails):
            tails.append(value)
            tail_idx.append(i)
        else:
            tails[pos] = value
            tail_idx[pos] = i
    chain: set[int] = set()
    node: int | None = tail_idx[-1] if tail_idx else None
    while node is not None:
        chain.add(node)
        node = parent[node]
    return chain


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
    linked = _identical(old_keys, new_keys)
    expected = _expected_positions(linked, n)
    scores: dict[int, float] = dict.fromkeys(linked, 1.0)
    taken_new = set(linked.values())
    exact_old, exact_new = set(linked), set(taken_new)

    # 2-3. weights and candidates
    vec = _tfidf(old_tokens, new_tokens)
    rows, cols, cos = _candidates(vec, opts)
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
    nearness = 1.0 / (1.0 + np.abs(expected[g_rows] - g_cols) / _NEAR_SCALE)
    tie = opts.proximity_weight * (same_section + nearness) / 2.0
    assigned = _assign(n, m, g_rows, g_cols, g_score + tie)
    score_of = {
        (i, j): s
        for i, j, s in zip(g_rows.tolist(), g_cols.tolist(), g_score.tolist(), strict=True)
    }
    for i, j in assigned.items():
        linked[i] = j
        scores[i] = score_of[(i, j)]

    # 5. splits and merges by containment among candidate pairs

    weights, weights_new = vec.weights_old, vec.weights_new
    pa, pb = vec.presence_old, vec.presence_new
    old_mass = np.asarray(weights.sum(axis=1)).ravel()
    new_mass = np.asarray(weights_new.sum(axis=1)).ravel()
    shared = _pair_dots(weights, pb, rows, cols) if len(rows) else np.zeros(0)
    new_in_old = shared / np.maximum(new_mass[cols], 1e-9)  # share of new piece inside old
    old_in_new = shared / np.maximum(old_mass[rows], 1e-9)  # share of old piece inside new
    reverse = {j: i for i, j in linked.items()}

    groups: list[tuple[str, int, list[int]]] = []  # (kind, whole, pieces)
    used_old: set[int] = set()
    used_new: set[int] = set()
    for kind, wholes, pieces, inside, whole_is_old in (
        ("split", rows, cols, new_in_old, True),
        ("merged", cols, rows, old_in_new, False),
    ):
        by_whole: dict[int, list[int]] = defaultdict(list)
        fixed_wholes, fixed_pieces = (
            (exact_old, exact_new) if whole_is_old else (exact_new, exact_old)
        )
        for w, p, frac in zip(wholes.tolist(), pieces.tolist(), inside.tolist(), strict=True):
            # Identical paragraphs stay linked as they are: never part of a split or merge.
            if frac < opts.containment or w in fixed_wholes or p in fixed_pieces:
                continue
            partner_ok = reverse.get(p) in (None, w) if whole_is_old else linked.get(p) in (None, w)
            if partner_ok:
                by_whole[w].append(p)
        for w in sorted(by_whole):
            ps = sorted(set(by_whole[w]))
            if len(ps) < 2:
                continue
            if whole_is_old and (w in used_old or any(p in used_new for p in ps)):
                continue
            if not whole_is_old and (w in used_new or any(p in used_old for p in ps)):
                continue
            whole_mat = weights[w] if whole_is_old else weights_new[w]
            piece_mat = (pb if whole_is_old else pa)[ps]
            covered = np.asarray(piece_mat.max(axis=0).todense()).ravel()
            whole_vec = np.asarray(whole_mat.todense()).ravel()
            mass = whole_vec.sum()
            coverage = float((whole_vec * covered).sum() / mass) if mass else 0.0
            if coverage < opts.split_coverage:
                continue
            groups.append((kind, w, ps))
            if whole_is_old:
                used_old.add(w)
                used_new.update(ps)
            else:
                used_new.add(w)
                used_old.update(ps)

    for kind, w, ps in groups:
        if kind == "split":
            if w in linked:
                del reverse[linked[w]]
                del linked[w]
            for p in ps:
                if p in reverse:
                    del linked[reverse[p]]
                    del reverse[p]
        else:
            if w in reverse:
                del linked[reverse[w]]
                del reverse[w]
            for p in ps:
                if p in linked:
                    del reverse[linked[p]]
                    del linked[p]

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
    chain = _longest_chain(points)
    moved_groups = {numbered[rep_list[k]].group for k in range(len(rep_list)) if k not in chain}
    moved = frozenset(k for k, pair in enumerate(numbered) if pair.group in moved_groups)
    return Alignment(pairs=tuple(numbered), moved=moved)
