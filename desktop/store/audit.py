"""The audit trail: every insert, update and delete, written in the same transaction.

Hooked on the session's `after_flush`: object ids are known and attribute history
still holds the old values. Rows go in through the flush's own connection.

Bulk writes that bypass the ORM (`AuditedInserts` on a server, store.new_submission's
plain SQL on a SQLite file) write the very same entries themselves, so the trail does
not depend on how a row was written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Float, Table, event, insert, inspect, or_, select
from sqlalchemy.orm import Session, sessionmaker

from .models import AuditRow, Base
from .new_submission import audit_json as _json
from .new_submission import plain_value as _plain
from .staff import current_user
from .versions import VERSION_FIELDS


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(_plain(v))


def _row_json(obj: Base) -> str:
    return _json({c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs})


class _Entries:
    """Audit rows of one flush or bulk write: who, when and why are the session's."""

    def __init__(self, session: Session) -> None:
        self.user = session.info.get("user") or current_user()
        self.reason = session.info.get("reason", "")
        self.now = dt.datetime.now().replace(microsecond=0)
        self.rows: list[dict[str, Any]] = []

    def add(
        self, action: str, table: str, row_id: int | None,
        field: str = "", old: Any = None, new: Any = None,
    ) -> None:
        self.rows.append(
            {
                "at": self.now,
                "user": self.user,
                "action": action,
                "table_name": table,
                "row_id": row_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "summary": self.reason,
            }
        )

    def write(self, session: Session) -> None:
        if self.rows:
            session.connection().execute(insert(AuditRow), self.rows)


class AuditedInserts:
    """Bulk inserts in the caller's transaction, each row audited as the flush hook
    audits an inserted object (the stored row, defaults included, as JSON); the audit
    entries of the block are written together when it ends without an error.

        with AuditedInserts(session) as insert_rows:
            (sub_id,) = insert_rows(SubmissionRow, [{...}])
            insert_rows(ValueRow, [{"submission_id": sub_id, ...}, ...])

    For bulk writes, where the ORM's unit of work costs more than the data; the rows
    are not in the session's identity map (read them back by query)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.entries = _Entries(session)

    def __enter__(self) -> AuditedInserts:
        return self

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        if exc_type is None:
            self.entries.write(self.session)

    def __call__(self, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Insert `rows` into `model`'s table in one statement; the new ids, in order."""
        if not rows:
            return []
        statement, attrs, floats = _insert_of(model)
        result = self.session.connection().execute(statement, list(rows)).all()
        stored = [{key: row._mapping[column] for key, column in attrs} for row in result]
        for data in stored:
            for key in floats:  # RETURNING gives 35 for the 35.0 that a REAL column stores
                if isinstance(data[key], int):
                    data[key] = float(data[key])
            self.entries.add("insert", model.__tablename__, data["id"], new=_json(data))
        return [data["id"] for data in stored]


_INSERTS: dict[type[Base], tuple[Any, list[tuple[str, Any]], frozenset[str]]] = {}


def _insert_of(model: type[Base]) -> tuple[Any, list[tuple[str, Any]], frozenset[str]]:
    """The INSERT ... RETURNING of `model`'s table, its (attribute, column) pairs and its
    REAL columns: built once per table (an import writes the same three tables per file)."""
    found = _INSERTS.get(model)
    if found is None:
        table = cast(Table, model.__table__)
        attrs = [(a.key, a.columns[0]) for a in inspect(model).column_attrs]
        floats = frozenset(key for key, column in attrs if isinstance(column.type, Float))
        statement = insert(table).returning(*table.c, sort_by_parameter_order=True)
        found = _INSERTS[model] = (statement, attrs, floats)
    return found


def _after_flush(session: Session, _ctx: object) -> None:
    entries = _Entries(session)

    def add(action: str, obj: Base, field: str = "", old: Any = None, new: Any = None) -> None:
        entries.add(action, obj.__tablename__, getattr(obj, "id", None), field, old, new)

    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, AuditRow):
            add("insert", obj, new=_row_json(obj))
    for obj in session.dirty:
        if not isinstance(obj, Base) or isinstance(obj, AuditRow):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in VERSION_FIELDS:  # bookkeeping of store.versions, not a change
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if _text(old) != _text(new):
                    add("update", obj, attr.key, _text(old), _text(new))
    for obj in session.deleted:
        if isinstance(obj, Base) and not isinstance(obj, AuditRow):
            add("delete", obj, old=_row_json(obj))
    entries.write(session)


def note(session: Session, table: str, text: str) -> None:
    """An entry of the history for an act that changes no row through the ORM (a
    restore): action "note", the transaction's reason and user, `text` as its value."""
    entries = _Entries(session)
    entries.add("note", table, None, new=text)
    entries.write(session)


def install_audit(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)


# ---- reading the log (the "Lịch sử" page) ------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    text: str = ""
    table: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    user: str
    action: str
    table: str
    row_id: int | None
    field: str
    old: str | None
    new: str | None
    summary: str
    unit: str = ""  # 'Xã Lâm Sơn (22813)' when the change concerns one unit


def fetch_audit(session: Session, flt: AuditFilter, before_id: int | None = None,
                limit: int = 200) -> list[AuditEntry]:
    """One page of the audit log, newest first, older than `before_id`."""
    q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if before_id is not None:
        q = q.where(AuditRow.id < before_id)
    if flt.table:
        q = q.where(AuditRow.table_name == flt.table)
    if flt.date_from:
        q = q.where(AuditRow.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        q = q.where(AuditRow.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1),
                                                      dt.time()))
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        q = q.where(or_(AuditRow.summary.ilike(like), AuditRow.user.ilike(like),
                        AuditRow.field.ilike(like), AuditRow.old_value.ilike(like),
                        AuditRow.new_value.ilike(like)))
    return [AuditEntry(r.id, r.at, r.user, r.action, r.table_name, r.row_id, r.field,
                       r.old_value, r.new_value, r.summary) for r in session.scalars(q)]


def table_names(session: Session) -> list[str]:
    return list(session.scalars(select(AuditRow.table_name).distinct()))
