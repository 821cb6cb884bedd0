"""The dialogs that add a part to the plan: an indicator, a criterion, a period, a quota, a
unit kind, a block. One form each, built from its fields; "Thêm" checks what was typed
with the plan's own rules (desktop/domain/plan_change.py, as a plan file is checked) and
keeps the dialog open, with every reason shown, until it is acceptable.

    dialog = indicator_dialog(parent, plan)
    if dialog.exec():
        add_indicator(db, dialog.item)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError
from ..domain.plan import (
    KIND_LABELS,
    Block,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Plan,
    Quota,
    ReviewKind,
    UnitKind,
)
from ..domain.plan_change import (
    with_block,
    with_criterion,
    with_indicator,
    with_period,
    with_quota,
    with_unit_kind,
)
from ..domain.plan_rules import kind_label
from .geometry import FitsScreen
from .plan_parsing import parse_count, parse_day, parse_number

REVIEW_LABELS = {
    ReviewKind.YEAR: "Báo cáo năm",
    ReviewKind.HALF: "Báo cáo 6 tháng",
    ReviewKind.MIDTERM: "Sơ kết",
    ReviewKind.FINAL: "Tổng kết",
}
OPERATOR_CHOICES = [
    ("≥ (không nhỏ hơn)", Operator.GE),
    ("> (lớn hơn)", Operator.GT),
    ("≤ (không lớn hơn)", Operator.LE),
    ("= (bằng)", Operator.EQ),
    ("Có (chỉ tiêu Có/Không)", Operator.TRUE),
    ("Không muộn hơn ngày (chỉ tiêu ngày)", Operator.BY),
]


class Checks(QWidget):
    """A row of check boxes, one per choice; `chosen()` the values checked, in order."""

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        checked: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (label, value) in enumerate(choices):
            box = QCheckBox(label, self)
            box.setChecked(value in checked)
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[value] = box

    def chosen(self) -> tuple[str, ...]:
        return tuple(v for v, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, values: Sequence[str]) -> None:
        for v, box in self.boxes.items():
            box.setChecked(v in values)


class PlanItemDialog(FitsScreen, QDialog):
    """A form; `build(dialog)` makes the item from its fields (ValueError: a field typed
    wrong), `check(item)` raises a DomainError when the plan cannot take it."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        build: Callable[[PlanItemDialog], Any],
        check: Callable[[Any], object],
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.build, self.check = build, check
        self.item: Any = None
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setAccessibleName("Lý do chưa thêm được")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Thêm")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    # ---- fields -----------------------------------------------------------------------------
    def line(self, key: str, label: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setPlaceholderText(placeholder)
        return self._add(key, label, edit)

    def combo(self, key: str, label: str, choices: Sequence[tuple[str, object]]) -> QComboBox:
        box = QComboBox(self)
        # long indicator names must not widen the dialog past a laptop's screen
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(40)
        for text, value in choices:
            box.addItem(text, value)
        return self._add(key, label, box)

    def checks(
        self, key: str, label: str, choices: Sequence[tuple[str, str]], checked: Sequence[str] = ()
    ) -> Checks:
        return self._add(key, label, Checks(choices, checked, self))

    def check_box(self, key: str, text: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(checked)
        return self._add(key, "", box)

    def _add(self, key: str, label: str, widget: Any) -> Any:
        widget.setAccessibleName(label.rstrip(":") or widget.text())
        self.form.addRow(label, widget)
        self.fields[key] = widget
        return widget

    def text(self, key: str) -> str:
        widget = self.fields[key]
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def data(self, key: str) -> Any:
        widget = self.fields[key]
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def chosen(self, key: str) -> tuple[str, ...]:
        widget = self.fields[key]
        assert isinstance(widget, Checks)
        return widget.chosen()

    def ticked(self, key: str) -> bool:
        widget = self.fields[key]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    # ---- Thêm ---------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            item = self.build(self)
            self.check(item)
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        except DomainError as exc:
            self.problem.setText(exc.message)
            return
        self.item = item
        super().accept()


def _kinds(plan: Plan) -> list[tuple[str, str]]:
    return [(kind_label(k), k) for k in plan.unit_kinds]


def _optional_number(text: str, parse: Callable[[str], float]) -> float | None:
    return parse(text) if text else None


# ---- the six dialogs ----------------------------------------------------------------------


def indicator_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    def build(d: PlanItemDialog) -> Indicator:
        kind = IndicatorKind(d.data("kind"))
        maximum = _optional_number(d.text("maximum"), parse_number)
        return Indicator(
            d.text("code"),
            d.text("name"),
            kind,
            d.chosen("unit_kinds"),
            d.text("measure"),
            d.text("numerator"),
            d.text("denominator"),
            d.text("source"),
            maximum,
        )

    d = PlanItemDialog(
        parent,
        "Thêm chỉ tiêu",
        build,
        lambda i: with_indicator(plan, i),
        "Chỉ tiêu mới có trong biểu mẫu Excel tạo từ nay; các biểu mẫu đã gửi "
        "đi không có dòng này.",
    )
    d.line("code", "Mã:", placeholder="ví dụ HOP_TRUC_TUYEN")
    d.line("name", "Tên chỉ tiêu:")
    d.combo("kind", "Loại:", [(label, str(k)) for k, label in KIND_LABELS.items()])
    d.checks("unit_kinds", "Áp dụng cho:", _kinds(plan), plan.unit_kinds[:1])
    d.line("measure", "Đơn vị tính:", placeholder="ví dụ %, hồ sơ, cuộc")
    d.line("numerator", "Tử số (chỉ tiêu tỷ lệ):")
    d.line("denominator", "Mẫu số (chỉ tiêu tỷ lệ):")
    d.line("maximum", "Thang điểm tối đa (chỉ tiêu điểm):", placeholder="ví dụ 100")
    d.line("source", "Căn cứ:", placeholder="điều, khoản của kế hoạch, ví dụ III.2")
    return d


def criterion_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    def build(d: PlanItemDialog) -> Criterion:
        op = Operator(d.data("op"))
        raw = d.text("threshold")
        threshold: float | dt.date | None = None
        if op is Operator.BY:
            threshold = parse_day(raw) if raw else None
        elif op is not Operator.TRUE:
            threshold = parse_number(raw) if raw else None
        return Criterion(
            d.text("code"),
            d.text("name"),
            str(d.data("indicator")),
            op,
            threshold,
            d.chosen("unit_kinds"),
            d.ticked("mandatory"),
            d.text("source"),
            d.chosen("periods"),
        )

    d = PlanItemDialog(
        parent,
        "Thêm tiêu chí",
        build,
        lambda c: with_criterion(plan, c),
        "Một tiêu chí so một chỉ tiêu với ngưỡng. Không chọn kỳ nào: tiêu chí áp dụng cho mọi kỳ.",
    )
    d.line("code", "Mã:", placeholder="ví dụ XA_HOP_TT")
    d.line("name", "Tên tiêu chí:")
    d.combo("indicator", "Chỉ tiêu:", [(f"{i.code} — {i.name}", i.code) for i in plan.indicators])
    d.combo("op", "So sánh:", [(t, str(op)) for t, op in OPERATOR_CHOICES])
    d.line("threshold", "Ngưỡng:", placeholder="số (dấu phẩy thập phân) hoặc ngày dd/mm/yyyy")
    d.check_box("mandatory", "Bắt buộc (tiêu chuẩn thi đua; bỏ chọn: chỉ tiêu phấn đấu)", True)
    d.checks("unit_kinds", "Áp dụng cho:", _kinds(plan), plan.unit_kinds[:1])
    d.checks("periods", "Chỉ áp dụng cho kỳ:", [(p.label, p.code) for p in plan.periods])
    d.line("source", "Căn cứ:", placeholder="điều, khoản của kế hoạch, ví dụ V.1.1.b")
    return d


def period_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    def build(d: PlanItemDialog) -> Period:
        starts, ends, deadline = (parse_day(d.text(k)) for k in ("starts", "ends", "deadline"))
        return Period(
            d.text("code"), d.text("label"), deadline, starts, ends, ReviewKind(d.data("review"))
        )

    last = plan.periods[-1] if plan.periods else None
    year = (last.ends.year + 1) if last else dt.date.today().year
    d = PlanItemDialog(parent, "Thêm kỳ báo cáo", build, lambda p: with_period(plan, p))
    d.line("code", "Mã:", str(year))
    d.line("label", "Tên kỳ:", f"Năm {year}")
    d.line("starts", "Từ ngày:", f"01/01/{year}")
    d.line("ends", "Đến ngày:", f"31/12/{year}")
    d.line("deadline", "Hạn nộp:", f"15/12/{year}")
    d.combo("review", "Loại kỳ:", [(label, str(k)) for k, label in REVIEW_LABELS.items()])
    return d


def quota_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    def build(d: PlanItemDialog) -> Quota:
        share = _optional_number(d.text("leaders"), parse_number)
        block = d.data("block")
        return Quota(
            str(d.data("review")),
            d.text("award"),
            parse_count(d.text("collectives")),
            parse_count(d.text("individuals")),
            block or None,
            share,
            d.text("source"),
        )

    d = PlanItemDialog(
        parent,
        "Thêm hạn mức khen thưởng",
        build,
        lambda q: with_quota(plan, q),
        "Để trống số tập thể hoặc cá nhân khi kế hoạch không giới hạn số lượng.",
    )
    d.combo("review", "Đợt (kỳ báo cáo):", [(p.label, p.code) for p in plan.periods])
    award = plan.quotas[0].award if plan.quotas else ""
    d.line("award", "Hình thức khen thưởng:", award)
    d.combo("block", "Khối:", [("(mọi khối)", "")] + [(b.name, b.code) for b in plan.blocks])
    d.line("collectives", "Tập thể tối đa:")
    d.line("individuals", "Cá nhân tối đa:")
    d.line("leaders", "Lãnh đạo tối đa (%):")
    d.line("source", "Căn cứ:", placeholder="ví dụ V.2")
    return d


def unit_kind_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    d = PlanItemDialog(
        parent, "Thêm loại đơn vị", lambda d: str(d.data("kind")), lambda k: with_unit_kind(plan, k)
    )
    missing = [k.value for k in UnitKind if k.value not in plan.unit_kinds]
    d.combo("kind", "Loại đơn vị:", [(kind_label(k), k) for k in missing])
    return d


def block_dialog(parent: QWidget | None, plan: Plan) -> PlanItemDialog:
    d = PlanItemDialog(
        parent,
        "Thêm khối thi đua",
        lambda d: Block(d.text("code"), " ".join(d.text("name").split())),
        lambda b: with_block(plan, b),
    )
    d.line("code", "Mã khối:", f"K{len(plan.blocks) + 1}")
    d.line("name", "Tên khối:", f"Khối {len(plan.blocks) + 1}")
    return d
