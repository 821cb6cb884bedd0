"""Which unit an audit entry concerns, for the Lịch sử page: a person reads the unit's
name, never the internal row number.

An entry names its row by table and id; a value, a review, a piece of evidence belong to
a submission, which belongs to a unit. Rows deleted since are found through the
submission_id / unit_id their own audit record (JSON) still holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import EvidenceRow, ReviewEventRow, SubmissionRow, UnitRow, ValueRow

_CHILDREN: dict[str, Any] = {"value": ValueRow, "review_event": ReviewEventRow,
                              "evidence": EvidenceRow}


class EntryRef(NamedTuple):
    id: int  # the audit entry
    table: str
    row_id: int | None
    old: str | None
    new: str | None


def _record_field(ref: EntryRef, name: str) -> int | None:
    for text in (ref.new, ref.old):
        try:
            data: Any = json.loads(text or "")
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get(name), int):
            return int(data[name])
    return None


def entry_units(session: Session, refs: Iterable[EntryRef]) -> dict[int, str]:
    """Audit entry id -> 'Xã Lâm Sơn (22813)' for the entries that concern one unit."""
    refs = list(refs)
    unit_of: dict[int, int] = {}  # entry -> unit id
    submission_of: dict[int, int] = {}  # entry -> submission id
    child_rows: dict[str, dict[int, int]] = {}  # table -> {row id: entry}
    for ref in refs:
        if ref.table == "unit" and ref.row_id is not None:
            unit_of[ref.id] = ref.row_id
        elif ref.table == "submission" and ref.row_id is not None:
            submission_of[ref.id] = ref.row_id
        elif ref.table in _CHILDREN:
            sid = _record_field(ref, "submission_id")
            if sid is not None:
                submission_of[ref.id] = sid
            elif ref.row_id is not None:
                child_rows.setdefault(ref.table, {})[ref.row_id] = ref.id
        elif ref.table == "proposal":
            uid = _record_field(ref, "unit_id")
            if uid is not None:
                unit_of[ref.id] = uid
    for table, rows in child_rows.items():
        model = _CHILDREN[table]
        for row_id, sid in session.execute(
                select(model.id, model.submission_id).where(model.id.in_(rows))):
            submission_of[rows[row_id]] = sid
    if submission_of:
        owners: dict[int, int] = {
            sid: uid for sid, uid in session.execute(
                select(SubmissionRow.id, SubmissionRow.unit_id).where(
                    SubmissionRow.id.in_(set(submission_of.values()))))}
        for entry, sid in submission_of.items():
            if sid in owners:
                unit_of[entry] = owners[sid]
    if not unit_of:
        return {}
    names = {uid: f"{name} ({code})" for uid, name, code in session.execute(
        select(UnitRow.id, UnitRow.name, UnitRow.code).where(
            UnitRow.id.in_(set(unit_of.values()))))}
    return {entry: names[uid] for entry, uid in unit_of.items() if uid in names}
