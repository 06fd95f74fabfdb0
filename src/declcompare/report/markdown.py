"""The Markdown briefing note: headline counts, substantive changes first, then by section."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from declcompare.report.briefing import Row, briefing
from declcompare.report.content import GENERATED_NOTICE, SHIFTS, compact, describe, is_generated
from declcompare.report.options import BriefingOptions
from declcompare.text.diff import Op, redline

if TYPE_CHECKING:
    from declcompare.compare import Comparison

__all__ = ["to_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?[0-9A-Za-z]+;))")


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


def _row(row: Row, new_text: str, old_text: str, section: str) -> str:
    """A row of section ``section`` as a Markdown list item."""
    where = f"**{row.old_position} → {row.new_position}**"
    if row.kind in SHIFTS:
        return (f"- {where}: “{_md(row.before)}” → “{_md(row.after)}” — {_md(row.note)}; "
                f"on {_md(_clip(row.about, 200))}")  # fmt: skip
    if section == "commitments" and row.kind in ("new", "dropped"):
        verb = row.after or row.before
        return f"- {where} ({row.kind}): {_md(row.note.split('; ', 1)[-1])} *{_md(verb)}* " + _md(
            _clip(row.about, 200)
        )
    if row.kind == "changed_object":
        return (f"- {where} (same commitment, *{_md(row.about)}*, another object): "
                f"{_redline(compact(redline(row.before, row.after), 6))}")  # fmt: skip
    if row.kind.startswith("name ") or row.link is None:
        return f"- **{_md(row.about)}** ({_md(row.note)}): " + (
            f"before {row.old_position}" + (f" — *{_md(row.before)}*" if row.before else "")
            + f"; after {row.new_position}" + (f" — *{_md(row.after)}*" if row.after else "")
        )  # fmt: skip
    link = row.link
    flags = [link.kind.value] + (["moved"] if link.moved else []) + (
        ["renumbered"] if link.renumbered else [])  # fmt: skip
    if row.kind == "routine":
        flags = [f"routine: {row.note}"]
    elif row.note:
        flags.append(row.note)
    if link.kind.value == "unchanged" and not link.moved and not link.renumbered:
        return f"- {row.old_position} → {row.new_position}: unchanged"
    if link.kind.value == "added":
        body = "**" + _md(new_text) + "**"
    elif link.kind.value == "dropped":
        body = "~~" + _md(old_text) + "~~"
    elif link.kind.value == "unchanged":
        body = _md(_clip(new_text))
    else:
        body = _redline(compact(link.redline))
    return f"- {where} ({', '.join(flags)}): {body}"


def to_markdown(comparison: Comparison, options: BriefingOptions | None = None) -> str:
    """A briefing note in Markdown (GitHub-flavoured), in the order of :data:`SECTIONS`."""
    old, new = comparison.old, comparison.new
    lines: list[str] = [
        f"# What changed: {_md(describe(old))} → {_md(describe(new))}",
        "",
    ]
    if is_generated(old) or is_generated(new):
        lines += [f"> **{GENERATED_NOTICE}**", ""]
    lines += [
        "How to read: ~~struck~~ text was removed, **bold** text was added (marked "
        "\\<del\\> and \\<ins\\> where a change starts or ends on punctuation); ¶ gives the "
        "position in each text, with its printed number (OP/PP in UN resolutions) where it has "
        "one. Reworded paragraphs are ranked by how much their meaning changed (informative "
        "words and commitments), not by how many characters changed.",
        "",
    ]
    complete = True
    for section in briefing(comparison, options):
        lines += [f"## {_md(section.title)}", ""]
        lines += [_md(sentence) for sentence in section.sentences]
        if section.sentences:
            lines.append("")
        if section.key == "summary":
            continue
        current: str | None = None
        for row in section.rows:
            if row.kind == "topic" and current != "(topics)":
                current = "(topics)"
                lines += ["", "By topic, the names mentioned most:", ""]
            if section.key == "other" and row.kind in ("section", "topic"):
                lines.append(f"- **{_md(row.about)}**: {_md(row.note)}")
                complete = False
                continue
            if section.key == "other" and row.about != current:
                current = row.about
                lines += (
                    ["", f"### {_md(current)}", ""] if lines[-1] else [f"### {_md(current)}", ""]
                )
            link = row.link
            new_text = (
                new.paragraphs[link.new_index].text if link and link.new_index is not None else ""
            )
            old_text = (
                old.paragraphs[link.old_index].text if link and link.old_index is not None else ""
            )
            lines.append(_row(row, new_text, old_text, section.key))
        if not section.rows:
            lines.append("None.")
        if section.more:
            lines.append(
                f"- … and {section.more} more (every row is in the JSON and Excel reports)."
            )
        lines.append("")
    lines.append(
        "Produced by declcompare: every paragraph of both texts is accounted for above."
        if complete
        else "Produced by declcompare: every paragraph of both texts is in the JSON and Excel "
        "reports."
    )
    return "\n".join(lines) + "\n"
