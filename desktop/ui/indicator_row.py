"""One indicator of the report dialog: inputs that fit its kind, the value checked as
it is typed (`validate_value`), and the verdict of each criterion over it
(`evaluate_criterion`, with the rule and the plan's clause).

`parse_number` (domain.values) reads a number typed the Vietnamese way.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValueProblem
from ..domain.evaluation import evaluate_criterion, rule_label
from ..domain.plan import Criterion, Indicator, IndicatorKind, Plan
from ..domain.values import Value, measured, parse_number, validate_value
from ..domain.vnformat import number, percent

_INVALID_CSS = "border: 1px solid #b3261e; background: #fce8e6;"
_OUTCOME_LOOK = {"pass": ("#1b7f3b", "✔"), "fail": ("#b3261e", "✘"), "incomplete": ("#8a5a00", "○")}


def _plain(x: float | None) -> str:
    """How a stored number is put back into an input: '1050', '72,5'."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else number(x).replace(".", "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class IndicatorRow:
    """The widgets of one indicator: its name, inputs fitting its kind, and the check."""

    def __init__(self, plan: Plan, indicator: Indicator, criteria: list[Criterion],
                 ranks: bool, parent: QWidget) -> None:
        self.plan, self.indicator, self.criteria, self.ranks = plan, indicator, criteria, ranks
        kind = indicator.kind
        name = f"<b>{html.escape(indicator.label)}</b><br>{html.escape(indicator.name)}"
        if kind is IndicatorKind.RATIO and indicator.numerator_label:
            name += (f"<br><small style='color:#5f6368'>Tử số: "
                     f"{html.escape(indicator.numerator_label)}; mẫu số: "
                     f"{html.escape(indicator.denominator_label)}</small>")
        self.name_label = QLabel(name, parent)
        self.name_label.setWordWrap(True)
        self.name_label.setToolTip(f"Mã chỉ tiêu: {indicator.code}")
        self.name_label.setMinimumWidth(300)
        self.inputs = QWidget(parent)
        box = QHBoxLayout(self.inputs)
        box.setContentsMargins(0, 0, 0, 0)
        self.check = QWidget(parent)
        col = QVBoxLayout(self.check)
        col.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self.check)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        # a palette, not a style sheet: eleven style sheets made the editor open 20 ms slower
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b3261e"))
        self.message.setPalette(palette)
        self.message.setVisible(False)
        self.verdict = QLabel(self.check)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumWidth(360)
        col.addWidget(self.message)
        col.addWidget(self.verdict)
        self.edits: list[QLineEdit] = []
        self.combo: QComboBox | None = None
        self.date_edit: QDateEdit | None = None
        self.blank_check: QCheckBox | None = None
        if kind is IndicatorKind.RATIO:
            self.edits = [self._line_edit("tử số", indicator.numerator_label),
                          self._line_edit("mẫu số", indicator.denominator_label)]
            box.addWidget(self.edits[0])
            box.addWidget(QLabel("/"))
            box.addWidget(self.edits[1])
        elif kind is IndicatorKind.BOOL:
            self.combo = QComboBox(self.inputs)
            self.combo.addItems(["(trống)", "Có", "Không"])
            box.addWidget(self.combo)
        elif kind is IndicatorKind.DATE:
            self.date_edit = QDateEdit(self.inputs)
            self.date_edit.setDisplayFormat("dd/MM/yyyy")
            self.date_edit.setCalendarPopup(True)
            self.date_edit.setMinimumDate(QDate(1990, 1, 1))
            self.date_edit.setMaximumDate(QDate(2100, 12, 31))
            self.blank_check = QCheckBox("t&rống", self.inputs)
            self.blank_check.setToolTip("Chưa có ngày: để trống")
            self.blank_check.toggled.connect(lambda on: self.date_edit.setEnabled(not on))  # type: ignore[union-attr]
            box.addWidget(self.date_edit)
            box.addWidget(self.blank_check)
        else:
            what = {IndicatorKind.PERCENT: "phần trăm", IndicatorKind.COUNT: "số lượng"}
            self.edits = [self._line_edit(what.get(kind, "điểm"), indicator.name)]
            box.addWidget(self.edits[0])
            if indicator.measure:
                box.addWidget(QLabel(html.escape(indicator.measure)))
        box.addStretch(1)

    def _line_edit(self, placeholder: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self.inputs)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tip)
        edit.setFixedWidth(110)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def fields(self) -> list[tuple[str, Callable[[], Any], Callable[[Any], None], Any]]:
        """(label, get, put, changed signal) of every input, for the undo stack."""
        if self.combo is not None:
            c = self.combo
            return [("", c.currentIndex, c.setCurrentIndex, c.currentIndexChanged)]
        if self.date_edit is not None and self.blank_check is not None:
            d, b = self.date_edit, self.blank_check
            return [("ngày", lambda: d.date().toPython(),
                     lambda v: d.setDate(QDate(v.year, v.month, v.day)), d.dateChanged),
                    ("trống", b.isChecked, b.setChecked, b.toggled)]
        labels = ["tử số", "mẫu số"] if len(self.edits) == 2 else [""]
        pairs = zip(labels, self.edits, strict=True)
        return [(label, e.text, e.setText, e.textChanged) for label, e in pairs]

    def set_value(self, v: Value) -> None:
        kind = self.indicator.kind
        if kind is IndicatorKind.RATIO:
            self.edits[0].setText(_plain(v.numerator))
            self.edits[1].setText(_plain(v.denominator))
        elif self.combo is not None:
            self.combo.setCurrentIndex(0 if v.flag is None else (1 if v.flag else 2))
        elif self.date_edit is not None and self.blank_check is not None:
            d = v.day or dt.date.today()
            self.date_edit.setDate(QDate(d.year, d.month, d.day))
            self.blank_check.setChecked(v.day is None)
            self.date_edit.setEnabled(v.day is not None)
        else:
            self.edits[0].setText(_plain(v.number))

    def read(self) -> tuple[Value | None, str | None]:
        """The value typed, validated; or None and the reason (Vietnamese)."""
        kind = self.indicator.kind
        try:
            if kind is IndicatorKind.RATIO:
                value = Value(numerator=parse_number(self.edits[0].text(), "tử số"),
                              denominator=parse_number(self.edits[1].text(), "mẫu số"))
            elif self.combo is not None:
                i = self.combo.currentIndex()
                value = Value(flag=None if i <= 0 else i == 1)
            elif self.date_edit is not None and self.blank_check is not None:
                blank = self.blank_check.isChecked()
                value = Value(day=None if blank else self.date_edit.date().toPython())
            else:
                what = {IndicatorKind.PERCENT: "phần trăm", IndicatorKind.COUNT: "số lượng"}
                value = Value(number=parse_number(self.edits[0].text(), what.get(kind, "điểm")))
            return validate_value(self.indicator, value), None
        except ValueProblem as exc:
            return None, _capital(exc.message)

    def refresh(self) -> None:
        value, problem = self.read()
        for e in self.edits:
            e.setStyleSheet(f"QLineEdit {{ {_INVALID_CSS} }}" if problem else "")
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.verdict.setVisible(value is not None)
        if value is not None:
            self.verdict.setText(self.verdict_html(value))

    def verdict_html(self, value: Value) -> str:
        lines = []
        for c in self.criteria:
            r = evaluate_criterion(self.plan, c, value)
            colour, mark = _OUTCOME_LOOK[r.outcome.value]
            role = "bắt buộc" if c.mandatory else "phấn đấu, không tính vào kết quả"
            style = f"color:{colour}" + ("" if c.mandatory else "; font-style:italic")
            lines.append(
                f"<span style='{style}'>{mark} {html.escape(r.explanation)}</span>"
                f"<br><small style='color:#5f6368'>{html.escape(self.plan.criterion_label(c))} "
                f"({role}): "
                f"{html.escape(rule_label(self.plan, c))}"
                f"{' — mục ' + html.escape(c.source) if c.source else ''}</small>")
        if not self.criteria:
            m = measured(self.indicator.kind, value)
            if self.indicator.kind is IndicatorKind.RATIO and m is not None:
                lines.append(f"Tỷ lệ: {percent(float(m))}")  # type: ignore[arg-type]
            lines.append("<small style='color:#5f6368'>"
                         + ("Căn cứ xếp hạng thi đua (cao xếp trước)" if self.ranks
                            else "Không có tiêu chí; chỉ theo dõi") + "</small>")
        return "<br>".join(lines)

    def focus(self) -> None:
        target: QWidget | None = (self.edits[0] if self.edits else self.combo or self.date_edit)
        if target is not None:
            target.setFocus()
