"""Every form in forms/*.ui is compiled into desktop/ui/forms/ui_*.py, from its current
content, with the "generated — do not edit" header (build_scripts/compile_forms.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_forms",
                                                  ROOT / "build_scripts" / "compile_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("compile_forms", module)
    spec.loader.exec_module(module)
    return module


compile_forms = _compiler()


def test_there_are_forms() -> None:
    assert FORMS


@pytest.mark.parametrize("ui", FORMS, ids=lambda p: p.name)
def test_form_is_compiled_and_not_stale(ui: Path) -> None:
    why = compile_forms.is_stale(ui)
    assert why is None, f"{why}: run 'uv run python build_scripts/compile_forms.py {ui.name}'"
    head = compile_forms.target_of(ui).read_text(encoding="utf-8").splitlines()[:3]
    assert any("generated" in line and "do not edit" in line for line in head)


def test_staleness_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ui = tmp_path / "forms" / "x.ui"
    ui.parent.mkdir()
    ui.write_text(FORMS[0].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "desktop" / "ui" / "forms"
    out.mkdir(parents=True)
    monkeypatch.setattr(compile_forms, "ROOT", tmp_path)
    monkeypatch.setattr(compile_forms, "OUT", out)
    assert "missing" in compile_forms.is_stale(ui)
    compile_forms.compile_form(ui)
    assert compile_forms.is_stale(ui) is None
    ui.write_text(ui.read_text(encoding="utf-8").replace("</ui>", "<!-- sửa -->\n</ui>"),
                  encoding="utf-8")
    assert "older" in compile_forms.is_stale(ui)
