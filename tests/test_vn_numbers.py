"""Numbers a person reads are grouped the Vietnamese way (3.321 đơn vị; 1.234,5): every
count the window or the command line puts into a message goes through vnformat.number.

A count interpolated bare (f"{len(units)} đơn vị") prints 3321 at province scale; this
test reads the sources and names each such place."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.domain.vnformat import number

ROOT = Path(__file__).resolve().parent.parent / "desktop"
# what reads as a count: len(...), these names, these attributes (and sums of them)
COUNT_NAMES = {"n", "total", "done", "shown", "active", "count", "copied", "written", "rows"}
COUNT_ATTRS = {"passed", "failed", "incomplete", "submitted", "expected", "on_time", "late",
               "accepted", "not_submitted", "evaluated", "units", "reports", "rank"}
# places where the value is no count a person reads as a number
NOT_COUNTS = {
    ("export_dialog.py", "n"),  # a unit's name in a list; bytes below 1024
    ("first_run.py", "n"),  # a file name suffix (demo-2.db)
    ("main_window.py", "n"),  # the recent file's menu letter (&1 … &9)
    ("quota_gauge.py", "len(self.gauges)"),  # an object name
    ("proposals_page.py", "written"),  # a file path
    ("plan_item_dialog.py", "len(plan.blocks) + 1"),  # a new block's default code (K3)
}


def bare_count(v: ast.expr) -> bool:
    if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id == "len":
        return True
    if isinstance(v, ast.Name):
        return v.id in COUNT_NAMES
    if isinstance(v, ast.Attribute):
        return v.attr in COUNT_ATTRS
    if isinstance(v, ast.BinOp):
        return bare_count(v.left) or bare_count(v.right)
    return False


def ungrouped(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for part in node.values:
                if isinstance(part, ast.FormattedValue) and part.format_spec is None and \
                        bare_count(part.value) and \
                        (path.name, ast.unparse(part.value)) not in NOT_COUNTS:
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(part.value)}")
    return found


def test_counts_in_the_window_and_the_command_line_are_grouped() -> None:
    assert not ungrouped(ROOT / "ui") + ungrouped(ROOT / "cli")


def test_the_scan_finds_a_bare_count(tmp_path: Path) -> None:
    source = 'def f(u, s):\n    return f"{len(u)} đơn vị, đạt {s.passed}, {number(len(u))}"\n'
    (tmp_path / "page.py").write_text(source, encoding="utf-8")
    assert ungrouped(tmp_path) == ["page.py:2: len(u)", "page.py:2: s.passed"]


def test_numbers_read_the_vietnamese_way() -> None:
    assert number(3321) == "3.321"
    assert number(1234.5, 1) == "1.234,5"
    assert number(1234567.25) == "1.234.567,25"
