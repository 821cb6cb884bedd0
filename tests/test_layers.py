"""The core has no Qt and no database (STYLE.md practice 1): desktop/domain imports
neither PySide6 nor SQLAlchemy, nor the layers above it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ROOT / "desktop" / "domain"
FORBIDDEN = ("PySide6", "sqlalchemy", "alembic", "openpyxl", "reportlab",
             "desktop.store", "desktop.ui", "desktop.exchange", "desktop.cli")
MODULES = sorted(DOMAIN.glob("*.py"))


def imported_names(path: Path) -> list[str]:
    """Absolute names of every module `path` imports (relative ones resolved)."""
    package = "desktop.domain"
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names.append(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                names.append(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_domain_module_imports_nothing_above_it(path: Path) -> None:
    bad = [n for n in imported_names(path)
           if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)]
    assert bad == [], f"{path.name} imports {bad}"


def test_importing_the_whole_domain_loads_no_qt_and_no_database() -> None:
    names = [f"desktop.domain.{p.stem}" for p in MODULES if p.stem != "__init__"]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {list(FORBIDDEN[:5])!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"
