"""The package layout is a picture of the pipeline: imports point only downward.

read (ingest) → parse → align → commitments → compare → series/batch → report → cli.
Every import counts, including those inside functions and under ``TYPE_CHECKING``:
a lazy import that points upward is still a circle in the design.
"""

from __future__ import annotations

import ast
import graphlib
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "declcompare"

# Layer of each part of the package: a module may import modules of a lower layer, and
# modules of its own part; two parts on one layer are independent of each other.
LAYERS: dict[str, int] = {
    "errors": 0,
    "version": 0,
    "limits": 1,
    "rendering": 1,
    "model": 2,
    "text": 3,
    "ingest": 3,
    "synth": 3,
    "parse": 4,
    "align": 5,
    "seeds": 5,
    "fetch": 6,
    "commitments": 6,
    "compare": 7,
    "series": 8,
    "many": 8,
    "report": 9,
    "cli": 10,
}
LARGEST_MODULE_LINES = 450


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    names: tuple[str, ...]
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str, known: dict[str, Path]) -> bool:
    return known[name].name == "__init__.py"


def resolve(node: ast.ImportFrom, source: str, known: dict[str, Path]) -> str:
    if not node.level:
        return node.module or ""
    base = source.split(".")
    if not is_package(source, known):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(known: dict[str, Path]) -> list[Import]:
    found: list[Import] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("declcompare"):
                        found.append(Import(name, alias.name, (), node.lineno))
            elif isinstance(node, ast.ImportFrom):
                target = resolve(node, name, known)
                if not target.startswith("declcompare"):
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in known:  # "from declcompare.report import html" imports a module
                        found.append(Import(name, sub, (), node.lineno))
                    else:
                        found.append(Import(name, target, (alias.name,), node.lineno))
    return found


def part(module: str) -> str:
    """The layer key of a module: its first part below the package."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else ""


KNOWN = modules()
IMPORTS = imports(KNOWN)


def test_every_part_of_the_package_has_a_layer() -> None:
    missing = sorted({part(m) for m in KNOWN if part(m) and part(m) not in LAYERS})
    assert not missing, f"give these a layer in LAYERS: {missing}"


def test_no_import_circle_among_modules() -> None:
    graph: dict[str, set[str]] = {m: set() for m in KNOWN}
    for imp in IMPORTS:
        if imp.target in KNOWN and imp.target != imp.source:
            graph[imp.source].add(imp.target)
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        pytest.fail(f"import circle: {' -> '.join(exc.args[1])}")


def test_imports_point_only_downward() -> None:
    wrong: list[str] = []
    for imp in IMPORTS:
        if imp.source == "declcompare":  # the public surface gathers everything
            continue
        source, target = part(imp.source), part(imp.target)
        if target == "":
            wrong.append(f"{imp.source}:{imp.line} imports the package root")
            continue
        if source == target:
            continue
        if LAYERS[target] >= LAYERS[source]:
            wrong.append(
                f"{imp.source}:{imp.line} ({source}, layer {LAYERS[source]}) imports "
                f"{imp.target} ({target}, layer {LAYERS[target]})"
            )
    assert not wrong, "\n".join(wrong)


def test_no_private_name_is_imported_across_modules() -> None:
    wrong: list[str] = []
    for imp in IMPORTS:
        for name in imp.names:
            if name.startswith("_") and not name.startswith("__"):
                wrong.append(f"{imp.source}:{imp.line} imports {imp.target}.{name}")
        private = [p for p in imp.target.split(".") if p.startswith("_") and p != "__init__"]
        if private:
            # A private module serves the modules of its own package only.
            owner = imp.target.rsplit(".", 1)[0]
            if not imp.source.startswith(owner + ".") and imp.source != owner:
                wrong.append(f"{imp.source}:{imp.line} imports private module {imp.target}")
    for name, path in KNOWN.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
            if (isinstance(node, ast.Import) and alias.name.startswith("declcompare"))
            or (
                isinstance(node, ast.ImportFrom)
                and f"{resolve(node, name, KNOWN)}.{alias.name}" in KNOWN
            )
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                wrong.append(f"{name}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not wrong, "\n".join(wrong)


def test_modules_stay_readable_in_size() -> None:
    lines = {
        name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in KNOWN.items()
    }
    large = {name: n for name, n in lines.items() if n > LARGEST_MODULE_LINES}
    assert not large, f"split these (over {LARGEST_MODULE_LINES} lines): {large}"


def test_the_checker_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    """An upward import hidden in a function or under TYPE_CHECKING is still found."""
    root = tmp_path / "declcompare"
    (root / "model").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "model" / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from declcompare.report import html\n"
        "def f() -> None:\n    from ..cli import main\n"
    )
    (root / "report").mkdir()
    (root / "report" / "__init__.py").write_text("")
    (root / "report" / "html.py").write_text("")
    (root / "cli.py").write_text("")
    global PACKAGE
    saved, PACKAGE = PACKAGE, root
    try:
        found = {(i.source, i.target) for i in imports(modules())}
    finally:
        PACKAGE = saved
    assert ("declcompare.model", "declcompare.report.html") in found
    assert ("declcompare.model", "declcompare.cli") in found
