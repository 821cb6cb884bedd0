"""Copying a whole database between engines, verified table by table.

Used to move a SQLite file up to an empty PostgreSQL database, and for the portable
backup of a server's database (a SQLite file of the same schema, which restores into
either). Both sides must be at the same schema revision. Rows keep their ids; the
server's id sequences continue after the copied rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, Table, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

from .errors import StoreError
from .models import Base

# Filled by the migrations themselves (a new database's own signing key): the copy brings
# the source's instead, so that a moved office keeps its identity.
SEEDED_BY_MIGRATIONS = frozenset({"office_key"})
Progress = Callable[[int, int, str], object]
CHUNK = 5000
FILE_CHUNK = 4


def _quiet(_done: int, _total: int, _text: str) -> None:
    pass


@dataclass(frozen=True)
class TableCheck:
    """One table after the copy: its row count and a digest of its rows, both sides."""

    table: str
    rows: int
    digest: str


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def _canonical(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(float(value))
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, bytes | memoryview):  # a file's content: its digest, not its repr
        return "bytes:" + hashlib.sha256(bytes(value)).hexdigest()
    return repr(value)


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def _holds_files(table: Table) -> bool:
    return any(isinstance(c.type, LargeBinary) for c in table.c)


def _rows(conn: Connection, table: Table) -> Any:
    """The table's rows in key order; a table of file contents streamed from the server
    (not every file in memory at once)."""
    query = _ordered(table)
    if _holds_files(table):
        query = query.execution_options(stream_results=True, max_row_buffer=FILE_CHUNK)
    return conn.execute(query)


def table_check(conn: Connection, table: Table) -> TableCheck:
    h = hashlib.sha256()
    count = 0
    for row in _rows(conn, table):
        h.update("\x1f".join(_canonical(v) for v in row).encode())
        h.update(b"\x1e")
        count += 1
    return TableCheck(table.name, count, h.hexdigest())


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in tables()}


def is_empty(conn: Connection) -> bool:
    """No row a person put there (what the migrations seed does not count)."""
    return not any(n for t, n in row_counts(conn).items() if t not in SEEDED_BY_MIGRATIONS)


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _chunks(rows: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterable[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _copy_table(src: Connection, dst: Connection, table: Table) -> None:
    later = _self_references(table)  # written after every row exists (unit.merged_into)
    pending: list[dict[str, Any]] = []
    keys = [c.name for c in table.primary_key.columns]
    rows = (dict(r._mapping) for r in _rows(src, table))
    # a file's content is up to 200 MB: those rows go a few at a time
    size = FILE_CHUNK if _holds_files(table) else CHUNK
    for chunk in _chunks(rows, size):
        for row in chunk:
            if later and any(row[c] is not None for c in later):
                pending.append({**{k: row[k] for k in keys}, **{c: row[c] for c in later}})
                for c in later:
                    row[c] = None
        dst.execute(insert(table), chunk)
    for row in pending:
        where = [table.c[k] == row[k] for k in keys]
        dst.execute(update(table).where(*where).values({c: row[c] for c in later}))


def _reset_sequences(dst: Connection) -> None:
    if dst.dialect.name != "postgresql":
        return
    for table in tables():
        if "id" not in table.c:
            continue
        name = table.name.replace('"', '""')
        dst.execute(text(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
            f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM \"{name}\""
        ))


def clear_all(dst: Connection) -> None:
    """Delete every row of the schema, children first (a restore over existing data)."""
    for table in reversed(tables()):
        for column in _self_references(table):
            dst.execute(update(table).values({column: None}))
        dst.execute(delete(table))


def copy_all(src: Connection, dst: Connection, progress: Progress = _quiet) -> list[TableCheck]:
    """Copy every table from `src` into the empty `dst`, in dst's open transaction, then
    compare the two table by table; StoreError (and the caller rolls back) on a
    difference. Returns the checks, one per table."""
    if not is_empty(dst):
        raise StoreError("Cơ sở dữ liệu đích đã có dữ liệu; chỉ chuyển được vào một cơ sở "
                         "dữ liệu còn trống.")
    all_tables = tables()
    for table in all_tables:
        if table.name in SEEDED_BY_MIGRATIONS:
            dst.execute(delete(table))
    steps = 2 * len(all_tables)
    for i, table in enumerate(all_tables):
        progress(i, steps, f"Đang chép bảng {table.name}…")
        _copy_table(src, dst, table)
    _reset_sequences(dst)
    checks = []
    for i, table in enumerate(all_tables):
        progress(len(all_tables) + i, steps, f"Đang đối chiếu bảng {table.name}…")
        mine, theirs = table_check(src, table), table_check(dst, table)
        if mine != theirs:
            raise StoreError(
                f"Bảng {table.name} chép sang không khớp với bản gốc ({mine.rows} dòng gốc, "
                f"{theirs.rows} dòng đã chép); không có gì được ghi."
            )
        checks.append(mine)
    progress(steps, steps, "")
    return checks


__all__ = ["TableCheck", "clear_all", "copy_all", "is_empty", "row_counts", "table_check",
           "tables"]
