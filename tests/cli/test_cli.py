"""The command line: every command, every exit status, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from declcompare import __version__
from declcompare.cli import main
from tests.helpers import SEED


def test_show_prints_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Security" in out
    assert "International contacts" in out
    assert "Shavkat Mirziyoyev" in out
    assert "(rejoined)" in out


def test_demo_prints_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
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


def test_debug_reraises(tmp_path: Path) -> None:
    from declcompare.errors import SourceNotFoundError

    with pytest.raises(SourceNotFoundError):
        main(["--debug", "show", str(tmp_path / "missing.txt")])


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"declcompare {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["show", "--help"], ["demo", "--help"]])
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
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--seed", "11"]) == 0
    out = capsys.readouterr().out
    assert "GENERATED revision" in out
    assert "not a real declaration" in out
    assert "Links recovered:" in out


def test_compare_identical_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED), str(SEED)]) == 0
    assert "Paragraphs by change" in capsys.readouterr().out


def test_compare_different_exits_1_and_writes_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text("utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("welcome the efforts", "take note of the efforts"), "utf-8")
    out_csv = tmp_path / "out.csv"
    assert main(["compare", str(SEED), str(changed), "--csv", str(out_csv)]) == 1
    assert "reworded" in capsys.readouterr().out
    assert out_csv.read_text("utf-8").startswith("kind,moved,")
    assert main(["compare", str(SEED), str(changed), "--csv", str(out_csv)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err
    assert "--force" in err
    assert main(["compare", str(SEED), str(changed), "--csv", str(out_csv), "--force"]) == 1


def test_compare_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED), str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
