"""Settings of this computer, declared once with their types and defaults.

Business settings that travel with the data (office, signer) live in the database;
here are only what belongs to the person's machine: recent databases, window layout.
With THIDUA_DATA_DIR set (tests, portable use) they go to settings.ini in that folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "ThiDuaCDS"
APPLICATION = "ThiDuaCDS"
RECENT_MAX = 8
KEY_RECENT = "databases/recent"
KEY_SERVERS = "databases/servers"  # server addresses without password, newest first
KEY_LAST_KIND = "databases/last_kind"  # "server" when the last database opened was one


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
        self.store.setValue(KEY_LAST_KIND, "file")
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

    # ---- recent servers: never the password ------------------------------------------------
    def recent_servers(self) -> list[str]:
        """Addresses like postgresql://user@host:5432/db, newest first."""
        raw = self.store.value(KEY_SERVERS, "")
        text = "\n".join(raw) if isinstance(raw, list) else str(raw or "")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def add_recent_server(self, label: str) -> None:
        """Remember a server; `label` is Location.label, which holds no password."""
        from ..actions.server import parse_location

        clean = parse_location(label).label  # drops a password, should one be passed in
        servers = [clean] + [s for s in self.recent_servers() if s != clean]
        self.store.setValue(KEY_SERVERS, "\n".join(servers[:RECENT_MAX]))
        self.store.setValue(KEY_LAST_KIND, "server")
        self.store.sync()

    def last_server(self) -> Any:
        """The server opened last (a Location, without password), when the last database
        opened was a server's; else None."""
        servers = self.recent_servers()
        if str(self.store.value(KEY_LAST_KIND, "")) == "server" and servers:
            from ..actions.server import parse_location

            return parse_location(servers[0])
        return None

    def clear_recent_servers(self) -> None:
        self.store.setValue(KEY_SERVERS, "")
        self.store.sync()

    # ---- anything else: bytes for window layout -----------------------------------------
    def get_bytes(self, key: str) -> object:
        return self.store.value(key)

    def set_value(self, key: str, value: object) -> None:
        self.store.setValue(key, value)
