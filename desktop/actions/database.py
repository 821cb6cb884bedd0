"""Opening the database file: the handle every other office action takes."""

from __future__ import annotations

from pathlib import Path

from ..store.database import Database

__all__ = ["Database", "open_database"]


def open_database(
    path: Path, *, write: bool = True, create: bool = False, backup: bool = True
) -> Database:
    """Open `path` (for writing: lock, backup, upgrade); refuses in Vietnamese."""
    return Database.open(path, write=write, create=create, backup=backup)
