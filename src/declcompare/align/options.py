"""Every threshold and weight of the alignment, with its default and why."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CompareOptions(BaseModel):
    """Thresholds of the alignment. Defaults were tuned on the generated benchmark
    (``python -m benchmarks.accuracy.run``) and checked on the real UN series."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_score: float = Field(
        default=0.45,
        ge=0.0,
        le=1.0,
        description="Lowest blended similarity for a one-to-one link. Below it, two "
        "paragraphs are reported as dropped and added. 0.45 keeps heavy rewordings "
        "(a clause added, a verb changed) linked while unrelated paragraphs on the same "
        "topic, which score 0.2-0.4, stay apart.",
    )
    cosine_weight: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Share of the TF-IDF cosine in the blended score; the rest is "
        "rapidfuzz's normalised edit similarity of the match keys. The cosine discounts "
        "boilerplate; the edit similarity rewards shared wording and word order.",
    )
    candidate_min_cosine: float = Field(
        default=0.1,
        ge=0.0,
        le=1.0,
        description="Pairs below this TF-IDF cosine are not scored at all.",
    )
    candidates_per_paragraph: int = Field(
        default=6,
        ge=1,
        description="Best candidates kept per paragraph (on each side) before scoring.",
    )
    containment: float = Field(
        default=0.8,
        ge=0.0,
        le=1.0,
        description="Share of a piece's informative (IDF-weighted) words that must lie "
        "inside the whole for a split or merge.",
    )
    split_coverage: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="Share of the whole's informative words the pieces must cover together.",
    )
    proximity_weight: float = Field(
        default=0.01,
        ge=0.0,
        le=0.1,
        description="Tie-breaker added to scores for the same section and nearness to "
        "the expected position (interpolated between identical paragraphs); small enough "
        "never to override a real difference in wording.",
    )
    full_matrix_limit: int = Field(
        default=4_000_000,
        ge=0,
        description="Up to this many old x new pairs, every pair is compared; above it, "
        "only pairs sharing an informative word (blocking).",
    )
    blocking_candidates: int = Field(
        default=40,
        ge=1,
        description="Under blocking, pairs per paragraph (on each side) whose TF-IDF "
        "cosine is computed: those sharing the most informative-word mass.",
    )
    blocking_max_postings: int = Field(
        default=100,
        ge=0,
        description="Under blocking, a paragraph's top word is looked for anywhere in "
        "the other text's paragraphs only if it occurs in at most this many paragraphs "
        "of both texts together; commoner words pair only top word with top word.",
    )
    blocking_words: int = Field(
        default=8,
        ge=1,
        description="Most informative words per paragraph used for blocking.",
    )
