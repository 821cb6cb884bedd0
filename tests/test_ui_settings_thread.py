"""This PC's settings reach the disk from a thread of their own (issue 12): QSettings.sync()
fdatasyncs twice, and on the GUI thread, beside the automatic backup's fsync on a slow disk,
it held the window 316 ms while a database opened. What is written is read back at once,
by any Settings, and is on disk after flush() or at exit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.ui import settings as settings_module
from desktop.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads that called QSettings.sync()."""
    seen: list[str] = []

    class Recording(QSettings):
        def sync(self) -> None:
            seen.append(threading.current_thread().name)
            super().sync()

    monkeypatch.setattr(settings_module, "QSettings", Recording)
    monkeypatch.setattr(settings_module, "_writer", settings_module._DiskWriter())
    return seen


def _ini() -> Path:
    return Path(os.environ["THIDUA_DATA_DIR"]) / "settings.ini"


def test_writes_reach_the_disk_off_the_calling_thread(syncs: list[str], tmp_path: Path) -> None:
    db = tmp_path / "thidua.db"
    db.write_bytes(b"")
    s = Settings()
    s.add_recent(db)
    s.set_value("MainWindow/geometry", b"\x01\x02")
    assert Settings().recent_databases() == [db.resolve()]  # seen at once, by any Settings
    assert Settings().get_bytes("MainWindow/geometry") == b"\x01\x02"
    s.flush()
    assert syncs and set(syncs) == {"thidua-settings"}
    assert str(db.resolve()) in _ini().read_text(encoding="utf-8")
    fresh = QSettings(str(_ini()), QSettings.Format.IniFormat)
    assert fresh.value("databases/last_kind") == "file"


def test_the_last_of_several_writes_wins(syncs: list[str], tmp_path: Path) -> None:
    s = Settings()
    paths = [tmp_path / f"{i}.db" for i in range(12)]
    for p in paths:
        s.add_recent(p)
    s.remove_recent(paths[-1])
    expected = [p.resolve() for p in reversed(paths[4:-1])]
    assert s.recent_databases() == expected
    s.flush()
    assert Settings().recent_databases() == expected
    assert QSettings(str(_ini()), QSettings.Format.IniFormat).value("databases/recent") \
        == "\n".join(str(p) for p in expected)


def test_a_process_that_ends_without_flush_still_writes(tmp_path: Path) -> None:
    code = ("from pathlib import Path; from desktop.ui.settings import Settings; "
            f"Settings().add_recent(Path({str(tmp_path / 'x.db')!r}))")
    env = {**os.environ, "THIDUA_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert str((tmp_path / "x.db").resolve()) in text


def test_bytes_are_written_as_qt_writes_them_not_as_a_python_object(
        syncs: list[str], tmp_path: Path) -> None:
    """Qt writes a Python object (bytes were one) by calling back into Python while it holds
    its settings lock: the settings thread then deadlocked against the GUI thread, which
    was creating a QSettings with the interpreter's lock held (a CI run hung there)."""
    s = Settings()
    s.set_value("MainWindow/geometry", b"\x01\x02")
    s.set_value("MainWindow/state", bytearray(b"\x03"))
    s.flush()
    text = _ini().read_text(encoding="utf-8")
    assert "PyObject" not in text
    assert "@ByteArray(\\x1\\x2)" in text
    stored = QSettings(str(_ini()), QSettings.Format.IniFormat).value("MainWindow/geometry")
    assert bytes(stored) == b"\x01\x02"


def test_a_setting_with_no_qt_form_is_refused_where_it_is_given(syncs: list[str]) -> None:
    with pytest.raises(TypeError, match="a setting must be"):
        Settings().set_value("MainWindow/geometry", {"x": 1})
    assert not syncs


def test_creating_settings_while_the_writer_writes_does_not_hang(
        syncs: list[str], tmp_path: Path) -> None:
    """The GUI thread creates QSettings (each Settings does) while the writer syncs; every
    value then reaches the disk, the last of each key winning."""
    s = Settings()
    for i in range(200):
        s.set_value(f"MainWindow/splitters/s{i % 7}", b"\x00" * (i % 13))
        Settings()
    s.flush()
    fresh = QSettings(str(_ini()), QSettings.Format.IniFormat)
    for k in range(7):
        last = max(i for i in range(200) if i % 7 == k)
        assert bytes(fresh.value(f"MainWindow/splitters/s{k}")) == b"\x00" * (last % 13)
