"""No lost update when several staff work on one database.

Submissions, proposals and the office settings carry a `version` (bumped by every
update; the ORM adds `WHERE version = …` to it, so two saves racing each other cannot
both win) and who changed the row last, and when. A dialog remembers the version it
opened; saving with `expected` refuses a row someone else changed since, saying who and
when, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from .errors import StoreError

VERSION_FIELDS = frozenset({"version", "changed_by", "changed_at"})


class ChangedByOther(StoreError):
    """The row was changed by someone else since it was opened."""


def _when(at: dt.datetime | None) -> str:
    return at.strftime("lúc %H:%M ngày %d/%m/%Y") if at is not None else "vừa rồi"


def check_version(row: Any, expected: int | None, what: str) -> None:
    """Refuse when `row` is not at the version the person opened (None: no check)."""
    if expected is None or row.version == expected:
        return
    who = row.changed_by or "một người khác"
    raise ChangedByOther(
        f"{what} đã được {who} sửa {_when(row.changed_at)}, sau khi anh/chị mở ra. "
        "Thay đổi của anh/chị chưa được lưu: hãy đóng, mở lại để xem bản mới nhất rồi sửa lại."
    )


def refuse_created_meanwhile(row: Any, what: str) -> None:
    """A person opened `what` when it did not exist yet; someone else created it since."""
    who = row.changed_by or "một người khác"
    raise ChangedByOther(
        f"{what} vừa được {who} nhập {_when(row.changed_at)}, sau khi anh/chị mở ra. "
        "Thay đổi của anh/chị chưa được lưu: hãy đóng, mở lại để xem rồi sửa lại."
    )


def raced() -> ChangedByOther:
    return ChangedByOther(
        "Cùng lúc đó một người khác cũng lưu đúng dữ liệu này; thay đổi của anh/chị chưa "
        "được lưu. Hãy mở lại để xem bản mới nhất rồi sửa lại."
    )


def touch(session: Session, row: Any) -> None:
    """Count a change of the row's children (values, documents) as a change of the row."""
    row.changed_at = dt.datetime.now().replace(microsecond=0)
    row.changed_by = session.info.get("user", "") or ""
    flag_modified(row, "changed_at")  # an UPDATE (and a new version) even within one second


def _stamp(session: Session, _ctx: object, _instances: object) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    user = session.info.get("user", "") or ""
    for obj in session.new:
        if hasattr(obj, "version") and hasattr(obj, "changed_by"):
            obj.changed_by, obj.changed_at = user, now
    for obj in session.dirty:
        if hasattr(obj, "version") and session.is_modified(obj, include_collections=False):
            obj.changed_by, obj.changed_at = user, now


def install_versions(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _stamp)
