"""The model: frozen, strict, lossless in JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from declcompare.model import Declaration, Paragraph, Span


def test_from_paragraphs_keeps_text_and_labels() -> None:
    texts = ["1. We agree.", "(b) They agree\nacross lines.", "- bullet", "Plain text"]
    d = Declaration.from_paragraphs(texts, title="Generated example", date=dt.date(2020, 1, 1))
    assert [p.text for p in d.paragraphs] == texts
    assert [p.number for p in d.paragraphs] == ["1.", "(b)", None, None]
    assert [p.bullet for p in d.paragraphs] == [False, False, True, False]
    assert d.paragraphs[1].body == "They agree\nacross lines."
    assert d.title == "Generated example"
    assert d.id.startswith("sha256-")
    joined = "\n\n".join(texts)
    for p in d.paragraphs:
        span = p.spans[0]
        assert joined[span.start : span.end] == p.text


def test_from_paragraphs_does_not_resegment() -> None:
    d = Declaration.from_paragraphs(["One.\n\nStill the same paragraph."])
    assert len(d.paragraphs) == 1


def test_models_are_frozen_and_forbid_extra() -> None:
    p = Paragraph(id="p1", index=0, section=None, text="x")
    with pytest.raises(ValidationError):
        p.text = "y"
    with pytest.raises(ValidationError, match="extra"):
        Paragraph(id="p1", index=0, section=None, text="x", colour="red")


def test_span_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="before its start"):
        Span(start=5, end=2)


def test_json_round_trip_from_paragraphs() -> None:
    d = Declaration.from_paragraphs(["A.", "B."], id="x", metadata={"k": "v"})
    assert Declaration.model_validate_json(d.model_dump_json()) == d


def test_metadata_is_read_only_hashable_and_pickles() -> None:
    import pickle

    from declcompare import Metadata

    m = Metadata({"generated": "true"})
    with pytest.raises(TypeError):
        m["generated"] = "false"  # type: ignore[index]
    assert pickle.loads(pickle.dumps(m)) == m
    assert hash(pickle.loads(pickle.dumps(m))) == hash(m)
