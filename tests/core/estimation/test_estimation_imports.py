"""The estimation modules import one another in one direction only (no circles, not even
under ``TYPE_CHECKING``), and none of them imports Django."""

from __future__ import annotations

import ast
from pathlib import Path

import tizim.core.estimation

PACKAGE = Path(tizim.core.estimation.__file__).parent
PREFIX = "tizim.core.estimation."


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PREFIX.rstrip("."):
                found.update(alias.name for alias in node.names)
            elif node.module.startswith(PREFIX):
                found.add(node.module.removeprefix(PREFIX))
            elif node.module.split(".")[0] == "django":
                found.add("django")
        elif isinstance(node, ast.Import):
            found.update("django" for a in node.names if a.name.split(".")[0] == "django")
    return found


def test_estimation_modules_import_without_circles_or_django():
    graph = {path.stem: _imports(path) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    assert not any("django" in imports for imports in graph.values())
    modules = set(graph)

    def visit(module: str, trail: tuple[str, ...]) -> None:
        for imported in sorted(graph.get(module, set()) & modules):
            assert imported not in trail, f"import circle: {' -> '.join((*trail, imported))}"
            visit(imported, (*trail, imported))

    for module in sorted(modules):
        visit(module, (module,))
