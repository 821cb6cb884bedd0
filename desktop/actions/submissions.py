"""A unit's submission (báo cáo) typed or corrected by hand: read it, save it.

(Imported forms go through desktop.actions.forms.import_forms, one transaction per file.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.plan import Plan
from ..domain.values import Value
from ..store.database import Database
from ..store.plans import unit_row
from ..store.submissions import SaveResult, find_submission, value_of
from ..store.submissions import save_submission as record

__all__ = ["SaveResult", "SubmissionDraft", "read_submission", "save_reason", "save_submission"]


def save_reason(unit_code: str, period_code: str) -> str:
    return f"Nhập/sửa báo cáo {unit_code} kỳ {period_code}"


@dataclass(frozen=True)
class SubmissionDraft:
    """What the editor starts from: the unit, and the submission when there is one."""

    unit_name: str
    unit_kind: str
    existing: bool
    values: Mapping[str, Value] = field(default_factory=dict)
    state: str | None = None
    return_reason: str = ""
    received_on: dt.date = field(default_factory=dt.date.today)
    channel: str = "email"
    version: int = 0  # of the stored submission (0: none yet); its save checks it


def read_submission(db: Database, unit_code: str, period_code: str) -> SubmissionDraft:
    with db.reading() as s:
        unit = unit_row(s, unit_code)
        sub = find_submission(s, unit_code, period_code)
        if sub is None:
            return SubmissionDraft(unit.name, unit.kind, existing=False)
        return SubmissionDraft(
            unit.name,
            unit.kind,
            existing=True,
            values={v.indicator_code: value_of(v) for v in sub.values},
            state=sub.state,
            return_reason=sub.return_reason,
            received_on=sub.received_on,
            channel=sub.channel,
            version=sub.version,
        )


def save_submission(
    db: Database,
    plan: Plan,
    unit_code: str,
    period_code: str,
    values: Mapping[str, Value],
    *,
    received_on: dt.date,
    channel: str = "other",
    expected_version: int | None = None,
) -> SaveResult:
    """Save the values typed, replacing the submission there is (one transaction). With
    `expected_version` (SubmissionDraft.version), a submission someone else changed or
    created since it was opened is refused, naming who and when."""
    with db.transaction(save_reason(unit_code, period_code)) as s:
        return record(
            s,
            plan,
            unit_code,
            period_code,
            values,
            received_on=received_on,
            channel=channel,
            replace=True,
            expected_version=expected_version,
        )
