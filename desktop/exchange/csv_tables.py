"""The tables of the consolidated report, shared by the workbook, the CSV files and the PDF.

One place decides what a column holds, so that the Excel sheets `TongHop`, `ChiTieu`,
`TienDo`, `KhenThuong` and the files tonghop.csv, chitieu.csv, tiendo.csv, khenthuong.csv
carry the same numbers, all taken from one `PeriodReport` (the evaluation `check` prints).

    inp = load_export_input(db, "2023")          # desktop/actions/exports.py
    tables = report_tables(inp)                  # {"TongHop": SheetTable, ...}
    write_csv(tables["TongHop"], path)           # UTF-8 with BOM
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from desktop.domain.evaluation import (
    CriterionResult,
    evaluate_criterion,
    rule_label,
)
from desktop.domain.period_report import (
    CHANNEL_LABELS,
    REVIEW_STATE_LABELS,
    PeriodReport,
)
from desktop.domain.plan import (
    UNIT_KIND_LABELS,
    Criterion,
    Indicator,
    IndicatorKind,
    Plan,
)
from desktop.domain.values import Value
from desktop.domain.vnformat import day, number, rounded

from .export_input import ExportInput

# Column kinds: how a value is written and formatted.
TEXT, INT, NUMBER, PERCENT, DATE = "text", "int", "number", "percent", "date"

# Cell marks: the colour of a cell in the workbook (and the row style in the PDF).
PASS, FAIL, INCOMPLETE, NOT_SUBMITTED, NOT_APPLICABLE = (
    "pass",
    "fail",
    "incomplete",
    "not_submitted",
    "na",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------- tables


@dataclass
class Column:
    header: str  # may hold a line break; the CSV header joins the lines with a space
    kind: str = TEXT
    key: str = ""  # a stable name for programs (criterion or indicator code)
    group: str = ""  # a header over several columns (an indicator's code over its 3 columns)

    @property
    def flat_header(self) -> str:
        text = self.header.replace("\n", " ")
        return f"{self.group} {text}" if self.group else text


@dataclass
class SheetTable:
    name: str  # the sheet name, "TongHop"
    title: str
    subtitle: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    marks: list[list[str | None]] = field(default_factory=list)
    total_rows: int = 0  # how many rows at the end are totals ("Toàn huyện")
    note: str = ""  # shown under the header when there are no rows

    def add(self, values: list[Any], marks: list[str | None] | None = None) -> None:
        self.rows.append(values)
        self.marks.append(marks if marks is not None else [None] * len(values))


def _kind_of(ind: Indicator) -> str:
    if ind.kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT):
        return PERCENT
    if ind.kind is IndicatorKind.DATE:
        return DATE
    if ind.kind is IndicatorKind.BOOL:
        return TEXT
    return NUMBER


def _plain(value: object) -> Any:
    """A criterion's measured value as a cell value: numbers stay numbers."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | float):
        return float(value)
    return value


Shown = dict[int, Decimal | None]  # id of a CriterionResult -> its .rounded


def shown_number(r: CriterionResult, memo: Shown) -> Decimal | None:
    """r.rounded, worked out once for all the tables of a report (`memo`, by the result's
    identity: the report holds its results for as long as the tables are built)."""
    key = id(r)
    if key in memo:
        return memo[key]
    shown = memo[key] = r.rounded
    return shown


def shown_cell(r: CriterionResult, memo: Shown | None = None) -> Any:
    """A criterion's value as a cell: a number as shown (a Decimal with its places, never
    rounded across the threshold), else as _plain."""
    shown = r.rounded if memo is None else shown_number(r, memo)
    return _plain(r.value) if shown is None else shown


def present_kinds(report: PeriodReport) -> list[str]:
    kinds: list[str] = []
    for u in report.units:
        if u.unit.kind not in kinds:
            kinds.append(u.unit.kind)
    return kinds


def _criteria_columns(report: PeriodReport, kinds: Iterable[str], mandatory: bool
                      ) -> list[Criterion]:
    judged = report.plan.criteria_judged(kinds, report.period.code)
    return [c for c in judged if c.mandatory == mandatory]


def _indicator_columns(plan: Plan, kinds: Iterable[str]) -> list[Indicator]:
    ks = set(kinds)
    return [i for i in plan.indicators if ks.intersection(i.unit_kinds)]


def _heading(inp: ExportInput) -> str:
    o = inp.office
    parts = [p for p in (o.name, o.parent_body) if p]
    label = inp.report.period.label
    return (
        " — ".join(parts)
        + f" — kỳ báo cáo {label[:1].lower()}{label[1:]}, hạn nộp {day(inp.report.period.deadline)}"
    )


def tonghop_table(inp: ExportInput, memo: Shown | None = None) -> SheetTable:
    memo = {} if memo is None else memo
    report, plan = inp.report, inp.plan
    kinds = present_kinds(report)
    many_kinds = len(kinds) > 1
    has_blocks = any(u.unit.block for u in report.units)
    criteria = _criteria_columns(report, kinds, mandatory=True)
    ranking = plan.indicator(plan.ranking.indicator) if plan.ranking else None
    cols = [Column("STT", INT), Column("Mã", TEXT, "code"), Column("Đơn vị", TEXT, "name")]
    if many_kinds:
        cols.append(Column("Loại đơn vị", TEXT, "kind"))
    if has_blocks:
        cols.append(Column("Khối", TEXT, "block"))
    cols += [Column("Kết quả", TEXT, "result"), Column("Xếp hạng", INT, "rank")]
    if ranking is not None:
        cols.append(Column(f"Giá trị xếp hạng\n({ranking.code})", _kind_of(ranking), "rank_value"))
    cols += [
        Column("Tiêu chí không đạt", TEXT, "failed"),
        Column("Tiêu chí thiếu số liệu", TEXT, "incomplete"),
    ]
    cols += [
        Column(
            f"{c.code}\n{rule_label(plan, c)}",
            _kind_of(plan.indicator(c.indicator)),
            c.code,
            group="Tiêu chí thi đua (giá trị; màu: kết quả)",
        )
        for c in criteria
    ]
    table = SheetTable(
        "TongHop",
        f"KẾT QUẢ ĐÁNH GIÁ PHONG TRÀO THI ĐUA CHUYỂN ĐỔI SỐ — {report.period.label.upper()}",
        _heading(inp) + ". Ô xanh: đạt; đỏ: không đạt; vàng: thiếu số liệu; xám: không áp dụng.",
        cols,
    )
    groups: dict[str, int] = {}
    for i, u in enumerate(report.units):
        groups.setdefault(u.unit.block or f"kind:{u.unit.kind}", i)
    ordered = sorted(
        report.units,
        key=lambda u: (
            groups[u.unit.block or f"kind:{u.unit.kind}"],
            u.rank is None,
            u.rank or 0,
            u.unit.code,
        ),
    )
    for n, u in enumerate(ordered, start=1):
        res = u.result.value
        by_code = {r.code: r for r in u.criteria}
        failed = [r.code for r in u.criteria if r.criterion.mandatory and r.outcome == "fail"]
        missing = [
            r.code for r in u.criteria if r.criterion.mandatory and r.outcome == "incomplete"
        ]
        values: list[Any] = [n, u.unit.code, u.unit.name]
        marks: list[str | None] = [None, None, None]
        if many_kinds:
            values.append(UNIT_KIND_LABELS.get(u.unit.kind, u.unit.kind))
            marks.append(None)
        if has_blocks:
            values.append(u.unit.block or "")
            marks.append(None)
        values += [u.verdict, u.rank]
        marks += [res, None]
        if ranking is not None:
            values.append(u.rank_value)
            marks.append(None)
        values += [", ".join(failed), ", ".join(missing)]
        marks += [None, None]
        for c in criteria:
            r = by_code.get(c.code)
            if r is None:
                values.append(None)
                marks.append(NOT_SUBMITTED if res == NOT_SUBMITTED else NOT_APPLICABLE)
            else:
                values.append(shown_cell(r, memo))
                marks.append(r.outcome.value)
        table.add(values, marks)
    return table


def aggregate_value(report: PeriodReport, code: str) -> Value:
    """The aggregate of an indicator as a Value, so that a target can be evaluated on it."""
    a = report.aggregate_of(code)
    if a.units_reporting == 0:
        return Value()
    if a.kind is IndicatorKind.RATIO:
        return Value(numerator=a.numerator, denominator=a.denominator)
    if a.kind is IndicatorKind.BOOL:
        return Value(flag=a.yes == a.units_reporting)
    if a.kind is IndicatorKind.DATE:
        return Value(day=a.latest)
    return Value(number=a.value)


def target_results(inp: ExportInput) -> list[tuple[Criterion, CriterionResult]]:
    """The plan's non-mandatory targets evaluated on the aggregates of the whole area."""
    report, plan = inp.report, inp.plan
    kinds = present_kinds(report)
    out = []
    for c in _criteria_columns(report, kinds, mandatory=False):
        out.append((c, evaluate_criterion(plan, c, aggregate_value(report, c.indicator))))
    return out


def chitieu_table(inp: ExportInput, memo: Shown | None = None) -> SheetTable:
    memo = {} if memo is None else memo
    report, plan = inp.report, inp.plan
    kinds = present_kinds(report)
    indicators = _indicator_columns(plan, kinds)
    cols = [Column("STT", INT), Column("Mã", TEXT, "code"), Column("Đơn vị", TEXT, "name")]
    for ind in indicators:
        if ind.kind is IndicatorKind.RATIO:
            cols += [
                Column("Tử số", NUMBER, f"{ind.code}.numerator", ind.code),
                Column("Mẫu số", NUMBER, f"{ind.code}.denominator", ind.code),
                Column("Tỷ lệ (%)", PERCENT, ind.code, ind.code),
            ]
        else:
            measure = f"\n({ind.measure})" if ind.measure else ""
            cols.append(Column(f"{ind.code}{measure}", _kind_of(ind), ind.code))
    table = SheetTable(
        "ChiTieu",
        f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — {report.period.label.upper()}",
        _heading(inp) + f". Dòng “{inp.total_label}”: tỷ lệ = Σ tử số / Σ mẫu số; "
        "số lượng: tổng; phần trăm, điểm: trung bình; Có/Không: số đơn vị có. "
        "Ô tô màu: so với tiêu chí, chỉ tiêu của kế hoạch.",
        cols,
    )
    for n, u in enumerate(report.units, start=1):
        sub = u.submission
        worst: dict[str, str] = {}
        deciding: dict[str, CriterionResult] = {}
        for r in u.criteria:
            prev = worst.get(r.criterion.indicator)
            if prev is None or _rank_mark(r.outcome.value) > _rank_mark(prev):
                worst[r.criterion.indicator] = r.outcome.value
                deciding[r.criterion.indicator] = r
        values: list[Any] = [n, u.unit.code, u.unit.name]
        marks: list[str | None] = [None, None, None]
        for ind in indicators:
            applies = u.unit.kind in ind.unit_kinds
            v = sub.values.get(ind.code) if sub is not None and applies else None
            idle = (
                None
                if applies and sub is not None
                else (NOT_APPLICABLE if not applies else NOT_SUBMITTED)
            )
            mark = worst.get(ind.code, idle)
            if ind.kind is IndicatorKind.RATIO:
                dec = deciding.get(ind.code)
                pct = shown_number(dec, memo) if dec is not None else None  # as beside its verdict
                if pct is None and v is not None and v.numerator is not None and v.denominator:
                    pct = rounded(Fraction(v.numerator) / Fraction(v.denominator) * 100)
                values += [v.numerator if v else None, v.denominator if v else None, pct]
                marks += [idle, idle, mark]
            else:
                values.append(_cell_of(ind, v))
                marks.append(mark)
        table.add(values, marks)
    # the last row: the aggregates of section 4 over the units that reported
    target_of = {c.indicator: r for c, r in target_results(inp)}
    targets = {code: r.outcome.value for code, r in target_of.items()}
    values = [None, None, inp.total_label]
    marks = [None, None, None]
    for ind in indicators:
        a = report.aggregate_of(ind.code)
        mark = targets.get(ind.code)
        if ind.kind is IndicatorKind.RATIO:
            t = target_of.get(ind.code)
            exact = a.exact
            shown = t.rounded if t is not None else None
            if shown is None and exact is not None:
                shown = rounded(exact)
            values += [
                a.numerator if a.units_reporting else None,
                a.denominator if a.units_reporting else None,
                shown,
            ]
            marks += [None, None, mark]
        elif ind.kind is IndicatorKind.BOOL:
            values.append(f"{a.yes}/{a.units_reporting} có" if a.units_reporting else None)
            marks.append(mark)
        elif ind.kind is IndicatorKind.DATE:
            values.append(a.latest)
            marks.append(mark)
        else:
            values.append(a.value)
            marks.append(mark)
    table.add(values, marks)
    table.total_rows = 1
    return table


def _rank_mark(outcome: str) -> int:
    return {"pass": 0, "incomplete": 1, "fail": 2}.get(outcome, 0)


def _cell_of(ind: Indicator, v: Value | None) -> Any:
    if v is None or v.is_blank:
        return None
    if ind.kind is IndicatorKind.BOOL:
        return "Có" if v.flag else "Không"
    if ind.kind is IndicatorKind.DATE:
        return v.day
    return v.number


def tiendo_table(inp: ExportInput) -> SheetTable:
    report = inp.report
    deadline = report.period.deadline
    cols = [
        Column("STT", INT),
        Column("Mã", TEXT, "code"),
        Column("Đơn vị", TEXT, "name"),
        Column("Ngày nhận", DATE, "received_on"),
        Column("Hạn nộp", DATE, "deadline"),
        Column("Trễ (ngày)", INT, "late_days"),
        Column("Tình trạng", TEXT, "timeliness"),
        Column("Kênh nhận", TEXT, "channel"),
        Column("Xét duyệt", TEXT, "state"),
        Column("Lý do trả lại", TEXT, "return_reason"),
    ]
    table = SheetTable(
        "TienDo", f"TIẾN ĐỘ NỘP BÁO CÁO — {report.period.label.upper()}", _heading(inp), cols
    )
    for n, u in enumerate(report.units, start=1):
        sub = u.submission
        if sub is None:
            table.add(
                [n, u.unit.code, u.unit.name, None, deadline, None, "Chưa nộp", None, None, None],
                [None, None, None, None, None, None, NOT_SUBMITTED, None, None, None],
            )
            continue
        timely = "Đúng hạn" if u.late_days == 0 else "Trễ hạn"
        state_mark = {"accepted": PASS, "returned": FAIL}.get(sub.state, INCOMPLETE)
        table.add(
            [
                n,
                u.unit.code,
                u.unit.name,
                sub.received_on,
                deadline,
                u.late_days,
                timely,
                CHANNEL_LABELS.get(sub.channel, sub.channel),
                REVIEW_STATE_LABELS.get(sub.state, sub.state),
                sub.return_reason or None,
            ],
            [
                None,
                None,
                None,
                None,
                None,
                None,
                PASS if u.late_days == 0 else FAIL,
                None,
                state_mark,
                None,
            ],
        )
    return table


def quota_text(inp: ExportInput) -> str:
    parts = []
    for q in inp.quotas:
        limits = []
        if q.collectives is not None:
            limits.append(f"{q.collectives} tập thể")
        if q.individuals is not None:
            limits.append(f"{q.individuals} cá nhân")
        text = f"{q.award}: tối đa {', '.join(limits)}" if limits else q.award
        if q.block:
            text += f" (khối {q.block})"
        if q.leader_share_max is not None:
            text += f"; lãnh đạo không quá {number(q.leader_share_max)} % số cá nhân"
        parts.append(text)
    return "; ".join(parts)


def khenthuong_table(inp: ExportInput) -> SheetTable:
    cols = [
        Column("STT", INT),
        Column("Đối tượng", TEXT, "kind"),
        Column("Tên tập thể, cá nhân", TEXT, "name"),
        Column("Chức vụ", TEXT, "position"),
        Column("Đơn vị", TEXT, "unit"),
        Column("Lãnh đạo", TEXT, "is_leader"),
        Column("Hình thức khen thưởng", TEXT, "award"),
        Column("Thành tích", TEXT, "achievements"),
        Column("Hồ sơ (đủ/yêu cầu)", TEXT, "documents"),
    ]
    quota = quota_text(inp)
    table = SheetTable(
        "KhenThuong",
        f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG — {inp.report.period.label.upper()}",
        _heading(inp) + (f". Hạn mức: {quota}." if quota else "."),
        cols,
        note=f"Không có đề nghị khen thưởng nào cho kỳ {inp.report.period.label}.",
    )
    for n, p in enumerate(inp.proposals, start=1):
        docs = f"{p.documents_present}/{p.documents_total}" if p.documents_total else None
        table.add(
            [
                n,
                "Tập thể" if p.kind == "collective" else "Cá nhân",
                p.name,
                p.position or None,
                p.unit_name or None,
                ("Có" if p.is_leader else "Không") if p.kind == "individual" else None,
                p.award,
                p.achievements or None,
                docs,
            ]
        )
    return table


def report_tables(inp: ExportInput) -> dict[str, SheetTable]:
    """The four tables of the consolidated report, by sheet name."""
    memo: Shown = {}  # the criteria's shown numbers, for TongHop and ChiTieu alike
    return {
        t.name: t
        for t in (
            tonghop_table(inp, memo),
            chitieu_table(inp, memo),
            tiendo_table(inp),
            khenthuong_table(inp),
        )
    }


CSV_NAMES = {
    "TongHop": "tonghop.csv",
    "ChiTieu": "chitieu.csv",
    "TienDo": "tiendo.csv",
    "KhenThuong": "khenthuong.csv",
}


# ---------------------------------------------------------------------------- CSV


def csv_number(value: float | int | Decimal) -> str:
    """A number as CSV text that a spreadsheet set to vi-VN or en-US cannot misread:
    whole numbers without separators ('3125'); others with the Vietnamese decimal comma
    and never exactly three decimals ('3,1250', '72,50'), so that en-US (where ',' groups
    thousands) keeps them as text and vi-VN reads the same number. A Decimal (a value as
    shown beside its verdict) keeps its places; a float gets up to six."""
    if isinstance(value, Decimal):
        d = value
    else:
        if isinstance(value, int) or value.is_integer():
            return str(int(value))
        d = rounded(value, 6).normalize()
    places = max(0, -int(d.as_tuple().exponent))
    if places == 0:
        return str(int(d))
    if places < 2 or places == 3:
        d = d.quantize(Decimal(1).scaleb(-(2 if places < 2 else 4)))
    return f"{d:f}".replace(".", ",")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float | Decimal):
        return csv_number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    # a spreadsheet opening the file must not run it as a formula
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(table: SheetTable) -> bytes:
    """The table as CSV: UTF-8 with BOM, comma separated, one header row, numbers as
    csv_number writes them (read alike under vi-VN and en-US)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.flat_header for c in table.columns])
    for row in table.rows:
        w.writerow([_csv_cell(v) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def write_csv(table: SheetTable, path: Path) -> None:
    from desktop.files import write_bytes_whole

    write_bytes_whole(Path(path), csv_bytes(table), "tệp CSV")
