"""Settings of this computer, declared once with their types and defaults.

Business settings that travel with the data (office, signer) live in the database;
here are only what belongs to the person's machine: recent databases, window layout.
With THIDUA_DATA_DIR set (tests, portable use) they go to settings.ini in that folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "ThiDuaCDS"
APPLICATION = "ThiDuaCDS"
RECENT_MAX = 8
KEY_RECENT = "databases/recent"


def qsettings() -> QSettings:
    folder = os.environ.get("THIDUA_DATA_DIR")
    if folder:
        return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


class Settings:
    """Typed access to the few settings the GUI keeps."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    # ---- recent databases -------------------------------------------------------------
    def recent_databases(self) -> list[Path]:
        raw = self.store.value(KEY_RECENT, "")
        text = "\n".join(raw) if isinstance(raw, list) else str(raw or "")
        return [Path(line) for line in text.splitlines() if line.strip()]

    def _set_recent(self, paths: list[Path]) -> None:
        self.store.setValue(KEY_RECENT, "\n".join(str(p) for p in paths[:RECENT_MAX]))
        self.store.sync()

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self._set_recent([path] + [p for p in self.recent_databases() if p != path])

    def remove_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self._set_recent([p for p in self.recent_databases() if p != path])

    def clear_recent(self) -> None:
        self._set_recent([])

    def last_database(self) -> Path | None:
        """The most recently used database that still exists."""
        for p in self.recent_databases():
            if p.is_file():
                return p
        return None

    # ---- anything else: bytes for window layout -----------------------------------------
    def get_bytes(self, key: str) -> object:
        return self.store.value(key)

    def set_value(self, key: str, value: object) -> None:
        self.store.setValue(key, value)
