"""The database: open it (creating one from a plan or as the demo: actions.new_database).

A SQLite file, or a PostgreSQL server's database (store.location). `open_database`
returns the handle every other office action takes; backup and restore are in
actions.maintenance.
"""

from __future__ import annotations

from pathlib import Path

from ..store.database import Database, check_is_sqlite
from ..store.errors import DatabaseLocked
from ..store.location import Location

__all__ = [
    "Database",
    "DatabaseLocked",
    "check_is_sqlite",
    "open_database",
    "prepare_mappers",
]


def open_database(
    path: Path | str | Location, *, write: bool = True, create: bool = False, backup: bool = True
) -> Database:
    """Open `path`, a file or a server address (for writing: lock and backup of a file,
    upgrade); refuses in Vietnamese."""
    return Database.open(path, write=write, create=create, backup=backup)


def prepare_mappers() -> None:
    """Configure the ORM's mappers now (about 0.4 s in a fresh process), e.g. on the
    window's worker thread while it opens the database, instead of on the first query."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
