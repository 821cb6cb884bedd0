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
- What a plan holds is named by a code (letters without diacritics, digits, . - _), and
  each part refers only to what the plan has: an indicator to the plan's unit kinds, a
  criterion to an indicator (and only the unit kinds that indicator has), a quota to a
  period and a block. What still refers to a part is named when it is to be removed
  (`*_uses`); desktop/domain/plan_change.py applies these to a whole plan.

What a number of a plan may be, and the check of a plan read from a database, are in
plan_numbers.py (imported here): a command that reads the plan checks it with that alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .plan import (
    UNIT_KIND_LABELS,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Plan,
    Quota,
    Unit,
    UnitKind,
)
from .plan_numbers import PERCENT_KINDS as PERCENT_KINDS
from .plan_numbers import count_problem as count_problem
from .plan_numbers import maximum_problem as maximum_problem
from .plan_numbers import number_problem as number_problem
from .plan_numbers import share_problem as share_problem
from .plan_numbers import stored_plan_problems as stored_plan_problems
from .vnformat import day


def operator_problem(kind: IndicatorKind | str, op: Operator) -> str | None:
    """Why `op` cannot compare an indicator of `kind`, or None."""
    if kind == IndicatorKind.BOOL:
        return None if op is Operator.TRUE else "chỉ tiêu Có/Không chỉ dùng điều kiện 'Có'"
    if kind == IndicatorKind.DATE:
        return None if op is Operator.BY else "chỉ tiêu ngày chỉ dùng điều kiện 'không muộn hơn'"
    if not op.numeric:
        return f"phép so sánh '{op.value}' không dùng được cho chỉ tiêu số"
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


def quota_problem(collectives: object, individuals: object, leader_share_max: object) -> str | None:
    for what, n in (("số tập thể", collectives), ("số cá nhân", individuals)):
        problem = count_problem(what, n)
        if problem is not None:
            return problem
    return share_problem(leader_share_max)


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


# ---- the parts of a plan and what refers to them -----------------------------------------

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def code_problem(code: str, taken: Collection[str] = ()) -> str | None:
    """Why `code` cannot name a new part of the plan (`taken`: the codes in use), or None."""
    if not code.strip():
        return "mã không được để trống"
    if not CODE_RE.match(code):
        return (f"mã '{code}' không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, "
                "gạch ngang hoặc gạch dưới, không có khoảng trắng, tối đa 40 ký tự")
    if code in taken:
        return f"mã '{code}' đã có trong kế hoạch"
    return None


def kind_label(kind: str) -> str:
    return UNIT_KIND_LABELS.get(kind, kind)


def unit_kinds_problem(kinds: Sequence[str], allowed: Collection[str]) -> str | None:
    """A part's unit kinds: at least one, each among `allowed` (the plan's kinds)."""
    if not kinds:
        return "cần chọn ít nhất một loại đơn vị áp dụng"
    missing = [k for k in kinds if k not in allowed]
    if missing:
        return f"loại đơn vị {', '.join(map(kind_label, missing))} không có trong kế hoạch"
    return None


def indicator_problems(ind: Indicator, plan_kinds: Collection[str]) -> list[str]:
    """What is wrong with an indicator's definition (its code's uniqueness aside)."""
    out = []
    if not ind.name.strip():
        out.append("tên chỉ tiêu không được để trống")
    if (why := unit_kinds_problem(ind.unit_kinds, plan_kinds)) is not None:
        out.append(why)
    if ind.kind is IndicatorKind.RATIO and not (
        ind.numerator_label.strip() and ind.denominator_label.strip()
    ):
        out.append("chỉ tiêu tỷ lệ cần tên của tử số và của mẫu số")
    if ind.maximum is not None and ind.kind is not IndicatorKind.SCORE:
        out.append("chỉ chỉ tiêu loại điểm mới có thang điểm tối đa")
    elif (why := maximum_problem(ind.maximum)) is not None:
        out.append(why)
    return out


def criterion_problems(
    c: Criterion, ind: Indicator | None, plan_kinds: Collection[str], periods: Collection[str]
) -> list[str]:
    """What is wrong with a criterion over `ind` (None: its indicator is not in the plan)."""
    out = []
    if not c.name.strip():
        out.append("tên tiêu chí không được để trống")
    if not c.source.strip():
        out.append("cần ghi căn cứ (điều, khoản của kế hoạch)")
    if ind is None:
        out.append(f"chỉ tiêu '{c.indicator}' không có trong kế hoạch")
    else:
        if (why := threshold_problem(ind.kind, c.op, c.threshold, ind.maximum)) is not None:
            out.append(why)
        if (why := unit_kinds_problem(c.unit_kinds, plan_kinds)) is not None:
            out.append(why)
        else:
            out += [f"chỉ tiêu '{ind.code}' không áp dụng cho {kind_label(k)}"
                    for k in c.unit_kinds if k not in ind.unit_kinds]
    out += [f"kỳ '{p}' không có trong kế hoạch" for p in c.periods if p not in periods]
    return out


def quota_problems(q: Quota, periods: Collection[str], blocks: Collection[str]) -> list[str]:
    out = []
    if q.review not in periods:
        out.append(f"kỳ '{q.review}' không có trong kế hoạch")
    if not q.award.strip():
        out.append("cần ghi hình thức khen thưởng")
    if q.block is not None and q.block not in blocks:
        out.append(f"khối '{q.block}' không có trong kế hoạch")
    if (why := quota_problem(q.collectives, q.individuals, q.leader_share_max)) is not None:
        out.append(why)
    return out


def period_item_problems(p: Period) -> list[str]:
    why = period_problem(p.label, p.starts, p.ends, p.deadline)
    return [] if why is None else [why]


def unit_kind_problem(kind: str, plan_kinds: Collection[str]) -> str | None:
    if kind not in {k.value for k in UnitKind}:
        return f"loại đơn vị '{kind}' không hợp lệ"
    if kind in plan_kinds:
        return f"kế hoạch đã có loại đơn vị {kind_label(kind)}"
    return None


def _few(names: Sequence[str], n: int = 3) -> str:
    return ", ".join(names[:n]) + (", …" if len(names) > n else "")


def indicator_uses(plan: Plan, code: str) -> list[str]:
    """What in the plan still refers to the indicator `code`."""
    out = [f"tiêu chí {c.code}" for c in plan.criteria if c.indicator == code]
    if plan.ranking is not None and plan.ranking.indicator == code:
        out.append("cách xếp hạng của kế hoạch")
    return out


def period_uses(plan: Plan, code: str) -> list[str]:
    out = [f"hạn mức “{q.award}”" + (f" (khối {q.block})" if q.block else "")
           for q in plan.quotas if q.review == code]
    out += [f"tiêu chí {c.code} (chỉ áp dụng cho một số kỳ)" for c in plan.criteria
            if code in c.periods]
    return out


def unit_kind_uses(plan: Plan, kind: str, units: Sequence[Unit]) -> list[str]:
    of_kind = [u.name for u in units if u.kind == kind]
    out = [f"{len(of_kind)} đơn vị ({_few(of_kind)})"] if of_kind else []
    out += [f"chỉ tiêu {i.code}" for i in plan.indicators if kind in i.unit_kinds]
    out += [f"tiêu chí {c.code}" for c in plan.criteria if kind in c.unit_kinds]
    return out


def block_uses(plan: Plan, code: str, units: Sequence[Unit]) -> list[str]:
    in_block = [u.name for u in units if u.block == code]
    out = [f"{len(in_block)} đơn vị ({_few(in_block)})"] if in_block else []
    out += [f"hạn mức “{q.award}” kỳ {q.review}" for q in plan.quotas if q.block == code]
    return out


def used_refusal(what: str, uses: Sequence[str]) -> str:
    """'Không xóa được chỉ tiêu X vì … đang dùng: …' (`uses` not empty)."""
    return (f"Không xóa được {what} vì đang được dùng: {'; '.join(uses)}. "
            "Hãy xóa hoặc sửa những phần đó trước.")
