"""District aggregates of indicators over the units that reported (DESIGN.md section 4).

A ratio is Σ tử số / Σ mẫu số — never the mean of the percents. Counts add up;
yes/no counts the yeses; percents and scores give mean, minimum and maximum;
dates give the earliest and the latest.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from .plan import Indicator, IndicatorKind
from .values import BLANK, Value

TYPE_CHECKING = False  # fractions is imported when an exact value is asked for
if TYPE_CHECKING:
    from fractions import Fraction


@dataclass(frozen=True)
class Aggregate:
    """An indicator over the units that reported it (DESIGN.md section 4)."""

    code: str
    kind: IndicatorKind
    units_reporting: int
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None  # percent for a ratio, sum for a count, mean for a score
    minimum: float | None = None
    maximum: float | None = None
    yes: int | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @property
    def exact(self) -> Fraction | float | None:
        """`value` exactly: a ratio's Σ tử số / Σ mẫu số × 100 as a fraction (rounded for
        display half-up from this, never from the float)."""
        n, d = self.numerator, self.denominator
        if self.kind is IndicatorKind.RATIO and d and n is not None:
            if not (math.isfinite(n) and math.isfinite(d)):
                return None  # only from a database written elsewhere
            from fractions import Fraction

            return Fraction(n) / Fraction(d) * 100
        if self.value is not None and not math.isfinite(self.value):
            return None
        return self.value


def aggregate(indicator: Indicator, values: Iterable[Value]) -> Aggregate:
    kind = indicator.kind
    reported = [v for v in values if v != BLANK]  # not v.is_blank, without its call
    n = len(reported)
    if kind is IndicatorKind.RATIO:
        num = sum([v.numerator or 0 for v in reported])  # a list: quicker than a generator
        den = sum([v.denominator or 0 for v in reported])
        pct = num / den * 100 if den else None
        return Aggregate(indicator.code, kind, n, numerator=num, denominator=den, value=pct)
    if kind is IndicatorKind.COUNT:
        total = sum([v.number or 0 for v in reported])
        return Aggregate(indicator.code, kind, n, value=total if n else None)
    if kind in (IndicatorKind.PERCENT, IndicatorKind.SCORE):
        nums = [v.number for v in reported if v.number is not None]
        if not nums:
            return Aggregate(indicator.code, kind, 0)
        return Aggregate(
            indicator.code,
            kind,
            len(nums),
            value=sum(nums) / len(nums),
            minimum=min(nums),
            maximum=max(nums),
        )
    if kind is IndicatorKind.BOOL:
        flags = [v.flag for v in reported if v.flag is not None]
        return Aggregate(indicator.code, kind, len(flags), yes=sum(1 for f in flags if f))
    days = [v.day for v in reported if v.day is not None]
    return Aggregate(
        indicator.code,
        kind,
        len(days),
        earliest=min(days) if days else None,
        latest=max(days) if days else None,
    )
