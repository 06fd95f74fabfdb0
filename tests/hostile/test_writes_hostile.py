"""Report writes: atomic, private, never following or touching a file that is not theirs;
CSV cells with carriage returns and other control characters round-trip and stay inert."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from declcompare import Declaration, OutputError, OutputExistsError, compare
from declcompare.report import to_csv
from declcompare.report.content import write_bytes
from declcompare.report.csv import frame_to_csv


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_partial_symlink_is_neither_followed_nor_replaced(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    trap = tmp_path / ".report.md.partial"
    trap.symlink_to(victim)
    written = write_bytes(b"# report\n", tmp_path / "report.md")
    assert written.read_bytes() == b"# report\n"
    assert not written.is_symlink()
    assert victim.read_bytes() == b"precious"
    assert trap.is_symlink()
    assert trap.readlink() == victim


def test_a_users_own_partial_file_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / ".report.md.partial"
    mine.write_bytes(b"my notes")
    write_bytes(b"# report\n", tmp_path / "report.md")
    assert mine.read_bytes() == b"my notes"
    assert temporaries(tmp_path) == [".report.md.partial"]


def test_a_symlink_at_the_target_counts_as_existing(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / "report.md"
    link.symlink_to(victim)
    with pytest.raises(OutputExistsError, match="pass --force"):
        write_bytes(b"# report\n", link)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputExistsError):
        write_bytes(b"# report\n", dangling)
    assert dangling.is_symlink()
    assert not (tmp_path / "nowhere").exists()
    # --force replaces the link itself; the file it pointed to is not written through.
    write_bytes(b"# report\n", link, force=True)
    assert not link.is_symlink()
    assert link.read_bytes() == b"# report\n"
    assert victim.read_bytes() == b"precious"
    assert temporaries(tmp_path) == []


def test_overwrite_needs_force_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        write_bytes(b"new", target)
    assert target.read_bytes() == b"old"
    write_bytes(b"new", target, force=True)
    assert target.read_bytes() == b"new"
    assert temporaries(tmp_path) == []


def test_the_report_gets_the_users_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        written = write_bytes(b"x", tmp_path / "report.md")
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match=r"cannot write .*report\.md"):
            write_bytes(b"x", folder / "report.md")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


# CSV

KINDS = {"unchanged", "reworded", "added", "dropped", "split", "merged"}


def test_a_bare_carriage_return_round_trips_and_cannot_start_a_row() -> None:
    old = Declaration.from_paragraphs(["We agree.\r=1+1 is not a formula.", "Plain text."])
    new = Declaration.from_paragraphs(["We agree.\r=1+1 is not a formula!", "Plain text."])
    text = to_csv(compare(old, new))
    assert '"We agree.\r=1+1 is not a formula."' in text
    rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
    assert {r["old_text"] for r in rows} >= {"We agree.\r=1+1 is not a formula."}
    # Universal newlines turn the CR into a line break inside the quoted cell, not a row.
    universal = list(csv.reader(io.StringIO(text, newline=None), strict=True))
    assert len(universal) == len(rows) + 1
    assert all(row[0] in KINDS for row in universal[1:])


def test_every_control_character_is_quoted() -> None:
    cells = [f"a{chr(c)}b" for c in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029] if chr(c) != ","]
    text = frame_to_csv(pd.DataFrame({"text": cells, "n": range(len(cells))}))
    lines = text.split("\n")
    assert lines[0] == "text,n"
    for cell in cells:
        if cell != "a\nb":  # a line feed splits the physical line; it is quoted all the same
            assert f'"{cell}",' in text, repr(cell)
    assert [r["text"] for r in csv.DictReader(io.StringIO(text, newline=""))] == cells


def test_ordinary_cells_are_written_as_pandas_writes_them() -> None:
    frame = pd.DataFrame(
        {"a": ["x", 'say "hi"', "one, two", "line\nbreak", None], "b": [1.5, 2.0, None, 4, 5]}
    )
    assert frame_to_csv(frame) == frame.to_csv(index=False, lineterminator="\n")
    assert frame_to_csv(pd.DataFrame({"only": ["", "x"]})) == 'only\n""\nx\n'


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"])), min_size=1))
def test_any_text_round_trips_through_the_csv_module(cells: list[str]) -> None:
    frame = pd.DataFrame({"text": cells, "k": range(len(cells))})
    text = frame_to_csv(frame)
    back = [r["text"] for r in csv.DictReader(io.StringIO(text, newline=""), strict=True)]
    expected = [("'" + c) if c.startswith(("=", "+", "-", "@", "\t", "\r")) else c for c in cells]
    assert back == expected


def test_plain_str_columns_are_neutralised_too() -> None:
    # pandas 3 gives text columns the dtype "str"; the batch frame's doc ids are such a column.
    frame = pd.DataFrame({"old_doc": ["=cmd|' /C calc'!A0"], "pair": [0]})
    assert frame_to_csv(frame) == "old_doc,pair\n'=cmd|' /C calc'!A0,0\n"


# Excel


def test_excel_shows_illegal_control_characters_and_says_so() -> None:
    from openpyxl import load_workbook

    from declcompare.report.excel import to_excel_bytes

    old = Declaration.from_paragraphs(["We agree\x0bon trade.", "Plain text stays."])
    new = Declaration.from_paragraphs(["We agree\x0bon trade\x01 and water.", "Plain text stays."])
    workbook = load_workbook(io.BytesIO(to_excel_bytes(compare(old, new))))
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    note = str(summary["Note"])
    assert "U+0001 as ␁" in note
    assert "U+000B as ␋" in note
    assert "JSON report keeps the exact text" in note
    texts = [str(v) for row in workbook["Paragraphs"].iter_rows(values_only=True) for v in row]
    assert "We agree␋on trade." in texts
    assert "We agree␋on trade␁ and water." in texts
    assert not any("\x0b" in t or "\x01" in t for t in texts)


def test_excel_without_control_characters_has_no_note() -> None:
    from openpyxl import load_workbook

    from declcompare.report.excel import to_excel_bytes

    old = Declaration.from_paragraphs(["We agree\ton trade.\r\nIndeed."])
    new = Declaration.from_paragraphs(["We agree\ton trade.\r\nIndeed!"])
    workbook = load_workbook(io.BytesIO(to_excel_bytes(compare(old, new))))
    assert "Note" not in [row[0] for row in workbook["Summary"].iter_rows(values_only=True)]
