"""Commitments: who commits to what, and how strongly.

:func:`extract_commitments` reads each sentence of each paragraph and finds the
verbs by which an actor takes a position ("The member states *firmly advocate*
...", "*Decides* to include ..."), using the stance lexicon in
``data/stance_lexicon.toml``. A verb counts only where it is the predicate of
a clause: after the clause's subject ("The member states", "They", "the Republic
of Uzbekistan"), coordinated with such a predicate ("support and welcome"), or
opening the sentence as UN resolutions and participial clauses do ("Recalling
...", "Emphasising ..., they believe"). A stance verb inside a subordinate
clause or a noun phrase ("the efforts that aim to ...") is not one.

This is a transparent rule-based reader, not a parser of English: its rules are
listed here and its vocabulary in the data file, so an analyst can see why a
sentence was read as it was.

>>> from declcompare import Declaration, extract_commitments
>>> d = Declaration.from_paragraphs(
...     ["The member states firmly support the plan. They take note of the report."]
... )
>>> frame = extract_commitments(d)
>>> frame[["actor", "predicate", "lemma", "stance", "strength", "object"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'actor': 'the member states', 'predicate': 'firmly support', 'lemma': 'support',
  'stance': 'support', 'strength': 5, 'object': 'the plan'},
 {'actor': 'the member states', 'predicate': 'take note of', 'lemma': 'take note',
  'stance': 'note', 'strength': 1, 'object': 'the report'}]

The package's rooms: :mod:`.lexicon` (the stance vocabulary, data in TOML),
:mod:`.grammar` (tokens and predicate position), :mod:`.actors` (who speaks),
:mod:`.clauses` (a sentence clause by clause), :mod:`.entities` (what an object
names), :mod:`.extraction` (paragraphs and declarations) and :mod:`.pairing`
(two texts' commitments paired and classified).
"""

from __future__ import annotations

from declcompare.commitments.classification import actor_group, is_substantive, routine_key
from declcompare.commitments.extraction import (
    commitments_frame,
    commitments_of,
    declaration_commitments,
    entity_text,
    extract_commitments,
)
from declcompare.commitments.lexicon import Stance
from declcompare.commitments.model import (
    CHANGE_COLUMNS,
    COMMITMENT_COLUMNS,
    Commitment,
    CommitmentChange,
    Entity,
)
from declcompare.commitments.pairing import (
    PairingOptions,
    classify_change,
    classify_pair,
    pair_across,
    pair_commitments,
)

__all__ = [
    "CHANGE_COLUMNS",
    "COMMITMENT_COLUMNS",
    "Commitment",
    "CommitmentChange",
    "Entity",
    "PairingOptions",
    "Stance",
    "actor_group",
    "classify_change",
    "classify_pair",
    "commitments_frame",
    "commitments_of",
    "declaration_commitments",
    "entity_text",
    "extract_commitments",
    "is_substantive",
    "pair_across",
    "pair_commitments",
    "routine_key",
]
