"""The briefing order, defined once: every report and the CLI summary follow it.

:data:`SECTIONS` lists the sections in reading order, each with a key and a title;
:func:`briefing` fills them from a comparison:

1. ``summary``      sentences generated from the data;
2. ``shifts``       strength and stance shifts, old and new wording side by side, ranked;
3. ``commitments``  significant new, dropped and re-aimed commitments;
4. ``entities``     named entities whose treatment changed;
5. ``reworded``     reworded paragraphs ranked by change of meaning;
6. ``routine``      routine edits (session numbers, symbols, dates, footnote markers,
                    spelling, hyphens, capitals), collapsed and never counted as changes;
7. ``other``        everything else, section by section (or counts per section when
                    most of the text was rewritten).

Every paragraph of both texts is in exactly one of ``reworded``, ``routine`` and
``other``, unless the rewritten-text summary replaces the rows of ``other``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from declcompare.report.content import SHIFTS, Item, items, position
from declcompare.report.options import BriefingOptions
from declcompare.text.routine import routine_reason

if TYPE_CHECKING:
    from declcompare.compare import CommitmentPair, Comparison, Link
    from declcompare.model import Declaration

__all__ = ["SECTIONS", "BriefingOptions", "Row", "Section", "briefing", "routine_links"]

SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("shifts", "Commitments that changed strength or stance"),
    ("commitments", "Significant new and dropped commitments"),
    ("entities", "Names whose treatment changed"),
    ("reworded", "Reworded paragraphs, largest change of meaning first"),
    ("routine", "Routine changes (not counted as substantive)"),
    ("other", "Everything else, section by section"),
)
_TITLES = dict(SECTIONS)
_NAMED = frozenset({"treaty", "initiative", "body", "place", "name"})


@dataclass(frozen=True)
class Row:
    """One line of a briefing section, as every renderer needs it."""

    kind: str  # weakened, new, reworded, routine, unchanged, added, section ...
    old_position: str
    new_position: str
    before: str  # the old wording (a predicate, an object or a paragraph)
    after: str
    about: str  # what it concerns: the object, the name, the section
    note: str  # "strength 4 → 3", "similarity 0.62", the routine reason ...
    score: float = 0.0
    link: Link | None = None  # for a redline
    item: Item | None = None
    pair: CommitmentPair | None = None  # a commitment row's pair, for a side-by-side view


@dataclass(frozen=True)
class Section:
    """A section of the briefing: its key and title, sentences, rows and rows left out."""

    key: str
    title: str
    sentences: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    more: int = 0  # rows not listed (see the JSON or Excel report)
    counts: dict[str, int] = field(default_factory=dict)


def routine_links(comparison: Comparison) -> dict[int, str]:
    """Rows (by index in ``comparison.links``) whose rewording is routine, with the reason."""
    out: dict[int, str] = {}
    old, new = comparison.old, comparison.new
    for k, link in enumerate(comparison.links):
        if link.kind.value != "reworded" or link.old_index is None or link.new_index is None:
            continue
        reason = routine_reason(
            old.paragraphs[link.old_index].text, new.paragraphs[link.new_index].text
        )
        if reason is not None:
            out[k] = reason
    return out


def _named(pair: CommitmentPair) -> bool:
    return any(e.kind in _NAMED for c in (pair.old, pair.new) if c for e in c.entities)


def _shift_rank(pair: CommitmentPair, options: BriefingOptions) -> float:
    a, b = pair.old, pair.new
    assert a is not None
    assert b is not None
    rank = abs(a.strength - b.strength) + (options.stance_rank if a.stance != b.stance else 0)
    return rank + (options.named_rank if _named(pair) else 0.0)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _trim(rows: list[Row], options: BriefingOptions) -> tuple[tuple[Row, ...], int]:
    return tuple(rows[: options.max_rows]), max(0, len(rows) - options.max_rows)


def briefing(comparison: Comparison, options: BriefingOptions | None = None) -> tuple[Section, ...]:
    """The sections of a comparison's briefing, in :data:`SECTIONS` order."""
    options = options or BriefingOptions()
    old, new = comparison.old, comparison.new
    rows = items(comparison, options)
    routine = routine_links(comparison)
    pairs = comparison.commitment_changes()
    routine_groups = {comparison.links[k].group for k in routine}

    def where(pair: CommitmentPair) -> tuple[str, str]:
        a, b = pair.old, pair.new
        return (
            position(old, a.paragraph_index) if a else "—",
            position(new, b.paragraph_index) if b else "—",
        )

    # (b) shifts
    shift_pairs = [p for p in pairs if p.change.value in SHIFTS]
    ranked = sorted(enumerate(shift_pairs), key=lambda t: (-_shift_rank(t[1], options), t[0]))
    shift_rows = []
    for _, p in ranked:
        assert p.old is not None
        assert p.new is not None
        o, n = where(p)
        shift_rows.append(
            Row(
                p.change.value,
                o,
                n,
                p.old.predicate,
                p.new.predicate,
                p.new.object,
                f"{p.change.value.replace('_', ' ')} "
                f"(strength {p.old.strength} → {p.new.strength})",
                _shift_rank(p, options),
                p.link,
                pair=p,
            )
        )

    # (c) significant new, dropped and re-aimed commitments
    changed = Counter(p.change.value for p in pairs)
    candidates: list[tuple[float, int, Row]] = []
    for k, p in enumerate(pairs):
        value = p.change.value
        if value not in ("new", "dropped", "changed_object") or p.link.group in routine_groups:
            continue
        c = p.new if p.new is not None else p.old
        assert c is not None
        if value == "changed_object":
            assert p.old is not None
            assert p.new is not None
            if routine_reason(p.old.object, p.new.object):
                changed["changed_object"] -= 1
                continue
            before, after, about = p.old.object, p.new.object, p.new.predicate
        else:
            before = c.predicate if value == "dropped" else ""
            after = c.predicate if value == "new" else ""
            about = c.object
        rank = (options.named_rank if _named(p) else 0.0) + c.strength / 10
        o, n = where(p)
        note = f"{value.replace('_', ' ')}; {c.actor}"
        row = Row(value, o, n, before, after, about, note, rank, p.link, pair=p)
        candidates.append((rank, k, row))
    candidates.sort(key=lambda t: (-t[0], t[1]))
    commitment_rows, commitment_more = _trim([r for _, _, r in candidates], options)

    # entities whose treatment changed
    entity_rows: list[Row] = []
    from declcompare.compare.entities import entity_key, issuer_keys

    names = comparison.entity_records()
    frame = [e for e in names if e["treatment_changed"] and e["kind"] != "year"]
    issuer = issuer_keys(old, new)  # "SCO" frames every sentence: listed last
    framing = [entity_key(str(e["entity"])) in issuer for e in frame]

    def entity_rank(r: int) -> tuple[bool, int, int, int]:
        e = frame[r]
        shifts = e["commitment_changes"]
        places = len(e["old_paragraphs"]) + len(e["new_paragraphs"])
        strength = -sum(s in shifts for s in ("weakened", "strengthened", "stance"))
        return (framing[r], strength, -places, r)

    for r in sorted(range(len(frame)), key=entity_rank):
        e = frame[r]
        entity_rows.append(
            Row(
                f"name {e['status']}",
                _positions(old, e["old_paragraphs"]),
                _positions(new, e["new_paragraphs"]),
                _first(str(e["old_commitments"])),
                _first(str(e["new_commitments"])),
                str(e["entity"]),
                str(e["commitment_changes"]) or str(e["status"]),
            )
        )
    entity_listed, entity_more = _trim(entity_rows, options)

    # (d) reworded and (e) routine
    reworded = sorted(
        (
            i
            for k, i in enumerate(rows)
            if i.link.kind.value in ("reworded", "split", "merged") and k not in routine
        ),
        key=lambda i: (-i.meaning_change, i.number),
    )
    reworded_listed, _ = _trim(
        [
            Row(
                i.link.kind.value,
                i.old_position,
                i.new_position,
                "",
                "",
                i.section,
                f"similarity {i.link.similarity:.2f}"
                + (f", {_plural(i.shifts, 'commitment shift')}" if i.shifts else ""),
                i.meaning_change,
                i.link,
                i,
            )
            for i in reworded
        ],
        options,
    )
    listed = {r.item.number for r in reworded_listed if r.item is not None}
    routine_rows = tuple(
        Row(
            "routine",
            rows[k].old_position,
            rows[k].new_position,
            "",
            "",
            rows[k].section,
            reason,
            0.0,
            rows[k].link,
            rows[k],
        )
        for k, reason in sorted(routine.items())
    )

    # (f) everything else, or counts per section when most was rewritten
    share, which = max(
        (_rewritten_share(rows, "new", len(new.paragraphs), options), "new"),
        (_rewritten_share(rows, "old", len(old.paragraphs), options), "old"),
    )
    rewritten = share > options.rewritten_share and len(rows) >= 10
    rest = [i for k, i in enumerate(rows) if k not in routine and i.number not in listed]
    if rewritten:
        per: dict[str, Counter[str]] = {}
        for i in rows:
            per.setdefault(i.section, Counter())[i.link.kind.value] += 1
        other_rows = tuple(
            Row(
                "section",
                "",
                "",
                "",
                "",
                name,
                ", ".join(f"{v} {k}" for k, v in counts.items()),
                float(sum(counts.values())),
            )
            for name, counts in per.items()
        )

        def count(r: int, side: str) -> int:
            return len(names[r]["old_paragraphs" if side == "old" else "new_paragraphs"])

        topics = [r for r in range(len(names)) if names[r]["kind"] != "year"]
        topics.sort(key=lambda r: (-count(r, "old") - count(r, "new"), r))
        topic_rows = tuple(
            Row("topic", "", "", "", "", str(names[r]["entity"]),
                f"{_plural(count(r, 'old'), 'paragraph')} before, "
                f"{count(r, 'new')} after")
            for r in topics[: options.max_rows]
        )  # fmt: skip
        other = Section(
            "other",
            "Changes by section and topic (most of the text was rewritten)",
            (
                "Counts of paragraphs by change in each section, then the names mentioned "
                "most and in how many paragraphs of each text; every paragraph is listed in "
                "the JSON and Excel reports.",
            ),
            other_rows + topic_rows,
        )
    else:
        other = Section(
            "other",
            _TITLES["other"],
            (),
            tuple(
                Row(
                    i.link.kind.value,
                    i.old_position,
                    i.new_position,
                    "",
                    "",
                    i.section,
                    "",
                    i.meaning_change,
                    i.link,
                    i,
                )
                for i in rest
            ),
        )

    # (a) the summary, from all of the above
    kinds = Counter(i.link.kind.value for i in rows)
    substantive = len(reworded)
    sentences = [
        f"{_plural(len(old.paragraphs), 'paragraph')} before, {len(new.paragraphs)} after: "
        f"{kinds['unchanged']} unchanged, {substantive} reworded, {kinds['added']} added, "
        f"{kinds['dropped']} dropped"
        + (
            f"; {_plural(len(routine), 'routine edit')} (session numbers, dates, symbols, "
            "spelling) listed apart and not counted as changes."
            if routine
            else "."
        )
    ]
    if rewritten:
        sentences.append(
            f"Most of the text was rewritten: {share:.0%} of the paragraphs of the {which} text "
            "have no close counterpart in the other (added, dropped or heavily reworded), so "
            "the changes are summarised by section and topic."
        )
    shift_counts = Counter(p.change.value for p in shift_pairs)
    moved = ", ".join(
        f"{v} {k.replace('_', ' ')}" for k, v in sorted(shift_counts.items(), key=lambda t: -t[1])
    )
    sentences.append(
        (f"Commitments: {moved}; " if moved else "No commitment changed strength or stance; ")
        + f"{changed['new']} new, {changed['dropped']} dropped"
        + (
            f", {changed['changed_object']} with another object."
            if changed["changed_object"]
            else "."
        )
    )
    for top in shift_rows[:3]:
        sentences.append(
            f"{top.new_position}: “{top.before}” → “{top.after}” "
            f"({top.kind.replace('_', ' ')}), on {_clip(top.about, 90)}."
        )
    shifted = [
        r
        for r in entity_rows
        if any(w in r.note for w in ("weakened", "strength", "stance"))
        and entity_key(r.about) not in issuer
    ]
    if shifted:
        named = [f"{r.about} ({r.note})" for r in shifted[:5]]
        more = f"; and {len(shifted) - 5} more" if len(shifted) > 5 else ""
        sentences.append("Commitments shifted on " + "; ".join(named) + more + ".")
    if not comparison.changed:
        sentences = ["The two texts are the same, paragraph for paragraph."]
    shift_listed, shift_more = _trim(shift_rows, options)
    return (
        Section(
            "summary",
            _TITLES["summary"],
            tuple(sentences),
            counts={
                "substantive rewordings": substantive,
                "routine edits": len(routine),
                **{f"commitments {k}": v for k, v in sorted(changed.items())},
            },
        ),
        Section("shifts", _TITLES["shifts"], (), shift_listed, shift_more),
        Section(
            "commitments",
            _TITLES["commitments"],
            (
                f"{changed['new']} new and {changed['dropped']} dropped commitments in all; those "
                "that name a treaty, initiative, body or place come first.",
            )
            if candidates
            else (),
            commitment_rows,
            commitment_more,
        ),
        Section("entities", _TITLES["entities"], (), entity_listed, entity_more),
        Section(
            "reworded",
            _TITLES["reworded"],
            (),
            reworded_listed,
            max(0, len(reworded) - len(reworded_listed)),
        ),
        Section("routine", _TITLES["routine"], (), routine_rows),
        other,
    )


def _rewritten_share(rows: list[Item], side: str, total: int, options: BriefingOptions) -> float:
    """Share of one text's paragraphs that are added/dropped or reworded beyond recognition."""
    seen: set[int] = set()
    for i in rows:
        index = i.link.new_index if side == "new" else i.link.old_index
        if index is None or index in seen:
            continue
        kind = i.link.kind.value
        if kind in ("added", "dropped") or (
            kind != "unchanged" and i.link.similarity < options.heavy_rewording
        ):
            seen.add(index)
    return len(seen) / max(1, total)


def _positions(declaration: Declaration, indices: tuple[int, ...], most: int = 6) -> str:
    """Where a name appears: the first few positions, then how many more."""
    shown = ", ".join(position(declaration, i) for i in indices[:most]) or "—"
    return shown + (f" and {len(indices) - most} more" if len(indices) > most else "")


def _first(verbs: str, most: int = 5) -> str:
    """The first few commitment verbs of a '; '-joined list, then how many more."""
    parts = [v for v in verbs.split("; ") if v]
    shown = "; ".join(parts[:most])
    return shown + (f" (and {len(parts) - most} more)" if len(parts) > most else "")


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
