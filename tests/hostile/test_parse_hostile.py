"""Front matter, block classification and limits= through load() and parse_bytes()."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from declcompare import (
    BlockKind,
    InputLimitError,
    InputTooLargeError,
    ParseError,
    parse_bytes,
    parse_text,
)
from declcompare.limits import InputLimits
from declcompare.parse import load
from tests.helpers import UNGA, need_corpus

_BODY = "\n\nThe member states agree to cooperate.\n\nThey will meet again in 2025.\n"


def _alias_bomb(levels: int) -> str:
    """A few hundred bytes of YAML that expand to 9**levels nodes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "---\ntitle: Bomb\n" + "\n".join(lines) + "\n---" + _BODY


def test_front_matter_alias_bomb_is_refused_quickly_naming_the_limit() -> None:
    text = _alias_bomb(9)  # 9**9 = 387 million values once expanded
    assert len(text.encode()) < 700
    started = time.perf_counter()
    with pytest.raises(InputLimitError) as caught:
        parse_text(text)
    assert time.perf_counter() - started < 2.0
    assert caught.value.limit == "max_front_matter_nodes"
    assert "InputLimits(max_front_matter_nodes=" in str(caught.value)


def test_front_matter_aliases_within_the_limit_are_read() -> None:
    text = "---\ntitle: &t Summit declaration\nalias: *t\n---" + _BODY
    declaration = parse_text(text)
    assert declaration.title == "Summit declaration"
    # Raising the limit lets a (harmless) bigger graph through.
    assert parse_text(_alias_bomb(4), limits=InputLimits(max_front_matter_nodes=10**5)).title


def test_front_matter_size_limit_is_checked() -> None:
    text = "---\ntitle: Long\nnote: " + "x" * 5000 + "\n---" + _BODY
    with pytest.raises(InputLimitError) as caught:
        parse_text(text, limits=InputLimits(max_front_matter_bytes=1000))
    assert caught.value.limit == "max_front_matter_bytes"
    assert parse_text(text).title == "Long"


@pytest.mark.parametrize("value", ["2020-13-45", "2020-02-30", "0000-01-01"])
def test_impossible_front_matter_date_is_a_parse_error_naming_the_line(value: str) -> None:
    text = f"---\ntitle: Communiqué\ndate: {value}\n---" + _BODY
    with pytest.raises(ParseError, match=rf"'{value}' for 'date' \(line 3\)"):
        parse_text(text)


def test_quoted_or_valid_front_matter_dates_are_read() -> None:
    assert str(parse_text("---\ndate: 2020-11-10\n---" + _BODY).date) == "2020-11-10"
    # A quoted string is not a YAML date: read as text, and an impossible one is no date.
    assert parse_text('---\ndate: "2020-13-45"\n---' + _BODY).date is None


def test_file_front_matter_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "communique.md"
    path.write_text("---\ndate: 2020-13-45\n---" + _BODY, encoding="utf-8")
    with pytest.raises(ParseError, match=r"communique\.md"):
        load(path)


# --- limits= through load() and parse_bytes() ----------------------------------------


def test_load_and_parse_bytes_take_limits(tmp_path: Path) -> None:
    data = ("---\ntitle: T\n---" + _BODY).encode()
    path = tmp_path / "t.md"
    path.write_bytes(data)
    tight = InputLimits(max_bytes=20)
    with pytest.raises(InputLimitError, match="max_bytes"):
        load(path, limits=tight)
    with pytest.raises(InputLimitError, match="max_bytes"):
        parse_bytes(data, limits=tight)
    with pytest.raises(InputLimitError, match="max_front_matter_bytes"):
        parse_bytes(data, limits=InputLimits(max_front_matter_bytes=5))
    # The older keyword still applies on top of limits=.
    with pytest.raises(
        InputTooLargeError, match=r"limit of 10 characters \(InputLimits\.max_line_chars\)"
    ):
        load(path, max_line_chars=10)
    assert len(load(path, limits=InputLimits(max_bytes=len(data))).paragraphs) == 2


def test_parse_bytes_limits_reach_the_html_reader() -> None:
    page = b"<html><body>" + b"<p>We agree.</p>" * 50 + b"</body></html>"
    with pytest.raises(InputLimitError, match="max_elements"):
        parse_bytes(page, name="page.html", limits=InputLimits(max_elements=10))
    assert len(parse_bytes(page, name="page.html").paragraphs) == 50


# --- classification never swallows the body ------------------------------------------


def _session_78_resolutions() -> str:
    need_corpus()
    files = sorted(UNGA.glob("*/*_A-RES-78-*.txt"))
    if len(files) < 200:
        pytest.skip(f"expected the session-78 resolutions under {UNGA}, found {len(files)}")
    return "\n\n".join(f.read_text(encoding="utf-8") for f in files)


def test_resolutions_filed_one_after_another_keep_their_bodies() -> None:
    text = _session_78_resolutions()
    declaration = parse_text(text)
    in_paragraphs = sum(len(p.text) for p in declaration.paragraphs)
    # Before the fix, everything after the first [Footnotes] was footnotes: 90 paragraphs.
    assert in_paragraphs / len(text) > 0.9
    assert len(declaration.paragraphs) > 10_000
    assert declaration.outside_share < 0.1
    assert declaration.warnings == ()
    footnotes = [b for b in declaration.blocks if b.kind is BlockKind.FOOTNOTE]
    assert footnotes
    assert all(b.text[0].isdigit() or b.text[0] in "*" for b in footnotes)


def test_notes_end_where_the_next_text_begins() -> None:
    text = (
        "The states agree on trade.\n\n[Footnotes]\n\n1 See resolution 75/1.\n\n"
        "* Reissued for technical reasons.\n\ncontinued from the page before.\n\n"
        "The General Assembly,\n\nRecalling its resolution 77/1,\n"
    )
    declaration = parse_text(text)
    assert [b.text for b in declaration.blocks if b.kind is BlockKind.FOOTNOTE] == [
        "1 See resolution 75/1.",
        "* Reissued for technical reasons.",
        "continued from the page before.",
    ]
    assert declaration.paragraphs[-1].text == "Recalling its resolution 77/1,"


def _mostly_markup() -> str:
    rules = "\n\n".join("* * *" for _ in range(60))
    return "The states agree on trade.\n\n" + rules + "\n\n<!-- " + "x" * 400 + " -->\n"


def test_a_text_mostly_outside_paragraphs_warns() -> None:
    declaration = parse_text(_mostly_markup())
    assert declaration.outside_share > 0.9
    (warning,) = declaration.warnings
    assert "outside its 1 paragraph(s)" in warning
    assert "markup" in warning
    assert parse_text("The states agree on trade.\n").warnings == ()


def test_strict_refuses_a_text_mostly_outside_paragraphs(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="strict"):
        parse_text(_mostly_markup(), strict=True)
    path = tmp_path / "rules.md"
    path.write_text(_mostly_markup(), encoding="utf-8")
    with pytest.raises(ParseError, match=r"rules\.md"):
        load(path, strict=True)
    with pytest.raises(ParseError):
        parse_bytes(path.read_bytes(), strict=True)
    assert load(path).warnings


def test_readme_lists_every_limit_with_its_default() -> None:
    from tests.helpers import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    for name, field in InputLimits.model_fields.items():
        assert f"| `{name}` | {field.default:,}" in readme, name
    assert "| 2 | any error" in readme
