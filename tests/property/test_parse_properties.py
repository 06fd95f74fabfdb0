"""Parsing properties over generated declarations and arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import declcompare
from declcompare.errors import DeclcompareError, EmptyInputError, InputError
from declcompare.model import Declaration
from declcompare.parse import check_coverage
from tests.property.strategies import GeneratedDeclaration, declarations

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(declarations())
def test_render_then_parse_gives_the_same_paragraphs(generated: GeneratedDeclaration) -> None:
    text = generated.render()
    d = declcompare.parse_text(text)
    assert [p.text for p in d.paragraphs] == generated.paragraphs
    assert [s.heading for s in d.sections if s.heading] == [
        h for h, _ in generated.sections if h is not None
    ]
    assert d.title == generated.title
    check_coverage(d, text)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_is_empty_and_loses_nothing(text: str) -> None:
    try:
        d = declcompare.parse_text(text)
    except EmptyInputError:
        assert not text.strip()
        return
    check_coverage(d, text)
    assert Declaration.model_validate_json(d.model_dump_json()) == d


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_input_errors(data: bytes) -> None:
    try:
        declcompare.parse_bytes(data)
    except InputError:
        pass
    except DeclcompareError as exc:  # pragma: no cover - would be a bug
        raise AssertionError(f"unexpected {type(exc).__name__}: {exc}") from exc


@SETTINGS
@given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=8))
def test_from_paragraphs_keeps_every_string(texts: list[str]) -> None:
    d = Declaration.from_paragraphs(texts)
    assert [p.text for p in d.paragraphs] == texts
    assert Declaration.model_validate_json(d.model_dump_json()) == d
