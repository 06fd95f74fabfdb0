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
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, NoReturn

from declcompare.align import CompareOptions
from declcompare.compare import ChangeKind, Comparison, compare
from declcompare.errors import ComparisonError
from declcompare.model import Declaration
from declcompare.series.commitments import CommitmentLineage, chain_commitments, commitments_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CommitmentLineage", "Lineage", "LineageState", "Series", "compare_series"]


class LineageState(StrEnum):
    """What a lineage is in one declaration of a series, or what happened at one step."""

    PRESENT = "present"  # the first declaration only: the provision is there
    ABSENT = "absent"  # not there, before it appears or after it was dropped
    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    DROPPED = "dropped"


ABSENT = LineageState.ABSENT
PRESENT = LineageState.PRESENT
# Where one step links a lineage's paragraphs in several ways, the strongest change names it.
_KIND_ORDER = (
    LineageState.SPLIT,
    LineageState.MERGED,
    LineageState.REWORDED,
    LineageState.UNCHANGED,
)
_CHANGED = frozenset({LineageState.REWORDED, LineageState.SPLIT, LineageState.MERGED})


@dataclass(frozen=True)
class Lineage:
    """One provision followed through the series.

    ``paragraphs[k]`` holds the indices of its paragraphs in declaration ``k``
    (empty where it is absent; two or more where it was split or merged);
    ``steps[k]`` says what happened between declaration ``k`` and ``k + 1``.
    """

    id: int
    paragraphs: tuple[tuple[int, ...], ...]
    steps: tuple[LineageState, ...]

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
        return sum(1 for s in self.steps if s in _CHANGED)


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
    """The result of :func:`compare_series`: declarations, steps and lineages.

    Immutable: its declarations, comparisons and labels are fixed when it is made
    (assigning to an attribute raises), so the lineages computed once stay true.
    """

    declarations: tuple[Declaration, ...]
    comparisons: tuple[Comparison, ...]
    labels: tuple[str, ...]

    def __init__(self, declarations: Sequence[Declaration], comparisons: Sequence[Comparison]):
        docs = tuple(declarations)
        steps = tuple(comparisons)
        if len(steps) != max(len(docs) - 1, 0):
            raise ComparisonError(
                f"a series of {len(docs)} declarations needs {max(len(docs) - 1, 0)} "
                f"comparisons, not {len(steps)}"
            )
        object.__setattr__(self, "declarations", docs)
        object.__setattr__(self, "comparisons", steps)
        object.__setattr__(self, "labels", tuple(_labels(docs)))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"a Series is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"a Series is immutable; cannot delete {name!r}")

    # --- paragraphs ---------------------------------------------------------------
    @cached_property
    def lineages(self) -> tuple[Lineage, ...]:
        """Every lineage, ordered by where it first appears.

        Paragraphs are the nodes of a graph whose edges are the links of every step;
        a lineage is a connected component (scipy's ``connected_components``).
        """
        import numpy as np
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        sizes = [len(d.paragraphs) for d in self.declarations]
        offsets = [0, *itertools.accumulate(sizes)]
        nodes_of = [(k, i) for k, size in enumerate(sizes) for i in range(size)]
        step_kind: dict[tuple[int, int, int], LineageState] = {}  # (step, old, new) -> kind
        rows: list[int] = []
        cols: list[int] = []
        for k, c in enumerate(self.comparisons):
            for link in c.links:
                if link.old_index is not None and link.new_index is not None:
                    rows.append(offsets[k] + link.old_index)
                    cols.append(offsets[k + 1] + link.new_index)
                    step_kind[(k, link.old_index, link.new_index)] = LineageState(link.kind.value)
        total = offsets[-1]
        edges = (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))
        graph = coo_matrix((np.ones(len(rows), dtype=np.int8), edges), shape=(total, total))
        _, component = connected_components(graph, directed=False)
        groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for node, label in enumerate(component.tolist()):
            groups[label].append(nodes_of[node])
        n = len(self.declarations)
        out: list[Lineage] = []
        # Nodes are numbered in (declaration, paragraph) order, so each group's first
        # node is where the lineage first appears; lineages are numbered in that order.
        for number, nodes in enumerate(sorted(groups.values(), key=lambda g: g[0])):
            cells: list[list[int]] = [[] for _ in range(n)]
            for k, i in nodes:
                cells[k].append(i)
            steps: list[LineageState] = []
            for k in range(n - 1):
                before, after = cells[k], cells[k + 1]
                if before and not after:
                    steps.append(LineageState.DROPPED)
                elif after and not before:
                    steps.append(LineageState.ADDED)
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
            row[self.labels[0]] = (PRESENT if lineage.paragraphs[0] else ABSENT).value
            for k, step in enumerate(lineage.steps, start=1):
                shown = lineage.paragraphs[k] or step == LineageState.DROPPED
                row[self.labels[k]] = (step if shown else ABSENT).value
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
        return chain_commitments(self.declarations, self.comparisons)

    def commitments(self) -> pd.DataFrame:
        """One row per commitment lineage: its strength in each year and each step's change.

        Columns: ``commitment``, ``actor``, ``lemma`` (latest), one ``strength <label>``
        and one ``predicate <label>`` column per declaration (empty where absent),
        ``changes`` (e.g. "welcome 3 → take note 1 (weakened) → dropped"),
        ``weakened`` / ``strengthened`` (anywhere), ``first_seen``, ``last_seen``,
        ``object`` (latest).
        """
        return commitments_frame(self.commitment_lineages, self.labels)

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
