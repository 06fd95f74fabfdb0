"""Splits and merges by containment: most of a short paragraph's informative words lie
inside a longer one, and the pieces together cover most of it."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from declcompare.align.candidates import pair_dots
from declcompare.align.options import CompareOptions
from declcompare.align.vectors import IntArray, Vectors

Group = tuple[str, int, list[int]]  # (kind, whole, pieces)


def splits_and_merges(
    vec: Vectors,
    rows: IntArray,
    cols: IntArray,
    linked: dict[int, int],
    exact: tuple[set[int], set[int]],
    opts: CompareOptions,
) -> list[Group]:
    """Split and merge groups among the candidate pairs; unlinks their pieces in ``linked``.

    ``exact`` holds the old and new paragraphs linked by identical keys: they stay
    linked as they are and never take part in a split or merge.
    """
    exact_old, exact_new = exact

    weights, weights_new = vec.weights_old, vec.weights_new
    pa, pb = vec.presence_old, vec.presence_new
    old_mass = np.asarray(weights.sum(axis=1)).ravel()
    new_mass = np.asarray(weights_new.sum(axis=1)).ravel()
    shared = pair_dots(weights, pb, rows, cols) if len(rows) else np.zeros(0)
    new_in_old = shared / np.maximum(new_mass[cols], 1e-9)  # share of new piece inside old
    old_in_new = shared / np.maximum(old_mass[rows], 1e-9)  # share of old piece inside new
    reverse = {j: i for i, j in linked.items()}

    groups: list[Group] = []
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

    return groups
