"""A new submission: the checks before it is written and, on a SQLite file, its rows and
their audit entries as plain SQL.

Written once, used two ways. `save_submission` (store.submissions) runs the checks
through its session (SQLite or PostgreSQL) and, on a file, writes through the driver's
own connection in the session's transaction; the import of forms on a file
(actions.forms) runs both through the standard library's sqlite3 alone
(`save_new_submission`), so that `thidua import` imports no SQLAlchemy and builds no ORM
objects (most of its time went there).

What is stored is what SQLAlchemy stores on SQLite: a day as 'YYYY-MM-DD', a time as
'YYYY-MM-DD HH:MM:SS.ffffff', yes/no as 1/0, every number as REAL, the columns' Python
defaults filled in. Each row gets the audit entry the audit hook gives an inserted row:
the stored row as JSON, its columns in the table's order, with the transaction's user
and reason (tests/test_store_safety.py compares both with Core's INSERT ... RETURNING).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.errors import ValueProblem
from ..domain.plan import Plan
from ..domain.review_states import CHANNEL_LABELS, ReviewState
from ..domain.values import Value, check_received, validate_value
from .errors import StoreError
from .plain_reads import no_period, no_unit
from .staff import current_user
from .stored_days import stored_day as _day

if TYPE_CHECKING:
    from .plain_reads import Rows

RECEIVED_REASON = "Nhận báo cáo"


class SubmissionExists(StoreError):
    """A submission exists; the message lists what replacing it would change."""

    def __init__(self, message: str, changes: list[str]) -> None:
        super().__init__(message)
        self.changes = changes


@dataclass(frozen=True)
class SaveResult:
    submission_id: int
    replaced: bool
    changes: tuple[str, ...]
    late_days: int
    unchanged: bool = False  # the very same source file was recorded before
    version: int = 1  # of the submission now: what a dialog that keeps editing expects


def validate_all(plan: Plan, unit_kind: str, values: Mapping[str, Value]) -> dict[str, Value]:
    """Every value checked against its indicator; ValueProblem lists all problems."""
    problems = []
    allowed = {i.code for i in plan.indicators_for(unit_kind)}
    clean: dict[str, Value] = {}
    for code, v in values.items():
        if code not in allowed:
            problems.append(f"{code}: chỉ tiêu không áp dụng cho loại đơn vị này")
            continue
        try:
            clean[code] = validate_value(plan.indicator(code), v)
        except ValueProblem as exc:
            problems.append(f"{code}: {exc.message}")
    if problems:
        raise ValueProblem("; ".join(problems))
    return clean


@dataclass(frozen=True)
class Found:
    """The submission the unit already has for the period."""

    id: int
    source_sha256: str
    version: int


@dataclass(frozen=True)
class Basis:
    """What a submission is written from, checked: its unit and period, its values
    (validated, blanks left out: a blank value is no row) and the one already there."""

    unit_id: int
    unit_name: str
    period_id: int
    period_label: str
    late_days: int
    clean: dict[str, Value]
    found: Found | None


def _first(rows: Rows, sql: str, params: Mapping[str, object]) -> Any:
    found = list(rows(sql, params))  # read to its end: no statement left running
    return found[0] if found else None


def submission_basis(
    rows: Rows,
    plan: Plan,
    unit_code: str,
    period_code: str,
    values: Mapping[str, Value],
    *,
    received_on: dt.date,
    channel: str,
) -> Basis:
    """The checks of every save, in this order: the channel, the unit, the period, the
    day received, every value; StoreError or ValueProblem with the reason."""
    if channel not in CHANNEL_LABELS:
        raise StoreError(
            f"Kênh nhận không hợp lệ '{channel}' (chỉ nhận: {', '.join(CHANNEL_LABELS)})."
        )
    unit = _first(rows, "SELECT id, name, kind FROM unit WHERE code = :code", {"code": unit_code})
    if unit is None:
        raise no_unit(unit_code)
    period = _first(
        rows,
        "SELECT id, label, starts, deadline FROM period WHERE code = :code",
        {"code": period_code},
    )
    if period is None:
        raise no_period(rows, period_code)
    unit_id, unit_name, unit_kind = unit
    period_id, period_label, starts, deadline = period
    starts, deadline = _day(starts), _day(deadline)
    assert starts is not None and deadline is not None  # NOT NULL columns
    try:
        check_received(received_on, starts, dt.date.today())
    except ValueProblem as exc:
        raise StoreError(f"Không ghi được báo cáo: {exc.message}.") from None
    clean = {c: v for c, v in validate_all(plan, unit_kind, values).items() if not v.is_blank}
    found = _first(
        rows,
        "SELECT id, source_sha256, version FROM submission "
        "WHERE unit_id = :unit_id AND period_id = :period_id",
        {"unit_id": unit_id, "period_id": period_id},
    )
    return Basis(
        unit_id,
        unit_name,
        period_id,
        period_label,
        max(0, (received_on - deadline).days),
        clean,
        Found(found[0], found[1] or "", found[2]) if found is not None else None,
    )


# ---- the rows, as SQLAlchemy stores them on SQLite -----------------------------------------


# the types stored and written to the audit JSON as they are (most of a row's values): the
# per-value conversions below are skipped for them (a bool is not one: type(True) is bool)
_AS_IS = frozenset({int, float, str, type(None)})


def stored(v: Any) -> Any:
    """A value as SQLAlchemy's SQLite dialect stores it (DateTime, Date, Boolean)."""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def plain_value(v: Any) -> Any:
    """A value as the audit trail's JSON writes it."""
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    return v


_JSON = json.JSONEncoder(ensure_ascii=False, default=str)  # json.dumps(...) makes one per call


def audit_json(data: Mapping[str, Any]) -> str:
    """A row as the audit trail's JSON (json.dumps with ensure_ascii=False, default=str)."""
    as_is = _AS_IS
    return _JSON.encode({k: v if type(v) in as_is else plain_value(v) for k, v in data.items()})


def _real(x: float | None) -> float | None:
    return None if x is None else float(x)  # a REAL column reads back 35 as 35.0


AUDIT_INSERT = (
    'INSERT INTO audit_log ("at", "user", "action", "table_name", "row_id", "field", '
    '"old_value", "new_value", "summary") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


_INSERTS: dict[tuple[str, tuple[str, ...]], str] = {}


def _insert(con: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    shape = (table, tuple(row))
    sql = _INSERTS.get(shape)
    if sql is None:
        columns = ", ".join(f'"{k}"' for k in row)
        sql = _INSERTS[shape] = (
            f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(row))})'
        )
    as_is = _AS_IS
    cursor = con.execute(sql, [v if type(v) in as_is else stored(v) for v in row.values()])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_new(
    con: sqlite3.Connection,
    basis: Basis,
    *,
    received_on: dt.date,
    channel: str,
    source_file: str,
    source_sha256: str,
    prepared_by: str,
    user: str,
    audit_user: str,
    reason: str,
    now: dt.datetime | None = None,
) -> int:
    """Write the new submission of `basis` (found must be None), its values and its first
    review event with their audit entries, in the caller's transaction on `con`; its id.
    `user`: who is recorded on the rows, `audit_user`: on the audit entries."""
    now = now or dt.datetime.now().replace(microsecond=0)
    entries: list[tuple[str, int, dict[str, Any]]] = []
    submission: dict[str, Any] = {
        "unit_id": basis.unit_id, "period_id": basis.period_id, "received_on": received_on,
        "channel": channel, "state": str(ReviewState.RECEIVED), "state_changed_at": now,
        "return_reason": "", "source_file": source_file, "source_sha256": source_sha256,
        "prepared_by": prepared_by, "note": "", "created_at": now, "version": 1,
        "changed_by": user, "changed_at": now,
    }  # fmt: skip
    sub_id = _insert(con, "submission", submission)
    entries.append(("submission", sub_id, submission))
    for code, v in basis.clean.items():
        value = {
            "submission_id": sub_id, "indicator_code": code, "numerator": _real(v.numerator),
            "denominator": _real(v.denominator), "number": _real(v.number),
            "flag": None if v.flag is None else bool(v.flag), "day": v.day,
        }  # fmt: skip
        entries.append(("value", _insert(con, "value", value), value))
    event: dict[str, Any] = {
        "submission_id": sub_id, "at": now, "from_state": None,
        "to_state": str(ReviewState.RECEIVED), "reason": RECEIVED_REASON, "user": user,
    }  # fmt: skip
    entries.append(("review_event", _insert(con, "review_event", event), event))
    at = stored(now)
    con.executemany(AUDIT_INSERT, [
        (at, audit_user, "insert", table, row_id, "", None,
         audit_json({"id": row_id, **row}), reason)
        for table, row_id, row in entries
    ])  # fmt: skip
    return sub_id


def save_new_submission(
    con: sqlite3.Connection,
    rows: Rows,
    plan: Plan,
    unit_code: str,
    period_code: str,
    values: Mapping[str, Value],
    *,
    received_on: dt.date,
    channel: str,
    source_file: str,
    source_sha256: str,
    prepared_by: str,
    user: str,
    reason: str,
) -> SaveResult | None:
    """A new submission written on a SQLite file through sqlite3 alone, in the caller's
    transaction; the very file recorded before changes nothing (`unchanged`). None, with
    nothing written, when the unit has another submission for the period: replacing one
    (or saying what replacing it would change) is store.submissions.save_submission's."""
    basis = submission_basis(
        rows, plan, unit_code, period_code, values, received_on=received_on, channel=channel
    )
    found = basis.found
    if found is not None:
        if source_sha256 == found.source_sha256 != "":
            return SaveResult(
                found.id, False, (), basis.late_days, unchanged=True, version=found.version
            )
        return None
    sub_id = insert_new(
        con,
        basis,
        received_on=received_on,
        channel=channel,
        source_file=source_file,
        source_sha256=source_sha256,
        prepared_by=prepared_by,
        user=user,
        audit_user=user or current_user(),
        reason=reason,
    )
    return SaveResult(sub_id, False, (), basis.late_days)
