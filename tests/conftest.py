"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from declcompare import Declaration
from tests import helpers


@pytest.fixture(scope="session")
def seed_declaration() -> Declaration:
    """The bundled Moscow Declaration (10 November 2020), parsed once."""
    return helpers.seed_doc()


@pytest.fixture
def corpus() -> Path:
    """The shared reference corpus; the test skips with the reason when it is absent."""
    return helpers.need_corpus()
