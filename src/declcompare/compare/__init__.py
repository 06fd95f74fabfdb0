"""``compare(old, new)``: every paragraph of both declarations, accounted for.

>>> from declcompare import Declaration, compare
>>> old = Declaration.from_paragraphs(["We welcome the talks.", "We support the plan."])
>>> new = Declaration.from_paragraphs(["We support the plan.", "We note the talks.", "We agree."])
>>> c = compare(old, new)
>>> [(link.kind.value, link.old_index, link.new_index) for link in c.links]
[('unchanged', 1, 0), ('reworded', 0, 1), ('added', None, 2)]
"""

from __future__ import annotations

import os
from collections import Counter
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from declcompare import rendering
from declcompare.align import CompareOptions, align
from declcompare.model import Declaration
from declcompare.text.diff import Op, Segment, redline, render_redline
from declcompare.text.normalize import display_key, strip_label

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.commitments import Commitment, CommitmentChange

__all__ = ["ChangeKind", "CommitmentPair", "CompareOptions", "Comparison", "Link", "compare"]


class ChangeKind(StrEnum):
    """What became of a paragraph."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    DROPPED = "dropped"


class Link(BaseModel):
    """One row of a comparison: an old-new pair, or an added or dropped paragraph."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ChangeKind
    old_index: int | None = Field(description="Position in old.paragraphs; None if added.")
    new_index: int | None = Field(description="Position in new.paragraphs; None if dropped.")
    similarity: float = Field(ge=0.0, le=1.0)
    moved: bool = False
    renumbered: bool = Field(default=False, description="Only the number label changed.")
    group: int = Field(description="Shared by the rows of one split or merge.")
    redline: tuple[Segment, ...] = ()


class CommitmentPair(NamedTuple):
    """What became of one commitment: the link it rides on, both sides and the change."""

    link: Link
    old: Commitment | None
    new: Commitment | None
    change: CommitmentChange


_COLUMNS = [
    "kind",
    "moved",
    "renumbered",
    "old_index",
    "new_index",
    "old_id",
    "new_id",
    "old_section",
    "new_section",
    "old_number",
    "new_number",
    "old_text",
    "new_text",
    "similarity",
    "redline",
    "group",
    "note",
]


class Comparison(BaseModel):
    """The result of :func:`compare`: the links, with the declarations they refer to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    old: Declaration
    new: Declaration
    options: CompareOptions = CompareOptions()
    links: tuple[Link, ...]

    @property
    def changed(self) -> bool:
        """True when anything but unchanged, unmoved paragraphs was found."""
        return any(link.kind is not ChangeKind.UNCHANGED or link.moved for link in self.links)

    def _note(self, link: Link) -> str:
        notes: list[str] = []
        if link.renumbered and link.old_index is not None and link.new_index is not None:
            before = self.old.paragraphs[link.old_index].number
            after = self.new.paragraphs[link.new_index].number
            notes.append(f"renumbered {before or '(none)'} → {after or '(none)'}")
        if link.moved:
            notes.append("moved")
        return "; ".join(notes)

    def to_frame(self) -> pd.DataFrame:
        """One row per link, in the reading order of the new declaration."""
        import pandas as pd

        records: list[dict[str, object]] = []
        for link in self.links:
            o = self.old.paragraphs[link.old_index] if link.old_index is not None else None
            n = self.new.paragraphs[link.new_index] if link.new_index is not None else None
            records.append(
                {
                    "kind": link.kind.value,
                    "moved": link.moved,
                    "renumbered": link.renumbered,
                    "old_index": link.old_index,
                    "new_index": link.new_index,
                    "old_id": o.id if o else None,
                    "new_id": n.id if n else None,
                    "old_section": o.section if o else None,
                    "new_section": n.section if n else None,
                    "old_number": o.number if o else None,
                    "new_number": n.number if n else None,
                    "old_text": o.text if o else None,
                    "new_text": n.text if n else None,
                    "similarity": link.similarity,
                    "redline": render_redline(link.redline),
                    "group": link.group,
                    "note": self._note(link),
                }
            )
        frame = pd.DataFrame.from_records(records, columns=_COLUMNS)
        frame["kind"] = pd.Categorical(
            frame["kind"], categories=[k.value for k in ChangeKind], ordered=False
        )
        for column in ("old_index", "new_index"):
            frame[column] = frame[column].astype("Int64")
        frame["group"] = frame["group"].astype("int64")
        frame["similarity"] = frame["similarity"].astype("float64")
        frame["moved"] = frame["moved"].astype(bool)
        frame["renumbered"] = frame["renumbered"].astype(bool)
        for column in (
            "old_id", "new_id", "old_section", "new_section", "old_number",
            "new_number", "old_text", "new_text", "redline", "note",
        ):  # fmt: skip
            frame[column] = frame[column].astype("string")
        return frame

    def commitment_changes(self) -> list[CommitmentPair]:
        """Every commitment of both declarations, paired across linked paragraphs.

        Each item is a :class:`CommitmentPair` (link, old, new, change); commitments in
        added paragraphs are new, those in dropped paragraphs dropped. Split and
        merged paragraphs pool the commitments of all their pieces. Computed once
        per comparison: the summary, the reports and a series all ask for it.
        """
        return list(self._commitment_changes)

    @cached_property
    def _commitment_changes(self) -> tuple[CommitmentPair, ...]:
        from declcompare.commitments import (
            CommitmentChange,
            classify_change,
            declaration_commitments,
            pair_commitments,
        )

        old_by: dict[int, list[Commitment]] = {}
        for c in declaration_commitments(self.old):
            old_by.setdefault(c.paragraph_index, []).append(c)
        new_by: dict[int, list[Commitment]] = {}
        for c in declaration_commitments(self.new):
            new_by.setdefault(c.paragraph_index, []).append(c)
        groups: dict[int, tuple[list[int], list[int]]] = {}
        for link in self.links:
            olds, news = groups.setdefault(link.group, ([], []))
            if link.old_index is not None and link.old_index not in olds:
                olds.append(link.old_index)
            if link.new_index is not None and link.new_index not in news:
                news.append(link.new_index)
        out: list[CommitmentPair] = []
        done: set[int] = set()
        for link in self.links:
            if link.group in done:
                continue
            done.add(link.group)
            olds, news = groups[link.group]
            old_cs = [c for i in sorted(olds) for c in old_by.get(i, [])]
            new_cs = [c for j in sorted(news) for c in new_by.get(j, [])]
            for a, b in pair_commitments(old_cs, new_cs):
                if a is None:
                    change = CommitmentChange.NEW
                elif b is None:
                    change = CommitmentChange.DROPPED
                else:
                    change = classify_change(a, b)
                out.append(CommitmentPair(link, a, b, change))
        return tuple(out)

    def commitments(self) -> pd.DataFrame:
        """One row per commitment of either declaration and what became of it.

        ``change`` is new, dropped, restated, strengthened, weakened,
        changed_stance or changed_object; ``old_paragraph`` / ``new_paragraph``
        are positions in ``old.paragraphs`` / ``new.paragraphs`` (nullable); the
        old and new predicate, stance and strength stand side by side.
        """
        import pandas as pd

        from declcompare.commitments import CHANGE_COLUMNS, CommitmentChange, entity_text
        from declcompare.commitments.lexicon import Stance

        records: list[dict[str, object]] = []
        for link, a, b, change in self.commitment_changes():
            either = b if b is not None else a
            n = self.new.paragraphs[b.paragraph_index] if b else None
            o = self.old.paragraphs[a.paragraph_index] if a else None
            records.append(
                {
                    "change": change.value,
                    "old_paragraph": a.paragraph_index if a else None,
                    "new_paragraph": b.paragraph_index if b else None,
                    "link_kind": link.kind.value,
                    "section": (n.section if n else None) or (o.section if o else None),
                    "actor": either.actor if either is not None else None,
                    "old_predicate": a.predicate if a else None,
                    "new_predicate": b.predicate if b else None,
                    "old_lemma": a.lemma if a else None,
                    "new_lemma": b.lemma if b else None,
                    "old_stance": a.stance.value if a else None,
                    "new_stance": b.stance.value if b else None,
                    "old_strength": a.strength if a else None,
                    "new_strength": b.strength if b else None,
                    "old_negated": a.negated if a else None,
                    "new_negated": b.negated if b else None,
                    "object": b.object if b else (a.object if a else None),
                    "old_object": a.object if a else None,
                    "new_object": b.object if b else None,
                    "entities": entity_text(b.entities if b else a.entities if a else ()),
                }
            )
        frame = pd.DataFrame.from_records(records, columns=CHANGE_COLUMNS)
        frame["change"] = pd.Categorical(
            frame["change"], categories=[c.value for c in CommitmentChange]
        )
        frame["link_kind"] = pd.Categorical(
            frame["link_kind"], categories=[k.value for k in ChangeKind]
        )
        stances = [s.value for s in Stance]
        for column in ("old_stance", "new_stance"):
            frame[column] = pd.Categorical(frame[column], categories=stances)
        for column in ("old_paragraph", "new_paragraph", "old_strength", "new_strength"):
            frame[column] = frame[column].astype("Int64")
        for column in ("old_negated", "new_negated"):
            frame[column] = frame[column].astype("boolean")
        for column in (
            "section", "actor", "old_predicate", "new_predicate", "old_lemma", "new_lemma",
            "object", "old_object", "new_object", "entities",
        ):  # fmt: skip
            frame[column] = frame[column].astype("string")
        return frame

    def to_markdown(self) -> str:
        """The briefing note in Markdown (see :mod:`declcompare.report.markdown`)."""
        return rendering.render(self, "markdown")

    def to_html(self) -> str:
        """The self-contained HTML report (see :mod:`declcompare.report.html`)."""
        return rendering.render(self, "html")

    def to_excel(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the Excel workbook to ``path``; an existing file is kept unless ``force``."""
        return rendering.write(self, "xlsx", path, force=force)

    def to_json(self) -> str:
        """The JSON report; :meth:`from_json` restores an equal comparison from it."""
        return rendering.render(self, "json")

    @classmethod
    def from_json(cls, text: str | bytes) -> Comparison:
        """The comparison of a JSON report written by :meth:`to_json`."""
        restored = rendering.read(cls.__name__, "json", text)
        assert isinstance(restored, cls)
        return restored

    def _repr_html_(self) -> str:
        return rendering.render(self, "html-snippet")

    def counts_by_section(self) -> dict[str, dict[str, int]]:
        """Counts of links by kind (and "moved"), per section and in "(total)", without pandas.

        The same figures as :meth:`summary`, as plain dictionaries in section order, for
        callers (the command line) that should not pay for importing pandas.
        """
        counts: Counter[tuple[str, str]] = Counter()
        sections: dict[str, None] = {}  # in order of first appearance
        seen_groups: set[int] = set()
        for link in self.links:
            n = self.new.paragraphs[link.new_index] if link.new_index is not None else None
            o = self.old.paragraphs[link.old_index] if link.old_index is not None else None
            section = (n.section if n else None) or (o.section if o else None) or "(opening part)"
            sections.setdefault(section)
            if link.kind in (ChangeKind.SPLIT, ChangeKind.MERGED):
                if link.group in seen_groups:
                    continue
                seen_groups.add(link.group)
            counts[(section, link.kind.value)] += 1
            if link.moved:
                counts[(section, "moved")] += 1
        columns = [k.value for k in ChangeKind] + ["moved"]
        table = {s: {c: counts[(s, c)] for c in columns} for s in sections}
        table["(total)"] = {c: sum(row[c] for row in table.values()) for c in columns}
        return table

    def summary(self) -> pd.DataFrame:
        """Counts of links by kind, overall and per section (new section, else old).

        Paragraph counts, not row counts: a split of one paragraph into three counts
        once as "split" on the old side.
        """
        import pandas as pd

        table = self.counts_by_section()
        columns = [k.value for k in ChangeKind] + ["moved"]
        return pd.DataFrame(
            [[row[c] for c in columns] for row in table.values()],
            index=pd.Index(list(table), name="section"),
            columns=columns,
            dtype="int64",
        )


def _classify_pair(old_text: str, new_text: str) -> tuple[ChangeKind, bool]:
    if old_text == new_text:
        return ChangeKind.UNCHANGED, False
    same_body = display_key(strip_label(old_text)) == display_key(strip_label(new_text))
    if same_body:
        renumbered = display_key(old_text) != display_key(new_text)
        return ChangeKind.UNCHANGED, renumbered
    return ChangeKind.REWORDED, False


def compare(
    old: Declaration, new: Declaration, *, options: CompareOptions | None = None
) -> Comparison:
    """Compare two declarations paragraph by paragraph.

    Every paragraph of both appears in the result: linked (unchanged, reworded,
    split, merged — possibly moved) or added / dropped. The same inputs always give
    the same result.
    """
    opts = options or CompareOptions()
    old_ps, new_ps = old.paragraphs, new.paragraphs
    alignment = align(old_ps, new_ps, opts)

    rows: list[tuple[tuple[int, int, int, int], Link]] = []
    linked_old: dict[int, int] = {}
    for index, pair in enumerate(alignment.pairs):
        o, n = old_ps[pair.old], new_ps[pair.new]
        if pair.kind == "split":
            kind, renumbered = ChangeKind.SPLIT, False
        elif pair.kind == "merged":
            kind, renumbered = ChangeKind.MERGED, False
        else:
            kind, renumbered = _classify_pair(o.text, n.text)
        similarity = 1.0 if kind is ChangeKind.UNCHANGED else min(max(pair.score, 0.0), 1.0)
        link = Link(
            kind=kind,
            old_index=pair.old,
            new_index=pair.new,
            similarity=round(similarity, 6),
            moved=index in alignment.moved,
            renumbered=renumbered,
            group=pair.group,
            redline=redline(o.text, n.text),
        )
        rows.append(((pair.new, 0, pair.old, 0), link))
        linked_old[pair.old] = min(linked_old.get(pair.old, pair.new), pair.new)
    taken_new = {pair.new for pair in alignment.pairs}
    for j, paragraph in enumerate(new_ps):
        if j not in taken_new:
            link = Link(
                kind=ChangeKind.ADDED,
                old_index=None,
                new_index=j,
                similarity=0.0,
                group=0,
                redline=(Segment(op=Op.INSERT, text=paragraph.text),),
            )
            rows.append(((j, 0, -1, 0), link))
    # A dropped paragraph stands after the new position of the nearest linked
    # paragraph before it in the old declaration.
    anchor = -1
    for i, paragraph in enumerate(old_ps):
        if i in linked_old:
            anchor = linked_old[i]
            continue
        link = Link(
            kind=ChangeKind.DROPPED,
            old_index=i,
            new_index=None,
            similarity=0.0,
            group=0,
            redline=(Segment(op=Op.DELETE, text=paragraph.text),),
        )
        rows.append(((anchor, 1, i, 0), link))
    rows.sort(key=lambda row: row[0])
    # Groups are numbered in row order so that the frame is stable run to run.
    renumber: dict[tuple[str, int], int] = {}
    links: list[Link] = []
    for _, link in rows:
        if link.kind is ChangeKind.ADDED:
            key = ("added", link.new_index if link.new_index is not None else -1)
        elif link.kind is ChangeKind.DROPPED:
            key = ("dropped", link.old_index if link.old_index is not None else -1)
        else:
            key = ("link", link.group)
        group = renumber.setdefault(key, len(renumber))
        links.append(link.model_copy(update={"group": group}))
    return Comparison(old=old, new=new, options=opts, links=tuple(links))
