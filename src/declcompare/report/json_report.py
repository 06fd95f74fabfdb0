"""The JSON report and its JSON Schema, both generated from the models.

The report holds the whole comparison (both declarations, the options and every
link with its redline), so :func:`from_json` restores an equal
:class:`~declcompare.compare.Comparison`; it also carries the counts and the
commitment changes, derived from it, for readers that are not Python.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from declcompare.compare import Comparison
from declcompare.errors import InputError
from declcompare.report.briefing import briefing
from declcompare.report.content import headline, is_generated

__all__ = [
    "REPORT_FORMAT",
    "BriefingRow",
    "BriefingSection",
    "CommitmentRow",
    "Report",
    "from_json",
    "json_schema",
    "schema_text",
    "to_json",
]

REPORT_FORMAT = "declcompare.comparison/1"


class CommitmentRow(BaseModel):
    """One row of Comparison.commitments(), as plain values."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    change: str
    old_paragraph: int | None
    new_paragraph: int | None
    actor: str
    old_predicate: str | None
    new_predicate: str | None
    old_stance: str | None
    new_stance: str | None
    old_strength: int | None
    new_strength: int | None
    object: str


class BriefingRow(BaseModel):
    """One row of a briefing section, as plain text (see :mod:`declcompare.report.briefing`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    old_position: str
    new_position: str
    before: str
    after: str
    about: str
    note: str


class BriefingSection(BaseModel):
    """A section of the briefing, in the order every report follows."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    title: str
    sentences: list[str]
    rows: list[BriefingRow]
    more: int = Field(description="Rows of the section not listed; all are in 'comparison'.")


class Report(BaseModel):
    """The JSON report: a format tag, derived summaries and the comparison itself."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str = Field(default=REPORT_FORMAT, description="Report format and version.")
    generated_text: bool = Field(
        description="True when either declaration is generated text, not a real declaration."
    )
    counts: dict[str, int] = Field(description="Paragraphs by kind and commitments by change.")
    commitments: list[CommitmentRow]
    sections: list[BriefingSection] = Field(
        default_factory=list, description="The briefing: summary, shifts ... in reading order."
    )
    comparison: Comparison


def _report(comparison: Comparison) -> Report:
    rows = []
    for _, a, b, change in comparison.commitment_changes():
        c = b if b is not None else a
        assert c is not None
        rows.append(
            CommitmentRow(
                change=change.value,
                old_paragraph=a.paragraph_index if a else None,
                new_paragraph=b.paragraph_index if b else None,
                actor=c.actor,
                old_predicate=a.predicate if a else None,
                new_predicate=b.predicate if b else None,
                old_stance=a.stance.value if a else None,
                new_stance=b.stance.value if b else None,
                old_strength=a.strength if a else None,
                new_strength=b.strength if b else None,
                object=c.object,
            )
        )
    sections = [
        BriefingSection(
            key=section.key,
            title=section.title,
            sentences=list(section.sentences),
            rows=[
                BriefingRow(kind=r.kind, old_position=r.old_position, new_position=r.new_position,
                            before=r.before, after=r.after, about=r.about, note=r.note)
                for r in section.rows
            ],
            more=section.more,
        )
        for section in briefing(comparison)
    ]  # fmt: skip
    return Report(
        sections=sections,
        generated_text=is_generated(comparison.old) or is_generated(comparison.new),
        counts=headline(comparison).flat(),
        commitments=rows,
        comparison=comparison,
    )


def to_json(comparison: Comparison, *, indent: int | None = 1) -> str:
    """The JSON report as text (UTF-8, non-ASCII kept as written).

    Indented, pydantic's serializer writes it: the same text as ``json.dumps`` of the
    dumped model with that indent (a test checks), in a quarter of the time, because the
    standard library's indenting encoder is pure Python. Unindented, the standard
    library's compiled encoder keeps its separators (", ", ": ")."""
    report = _report(comparison)
    if indent is None:
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False) + "\n"
    return report.model_dump_json(indent=indent) + "\n"


def from_json(text: str | bytes) -> Comparison:
    """Restore the comparison of a JSON report; a clear error if it is not one."""
    try:
        data: Any = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not a JSON document: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise InputError(
            f"not a declcompare comparison report (expected format {REPORT_FORMAT!r}, "
            f"found {found!r})"
        )
    try:
        return Report.model_validate(data).comparison
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"the comparison report is malformed at {where}: {first['msg']} "
            f"({exc.error_count()} problem(s) in all)"
        ) from exc


def json_schema() -> dict[str, object]:
    """The JSON Schema of the report, generated from the models."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text() -> str:
    """The schema as the text of ``data/comparison-report.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
