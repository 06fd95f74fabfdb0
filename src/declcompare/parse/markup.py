"""Markdown and layout marks the parser recognises: headings, bold lines, rules, list labels."""

from __future__ import annotations

import re

from declcompare.model import LABEL_RE

ATX_RE = re.compile(r"^#{1,6}\s+")


BOLD_RE = re.compile(r"^\*\*(?P<inner>[^*](?:.*?[^*])?)\*\*$", re.DOTALL)


COMMENT_RE = re.compile(r"^<!--.*-->$", re.DOTALL)


RULE_RE = re.compile(r"^(?:[-*_]\s*){3,}$")


FOOTNOTES_RE = re.compile(r"^\[Footnotes\]$", re.IGNORECASE)


def is_list_start(line: str) -> bool:
    return LABEL_RE.match(line) is not None
