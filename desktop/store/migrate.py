"""Schema versions with Alembic, run from the program (never by hand).

The revision a file holds is read with plain sqlite3 first, so that an up-to-date
database opens without importing Alembic at all. A PostgreSQL server's database goes
through the very same migrations (SQLite in batch mode, PostgreSQL directly), under an
advisory lock so that two PCs opening a new version do not both upgrade it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import DatabaseTooNew, NotADatabase, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0008"
# pg_advisory_xact_lock key for upgrades on a server: "TDCDS" in ASCII, the same on every PC
MIGRATION_LOCK = 0x5444434453

TYPE_CHECKING = False  # typing is not imported at a command's start
if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine


def known_revisions() -> set[str]:
    """The revisions of the migration scripts shipped (`NNNN_what.py`), read with one
    listing of the folder (a glob pattern would compile a regular expression)."""
    try:
        names = os.listdir(MIGRATIONS / "versions")
    except OSError:
        return set()
    return {
        name.split("_", 1)[0]
        for name in names
        if name[:1] in _DIGITS and name.endswith(".py") and "_" in name[1:-3]
    }


_DIGITS = frozenset("0123456789")


def stored_revision(path: Path) -> str | None:
    """The revision in the file; None for an empty file; NotADatabase if foreign."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        _raise_if_storage(exc, path)
        raise NotADatabase(f"Không mở được cơ sở dữ liệu {path}: {exc}") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise NotADatabase(f"Tệp {path} không phải là cơ sở dữ liệu của ThiĐua CĐS.")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        _raise_if_storage(exc, path)
        raise NotADatabase(f"Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu: {exc}") from None
    finally:
        con.close()


def _raise_if_storage(exc: sqlite3.Error, path: Path) -> None:
    """A full disk, a lock or a missing folder is not a damaged file: say which it is."""
    from .health import storage_error_of

    err = storage_error_of(exc, Path(path), "cơ sở dữ liệu")
    if err is not None and err.cause != "damaged":
        raise err from None


def refuse_newer_revision(rev: str | None, where: object) -> None:
    if rev is not None and rev != HEAD_REVISION and rev not in known_revisions():
        raise DatabaseTooNew(
            f"Cơ sở dữ liệu {where} được tạo bởi một phiên bản ThiĐua CĐS mới hơn "
            f"(định dạng {rev}). Hãy cài phiên bản mới nhất của chương trình để mở nó."
        )


def refuse_older_revision(rev: str | None, where: object) -> None:
    if rev is not None and rev != HEAD_REVISION:
        raise StoreError(
            f"Cơ sở dữ liệu {where} ở định dạng cũ ({rev}); hãy mở nó bằng chương trình "
            "(hoặc chạy 'thidua backup') một lần để nâng cấp."
        )


def refuse_newer(path: Path) -> None:
    refuse_newer_revision(stored_revision(path), path)


def refuse_older_for_read(path: Path) -> None:
    refuse_older_revision(stored_revision(path), path)


def upgrade(engine: Engine, path: Path | None = None) -> None:
    """Bring the schema to the head revision, in one transaction. `path` is the SQLite
    file (its revision read without Alembic); None for a server's database."""
    if engine.dialect.name == "sqlite":
        if path is not None and path.exists() and stored_revision(path) == HEAD_REVISION:
            return
        with engine.begin() as conn:
            _run_alembic(conn)
        return
    with engine.begin() as conn:
        # one PC upgrades, the others wait, then see head (held until the transaction ends)
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        row = None
        if "alembic_version" in _table_names(conn):
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        if row is not None and row[0] == HEAD_REVISION:
            return
        _run_alembic(conn)


def _table_names(conn: Connection) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(conn).get_table_names())


def _run_alembic(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
