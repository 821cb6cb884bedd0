"""The check's rules as they were written before its integer fast paths (main at
67e352e: vnformat.rounded with Decimal and Fraction, evaluation with round(v, 9) at every
comparison): the reference tests/test_check_equivalence.py holds the fast code to.

Plain, slow and obviously the definition; not used by the product. One change is
intended: a number of more than 28 digits (only a ratio whose tử số and mẫu số no entry
accepts, e.g. mẫu số 1e-150, can give one) now keeps every digit, as a float's always
did; a fraction's Decimal kept 28 before (the `_EXACT` context below).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from desktop.domain.evaluation import CriterionResult, Outcome, UnitResult, _rule_text
from desktop.domain.plan import Criterion, IndicatorKind, Operator, Plan
from desktop.domain.values import BLANK, Value, measured

MAX_DECIMALS = 6
_PLACES = [Decimal(1).scaleb(-p) for p in range(MAX_DECIMALS + 1)]
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)
_PERCENT_LIKE = (IndicatorKind.RATIO, IndicatorKind.PERCENT)


def half_up(x: float | int | Fraction, places: int) -> Decimal:
    if isinstance(x, Fraction):
        n, d = x.numerator, x.denominator
        q = (2 * abs(n) * 10**places + d) // (2 * d)
        return Decimal(-q if n < 0 else q).scaleb(-places, _EXACT)
    shown = Decimal(x).quantize(_PLACES[places], context=_EXACT)
    return shown if shown else shown.copy_abs()


def toward(x: float | int | Fraction, places: int, up: bool) -> Decimal:
    scaled = Fraction(x) * 10**places
    n = math.ceil(scaled) if up else math.floor(scaled)
    return Decimal(n).scaleb(-places, _EXACT)


def rounded(
    x: float | int | Fraction, decimals: int = 2, keep: Callable[[float], bool] | None = None
) -> Decimal:
    if keep is None:
        return half_up(x, decimals)
    want = keep(float(x))
    for places in range(decimals, MAX_DECIMALS + 1):
        d = half_up(x, places)
        if keep(float(d)) == want:
            return d
    for up in (False, True):
        d = toward(x, MAX_DECIMALS, up)
        if keep(float(d)) == want:
            return d
    return half_up(x, MAX_DECIMALS)


def is_whole(x: float | int | Fraction) -> bool:
    return x.denominator == 1 if isinstance(x, Fraction) else float(x).is_integer()


def decimal_text(d: Decimal) -> str:
    if -1000 < d < 1000:
        return format(d, "f").replace(".", ",")
    places = max(0, -int(d.as_tuple().exponent))
    text = f"{d:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def number(
    x: float | int | Fraction,
    decimals: int | None = None,
    keep: Callable[[float], bool] | None = None,
) -> str:
    if isinstance(x, float) and not math.isfinite(x):
        return "—"
    if decimals is None:
        if type(x) is float and x.is_integer() and -1e15 < x < 1e15 or type(x) is int:
            return f"{int(x):,}".replace(",", ".")
        decimals = 0 if is_whole(x) else 2
    return decimal_text(rounded(x, decimals, keep))


def compare(c: Criterion, v: float | bool | dt.date) -> bool:
    op, t = c.op, c.threshold
    if op is Operator.TRUE:
        return v is True
    if type(v) is float or type(v) is int:
        assert type(t) is float
        x = round(v, 9)
        if op is Operator.GE:
            return x >= t
        if op is Operator.GT:
            return x > t
        if op is Operator.LE:
            return x <= t
        return x == t
    assert op is Operator.BY and isinstance(v, dt.date) and isinstance(t, dt.date)
    return v <= t


def evaluate(c: Criterion, kind: IndicatorKind, value: Value) -> tuple[Outcome, object]:
    v = measured(kind, value)
    if v is None:
        return Outcome.INCOMPLETE, None
    return (Outcome.PASS if compare(c, v) else Outcome.FAIL), v


def exact(r: CriterionResult) -> Fraction | float | None:
    v = r.value
    if v is None or isinstance(v, bool | dt.date) or not math.isfinite(v):
        return None
    if r.kind is IndicatorKind.RATIO:
        n, d = r.raw.numerator, r.raw.denominator
        if n is not None and d and math.isfinite(n) and math.isfinite(d):
            if float(n).is_integer() and float(d).is_integer():
                return Fraction(int(n) * 100, int(d))
            return Fraction(n) * 100 / Fraction(d)
    return v


def shown_number(r: CriterionResult) -> Decimal | None:
    x = exact(r)
    if x is None:
        return None
    places = 2 if r.kind in _PERCENT_LIKE or not is_whole(x) else 0
    c = r.criterion
    keep = (
        None
        if c.op in (Operator.TRUE, Operator.BY) or type(c.threshold) is not float
        else (lambda y: compare(c, y))
    )
    return rounded(x, places, keep)


def shown(r: CriterionResult, x: Decimal | None) -> str:
    v = r.value
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "Có" if v else "Không"
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if x is None:
        return "—"
    text = decimal_text(x)
    if r.kind is IndicatorKind.RATIO:
        n, d = r.raw.numerator, r.raw.denominator
        return f"{text} % ({number(n or 0)}/{number(d or 0)})"
    return f"{text} %" if r.kind is IndicatorKind.PERCENT else text


def described(r: CriterionResult) -> tuple[Decimal | None, str]:
    if r.value is None:
        if r.kind is IndicatorKind.RATIO and r.raw.denominator == 0:
            return None, "Chưa đủ số liệu: 0/0 không có giá trị"
        raw = (r.raw.numerator, r.raw.denominator, r.raw.number)
        if any(isinstance(x, float) and not math.isfinite(x) for x in raw):
            return None, "Chưa đủ số liệu: số đã lưu không phải là số hợp lệ (vô cực hoặc NaN)"
        return None, "Chưa đủ số liệu: chưa nhập giá trị"
    x = shown_number(r)
    ok = r.outcome is Outcome.PASS
    word = "Đạt" if ok else "Không đạt"
    return x, f"{word}: {shown(r, x)} {_rule_text(r.criterion, ok, r.kind)}".rstrip()


def unit_result(
    plan: Plan, unit_kind: str, values: Mapping[str, Value] | None, period: str | None = None
) -> tuple[UnitResult, list[tuple[Outcome, object]]]:
    if values is None:
        return UnitResult.NOT_SUBMITTED, []
    results = [
        (c, *evaluate(c, kind, values.get(c.indicator, BLANK)))
        for c, kind in plan.criteria_with_kinds(unit_kind, period)
    ]
    mandatory = [r for r in results if r[0].mandatory] or results
    outcomes = {o for _c, o, _v in mandatory}
    if Outcome.FAIL in outcomes:
        verdict = UnitResult.FAIL
    elif Outcome.INCOMPLETE in outcomes:
        verdict = UnitResult.INCOMPLETE
    else:
        verdict = UnitResult.PASS
    return verdict, [(o, v) for _c, o, v in results]
