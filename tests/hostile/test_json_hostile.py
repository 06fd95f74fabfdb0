"""Comparison.from_json refuses reports whose links do not fit their declarations."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from declcompare import Comparison, Declaration, InputError, compare

_OLD = ["We welcome the talks.", "We support the plan.", "We note the report."]
_NEW = ["We support the plan.", "We note the talks.", "We agree.", "We note the report."]


def _report() -> dict[str, Any]:
    comparison = compare(Declaration.from_paragraphs(_OLD), Declaration.from_paragraphs(_NEW))
    data: dict[str, Any] = json.loads(comparison.to_json())
    return data


def _links(data: dict[str, Any]) -> list[dict[str, Any]]:
    links: list[dict[str, Any]] = data["comparison"]["links"]
    return links


def _set(index: int, **fields: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        _links(data)[index].update(fields)

    return edit


def _drop_row(data: dict[str, Any]) -> None:
    del _links(data)[0]


def _duplicate_row(data: dict[str, Any]) -> None:
    _links(data).append(dict(_links(data)[0]))


def _first(kind: str) -> Callable[[dict[str, Any]], int]:
    return lambda data: next(k for k, link in enumerate(_links(data)) if link["kind"] == kind)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_set(0, old_index=99), "old_index 99, but the old declaration has 3"),
        (_set(0, new_index=-1), "new_index -1"),
        (_set(0, new_index=10**12), "new_index 1000000000000"),
        (_drop_row, "appears in no link"),
        (_duplicate_row, "appears in more than one link"),
    ],
)
def test_out_of_range_or_inconsistent_links_are_typed_errors(
    edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = _report()
    edit(data)
    with pytest.raises(InputError, match="malformed") as caught:
        Comparison.from_json(json.dumps(data))
    assert message in str(caught.value)


def test_an_added_row_with_an_old_paragraph_is_refused() -> None:
    data = _report()
    row = _first("added")(data)
    _links(data)[row]["old_index"] = 0
    with pytest.raises(InputError, match="'added' but has an old_index"):
        Comparison.from_json(json.dumps(data))


def test_a_sound_report_still_round_trips() -> None:
    data = _report()
    restored = Comparison.from_json(json.dumps(data))
    assert json.loads(restored.to_json()) == data
    assert restored.warnings == ()


def test_comparison_built_in_code_is_checked_too() -> None:
    comparison = compare(Declaration.from_paragraphs(_OLD), Declaration.from_paragraphs(_NEW))
    with pytest.raises(ValueError, match="appears in no link"):
        Comparison(old=comparison.old, new=comparison.new, links=comparison.links[1:])
