"""Sessions CI calls: `nox` runs lint, typecheck and tests; `nox -s slow` the complete
corpus sweeps; `nox -s bench`, `nox -s perf` and `nox -s hostile` the benchmarks.

Environments are made with uv when it is installed (the README's command installs it):
installing the project's dependencies then takes seconds rather than minutes, and
uv's cache serves every session after the first.
"""

from __future__ import annotations

import os

import nox

# uv installs without compiling bytecode by default; compiling at import time then
# raises the SyntaxWarnings of old dependencies (pysbd's '\s'), which the test suite
# turns into errors. Compile at install time, as pip does.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False
nox.options.default_venv_backend = "uv|virtualenv"

PYTHON = ["3.11"]


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over src, tests, benchmarks and this file."""
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (unit, property, golden, CLI; corpus tests skip without ../shared)."""
    session.install("-e", ".[test,all,semantic]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def slow(session: nox.Session) -> None:
    """The complete corpus sweeps that the default run samples (tests/helpers.py sweep)."""
    session.install("-e", ".[test,all,semantic]")
    session.run("pytest", "tests/corpus", *session.posargs, env={"DECLCOMPARE_FULL_SWEEP": "1"})


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks and accuracy evaluation; not part of the default run."""
    session.install("-e", ".[test,all,semantic]")
    session.run("python", "-m", "benchmarks.accuracy.run", *session.posargs)


@nox.session(python=PYTHON)
def perf(session: nox.Session) -> None:
    """Speed and memory against the alternatives; not part of the default run (long)."""
    session.install("-e", ".[test,all]", "redlines", "pysbd>=0.3.4")
    session.run("python", "-m", "benchmarks.perf.run", *session.posargs)
    session.run("python", "-m", "benchmarks.perf.many")
    session.run("python", "-m", "benchmarks.perf.job")
    session.run("python", "-m", "benchmarks.perf.commitments", "--write")


@nox.session(python=PYTHON)
def hostile(session: nox.Session) -> None:
    """Worst time and peak memory of reading the hostile-input corpus, per input kind."""
    session.install("-e", ".[test,all,semantic]")
    session.run("python", "-m", "benchmarks.hostile.run", *session.posargs)
