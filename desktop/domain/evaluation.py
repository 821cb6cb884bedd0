"""Evaluate a submission against the plan's criteria (DESIGN.md section 4)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

from .plan import Criterion, IndicatorKind, Operator, Plan
from .values import BLANK, Value, measured
from .vnformat import day, is_whole, number, rounded
from .vnformat import decimal_text as _decimal_text


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"


class UnitResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"
    NOT_SUBMITTED = "not_submitted"


OUTCOME_LABELS = {
    "pass": "Đạt",
    "fail": "Không đạt",
    "incomplete": "Chưa đủ số liệu",
    "not_submitted": "Chưa nộp",
}


class CriterionResult(NamedTuple):
    """One criterion of one unit. A named tuple, not a frozen dataclass: a province
    check makes one for every criterion of thousands of units, and a frozen
    dataclass costs several times more to build."""

    criterion: Criterion
    outcome: Outcome
    value: float | bool | dt.date | None
    kind: IndicatorKind
    raw: Value = BLANK

    @property
    def code(self) -> str:
        return self.criterion.code

    @property
    def exact(self) -> Fraction | float | None:
        """The measured number exactly (a ratio's n/d × 100 as a fraction); None when
        the value is not a number."""
        v = self.value
        if v is None or isinstance(v, bool | dt.date) or not math.isfinite(v):
            return None  # (an infinity can only come from a database written elsewhere)
        if self.kind is IndicatorKind.RATIO:
            n, d = self.raw.numerator, self.raw.denominator
            if n is not None and d and math.isfinite(n) and math.isfinite(d):
                if float(n).is_integer() and float(d).is_integer():  # counts: one gcd
                    return Fraction(int(n) * 100, int(d))
                return Fraction(n) * 100 / Fraction(d)
        return v

    @property
    def rounded(self) -> Decimal | None:
        """The number as shown (vnformat.rounded): two places, more when rounding would
        cross the threshold, so that it never contradicts the outcome."""
        x = self.exact
        if x is None:
            return None
        places = 2 if self.kind in _PERCENT_LIKE or not is_whole(x) else 0
        return rounded(x, places, self._keep())

    def _keep(self) -> Callable[[float], bool] | None:
        c = self.criterion
        if c.op is _TRUE or c.op is _BY or type(c.threshold) is not float:
            return None
        return lambda y: _compare(c, y)

    @property
    def shown(self) -> str:
        """'58,33 % (35/60)', '64,996 %', 'Có', '20/09/2022', '—' when blank."""
        return self._shown(self.rounded)

    def _shown(self, x: Decimal | None) -> str:
        v = self.value
        if v is None:
            return "—"
        if isinstance(v, bool):
            return "Có" if v else "Không"
        if isinstance(v, dt.date):
            return day(v)
        if x is None:  # not a finite number: nothing believable to show
            return "—"
        text = _decimal_text(x)
        if self.kind is IndicatorKind.RATIO:
            n, d = self.raw.numerator, self.raw.denominator
            return f"{text} % ({number(n or 0)}/{number(d or 0)})"
        return f"{text} %" if self.kind is IndicatorKind.PERCENT else text

    @property
    def explanation(self) -> str:
        """'Không đạt: 58,33 % (35/60) < 65 %' — built when shown, not for every unit."""
        return self.described()[1]

    def described(self) -> tuple[Decimal | None, str]:
        """The number as shown (`rounded`) and the explanation, rounded once for both."""
        if self.value is None:
            if self.kind is IndicatorKind.RATIO and self.raw.denominator == 0:
                return None, "Chưa đủ số liệu: 0/0 không có giá trị"
            raw = (self.raw.numerator, self.raw.denominator, self.raw.number)
            if any(isinstance(x, float) and not math.isfinite(x) for x in raw):
                return None, "Chưa đủ số liệu: số đã lưu không phải là số hợp lệ (vô cực hoặc NaN)"
            return None, "Chưa đủ số liệu: chưa nhập giá trị"
        x = self.rounded
        ok = self.outcome is Outcome.PASS
        word = "Đạt" if ok else "Không đạt"
        return x, f"{word}: {self._shown(x)} {_rule_text(self.criterion, ok, self.kind)}".rstrip()


def evaluate_criterion(plan: Plan, criterion: Criterion, value: Value) -> CriterionResult:
    return _evaluate(criterion, plan.indicator(criterion.indicator).kind, value)


# Enum members as module constants: this module's loop runs for every criterion of
# every unit of a province, and looking a member up on its class costs more than the
# comparison itself.
_PASS, _FAIL, _INCOMPLETE = Outcome.PASS, Outcome.FAIL, Outcome.INCOMPLETE
_TRUE, _BY, _GE, _GT, _LE = Operator.TRUE, Operator.BY, Operator.GE, Operator.GT, Operator.LE
_PERCENT_LIKE = (IndicatorKind.RATIO, IndicatorKind.PERCENT)


def _evaluate(criterion: Criterion, kind: IndicatorKind, value: Value) -> CriterionResult:
    v = measured(kind, value)
    if v is None:
        return CriterionResult(criterion, _INCOMPLETE, None, kind, value)
    return CriterionResult(criterion, _PASS if _compare(criterion, v) else _FAIL, v, kind, value)


def _compare(c: Criterion, v: float | bool | dt.date) -> bool:
    op, t = c.op, c.threshold
    if op is _TRUE:
        return v is True
    if type(v) is float or type(v) is int:
        if type(t) is not float:
            raise TypeError(f"{c.code}: threshold {t!r} is not a number")
        x = round(v, 9)
        if op is _GE:
            return x >= t
        if op is _GT:
            return x > t
        if op is _LE:
            return x <= t
        return x == t
    if op is _BY and isinstance(v, dt.date) and isinstance(t, dt.date):
        return v <= t
    raise TypeError(f"{c.code}: cannot compare {v!r} with {op.value} {t!r}")


def _rule_text(c: Criterion, ok: bool, kind: IndicatorKind) -> str:
    """The comparison as it stands for this outcome: '< 65 %' when failing '>= 65'."""
    t = c.threshold
    if c.op is Operator.TRUE:
        return "" if ok else "(yêu cầu: Có)"
    if c.op is Operator.BY:
        assert isinstance(t, dt.date)
        return f"{c.op.symbol if ok else c.op.negation} hạn {day(t)}"
    assert isinstance(t, float)
    unit = " %" if kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT) else ""
    shown = f"{number(t)}{unit}"
    return f"{c.op.symbol if ok else c.op.negation} {shown}"


def rule_label(plan: Plan, c: Criterion) -> str:
    """How a person reads the rule: '≥ 65 %', 'Có', 'Trước hoặc đúng 20/09/2022'."""
    kind = plan.indicator(c.indicator).kind
    if c.op is Operator.TRUE:
        return "Có"
    if c.op is Operator.BY:
        assert isinstance(c.threshold, dt.date)
        return f"Không muộn hơn {day(c.threshold)}"
    assert isinstance(c.threshold, float)
    unit = " %" if kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT) else ""
    return f"{c.op.symbol} {number(c.threshold)}{unit}"


def evaluate_unit(
    plan: Plan, unit_kind: str, values: Mapping[str, Value] | None, period: str | None = None
) -> tuple[UnitResult, tuple[CriterionResult, ...]]:
    """The unit's result for a period and every criterion that applies to its kind (and,
    given `period`, to that period: a criterion may apply to some periods only).

    `values` is None when the unit has not submitted. Non-mandatory criteria (targets)
    are evaluated and returned but do not decide the result - unless the unit has no
    mandatory criterion at all (a plan of targets only): then the targets decide it, and
    its verdict says how many were met (`verdict`).
    """
    if values is None:
        return UnitResult.NOT_SUBMITTED, ()
    results = tuple(
        [
            _evaluate(c, kind, values.get(c.indicator, BLANK))
            for c, kind in plan.criteria_with_kinds(unit_kind, period)
        ]
    )
    mandatory = [r for r in results if r.criterion.mandatory]
    return combine(mandatory if mandatory else results), results


def targets_only(criteria: Sequence[CriterionResult]) -> bool:
    """The unit is judged by targets alone (no mandatory criterion applies to it)."""
    return bool(criteria) and not any(r.criterion.mandatory for r in criteria)


def verdict(result: UnitResult | str, criteria: Sequence[CriterionResult]) -> str:
    """The unit's result as every screen and report writes it: 'Đạt', 'Không đạt', ... or,
    for a unit judged by targets alone, how many it met: 'Đạt 5/7 chỉ tiêu'."""
    value = result.value if isinstance(result, UnitResult) else result
    if value != "not_submitted" and targets_only(criteria):
        met = sum(1 for r in criteria if r.outcome is _PASS)
        return f"Đạt {met}/{len(criteria)} chỉ tiêu"
    return OUTCOME_LABELS[value]


def combine(mandatory: Iterable[CriterionResult]) -> UnitResult:
    outcomes = {r.outcome for r in mandatory}
    if _FAIL in outcomes:
        return UnitResult.FAIL
    if _INCOMPLETE in outcomes:
        return UnitResult.INCOMPLETE
    return UnitResult.PASS
