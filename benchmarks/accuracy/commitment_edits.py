"""Accuracy of Comparison.commitments() on controlled edits of real commitments.

Each real text gets generated revisions (tests.generators.commitment_edits) in which up
to three commitments per edit kind are rewritten, one per paragraph; the
comparison must report each edited commitment as the edit implies (welcome ->
note weakened, note -> welcome strengthened, support -> firmly support
strengthened, will -> intend to weakened, a deleted sentence dropped, a replaced
object changed_object) and every commitment of an untouched paragraph as
restated.
"""

from __future__ import annotations

import time
from collections import Counter

from declcompare.compare import compare
from declcompare.model import Declaration
from tests.generators.commitment_edits import EditKind, commitment_edits

TARGET = 0.95
REVISIONS_PER_TEXT = 2


def evaluate(texts: list[tuple[str, Declaration]]) -> dict[str, object]:
    """Run the controlled edits over ``texts`` and score them."""
    started = time.perf_counter()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    untouched = spurious = 0
    for k, (_, declaration) in enumerate(texts):
        for r in range(REVISIONS_PER_TEXT):
            revised, cases = commitment_edits(declaration, seed=100 * k + r)
            if not cases:
                continue
            edited = {case.paragraph for case in cases}
            wanted = {(case.paragraph, case.predicate_start): case for case in cases}
            for _, old, new, change in compare(declaration, revised).commitment_changes():
                paragraph = old.paragraph_index if old else new.paragraph_index if new else -1
                if old is not None and (old.paragraph_index, old.predicate_start) in wanted:
                    case = wanted.pop((old.paragraph_index, old.predicate_start))
                    total[case.kind.value] += 1
                    confusion[f"{case.kind.value}: {case.expected} -> {change.value}"] += 1
                    right[case.kind.value] += change.value == case.expected
                elif paragraph not in edited:
                    untouched += 1
                    spurious += change.value != "restated"
            for case in wanted.values():  # an edited commitment the comparison lost
                total[case.kind.value] += 1
                confusion[f"{case.kind.value}: {case.expected} -> (missing)"] += 1
    cases_total = sum(total.values())
    accuracy = round(sum(right.values()) / cases_total, 4) if cases_total else 0.0
    return {
        "source_texts": len(texts),
        "revisions": len(texts) * REVISIONS_PER_TEXT,
        "cases": cases_total,
        "accuracy": accuracy,
        "target": f">= {TARGET}",
        "target_met": accuracy >= TARGET,
        "accuracy_by_edit": {
            kind.value: round(right[kind.value] / total[kind.value], 4)
            for kind in EditKind
            if total[kind.value]
        },
        "cases_by_edit": {kind.value: total[kind.value] for kind in EditKind},
        "untouched_commitments": untouched,
        "untouched_reported_changed": spurious,
        "confusion": dict(sorted(confusion.items())),
        "seconds": round(time.perf_counter() - started, 1),
    }
