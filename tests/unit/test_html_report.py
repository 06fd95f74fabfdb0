"""The HTML page's payload, sections and policy, read back from the page itself.

The seed is real text; its revisions and the declarations built from strings here are
generated, and labelled so.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from functools import cache

from declcompare import Comparison, Declaration, compare, load_seed
from declcompare.report.content import items
from declcompare.report.html_assets import CSP, SCRIPT
from declcompare.report.html_payload import KINDS, moved_markers
from declcompare.report.html_sections import briefing_sections
from declcompare.synth import demo_donors, generate_revision

PAYLOAD = re.compile(r'<script type="application/json" id="payload">(.*?)</script>', re.S)


@cache
def demo() -> Comparison:
    seed = load_seed()
    return compare(seed, generate_revision(seed, seed=2020, donors=demo_donors()).declaration)


def payload(page: str) -> dict[str, object]:
    found = PAYLOAD.findall(page)
    assert len(found) == 1
    data = json.loads(found[0])
    assert isinstance(data, dict)
    return data


def sides(segments: list[object]) -> tuple[str, str]:
    old = new = ""
    for op, text in zip(segments[::2], segments[1::2], strict=True):
        assert isinstance(text, str)
        old += text if op in (0, 1) else ""
        new += text if op in (0, 2) else ""
    return old, new


def test_payload_rebuilds_every_paragraph_of_both_texts() -> None:
    comparison = demo()
    data = payload(comparison.to_html())
    rows = data["rows"]
    assert isinstance(rows, list)
    assert len(rows) == len(comparison.links)
    seen_old: set[int] = set()
    seen_new: set[int] = set()
    for link, row in zip(comparison.links, rows, strict=True):
        assert KINDS[row[0]] == link.kind.value
        old, new = sides(row[8])
        if link.old_index is not None:
            assert old == comparison.old.paragraphs[link.old_index].text
            seen_old.add(link.old_index)
        if link.new_index is not None:
            assert new == comparison.new.paragraphs[link.new_index].text
            seen_new.add(link.new_index)
    assert seen_old == set(range(len(comparison.old.paragraphs)))
    assert seen_new == set(range(len(comparison.new.paragraphs)))


def test_unchanged_text_is_written_once_not_three_times() -> None:
    comparison = demo()
    page = comparison.to_html()
    link = next(k for k in comparison.links if k.kind.value == "unchanged")
    assert link.old_index is not None
    text = comparison.old.paragraphs[link.old_index].text
    assert page.count(json.dumps(text, ensure_ascii=False)[1:-1][:80]) == 1


def test_payload_cannot_close_its_script_element() -> None:
    hostile = [
        "Generated: </script><script>alert(1)</script> and <!-- a comment",
        "Generated: line\u2028separator & <b>bold</b> ]]>",
    ]
    old = Declaration.from_paragraphs(["Generated: the member states agree."], title="gen")
    new = Declaration.from_paragraphs(hostile, title="gen")
    page = compare(old, new).to_html()
    raw = PAYLOAD.findall(page)[0]
    for unsafe in ("<", ">", "&", "\u2028"):
        assert unsafe not in raw
    texts = {sides(r[8])[1] for r in json.loads(raw)["rows"]}
    assert set(hostile) <= texts
    assert page.count("<script") == 2  # the payload and the page's own script


def test_policy_admits_the_page_script_by_its_hash_only() -> None:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in CSP
    assert "unsafe-inline" not in CSP.split("script-src")[1].split(";")[0]
    page = demo().to_html()
    assert f"<script>{SCRIPT}</script>" in page
    assert CSP in page


def test_sections_appear_in_the_briefing_order() -> None:
    comparison = demo()
    page = comparison.to_html()
    keys = [s.key for s in briefing_sections(comparison)]
    assert keys[0] == "summary"
    assert keys[-1] == "paragraphs"
    positions = [page.index(f"<section id='{k}'>") for k in keys]
    assert positions == sorted(positions)
    summary = briefing_sections(comparison)[0].sentences
    assert summary
    assert summary[0].startswith("124 paragraphs before, 121 after")


def _brute_markers(comparison: Comparison) -> list[tuple[int, int]]:
    rows = items(comparison)
    out = []
    for i in rows:
        if i.link.moved and i.link.old_index is not None:
            anchor = max(
                (
                    r.number
                    for r in rows
                    if not r.link.moved
                    and r.link.old_index is not None
                    and r.link.old_index < i.link.old_index
                ),
                default=0,
            )
            out.append((anchor, i.number))
    return out


def test_moved_markers_in_one_pass_match_the_definition() -> None:
    seed = load_seed()
    texts = [p.text for p in seed.paragraphs[:60]]
    for trial in range(5):
        rng = random.Random(trial)
        shuffled = list(texts)
        for _ in range(4):  # move a few paragraphs far away
            shuffled.insert(rng.randrange(len(shuffled)), shuffled.pop(rng.randrange(60)))
        old = Declaration.from_paragraphs(texts, title="generated")
        new = Declaration.from_paragraphs(shuffled, title="generated")
        comparison = compare(old, new)
        got = moved_markers(items(comparison), len(old.paragraphs))
        assert got == _brute_markers(comparison)
        if trial == 0:
            assert got  # the case does move paragraphs


def test_routine_changes_are_numbers_punctuation_and_case_only() -> None:
    old = Declaration.from_paragraphs(
        [
            "Recalling its resolution 78/66 of 4 December 2023 on the question,",
            "The member states welcome the well-known initiative of the secretariat.",
            "The member states welcome the talks on the question of the region.",
        ],
        title="generated",
    )
    new = Declaration.from_paragraphs(
        [
            "Recalling its resolution 79/77 of 2 December 2024 on the question,",
            "The member states welcome the well known Initiative of the secretariat.",
            "The member states note the talks on the question of the region.",
        ],
        title="generated",
    )
    routine = next(s for s in briefing_sections(compare(old, new)) if s.key == "routine")
    assert [i.number for i in routine.rows] == [1, 2]


def test_page_follows_the_briefing_and_shows_names_and_sentences_of_a_split() -> None:
    """The page's sections are the briefing's, in its order, with its rows; a split
    paragraph shows which of its sentences went where (generated texts)."""
    from declcompare.report.briefing import briefing

    old = Declaration.from_paragraphs(
        [
            "The member states welcome the Shanghai Spirit and its principles. They support "
            "the Tashkent Initiative on transport corridors across the region. They will "
            "strengthen cooperation on energy security in Central Asia.",
            "The member states note the work of the Council of Foreign Ministers.",
        ],
        title="generated",
    )
    new = Declaration.from_paragraphs(
        [
            "The member states welcome the Shanghai Spirit and its principles.",
            "They note the Tashkent Initiative on transport corridors across the region. They "
            "will strengthen cooperation on energy security in Central Asia.",
            "The member states note the work of the Council of Foreign Ministers.",
        ],
        title="generated",
    )
    comparison = compare(old, new)
    assert {link.kind.value for link in comparison.links} >= {"split"}
    keys = [s.key for s in briefing_sections(comparison)]
    note = [s.key for s in briefing(comparison) if s.key != "other"]
    assert [k for k in keys if k in note] == note  # the briefing's order
    page = comparison.to_html()
    positions = [page.index(f"<section id='{k}'>") for k in keys]
    assert positions == sorted(positions)
    sections = {s.key: s for s in briefing_sections(comparison)}
    shifts = [
        (p.old.predicate, p.new.predicate) for p in sections["shifts"].pairs if p.old and p.new
    ]
    assert ("support", "note") in shifts
    sentences = sections["sentences"].lines
    assert [(r.old_position, r.new_position) for r in sentences] == [
        ("¶1, sentence 1", "¶1, sentence 1"),
        ("¶1, sentence 2", "¶2, sentence 1"),
        ("¶1, sentence 3", "¶2, sentence 2"),
    ]
    assert sentences[1].before.startswith("They support the Tashkent Initiative")
    assert "Tashkent Initiative" in {r.about for r in sections["entities"].lines}
    assert "<section id='entities'>" in page
    assert "They support the Tashkent Initiative" in page
