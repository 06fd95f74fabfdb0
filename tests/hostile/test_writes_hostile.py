"""Report writes are atomic, private and never follow or touch a file that is not theirs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from declcompare import OutputError, OutputExistsError
from declcompare.report._common import write_bytes


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
