"""Section II of the report for a plan of targets only (Điện Biên's): no unit is called
"đạt" or "không đạt"; each unit's result is how many targets it met ("Đạt 5/7 chỉ tiêu"),
with the targets it missed (how many units met each target is section III's)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.period_report import PeriodReport, TargetsSummary, targets_summary
from desktop.domain.plan import Plan
from desktop.domain.vnformat import number as num

from .pdf_document import Item, Section, Table


def judged_by_targets(plan: Plan, kinds: Sequence[str]) -> bool:
    """No mandatory criterion applies to the kinds of unit in the report."""
    return not any(c.mandatory and set(kinds) & set(c.unit_kinds) for c in plan.criteria)


def sections_targets(plan: Plan, report: PeriodReport, kinds: Sequence[str]) -> list[Section]:
    units = report.units
    counts = targets_summary(units) or TargetsSummary(0, 0, 0)
    missing = [u for u in units if u.submission is None]
    intro = (
        "Kế hoạch không đặt tiêu chuẩn thi đua bắt buộc mà đặt các chỉ tiêu phấn đấu; kết quả "
        "của mỗi đơn vị là số chỉ tiêu đã đạt. Trong "
        f"{num(len(units))} đơn vị phải báo cáo có {num(counts.full)} đơn vị đạt đủ các chỉ "
        f"tiêu, {num(counts.partial)} đơn vị đạt một phần, {num(counts.none)} đơn vị chưa đạt "
        f"chỉ tiêu nào và {num(len(missing))} đơn vị chưa gửi báo cáo."
    )
    rows = []
    for n, u in enumerate(units, start=1):
        missed = [r.criterion.name for r in u.criteria if r.outcome.value != "pass"]
        shown = "; ".join(missed) if u.submission is not None else ""
        rows.append([str(n), u.unit.name, u.verdict, shown or "—"])
    per_unit: list[Item] = [
        "Kết quả của từng đơn vị và các chỉ tiêu chưa đạt (hoặc chưa đủ số liệu):",
        Table(
            ["TT", "Đơn vị", "Kết quả", "Chỉ tiêu chưa đạt"],
            rows,
            col_widths_mm=[10, 50, 32, 72],
            align=["center", "left", "left", "left"],
        ),
    ]
    return [
        Section("II. Kết quả thực hiện các chỉ tiêu phấn đấu", 1, [intro]),
        Section("1. Kết quả của từng đơn vị", 2, per_unit),
    ]
