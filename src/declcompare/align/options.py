"""Every threshold and weight of the alignment, with its default and why."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from declcompare.align.semantic import Similarity


class CompareOptions(BaseModel):
    """Thresholds of the alignment. Defaults were tuned on the generated benchmark
    (``python -m benchmarks.accuracy.run``) and checked on the real UN series."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

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
    similarity: SkipJsonSchema[Similarity | None] = Field(
        default=None,
        exclude=True,
        description="An optional semantic scorer: any object with ``embed(texts)`` "
        "returning one unit-length row per text (``declcompare.align.semantic.Similarity``), "
        "such as the ``[semantic]`` extra's ``default_similarity()``. Its cosine is blended "
        "with the lexical score (``semantic_weight``). Not written into reports.",
    )
    calibration_rounds: int = Field(
        default=3,
        ge=0,
        description="Second pass, per pair: rounds of mutual-best links among the paragraphs "
        "the first assignment left unlinked (0 turns the calibrated pass off). Each round "
        "links the pairs that are each other's best free candidate and stand out from their "
        "background; the next round looks again among those still free, asking a lead of "
        "``calibrated_later_margin`` over the runner-up.",
    )
    calibrated_z: float = Field(
        default=3.0,
        ge=0.0,
        description="How far, in standard deviations, a second-pass candidate must stand "
        "above the background of BOTH its paragraphs: the scores of the old paragraph "
        "against every new paragraph, and of the new one against every old paragraph. "
        "Unrelated paragraphs of the same pair set the scale, so the rule adapts to an "
        "edited resolution (high background) and a redrafted declaration (low) alike.",
    )
    calibrated_min_score: float = Field(
        default=0.15,
        ge=0.0,
        le=1.0,
        description="Floor of the second-pass score whatever its standing, so that two "
        "paragraphs that share almost nothing are never linked in a short text.",
    )
    calibrated_margin: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        description="Lead a second-pass candidate must have over the runner-up of its row "
        "and column (the next best free paragraph on either side).",
    )
    calibrated_later_margin: float = Field(
        default=0.05,
        ge=0.0,
        le=1.0,
        description="Lead over the runner-up that a candidate needs in the rounds after the "
        "first. Once the clear pairs are taken, what stays free is mostly paragraphs on the "
        "same topic with no counterpart, and a mutual best among them that barely leads the "
        "next free paragraph is a tie, not a link. Chosen on benchmarks/accuracy/gold/dev "
        "only (`python -m benchmarks.accuracy.redrafted --dev --options '{...}'`, 13 pairs): "
        "0 gives precision 0.899 at recall 0.716, 0.03 to 0.08 give 0.923-0.925 at 0.720.",
    )
    attach_z: float = Field(
        default=4.0,
        ge=0.0,
        description="A paragraph still unlinked after the second pass joins its best "
        "counterpart on the other side, even one linked elsewhere (a piece of a split or "
        "merge), when that score stands this many deviations above the background of "
        "both paragraphs and they share an informative word.",
    )
    attach_min_score: float = Field(
        default=0.3,
        ge=0.0,
        le=1.0,
        description="Least paragraph score for such a late piece. Standing alone is not "
        "enough for a paragraph that is already linked elsewhere: in a long text with many "
        "paragraphs on one topic, a paragraph can stand out from its background and still "
        "share only the topic. Chosen on benchmarks/accuracy/gold/dev only (same command: "
        "0.15 gives precision 0.912 at recall 0.727, 0.3 gives 0.923 at 0.720).",
    )
    informative_share: float = Field(
        default=0.1,
        ge=0.0,
        le=1.0,
        description="A second-pass link needs at least one shared informative word: one "
        "found in at most this share of the pair's paragraphs (a word in at most 4 "
        "paragraphs always counts). Paragraphs that share only their opening formula "
        "('The member states welcome ...') are never linked by standing alone.",
    )
    char_weight: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Share of the character 4-gram TF-IDF cosine in the paragraph scores of "
        "the calibrated passes (the rest: word TF-IDF cosine); IDF computed over this pair "
        "only. Sentences are scored on words alone: on the dev pairs, grams added nothing "
        "there and cost time.",
    )
    semantic_weight: float = Field(
        default=0.2,
        ge=0.0,
        le=1.0,
        description="With a ``similarity`` scorer, share of its cosine in the calibrated "
        "passes' score (the rest: the lexical score).",
    )
    piece_min_score: float = Field(
        default=0.3,
        ge=0.0,
        le=1.0,
        description="Lowest sentence-pair score that counts as a piece of a split or merge. "
        "Chosen on benchmarks/accuracy/gold/dev only, together with "
        "``piece_paragraph_min_score``: once the whole paragraphs must be alike too, "
        "0.30 finds more true pieces than 0.35 (same command: split / merge recall 0.596 "
        "against 0.548, precision 0.923 against 0.926); 0.28 and 0.32 score a little lower "
        "on F1 (0.806 against 0.809).",
    )
    piece_z: float = Field(
        default=4.0,
        ge=0.0,
        description="How far, in standard deviations, a sentence pair must stand above the "
        "background of both sentences (their scores against every sentence of the other "
        "text) to count as a piece of a split or merge.",
    )
    piece_paragraph_min_score: float = Field(
        default=0.23,
        ge=0.0,
        le=1.0,
        description="Least score of the two whole paragraphs for a sentence pair to make "
        "them a piece of a split or merge: a sentence carried forward brings some of its "
        "paragraph's wording with it, while two sentences alike by chance sit in paragraphs "
        "that are otherwise unrelated. Checked when the pair's paragraphs are scored "
        "densely (up to ``calibration_limit`` cells; beyond it, the paragraphs a piece joins "
        "are scored on their own). Chosen on benchmarks/accuracy/gold/dev only (same "
        "command: 0 gives precision 0.886, 0.2 0.911, 0.23 0.923 at recall 0.718-0.721; "
        "0.25 loses recall, 0.711).",
    )
    piece_link_max: float = Field(
        default=0.9,
        ge=0.0,
        le=1.0,
        description="Paragraphs linked one to one at this score or above (nearly word for "
        "word) are not cut into sentences for the search of split and merge pieces.",
    )
    piece_min_words: int = Field(
        default=6,
        ge=1,
        description="Fewest distinct words a sentence needs to count as a piece on its own: "
        "a passing phrase is not a provision.",
    )
    calibration_limit: int = Field(
        default=4_000_000,
        ge=0,
        description="Largest number of cells (paragraphs, or sentences, old x new) the "
        "calibrated passes score densely; beyond it they look only at the paragraphs and "
        "sentences of the paragraphs not linked by identical text, and are skipped when "
        "those exceed it too.",
    )
