"""Review of a submission: accept it, or return it for correction with a reason.

`thidua review` and the "Chấp nhận" / "Trả lại" buttons of the reports page both call
`review_submission`, so the audit log reads the same for the same act.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.database import Database
from ..store.submissions import review


@dataclass(frozen=True)
class Reviewed:
    unit_code: str
    unit_name: str
    period_code: str
    period_label: str
    accepted: bool
    reason: str  # the reason given for a return ("" for an acceptance)


def reason(unit_code: str, period_code: str, *, accept: bool) -> str:
    """The audit reason of the act."""
    return f"{'Chấp nhận' if accept else 'Trả lại'} báo cáo {unit_code} kỳ {period_code}"


def review_submission(
    db: Database,
    unit_code: str,
    period_code: str,
    *,
    accept: bool,
    reason_text: str = "",
    expected_version: int | None = None,
) -> Reviewed:
    """Accept, or return with `reason_text` (required, in Vietnamese when missing).

    `expected_version`: the submission's version when the person saw it (the reports
    page's list); if another clerk changed it since, the review is refused with who and
    when, and nothing is written."""
    with db.transaction(reason(unit_code, period_code, accept=accept)) as session:
        sub = review(
            session,
            unit_code,
            period_code,
            accept=accept,
            reason=reason_text,
            expected_version=expected_version,
        )
        return Reviewed(
            unit_code, sub.unit.name, period_code, sub.period.label, accept, reason_text
        )
