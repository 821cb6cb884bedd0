"""Submissions: record a unit's values for a period, review them, read them back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..domain.period_report import (
    PeriodReport,
    ReviewState,
    SubmissionInfo,
    build_period_report,
)
from ..domain.plan import Plan
from ..domain.values import Value
from ..domain.vnformat import day, number, yes_no
from . import plain_reads
from .audit import AuditedInserts
from .collector import collection_paused
from .errors import StoreError
from .models import PeriodRow, ReviewEventRow, SubmissionRow, UnitRow, ValueRow
from .new_submission import RECEIVED_REASON, insert_new, submission_basis
from .new_submission import SaveResult as SaveResult  # re-exported: the store's API
from .new_submission import SubmissionExists as SubmissionExists
from .plans import (
    no_period,
    period_row,
    session_rows,
    unit_infos,
    unit_row,
)
from .staff import current_user
from .versions import check_version, refuse_created_meanwhile, touch


def value_of(row: ValueRow) -> Value:
    return Value(
        numerator=row.numerator,
        denominator=row.denominator,
        number=row.number,
        flag=row.flag,
        day=row.day,
    )


def describe(plan: Plan, code: str, v: Value | None) -> str:
    if v is None or v.is_blank:
        return "(trống)"
    kind = plan.indicator(code).kind.value
    if kind == "ratio":
        return f"{number(v.numerator or 0)}/{number(v.denominator or 0)}"
    if kind == "bool":
        return yes_no(v.flag)
    if kind == "date":
        return day(v.day)
    return number(v.number or 0)


def diff_values(plan: Plan, old: Mapping[str, Value], new: Mapping[str, Value]) -> list[str]:
    """'HSCV_MANG: 35/60 → 40/60' for every indicator whose value changes."""
    changes = []
    for ind in plan.indicators:
        a, b = old.get(ind.code), new.get(ind.code)
        if describe(plan, ind.code, a) != describe(plan, ind.code, b):
            changes.append(
                f"{ind.code}: {describe(plan, ind.code, a)} → {describe(plan, ind.code, b)}"
            )
    return changes


def find_submission(session: Session, unit_code: str, period_code: str) -> SubmissionRow | None:
    return session.scalar(
        select(SubmissionRow)
        .join(UnitRow, SubmissionRow.unit_id == UnitRow.id)
        .join(PeriodRow, SubmissionRow.period_id == PeriodRow.id)
        .where(UnitRow.code == unit_code, PeriodRow.code == period_code)
    )


def save_submission(
    session: Session,
    plan: Plan,
    unit_code: str,
    period_code: str,
    values: Mapping[str, Value],
    *,
    received_on: dt.date,
    channel: str = "other",
    replace: bool = False,
    source_file: str = "",
    source_sha256: str = "",
    prepared_by: str = "",
    same_file_is_noop: bool = False,
    expected_version: int | None = None,
) -> SaveResult:
    """Record a submission in the caller's transaction. Refuses bad values, and an
    existing submission unless `replace` (the message lists what would change). With
    `same_file_is_noop`, the very file recorded before (same SHA-256) changes nothing.
    `expected_version` is the version the person opened (0: there was none then); a
    submission someone else changed or created since is refused, naming who and when."""
    basis = submission_basis(session_rows(session), plan, unit_code, period_code, values,
                             received_on=received_on, channel=channel)
    clean, found, late = basis.clean, basis.found, basis.late_days
    if found is not None and same_file_is_noop and source_sha256 == found.source_sha256 != "":
        return SaveResult(found.id, False, (), late, unchanged=True, version=found.version)
    if found is not None:
        existing = session.get_one(SubmissionRow, found.id)
        if expected_version is not None:
            what = f"Báo cáo của {basis.unit_name}, kỳ {basis.period_label},"
            if expected_version == 0:
                refuse_created_meanwhile(existing, what)
            check_version(existing, expected_version, what)
        old = {r.indicator_code: value_of(r) for r in existing.values}
        changes = diff_values(plan, old, clean)
        if existing.received_on != received_on:
            changes.append(f"Ngày nhận: {day(existing.received_on)} → {day(received_on)}")
        if not replace:
            listing = "\n".join(f"  - {c}" for c in changes) or "  (không có thay đổi số liệu)"
            raise SubmissionExists(
                f"Đã có báo cáo của {basis.unit_name} cho kỳ {basis.period_label} "
                f"(nhận ngày {day(existing.received_on)}). Dùng --replace để thay thế; "
                f"những thay đổi sẽ là:\n{listing}",
                changes,
            )
        by_code = {r.indicator_code: r for r in existing.values}
        for code, v in clean.items():
            row = by_code.pop(code, None)
            if row is None:
                existing.values.append(_value_row(code, v))
            else:
                row.numerator, row.denominator, row.number = v.numerator, v.denominator, v.number
                row.flag, row.day = v.flag, v.day
        for row in by_code.values():
            existing.values.remove(row)
            session.delete(row)
        existing.received_on = received_on
        existing.channel = channel
        existing.source_file = source_file or existing.source_file
        existing.source_sha256 = source_sha256 or existing.source_sha256
        existing.prepared_by = prepared_by or existing.prepared_by
        _set_state(session, existing, ReviewState.RECEIVED, "Thay thế bằng báo cáo mới")
        touch(session, existing)
        session.flush()
        return SaveResult(existing.id, True, tuple(changes), late, version=existing.version)
    user = session.info.get("user", "") or ""
    con = _sqlite_connection(session)
    if con is not None:  # a file: store.new_submission's plain SQL, the import's own
        try:
            sub_id = insert_new(
                con, basis, received_on=received_on, channel=channel, source_file=source_file,
                source_sha256=source_sha256, prepared_by=prepared_by, user=user,
                audit_user=session.info.get("user") or current_user(),
                reason=session.info.get("reason", ""),
            )
        except sqlite3.Error as exc:  # named as the engine names it (a full disk...)
            raise DBAPIError.instance(
                None, None, exc, sqlite3.Error, hide_parameters=True
            ) from exc
        return SaveResult(sub_id, False, (), late)
    # On a server the new rows are written through Core, audited the same.
    now = dt.datetime.now().replace(microsecond=0)
    with AuditedInserts(session) as insert_rows:
        (sub_id,) = insert_rows(
            SubmissionRow,
            [
                {
                    "unit_id": basis.unit_id,
                    "period_id": basis.period_id,
                    "received_on": received_on,
                    "channel": channel,
                    "state": ReviewState.RECEIVED,
                    "state_changed_at": now,
                    "source_file": source_file,
                    "source_sha256": source_sha256,
                    "prepared_by": prepared_by,
                    "created_at": now,
                    "changed_by": user,
                    "changed_at": now,
                }
            ],
        )
        insert_rows(
            ValueRow,
            [
                {
                    "submission_id": sub_id,
                    "indicator_code": code,
                    "numerator": v.numerator,
                    "denominator": v.denominator,
                    "number": v.number,
                    "flag": v.flag,
                    "day": v.day,
                }
                for code, v in clean.items()
            ],
        )
        insert_rows(
            ReviewEventRow,
            [
                {
                    "submission_id": sub_id,
                    "at": now,
                    "from_state": None,
                    "to_state": ReviewState.RECEIVED,
                    "reason": RECEIVED_REASON,
                    "user": session.info.get("user", ""),
                }
            ],
        )
    return SaveResult(sub_id, False, (), late)


def _sqlite_connection(session: Session) -> sqlite3.Connection | None:
    """The driver's connection of the session's transaction on a SQLite file, else None."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    driver = connection.connection.driver_connection
    return driver if isinstance(driver, sqlite3.Connection) else None


def _value_row(code: str, v: Value) -> ValueRow:
    return ValueRow(
        indicator_code=code,
        numerator=v.numerator,
        denominator=v.denominator,
        number=v.number,
        flag=v.flag,
        day=v.day,
    )


def _set_state(session: Session, sub: SubmissionRow, state: str, reason: str) -> None:
    if sub.state == state and state != ReviewState.RECEIVED:
        return
    session.add(
        ReviewEventRow(
            submission_id=sub.id,
            from_state=sub.state,
            to_state=state,
            reason=reason,
            user=session.info.get("user", ""),
        )
    )
    sub.state = state
    sub.state_changed_at = dt.datetime.now().replace(microsecond=0)
    sub.return_reason = reason if state == ReviewState.RETURNED else ""


def review(
    session: Session, unit_code: str, period_code: str, *, accept: bool, reason: str = "",
    expected_version: int | None = None,
) -> SubmissionRow:
    """Accept a submission, or return it for correction with a reason. With
    `expected_version` (the version the list showed), a submission someone else changed
    since — values, review, evidence — is refused, naming who and when."""
    sub = find_submission(session, unit_code, period_code)
    if sub is None:
        unit = unit_row(session, unit_code)
        period = period_row(session, period_code)
        raise StoreError(f"{unit.name} chưa có báo cáo cho kỳ {period.label}.")
    check_version(sub, expected_version, f"Báo cáo của {sub.unit.name}, kỳ {sub.period.label},")
    if accept:
        if sub.state == ReviewState.ACCEPTED:
            raise StoreError(f"Báo cáo của {sub.unit.name} đã được chấp nhận từ trước.")
        _set_state(session, sub, ReviewState.ACCEPTED, reason or "Chấp nhận báo cáo")
    else:
        if not reason.strip():
            raise StoreError("Phải ghi lý do khi trả lại báo cáo để sửa.")
        _set_state(session, sub, ReviewState.RETURNED, reason.strip())
    session.flush()
    return sub


def load_submissions(session: Session, period_code: str) -> dict[str, SubmissionInfo]:
    """Every submission of a period with its values, read as plain rows (no ORM
    objects: a province holds thousands of submissions and over 100,000 values)."""
    rows = session_rows(session)
    pid = plain_reads.period_id(rows, period_code)
    if pid is None:
        raise no_period(session, period_code)
    return plain_reads.submissions(rows, pid)


def period_report(session: Session, period_code: str, plan: Plan | None = None) -> PeriodReport:
    """Evaluate a period from the database with the domain rules."""
    if plan is None:
        return plain_reads.evaluate(session_rows(session), period_code)
    try:
        period = plan.period(period_code)
    except KeyError:
        period_row(session, period_code)  # raises with the list of known periods
        raise
    with collection_paused():
        return build_period_report(
            plan, period, unit_infos(session, period.ends),
            load_submissions(session, period_code),
        )


def periods_with_submissions(session: Session) -> set[str]:
    """The codes of the periods that have at least one submission."""
    return set(session.scalars(
        select(PeriodRow.code).join(SubmissionRow, SubmissionRow.period_id == PeriodRow.id)
        .distinct()
    ))
