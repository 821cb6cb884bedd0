"""Trends across periods and the completeness grid, from the periods' evaluations.

    series = indicator_trends(reports)          # one IndicatorTrend per numeric indicator
    unit = unit_trend(reports, "22813", "HSCV_MANG")
    grid = completeness(reports)                # units x periods: on time / late / ...

``reports`` are the ``PeriodReport`` of the plan's periods in order (what `check` computes
for each). The area's value is the aggregate of section 4 of DESIGN.md (Σ tử số / Σ mẫu
số for a ratio, never a mean of percents); the spread is over the units that reported.
The completeness status comes from the received dates against each period's deadline
(the whole deadline day on time) and the review state. No Qt, no database.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .period_report import PeriodReport, UnitReport
from .plan import Indicator, IndicatorKind, Operator, Period, Plan

CHARTED_KINDS = (IndicatorKind.RATIO, IndicatorKind.PERCENT, IndicatorKind.SCORE,
                 IndicatorKind.COUNT)

ON_TIME, LATE, MISSING, RETURNED, NOT_EXPECTED = (
    "on_time", "late", "missing", "returned", "not_expected")
STATUS_LABELS = {
    ON_TIME: "Đúng hạn",
    LATE: "Trễ hạn",
    MISSING: "Chưa nộp",
    RETURNED: "Trả lại để sửa",
    NOT_EXPECTED: "Không phải báo cáo",
}
# one letter a status, so that the grid reads in black and white
STATUS_MARKS = {ON_TIME: "Đ", LATE: "T", MISSING: "—", RETURNED: "L", NOT_EXPECTED: ""}


@dataclass(frozen=True)
class Spread:
    """The units' values in one period: least, quartiles, greatest, how many."""

    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    count: int


@dataclass(frozen=True)
class IndicatorTrend:
    indicator: Indicator
    periods: tuple[Period, ...]
    area: tuple[float | None, ...]  # the area's value in each period
    spread: tuple[Spread | None, ...]
    threshold: float | None  # the mandatory criterion's level on it, when there is one

    @property
    def percent_like(self) -> bool:
        return self.indicator.kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT)


@dataclass(frozen=True)
class UnitTrend:
    unit_code: str
    unit_name: str
    indicator: Indicator
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]
    area: tuple[float | None, ...]
    threshold: float | None


@dataclass(frozen=True)
class Completeness:
    periods: tuple[Period, ...]
    units: tuple[tuple[str, str], ...]  # (code, name), in the order of the last period
    cells: tuple[tuple[str, ...], ...]  # per unit, the status of each period
    late_days: tuple[tuple[int, ...], ...]

    def counts(self, column: int) -> dict[str, int]:
        out = dict.fromkeys(STATUS_LABELS, 0)
        for row in self.cells:
            out[row[column]] += 1
        return out


def numeric_value(indicator: Indicator, report: UnitReport) -> float | None:
    """The unit's value of a charted indicator in its report (a ratio in percent)."""
    if report.submission is None:
        return None
    v = report.submission.values.get(indicator.code)
    if v is None:
        return None
    if indicator.kind is IndicatorKind.RATIO:
        if v.numerator is None or not v.denominator:
            return None
        return float(v.numerator) / float(v.denominator) * 100
    return None if v.number is None else float(v.number)


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (as numpy's default)."""
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def spread(values: Sequence[float]) -> Spread | None:
    if not values:
        return None
    s = sorted(values)
    return Spread(s[0], _quantile(s, 0.25), _quantile(s, 0.5), _quantile(s, 0.75), s[-1],
                  len(s))


def threshold(plan: Plan, indicator_code: str) -> float | None:
    """The level a mandatory criterion asks of the indicator (>=, >, <=, =), else a
    target's; None when nothing is asked."""
    for mandatory in (True, False):
        for c in plan.criteria:
            if (c.indicator == indicator_code and c.mandatory is mandatory
                    and c.op in (Operator.GE, Operator.GT, Operator.LE, Operator.EQ)
                    and isinstance(c.threshold, int | float)
                    and not isinstance(c.threshold, bool)):
                return float(c.threshold)
    return None


def indicator_trends(reports: Sequence[PeriodReport],
                     codes: Collection[str] | None = None) -> list[IndicatorTrend]:
    """One trend per charted indicator of the plan (only those of `codes` when given)."""
    if not reports:
        return []
    plan = reports[0].plan
    periods = tuple(r.period for r in reports)
    out = []
    for ind in plan.indicators:
        if ind.kind not in CHARTED_KINDS or (codes is not None and ind.code not in codes):
            continue
        area: list[float | None] = []
        spreads: list[Spread | None] = []
        for r in reports:
            agg = r.aggregate_of(ind.code)
            area.append(agg.value if agg.units_reporting else None)
            values = [v for u in r.units if (v := numeric_value(ind, u)) is not None]
            spreads.append(spread(values))
        out.append(IndicatorTrend(ind, periods, tuple(area), tuple(spreads),
                                  threshold(plan, ind.code)))
    return out


def unit_trend(reports: Sequence[PeriodReport], unit_code: str,
               indicator_code: str) -> UnitTrend:
    plan = reports[0].plan
    ind = plan.indicator(indicator_code)
    values: list[float | None] = []
    area: list[float | None] = []
    name = unit_code
    for r in reports:
        found = next((u for u in r.units if u.unit.code == unit_code), None)
        if found is not None:
            name = found.unit.name
        values.append(numeric_value(ind, found) if found is not None else None)
        agg = r.aggregate_of(ind.code)
        area.append(agg.value if agg.units_reporting else None)
    return UnitTrend(unit_code, name, ind, tuple(r.period for r in reports), tuple(values),
                     tuple(area), threshold(plan, indicator_code))


def status(report: UnitReport | None) -> str:
    if report is None:
        return NOT_EXPECTED
    sub = report.submission
    if sub is None:
        return MISSING
    if sub.state == "returned":
        return RETURNED
    return LATE if report.late_days > 0 else ON_TIME


def completeness(reports: Sequence[PeriodReport]) -> Completeness:
    """Every unit expected in any period, in the order of the latest report, then those
    only in earlier ones."""
    order: dict[str, str] = {}
    for r in reversed(reports):
        for u in r.units:
            order.setdefault(u.unit.code, u.unit.name)
    by_period = [{u.unit.code: u for u in r.units} for r in reports]
    cells = []
    late = []
    for code in order:
        row = [by_period[i].get(code) for i in range(len(reports))]
        cells.append(tuple(status(u) for u in row))
        late.append(tuple(u.late_days if u is not None else 0 for u in row))
    return Completeness(tuple(r.period for r in reports), tuple(order.items()), tuple(cells),
                        tuple(late))
