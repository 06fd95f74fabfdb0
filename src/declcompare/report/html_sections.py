"""The briefing's sections as the HTML page and the Word redline draw them, in order.

They are the briefing's own (:func:`~declcompare.report.briefing.briefing`), in its
order and with its rows: the same summary, the same ranked shifts, the same
significant commitments, the same names and the same routine rule as the Markdown,
JSON and Excel reports; only the length of the lists differs, since a page folds what
a note must cut. A section carries what its renderer draws: sentences, commitment pairs
(old and new side by side), paragraph items (drawn from the page's payload) and plain
briefing rows (names, section counts). The page ends with every paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from declcompare.report.content import Item, items
from declcompare.report.options import BriefingOptions

if TYPE_CHECKING:
    from declcompare.compare import CommitmentPair, Comparison
    from declcompare.report.briefing import Row

__all__ = ["PAGE_ROWS", "Section", "briefing_sections"]

# A page lists this many rows of a section (folding most of them); a note lists fewer.
PAGE_ROWS = 100_000


@dataclass(frozen=True)
class Section:
    """One part of the briefing: ``key`` for anchors and tests, ``title`` for readers."""

    key: str
    title: str
    sentences: tuple[str, ...] = ()
    pairs: tuple[CommitmentPair, ...] = ()
    rows: tuple[Item, ...] = ()
    lines: tuple[Row, ...] = ()  # briefing rows drawn as they are (names, counts)
    more: int = 0


def briefing_sections(comparison: Comparison) -> list[Section]:
    """The briefing's sections for a page, then every paragraph in the new text's order."""
    from declcompare.report.briefing import briefing

    every = items(comparison)
    out: list[Section] = []
    for s in briefing(comparison, BriefingOptions(max_rows=PAGE_ROWS)):
        pairs = tuple(r.pair for r in s.rows if r.pair is not None)
        paragraph_rows = tuple(r.item for r in s.rows if r.item is not None)
        if s.key in ("shifts", "commitments"):
            out.append(Section(s.key, s.title, s.sentences, pairs=pairs, more=s.more))
        elif s.key in ("reworded", "routine"):
            out.append(Section(s.key, s.title, s.sentences, rows=paragraph_rows, more=s.more))
            if s.key == "reworded":
                out.extend(_sentences(comparison))
        elif s.key == "other":
            if paragraph_rows:
                continue  # the rows follow in full, with the unchanged ones folded
            out.append(Section(s.key, s.title, s.sentences, lines=s.rows, more=s.more))
        else:  # summary, entities
            out.append(Section(s.key, s.title, s.sentences, lines=s.rows, more=s.more))
    out.append(
        Section("paragraphs", "Every paragraph, in the order of the new text", rows=tuple(every))
    )
    return out


def _sentences(comparison: Comparison) -> list[Section]:
    """Which sentence of a split or merged paragraph went where (from sentence_links)."""
    from declcompare.compare.sentence_frame import sentence_frame
    from declcompare.report.briefing import Row
    from declcompare.report.content import position

    kinds = {link.group: link.kind.value for link in comparison.links}
    pieces = [
        (link.group, link.old_index, link.new_index)
        for link in comparison.links
        if link.kind.value in ("split", "merged")
        and link.old_index is not None
        and link.new_index is not None
    ]
    if not pieces:
        return []
    old, new = comparison.old, comparison.new
    group_of = {(o, n): g for g, o, n in pieces}
    frame = sentence_frame(old, new, pieces, comparison.options)
    column = {name: frame[name].tolist() for name in frame.columns}
    lines = []
    for k in range(len(frame)):
        o, n = int(column["old_paragraph"][k]), int(column["new_paragraph"][k])
        a, b = int(column["old_start"][k]), int(column["old_end"][k])
        c, d = int(column["new_start"][k]), int(column["new_end"][k])
        lines.append(
            Row(
                kinds[group_of[(o, n)]],
                f"{position(old, o)}, sentence {int(column['old_sentence'][k]) + 1}",
                f"{position(new, n)}, sentence {int(column['new_sentence'][k]) + 1}",
                old.paragraphs[o].text[a:b],
                new.paragraphs[n].text[c:d],
                "",
                f"score {float(column['score'][k]):.2f}",
            )
        )
    return [
        Section(
            "sentences",
            "Split and merged paragraphs: which sentence went where",
            ("Each row is a sentence of the old text and the sentence of the new text that "
             "carries it forward.",),
            lines=tuple(lines),
        )
    ]  # fmt: skip
