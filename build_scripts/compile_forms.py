"""Compile forms/*.ui into desktop/ui/forms/ui_*.py with pyside6-uic.

    python build_scripts/compile_forms.py              # every form
    python build_scripts/compile_forms.py forms/x.ui   # some forms
    python build_scripts/compile_forms.py --check      # exit 1 if one is missing or stale

Each generated file starts with a "generated — do not edit" header that records the
SHA-256 of the .ui it was compiled from, so staleness is decided by content, not by
file times (a git checkout writes files in any order).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "desktop" / "ui" / "forms"
HEADER = "# generated — do not edit: compiled from forms/{name} by build_scripts/compile_forms.py\n"
HASH_PREFIX = "# source-sha256: "


def target_of(ui: Path) -> Path:
    return OUT / f"ui_{ui.stem}.py"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_hash(py: Path) -> str | None:
    with py.open(encoding="utf-8") as fh:
        for _ in range(5):
            line = fh.readline()
            if line.startswith(HASH_PREFIX):
                return line[len(HASH_PREFIX):].strip()
    return None


def is_stale(ui: Path) -> str | None:
    """Why the compiled form of `ui` must be rebuilt, or None if it is up to date."""
    py = target_of(ui)
    if not py.exists():
        return f"{py.relative_to(ROOT)} is missing"
    recorded = recorded_hash(py)
    if recorded is None:
        if ui.stat().st_mtime > py.stat().st_mtime + 2:
            return f"{py.relative_to(ROOT)} is older than {ui.relative_to(ROOT)}"
        return None
    if recorded != sha256(ui):
        return f"{py.relative_to(ROOT)} was compiled from an older {ui.relative_to(ROOT)}"
    return None


def uic_command() -> list[str]:
    exe = "pyside6-uic" + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / exe
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found: install PySide6-Essentials in this environment")


def prune_imports(source: str) -> str:
    """Keep only the names the form uses in uic's blanket `from PySide6.X import (...)`
    lines: every Qt class named there is created on first import, about 13 ms at start-up
    for the ones a form never uses."""
    tree = ast.parse(source)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in sorted((n for n in tree.body if isinstance(n, ast.ImportFrom)),
                       key=lambda n: n.lineno, reverse=True):
        if not (node.module or "").startswith("PySide6"):
            continue
        names = [a.name for a in node.names if a.name in used]
        new = f"from {node.module} import {', '.join(names)}\n" if names else ""
        if len(new) > 100:
            new = f"from {node.module} import (\n" + "".join(
                f"    {name},\n" for name in names) + ")\n"
        assert node.end_lineno is not None
        lines[node.lineno - 1:node.end_lineno] = [new]
    return "".join(lines)


def compile_form(ui: Path) -> Path:
    py = target_of(ui)
    result = subprocess.run(
        [*uic_command(), "--no-autoconnection", str(ui)],
        check=True, capture_output=True, text=True, encoding="utf-8",
    )
    body = prune_imports(result.stdout.replace("\r\n", "\n"))
    py.write_text(HEADER.format(name=ui.name) + HASH_PREFIX + sha256(ui) + "\n" + body,
                  encoding="utf-8")
    return py


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("forms", nargs="*", type=Path, help=".ui files (default: forms/*.ui)")
    p.add_argument("--check", action="store_true", help="only report missing or stale forms")
    args = p.parse_args(argv)
    forms = [f.resolve() for f in args.forms] or sorted(FORMS.glob("*.ui"))
    OUT.mkdir(parents=True, exist_ok=True)
    init = OUT / "__init__.py"
    if not init.exists():
        init.write_text('"""Forms compiled from forms/*.ui (generated — do not edit)."""\n',
                        encoding="utf-8")
    if args.check:
        problems = [why for ui in forms if (why := is_stale(ui))]
        for why in problems:
            print(why)
        return 1 if problems else 0
    for ui in forms:
        print(f"{ui.relative_to(ROOT)} -> {compile_form(ui).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
