"""Commitments followed through a series: one commitment's drift as one lineage.

The pairs come from :meth:`~declcompare.compare.Comparison.commitment_changes` of each
step; a commitment paired with one in the next text continues its lineage, one
without a counterpart ends it (``dropped``) or starts one (``new``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.commitments import Commitment
    from declcompare.compare import Comparison
    from declcompare.model import Declaration

__all__ = ["CommitmentLineage", "chain_commitments", "commitments_frame"]


@dataclass(frozen=True)
class CommitmentLineage:
    """One commitment followed through the series (``None`` where absent)."""

    id: int
    commitments: tuple[Commitment | None, ...]
    changes: tuple[str | None, ...]  # per step: restated, weakened, ... new, dropped, or None


def chain_commitments(
    declarations: Sequence[Declaration], comparisons: Sequence[Comparison]
) -> tuple[CommitmentLineage, ...]:
    """Every commitment of the declarations, chained through the comparisons' pairs."""
    from declcompare.commitments import declaration_commitments

    per_doc = [declaration_commitments(d) for d in declarations]
    # A commitment is known by where it stands (not by object identity, which a
    # cache refill between these calls would change).
    keys = [{(c.paragraph_index, c.predicate_start): i for i, c in enumerate(cs)} for cs in per_doc]
    nxt: dict[tuple[int, int], tuple[int, str]] = {}
    has_prev: set[tuple[int, int]] = set()
    new_at: dict[tuple[int, int], str] = {}
    for k, comparison in enumerate(comparisons):
        for _, a, b, change in comparison.commitment_changes():
            if a is not None and b is not None:
                ia = keys[k][(a.paragraph_index, a.predicate_start)]
                ib = keys[k + 1][(b.paragraph_index, b.predicate_start)]
                nxt[(k, ia)] = (ib, change.value)
                has_prev.add((k + 1, ib))
            elif b is not None:
                new_at[(k + 1, keys[k + 1][(b.paragraph_index, b.predicate_start)])] = "new"
    n = len(declarations)
    out: list[CommitmentLineage] = []
    for k in range(n):
        for i in range(len(per_doc[k])):
            if (k, i) in has_prev:
                continue
            cells: list[Commitment | None] = [None] * n
            changes: list[str | None] = [None] * (n - 1)
            if k > 0:
                changes[k - 1] = new_at.get((k, i), "new")
            cur_k, cur_i = k, i
            cells[cur_k] = per_doc[cur_k][cur_i]
            while (cur_k, cur_i) in nxt:
                j, step_change = nxt[(cur_k, cur_i)]
                changes[cur_k] = step_change
                cur_k, cur_i = cur_k + 1, j
                cells[cur_k] = per_doc[cur_k][cur_i]
            if cur_k < n - 1:
                changes[cur_k] = "dropped"
            out.append(CommitmentLineage(len(out), tuple(cells), tuple(changes)))
    return tuple(out)


def commitments_frame(lineages: Sequence[CommitmentLineage], labels: Sequence[str]) -> pd.DataFrame:
    """One row per commitment lineage (see :meth:`declcompare.Series.commitments`)."""
    import pandas as pd

    records = []
    for lineage in lineages:
        present = [c for c in lineage.commitments if c is not None]
        latest = present[-1]
        row: dict[str, object] = {
            "commitment": lineage.id,
            "actor": latest.actor,
            "lemma": latest.lemma,
        }
        for label, c in zip(labels, lineage.commitments, strict=True):
            row[f"strength {label}"] = c.strength if c is not None else None
            row[f"predicate {label}"] = c.predicate if c is not None else None
        drift: list[str] = []
        for k, c in enumerate(lineage.commitments):
            change = lineage.changes[k - 1] if k > 0 else None
            if c is not None:
                note = f" ({change})" if change not in (None, "restated", "new") else ""
                drift.append(f"{c.lemma} {c.strength}{note}")
            elif change == "dropped":
                drift.append("dropped")
        row["changes"] = " → ".join(drift)
        row["weakened"] = "weakened" in lineage.changes
        row["strengthened"] = "strengthened" in lineage.changes
        first = next(k for k, c in enumerate(lineage.commitments) if c is not None)
        last = max(k for k, c in enumerate(lineage.commitments) if c is not None)
        row["first_seen"] = labels[first]
        row["last_seen"] = labels[last]
        row["object"] = latest.object
        records.append(row)
    columns = ["commitment", "actor", "lemma"]
    for label in labels:
        columns += [f"strength {label}", f"predicate {label}"]
    columns += ["changes", "weakened", "strengthened", "first_seen", "last_seen", "object"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for label in labels:
        frame[f"strength {label}"] = frame[f"strength {label}"].astype("Int64")
        frame[f"predicate {label}"] = frame[f"predicate {label}"].astype("string")
    for column in ("weakened", "strengthened"):
        frame[column] = frame[column].astype(bool)
    for column in ("actor", "lemma", "changes", "first_seen", "last_seen", "object"):
        frame[column] = frame[column].astype("string")
    return frame
