"""PySide6 does not read the source of every module imported after it (desktop/ui/__init__:
the application selects no `__feature__`, so the answer it reads the file for decides
nothing): the window's start and the workers' imports are spared that."""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

import pytest

import desktop.ui  # noqa: F401 - what the window imports first


def test_a_module_imported_after_pyside_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[object] = []
    real = inspect.getsource

    def getsource(obj: object) -> str:
        read.append(obj)
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", getsource)
    (tmp_path / "thidua_fresh_module.py").write_text('"""PySide6"""\nVALUE = 1\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        module = importlib.import_module("thidua_fresh_module")
        exec("import thidua_fresh_module", {"__name__": "thidua_importer"})  # through __import__
    finally:
        sys.modules.pop("thidua_fresh_module", None)
    assert module.VALUE == 1
    assert not [m for m in read if getattr(m, "__name__", "") == "thidua_fresh_module"]


def test_the_scan_is_the_one_this_pyside_has() -> None:
    """The skip holds for this PySide6 (a newer one without the scan is told apart:
    `skip_pyside_source_scan` says False and changes nothing)."""
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is desktop.ui._uses_pyside
    assert desktop.ui.skip_pyside_source_scan()
