"""A plan with one part added or removed (the "Kế hoạch" page's Thêm / Xóa), checked as a
plan file is.

Each function returns the new Plan or raises PlanChangeRefused with every reason named:
first the rules of the part itself (desktop/domain/plan_rules.py), then the whole plan
read back through the plan file parser (plan_schema.parse_plan over
plan_document.plan_document), so that what the editor accepts a plan file accepts too.
`plan.units` must hold the units (they decide whether a unit kind or a block is in use).

    plan = with_indicator(plan, Indicator("HOP_TRUC_TUYEN", "Số cuộc họp trực tuyến", ...))
    plan = without_period(plan, "2026", data_uses=["3 báo cáo của các đơn vị"])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .errors import DomainError, PlanError
from .plan import Block, Criterion, Indicator, Period, Plan, Quota
from .plan_document import plan_document
from .plan_rules import (
    block_uses,
    code_problem,
    criterion_problems,
    indicator_problems,
    indicator_uses,
    kind_label,
    period_item_problems,
    period_uses,
    quota_problems,
    unit_kind_problem,
    unit_kind_uses,
    used_refusal,
)
from .plan_schema import parse_plan


class PlanChangeRefused(DomainError):
    """A part cannot be added or removed; the message says why, in Vietnamese."""


def _refuse(what: str, problems: Sequence[str]) -> None:
    if problems:
        raise PlanChangeRefused(
            f"Không thêm được {what}:\n" + "\n".join(f"- {p}" for p in problems)
        )


def checked(plan: Plan, what: str) -> Plan:
    """`plan` if a plan file holding it would be valid; PlanChangeRefused otherwise."""
    try:
        parse_plan(plan_document(plan), origin="kế hoạch")
    except PlanError as exc:
        raise PlanChangeRefused(
            f"Không lưu được thay đổi ({what}) vì kế hoạch sẽ không hợp lệ:\n"
            + exc.message.split("\n", 1)[-1]
        ) from None
    return plan


def _removal(what: str, uses: Sequence[str]) -> None:
    if uses:
        raise PlanChangeRefused(used_refusal(what, uses))


# ---- indicators ---------------------------------------------------------------------------


def with_indicator(plan: Plan, ind: Indicator) -> Plan:
    what = f"chỉ tiêu {ind.code}"
    problems = [p for p in [code_problem(ind.code, {i.code for i in plan.indicators})] if p]
    _refuse(what, problems + indicator_problems(ind, plan.unit_kinds))
    return checked(dataclasses.replace(plan, indicators=(*plan.indicators, ind)), what)


def without_indicator(plan: Plan, code: str, data_uses: Sequence[str] = ()) -> Plan:
    what = f"chỉ tiêu {code}"
    _known(code, [i.code for i in plan.indicators], "chỉ tiêu")
    _removal(what, [*data_uses, *indicator_uses(plan, code)])
    indicators = tuple(i for i in plan.indicators if i.code != code)
    return checked(dataclasses.replace(plan, indicators=indicators), what)


# ---- criteria -----------------------------------------------------------------------------


def with_criterion(plan: Plan, c: Criterion) -> Plan:
    what = f"tiêu chí {c.code}"
    ind = next((i for i in plan.indicators if i.code == c.indicator), None)
    problems = [p for p in [code_problem(c.code, {x.code for x in plan.criteria})] if p]
    problems += criterion_problems(c, ind, plan.unit_kinds, {p.code for p in plan.periods})
    _refuse(what, problems)
    return checked(dataclasses.replace(plan, criteria=(*plan.criteria, c)), what)


def without_criterion(plan: Plan, code: str) -> Plan:
    _known(code, [c.code for c in plan.criteria], "tiêu chí")
    criteria = tuple(c for c in plan.criteria if c.code != code)
    return checked(dataclasses.replace(plan, criteria=criteria), f"tiêu chí {code}")


# ---- periods ------------------------------------------------------------------------------


def with_period(plan: Plan, p: Period) -> Plan:
    what = f"kỳ báo cáo {p.code}"
    problems = [x for x in [code_problem(p.code, {q.code for q in plan.periods})] if x]
    _refuse(what, problems + period_item_problems(p))
    periods = tuple(sorted((*plan.periods, p), key=lambda x: (x.starts, x.deadline, x.code)))
    return checked(dataclasses.replace(plan, periods=periods), what)


def without_period(plan: Plan, code: str, data_uses: Sequence[str] = ()) -> Plan:
    what = f"kỳ báo cáo {code}"
    _known(code, [p.code for p in plan.periods], "kỳ báo cáo")
    _removal(what, [*data_uses, *period_uses(plan, code)])
    periods = tuple(p for p in plan.periods if p.code != code)
    return checked(dataclasses.replace(plan, periods=periods), what)


# ---- quotas -------------------------------------------------------------------------------


def quota_name(q: Quota) -> str:
    block = f", khối {q.block}" if q.block else ""
    return f"hạn mức “{q.award}” kỳ {q.review}{block}"


def with_quota(plan: Plan, q: Quota) -> Plan:
    what = quota_name(q)
    problems = quota_problems(q, {p.code for p in plan.periods}, {b.code for b in plan.blocks})
    if any((x.review, x.award, x.block) == (q.review, q.award, q.block) for x in plan.quotas):
        problems.append(
            "kế hoạch đã có hạn mức này (cùng kỳ, hình thức và khối); hãy sửa số lượng ở dòng đó"
        )
    _refuse(what, problems)
    return checked(dataclasses.replace(plan, quotas=(*plan.quotas, q)), what)


def without_quota(plan: Plan, index: int, data_uses: Sequence[str] = ()) -> Plan:
    """Without the plan's `index`-th quota (in the plan's order)."""
    if not 0 <= index < len(plan.quotas):
        raise PlanChangeRefused("Không có hạn mức này trong kế hoạch.")
    what = quota_name(plan.quotas[index])
    _removal(what, data_uses)
    quotas = tuple(q for i, q in enumerate(plan.quotas) if i != index)
    return checked(dataclasses.replace(plan, quotas=quotas), what)


# ---- unit kinds and blocks ----------------------------------------------------------------


def with_unit_kind(plan: Plan, kind: str) -> Plan:
    what = f"loại đơn vị {kind_label(kind)}"
    why = unit_kind_problem(kind, plan.unit_kinds)
    _refuse(what, [why] if why else [])
    return checked(dataclasses.replace(plan, unit_kinds=(*plan.unit_kinds, kind)), what)


def without_unit_kind(plan: Plan, kind: str) -> Plan:
    what = f"loại đơn vị {kind_label(kind)}"
    _known(kind, list(plan.unit_kinds), "loại đơn vị")
    _removal(what, unit_kind_uses(plan, kind, plan.units))
    kinds = tuple(k for k in plan.unit_kinds if k != kind)
    return checked(dataclasses.replace(plan, unit_kinds=kinds), what)


def with_block(plan: Plan, block: Block) -> Plan:
    what = f"khối thi đua {block.code}"
    problems = [p for p in [code_problem(block.code, {b.code for b in plan.blocks})] if p]
    if not block.name.strip():
        problems.append("tên khối không được để trống")
    _refuse(what, problems)
    return checked(dataclasses.replace(plan, blocks=(*plan.blocks, block)), what)


def without_block(plan: Plan, code: str) -> Plan:
    what = f"khối thi đua {code}"
    _known(code, [b.code for b in plan.blocks], "khối thi đua")
    _removal(what, block_uses(plan, code, plan.units))
    blocks = tuple(b for b in plan.blocks if b.code != code)
    return checked(dataclasses.replace(plan, blocks=blocks), what)


def _known(code: str, codes: Sequence[str], what: str) -> None:
    if code not in codes:
        raise PlanChangeRefused(f"Không có {what} '{code}' trong kế hoạch.")
