"""The invariant of every parse: each non-whitespace character belongs to exactly one element."""

from __future__ import annotations

from declcompare.errors import ParseError
from declcompare.model import (
    Declaration,
)


def check_coverage(declaration: Declaration, text: str) -> None:
    """Check that every non-whitespace character of ``text`` belongs to exactly one element.

    Raises :class:`~declcompare.errors.ParseError` naming the first offset that is
    missed or claimed twice. :func:`parse_text` runs this on every parse.
    """
    owner: list[str | None] = [None] * len(text)
    for element, span in declaration.iter_spans():
        if span.end > len(text):
            raise ParseError(f"{element} has span {span.start}–{span.end} beyond the text's end")
        for offset in range(span.start, span.end):
            if owner[offset] is not None and not text[offset].isspace():
                raise ParseError(
                    f"character {offset} ({text[offset]!r}) belongs to both "
                    f"{owner[offset]} and {element}"
                )
            owner[offset] = element
    for offset, ch in enumerate(text):
        if owner[offset] is None and not ch.isspace():
            line = text.count("\n", 0, offset) + 1
            raise ParseError(
                f"character {offset} ({ch!r}, line {line}) belongs to no parsed element"
            )
