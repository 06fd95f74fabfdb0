"""The rows of a comparison: what became of a paragraph, and of a commitment."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from declcompare.text.diff import Segment

if TYPE_CHECKING:
    from declcompare.commitments import Commitment, CommitmentChange

__all__ = ["ChangeKind", "CommitmentPair", "Link"]


class ChangeKind(StrEnum):
    """What became of a paragraph."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    DROPPED = "dropped"


class Link(BaseModel):
    """One row of a comparison: an old-new pair, or an added or dropped paragraph."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ChangeKind
    old_index: int | None = Field(description="Position in old.paragraphs; None if added.")
    new_index: int | None = Field(description="Position in new.paragraphs; None if dropped.")
    similarity: float = Field(ge=0.0, le=1.0)
    moved: bool = False
    renumbered: bool = Field(default=False, description="Only the number label changed.")
    group: int = Field(description="Shared by the rows of one split or merge.")
    redline: tuple[Segment, ...] = ()


class CommitmentPair(NamedTuple):
    """What became of one commitment: the link it rides on, both sides and the change."""

    link: Link
    old: Commitment | None
    new: Commitment | None
    change: CommitmentChange
