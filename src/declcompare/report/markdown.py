"""The Markdown briefing note: headline counts, substantive changes first, then by section."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from declcompare.report.content import (
    GENERATED_NOTICE,
    SHIFTS,
    compact,
    describe,
    headline,
    is_generated,
    items,
    position,
    shift_rows,
)
from declcompare.text.diff import Op

if TYPE_CHECKING:
    from declcompare.compare import Comparison

__all__ = ["to_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?[0-9A-Za-z]+;))")
_TOP_REWORDED = 15


def escape_markdown(text: str) -> str:
    """Markdown-escape declaration text so that it renders as written: emphasis, code,
    links, HTML, tables, strikethrough, headings and character references ("&copy;")."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


_md = escape_markdown


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"  # CommonMark's Unicode punctuation


def _flanks(before: str, body: str, after: str) -> bool:
    """Whether ``**body**`` (or ``~~body~~``) between ``before`` and ``after`` is emphasis
    under CommonMark's flanking rules; ``~~.~~`` after a word is not, and shows literally."""
    first, last = body[0], body[-1]
    opens = not first.isspace() and (
        not _punctuation(first) or before.isspace() or _punctuation(before)
    )
    closes = not last.isspace() and (
        not _punctuation(last) or after.isspace() or _punctuation(after)
    )
    return opens and closes


def _redline(segments: list[tuple[Op, str]]) -> str:
    # (op, lead, body, trail) per segment; a whitespace-only one is a single space.
    pieces: list[tuple[Op, str, str, str]] = []
    for op, text in segments:
        body = _md(text)
        if not body:
            if text:
                pieces.append((Op.EQUAL, " ", "", ""))
            continue
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        pieces.append((op, lead, body, trail))
    out: list[str] = []
    for k, (op, lead, body, trail) in enumerate(pieces):
        if not body:
            out.append(lead)
            continue
        if op is Op.EQUAL:
            out.append(f"{lead}{body}{trail}")
            continue
        before = lead or (out[-1][-1:] if out and out[-1] else " ")
        after = trail or " "
        if not trail and k + 1 < len(pieces):
            n_op, n_lead, n_body, _ = pieces[k + 1]
            after = n_lead or (" " if not n_body else "~" if n_op is not Op.EQUAL else n_body[0])
        mark, tag = ("~~", "del") if op is Op.DELETE else ("**", "ins")
        if _flanks(before, body, after):
            out.append(f"{lead}{mark}{body}{mark}{trail}")
        else:  # emphasis would show as literal ~~ or **: the HTML tags render the same
            out.append(f"{lead}<{tag}>{body}</{tag}>{trail}")
    return "".join(out).strip()


def _clip(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def to_markdown(comparison: Comparison) -> str:
    """A briefing note in Markdown (GitHub-flavoured: tables and ~~strikethrough~~)."""
    old, new = comparison.old, comparison.new
    rows = items(comparison)
    lines: list[str] = [
        f"# What changed: {_md(describe(old))} → {_md(describe(new))}",
        "",
    ]
    if is_generated(old) or is_generated(new):
        lines += [f"> **{GENERATED_NOTICE}**", ""]
    counts = headline(comparison)
    paragraph_counts = ", ".join(f"{v} {k}" for k, v in counts.paragraphs.items() if v)
    commitment_counts = ", ".join(
        f"{v} {k.replace('_', ' ')}" for k, v in counts.commitments.items() if v
    )
    lines += [
        f"**{len(old.paragraphs)} paragraphs before, {len(new.paragraphs)} after.** "
        f"Paragraphs: {paragraph_counts or 'none'}. Commitments: {commitment_counts or 'none'}.",
        "",
        "How to read: ~~struck~~ text was removed, **bold** text was added (marked "
        "\\<del\\> and \\<ins\\> where a change starts or ends on punctuation); ¶ gives the "
        "position in each text, with its printed number where it has one. Reworded paragraphs are "
        "ranked by how much their meaning changed (informative words and commitments), "
        "not by how many characters changed.",
        "",
    ]

    # --- substantive changes first ------------------------------------------------
    lines += ["## Substantive changes", ""]
    shifts = shift_rows(comparison)
    stance = [r for r in shifts if r.change.value in SHIFTS]
    lines += ["### Commitments that changed strength or stance", ""]
    if stance:
        lines += ["| before | after | change | actor | on |", "|---|---|---|---|---|"]
        for _, a, b, change in stance:
            assert a is not None
            assert b is not None
            lines.append(
                f"| {position(old, a.paragraph_index)}: {_md(a.predicate)} "
                f"| {position(new, b.paragraph_index)}: {_md(b.predicate)} "
                f"| {change.value.replace('_', ' ')} ({a.strength} → {b.strength}) "
                f"| {_md(b.actor)} | {_md(_clip(b.object, 120))} |"
            )
    else:
        lines.append("None.")
    lines.append("")
    for title, wanted in (("New commitments", "new"), ("Dropped commitments", "dropped")):
        chosen = [r for r in shifts if r.change.value == wanted]
        lines += [f"### {title} ({len(chosen)})", ""]
        for _, a, b, _change in chosen:
            c = b if b is not None else a
            assert c is not None
            where = position(new if b is not None else old, c.paragraph_index)
            lines.append(
                f"- {where}: {_md(c.actor)} *{_md(c.predicate)}* {_md(_clip(c.object, 200))}"
            )
        if not chosen:
            lines.append("None.")
        lines.append("")
    changed_object = [r for r in shifts if r.change.value == "changed_object"]
    lines += [f"### Same commitment, different object ({len(changed_object)})", ""]
    for _, a, b, _change in changed_object:
        assert a is not None
        assert b is not None
        lines.append(
            f"- {position(old, a.paragraph_index)} → {position(new, b.paragraph_index)}: "
            f"*{_md(b.predicate)}* — before: {_md(_clip(a.object, 150))}; "
            f"after: {_md(_clip(b.object, 150))}"
        )
    if not changed_object:
        lines.append("None.")
    lines.append("")
    reworded = sorted(
        (i for i in rows if i.link.kind.value in ("reworded", "split", "merged")),
        key=lambda i: (-i.meaning_change, i.number),
    )
    lines += [f"### Reworded paragraphs, most changed first (top {_TOP_REWORDED})", ""]
    for i in reworded[:_TOP_REWORDED]:
        lines.append(
            f"- **{i.old_position} → {i.new_position}** ({i.link.kind.value}, similarity "
            f"{i.link.similarity:.2f}"
            + (f", {i.shifts} commitment shift(s)" if i.shifts else "")
            + f"): {_redline(compact(i.link.redline))}"
        )
    if not reworded:
        lines.append("None.")
    lines.append("")

    # --- section by section -------------------------------------------------------
    lines += ["## Section by section", ""]
    current: str | None = None
    for i in rows:
        if i.section != current:
            current = i.section
            lines += [f"### {_md(current)}", ""]
        kind = i.link.kind.value
        flags = (
            [kind]
            + (["moved"] if i.link.moved else [])
            + (["renumbered"] if i.link.renumbered else [])
        )
        if kind == "unchanged" and not i.link.moved and not i.link.renumbered:
            lines.append(f"- {i.old_position} → {i.new_position}: unchanged")
            continue
        if kind == "added":
            body = "**" + _md(new.paragraphs[i.link.new_index or 0].text) + "**"
        elif kind == "dropped":
            body = "~~" + _md(old.paragraphs[i.link.old_index or 0].text) + "~~"
        elif kind == "unchanged":
            body = _md(_clip(new.paragraphs[i.link.new_index or 0].text))
        else:
            body = _redline(compact(i.link.redline))
        lines.append(f"- **{i.old_position} → {i.new_position}** ({', '.join(flags)}): {body}")
    lines.append("")
    lines.append("Produced by declcompare: every paragraph of both texts is accounted for above.")
    return "\n".join(lines) + "\n"
