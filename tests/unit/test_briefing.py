"""The briefing: its one order, routine edits, names and 'what happened to X', labels."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from declcompare import Declaration, compare, load, load_seed
from declcompare.errors import InputError, MissingDependencyError
from declcompare.report.briefing import SECTIONS, BriefingOptions, briefing
from declcompare.report.content import describe, items, position
from declcompare.text.routine import routine_reason
from tests.helpers import CORPUS, need_corpus

OLD = [
    "Recalling its resolution 78/66 of 4 December 2023,",
    "We will champion the Lusaka Initiative on water security.",
    "We support the co-operation with Afghanistan on trade.",
    "We welcome the report of the Secretary-General.",
    "The ministers agree to meet again in Tashkent.",
]
NEW = [
    "Recalling its resolution 79/77 of 2 December 2024,",
    "We note the Lusaka Initiative on water security.",
    "We support the cooperation with Afghanistan on trade.",
    "We welcome the report of the Secretary-General and its recommendations on finance.",
    "We launch the Samarkand Partnership for clean energy.",
]


def pair() -> tuple[Declaration, Declaration]:
    old = Declaration.from_paragraphs(OLD, title="Generated test text A")
    new = Declaration.from_paragraphs(NEW, title="Generated test text B")
    return old, new


# --- routine edits -------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Recalling its resolution 78/66,", "Recalling its resolution 79/77,", "session"),
        ("at its seventy-eighth session,", "at its seventy-ninth session,", "session"),
        ("document A/78/123 of 2023", "document A/79/456 of 2024", "session"),
        ("the Secretary-General,11 including", "the Secretary-General,10 including", "session"),
        ("co-operation and organisation", "cooperation and organization", "spelling"),
        ("The Member States agree", "the member states agree", "spelling"),
        ("cut emissions by 10 per cent", "cut emissions by 20 per cent", None),
        ("We support the plan.", "We note the plan.", None),
        ("adopted 3 resolutions", "adopted 5 resolutions", None),
    ],
)
def test_routine_reason(old: str, new: str, expected: str | None) -> None:
    reason = routine_reason(old, new)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None
        assert reason.startswith(expected)


@given(st.integers(1, 99), st.integers(1, 99), st.integers(2000, 2040))
def test_a_renumbered_resolution_is_routine(a: int, b: int, year: int) -> None:
    old = f"Recalling its resolution {a}/{b} of 1 March {year},"
    new = f"Recalling its resolution {a + 1}/{b + 3} of 2 April {year + 1},"
    assert routine_reason(old, new) is not None


@given(st.sampled_from(["support", "welcome", "note", "condemn"]), st.text("abc ", max_size=20))
def test_another_verb_is_never_routine(verb: str, tail: str) -> None:
    assert routine_reason(f"We endorse the plan {tail}", f"We {verb} the plan {tail}") is None


# --- the one order ---------------------------------------------------------------


def test_sections_follow_the_one_order_and_account_for_every_row() -> None:
    old, new = pair()
    comparison = compare(old, new)
    sections = briefing(comparison)
    assert [s.key for s in sections] == [key for key, _ in SECTIONS]
    summary = " ".join(sections[0].sentences)
    assert "2 routine edits" in summary
    assert "“will champion” → “note”" in summary  # the words of the texts
    routine = sections[5].rows
    assert [r.old_position for r in routine] == ["¶1", "¶3"]
    # every link is in exactly one of reworded, routine and other
    numbers = [r.item.number for s in sections[4:] for r in s.rows if r.item is not None]
    assert sorted(numbers) == [i.number for i in items(comparison)]
    shifts = sections[1].rows
    assert shifts[0].before == "will champion"
    assert shifts[0].after == "note"
    assert "Lusaka Initiative" in shifts[0].about


def test_routine_edits_are_not_counted_as_rewordings() -> None:
    comparison = compare(*pair())
    counts = briefing(comparison)[0].counts
    assert counts["routine edits"] == 2
    kinds = [i.link.kind.value for i in items(comparison)]
    assert counts["substantive rewordings"] == kinds.count("reworded") - 2


def test_options_rank_and_trim() -> None:
    comparison = compare(load_seed(), load_seed().model_copy(update={"sections": ()}))
    with pytest.raises(ValueError, match="max_rows"):
        BriefingOptions(max_rows=0)
    trimmed = briefing(comparison, BriefingOptions(max_rows=2))
    assert all(len(s.rows) <= 2 for s in trimmed if s.key != "other")
    heavy = {i.link.old_index: i.meaning_change for i in items(comparison, BriefingOptions())}
    light = items(comparison, BriefingOptions(shift_weight=0.0, change_weight=0.0))
    assert any(heavy[i.link.old_index] > i.meaning_change for i in light)


def test_a_rewritten_text_is_summarised_by_section() -> None:
    old = Declaration.from_paragraphs([f"We note item {k} of the agenda." for k in range(12)])
    new = Declaration.from_paragraphs(
        [f"Leaders launched a fund for port {k} and coastal shipping." for k in range(12)]
    )
    sections = briefing(compare(old, new))
    assert any("Most of the text was rewritten" in s for s in sections[0].sentences)
    assert sections[-1].rows[0].kind == "section"
    md = compare(old, new).to_markdown()
    assert "Changes by section" in md
    assert "every paragraph of both texts is in the JSON and Excel reports" in md


def test_markdown_json_and_excel_share_the_order(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    comparison = compare(*pair())
    md = comparison.to_markdown()
    titles = [s.title for s in briefing(comparison)]
    starts = [md.index(f"\n## {t}\n") for t in titles]
    assert starts == sorted(starts)
    data = json.loads(comparison.to_json())
    assert [s["key"] for s in data["sections"]] == [k for k, _ in SECTIONS]
    sheets = load_workbook(comparison.to_excel(tmp_path / "b.xlsx")).sheetnames
    assert sheets[:6] == ["Summary", "Shifts", "New and dropped", "Names", "Reworded", "Routine"]


def test_briefing_text_is_escaped_in_markdown() -> None:
    old = Declaration.from_paragraphs(["We support the <script>x</script> | *plan*."])
    new = Declaration.from_paragraphs(["We note the <script>x</script> | *plan*."])
    md = compare(old, new).to_markdown()
    assert "<script>" not in md
    assert "\\<script\\>" in md


# --- names and "what happened to X" ----------------------------------------------------


def test_entities_frame_says_where_and_how_treatment_changed() -> None:
    comparison = compare(*pair())
    frame = comparison.entities()
    by_name = {str(e): k for k, e in enumerate(frame["entity"])}
    lusaka = frame.iloc[by_name["Lusaka Initiative"]]
    assert lusaka["old_paragraphs"] == (1,)
    assert lusaka["new_paragraphs"] == (1,)
    assert "weakened" in lusaka["commitment_changes"]
    assert bool(lusaka["treatment_changed"])
    assert frame.iloc[by_name["Tashkent"]]["status"] == "dropped"
    assert frame.iloc[by_name["Samarkand Partnership"]]["status"] == "new"
    assert "We" not in by_name  # a capital that only opens a sentence is no name


def test_the_issuing_organisation_is_listed_last_and_left_out_of_the_summary() -> None:
    sco = "Shanghai Cooperation Organisation"
    old = Declaration.from_paragraphs(
        ["The member states welcome the work of the SCO and the SCO Energy Club. "
         "They welcome the Lusaka Initiative."],
        title="Generated test text A", organisation=sco,
    )  # fmt: skip
    new = Declaration.from_paragraphs(
        ["The member states note the work of the SCO and the SCO Energy Club. "
         "They note the Lusaka Initiative."],
        title="Generated test text B", organisation=sco,
    )  # fmt: skip
    sections = {s.key: s for s in briefing(compare(old, new))}
    names = [r.about for r in sections["entities"].rows]
    assert names[-1] == "SCO"  # the frame of every sentence, after the names proper
    assert set(names[:-1]) == {"SCO Energy Club", "Lusaka Initiative"}
    summary = " ".join(sections["summary"].sentences)
    assert "Commitments shifted on" in summary
    assert "SCO (" not in summary


def test_about_finds_every_row_that_mentions_a_name() -> None:
    comparison = compare(*pair())
    rows = comparison.about("afghanistan")
    assert list(rows["old_index"]) == [2]
    assert comparison.about("Nowhere Land").empty
    lusaka = comparison.about("Lusaka  Initiative")
    assert "weakened: will champion → note" in str(lusaka["commitments"].iloc[0])
    with pytest.raises(InputError, match="empty"):
        comparison.about("  ")


def test_about_on_a_real_sco_pair() -> None:
    need_corpus()
    folder = CORPUS / "sco-and-peers" / "sco-heads-of-state-declaration"
    comparison = compare(load(folder / "2022-09-16_samarkand.txt"),
                         load(folder / "2023-07-04_new-delhi.txt"))  # fmt: skip
    rows = comparison.about("Afghanistan")
    assert len(rows) >= 4
    assert rows["old_text"].str.contains("Afghanistan").any()
    names = comparison.entities()
    assert "Afghanistan" in set(names["entity"])


# --- labels, dates and places as printed ---------------------------------------------


def test_file_name_gives_date_and_place_when_the_text_does_not(tmp_path: Path) -> None:
    path = tmp_path / "2023-05-20_new-delhi.txt"
    path.write_text("We agree on trade.\n\nWe support the plan.\n", "utf-8")
    d = load(path)
    assert d.date == dt.date(2023, 5, 20)
    assert d.place == "New Delhi"
    assert d.metadata["date_from"] == "file name"
    assert d.label == "2023-05-20 New Delhi"
    assert describe(d) == "2023-05-20 New Delhi [2023-05-20_new-delhi.txt]"
    stated = tmp_path / "2023-05-20_hiroshima.txt"
    stated.write_text("Tokyo, 1 June 2022\n\nWe agree on trade.\n", "utf-8")
    assert load(stated).date == dt.date(2022, 6, 1)  # the text wins
    virtual = tmp_path / "2021-11-25_nur-sultan-virtual.txt"
    virtual.write_text("We agree on trade.\n", "utf-8")
    assert load(virtual).place == "Nur Sultan (virtual)"


def test_un_resolution_labels_pp_and_op(tmp_path: Path) -> None:
    path = tmp_path / "2024-12-02_A-RES-79-77.txt"
    path.write_text(
        "The General Assembly,\n\nRecalling its resolution 78/66,\n\n1. Decides to act;\n\n"
        "(a) First;\n\n2. Requests a report.\n",
        "utf-8",
    )
    d = load(path)
    assert d.metadata["symbol"] == "A/RES/79/77"
    assert d.label == "2024-12-02 A/RES/79/77"
    labels = [position(d, k) for k in range(len(d.paragraphs))]
    assert labels == ["¶1 (PP1)", "¶2 (PP2)", "¶3 (OP1)", "¶4 (OP1 (a))", "¶5 (OP2)"]


# --- the base install -------------------------------------------------------------


def test_timeline_html_needs_no_matplotlib(tmp_path: Path) -> None:
    """`timeline -o x.html` on an install without matplotlib (it is blocked here)."""
    seed = Path(load_seed().source.path or "")
    files = []
    for k, year in enumerate((2020, 2021)):
        f = tmp_path / f"{year}-11-10_moscow.txt"
        text = seed.read_text("utf-8")
        f.write_text(text if k == 0 else text.replace("emphasise", "note"), "utf-8")
        files.append(str(f))
    out = tmp_path / "timeline.html"
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from declcompare.cli import main\n"
        f"sys.exit(main(['timeline', *{files!r}, '-o', {str(out)!r}, '--no-progress']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert page.count("<svg role='img'") == 2
    assert "2020-11-10 videoconference" in page  # date and place as the text states them


def test_a_missing_reader_is_reported_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from declcompare.ingest import readers

    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    page = tmp_path / "b.html"
    page.write_text("<!DOCTYPE html><p>We agree.</p>", "utf-8")
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(MissingDependencyError) as caught:
        readers.check_readers([tmp_path / "plain.txt", pdf, page])
    message = str(caught.value)
    assert "reading PDF and reading HTML" in message
    assert "declcompare[pdf,html]" in message


def test_help_lists_the_formats_the_readers_accept() -> None:
    from declcompare.cli import build_parser

    parser = build_parser()
    subparsers = parser._subparsers
    assert subparsers is not None
    actions = subparsers._group_actions[0].choices
    assert isinstance(actions, dict)
    for command in ("show", "compare", "timeline"):
        text = " ".join(actions[command].format_help().split())
        for word in ("plain text", "HTML", "PDF", "Word .docx", "declcompare[html]"):
            assert word in text, (command, word)


def test_cli_names_texts_by_file_name_and_answers_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from declcompare.cli import main

    old, new = tmp_path / "2023-05-20_hiroshima.txt", tmp_path / "2024-09-21_wilmington.txt"
    # generated test texts, not real ones; without the dated first paragraph, whose date
    # would win over the file name's
    old.write_text("\n\n".join(OLD[1:]) + "\n", "utf-8")
    new.write_text("\n\n".join(NEW[1:]) + "\n", "utf-8")
    assert main(["compare", str(old), str(new), "--about", "Lusaka", "--no-progress"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "2023-05-20 Hiroshima" in out
    assert "2024-09-21 Wilmington" in out
    assert "sha256-" not in out
    order = [out.index(t) for t in ("Summary", "Commitments that changed", "Paragraphs by")]
    assert order == sorted(order)
    assert "What happened to “Lusaka”" in out
    assert "weakened:" in out
    assert "champion" in out
    assert main(["show", str(old)]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "2023-05-20 (from the file name)" in shown
    assert "Hiroshima (from the file name)" in shown


def test_a_missing_writer_is_reported_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    from declcompare import parse
    from declcompare.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(
        "importlib.util.find_spec", lambda name, *a: None if name == "docx" else real(name, *a)
    )

    def no_work(*_: object, **__: object) -> None:
        raise AssertionError("a text was read before the missing writer was reported")

    monkeypatch.setattr(parse, "load", no_work)
    old = tmp_path / "old.txt"
    old.write_text("The member states agree.\n", "utf-8")
    status = main(["compare", str(old), str(old), "-o", str(tmp_path / "x.docx")])
    assert status == 2
    error = capsys.readouterr().err
    assert "writing a Word report needs the optional package 'python-docx'" in error
    assert "declcompare[docx]" in error
    assert not (tmp_path / "x.docx").exists()
