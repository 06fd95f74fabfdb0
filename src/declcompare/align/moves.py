"""Moves: links outside the longest order-preserving chain."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def longest_chain(points: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of a longest chain increasing in both coordinates (patience sorting)."""
    order = sorted(range(len(points)), key=lambda i: points[i])
    tails: list[int] = []
    tail_idx: list[int] = []
    parent: dict[int, int | None] = {}
    for i in order:
        value = points[i][1]
        pos = bisect.bisect_left(tails, value)
        parent[i] = tail_idx[pos - 1] if pos > 0 else None
        if pos == len(tails):
            tails.append(value)
            tail_idx.append(i)
        else:
            tails[pos] = value
            tail_idx[pos] = i
    chain: set[int] = set()
    node: int | None = tail_idx[-1] if tail_idx else None
    while node is not None:
        chain.add(node)
        node = parent[node]
    return chain
