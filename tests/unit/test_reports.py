"""The report renderers: content, safety of outputs, JSON round trip and schema, Excel layout.

Declarations built here from strings are generated text, labelled as such.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import pytest

from declcompare import Comparison, Declaration, InputError, OutputExistsError, compare
from declcompare.report import format_for, write_report
from declcompare.report.json_report import json_schema, schema_text
from declcompare.seeds import load_seed
from declcompare.synth import demo_donors, generate_revision

SCHEMA_FILE = (
    Path(__file__).resolve().parents[2] / "src/declcompare/data/comparison-report.schema.json"
)
HOSTILE = [
    '=HYPERLINK("http://example.invalid","click") generated text',
    "+1+2 generated text",
    "-2 generated text",
    "@SUM(A1:A2) generated text",
    "\tgenerated text after a tab",
    "Generated: <script>alert(1)</script> and <img src=x onerror=alert(2)> | * _ ~",
]


@cache
def demo() -> Comparison:
    seed = load_seed()
    return compare(seed, generate_revision(seed, seed=2020, donors=demo_donors()).declaration)


@cache
def hostile() -> Comparison:
    old = Declaration.from_paragraphs(["The member states welcome the talks."], title="gen")
    new = Declaration.from_paragraphs(HOSTILE, title="generated <b>bold</b>")
    return compare(old, new)


def test_markdown_briefing_follows_the_one_briefing_order() -> None:
    from declcompare.report.briefing import SECTIONS

    md = demo().to_markdown()
    assert md.startswith("# What changed:")
    assert "GENERATED TEXT" in md
    order = [md.index(f"\n## {title}\n") for _, title in SECTIONS]
    assert order == sorted(order)
    for heading in demo().old.headings:
        assert f"### {heading}" in md
    assert "“emphasise” → “note”" in md  # a stance shift, in the words of the texts


def test_markdown_escapes_declaration_text() -> None:
    md = hostile().to_markdown()
    assert "\\<script\\>" in md
    assert "\\| \\* \\_ \\~" in md


def test_html_is_self_contained_and_escapes_everything() -> None:
    page = hostile().to_html()
    assert "<script>alert(1)</script>" not in page
    # The paragraph text travels once, in the JSON payload, with every < > & escaped.
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "<img src=x" not in page
    assert "generated &lt;b&gt;bold&lt;/b&gt;" in page
    assert "http://" not in page.replace("http://example.invalid", "")
    assert "https://" not in page
    assert "default-src 'none'" in page
    assert "script-src 'sha256-" in page  # only the page's own script, by its hash
    assert page.count("<script>") == 1  # the page's own script, inline
    assert page.count('<script type="application/json" id="payload">') == 1


def test_csv_neutralises_formulae() -> None:
    from declcompare.report import to_csv

    text = to_csv(hostile())
    for line in text.splitlines()[1:]:
        for bad in ("=HYPERLINK", "+1+2", "-2 gen", "@SUM"):
            assert f",{bad}" not in line
    assert "'=HYPERLINK" in text
    assert "'@SUM" in text


def test_excel_neutralises_formulae_and_has_the_layout(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = hostile().to_excel(tmp_path / "hostile.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Summary",
        "Shifts",
        "New and dropped",
        "Names",
        "Reworded",
        "Routine",
        "Paragraphs",
        "Commitments",
    ]  # the briefing order, then every row
    texts = []
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert any(t.startswith("'=HYPERLINK") for t in texts)
    assert not any(t.startswith(("=", "+", "-", "@", "\t")) for t in texts)
    paragraphs = wb["Paragraphs"]
    assert paragraphs.column_dimensions["I"].width == 60
    assert paragraphs["I2"].alignment.wrap_text


def test_excel_of_the_seed_demo(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(demo().to_excel(tmp_path / "demo.xlsx"))
    kinds = [c.value for c in wb["Paragraphs"]["A"][1:]]
    assert len(kinds) == len(demo().links)
    assert "added" in kinds
    changes = {c.value for c in wb["Commitments"]["A"][1:]}
    assert {"restated", "weakened", "strengthened"} <= changes
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)}
    assert "GENERATED TEXT" in str(summary["Note"])
    filled = [c.fill.start_color.rgb for c in wb["Paragraphs"]["A"][1:] if c.value == "added"]
    assert all(str(rgb).endswith("D7F5DD") for rgb in filled)


def test_json_round_trip_restores_an_equal_comparison() -> None:
    text = demo().to_json()
    assert Comparison.from_json(text) == demo()
    data = json.loads(text)
    assert data["format"] == "declcompare.comparison/1"
    assert data["generated_text"] is True
    assert data["counts"]["paragraphs unchanged"] > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not a JSON document"),
        ("[1, 2]", "not a declcompare comparison report"),
        ('{"format": "other/1"}', "expected format"),
        ('{"format": "declcompare.comparison/1", "generated_text": true}', "malformed at"),
    ],
)
def test_from_json_rejects_what_is_not_a_report(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Comparison.from_json(text)


def test_published_schema_is_generated_from_the_models() -> None:
    assert SCHEMA_FILE.read_text("utf-8") == schema_text(), (
        "the published schema is stale; regenerate it with "
        '`python -c "from declcompare.report.json_report import schema_text as s; '
        "open('src/declcompare/data/comparison-report.schema.json','w').write(s())\"`"
    )


def test_reports_validate_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for comparison in (demo(), hostile()):
        jsonschema.validate(json.loads(comparison.to_json()), json_schema())
    bad = json.loads(hostile().to_json())
    del bad["comparison"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json_schema())


def test_write_report_never_overwrites_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("keep me", "utf-8")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_report(hostile(), target)
    assert target.read_text("utf-8") == "keep me"
    write_report(hostile(), target, force=True)
    assert target.read_text("utf-8").startswith("# What changed:")
    assert format_for("x.HTML") == "html"


def test_jupyter_html_representations() -> None:
    d_html = load_seed()._repr_html_()
    assert "Shanghai Cooperation Organisation" in d_html
    assert "124" in d_html
    c_html = hostile()._repr_html_()
    assert "generated &lt;b&gt;bold&lt;/b&gt;" in c_html
    assert "<b>" not in c_html
    assert "<script>" not in c_html
    assert "GENERATED TEXT" in demo()._repr_html_()


def test_excel_cells_longer_than_excel_allows_are_cut_with_a_note(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    long_text = "Generated paragraph: " + "the member states agree " * 2000
    c = compare(Declaration.from_paragraphs(["x y z."]), Declaration.from_paragraphs([long_text]))
    wb = load_workbook(io.BytesIO(Path(c.to_excel(tmp_path / "long.xlsx")).read_bytes()))
    cells = [c.value for row in wb["Paragraphs"].iter_rows() for c in row]
    cut = [v for v in cells if isinstance(v, str) and v.endswith("in the JSON report]")]
    assert cut
    assert all(len(v) <= 32_000 for v in cells if isinstance(v, str))


def test_json_text_is_the_standard_encoders_for_every_indent() -> None:
    """The report is written by pydantic's serializer; it must be byte for byte what
    json.dumps writes of the same data (non-ASCII kept, the same indent)."""
    from declcompare.report.json_report import _report, to_json

    comparison = demo()
    data = _report(comparison).model_dump(mode="json")
    for indent in (None, 1, 2):
        assert to_json(comparison, indent=indent) == (
            json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
        )
    assert "’" in to_json(comparison)  # non-ASCII as written
