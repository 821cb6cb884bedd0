"""The plan as plain data: indicators, criteria, periods, quotas, units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from .period import Period as Period  # (re-exported: the plan's periods)
from .period import ReviewKind as ReviewKind
from .unit_dates import active_on


class IndicatorKind(StrEnum):
    RATIO = "ratio"
    PERCENT = "percent"
    COUNT = "count"
    BOOL = "bool"
    DATE = "date"
    SCORE = "score"


class Operator(StrEnum):
    """How a criterion compares a value with its threshold. The value is the plan file's
    spelling; `symbol` is how it is printed when met, `negation` when it is not, `label`
    the Vietnamese words."""

    GE = ">="
    GT = ">"
    LE = "<="
    EQ = "="
    TRUE = "true"
    BY = "by"

    @property
    def symbol(self) -> str:
        return _OPERATOR_TEXT[self][0]

    @property
    def negation(self) -> str:
        return _OPERATOR_TEXT[self][1]

    @property
    def label(self) -> str:
        return _OPERATOR_TEXT[self][2]

    @property
    def numeric(self) -> bool:
        """Compares a number (>=, >, <=, =), not a yes/no or a date."""
        return self not in (Operator.TRUE, Operator.BY)


# operator -> (symbol when met, symbol when not met, Vietnamese label)
_OPERATOR_TEXT: dict[Operator, tuple[str, str, str]] = {
    Operator.GE: ("≥", "<", "không nhỏ hơn"),
    Operator.GT: (">", "≤", "lớn hơn"),
    Operator.LE: ("≤", ">", "không lớn hơn"),
    Operator.EQ: ("=", "≠", "bằng"),
    Operator.TRUE: ("Có", "Không", "có"),
    Operator.BY: ("≤", ">", "không muộn hơn"),
}


class UnitKind(StrEnum):
    COMMUNE = "commune"
    DEPARTMENT = "department"
    ENTERPRISE = "enterprise"
    DISTRICT = "district"


UNIT_KIND_LABELS: dict[str, str] = {
    UnitKind.COMMUNE: "Xã, phường, thị trấn",
    UnitKind.DEPARTMENT: "Phòng, ban, ngành",
    UnitKind.ENTERPRISE: "Doanh nghiệp",
    UnitKind.DISTRICT: "Huyện, thị xã, thành phố",
}

KIND_LABELS: dict[str, str] = {
    IndicatorKind.RATIO: "Tỷ lệ (tử số / mẫu số)",
    IndicatorKind.PERCENT: "Phần trăm",
    IndicatorKind.COUNT: "Số lượng",
    IndicatorKind.BOOL: "Có / Không",
    IndicatorKind.DATE: "Ngày",
    IndicatorKind.SCORE: "Điểm",
}


@dataclass(frozen=True)
class Indicator:
    """A measured quantity of the plan (chỉ tiêu): a ratio, a percent, a count, a yes/no,
    a date or a score, for the unit kinds that report it."""

    code: str
    name: str
    kind: IndicatorKind
    unit_kinds: tuple[str, ...]
    measure: str = ""  # unit of measure shown in forms ("%", "hồ sơ", "sáng kiến")
    numerator_label: str = ""
    denominator_label: str = ""
    source: str = ""
    # the plan's scale for a score or a cap for a count ("thang điểm 100"); None: no cap
    # beyond the kind's own (a count up to values.MAX_COUNT, a score finite and >= 0)
    maximum: float | None = None
    short: str = ""  # a few words for table headers and charts ("Hộ có cáp quang")

    @property
    def label(self) -> str:
        """What a person reads in headers: the short name, else the name."""
        return self.short or self.name

    @property
    def is_percent_like(self) -> bool:
        return self.kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT)


@dataclass(frozen=True)
class Criterion:
    """A rule over an indicator (tiêu chí): `HSCV_MANG >= 65`; mandatory ones decide a
    unit's result, the others are targets tracked and reported."""

    code: str
    name: str
    indicator: str
    op: Operator
    threshold: float | dt.date | None
    unit_kinds: tuple[str, ...]
    mandatory: bool = True
    source: str = ""
    periods: tuple[str, ...] = ()  # the period codes it applies to; empty: every period
    short: str = ""  # a few words for table headers; else its indicator's short name

    def applies_in(self, period: str) -> bool:
        """Whether the criterion is judged in the period with code `period`."""
        return not self.periods or period in self.periods

    @property
    def rule(self) -> str:
        """The rule as written in check JSON: '>= 65', 'true', 'by 2022-09-20'."""
        if self.op is Operator.TRUE:
            return "true"
        if self.op is Operator.BY:
            assert isinstance(self.threshold, dt.date)
            return f"by {self.threshold.isoformat()}"
        return f"{self.op.value} {_num(self.threshold)}"


def _num(value: float | dt.date | None) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Quota:
    """At most so many collectives and individuals proposed for an award at a review."""

    review: str  # period code of the review (sơ kết / tổng kết)
    award: str  # "Giấy khen của Chủ tịch UBND huyện"
    collectives: int | None = None
    individuals: int | None = None
    block: str | None = None  # per-block quota (Cần Thơ)
    leader_share_max: float | None = None  # percent of individuals who may be leaders
    source: str = ""


@dataclass(frozen=True)
class Block:
    """A group of units ranked together (khối thi đua)."""

    code: str
    name: str


@dataclass(frozen=True)
class Unit:
    """A reporting unit: as a plan template lists it, or as the database holds it
    (active dates and the unit it was merged into, when it was)."""

    code: str
    name: str
    kind: str
    block: str | None = None
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    merged_into: str | None = None
    # names it had before, each with the last day it was valid (oldest first)
    former_names: tuple[tuple[str, dt.date], ...] = field(default=(), compare=False)

    def active_on(self, day: dt.date) -> bool:
        return active_on(day, self.active_from, self.active_to)


@dataclass(frozen=True)
class Ranking:
    """The indicator units are ranked by, highest first unless `descending` is False."""

    indicator: str
    descending: bool = True
    source: str = ""


@dataclass(frozen=True)
class Plan:
    """The plan (kế hoạch) as data: its identity, indicators, criteria, periods, quotas,
    blocks, units and ranking rule."""

    code: str
    number: str
    issuer: str
    issued_on: dt.date | None
    title: str
    level: str  # the level of the collecting body: "huyện", "tỉnh", "sở"
    area: str  # "huyện Ninh Sơn"
    place: str  # for the date line: "Ninh Sơn"
    unit_kinds: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    criteria: tuple[Criterion, ...]
    periods: tuple[Period, ...]
    units: tuple[Unit, ...] = ()
    quotas: tuple[Quota, ...] = ()
    blocks: tuple[Block, ...] = ()
    ranking: Ranking | None = None
    dossier: tuple[str, ...] = ()
    source_note: str = ""
    extras: dict[str, object] = field(default_factory=dict, compare=False)

    def indicator(self, code: str) -> Indicator:
        return self._indicators_by_code[code]

    def criterion_label(self, criterion: Criterion) -> str:
        """The few words a table header shows for a criterion: its short name, else its
        indicator's, else its name (the code goes to the tooltip)."""
        if criterion.short:
            return criterion.short
        ind = self._indicators_by_code.get(criterion.indicator)
        return ind.short if ind is not None and ind.short else criterion.name

    @cached_property
    def _indicators_by_code(self) -> dict[str, Indicator]:
        return {ind.code: ind for ind in self.indicators}

    def period(self, code: str) -> Period:
        for p in self.periods:
            if p.code == code:
                return p
        raise KeyError(code)

    def indicators_for(self, unit_kind: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if unit_kind in i.unit_kinds)

    def criteria_for(self, unit_kind: str, period: str | None = None) -> tuple[Criterion, ...]:
        return tuple(c for c, _kind in self.criteria_with_kinds(unit_kind, period))

    def criteria_judged(
        self, kinds: Iterable[str], period: str | None = None
    ) -> list[Criterion]:
        """The criteria that judge some unit of `kinds` (in the period with code `period`,
        when given), in the plan's order: the columns of a period's tables. A criterion of
        other periods only (a 2022 launch task) is no column of 2023's."""
        ks = set(kinds)
        return [
            c
            for c in self.criteria
            if ks.intersection(c.unit_kinds) and (period is None or c.applies_in(period))
        ]

    def criteria_with_kinds(
        self, unit_kind: str, period: str | None = None
    ) -> tuple[tuple[Criterion, IndicatorKind], ...]:
        """The criteria for a unit kind (and, given `period`, those that apply to that
        period), each with its indicator's kind: asked for every unit of a period, so
        worked out once per plan."""
        found = self._criteria_by_kind.get(unit_kind, ())
        if period is None or not self._some_periods_only:
            return found
        key = (unit_kind, period)
        of_period = self._criteria_by_kind_and_period.get(key)
        if of_period is None:
            of_period = self._criteria_by_kind_and_period[key] = tuple(
                x for x in found if x[0].applies_in(period)
            )
        return of_period

    @cached_property
    def _criteria_by_kind_and_period(
        self,
    ) -> dict[tuple[str, str], tuple[tuple[Criterion, IndicatorKind], ...]]:
        return {}  # filled by criteria_with_kinds, one entry per (unit kind, period) asked

    @cached_property
    def memo(self) -> dict[object, object]:
        """What the evaluation works out once for this plan (domain.evaluation: each
        criterion's comparison, ready to run), kept as long as the plan."""
        return {}

    @cached_property
    def _some_periods_only(self) -> bool:
        return any(c.periods for c in self.criteria)

    @cached_property
    def _criteria_by_kind(self) -> dict[str, tuple[tuple[Criterion, IndicatorKind], ...]]:
        kinds = {k for c in self.criteria for k in c.unit_kinds}
        return {
            k: tuple(
                (c, self.indicator(c.indicator).kind) for c in self.criteria if k in c.unit_kinds
            )
            for k in kinds
        }
