"""The layers, enforced (docs/ARCHITECTURE.md): the whole import graph of desktop/, every
import statement including those inside functions, checked against one table.

    domain  <-  store, exchange (never each other)  <-  actions  <-  ui, cli

- an import from one layer into another must be an edge of ALLOWED;
- no two modules may import each other, directly or round a cycle;
- SQLAlchemy and Alembic are used only in store and actions, and only store and actions
  open a session (`db.reading()`, `db.transaction()`, `db.sessions()`);
- PySide6 only in the window (ui, app), openpyxl and reportlab only in exchange;
- the domain is pure: it imports no module of the system's files, processes or network
  and calls no file method (open, read_text, exists, unlink…); files are desktop.files'.

`problems(root)` does the checking; a test runs it on a copy of the tree with an illegal
import added, to prove that it fails.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# module (or package) -> layer; the longest matching prefix wins
LAYERS = {
    "desktop": "base",
    "desktop.version": "base",
    "desktop.paths": "base",
    "desktop.logs": "base",
    "desktop.plan_catalog": "catalog",
    "desktop.domain": "domain",
    "desktop.files": "files",
    "desktop.store": "store",
    "desktop.exchange": "exchange",
    "desktop.actions": "actions",
    "desktop.ui": "ui",
    "desktop.app": "app",
    "desktop.cli": "cli",
}

# layer -> the layers it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "domain": set(),
    "catalog": {"base", "domain"},  # the bundled plans, parsed by the domain
    "files": {"base", "domain"},  # files written whole, failures named: store and exchange
    "store": {"base", "domain", "catalog", "files"},
    "exchange": {"base", "domain", "files"},
    "actions": {"base", "domain", "catalog", "store", "exchange", "files"},
    "ui": {"base", "domain", "catalog", "exchange", "actions", "files"},
    "app": {"base", "ui"},  # the window's entry
    "cli": {"base", "domain", "catalog", "exchange", "actions", "app"},  # no command: the window
}

# third-party package -> the layers that may import it
THIRD_PARTY: dict[str, set[str]] = {
    "sqlalchemy": {"store", "actions"},
    "alembic": {"store"},
    "filelock": {"store", "files"},
    "PySide6": {"ui", "app"},
    "openpyxl": {"exchange"},
    "reportlab": {"exchange"},
    "platformdirs": {"base"},
}
# the domain is pure: neither these modules nor these calls (files, processes, network)
NOT_IN_DOMAIN = {"os", "shutil", "sqlite3", "tempfile", "io", "glob", "subprocess", "socket",
                 "filelock", "platformdirs"}
FILE_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "unlink", "mkdir",
              "rmdir", "exists", "is_dir", "is_file", "glob", "rglob", "stat", "iterdir",
              "touch", "rename", "samefile", "resolve", "fsync", "link"}
SESSION_METHODS = {"reading", "transaction", "sessions"}
MAY_OPEN_SESSIONS = {"store", "actions"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # a module of desktop, or a third-party top-level package
    line: int


def module_files(root: Path) -> dict[str, Path]:
    """Every module of desktop/ under `root` (the migration scripts are Alembic's)."""
    found = {}
    for path in sorted((root / "desktop").rglob("*.py")):
        if "migrations" in path.relative_to(root).parts:
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def parsed(root: Path) -> dict[str, tuple[Path, list[ast.AST]]]:
    """module -> (its file, every node of its syntax tree)."""
    return {name: (path, list(ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))))
            for name, path in module_files(root).items()}


def imports(modules: dict[str, tuple[Path, list[ast.AST]]]) -> Iterator[Import]:
    """Every import of every module, at any depth (inside functions too)."""
    for name, (path, nodes) in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield from _resolve(name, alias.name, (), modules, node.lineno)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                names = tuple(a.name for a in node.names)
                yield from _resolve(name, base, names, modules, node.lineno)


def _resolve(module: str, target: str, names: tuple[str, ...], modules: dict[str, object],
             line: int) -> Iterator[Import]:
    if target.split(".")[0] != "desktop":
        yield Import(module, target.split(".")[0], line)
        return
    submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
    if submodules and len(submodules) == len(names):  # `from . import forms, reports`
        for sub in submodules:
            yield Import(module, sub, line)
    else:
        yield Import(module, target, line)


def layer_of(module: str) -> str:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        layer = LAYERS.get(".".join(parts[:n]))
        if layer is not None:
            return layer
    raise AssertionError(f"module {module} is in no layer of LAYERS: add it")


def session_calls(modules: dict[str, tuple[Path, list[ast.AST]]]
                  ) -> Iterator[tuple[str, int, str]]:
    """(module, line, method) of every `x.reading()`, `x.transaction(...)`, `x.sessions()`."""
    for name, (_path, nodes) in modules.items():
        for node in nodes:
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SESSION_METHODS):
                yield name, node.lineno, node.func.attr


def file_calls(modules: dict[str, tuple[Path, list[ast.AST]]]
               ) -> Iterator[tuple[str, int, str]]:
    """(module, line, name) of every call of a file function or method in the domain."""
    for name, (_path, nodes) in modules.items():
        if layer_of(name) != "domain":
            continue
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = (func.attr if isinstance(func, ast.Attribute)
                      else func.id if isinstance(func, ast.Name) else "")
            if called in FILE_CALLS:
                yield name, node.lineno, called


def cycles(modules: dict[str, tuple[Path, list[ast.AST]]]) -> list[list[str]]:
    """The import cycles between desktop's modules (strongly connected components)."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for i in imports(modules):
        if i.target in graph and i.target != i.module:
            graph[i.module].add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def problems(root: Path) -> list[str]:
    """Everything wrong with the import graph of the tree at `root`."""
    modules = parsed(root)
    out = []
    for i in imports(modules):
        source = layer_of(i.module)
        if i.target in THIRD_PARTY:
            if source not in THIRD_PARTY[i.target]:
                out.append(f"{i.module}:{i.line} imports {i.target} (only in "
                           f"{', '.join(sorted(THIRD_PARTY[i.target]))})")
        elif i.target.split(".")[0] == "desktop":
            target = layer_of(i.target)
            if target != source and target not in ALLOWED[source]:
                out.append(f"{i.module}:{i.line} imports {i.target}: {source} -> {target} "
                           "is not an allowed edge")
        if source == "domain" and i.target in NOT_IN_DOMAIN:
            out.append(f"{i.module}:{i.line} imports {i.target}: the domain does no I/O "
                       "(files are desktop.files')")
    for module, line, called in file_calls(modules):
        out.append(f"{module}:{line} calls {called}(): the domain does no I/O")
    for module, line, method in session_calls(modules):
        if layer_of(module) not in MAY_OPEN_SESSIONS:
            out.append(f"{module}:{line} opens a session (.{method}()): only store and actions do")
    out += [f"import cycle: {' -> '.join(c)}" for c in cycles(modules)]
    return out


# ---- the tests ----------------------------------------------------------------------------


def test_the_import_graph_has_only_allowed_edges_and_no_cycle() -> None:
    assert problems(ROOT) == []


def test_every_module_is_in_a_layer() -> None:
    for module in module_files(ROOT):
        layer_of(module)  # raises for a module that no entry of LAYERS covers


def test_the_table_itself_is_one_way() -> None:
    """No two layers may import each other: the table has no cycle."""
    for a, targets in ALLOWED.items():
        for b in targets:
            assert a not in ALLOWED[b], f"{a} <-> {b}"
    assert "exchange" not in ALLOWED["store"] and "store" not in ALLOWED["exchange"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of desktop/ to break."""
    shutil.copytree(ROOT / "desktop", tmp_path / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "code", "expected"),
    [
        ("desktop/exchange/package.py", "from desktop.store.models import UnitRow",
         "desktop.exchange.package:"),
        ("desktop/store/plans.py", "def f():\n    from ..exchange import form_reader",
         "store -> exchange is not an allowed edge"),
        ("desktop/domain/plan.py", "def f():\n    import desktop.actions.review",
         "domain -> actions is not an allowed edge"),
        ("desktop/ui/units_page.py", "def f():\n    from ..store.units import list_units",
         "ui -> store is not an allowed edge"),
        ("desktop/cli/commands.py", "def f():\n    from sqlalchemy import select",
         "desktop.cli.commands"),
        ("desktop/ui/history_page.py", "def f(db):\n    with db.reading() as s:\n        pass",
         "opens a session (.reading())"),
        ("desktop/exchange/pdf_document.py", "import PySide6", "imports PySide6"),
        ("desktop/domain/storage.py", "import os", "the domain does no I/O"),
        ("desktop/domain/plan.py", "def f(p):\n    return p.read_text('utf-8')",
         "desktop.domain.plan:"),
        ("desktop/domain/errors.py", "def f():\n    from .plan_schema import parse_plan",
         "import cycle: desktop.domain.errors -> "),  # with plan_schema and what links them
    ],
)
def test_the_check_fails_when_an_illegal_import_is_added(tree: Path, module: str, code: str,
                                                         expected: str) -> None:
    assert problems(tree) == []  # the copy is as clean as the original
    _append(tree / module, code)
    found = problems(tree)
    assert any(expected in p for p in found), found


def test_importing_the_whole_domain_loads_no_qt_and_no_database() -> None:
    names = [m for m in module_files(ROOT) if layer_of(m) == "domain"]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'sqlalchemy', 'alembic', 'openpyxl', 'reportlab')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"
