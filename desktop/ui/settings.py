"""Settings of this computer, declared once with their types and defaults.

Business settings that travel with the data (office, signer) live in the database;
here are only what belongs to the person's machine: recent databases, window layout.
With THIDUA_DATA_DIR set (tests, portable use) they go to settings.ini in that folder.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

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


Where = tuple[str, int]  # a QSettings' file name (a registry path on Windows) and format


class _DiskWriter:
    """Writes the settings to disk on a thread of its own, in the order given.

    QSettings.sync() fdatasyncs twice (its lock file and the new file). On the GUI thread,
    beside the automatic backup's fsync on a slow disk, one such write held the window
    316 ms while a database opened (issue 12). A value given but not yet on disk is read
    from `pending`, by every Settings of the process, so it is seen at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[tuple[str, int, str], object] = {}
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def pending(self, where: Where, key: str) -> tuple[bool, object]:
        with self._lock:
            found = (*where, key) in self._pending
            return found, self._pending.get((*where, key))

    def put(self, where: Where, key: str, value: object) -> None:
        value = qt_native(value)
        with self._lock:
            self._pending[(*where, key)] = value
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="thidua-settings",
                                                daemon=True)
                self._thread.start()
        self._queue.put((*where, key, value))

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every value given so far is on disk (at most `timeout` seconds)."""
        with self._lock:
            if self._thread is None:
                return
        written = threading.Event()
        self._queue.put(written)
        written.wait(timeout)

    def _run(self) -> None:
        stores: dict[Where, QSettings] = {}
        while True:
            batch = [self._queue.get()]
            while True:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._write([item for item in batch if isinstance(item, tuple)], stores)
            except Exception:  # noqa: BLE001 - a setting not kept must not stop the writer
                logging.getLogger(__name__).exception("settings not written")
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()

    def _write(self, items: list[tuple[str, int, str, object]],
               stores: dict[Where, QSettings]) -> None:
        touched: dict[Where, QSettings] = {}
        for name, fmt, key, value in items:
            store = stores.get((name, fmt))
            if store is None:
                store = stores[(name, fmt)] = QSettings(name, QSettings.Format(fmt))
            store.setValue(key, value)
            touched[(name, fmt)] = store
        for store in touched.values():
            store.sync()
        with self._lock:
            for name, fmt, key, value in items:
                if self._pending.get((name, fmt, key), None) is value:
                    del self._pending[(name, fmt, key)]


def qt_native(value: object) -> object:
    """`value` as a type Qt writes by itself: a text, a QByteArray, a number or a flag.

    Anything else (Python bytes included) Qt keeps as a pickled Python object, and its
    writing then needs the interpreter's lock while Qt holds its settings lock. On the
    settings thread that deadlocked against the GUI thread creating a QSettings (it holds
    the interpreter's lock and waits for Qt's). So such values are converted here, and a
    type with no Qt form is refused at once, where it is given."""
    if isinstance(value, bytes | bytearray):
        return QByteArray(bytes(value))
    if value is None or isinstance(value, str | QByteArray | bool | int | float):
        return value
    raise TypeError(f"a setting must be text, bytes or a number, not {type(value).__name__}")


_writer = _DiskWriter()
atexit.register(_writer.flush)


class Settings:
    """Typed access to the few settings the GUI keeps. Reads are answered at once; writes
    reach the disk on the settings thread (`flush` waits for them)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()
        self._where: Where = (self.store.fileName(), self.store.format().value)

    def _value(self, key: str, default: object = None) -> object:
        found, value = _writer.pending(self._where, key)
        return value if found else self.store.value(key, default)

    def _put(self, key: str, value: object) -> None:
        _writer.put(self._where, key, value)

    def flush(self) -> None:
        """Every setting given so far on disk (e.g. before reading the file itself)."""
        _writer.flush()

    # ---- recent databases -------------------------------------------------------------
    def recent_databases(self) -> list[Path]:
        raw = self._value(KEY_RECENT, "")
        text = "\n".join(raw) if isinstance(raw, list) else str(raw or "")
        return [Path(line) for line in text.splitlines() if line.strip()]

    def _set_recent(self, paths: list[Path]) -> None:
        self._put(KEY_RECENT, "\n".join(str(p) for p in paths[:RECENT_MAX]))

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self._put(KEY_LAST_KIND, "file")
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
        raw = self._value(KEY_SERVERS, "")
        text = "\n".join(raw) if isinstance(raw, list) else str(raw or "")
        return [line.strip() for line in text.splitlines() if line.strip()]

    def add_recent_server(self, label: str) -> None:
        """Remember a server; `label` is Location.label, which holds no password."""
        from ..actions.server import parse_location

        clean = parse_location(label).label  # drops a password, should one be passed in
        servers = [clean] + [s for s in self.recent_servers() if s != clean]
        self._put(KEY_SERVERS, "\n".join(servers[:RECENT_MAX]))
        self._put(KEY_LAST_KIND, "server")

    def last_server(self) -> Any:
        """The server opened last (a Location, without password), when the last database
        opened was a server's; else None."""
        servers = self.recent_servers()
        if str(self._value(KEY_LAST_KIND, "")) == "server" and servers:
            from ..actions.server import parse_location

            return parse_location(servers[0])
        return None

    def clear_recent_servers(self) -> None:
        self._put(KEY_SERVERS, "")

    # ---- anything else: bytes for window layout -----------------------------------------
    def get_bytes(self, key: str) -> object:
        return self._value(key)

    def set_value(self, key: str, value: object) -> None:
        self._put(key, value)
