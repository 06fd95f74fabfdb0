"""The command line under hostile input: exit 2 for every error (also with --debug),
1 only for "changed", 0 unchanged; escape sequences neutralised; limits and --strict."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from declcompare.cli import main
from declcompare.cli.common import neutralise
from tests.helpers import SEED

ESC = "\x1b"


def _manifest(tmp_path: Path, text: str) -> str:
    path = tmp_path / "manifest.toml"
    path.write_text(text, "utf-8")
    return str(path)


def _error_argv(tmp_path: Path) -> dict[str, list[str]]:
    """One failing invocation of every command."""
    missing = str(tmp_path / "missing.txt")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", "utf-8")
    return {
        "show": ["show", missing],
        "compare": ["compare", str(SEED), missing],
        "timeline": ["timeline", str(SEED), missing],
        "batch": ["batch", _manifest(tmp_path, "pair = 3\n")],
        "fetch": ["fetch", "sco", "--manifest", str(tmp_path / "missing.toml")],
        "demo": ["demo", "--output-dir", str(busy), "--no-progress"],
    }


@pytest.mark.parametrize("command", ["show", "compare", "timeline", "batch", "fetch", "demo"])
@pytest.mark.parametrize("debug", [False, True])
def test_every_command_exits_2_on_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, debug: bool
) -> None:
    argv = _error_argv(tmp_path)[command]
    assert main((["--debug"] if debug else []) + argv) == 2
    err = capsys.readouterr().err
    assert err.rstrip().splitlines()[-1].startswith("declcompare: error: ")
    assert ("Traceback" in err) is debug


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_fault_exits_2_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], debug: bool
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated fault")

    monkeypatch.setattr("declcompare.parse.load", broken)
    assert main((["--debug"] if debug else []) + ["compare", str(SEED), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: simulated fault" in err
    assert "--debug" in err
    assert ("Traceback" in err) is debug


def test_debug_exit_status_of_the_real_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "declcompare.cli", "--debug", "show", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" in done.stderr


def test_exit_statuses_same_changed_error(tmp_path: Path) -> None:
    changed = tmp_path / "changed-generated.txt"
    changed.write_text(SEED.read_text("utf-8").replace("welcome", "note"), "utf-8")
    assert main(["compare", str(SEED), str(SEED)]) == 0
    assert main(["compare", str(SEED), str(changed)]) == 1
    assert main(["compare", str(SEED), str(tmp_path / "none.txt")]) == 2
    assert main(["compare", "--no-such-option", str(SEED), str(SEED)]) == 2


# --- terminal escape sequences -------------------------------------------------------

_HOSTILE = (
    f"Trade {ESC}]0;window title{chr(7)}\n\n"
    f"The states agree {ESC}[2J{ESC}[H on [bold]trade[/bold] and "
    f"{ESC}]8;;https://evil.example{ESC}\\a link{ESC}]8;;{ESC}\\ :smile: "
    "\u202eenilno\u202c \x9b31m.\n"
)


def _hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile-generated.txt"
    path.write_text(_HOSTILE, "utf-8")
    return path


def test_neutralise_keeps_length_and_shows_every_control() -> None:
    text = f"a{ESC}[31mb\x00\x7f\x9b\u202e\tc\n"
    shown = neutralise(text)
    assert len(shown) == len(text)
    assert shown == "a\u241b[31mb\u2400\u2421\ufffd\ufffd\tc\n"
    assert neutralise("Déclaration — 宣言") == "Déclaration — 宣言"


def _assert_inert(out: str) -> None:
    assert ESC not in out
    assert "\x9b" not in out
    assert "\u202e" not in out
    assert "\u241b[2J" in out  # shown, not obeyed


def test_show_neutralises_escape_sequences_and_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(_hostile_file(tmp_path)), "--full"]) == 0
    out = capsys.readouterr().out
    _assert_inert(out)
    assert "[bold]trade[/bold]" in out  # rich markup in a text is printed, not applied
    assert ":smile:" in out  # and emoji codes are kept as written


def test_compare_neutralises_escape_sequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _hostile_file(tmp_path)
    new = tmp_path / "hostile-2-generated.txt"
    new.write_text(_HOSTILE.replace("agree", "decide"), "utf-8")
    assert main(["compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    _assert_inert(out)
    assert "[bold]" in out


def test_escapes_are_neutralised_on_a_real_terminal(tmp_path: Path) -> None:
    # rich styles its own output on a terminal; the text's sequences must still be inert.
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "declcompare.cli", "show", str(_hostile_file(tmp_path))],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b[1m" in done.stdout or "\x1b[3m" in done.stdout  # rich's own styling
    assert f"{ESC}[2J" not in done.stdout
    assert f"{ESC}]" not in done.stdout
    assert "\u241b[2J" in done.stdout


def test_error_messages_are_neutralised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / f"x{ESC}[2J.txt")]) == 2
    err = capsys.readouterr().err
    assert ESC not in err
    assert "x\\x1b[2J.txt" in err


def test_a_file_name_with_markup_does_not_break_the_progress_line() -> None:
    from declcompare.cli.common import progress_line

    class Terminal:
        def __init__(self) -> None:
            self.written: list[str] = []

        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            self.written.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    with progress_line(Terminal(), True) as step:  # type: ignore[arg-type]
        step("Reading notes[/b].txt …")  # raised rich's MarkupError before


# --- --limit and --strict ------------------------------------------------------------


def test_limit_option_lowers_and_raises_a_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(SEED), "--limit", "max_bytes=100"]) == 2
    err = capsys.readouterr().err
    assert "InputLimits.max_bytes" in err
    assert "--limit max_bytes=" in err  # how to raise it, on the command line
    assert main(["show", str(SEED), "--limit", "max_bytes=100_000_000"]) == 0
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 1200 + "<p>We agree.</p></body></html>", "utf-8")
    assert main(["show", str(page)]) == 2
    assert "max_depth" in capsys.readouterr().err
    assert main(["show", str(page), "--limit", "max_depth=1500"]) == 0


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("max_nothing=3", "unknown limit 'max_nothing'"),
        ("max_bytes=lots", "not a number"),
        ("max_depth=5000", "less than 2048"),
        ("max_bytes=0", "greater than or equal to 1"),
    ],
)
def test_bad_limit_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    assert main(["show", str(SEED), "--limit", value]) == 2
    assert message in capsys.readouterr().err


def _mostly_rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules-generated.md"
    rules = "\n\n".join("* * *" for _ in range(80))
    path.write_text("The states agree on trade.\n\n" + rules + "\n", "utf-8")
    return path


def test_a_text_mostly_outside_paragraphs_warns_on_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _mostly_rules(tmp_path)
    assert main(["show", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("declcompare: warning: ")
    assert "left out of any comparison" in err
    assert main(["compare", str(path), str(path)]) == 0
    assert capsys.readouterr().err.count("declcompare: warning: ") == 2
    assert main(["show", str(SEED)]) == 0
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["show", "compare", "timeline"])
def test_strict_refuses_a_text_mostly_outside_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = str(_mostly_rules(tmp_path))
    argv = [command, path] if command == "show" else [command, path, str(SEED)]
    assert main([*argv, "--strict"]) == 2
    err = capsys.readouterr().err
    assert "strict checking is on" in err
    seed_only = [command, str(SEED)] if command == "show" else [command, str(SEED), str(SEED)]
    assert main([*seed_only, "--strict"]) != 2


def test_batch_takes_limit_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = _mostly_rules(tmp_path)
    manifest = _manifest(tmp_path, f'[[pair]]\nold = "{SEED}"\nnew = "{rules.name}"\n')
    assert main(["batch", manifest, "--no-progress", "--strict"]) == 2
    assert "strict checking is on" in capsys.readouterr().err
    assert main(["batch", manifest, "--no-progress", "--limit", "max_bytes=1000"]) == 2
    assert "InputLimits.max_bytes" in capsys.readouterr().err
    assert main(["batch", manifest, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.count("declcompare: warning: pair 1: ") == 1
    assert "left out of any comparison" in err


def test_compare_many_keeps_each_pairs_warnings(tmp_path: Path) -> None:
    from declcompare import compare, compare_many, load

    rules = _mostly_rules(tmp_path)
    frame = compare_many([(SEED, SEED), (SEED, rules)])
    by_pair = frame.drop_duplicates("pair").set_index("pair")["warnings"].to_dict()
    assert by_pair[0] == ""
    expected = compare(load(SEED), load(rules)).warnings
    assert expected
    assert by_pair[1] == " | ".join(expected)
    assert "left out of any comparison" in by_pair[1]
    assert (frame.loc[frame["pair"] == 1, "warnings"] == by_pair[1]).all()


def test_compare_many_passes_limits_and_strict(tmp_path: Path) -> None:
    from declcompare import InputLimitError, ParseError, compare_many
    from declcompare.limits import InputLimits

    rules = _mostly_rules(tmp_path)
    with pytest.raises(ParseError):
        compare_many([(SEED, rules)], strict=True)
    with pytest.raises(InputLimitError):
        compare_many([(SEED, rules)], limits=InputLimits(max_bytes=1000))
    collected = compare_many([(SEED, rules)], strict=True, errors="collect")
    assert collected["error"].str.contains("ParseError").all()
