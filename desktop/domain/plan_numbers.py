"""What a number of a plan may be (a threshold, a quota's counts and leaders' share, a
score's scale), and the plan read from a database checked against it.

Part of the plan's rules (plan_rules.py imports and states the rest): kept apart so that
a command reading the plan from its database (`thidua check`, an import, an export)
checks it without building the plan editor's rows and the other rules at its start.
"""

from __future__ import annotations

import math

from .plan import IndicatorKind
from .values import MAX_COUNT
from .vnformat import number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .plan import Plan

PERCENT_KINDS = (IndicatorKind.RATIO, IndicatorKind.PERCENT)


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


def maximum_problem(maximum: float | None) -> str | None:
    """A score's scale: None (no scale) or a positive finite number."""
    if maximum is not None and not (math.isfinite(maximum) and maximum > 0):
        return "thang điểm tối đa phải là một số dương"
    return None


def _shown(x: object) -> str:
    if isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x):
        if abs(x) >= 1e15:  # '1e+308', not three hundred digits
            return f"{x:.3g}".replace(".", ",")
        return number(float(x))
    return str(x)


# ---- a plan as it was read from a database -------------------------------------------------


def _not_finite(x: object) -> str | None:
    if isinstance(x, float) and not math.isfinite(x):
        shown = "NaN" if math.isnan(x) else ("vô cực" if x > 0 else "âm vô cực")
        return f"giá trị đã lưu là {shown}, không phải một số hữu hạn"
    return None


def stored_plan_problems(plan: Plan) -> list[str]:
    """The numbers of a plan read from a database that no plan file nor the plan editor
    accepts (written there by another program: NaN, an infinity, a share above 100 %),
    each naming its row and column; every reading of the plan refuses them, since each
    would make a check fail without saying why or stop it."""
    out: list[str] = []
    kinds = {i.code: i.kind for i in plan.indicators}
    for ind in plan.indicators:
        why = _not_finite(ind.maximum) or maximum_problem(ind.maximum)
        if why is not None:
            out.append(f"chỉ tiêu {ind.code} (bảng indicator, cột maximum): {why}")
    for c in plan.criteria:
        why = _not_finite(c.threshold)
        if why is None and c.op.numeric and c.indicator in kinds:
            why = number_problem(kinds[c.indicator], c.threshold)
        if why is not None:
            out.append(f"tiêu chí {c.code} (bảng criterion, cột threshold_number): {why}")
    for q in plan.quotas:
        block = f", khối {q.block}" if q.block else ""
        where = f"hạn mức \u201c{q.award}\u201d kỳ {q.review}{block}"
        for column, why in (
            ("collectives", count_problem("số tập thể", q.collectives)),
            ("individuals", count_problem("số cá nhân", q.individuals)),
            ("leader_share_max", _not_finite(q.leader_share_max)
             or share_problem(q.leader_share_max)),
        ):  # fmt: skip
            if why is not None:
                out.append(f"{where} (bảng quota, cột {column}): {why}")
    return out
