"""Trends across periods and the completeness grid, from the periods' evaluations.

    series = indicator_trends(reports)          # one IndicatorTrend per numeric indicator
    series = value_trends(plan, [period_values(r, codes) for r in reports], codes)
    unit = unit_trend(reports, "22813", "HSCV_MANG")
    grid = completeness(reports)                # units x periods: on time / late / ...

``reports`` are the ``PeriodReport`` of the plan's periods in order (what `check` computes
for each). The area's value is the aggregate of section 4 of DESIGN.md (Σ tử số / Σ mẫu
số for a ratio, never a mean of percents); the spread is over the units that reported.
A trend needs of a period only its listed units' values of the charted indicators
(`PeriodValues`): from a whole evaluation (`period_values`), or read alone for the
periods before the one exported (store.export_reads.trend_values, the official PDF's
trends), the same figures either way. The completeness status comes from the received
dates against each period's deadline (the whole deadline day on time) and the review
state. No Qt, no database.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from .aggregate import aggregate
from .period_report import PeriodReport, UnitReport, listed_units
from .plan import Indicator, IndicatorKind, Operator, Period, Plan, Unit
from .values import Value

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


@dataclass(frozen=True)
class PeriodValues:
    """What the trends need of one period: each unit its report lists, in the report's
    order, with its kind and its values of the charted indicators (None: no submission)."""

    period: Period
    units: tuple[tuple[str, Mapping[str, Value] | None], ...]


def period_values(report: PeriodReport, codes: Collection[str] | None = None) -> PeriodValues:
    """The values of a whole evaluation (only those of `codes` when given)."""
    out: list[tuple[str, Mapping[str, Value] | None]] = []
    for u in report.units:
        values = None if u.submission is None else u.submission.values
        if values is not None and codes is not None:
            values = {c: v for c, v in values.items() if c in codes}
        out.append((u.unit.kind, values))
    return PeriodValues(report.period, tuple(out))


def listed_values(period: Period, units: Sequence[Unit],
                  submitted: Mapping[str, Mapping[str, Value]]) -> PeriodValues:
    """The values read alone (unit code -> its submission's values), for the units the
    period's report would list, in its order (period_report.listed_units)."""
    return PeriodValues(period, tuple((u.kind, submitted.get(u.code))
                                      for u in listed_units(units, period, submitted)))


def trend_codes(report: PeriodReport) -> set[str]:
    """The indicators the official report charts: those a mandatory criterion measures
    on a kind of unit the period's report lists, charted (CHARTED_KINDS) with a level
    asked of them (`threshold`)."""
    plan, kinds = report.plan, {u.unit.kind for u in report.units}
    measured = {c.indicator for c in plan.criteria_judged(kinds) if c.mandatory}
    return {i.code for i in plan.indicators if i.code in measured
            and i.kind in CHARTED_KINDS and threshold(plan, i.code) is not None}


def numeric_value(indicator: Indicator, report: UnitReport) -> float | None:
    """The unit's value of a charted indicator in its report (a ratio in percent)."""
    return _numeric(indicator, None if report.submission is None
                    else report.submission.values)


def _numeric(indicator: Indicator, values: Mapping[str, Value] | None) -> float | None:
    if values is None:
        return None
    v = values.get(indicator.code)
    if v is None:
        return None
    if indicator.kind is IndicatorKind.RATIO:
        if v.numerator is None or not v.denominator:
            return None
        return float(v.numerator) / float(v.denominator) * 100
    return None if v.number is None else float(v.number)


def _numbers(indicator: Indicator, values: Sequence[Value]) -> list[float]:
    """_numeric of each of `values` that has one, in one pass."""
    if indicator.kind is IndicatorKind.RATIO:
        return [float(n) / float(d) * 100 for v in values
                if (n := v.numerator) is not None and (d := v.denominator)]
    return [float(x) for v in values if (x := v.number) is not None]


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
    return value_trends(reports[0].plan, [period_values(r, codes) for r in reports], codes)


def value_trends(plan: Plan, history: Sequence[PeriodValues],
                 codes: Collection[str] | None = None) -> list[IndicatorTrend]:
    """indicator_trends from the periods' values: the area's value is the aggregate of
    the values of the units of the indicator's kinds (as the period's report has it), the
    spread over every listed unit that gave one."""
    periods = tuple(p.period for p in history)
    out = []
    for ind in plan.indicators:
        if ind.kind not in CHARTED_KINDS or (codes is not None and ind.code not in codes):
            continue
        area: list[float | None] = []
        spreads: list[Spread | None] = []
        code, kinds = ind.code, ind.unit_kinds
        for p in history:  # each unit's value looked up once, for the area and the spread
            given = [(kind, v) for kind, values in p.units
                     if values is not None and (v := values.get(code)) is not None]
            agg = aggregate(ind, [v for kind, v in given if kind in kinds])
            area.append(agg.value if agg.units_reporting else None)
            spreads.append(spread(_numbers(ind, [v for _, v in given])))
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
