"""The command line: every command, every exit status, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from declcompare.cli import main
from declcompare.version import __version__
from tests.helpers import SEED


def test_show_prints_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Security" in out
    assert "International contacts" in out
    assert "Shavkat Mirziyoyev" in out
    assert "(rejoined)" in out


def test_demo_prints_the_seed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "sco-2020-moscow" in out
    assert "2020-11-10" in out


def test_missing_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("declcompare: error: no such file")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"The\x00\x01garbage", "NUL byte"),
        (b"caf\xe9\n", "not valid UTF-8"),
        (b"\xff\xfe\x00\x00T\x00\x00\x00", "UTF-32"),
    ],
)
def test_bad_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    status = main(["show", str(path)])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_debug_shows_the_traceback_and_still_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--debug", "show", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "SourceNotFoundError" in err
    assert err.rstrip().splitlines()[-1].startswith("declcompare: error: no such file")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"declcompare {__version__}"


@pytest.mark.parametrize(
    "argv", [["--help"], ["show", "--help"], ["demo", "--help"], ["compare", "--help"]]
)
def test_help_has_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "usage: declcompare" in out
    if argv != ["--help"]:
        assert "examples:" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_console_script_runs_as_a_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "declcompare.cli", "show", "/no/such/file"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("declcompare: error:")


def test_demo_compares_with_a_labelled_generated_revision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--seed", "11"]) == 0
    out = capsys.readouterr().out
    assert "GENERATED revision" in out
    assert "not a real declaration" in out
    assert "Links recovered:" in out
    folder = tmp_path / "declcompare-demo"
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.md", "report.xlsx"]
    for name in ("report.html", "report.md", "report.xlsx"):
        assert str((folder / name).resolve()) in out
    assert "GENERATED TEXT" in (folder / "report.md").read_text("utf-8")
    assert "GENERATED TEXT" in (folder / "report.html").read_text("utf-8")
    # A second run never touches the first run's folder.
    assert main(["demo", "--seed", "11"]) == 0
    assert (tmp_path / "declcompare-demo-2" / "report.html").is_file()


def test_demo_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("mine", "utf-8")
    assert main(["demo", "--output-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not an empty folder" in err
    assert err.count("\n") == 1
    assert (tmp_path / "keep.txt").read_text("utf-8") == "mine"


def test_compare_identical_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED), str(SEED)]) == 0
    assert "Paragraphs by change" in capsys.readouterr().out


@pytest.fixture
def changed_seed(tmp_path: Path) -> Path:
    """The seed with one stance softened (generated edit of a real text)."""
    text = SEED.read_text("utf-8")
    changed = tmp_path / "changed-generated.txt"
    changed.write_text(text.replace("welcome the efforts", "take note of the efforts"), "utf-8")
    return changed


def test_compare_different_exits_1_and_shows_the_shift(
    changed_seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(SEED), str(changed_seed)]) == 1
    out = capsys.readouterr().out
    assert "reworded" in out
    assert "Commitments that changed strength or stance" in out
    assert "take note of" in out
    assert "weakened" in out


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("out.csv", b"kind,moved,"),
        ("out.md", b"# What changed:"),
        ("out.html", b"<!DOCTYPE html>"),
        ("out.json", b"{"),
        ("out.xlsx", b"PK"),
    ],
)
def test_compare_writes_each_format_and_never_overwrites(
    tmp_path: Path,
    changed_seed: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    start: bytes,
) -> None:
    out = tmp_path / name
    assert main(["compare", str(SEED), str(changed_seed), "--output", str(out)]) == 1
    assert f"Report written to {out}" in capsys.readouterr().out
    assert out.read_bytes().startswith(start)
    before = out.read_bytes()
    assert main(["compare", str(SEED), str(changed_seed), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err
    assert "--force" in err
    assert err.count("\n") == 1
    assert out.read_bytes() == before
    assert main(["compare", str(SEED), str(changed_seed), "-o", str(out), "--force"]) == 1
    assert not list(tmp_path.glob(".*.partial"))


def test_compare_format_to_standard_output(
    changed_seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(SEED), str(changed_seed), "--format", "md"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("# What changed:")
    assert "Paragraphs by change" in captured.err  # the summary moves out of the way
    assert "\x1b" not in captured.out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xlsx"], "cannot be written to the terminal"),
        (["--output", "report.odt"], "cannot tell the report format"),
        (["--output", "no/such/folder/r.md"], "does not exist"),
    ],
)
def test_compare_output_errors_are_one_line(
    tmp_path: Path,
    changed_seed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["compare", str(SEED), str(changed_seed), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("declcompare: error:")
    assert err.count("\n") == 1


def test_compare_output_to_a_folder_is_refused(
    tmp_path: Path, changed_seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["compare", str(SEED), str(changed_seed), "--output", str(tmp_path), "--format", "md"]
    assert main(argv) == 2
    assert "is a folder" in capsys.readouterr().err


def test_progress_only_on_a_terminal(changed_seed: Path) -> None:
    import io

    from declcompare.cli.common import progress_line

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped = io.StringIO()
    with progress_line(piped, True) as step:
        step("Comparing …")
    assert piped.getvalue() == ""
    terminal = Terminal()
    with progress_line(terminal, True) as step:
        step("Comparing …")
    assert terminal.getvalue() != ""
    quiet = Terminal()
    with progress_line(quiet, False) as step:
        step("Comparing …")
    assert quiet.getvalue() == ""


def test_compare_piped_has_no_progress_output(changed_seed: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "declcompare.cli", "compare", str(SEED), str(changed_seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert "Paragraphs by change" in result.stdout


def test_compare_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED), str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_timeline_summarises_and_writes_a_report(
    tmp_path: Path, changed_seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "timeline.html"
    assert main(["timeline", str(SEED), str(changed_seed), "--order", "given", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Paragraphs by change at each step" in printed
    assert "weakened somewhere: 2" in printed  # two paragraphs say "welcome the efforts"
    assert f"Report written to {out}" in printed
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert main(["timeline", str(SEED), str(changed_seed), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["timeline", str(SEED), str(changed_seed), "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Year on year: 2 texts")
    assert "Paragraphs by change at each step" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "xlsx"], "cannot be written to the terminal"),
        (["-o", "t.txt"], "cannot tell the report format"),
    ],
)
def test_timeline_errors(
    tmp_path: Path,
    changed_seed: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["timeline", str(SEED), str(changed_seed), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_timeline_needs_two_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(SEED)]) == 2
    assert "at least two" in capsys.readouterr().err


def test_batch_compares_the_pairs_of_a_manifest(
    tmp_path: Path, changed_seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "pairs.toml"
    manifest.write_text(
        f'[[pair]]\nold = "{SEED}"\nnew = "{changed_seed.name}"\n\n'
        f'[[pair]]\nold = "{SEED}"\nnew = "{SEED}"\n',
        "utf-8",
    )
    out = tmp_path / "all.csv"
    assert main(["batch", str(manifest), "--output", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "2 pairs" in printed
    assert "changed-generated.txt" in printed
    assert out.read_text("utf-8").startswith("pair,old_doc,new_doc,kind,")
    assert main(["batch", str(manifest), "--output", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing\n", "utf-8")
    assert main(["batch", str(empty)]) == 2
    assert "lists no [[pair]] tables" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "missing.toml")]) == 2
    assert "no such batch manifest" in capsys.readouterr().err
