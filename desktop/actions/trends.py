"""The trends across periods (the "Xu hướng" page): every period evaluated, each
indicator's trend and the completeness grid, in one read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..domain.period_report import PeriodReport
from ..domain.trends import Completeness, IndicatorTrend, completeness, indicator_trends
from ..store.collector import collection_paused
from ..store.database import Database
from .plan import period_reports


@dataclass(frozen=True)
class Trends:
    reports: list[PeriodReport]
    indicators: list[IndicatorTrend]
    grid: Completeness


def read_trends(db: Database, report: Callable[[int, int, str], object] | None = None) -> Trends:
    """Call from a task: a province's periods are a million objects, built with the cycle
    collector paused (its passes over them would hold the GIL and freeze the window)."""
    with collection_paused():
        reports = period_reports(db, report)
        return Trends(reports, indicator_trends(reports), completeness(reports))
