"""Reading and poking a test database the same way on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text


def _url(target: object) -> str:
    s = str(target)
    return s if "://" in s else f"sqlite:///{s}"


def sql(target: object, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    """Run one statement on the database (a file path or a server URL), committed;
    the rows it returns."""
    engine = create_engine(_url(target))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def is_server(target: object) -> bool:
    return "://" in str(target)


def dump(target: object) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the schema, its rows typed as the application reads them, by id."""
    from sqlalchemy import select

    from desktop.store.transfer import tables

    engine = create_engine(_url(target))
    try:
        with engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(
                select(t).order_by(*t.primary_key.columns))] for t in tables()}
    finally:
        engine.dispose()


def before_restore_note(restored: dict[str, list[tuple[Any, ...]]], source: object
                        ) -> dict[str, list[tuple[Any, ...]]]:
    """`dump` of a restored database without the history entry the restore wrote
    (asserted to be its last one: RESTORE_REASON, naming the backup file)."""
    from desktop.actions.maintenance import RESTORE_REASON

    *kept, last = restored["audit_log"]
    # (id, at, user, action, table_name, row_id, field, old_value, new_value, summary)
    assert last[3:6] == ("note", "database", None) and last[9] == RESTORE_REASON
    assert last[8] == str(source)
    return {**restored, "audit_log": kept}
