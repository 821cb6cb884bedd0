"""The audit trail: every insert, update and delete, written in the same transaction.

Hooked on the session's `after_flush`: object ids are known and attribute history
still holds the old values. Rows go in through the flush's own connection.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from .models import AuditRow, Base


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return "?"


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    return v


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(_plain(v))


def _row_json(obj: Base) -> str:
    mapper = inspect(obj).mapper
    data = {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs}
    return json.dumps(data, ensure_ascii=False, default=str)


def _after_flush(session: Session, _ctx: object) -> None:
    user = session.info.get("user") or current_user()
    reason = session.info.get("reason", "")
    now = dt.datetime.now().replace(microsecond=0)
    rows: list[dict[str, Any]] = []

    def add(action: str, obj: Base, field: str = "", old: Any = None, new: Any = None) -> None:
        rows.append(
            {
                "at": now,
                "user": user,
                "action": action,
                "table_name": obj.__tablename__,
                "row_id": getattr(obj, "id", None),
                "field": field,
                "old_value": old,
                "new_value": new,
                "summary": reason,
            }
        )

    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, AuditRow):
            add("insert", obj, new=_row_json(obj))
    for obj in session.dirty:
        if not isinstance(obj, Base) or isinstance(obj, AuditRow):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if _text(old) != _text(new):
                    add("update", obj, attr.key, _text(old), _text(new))
    for obj in session.deleted:
        if isinstance(obj, Base) and not isinstance(obj, AuditRow):
            add("delete", obj, old=_row_json(obj))
    if rows:
        session.connection().execute(insert(AuditRow), rows)


def install_audit(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
