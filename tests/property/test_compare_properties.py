"""Properties of compare() over generated declarations (generated text, not real)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declcompare
from declcompare import ChangeKind, Declaration, compare
from declcompare.synth import generate_revision
from declcompare.text.diff import rebuild_new, rebuild_old
from tests.helpers import seed_doc
from tests.property.strategies import paragraphs

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DONORS = [
    "Generated donor paragraph (not a real text): the parties will convene a working group "
    f"on mountain glaciers, session {n}."
    for n in range(12)
]

texts = st.lists(paragraphs, min_size=0, max_size=12)


@st.composite
def revised_pairs(draw: st.DrawFn) -> tuple[Declaration, Declaration]:
    """The real seed (or a slice) against a generated revision of it."""
    start = draw(st.integers(0, 100))
    length = draw(st.integers(5, 60))
    base = Declaration.from_paragraphs(
        [p.text for p in seed_doc().paragraphs[start : start + length]]
    )
    revision = generate_revision(base, seed=draw(st.integers(0, 10_000)), donors=DONORS)
    return base, revision.declaration


def accounted(c: declcompare.Comparison) -> None:
    old_seen = Counter(link.old_index for link in c.links if link.old_index is not None)
    new_seen = Counter(link.new_index for link in c.links if link.new_index is not None)
    assert set(old_seen) == set(range(len(c.old.paragraphs)))
    assert set(new_seen) == set(range(len(c.new.paragraphs)))
    for link in c.links:
        if link.kind is not ChangeKind.SPLIT and link.old_index is not None:
            assert old_seen[link.old_index] == 1
        if link.kind is not ChangeKind.MERGED and link.new_index is not None:
            assert new_seen[link.new_index] == 1


@SETTINGS
@given(texts)
def test_self_comparison_is_unchanged_and_unmoved(ps: list[str]) -> None:
    d = Declaration.from_paragraphs(ps)
    c = compare(d, d)
    assert all(link.kind is ChangeKind.UNCHANGED and not link.moved for link in c.links)
    assert [link.old_index for link in c.links] == list(range(len(ps)))


@SETTINGS
@given(revised_pairs())
def test_every_paragraph_is_accounted_for_once(pair: tuple[Declaration, Declaration]) -> None:
    accounted(compare(*pair))


@SETTINGS
@given(revised_pairs())
def test_swapping_arguments_mirrors_the_result(pair: tuple[Declaration, Declaration]) -> None:
    old, new = pair
    forward, backward = compare(old, new), compare(new, old)
    mirror = {
        ChangeKind.ADDED: ChangeKind.DROPPED,
        ChangeKind.DROPPED: ChangeKind.ADDED,
        ChangeKind.SPLIT: ChangeKind.MERGED,
        ChangeKind.MERGED: ChangeKind.SPLIT,
        ChangeKind.UNCHANGED: ChangeKind.UNCHANGED,
        ChangeKind.REWORDED: ChangeKind.REWORDED,
    }
    there = {(link.old_index, link.new_index, mirror[link.kind]) for link in forward.links}
    back = {(link.new_index, link.old_index, link.kind) for link in backward.links}
    assert there == back


@SETTINGS
@given(revised_pairs())
def test_redlines_rebuild_both_texts(pair: tuple[Declaration, Declaration]) -> None:
    c = compare(*pair)
    for link in c.links:
        old_text = c.old.paragraphs[link.old_index].text if link.old_index is not None else ""
        new_text = c.new.paragraphs[link.new_index].text if link.new_index is not None else ""
        assert rebuild_old(link.redline) == old_text
        assert rebuild_new(link.redline) == new_text


@settings(max_examples=20, deadline=None)
@given(revised_pairs())
def test_deterministic(pair: tuple[Declaration, Declaration]) -> None:
    first = compare(*pair).to_frame()
    second = compare(*pair).to_frame()
    assert first.equals(second)
