"""What makes a plan valid, stated once: thresholds, periods, quotas.

The plan file parser (plan_schema.parse_plan), the plan editor (the "Kế hoạch" page) and
the store (store.plan_edit.apply_plan_edits) all ask these functions; each returns the
problem in Vietnamese, or None when the value is acceptable.

- A threshold fits its indicator's kind: a yes/no indicator is met by "Có", a date by
  "không muộn hơn" a day, a number is compared (>=, >, <=, =) with a finite number, not
  negative, at most 100 for a ratio or a percent. NaN and infinity are refused: a
  comparison with NaN is never true, so every `check` would fail without saying why.
- A period has a name, ends on or after it starts, and its deadline is not before it starts.
- A quota counts whole non-negative numbers; the leaders' share is 0-100 %.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .plan import IndicatorKind, Operator
from .values import MAX_COUNT
from .vnformat import day, number

PERCENT_KINDS = (IndicatorKind.RATIO, IndicatorKind.PERCENT)


def operator_problem(kind: IndicatorKind | str, op: Operator) -> str | None:
    """Why `op` cannot compare an indicator of `kind`, or None."""
    if kind == IndicatorKind.BOOL:
        return None if op is Operator.TRUE else "chỉ tiêu Có/Không chỉ dùng điều kiện 'Có'"
    if kind == IndicatorKind.DATE:
        return None if op is Operator.BY else "chỉ tiêu ngày chỉ dùng điều kiện 'không muộn hơn'"
    if not op.numeric:
        return f"phép so sánh '{op.value}' không dùng được cho chỉ tiêu số"
    return None


def number_problem(
    kind: IndicatorKind | str, threshold: object, maximum: float | None = None
) -> str | None:
    """Why `threshold` is not an acceptable number for an indicator of `kind` (whose plan
    `maximum`, a score's scale or a count's cap, is given when known), or None. A threshold
    no value can reach is refused: above 100 % for a ratio or percent, above the maximum,
    above values.MAX_COUNT (1e308 is finite, yet no report can have it)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        return "ngưỡng phải là một số"
    if not math.isfinite(threshold):
        return "ngưỡng phải là một số hữu hạn (không nhận NaN hay vô cực)"
    if threshold < 0:
        return f"ngưỡng {_shown(threshold)} không được âm"
    if kind in PERCENT_KINDS:
        if threshold > 100:
            return f"ngưỡng {_shown(threshold)} % vượt quá 100 %"
        return None
    if maximum is not None and threshold > maximum:
        return f"ngưỡng {_shown(threshold)} lớn hơn mức tối đa {_shown(maximum)} của chỉ tiêu"
    if threshold > MAX_COUNT:
        return f"ngưỡng {_shown(threshold)} quá lớn (tối đa {_shown(float(MAX_COUNT))})"
    return None


def threshold_problem(
    kind: IndicatorKind | str,
    op: Operator | str,
    threshold: object,
    maximum: float | None = None,
) -> str | None:
    """Why a criterion (`op`, `threshold`) does not fit its indicator's kind, or None."""
    try:
        op = Operator(op)
    except ValueError:
        return f"phép so sánh '{op}' không hợp lệ"
    problem = operator_problem(kind, op)
    if problem is not None or op is Operator.TRUE:
        return problem
    if op is Operator.BY:
        return None if isinstance(threshold, dt.date) else "cần nhập hạn (ngày/tháng/năm)"
    return number_problem(kind, threshold, maximum)


def period_problem(label: str, starts: dt.date, ends: dt.date, deadline: dt.date) -> str | None:
    if not label.strip():
        return "tên kỳ không được để trống"
    if ends < starts:
        return f"ngày kết thúc {day(ends)} trước ngày bắt đầu {day(starts)}"
    if deadline < starts:
        return f"hạn nộp {day(deadline)} trước ngày bắt đầu kỳ {day(starts)}"
    return None


def count_problem(what: str, n: object) -> str | None:
    """A quota's number of collectives or individuals: None (no limit) or a whole n >= 0."""
    if n is None:
        return None
    if (
        isinstance(n, bool)
        or not isinstance(n, int | float)
        or not math.isfinite(n)
        or n < 0
        or int(n) != n
    ):
        return f"{what} phải là số nguyên không âm"
    return None


def share_problem(share: object) -> str | None:
    """The leaders' share of a quota: None (no limit) or a percent 0-100."""
    if share is None:
        return None
    if (
        isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 100
    ):  # NaN is not between 0 and 100
        return f"tỷ lệ lãnh đạo {_shown(share)} % phải trong khoảng 0-100 %"
    return None


def quota_problem(collectives: object, individuals: object, leader_share_max: object) -> str | None:
    for what, n in (("số tập thể", collectives), ("số cá nhân", individuals)):
        problem = count_problem(what, n)
        if problem is not None:
            return problem
    return share_problem(leader_share_max)


def _shown(x: object) -> str:
    if isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x):
        if abs(x) >= 1e15:  # '1e+308', not three hundred digits
            return f"{x:.3g}".replace(".", ",")
        return number(float(x))
    return str(x)


# ---- the plan editor's rows (desktop.store.plan_edit writes them) -------------------------


@dataclass(frozen=True)
class CriterionEdit:
    code: str
    op: str
    threshold: float | dt.date | None
    mandatory: bool


@dataclass(frozen=True)
class PeriodEdit:
    code: str
    label: str
    starts: dt.date
    ends: dt.date
    deadline: dt.date


@dataclass(frozen=True)
class QuotaEdit:
    id: int
    review: str
    award: str
    collectives: int | None
    individuals: int | None
    leader_share_max: float | None
    block: str | None = None
    source: str = ""


@dataclass(frozen=True)
class EditablePlan:
    criteria: list[CriterionEdit]
    periods: list[PeriodEdit]
    quotas: list[QuotaEdit]


def criterion_problem(kind: str, edit: CriterionEdit, maximum: float | None = None) -> str | None:
    """Why a threshold does not fit its indicator (kind and plan maximum), or None."""
    return threshold_problem(kind, edit.op, edit.threshold, maximum)


def period_edit_problem(edit: PeriodEdit) -> str | None:
    return period_problem(edit.label, edit.starts, edit.ends, edit.deadline)


def quota_edit_problem(edit: QuotaEdit) -> str | None:
    return quota_problem(edit.collectives, edit.individuals, edit.leader_share_max)
