"""The layers of docs/architecture.md hold: imports run down, never back up, and no module is
longer than a newcomer can hold in mind.

Every import in the package is read, those inside functions included (a late import that runs
back up is still a back edge)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tizim"

# What each part may import, besides itself. The framework-free core is at the bottom.
CORE = {"core"}
BASE = CORE | {"audit"}
ACCOUNTS = BASE | {"accounts"}
REGISTRY = ACCOUNTS | {"registry"}
# Infrastructure shared by the apps: the server's bounded request handling, chart files.
SHARED = {"serving", "charts"}
DOMAIN = REGISTRY | SHARED
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "audit": CORE,
    "accounts": BASE,
    "registry": ACCOUNTS,
    "linkage": DOMAIN,
    # The public report form names the published person a report is about; an import job
    # links the records it wrote.
    "intake": DOMAIN | {"publish", "linkage"},
    "ingest": DOMAIN,
    "acts": DOMAIN,
    "estimates": DOMAIN,
    "publish": DOMAIN | {"estimates"},
    "serving": set(),
    "charts": ACCOUNTS,
    # Django format modules (settings.FORMAT_MODULE_PATH): dates and numbers per language.
    "formats": set(),
}
# A whole instance: backup, restore and upgrade stand above every app, below the CLI.
ALLOWED["backups"] = set().union(*ALLOWED.values()) | set(ALLOWED)
# On top of everything: they wire the parts together.
TOP = {"cli", "demo", "__main__", "urls", "settings", "wsgi", "middleware"}

MAX_LINES = 800
# Data, not logic: vocabularies read as lists of words.
DATA_MODULES = {"core/acts/vocabulary.py"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported_parts(path: Path) -> set[tuple[str, int]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "tizim" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


def test_every_part_is_placed() -> None:
    parts = {_part(p) for p in _modules()} - {"__init__"}
    assert parts <= set(ALLOWED) | TOP, parts - set(ALLOWED) - TOP


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down(path: Path) -> None:
    part = _part(path)
    if part in TOP or part == "__init__":
        return
    back = [
        f"line {line}: tizim.{target}"
        for target, line in sorted(_imported_parts(path))
        if target != part and target not in ALLOWED[part]
    ]
    assert not back, f"{path.relative_to(PACKAGE)} ({part}) imports upward: {back}"


def test_core_imports_no_django() -> None:
    offenders = []
    for path in (PACKAGE / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            if any(name.split(".")[0] == "django" for name in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders


def test_no_module_is_several_jobs() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and str(p.relative_to(PACKAGE)) not in DATA_MODULES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_layer_test_sees_a_back_edge(tmp_path: Path) -> None:
    """The checker itself: an import from a higher part is found."""
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from tizim.publish.rules import x\n", encoding="utf-8")
    assert ("publish", 2) in _imported_parts(module)
    assert "publish" not in ALLOWED["registry"]


def _bound_twice(path: Path) -> list[str]:
    """Module-level names bound twice: after two modules are joined, the second silently
    replaces the first (a regex of one part used by the other)."""
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            if name in seen:
                twice.append(f"{name} (lines {seen[name]} and {node.lineno})")
            seen[name] = node.lineno
    return twice


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    assert not _bound_twice(path)


def test_a_name_bound_twice_is_found(tmp_path: Path) -> None:
    module = tmp_path / "joined.py"
    module.write_text("import re\n_ISO = re.compile('a')\n\n_ISO = re.compile('b')\n")
    assert _bound_twice(module) == ["_ISO (lines 2 and 4)"]


MAX_FUNCTION_LINES = 120


def test_no_function_is_longer_than_a_reader_can_follow() -> None:
    long = [
        f"{p.relative_to(PACKAGE)}:{node.lineno} {node.name} ({length} lines)"
        for p in _modules()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert not long, long
