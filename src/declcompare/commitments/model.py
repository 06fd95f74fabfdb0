"""The commitment models: who commits to what, and what became of it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from declcompare.commitments.lexicon import Stance

if TYPE_CHECKING:
    pass


class Entity(BaseModel):
    """A named thing in a commitment's object: a treaty, body, place, date ..."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    kind: str = Field(description="treaty, initiative, body, place, document, date, year or name")
    start: int = Field(ge=0, description="Offset in the paragraph text.")
    end: int = Field(ge=0)


class Commitment(BaseModel):
    """One commitment: an actor, a stance verb as written, its strength and its object."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paragraph_index: int = Field(ge=0, description="Position in Declaration.paragraphs.")
    paragraph_id: str
    sentence_index: int = Field(ge=0, description="Sentence within the paragraph, from 0.")
    actor: str = Field(description="Who commits; 'they' and 'we' resolved where possible.")
    subject: str | None = Field(
        description="The subject as written ('They', 'The member states'); None if implicit."
    )
    predicate: str = Field(description="The verb phrase as written: 'will continue to support'.")
    lemma: str = Field(description="Normalised verb: 'support', 'take note', 'strengthen'.")
    stance: Stance
    strength: int = Field(description="Ordinal strength; see the stance lexicon.")
    negated: bool = False
    object: str = Field(description="What is committed to, as written.")
    entities: tuple[Entity, ...] = ()
    text_start: int = Field(ge=0, description="Offset of the commitment in the paragraph text.")
    text_end: int = Field(ge=0)
    predicate_start: int = Field(ge=0, description="Offset of the predicate in the paragraph text.")
    predicate_end: int = Field(ge=0)
    object_start: int = Field(ge=0, description="Offset of the object in the paragraph text.")
    object_end: int = Field(ge=0)
    start: int = Field(ge=0, description="Offset of the commitment in the source text.")
    end: int = Field(ge=0)


COMMITMENT_COLUMNS = [
    "paragraph_index",
    "paragraph_id",
    "sentence_index",
    "actor",
    "subject",
    "predicate",
    "lemma",
    "stance",
    "strength",
    "negated",
    "object",
    "entities",
    "start",
    "end",
]


class CommitmentChange(StrEnum):
    """What became of a commitment from the old declaration to the new."""

    NEW = "new"
    DROPPED = "dropped"
    RESTATED = "restated"  # same stance, strength and object
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    CHANGED_STANCE = "changed_stance"  # another stance of the same strength
    CHANGED_OBJECT = "changed_object"  # same verb and strength, different object
    ROUTINE = "routine"  # only dates, numbers, symbols, footnotes, spelling or capitals
    FULFILLED = "fulfilled"  # a request answered: "Requests a report" -> "Notes the report"


CHANGE_COLUMNS = [
    "change",
    "old_paragraph",
    "new_paragraph",
    "link_kind",
    "section",
    "actor",
    "old_predicate",
    "new_predicate",
    "old_lemma",
    "new_lemma",
    "old_stance",
    "new_stance",
    "old_strength",
    "new_strength",
    "old_negated",
    "new_negated",
    "object",
    "old_object",
    "new_object",
    "entities",
]
