"""Compile resources/translations/*.ts (Qt's own strings in Vietnamese) into .qm files.

    python build_scripts/compile_translations.py            # .qm beside each .ts
    python build_scripts/compile_translations.py --out DIR  # elsewhere (tests)

Qt ships no Vietnamese translation of its own strings (dialog buttons, text-field menus,
the file and print dialogs, scroll bar menus); qtbase_vi.ts holds ours. The .qm is built,
never committed: scripts/setup.sh and the PyInstaller spec run this.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"


def lrelease_command() -> list[str]:
    exe = "pyside6-lrelease" + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / exe
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials in this environment")


def compile_all(out_dir: Path | None = None, quiet: bool = True) -> list[Path]:
    """Every .ts compiled; returns the .qm files (an up-to-date one is not rebuilt)."""
    built = []
    for ts in sorted(SOURCES.glob("*.ts")):
        qm = (out_dir or ts.parent) / f"{ts.stem}.qm"
        if not (qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime):
            qm.parent.mkdir(parents=True, exist_ok=True)
            args = [*lrelease_command(), *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)]
            subprocess.run(args, check=True)
        built.append(qm)
    if not built:
        raise SystemExit(f"no .ts file in {SOURCES}")
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the .qm files (default: beside)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for qm in compile_all(args.out, quiet=not args.verbose):
        print(qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
