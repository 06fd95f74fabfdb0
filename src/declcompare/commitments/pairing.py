"""Pairing the commitments of two texts and classifying what became of each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from declcompare.commitments.model import Commitment, CommitmentChange


def _object_key(text: str) -> str:
    from declcompare.text.normalize import match_key

    return " ".join(re.findall(r"\w+", match_key(text)))


def _pair_score(a: Commitment, b: Commitment, ra: float, rb: float) -> tuple[float, float]:
    from rapidfuzz import fuzz

    ka, kb = _object_key(a.object), _object_key(b.object)
    similarity = 1.0 if ka == kb else fuzz.ratio(ka, kb) / 100.0
    score = (
        0.55 * similarity
        + 0.2 * (a.lemma == b.lemma)
        + 0.1 * (a.stance == b.stance)
        + 0.15 * (1.0 - abs(ra - rb))
    )
    return score, similarity


def classify_change(old: Commitment, new: Commitment) -> CommitmentChange:
    """How ``new`` restates ``old``: stronger, weaker, another stance or object, or the same."""
    if old.negated != new.negated:
        return CommitmentChange.WEAKENED if new.negated else CommitmentChange.STRENGTHENED
    sign = -1 if old.negated else 1
    if new.strength != old.strength:
        stronger = (new.strength - old.strength) * sign > 0
        return CommitmentChange.STRENGTHENED if stronger else CommitmentChange.WEAKENED
    if new.stance != old.stance:
        return CommitmentChange.CHANGED_STANCE
    if _object_key(old.object) != _object_key(new.object) or old.actor != new.actor:
        return CommitmentChange.CHANGED_OBJECT
    return CommitmentChange.RESTATED


def pair_commitments(
    old: list[Commitment], new: list[Commitment]
) -> list[tuple[Commitment | None, Commitment | None]]:
    """Pair the commitments of linked paragraphs one to one (unpaired ones stand alone).

    Pairs maximise object similarity, same verb and same place in the paragraph
    (a global assignment, not first come first served); a pair needs a score of
    at least 0.45, so an unrelated commitment is new or dropped rather than forced
    onto another. The result is in the new text's order, each unpaired old
    commitment after the pair that precedes it in the old text.
    """
    pairs: dict[int, int] = {}
    if old and new:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        scores = np.zeros((len(old), len(new)))
        for i, a in enumerate(old):
            for j, b in enumerate(new):
                ra = i / max(len(old) - 1, 1)
                rb = j / max(len(new) - 1, 1)
                scores[i, j] = _pair_score(a, b, ra, rb)[0]
        rows, cols = linear_sum_assignment(-scores)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if scores[i, j] >= 0.45:
                pairs[i] = j
    by_new = {j: i for i, j in pairs.items()}
    out: list[tuple[Commitment | None, Commitment | None]] = []
    emitted_old: set[int] = set()

    def flush_old_before(limit: int) -> None:
        for k in range(limit):
            if k not in pairs and k not in emitted_old:
                emitted_old.add(k)
                out.append((old[k], None))

    for j, b in enumerate(new):
        partner = by_new.get(j)
        if partner is not None:
            flush_old_before(partner)
            out.append((old[partner], b))
        else:
            out.append((None, b))
    flush_old_before(len(old))
    return out
