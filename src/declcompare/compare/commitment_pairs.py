"""Commitments of two declarations paired: inside linked paragraphs, then across the text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from declcompare.compare.links import ChangeKind, CommitmentPair, Link

if TYPE_CHECKING:
    import pandas as pd

    from declcompare.commitments import Commitment
    from declcompare.model import Declaration

__all__ = ["commitments_frame", "pair_all"]


def pair_all(
    old: Declaration, new: Declaration, links: Sequence[Link]
) -> tuple[CommitmentPair, ...]:
    """Every commitment of both declarations and what became of it (see
    :meth:`declcompare.compare.Comparison.commitment_changes`)."""
    from declcompare.commitments import (
        CommitmentChange,
        classify_pair,
        declaration_commitments,
        pair_commitments,
    )

    old_by: dict[int, list[Commitment]] = {}
    for c in declaration_commitments(old):
        old_by.setdefault(c.paragraph_index, []).append(c)
    new_by: dict[int, list[Commitment]] = {}
    for c in declaration_commitments(new):
        new_by.setdefault(c.paragraph_index, []).append(c)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for link in links:
        olds, news = groups.setdefault(link.group, ([], []))
        if link.old_index is not None and link.old_index not in olds:
            olds.append(link.old_index)
        if link.new_index is not None and link.new_index not in news:
            news.append(link.new_index)
    out: list[CommitmentPair] = []
    done: set[int] = set()
    for link in links:
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
                change = classify_pair(a, b)
            out.append(CommitmentPair(link, a, b, change))
    return tuple(_pair_leftovers(out))


def commitments_frame(
    old: Declaration, new: Declaration, pairs: Sequence[CommitmentPair]
) -> pd.DataFrame:
    """The frame of :meth:`declcompare.compare.Comparison.commitments`."""
    import pandas as pd

    from declcompare.commitments import CHANGE_COLUMNS, CommitmentChange, entity_text
    from declcompare.commitments.lexicon import Stance

    records: list[dict[str, object]] = []
    for link, a, b, change in pairs:
        either = b if b is not None else a
        n = new.paragraphs[b.paragraph_index] if b else None
        o = old.paragraphs[a.paragraph_index] if a else None
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


def _pair_leftovers(rows: list[CommitmentPair]) -> list[CommitmentPair]:
    """Pair the new and dropped commitments across the whole document (see
    :func:`declcompare.commitments.pair_across`); a pair takes the new row's place."""
    from declcompare.commitments import classify_pair, pair_across

    dropped = [k for k, row in enumerate(rows) if row.new is None and row.old is not None]
    added = [k for k, row in enumerate(rows) if row.old is None and row.new is not None]
    olds = [rows[k].old for k in dropped]
    news = [rows[k].new for k in added]
    matched = pair_across([c for c in olds if c], [c for c in news if c])
    if not matched:
        return rows
    out = list(rows)
    remove: set[int] = set()
    for i, j in matched:
        a, b = olds[i], news[j]
        assert a is not None
        assert b is not None
        k = added[j]
        out[k] = CommitmentPair(rows[k].link, a, b, classify_pair(a, b))
        remove.add(dropped[i])
    return [row for k, row in enumerate(out) if k not in remove]
