"""Commitments of the real UN General Assembly resolutions in ../shared/corpus.

Every preambular paragraph ("Recalling ...", "Deeply concerned ...") and every
operative paragraph ("1. Decides ...") is a commitment of the General Assembly,
whose lemma is the verb that opens it. The paragraphs are picked by their shape,
not by the extractor: an unnumbered paragraph before the first operative one whose
opening word (after "Also", "Further", "Deeply" ...) is a participle, or a paragraph
numbered "N." whose opening word is a third-person verb; the rest of a paragraph
that a page break cut off (the paragraph before it ends mid-sentence) is not one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from declcompare import Commitment, Declaration, load
from declcompare.commitments import declaration_commitments
from tests.helpers import FULL_SWEEP, UNGA, corpus_files, need_corpus, sweep

GA = "the General Assembly"
_ADVERBS = {
    "also", "further", "deeply", "strongly", "gravely", "seriously", "firmly", "once",
    "again", "fully", "urgently", "ever", "having", "remaining", "still", "highly",
}  # fmt: skip
_ADJECTIVES = {"mindful", "aware", "conscious", "cognizant", "desirous", "concerned"}
_NUMBERED = re.compile(r"\d{1,3}\.")


def _opening_word(body: str) -> str | None:
    words = re.findall(r"[A-Za-z][\w-]*", body[:80])
    for word in words:
        if word.lower() not in _ADVERBS:
            return str(word)
    return None


def resolution_files() -> list[Path]:
    return list(corpus_files("unga-resolutions-78-80/*/*.txt"))


@cache
def parsed(path: Path) -> Declaration:
    return load(path)


@cache
def extracted(path: Path) -> tuple[Commitment, ...]:
    return declaration_commitments(parsed(path))


def formula_paragraphs(d: Declaration) -> list[tuple[int, str]]:
    """(index, opening verb) of the preambular and operative paragraphs."""
    ps = d.paragraphs
    first_op = next((p.index for p in ps if p.number and _NUMBERED.fullmatch(p.number)), len(ps))
    out: list[tuple[int, str]] = []
    for p in ps[1:]:
        word = _opening_word(p.body)
        if word is None or not p.body[:1].isupper():
            continue
        if ps[p.index - 1].text.rstrip()[-1:] not in (",", ";", ":", "."):
            continue  # the rest of a paragraph cut by a page break, not a paragraph
        low = word.lower()
        if p.number is None and p.index < first_op and p.text.rstrip().endswith(","):
            if low.endswith(("ing", "ed")) or low in _ADJECTIVES:
                out.append((p.index, word))
        elif p.number and _NUMBERED.fullmatch(p.number) and low.endswith("s"):
            out.append((p.index, word))
    return out


def test_corpus_has_resolutions() -> None:
    need_corpus()
    assert len(resolution_files()) > 500


def test_every_formula_paragraph_is_a_general_assembly_commitment() -> None:
    need_corpus()
    checked = 0
    failures: list[str] = []
    files = resolution_files()
    for path in sweep(files, 60):  # every resolution under `nox -s slow`
        d = parsed(path)
        if d.organisation != "United Nations General Assembly":
            continue
        first: dict[int, Commitment] = {}
        for commitment in extracted(path):
            first.setdefault(commitment.paragraph_index, commitment)
        for index, word in formula_paragraphs(d):
            checked += 1
            p = d.paragraphs[index]
            c = first.get(index)
            body_at = len(p.text) - len(p.body)
            ok = (
                c is not None
                and c.actor == GA
                and c.subject is None
                and c.text_start == body_at
                and word.lower() in c.predicate.lower()
            )
            if not ok:
                failures.append(f"{path.name} p{index}: {p.text[:70]!r} -> {c!r:.120}")
    assert checked > (20_000 if FULL_SWEEP else 20_000 * 60 // len(files) // 2)
    assert failures == [], f"{len(failures)} of {checked}:\n" + "\n".join(failures[:20])


# The opening verb of a sample of real paragraphs and the lemma it must give.
LEMMAS = {
    "Recalling": "recall",
    "Reaffirming": "reaffirm",
    "Noting": "note",
    "Taking note": "take note",
    "Welcoming": "welcome",
    "Recognizing": "recognise",
    "Emphasizing": "emphasise",
    "Stressing": "emphasise",
    "Expressing concern": "express concern",
    "Deeply concerned": "express concern",
    "Convinced": "believe",
    "Bearing in mind": "recognise",
    "Decides": "decide",
    "Requests": "request",
    "Calls upon": "call",
    "Urges": "urge",
    "Encourages": "encourage",
    "Invites": "invite",
    "Welcomes": "welcome",
    "Takes note": "take note",
    "Condemns": "condemn",
    "Strongly condemns": "condemn",
    "Reiterates": "reaffirm",
    "Commends": "commend",
    "Expresses its appreciation": "commend",
    "Notes with appreciation": "commend",
    "Supports": "support",
    "Demands": "demand",
}


@cache
def opening_lemmas() -> dict[str, Counter[str]]:
    """For each opening of LEMMAS, the lemmas of the paragraphs it opens (one pass)."""
    seen: dict[str, Counter[str]] = {opening: Counter() for opening in LEMMAS}
    # "Reaffirming its support for" is a commitment of support, not a reaffirmation.
    nominal = r"(?! with| also with| (?:also )?(?:its|their) (?:\w+ )?(?:support|conviction))"
    patterns = {o: re.compile(rf"{re.escape(o)}\b{nominal}") for o in LEMMAS}
    for path in sweep(resolution_files(), 60):  # the same sample as above
        d = parsed(path)
        firsts: dict[int, str] = {}
        for c in extracted(path):
            firsts.setdefault(c.paragraph_index, c.lemma)
        for index, _word in formula_paragraphs(d):
            body = d.paragraphs[index].body
            for opening, pattern in patterns.items():
                if pattern.match(body) and index in firsts:
                    seen[opening][firsts[index]] += 1
    return seen


@pytest.mark.parametrize("opening", sorted(LEMMAS))
def test_opening_formula_gives_the_right_lemma(opening: str) -> None:
    need_corpus()
    seen = opening_lemmas()[opening]
    assert seen, f"no paragraph opens with {opening!r}"
    assert set(seen) == {LEMMAS[opening]}, seen


def test_unga_folder_present_when_corpus_is() -> None:
    need_corpus()
    assert UNGA.is_dir()


@pytest.mark.parametrize(
    ("opening", "actor", "lemma"),
    [
        ("The heads of the Member States took note", "the member states", "take note"),
        ("The intention was reaffirmed", "the member states", "reaffirm"),
        ("In the context of an exchange of views", "the member states", "emphasise"),
        ("The participants supported", "the participants", "support"),
    ],
)
def test_the_voices_of_a_real_sco_summit_report(opening: str, actor: str, lemma: str) -> None:
    """The Qingdao 2018 press release speaks of "the heads of the Member States", "the
    participants" and in impersonal passives ("The intention was reaffirmed to ...")."""
    path = need_corpus() / "sco-and-peers/sco-heads-of-state-summit-report/2018-06-10_qingdao.txt"
    d = parsed(path)
    paragraph = next(p for p in d.paragraphs if p.text.startswith(opening))
    found = [c for c in extracted(path) if c.paragraph_index == paragraph.index]
    assert found, paragraph.text[:80]
    assert (found[0].actor, found[0].lemma) == (actor, lemma)
