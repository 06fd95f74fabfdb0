"""Scoring a comparison against the ground truth of a generated revision."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from declcompare.compare import ChangeKind, Comparison
from declcompare.synth import GroundTruth


@dataclass
class Tally:
    """Counts summed over many pairs; the metrics are ratios of these."""

    true_positive: int = 0
    predicted: int = 0
    truth: int = 0
    spurious: int = 0
    moves_found: int = 0
    moves: int = 0
    split_merge_found: int = 0
    split_merge: int = 0
    pairs: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        precision = self.true_positive / self.predicted if self.predicted else 1.0
        recall = self.true_positive / self.truth if self.truth else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "link_precision": round(precision, 4),
            "link_recall": round(recall, 4),
            "link_f1": round(f1, 4),
            "spurious_match_rate": round(self.spurious / self.predicted, 4)
            if self.predicted
            else 0.0,
            "move_recall": round(self.moves_found / self.moves, 4) if self.moves else 1.0,
            "split_merge_recall": (
                round(self.split_merge_found / self.split_merge, 4) if self.split_merge else 1.0
            ),
        }


def predicted_pairs(comparison: Comparison) -> set[tuple[int, int]]:
    """All old-new links a comparison reports (split/merge rows included)."""
    return {
        (link.old_index, link.new_index)
        for link in comparison.links
        if link.old_index is not None and link.new_index is not None
    }


def unaccounted(comparison: Comparison) -> int:
    """Paragraphs missing from a comparison, or repeated without a split/merge to explain it."""
    old_seen = Counter(link.old_index for link in comparison.links if link.old_index is not None)
    new_seen = Counter(link.new_index for link in comparison.links if link.new_index is not None)
    split_old = {link.old_index for link in comparison.links if link.kind is ChangeKind.SPLIT}
    merged_new = {link.new_index for link in comparison.links if link.kind is ChangeKind.MERGED}
    missing = sum(1 for i in range(len(comparison.old.paragraphs)) if old_seen[i] == 0)
    missing += sum(1 for j in range(len(comparison.new.paragraphs)) if new_seen[j] == 0)
    repeated = sum(1 for i, n in old_seen.items() if n > 1 and i not in split_old)
    repeated += sum(1 for j, n in new_seen.items() if n > 1 and j not in merged_new)
    return missing + repeated


def score(comparison: Comparison, truth: GroundTruth) -> tuple[Tally, Counter[tuple[str, str]]]:
    """Link precision/recall, spurious matches, moves, splits/merges, kind confusion."""
    predicted = predicted_pairs(comparison)
    tally = Tally(pairs=1)
    tally.predicted = len(predicted)
    tally.truth = len(truth.pairs)
    tally.true_positive = len(predicted & truth.pairs)
    tally.spurious = sum(1 for i, j in predicted if i in truth.dropped or j in truth.added)
    moved_new = {link.new_index for link in comparison.links if link.moved}
    tally.moves = len(truth.moved)
    tally.moves_found = len(truth.moved & moved_new)
    kinds = {(link.old_index, link.new_index): link.kind for link in comparison.links}
    for old, pieces in truth.splits:
        tally.split_merge += 1
        if all(kinds.get((old, j)) is ChangeKind.SPLIT for j in pieces):
            tally.split_merge_found += 1
    for olds, new in truth.merges:
        tally.split_merge += 1
        if all(kinds.get((i, new)) is ChangeKind.MERGED for i in olds):
            tally.split_merge_found += 1
    confusion: Counter[tuple[str, str]] = Counter()
    new_kind: dict[int, str] = {}
    for link in comparison.links:
        if link.new_index is not None:
            new_kind.setdefault(link.new_index, link.kind.value)
    for j, kind in truth.kinds.items():
        confusion[(kind, new_kind.get(j, "missing"))] += 1
    dropped_pred = {link.old_index for link in comparison.links if link.kind is ChangeKind.DROPPED}
    for i in truth.dropped:
        confusion[("dropped", "dropped" if i in dropped_pred else "linked")] += 1
    return tally, confusion
