"""Nhập / sửa báo cáo: one unit's values for one period, checked as they are typed.

Every indicator of the unit's kind is a row with inputs fitting its kind; each change
is validated at once (`validate_value`, the message beside the field) and the criteria
over it are evaluated at once (`evaluate_criterion`, with the rule and the plan's
clause). Save (Ctrl+S) is disabled while anything is invalid; Ctrl+Z / Ctrl+Y undo and
redo edits across fields (QUndoStack). Saving runs in the serialized writer task.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..domain.errors import ValueProblem
from ..domain.evaluation import evaluate_unit, verdict
from ..domain.lateness import late_days
from ..domain.period_report import CHANNEL_LABELS, REVIEW_STATE_LABELS
from ..domain.values import Value, check_received
from ..domain.vnformat import day, number
from .context import AppContext
from .forms.ui_submission_dialog import Ui_SubmissionDialog
from .geometry import FitsScreen
from .indicator_row import IndicatorRow
from .submissions_model import error_text, show_banner

log = logging.getLogger("thidua.ui.submission_dialog")


_NOTHING = object()  # a save with nothing to write
ROWS_PER_TURN = 3  # indicators' rows built in one turn of the event loop (~3 ms each)


class _Edit(QUndoCommand):
    """One field changed from `old` to `new`; consecutive edits of a field merge."""

    def __init__(self, dialog: SubmissionDialog, field: int, old: Any, new: Any, text: str):
        super().__init__(text)
        self.dialog, self.field, self.old, self.new = dialog, field, old, new
        self._first = True  # the widget already shows `new` when the command is pushed

    def id(self) -> int:
        return 1000 + self.field

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, _Edit) or other.field != self.field:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.dialog._apply_field(self.field, self.new)

    def undo(self) -> None:
        self.dialog._apply_field(self.field, self.old)


class _Field:
    def __init__(self, label: str, get: Callable[[], Any], put: Callable[[Any], None]):
        self.label, self.get, self.put = label, get, put


class SubmissionDialog(FitsScreen, QDialog):
    saved = Signal(str)  # a sentence for the page's message bar

    def __init__(self, ctx: AppContext, unit_code: str, period_code: str,
                 parent: QWidget | None = None, draft: Any = None, *,
                 rows_in_turns: bool = False) -> None:
        """`draft`: the submission as read_submission gave it (read off the GUI thread by
        the page); read here when not given. `rows_in_turns`: the indicators' rows are
        added by build_rows_in_turns, over turns of the event loop (else here)."""
        super().__init__(parent)
        from ..actions.submissions import read_submission

        self.ctx = ctx
        self.plan = ctx.plan
        self.period = self.plan.period(period_code)
        self.unit_code = unit_code
        if draft is None:
            draft = read_submission(ctx.db, unit_code, period_code)
        self.unit_name, self.unit_kind = draft.unit_name, draft.unit_kind
        self.existing = draft.existing
        self.version = draft.version  # a save refuses what someone else changed since
        values = dict(draft.values)
        state, reason = draft.state, draft.return_reason
        received, channel = draft.received_on, draft.channel

        self.ui = Ui_SubmissionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Báo cáo {self.period.label} — {self.unit_name}")
        self._saving = False
        self._applying = False
        self.undo_stack = QUndoStack(self)
        self._fields: list[_Field] = []
        self._last: list[Any] = []

        self.ui.headerLabel.setText(
            f"<b style='font-size:12pt'>{html.escape(self.unit_name)}</b> "
            f"(mã {html.escape(unit_code)}) — kỳ <b>{html.escape(self.period.label)}</b>, "
            f"hạn nộp {day(self.period.deadline)}<br>"
            f"<small>{html.escape(self.plan.title)}</small>")
        if state is not None and state != "received":
            text = f"Tình trạng hiện nay: {REVIEW_STATE_LABELS.get(state, state)}"
            if state == "returned" and reason:
                text += f" — lý do trả lại: {reason}"
            text += ". Khi lưu thay đổi, báo cáo trở về tình trạng “Đã nhận” để xét duyệt lại."
            show_banner(self.ui.stateLabel, text, "info")

        # receipt
        self.ui.receivedEdit.setDate(QDate(received.year, received.month, received.day))
        for code, label in CHANNEL_LABELS.items():
            self.ui.channelCombo.addItem(label, code)
        self.ui.channelCombo.setCurrentIndex(max(0, self.ui.channelCombo.findData(channel)))
        self._add_field("Ngày nhận", lambda: self.ui.receivedEdit.date().toPython(),
                        lambda d: self.ui.receivedEdit.setDate(QDate(d.year, d.month, d.day)),
                        self.ui.receivedEdit.dateChanged)
        self._add_field("Hình thức nhận", self.ui.channelCombo.currentIndex,
                        self.ui.channelCombo.setCurrentIndex,
                        self.ui.channelCombo.currentIndexChanged)

        # one row per indicator (at once, or a few per turn: build_rows_in_turns)
        grid = self.ui.rowsLayout
        for col, title in enumerate(("Chỉ tiêu", "Số liệu", "Kiểm tra theo tiêu chí của kế hoạch")):
            head = QLabel(f"<b>{title}</b>")
            grid.addWidget(head, 0, col)
        self.rows: list[IndicatorRow] = []
        self._values = values
        self._to_build = list(self.plan.indicators_for(self.unit_kind))
        self.built = False  # every row is there, checked (the dialog may be shown)

        # actions
        bb = self.ui.buttonBox
        self.save_button = bb.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Lưu")
        self.save_button.setToolTip("Lưu báo cáo (Ctrl+S)")
        bb.button(QDialogButtonBox.StandardButton.Cancel).setText("Đó&ng")
        bb.accepted.connect(self.save)
        bb.rejected.connect(self.reject)
        self.save_action = self._action("Lưu", QKeySequence.StandardKey.Save, self.save)
        self.undo_action = self._action("Hoàn tác", QKeySequence.StandardKey.Undo,
                                        self.undo_stack.undo)
        self.redo_action = self._action("Làm lại", QKeySequence.StandardKey.Redo,
                                        self.undo_stack.redo)
        self.ui.undoButton.clicked.connect(self.undo_stack.undo)
        self.ui.redoButton.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self._update_undo)
        self.undo_stack.canRedoChanged.connect(self._update_undo)
        if not rows_in_turns:
            self._build_rows(len(self._to_build))
            self._finish_building()

    def build_rows_in_turns(self, owner: QObject, wanted: Callable[[], bool],
                            then: Callable[[], None],
                            failed: Callable[[BaseException], None]) -> None:
        """Add the rows ROWS_PER_TURN at a time, one turn of the event loop each (1 ms
        timers: a turn of its own, not the one of the paint before it), then call `then`
        (the dialog made with rows_in_turns=True), or `failed` with what went wrong. A
        province plan's 11-14 rows built in one turn held the window 35-65 ms, on top of
        the dialog's own building. `wanted()` False (the dialog was dropped) stops it."""

        def step() -> None:
            if not wanted():
                return
            try:
                self._build_rows(ROWS_PER_TURN)
                if self._to_build:
                    QTimer.singleShot(1, owner, step)
                    return
                self._finish_building()
            except Exception as exc:  # noqa: BLE001 - told by the caller, never a traceback
                failed(exc)
                return
            then()

        QTimer.singleShot(1, owner, step)

    def _build_rows(self, count: int) -> None:
        grid = self.ui.rowsLayout
        ranking = self.plan.ranking.indicator if self.plan.ranking else None
        for ind in self._to_build[:count]:
            criteria = [c for c in self.plan.criteria_for(self.unit_kind, self.period.code)
                        if c.indicator == ind.code]
            row = IndicatorRow(self.plan, ind, criteria, ranking == ind.code, self.ui.rowsWidget)
            line = QFrame(self.ui.rowsWidget)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            r = 1 + 2 * len(self.rows)
            grid.addWidget(line, r, 0, 1, 3)
            grid.addWidget(row.name_label, r + 1, 0)
            grid.addWidget(row.inputs, r + 1, 1)
            grid.addWidget(row.check, r + 1, 2)
            row.set_value(self._values.get(ind.code, Value()))
            for label, get, put, signal in row.fields():
                self._add_field(f"{ind.code} {label}".strip(), get, put, signal)
            row.refresh()
            for w in row.inputs.findChildren(QLineEdit) + row.inputs.findChildren(
                    QAbstractSpinBox):
                w.installEventFilter(self)  # Ctrl+Z goes to the dialog's stack, not one field
            self.rows.append(row)
        del self._to_build[:count]

    def _finish_building(self) -> None:
        grid = self.ui.rowsLayout
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(1 + 2 * len(self.rows), 1)
        self._initial = self._snapshot()
        received = self.ui.receivedEdit
        for w in [received, *received.findChildren(QLineEdit)]:
            w.installEventFilter(self)  # as the rows' fields (_build_rows)
        self._update_undo()
        self._revalidate_unit()  # each row was checked as it was built
        self.built = True
        if self.rows:
            self.rows[0].focus()

    # -- fields and undo
    def _action(self, text: str, key: QKeySequence.StandardKey, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _add_field(self, label: str, get: Callable[[], Any], put: Callable[[Any], None],
                   signal: Any) -> None:
        i = len(self._fields)
        self._fields.append(_Field(label, get, put))
        self._last.append(get())
        signal.connect(lambda *_a: self._on_field_changed(i))

    def _on_field_changed(self, i: int) -> None:
        if self._applying:
            return
        new, old = self._fields[i].get(), self._last[i]
        if new == old:
            return
        self._last[i] = new
        self.undo_stack.push(_Edit(self, i, old, new, f"sửa {self._fields[i].label}"))
        self.revalidate()

    def _apply_field(self, i: int, state: Any) -> None:
        self._applying = True
        try:
            self._fields[i].put(state)
            self._last[i] = state
        finally:
            self._applying = False
        self.revalidate()

    def _update_undo(self, *_a: object) -> None:
        self.ui.undoButton.setEnabled(self.undo_stack.canUndo())
        self.ui.redoButton.setEnabled(self.undo_stack.canRedo())
        self.ui.undoButton.setToolTip(f"Hoàn tác: {self.undo_stack.undoText()} (Ctrl+Z)")
        self.ui.redoButton.setToolTip(f"Làm lại: {self.undo_stack.redoText()} (Ctrl+Y)")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()  # not the field's own undo: let the dialog's shortcut run
            return True
        return super().eventFilter(obj, event)

    def _snapshot(self) -> tuple[Any, ...]:
        return tuple(f.get() for f in self._fields)

    def has_unsaved_changes(self) -> bool:
        return self.built and self._snapshot() != self._initial

    # -- validation
    def collect(self) -> tuple[dict[str, Value], list[str]]:
        """The values typed (blanks left out) and the problems, 'HSCV_MANG: ...'."""
        values: dict[str, Value] = {}
        problems: list[str] = []
        for row in self.rows:
            value, problem = row.read()
            if problem:
                problems.append(f"{row.indicator.code}: {problem}")
            elif value is not None and not value.is_blank:
                values[row.indicator.code] = value
        wrong_day = self.received_problem()
        if wrong_day:
            problems.append(wrong_day)
        return values, problems

    def received_problem(self) -> str | None:
        """The rule the store applies on saving (not in the future, not before the
        period began), told before Lưu is pressed."""
        try:
            check_received(self.ui.receivedEdit.date().toPython(), self.period.starts,
                           dt.date.today())
        except ValueProblem as exc:
            return exc.message
        return None

    def revalidate(self) -> None:
        for row in self.rows:
            row.refresh()
        self._revalidate_unit()

    def _revalidate_unit(self) -> None:
        """What is shown for the whole report (lateness, expected result, Lưu), from the
        rows as they are checked now."""
        values, problems = self.collect()
        received = self.ui.receivedEdit.date().toPython()
        late = late_days(received, self.period.deadline)
        wrong_day = [p for p in [self.received_problem()] if p]
        if wrong_day:  # in the future, or before the period began: not saved
            self.ui.lateLabel.setText(
                f"<span style='color:#b3261e'>⚠ {html.escape(wrong_day[0].capitalize())}"
                "</span>")
        else:
            self.ui.lateLabel.setText(
                f"<span style='color:#b3261e'>trễ {late} ngày so với hạn "
                f"{day(self.period.deadline)}</span>"
                if late else "<span style='color:#1b7f3b'>đúng hạn</span>")
        if len(problems) > len(wrong_day):
            self.ui.resultLabel.setText(
                f"<span style='color:#b3261e'>⚠ Còn {number(len(problems) - len(wrong_day))} "
                "chỉ tiêu "
                "nhập chưa hợp lệ; sửa xong mới lưu được.</span>")
        elif problems:
            self.ui.resultLabel.setText(
                "<span style='color:#b3261e'>⚠ Ngày nhận không hợp lệ; sửa xong mới lưu được."
                "</span>")
        else:
            result, crits = evaluate_unit(self.plan, self.unit_kind, values, self.period.code)
            failing = [self.plan.criterion_label(c.criterion) for c in crits
                       if c.criterion.mandatory and c.outcome != "pass"]
            colour = {"pass": "#1b7f3b", "fail": "#b3261e"}.get(result.value, "#8a5a00")
            tail = f" ({', '.join(failing)})" if failing else ""
            self.ui.resultLabel.setText(
                f"Kết quả dự kiến của đơn vị: <b style='color:{colour}'>"
                f"{verdict(result, crits)}</b>{html.escape(tail)}")
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(not problems and not self._saving)
        self.save_action.setEnabled(not problems and not self._saving)
        title = f"Báo cáo {self.period.label} — {self.unit_name}"
        self.setWindowTitle(title + (" *" if dirty else ""))

    # -- saving and closing
    def save(self) -> bool:
        """Start saving; False when refused (invalid input, or a save under way)."""
        work = self._prepare_save()
        if work is None:
            return False
        if work is _NOTHING:
            super().accept()  # nothing to write
            return True
        self._set_saving(True)
        self.ctx.tasks.run(work, self._on_saved, self._on_save_failed, writes=True)
        return True

    def save_blocking(self) -> bool:
        """Save and wait (when the main window closes); False when the input is invalid.
        A refusal of the store is raised for the window to show."""
        work = self._prepare_save()
        if work is None:
            return False
        if work is not _NOTHING:
            self._on_saved(self.ctx.run_and_wait(work, writes=True))
        return True

    def _prepare_save(self) -> Any:
        """The work that saves the values typed; _NOTHING when there is nothing to write;
        None (with the reason shown) when the input cannot be saved."""
        if self._saving:
            return None
        values, problems = self.collect()
        if problems:
            show_banner(self.ui.errorLabel, "Chưa lưu được: " + "; ".join(problems), "error")
            return None
        if self.existing and not self.has_unsaved_changes():
            return _NOTHING
        from ..actions.submissions import save_submission

        db, plan, unit, period = self.ctx.db, self.plan, self.unit_code, self.period.code
        received = self.ui.receivedEdit.date().toPython()
        channel = self.ui.channelCombo.currentData()

        expected = self.version

        def work(_report: Any) -> Any:
            return save_submission(db, plan, unit, period, values, received_on=received,
                                   channel=channel, expected_version=expected)

        return work

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.ui.scrollArea.setEnabled(not saving)
        self.ui.receivedEdit.setEnabled(not saving)
        self.ui.channelCombo.setEnabled(not saving)
        if saving:
            show_banner(self.ui.errorLabel, "Đang lưu…", "info")
        self.revalidate()

    def _on_saved(self, result: Any) -> None:
        self._set_saving(False)
        self._initial = self._snapshot()
        self.existing = True
        self.version = result.version
        message = f"Đã lưu báo cáo của {self.unit_name} kỳ {self.period.label}."
        if result.changes:
            message += " Thay đổi: " + "; ".join(result.changes)
        self.saved.emit(message)
        self.ctx.notify_changed()
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        show_banner(self.ui.errorLabel, "Chưa lưu được: " + error_text(exc), "error")

    def accept(self) -> None:
        self.save()

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' (a seam tests replace)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Báo cáo chưa lưu",
                          f"Báo cáo của {self.unit_name} có thay đổi chưa lưu. Lưu lại không?",
                          parent=self)
        save = box.addButton("Lưu", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Không lưu", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def reject(self) -> None:
        if self._saving:
            return
        if self.has_unsaved_changes():
            choice = self.ask_unsaved()
            if choice == "save":
                self.save()  # closes when the save is done
                return
            if choice != "discard":
                return
        super().reject()
