"""Markdown and layout marks the parser recognises: headings, bold lines, rules, list labels."""

from __future__ import annotations

import re

from declcompare.model import LABEL_RE

ATX_RE = re.compile(r"^#{1,6}\s+")


BOLD_RE = re.compile(r"^\*\*(?P<inner>[^*](?:.*?[^*])?)\*\*$", re.DOTALL)


COMMENT_RE = re.compile(r"^<!--.*-->$", re.DOTALL)


RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$")


FOOTNOTES_RE = re.compile(r"^\[Footnotes\]$", re.IGNORECASE)


#: How a note under ``[Footnotes]`` starts: its number or mark, then its text
#: ("3 Resolution 75/309.", "* Reissued for technical reasons ..."), or in lower
#: case when it continues the note before it across a page break.
FOOTNOTE_START_RE = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])\s+\S|^[a-z]")


def is_list_start(line: str) -> bool:
    return LABEL_RE.match(line) is not None
