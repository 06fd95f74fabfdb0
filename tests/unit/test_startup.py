"""Start-up stays cheap: help, argument errors and ``import declcompare`` load no heavy library.

Each check runs a fresh interpreter, because the test process has long since imported
everything. The time budget itself is a benchmark (``python -m benchmarks.perf.job``);
here the cause of a slow start, a heavy import, is asserted directly.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "pandas", "pydantic", "scipy", "rapidfuzz", "rich", "pysbd", "lemminflect")


def loaded_after(code: str) -> set[str]:
    probe = (
        "import sys, json\n"
        f"{code}\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "code",
    [
        "import declcompare",
        "import declcompare.errors; from declcompare import DeclcompareError, __version__",
        "from declcompare.cli import main; main(['--help'])",
        "from declcompare.cli import main; main(['compare'])",  # a usage error
        "from declcompare.cli import main; main(['--version'])",
    ],
)
def test_start_up_loads_no_heavy_library(code: str) -> None:
    heavy = loaded_after(code) & set(HEAVY)
    assert not heavy, f"{code!r} imported {sorted(heavy)}"


def test_the_public_names_load_on_first_use_and_stay() -> None:
    code = (
        "import declcompare, sys\n"
        "assert 'declcompare.compare' not in sys.modules\n"
        "f = declcompare.compare\n"
        "import declcompare.compare as again\n"
        "assert callable(f) and f is declcompare.compare and again is f, (f, again)\n"
        "assert declcompare.Comparison is sys.modules['declcompare.compare'].Comparison\n"
    )
    assert "pydantic" in loaded_after(code)


def test_conveniences_work_when_only_a_submodule_is_imported() -> None:
    code = (
        "from declcompare.parse import parse_text\n"
        "from declcompare.compare import compare\n"
        "a = parse_text('The member states agree.\\n')\n"
        "b = parse_text('The member states agree firmly.\\n')\n"
        "assert '<html' in compare(a, b).to_html().lower()\n"
        "assert compare(a, b).to_markdown().startswith('#')\n"
    )
    assert "declcompare" in loaded_after(code)


def test_an_unknown_name_is_an_attribute_error() -> None:
    import declcompare

    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = declcompare.nonsense
    assert set(declcompare.__all__) <= set(dir(declcompare))
