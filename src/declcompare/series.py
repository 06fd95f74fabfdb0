"""Year on year: lineages of paragraphs and commitments across a series of declarations.

:func:`compare_series` compares each declaration with the next and chains the
links into **lineages**: one provision followed through the years. A lineage is a
connected group of paragraphs: a paragraph linked to one in the next text (as
unchanged, reworded, split or merged) belongs to the same lineage as it, so a
split branches a lineage and a merge joins two, rather than breaking them. Every
paragraph of every declaration belongs to exactly one lineage, and every link of
every step lies inside one.

Commitments are chained the same way, through the pairs that
:meth:`~declcompare.compare.Comparison.commitment_changes` makes, so that a drift
(welcome → note → dropped) is one row of :meth:`Series.commitments`.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from declcompare.align import CompareOptions
from declcompare.compare import ChangeKind, Comparison, compare
from declcompare.errors import ComparisonError
from declcompare.model import Declaration

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.commitments import Commitment

__all__ = ["Lineage", "Series", "compare_series"]

ABSENT = "absent"
PRESENT = "present"
_KIND_ORDER = ("split", "merged", "reworded", "unchanged")


@dataclass(frozen=True)
class Lineage:
    """One provision followed through the series.

    ``paragraphs[k]`` holds the indices of its paragraphs in declaration ``k``
    (empty where it is absent; two or more where it was split or merged);
    ``steps[k]`` says what happened between declaration ``k`` and ``k + 1``.
    """

    id: int
    paragraphs: tuple[tuple[int, ...], ...]
    steps: tuple[str, ...]

    @property
    def first(self) -> int:
        """Index of the first declaration it appears in."""
        return next(k for k, cell in enumerate(self.paragraphs) if cell)

    @property
    def last(self) -> int:
        """Index of the last declaration it appears in."""
        return max(k for k, cell in enumerate(self.paragraphs) if cell)

    @property
    def present_in_all(self) -> bool:
        return all(self.paragraphs)

    @property
    def rewordings(self) -> int:
        return sum(1 for s in self.steps if s in ("reworded", "split", "merged"))


@dataclass(frozen=True)
class CommitmentLineage:
    """One commitment followed through the series (``None`` where absent)."""

    id: int
    commitments: tuple[Commitment | None, ...]
    changes: tuple[str | None, ...]  # per step: restated, weakened, ... new, dropped, or None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def add(self, node: tuple[int, int]) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earliest node names the group


def _label(d: Declaration) -> str:
    return d.label  # the one label every report uses: date and place, symbol, title ...


def _sort_key(d: Declaration) -> str:
    """The date, or a date at the start of the file name ("2021-09-24_washington.txt")."""
    if d.date is not None:
        return d.date.isoformat()
    import re
    from pathlib import Path

    match = re.match(r"\d{4}-\d{2}-\d{2}", Path(d.source.path or "").name)
    return match.group() if match else ""


def _labels(declarations: Sequence[Declaration]) -> list[str]:
    raw = [_label(d) for d in declarations]
    counts = Counter(raw)
    seen: Counter[str] = Counter()
    out = []
    for label in raw:
        seen[label] += 1
        out.append(label if counts[label] == 1 else f"{label} ({seen[label]})")
    return out


class Series:
    """The result of :func:`compare_series`: declarations, steps and lineages."""

    def __init__(self, declarations: Sequence[Declaration], comparisons: Sequence[Comparison]):
        self.declarations: tuple[Declaration, ...] = tuple(declarations)
        self.comparisons: tuple[Comparison, ...] = tuple(comparisons)
        self.labels: tuple[str, ...] = tuple(_labels(self.declarations))

    # --- paragraphs ---------------------------------------------------------------
    @cached_property
    def lineages(self) -> tuple[Lineage, ...]:
        """Every lineage, ordered by where it first appears."""
        union = _Union()
        for k, d in enumerate(self.declarations):
            for i in range(len(d.paragraphs)):
                union.add((k, i))
        step_kind: dict[tuple[int, int, int], str] = {}  # (step, old, new) -> kind
        for k, c in enumerate(self.comparisons):
            for link in c.links:
                if link.old_index is not None and link.new_index is not None:
                    union.union((k, link.old_index), (k + 1, link.new_index))
                    step_kind[(k, link.old_index, link.new_index)] = link.kind.value
        groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for node in sorted(union.parent):
            groups[union.find(node)].append(node)
        n = len(self.declarations)
        out: list[Lineage] = []
        for number, root in enumerate(sorted(groups)):
            nodes = groups[root]
            cells: list[list[int]] = [[] for _ in range(n)]
            for k, i in nodes:
                cells[k].append(i)
            steps: list[str] = []
            for k in range(n - 1):
                before, after = cells[k], cells[k + 1]
                if before and not after:
                    steps.append("dropped")
                elif after and not before:
                    steps.append("added")
                elif not before:
                    steps.append(ABSENT)
                else:
                    kinds = {
                        step_kind[(k, i, j)]
                        for i in before
                        for j in after
                        if (k, i, j) in step_kind
                    }
                    steps.append(next(x for x in _KIND_ORDER if x in kinds))
            out.append(
                Lineage(
                    id=number,
                    paragraphs=tuple(tuple(sorted(c)) for c in cells),
                    steps=tuple(steps),
                )
            )
        return tuple(out)

    def _text(self, lineage: Lineage, k: int) -> str:
        d = self.declarations[k]
        return " / ".join(d.paragraphs[i].text for i in lineage.paragraphs[k])

    def _section(self, lineage: Lineage) -> str:
        k = lineage.last
        d = self.declarations[k]
        return d.paragraphs[lineage.paragraphs[k][0]].section or "(opening part)"

    def to_frame(self) -> pd.DataFrame:
        """One row per lineage: its state in each declaration, first and last seen, text.

        The column of the first declaration says present or absent; each later
        column says what happened at that step: unchanged, reworded, split, merged,
        added, dropped, or absent.
        """
        import pandas as pd

        records = []
        for lineage in self.lineages:
            row: dict[str, object] = {"lineage": lineage.id, "section": self._section(lineage)}
            row[self.labels[0]] = PRESENT if lineage.paragraphs[0] else ABSENT
            for k, step in enumerate(lineage.steps, start=1):
                row[self.labels[k]] = step if lineage.paragraphs[k] or step == "dropped" else ABSENT
            row["first_seen"] = self.labels[lineage.first]
            row["last_seen"] = self.labels[lineage.last]
            row["rewordings"] = lineage.rewordings
            row["latest_text"] = self._text(lineage, lineage.last)
            records.append(row)
        columns = ["lineage", "section", *self.labels]
        columns += ["first_seen", "last_seen", "rewordings", "latest_text"]
        frame = pd.DataFrame.from_records(records, columns=columns)
        frame["lineage"] = frame["lineage"].astype("int64")
        frame["rewordings"] = frame["rewordings"].astype("int64")
        for column in ["section", *self.labels, "first_seen", "last_seen", "latest_text"]:
            frame[column] = frame[column].astype("string")
        return frame

    def _resolve(self, which: int | str) -> int:
        if isinstance(which, int):
            if not -len(self.declarations) <= which < len(self.declarations):
                raise ComparisonError(
                    f"there is no declaration {which} in a series of {len(self.declarations)}"
                )
            return which % len(self.declarations)
        for k, (label, d) in enumerate(zip(self.labels, self.declarations, strict=True)):
            if which in (label, d.id):
                return k
        raise ComparisonError(
            f"no declaration of this series is called {which!r}; "
            f"use one of {', '.join(self.labels)}"
        )

    def introduced_in(self, which: int | str) -> list[Lineage]:
        """Lineages that first appear in the given declaration (index, date label or id)."""
        k = self._resolve(which)
        return [lg for lg in self.lineages if lg.first == k]

    def dropped_after(self, which: int | str) -> list[Lineage]:
        """Lineages whose last appearance is the given declaration, not the last one."""
        k = self._resolve(which)
        if k == len(self.declarations) - 1:
            return []
        return [lg for lg in self.lineages if lg.last == k]

    def present_in_all(self) -> list[Lineage]:
        """Lineages present in every declaration of the series."""
        return [lg for lg in self.lineages if lg.present_in_all]

    def search(self, text: str) -> list[Lineage]:
        """Lineages whose text contains ``text`` in any year (case and spacing ignored)."""
        from declcompare.text.normalize import display_key

        needle = display_key(text).casefold()
        if not needle:
            raise ComparisonError("the search text is empty")
        return [
            lg
            for lg in self.lineages
            if any(
                needle in display_key(self._text(lg, k)).casefold()
                for k in range(len(self.declarations))
                if lg.paragraphs[k]
            )
        ]

    def step_counts(self) -> pd.DataFrame:
        """Paragraph links by kind at each step (rows: steps, columns: kinds)."""
        import pandas as pd

        kinds = [k.value for k in ChangeKind] + ["moved"]
        rows = []
        for c in self.comparisons:
            total = c.summary().loc["(total)"].astype("int64").to_dict()
            rows.append([int(total[k]) for k in kinds])
        index = [f"{a} → {b}" for a, b in zip(self.labels, self.labels[1:], strict=False)]
        return pd.DataFrame(rows, index=pd.Index(index, name="step"), columns=kinds)

    # --- commitments --------------------------------------------------------------
    @cached_property
    def commitment_lineages(self) -> tuple[CommitmentLineage, ...]:
        """Every commitment followed through the series."""
        from declcompare.commitments import declaration_commitments

        per_doc = [declaration_commitments(d) for d in self.declarations]
        # A commitment is known by where it stands (not by object identity, which a
        # cache refill between these calls would change).
        keys = [
            {(c.paragraph_index, c.predicate_start): i for i, c in enumerate(cs)} for cs in per_doc
        ]
        nxt: dict[tuple[int, int], tuple[int, str]] = {}
        has_prev: set[tuple[int, int]] = set()
        new_at: dict[tuple[int, int], str] = {}
        for k, comparison in enumerate(self.comparisons):
            for _, a, b, change in comparison.commitment_changes():
                if a is not None and b is not None:
                    ia = keys[k][(a.paragraph_index, a.predicate_start)]
                    ib = keys[k + 1][(b.paragraph_index, b.predicate_start)]
                    nxt[(k, ia)] = (ib, change.value)
                    has_prev.add((k + 1, ib))
                elif b is not None:
                    new_at[(k + 1, keys[k + 1][(b.paragraph_index, b.predicate_start)])] = "new"
        n = len(self.declarations)
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

    def commitments(self) -> pd.DataFrame:
        """One row per commitment lineage: its strength in each year and each step's change.

        Columns: ``commitment``, ``actor``, ``lemma`` (latest), one ``strength <label>``
        and one ``predicate <label>`` column per declaration (empty where absent),
        ``changes`` (e.g. "welcome 3 → take note 1 (weakened) → dropped"),
        ``weakened`` / ``strengthened`` (anywhere), ``first_seen``, ``last_seen``,
        ``object`` (latest).
        """
        import pandas as pd

        records = []
        for lineage in self.commitment_lineages:
            present = [c for c in lineage.commitments if c is not None]
            latest = present[-1]
            row: dict[str, object] = {
                "commitment": lineage.id,
                "actor": latest.actor,
                "lemma": latest.lemma,
            }
            for label, c in zip(self.labels, lineage.commitments, strict=True):
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
            row["first_seen"] = self.labels[first]
            row["last_seen"] = self.labels[last]
            row["object"] = latest.object
            records.append(row)
        columns = ["commitment", "actor", "lemma"]
        for label in self.labels:
            columns += [f"strength {label}", f"predicate {label}"]
        columns += ["changes", "weakened", "strengthened", "first_seen", "last_seen", "object"]
        frame = pd.DataFrame.from_records(records, columns=columns)
        for label in self.labels:
            frame[f"strength {label}"] = frame[f"strength {label}"].astype("Int64")
            frame[f"predicate {label}"] = frame[f"predicate {label}"].astype("string")
        for column in ("weakened", "strengthened"):
            frame[column] = frame[column].astype(bool)
        for column in ("actor", "lemma", "changes", "first_seen", "last_seen", "object"):
            frame[column] = frame[column].astype("string")
        return frame

    def weakened_anywhere(self) -> pd.DataFrame:
        """Commitment lineages whose strength fell at some step (rows of :meth:`commitments`)."""
        frame = self.commitments()
        return frame[frame["weakened"]].reset_index(drop=True)


def compare_series(
    declarations: Sequence[Declaration],
    *,
    options: CompareOptions | None = None,
    order: str = "date",
    progress: Callable[[str], None] | None = None,
) -> Series:
    """Compare N ≥ 2 declarations in order and chain the results into lineages.

    ``order="date"`` sorts by date when every declaration has one (a date at the
    start of the file name, as in "2021-09-24_washington.txt", counts; ties keep
    the order given); ``order="given"`` keeps the order given.
    """
    docs = list(declarations)
    if len(docs) < 2:
        raise ComparisonError(f"a series needs at least two declarations, not {len(docs)}")
    if order not in ("date", "given"):
        raise ComparisonError(f"order must be 'date' or 'given', not {order!r}")
    if order == "date" and all(_sort_key(d) for d in docs):
        docs = sorted(docs, key=_sort_key)
    comparisons = []
    for k, (a, b) in enumerate(itertools.pairwise(docs), start=1):
        if progress is not None:
            progress(f"Comparing {k} of {len(docs) - 1}: {a.id} → {b.id} …")
        comparisons.append(compare(a, b, options=options))
    return Series(docs, comparisons)
