"""The invariant of a comparison's links, checked whenever a Comparison is built.

A comparison restored from a JSON report is only as sound as the file: an index past
the end of a declaration, an 'added' row with an old paragraph, or a paragraph that no
row mentions would surface later as an ``IndexError`` in a report, or as a silently
wrong one. :func:`check_links` refuses them when the comparison is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

__all__ = ["check_links"]

# Which sides a row of each kind refers to (old, new).
_SIDES = {
    "added": (False, True),
    "dropped": (True, False),
    "unchanged": (True, True),
    "reworded": (True, True),
    "split": (True, True),
    "merged": (True, True),
}


def check_links(
    links: Sequence[tuple[str, int | None, int | None]], old_count: int, new_count: int
) -> None:
    """Raise ``ValueError`` unless every (kind, old_index, new_index) fits the declarations.

    Each index must lie inside its declaration and be present exactly when the kind
    needs it; every paragraph of both sides must appear; a paragraph may appear in more
    than one row only as part of a split (old side) or a merge (new side).
    """
    uses: list[Counter[int]] = [Counter(), Counter()]
    for row, (kind, old_index, new_index) in enumerate(links):
        needs = _SIDES.get(kind, (True, True))
        for side, (index, count, needed) in enumerate(
            ((old_index, old_count, needs[0]), (new_index, new_count, needs[1]))
        ):
            name = ("old", "new")[side]
            if (index is not None) is not needed:
                state = "has" if index is not None else "lacks"
                article = "an" if name == "old" else "a"
                raise ValueError(f"link {row} is {kind!r} but {state} {article} {name}_index")
            if index is None:
                continue
            if not 0 <= index < count:
                raise ValueError(
                    f"link {row} has {name}_index {index}, but the {name} declaration has "
                    f"{count} paragraph(s)"
                )
            many_ok = kind == ("split", "merged")[side]
            uses[side][index] += 1 if not many_ok else 0
            if uses[side][index] > 1:
                raise ValueError(f"{name} paragraph {index} appears in more than one link")
    for side, count in enumerate((old_count, new_count)):
        missing = [i for i in range(count) if i not in uses[side]]
        if missing:
            name = ("old", "new")[side]
            raise ValueError(
                f"{name} paragraph {missing[0]} appears in no link ({len(missing)} missing); "
                "every paragraph of both texts must be accounted for"
            )
