"""The briefing of a real redrafted pair: summarised by section and topic, not listed.

The G7 summit communiqués of 2021 (Carbis Bay) and 2023 (Hiroshima) share almost no
wording: a note that listed every new and dropped commitment ran to hundreds of
kilobytes. Real texts from ../shared/corpus; skips without it.
"""

from __future__ import annotations

from declcompare import compare, load
from declcompare.report.briefing import briefing
from tests.helpers import need_corpus


def test_a_rewritten_real_statement_is_summarised_not_listed() -> None:
    folder = need_corpus() / "multilateral-statements" / "g7-summit-communique"
    comparison = compare(
        load(folder / "2021-06-13_carbis-bay.txt"), load(folder / "2023-05-20_hiroshima.txt")
    )
    sections = {s.key: s for s in briefing(comparison)}
    assert any("Most of the text was rewritten" in s for s in sections["summary"].sentences)
    other = sections["other"]
    assert other.rows
    assert {r.kind for r in other.rows} <= {"section", "topic"}
    # Long lists are cut to the briefing's limit and say how many more there are.
    assert len(sections["commitments"].rows) <= 25 < sections["commitments"].more
    markdown = comparison.to_markdown()
    assert len(markdown.encode()) < 200_000
    assert "Most of the text was rewritten" in markdown


def test_lowercase_namesakes_match_the_per_key_search_on_real_texts() -> None:
    """The one-pass search for names also written in lower case gives, on real texts,
    exactly what one regular-expression search per name gives."""
    import re

    from declcompare.compare import entities

    folder = need_corpus() / "multilateral-statements" / "g7-summit-communique"
    old = load(folder / "2021-06-13_carbis-bay.txt")
    new = load(folder / "2023-05-20_hiroshima.txt")
    lower = entities._lower_words(old, new)
    seen: dict[str, list[tuple[str, str, str]]] = {}
    keys = sorted({key for d in (old, new) for _, key, _, _ in entities._mentions(d, lower, seen)})
    plain = "\n".join(p.text for d in (old, new) for p in d.paragraphs)
    searched = [k for k in keys if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", plain)]
    assert len(keys) > 500
    assert searched  # some names are also common nouns here ("summit", "g7 leaders" ...)
    assert entities.lowercase_in(keys, plain) == searched
