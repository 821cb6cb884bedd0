"""Schema versions with Alembic, run from the program (never by hand).

The revision a database holds is read with plain sqlite3 first, so that an
up-to-date database opens without importing Alembic at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine

from .errors import DatabaseTooNew, NotADatabase, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0004"


def known_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


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


def refuse_newer(path: Path) -> None:
    rev = stored_revision(path)
    if rev is not None and rev not in known_revisions():
        raise DatabaseTooNew(
            f"Cơ sở dữ liệu {path} được tạo bởi một phiên bản ThiĐua CĐS mới hơn "
            f"(định dạng {rev}). Hãy cài phiên bản mới nhất của chương trình để mở nó."
        )


def refuse_older_for_read(path: Path) -> None:
    rev = stored_revision(path)
    if rev is not None and rev != HEAD_REVISION:
        raise StoreError(
            f"Cơ sở dữ liệu {path} ở định dạng cũ ({rev}); hãy mở nó bằng chương trình "
            "(hoặc chạy 'thidua backup') một lần để nâng cấp."
        )


def upgrade(engine: Engine, path: Path) -> None:
    """Bring the schema to the head revision, in one transaction."""
    if path.exists() and stored_revision(path) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
