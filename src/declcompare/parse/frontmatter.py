"""YAML front matter of Markdown files published on the web."""

from __future__ import annotations

import re


def front_matter_end(text: str) -> int:
    """End offset of YAML front matter at the very start of the text, or 0."""
    if not text.startswith("---"):
        return 0
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return 0
    for match in re.finditer(r"^(---|\.\.\.)[ \t]*$", text[first + 1 :], re.MULTILINE):
        return first + 1 + match.end()
    return 0


def front_matter(text: str) -> dict[str, str]:
    import yaml

    body = text.strip().strip("-").strip(".")
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if v is not None}
