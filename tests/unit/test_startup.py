"""Start-up stays cheap: help, argument errors and ``import declcompare`` load no heavy library.

Each check runs a fresh interpreter, because the test process has long since imported
everything. The time budget itself is a benchmark (``python -m benchmarks.perf.job``);
here the cause of a slow start, a heavy import, is asserted directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SEED

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


def test_the_console_summary_needs_neither_pandas_nor_scipy_optimize(tmp_path: Path) -> None:
    """The command's own summary is drawn from plain rows: pandas (a sixth of a second
    to import) and scipy.optimize (0.4 s) stay unloaded; the reports may use them."""
    from declcompare import load_seed
    from declcompare.synth import demo_donors, generate_revision

    revised = generate_revision(load_seed(), seed=2020, donors=demo_donors()).declaration
    new = tmp_path / "generated-revision.txt"
    new.write_text("\n\n".join(p.text for p in revised.paragraphs) + "\n", "utf-8")
    code = (
        "import contextlib, io, json, sys\n"
        "from declcompare.cli import main\n"
        "out, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        f"    status = main(['compare', {str(SEED)!r}, {str(new)!r}, '--no-progress'])\n"
        "assert status == 1 and 'weakened' in err.getvalue() + out.getvalue(), status\n"
        "heavy = ('pandas', 'scipy.optimize')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
