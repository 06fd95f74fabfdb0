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
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, model_validator

from declcompare import rendering
from declcompare.align import CompareOptions, align
from declcompare.compare.commitment_pairs import commitments_frame, pair_all
from declcompare.compare.integrity import check_links
from declcompare.compare.links import ChangeKind, CommitmentPair, Link
from declcompare.model import Declaration
from declcompare.text.diff import Op, Segment, redline, render_redline
from declcompare.text.normalize import display_key, markup_key, strip_label

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.compare.entities import EntityRecord

__all__ = ["ChangeKind", "CommitmentPair", "CompareOptions", "Comparison", "Link", "compare"]


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

    @model_validator(mode="after")
    def _links_fit(self) -> Comparison:
        rows = [(link.kind.value, link.old_index, link.new_index) for link in self.links]
        check_links(rows, len(self.old.paragraphs), len(self.new.paragraphs))
        return self

    @property
    def warnings(self) -> tuple[str, ...]:
        """What to know before trusting this comparison: both texts' warnings."""
        return (*self.old.warnings, *self.new.warnings)

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

    def sentence_links(self) -> pd.DataFrame:
        """Which sentence went where: one row per old sentence carried into a new one.

        Within each linked group (a pair, or all paragraphs of a split or merge),
        sentences pair when each is the other's best counterpart. Columns: old/new
        paragraph (positions in ``paragraphs``), old/new sentence (position in its
        paragraph), the character range of each sentence in its paragraph, score."""
        from declcompare.compare.sentence_frame import sentence_frame

        rows = [
            (link.group, link.old_index, link.new_index)
            for link in self.links
            if link.old_index is not None and link.new_index is not None
        ]
        return sentence_frame(self.old, self.new, rows, self.options)

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
        return pair_all(self.old, self.new, self.links)

    def commitments(self) -> pd.DataFrame:
        """One row per commitment of either declaration and what became of it.

        ``change`` is new, dropped, restated, strengthened, weakened,
        changed_stance or changed_object; ``old_paragraph`` / ``new_paragraph``
        are positions in ``old.paragraphs`` / ``new.paragraphs`` (nullable); the
        old and new predicate, stance and strength stand side by side.
        """
        return commitments_frame(self.old, self.new, self.commitment_changes())

    def entities(self) -> pd.DataFrame:
        """Every named entity (state, body, treaty, initiative, place, year) of either text:
        the paragraph indices where it appears in each, the commitments about it before
        and after, and ``treatment_changed`` when it came, went or a commitment shifted."""
        from declcompare.compare.entities import entity_table

        return entity_table(self._entity_records)

    def entity_records(self) -> list[EntityRecord]:
        """The rows of :meth:`entities` as plain dicts, one per entity, without pandas."""
        return [record.copy() for record in self._entity_records]

    @cached_property
    def _entity_records(self) -> tuple[EntityRecord, ...]:
        from declcompare.compare.entities import entity_records

        pairs = [(a, b, change.value) for _, a, b, change in self.commitment_changes()]
        return tuple(entity_records(self.old, self.new, pairs))

    def about(self, name: str) -> pd.DataFrame:
        """What happened to ``name`` ("Afghanistan", "UNCLOS"): every row mentioning it,
        both texts, and the commitments about it that changed (case and spacing aside)."""
        from declcompare.compare.entities import about_frame

        links = [(k.kind.value, k.old_index, k.new_index, k.group) for k in self.links]
        pairs = [(p.link.group, (p.old, p.new, p.change.value)) for p in self.commitment_changes()]
        return about_frame(self.old, self.new, links, pairs, name)

    def to_markdown(self) -> str:
        """The briefing note in Markdown (see :mod:`declcompare.report.markdown`)."""
        return rendering.render(self, "markdown")

    def to_html(self) -> str:
        """The self-contained HTML report (see :mod:`declcompare.report.html`)."""
        return rendering.render(self, "html")

    def to_excel(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the Excel workbook to ``path``; an existing file is kept unless ``force``."""
        return rendering.write(self, "xlsx", path, force=force)

    def to_docx(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the Word redline (tracked changes) to ``path``; kept unless ``force``.

        See :mod:`declcompare.report.docx`; needs the ``docx`` extra.
        """
        return rendering.write(self, "docx", path, force=force)

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
    if same_body and markup_key(strip_label(old_text)) == markup_key(strip_label(new_text)):
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
