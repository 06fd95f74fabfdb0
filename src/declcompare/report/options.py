"""The options of a briefing: how changes are ranked and how much is listed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["BriefingOptions"]


class BriefingOptions(BaseModel):
    """How a briefing ranks and trims; the defaults are what every report uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    shift_weight: float = Field(
        default=0.25, ge=0, description="Meaning change added per commitment shift in a paragraph."
    )
    change_weight: float = Field(
        default=0.1, ge=0, description="Meaning change added per new, dropped or re-aimed one."
    )
    stance_rank: float = Field(
        default=2.0, ge=0, description="A change of stance ranks as this many strength steps."
    )
    named_rank: float = Field(
        default=1.0, ge=0, description="Rank added when a commitment's object names something."
    )
    max_rows: int = Field(default=25, ge=1, description="Rows listed per section before 'more'.")
    rewritten_share: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="Share of new paragraphs added or heavily reworded above which the text "
        "counts as rewritten and the last section shows counts per section.",
    )
    heavy_rewording: float = Field(
        default=0.5, ge=0, le=1, description="Similarity below which a rewording is a rewrite."
    )
