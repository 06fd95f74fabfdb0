"""YAML front matter of Markdown files published on the web.

Front matter is read with PyYAML's safe loader, within two bounds of
:class:`~declcompare.limits.InputLimits`: its size in bytes, and the number of
nodes it holds once every alias is expanded. An alias bomb (``b: [*a, *a, …]``
nested a few levels) is a few hundred bytes that expand to billions of nodes;
it is refused before any value is built. A value PyYAML cannot construct (a
``date: 2020-13-45``) is a :class:`~declcompare.errors.ParseError` naming the
line, never a traceback.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from declcompare.errors import ParseError
from declcompare.limits import DEFAULT_LIMITS, InputLimits, check_limit

if TYPE_CHECKING:
    import yaml

__all__ = ["front_matter", "front_matter_end"]


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


def expanded_size(root: yaml.Node) -> int:
    """Nodes of a composed YAML graph once every alias is expanded (linear in the graph)."""
    import yaml

    sizes: dict[int, int] = {}
    # Post-order walk without recursion: aliases share nodes, so sizes are memoised by id.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        if done or not children:
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)
            continue
        stack.append((node, True))
        # A cycle (an alias to an ancestor) is counted once instead of looping.
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def front_matter(
    text: str, *, limits: InputLimits | None = None, where: str = ""
) -> dict[str, str]:
    """The top-level scalar fields of front matter ``text`` (with its ``---`` fences).

    Raises :class:`~declcompare.errors.InputLimitError` when the front matter is
    bigger than ``limits.max_front_matter_bytes`` or expands to more than
    ``limits.max_front_matter_nodes`` nodes, and
    :class:`~declcompare.errors.ParseError` for a value that is not valid YAML
    (an impossible date). Front matter that is not a mapping gives ``{}``.
    """
    import yaml

    limits = limits or DEFAULT_LIMITS
    check_limit(
        "max_front_matter_bytes",
        len(text.encode("utf-8", "surrogatepass")),
        limits,
        what="the YAML front matter",
        where=where,
        unit="bytes",
    )
    body = text.strip().strip("-").strip(".")
    try:
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}  # not YAML after all: the block is kept as front matter text, unread
    if node is None:
        return {}
    check_limit(
        "max_front_matter_nodes",
        expanded_size(node),
        limits,
        what=f"the YAML front matter{where}, with its aliases expanded,",
        unit="nodes",
    )
    if not isinstance(node, yaml.MappingNode):
        return {}
    fields: dict[str, str] = {}
    for key, value in node.value:
        # Only scalars are metadata; nested lists and mappings are left in the block.
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
            continue
        loader = yaml.SafeLoader("")
        try:
            name = loader.construct_object(key)
            data = loader.construct_object(value)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            line = value.start_mark.line + 1  # the opening fence is line 1
            raise ParseError(
                f"the YAML front matter{where} has an invalid value {value.value!r} for "
                f"{key.value!r} (line {line}): {exc}; correct or quote it"
            ) from None
        finally:
            loader.dispose()
        if data is not None:
            fields[str(name)] = str(data)
    return fields
