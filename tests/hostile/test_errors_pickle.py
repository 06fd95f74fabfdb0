"""Every error class crosses a process boundary intact (multiprocessing, Dask).

The classes are found by walking :mod:`declcompare.errors`, so a new class is
tested without anyone remembering to list it here.
"""

from __future__ import annotations

import inspect
import pickle

import pytest

import declcompare
from declcompare import errors


def error_classes() -> list[type[errors.DeclcompareError]]:
    found = [
        value
        for _, value in inspect.getmembers(errors, inspect.isclass)
        if issubclass(value, errors.DeclcompareError) and value.__module__ == errors.__name__
    ]
    return sorted(found, key=lambda c: c.__name__)


def example(cls: type[errors.DeclcompareError]) -> errors.DeclcompareError:
    """An instance built through the class's own constructor, whatever it takes."""
    message = f"{cls.__name__} failed at 'doc.txt', byte 12; fix it"
    try:
        parameters = inspect.signature(cls).parameters
    except ValueError:  # Exception's own constructor: a message
        return cls(message)
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for name, parameter in parameters.items():
        if parameter.kind is parameter.VAR_POSITIONAL:
            positional.append(message)
            continue
        if parameter.kind is parameter.VAR_KEYWORD:
            continue
        value: object = 12 if parameter.annotation in (int, "int") else f"{name} value"
        if parameter.kind is parameter.KEYWORD_ONLY:
            keywords[name] = value
        else:
            positional.append(value)
    return cls(*positional, **keywords)


def test_the_walk_finds_every_class() -> None:
    names = {c.__name__ for c in error_classes()}
    assert {"EncodingError", "MissingDependencyError", "FetchError", "CacheError"} <= names
    assert names == set(errors.__all__)
    assert names <= set(declcompare.__all__)  # every error class is public


@pytest.mark.parametrize("cls", error_classes(), ids=lambda c: c.__name__)
def test_every_error_pickles_to_an_equal_instance(cls: type[errors.DeclcompareError]) -> None:
    original = example(cls)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(original, protocol=protocol))
        assert type(copy) is cls
        assert str(copy) == str(original)
        assert copy.args == original.args
        assert vars(copy) == vars(original)  # offset, extra, module, status ...


def test_keyword_attributes_survive() -> None:
    encoding = pickle.loads(pickle.dumps(errors.EncodingError("bad byte", offset=41)))
    assert encoding.offset == 41
    missing = pickle.loads(
        pickle.dumps(errors.MissingDependencyError("PDF input", extra="pdf", module="pdfminer"))
    )
    assert (missing.extra, missing.module) == ("pdf", "pdfminer")
    assert "pip install 'declcompare[pdf]'" in str(missing)
