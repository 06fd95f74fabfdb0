"""compare(): change kinds on hand-made cases and on the real seed with generated edits."""

from __future__ import annotations

import pandas as pd
import pytest

import declcompare
from declcompare import ChangeKind, CompareOptions, Declaration, compare
from declcompare.synth import generate_revision
from declcompare.text.diff import rebuild_new, rebuild_old
from tests.helpers import seed_doc


def kinds(c: declcompare.Comparison) -> list[tuple[str, int | None, int | None]]:
    return [(link.kind.value, link.old_index, link.new_index) for link in c.links]


def test_identical_is_all_unchanged() -> None:
    c = compare(seed_doc(), seed_doc())
    assert {link.kind for link in c.links} == {ChangeKind.UNCHANGED}
    assert not any(link.moved for link in c.links)
    assert not c.changed
    assert len(c.links) == len(seed_doc().paragraphs)


def test_whitespace_quotes_and_dashes_do_not_count_as_change() -> None:
    old = Declaration.from_paragraphs(["The member states note the “Dushanbe Process” — again."])
    new = Declaration.from_paragraphs(['The  member states note the "Dushanbe Process" - again.'])
    assert kinds(compare(old, new)) == [("unchanged", 0, 0)]


def test_spelling_variant_is_reworded_not_added() -> None:
    old = Declaration.from_paragraphs(["The member states emphasise the organisation's programme."])
    new = Declaration.from_paragraphs(["The member states emphasize the organization's program."])
    assert kinds(compare(old, new)) == [("reworded", 0, 0)]


def test_stance_swap_is_reworded_with_word_redline() -> None:
    old_text = seed_doc().paragraphs[20].text
    new_text = old_text.replace("welcome", "take note of", 1)
    if new_text == old_text:
        new_text = old_text.replace("The member states", "The member states firmly", 1)
    old = Declaration.from_paragraphs([old_text])
    new = Declaration.from_paragraphs([new_text])
    (link,) = compare(old, new).links
    assert link.kind is ChangeKind.REWORDED
    assert rebuild_old(link.redline) == old_text
    assert rebuild_new(link.redline) == new_text


def test_renumbering_only_is_unchanged_with_a_note() -> None:
    old = Declaration.from_paragraphs(["5. Decides to remain seized of the matter."])
    new = Declaration.from_paragraphs(["6. Decides to remain seized of the matter."])
    c = compare(old, new)
    (link,) = c.links
    assert link.kind is ChangeKind.UNCHANGED
    assert link.renumbered
    assert c.to_frame()["note"].iloc[0] == "renumbered 5. → 6."


def test_boilerplate_alone_does_not_make_a_match() -> None:
    # Within a real declaration, the opening formula is learnt as uninformative.
    context = [p.text for p in seed_doc().paragraphs[:40]]
    old = Declaration.from_paragraphs(
        [
            *context,
            "The member states welcome the outcome of the meeting of ministers of agriculture.",
        ]
    )
    new = Declaration.from_paragraphs(
        [*context, "The member states welcome the results of the international chess olympiad."]
    )
    assert kinds(compare(old, new))[-2:] == [("dropped", 40, None), ("added", None, 40)]


def test_split_and_merge_are_mirror_images() -> None:
    whole = (
        "The member states support the Programme of Multilateral Trade and Economic "
        "Cooperation. They welcome the establishment of the SCO Consortium of Economic "
        "Analysis Centres and the results of its first meeting in India."
    )
    first, second = whole.split(". ", 1)
    old = Declaration.from_paragraphs(["Opening words of the declaration here.", whole])
    new = Declaration.from_paragraphs(
        ["Opening words of the declaration here.", first + ".", second]
    )
    forward = compare(old, new)
    assert kinds(forward) == [("unchanged", 0, 0), ("split", 1, 1), ("split", 1, 2)]
    assert forward.links[1].group == forward.links[2].group
    backward = compare(new, old)
    assert kinds(backward) == [("unchanged", 0, 0), ("merged", 1, 1), ("merged", 2, 1)]


def test_move_is_flagged_on_the_moved_paragraph_only() -> None:
    texts = [p.text for p in seed_doc().paragraphs[:12]]
    moved = texts[:2] + texts[3:10] + [texts[2]] + texts[10:]
    c = compare(Declaration.from_paragraphs(texts), Declaration.from_paragraphs(moved))
    flagged = [link.old_index for link in c.links if link.moved]
    assert flagged == [2]
    assert all(link.kind is ChangeKind.UNCHANGED for link in c.links)


def test_dropped_rows_stand_where_they_stood() -> None:
    texts = [p.text for p in seed_doc().paragraphs[:6]]
    c = compare(
        Declaration.from_paragraphs(texts), Declaration.from_paragraphs(texts[:3] + texts[4:])
    )
    assert kinds(c) == [
        ("unchanged", 0, 0),
        ("unchanged", 1, 1),
        ("unchanged", 2, 2),
        ("dropped", 3, None),
        ("unchanged", 4, 3),
        ("unchanged", 5, 4),
    ]


def test_frame_columns_and_dtypes() -> None:
    revision = generate_revision(
        seed_doc(), seed=7, donors=["Generated donor paragraph, not a real text."]
    )
    frame = compare(seed_doc(), revision.declaration).to_frame()
    required = {
        "kind", "moved", "old_index", "new_index", "old_id", "new_id", "old_section",
        "new_section", "old_number", "new_number", "old_text", "new_text", "similarity",
        "redline", "group",
    }  # fmt: skip
    assert required <= set(frame.columns)
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [k.value for k in ChangeKind]
    assert str(frame["old_index"].dtype) == "Int64"
    assert str(frame["new_index"].dtype) == "Int64"
    assert frame["similarity"].between(0, 1).all()
    new_order = frame["new_index"].dropna().tolist()
    assert new_order == sorted(new_order)


def test_summary_counts_paragraphs_by_kind_and_section() -> None:
    revision = generate_revision(
        seed_doc(), seed=3, donors=["Generated donor paragraph, not a real text."]
    )
    c = compare(seed_doc(), revision.declaration)
    table = c.summary()
    assert table.loc["(total)", "unchanged"] == sum(
        link.kind is ChangeKind.UNCHANGED for link in c.links
    )
    assert "Security" in table.index


@pytest.mark.parametrize("seed", range(8))
def test_generated_revisions_of_the_seed_are_recovered(seed: int) -> None:
    donors = [
        "Generated donor paragraph (not a real text): the parties agree to hold an expert "
        f"meeting on desert locust control number {n} before the next summit."
        for n in range(10)
    ]
    revision = generate_revision(seed_doc(), seed=seed, donors=donors)
    c = compare(seed_doc(), revision.declaration)
    predicted = {
        (link.old_index, link.new_index)
        for link in c.links
        if link.old_index is not None and link.new_index is not None
    }
    assert predicted == set(revision.truth.pairs)
    assert {link.new_index for link in c.links if link.kind is ChangeKind.ADDED} == set(
        revision.truth.added
    )


def test_options_are_frozen_and_documented() -> None:
    options = CompareOptions()
    with pytest.raises(ValueError, match="frozen"):
        options.min_score = 0.1  # type: ignore[misc]
    for name, field in CompareOptions.model_fields.items():
        assert field.description, name
    strict = compare(seed_doc(), seed_doc(), options=CompareOptions(min_score=0.99))
    assert len(strict.links) == len(seed_doc().paragraphs)


def test_empty_sides() -> None:
    empty = Declaration(id="empty")
    c = compare(empty, seed_doc())
    assert {link.kind for link in c.links} == {ChangeKind.ADDED}
    assert len(compare(seed_doc(), empty).links) == len(seed_doc().paragraphs)


def test_repeated_paragraph_links_to_the_copy_in_its_own_place() -> None:
    # Generated case: a formula repeated in two places; the first copy is dropped.
    # The remaining copy belongs to the second place, not to the first copy.
    texts = [p.text for p in seed_doc().paragraphs[1:25]]
    formula = "Recalling its previous resolutions on the subject,"
    old = [*texts[:5], formula, *texts[5:15], formula, *texts[15:]]
    new = texts[:5] + texts[5:15] + [formula] + texts[15:]
    c = compare(Declaration.from_paragraphs(old), Declaration.from_paragraphs(new))
    assert ("dropped", 5, None) in kinds(c)
    assert ("unchanged", 16, 15) in kinds(c)
    assert not any(link.moved for link in c.links)


def test_near_twin_is_linked_by_place_not_by_first_occurrence() -> None:
    # Generated case: the same provision stands in two places; only the first copy
    # is reworded. Each copy keeps its own place and nothing is reported as moved.
    texts = [p.text for p in seed_doc().paragraphs[1:25]]
    twin = texts[3]
    old = [*texts[:10], twin, *texts[10:]]
    reworded = twin.replace("The member states", "The member states once again", 1)
    assert reworded != twin
    new = [*texts[:3], reworded, *texts[4:10], twin, *texts[10:]]
    c = compare(Declaration.from_paragraphs(old), Declaration.from_paragraphs(new))
    assert ("reworded", 3, 3) in kinds(c)
    assert ("unchanged", 10, 10) in kinds(c)
    assert not any(link.moved for link in c.links)


@pytest.mark.parametrize("seed", range(4))
def test_blocked_candidates_give_the_same_links_as_the_full_matrix(seed: int) -> None:
    # Large inputs take the blocked path (pairs sharing informative words, the best
    # `blocking_candidates` per paragraph); on the seed it must find what the full
    # matrix finds.
    revision = generate_revision(seed_doc(), seed=seed, donors=declcompare.synth.demo_donors())
    full = compare(seed_doc(), revision.declaration)
    blocked = compare(seed_doc(), revision.declaration, options=CompareOptions(full_matrix_limit=0))
    narrow = compare(
        seed_doc(),
        revision.declaration,
        options=CompareOptions(full_matrix_limit=0, blocking_candidates=1, blocking_words=1),
    )
    assert kinds(blocked) == kinds(full)
    # A deliberately starved blocking still accounts for every paragraph.
    assert {link.old_index for link in narrow.links} - {None} == set(
        range(len(seed_doc().paragraphs))
    )
