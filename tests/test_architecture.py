"""The import graph keeps the layers of ``docs/architecture.md``.

Read from the source with ``ast`` (nothing is imported), so the rules hold for
every module, whichever command loads it. Run this file to print the graph:
``python tests/test_architecture.py`` lists each module and what it imports.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "flaskprep"

MAX_IMPORTS_IN_FUNCTIONS = 40
"""The one start-up policy: imports at the top, laziness in the registry and a few edges."""
MAX_MODULE_LINES = 350

LEARNING = ("flaskprep.learn", "flaskprep.scheduling", "flaskprep.grading", "flaskprep.interview")
TERMINAL = ("rich", "typer", "click")


@dataclass(frozen=True)
class Import:
    target: str
    runtime: bool
    """Executed when the importing module loads (not under TYPE_CHECKING, not in a function)."""
    in_function: bool
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _absolute(node: ast.ImportFrom, here: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = here.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, runtime: bool, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, False, True)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(child, False, in_function)
            elif isinstance(child, ast.Import):
                found.extend(
                    Import(a.name, runtime, in_function, child.lineno) for a in child.names
                )
            elif isinstance(child, ast.ImportFrom):
                base = _absolute(child, name, path.name == "__init__.py")
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.append(
                        Import(sub if sub in known else base, runtime, in_function, child.lineno)
                    )
            else:
                visit(child, runtime, in_function)

    visit(tree, True, False)
    return found


def graph() -> dict[str, list[Import]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def arrows(
    rule_from: tuple[str, ...], rule_to: tuple[str, ...], *, exact: bool = False
) -> list[str]:
    return sorted(
        f"{name} -> {edge.target}"
        for name, edges in graph().items()
        if (name in rule_from if exact else under(name, rule_from))
        for edge in edges
        if under(edge.target, rule_to)
    )


def test_no_import_cycles() -> None:
    edges = {
        name: {e.target for e in imports if e.runtime and e.target.startswith("flaskprep")}
        for name, imports in graph().items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            walk(start, [start])
    assert cycles == []


def test_storage_imports_no_learning_module() -> None:
    assert arrows(("flaskprep.store",), LEARNING) == []


def test_core_imports_no_terminal_library() -> None:
    core = sorted(
        name
        for name in modules()
        if not under(name, ("flaskprep.ui", "flaskprep.cli")) and name != "flaskprep.__main__"
    )
    assert arrows(tuple(core), TERMINAL, exact=True) == []


def test_ui_imports_no_typer_and_nothing_imports_private_typer() -> None:
    assert arrows(("flaskprep.ui",), ("typer", "click", "flaskprep.cli")) == []
    private = [
        f"{name} -> {edge.target}"
        for name, edges in graph().items()
        for edge in edges
        if edge.target.startswith(("typer._", "click._"))
    ]
    assert private == []


def test_imports_sit_at_the_top_of_modules() -> None:
    inside = {(n, e.line): e.target for n, edges in graph().items() for e in edges if e.in_function}
    listing = "\n".join(
        f"{name}:{line} {target}" for (name, line), target in sorted(inside.items())
    )
    assert len(inside) <= MAX_IMPORTS_IN_FUNCTIONS, listing


def test_no_module_is_longer_than_the_limit() -> None:
    lines = {name: len(path.read_text().splitlines()) for name, path in modules().items()}
    assert {name: n for name, n in lines.items() if n > MAX_MODULE_LINES} == {}


if __name__ == "__main__":
    for module, edges in graph().items():
        targets = sorted({e.target for e in edges if e.target.startswith("flaskprep")})
        sys.stdout.write(f"{module}: {', '.join(targets) or '-'}\n")
