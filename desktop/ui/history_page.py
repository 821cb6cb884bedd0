"""Lịch sử: the audit log, newest first, filtered by text, kind of data and dates.

Rows are fetched a page at a time on a worker thread as the table is scrolled
(QAbstractItemModel.canFetchMore/fetchMore), so a long history never freezes the window.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from ..actions.history import AuditEntry, AuditFilter, read_history
from ..domain.vnformat import number
from . import errors
from .context import AppContext
from .forms.ui_history_page import Ui_HistoryPage

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex
COL_AT, COL_USER, COL_ACTION, COL_TABLE, COL_ROW, COL_FIELD, COL_CHANGE, COL_REASON = range(8)
HEADERS = ["Thời điểm", "Người thực hiện", "Thao tác", "Dữ liệu", "Dòng", "Trường", "Thay đổi",
           "Lý do"]
ACTIONS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa", "note": "Ghi chú"}
TABLES = {
    "unit": "Đơn vị", "block": "Khối thi đua", "submission": "Báo cáo",
    "value": "Số liệu báo cáo", "review_event": "Xét duyệt", "evidence": "Minh chứng",
    "plan": "Kế hoạch", "indicator": "Chỉ tiêu", "criterion": "Tiêu chí", "period": "Kỳ báo cáo",
    "quota": "Hạn mức khen thưởng", "office": "Thông tin cơ quan",
    "proposal": "Đề nghị khen thưởng", "proposal_document": "Hồ sơ khen thưởng",
    "database": "Cơ sở dữ liệu",
}

FIELDS = {
    "code": "mã", "name": "tên", "kind": "loại", "block": "khối",
    "active_from": "hoạt động từ", "active_to": "hoạt động đến", "merged_into_id": "sáp nhập vào",
    "state": "trạng thái", "to_state": "trạng thái", "from_state": "trạng thái trước",
    "reason": "lý do", "return_reason": "lý do trả lại", "received_on": "ngày nhận",
    "channel": "kênh nhận", "indicator_code": "chỉ tiêu", "numerator": "tử số",
    "denominator": "mẫu số", "number": "giá trị", "flag": "có/không", "day": "ngày",
    "label": "tên kỳ", "deadline": "hạn nộp", "starts": "từ ngày", "ends": "đến ngày",
    "threshold_number": "ngưỡng", "threshold_date": "hạn", "op": "so sánh",
    "mandatory": "bắt buộc", "collectives": "tập thể tối đa", "individuals": "cá nhân tối đa",
    "leader_share_max": "lãnh đạo tối đa (%)", "signer_name": "người ký",
    "signer_title": "chức vụ người ký", "award": "hình thức khen thưởng",
    "person_name": "họ tên", "title": "tên văn bản", "doc_number": "số hiệu",
}
STATES = {"received": "Đã nhận", "returned": "Trả lại để sửa", "accepted": "Đã chấp nhận"}
DECIMAL = re.compile(r"^-?\d+\.\d+$")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]([\d:]+))?$")


def field_label(name: str) -> str:
    return FIELDS.get(name, name)


def shown_value(value: object) -> str:
    """A stored value as a person reads it: dates dd/mm/yyyy, states in Vietnamese,
    numbers the Vietnamese way (3.600; 58,33)."""
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | float):
        return number(value)
    text = str(value)
    # An update's old or new number as the audit log keeps it: Python's own text of the
    # float ("58.33", "1.234"), a machine format, not what a person typed, so it is not
    # read with domain.values.parse_number, which takes a dot before three digits as the
    # Vietnamese thousands mark ("1.234" would become 1234). Codes have no point.
    if DECIMAL.match(text):
        return number(float(text))
    if text in STATES:
        return STATES[text]
    m = ISO_DAY.match(text)
    if m:
        time = f" {m.group(4)}" if m.group(4) else ""
        return f"{m.group(3)}/{m.group(2)}/{m.group(1)}{time}"
    return {"True": "Có", "False": "Không", "true": "Có", "false": "Không"}.get(text, text)


def _short(text: str | None, limit: int = 120) -> str:
    text = " ".join(shown_value(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(text: str | None) -> str:
    """The few telling fields of a whole row written as JSON: 'code=22810, name=…'."""
    try:
        data = json.loads(text or "")
    except ValueError:
        return _short(text)
    if not isinstance(data, dict):
        return _short(text)
    keys = [k for k in ("code", "name", "indicator_code", "numerator", "denominator", "number",
                        "flag", "day", "label", "to_state", "reason")
            if data.get(k) not in (None, "")]
    if not keys:  # the first plain fields, ids last
        keys = [k for k, v in data.items() if k != "id" and isinstance(v, str | int | float)
                and v not in ("", None) and not k.endswith("_id")][:4]
    return _short(", ".join(f"{field_label(k)}: {shown_value(data[k])}" for k in keys) or text)


def change_text(e: AuditEntry) -> str:
    if e.action == "update":
        return f"{_short(e.old, 50)} → {_short(e.new, 50)}"
    if e.action == "insert":
        return _record(e.new)
    if e.action == "delete":
        return _record(e.old)
    return _short(e.new or e.old)


class AuditTableModel(QAbstractTableModel):
    """The entries fetched so far; asks for the next page through `more_wanted`."""

    more_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.has_more = False
        self.loading = False

    def clear(self) -> None:
        self.beginResetModel()
        self.entries = []
        self.has_more = False
        self.endResetModel()

    def append(self, entries: list[AuditEntry], has_more: bool) -> None:
        if entries:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
            self.entries.extend(entries)
            self.endInsertRows()
        self.has_more = has_more

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self.more_wanted.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return e
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            e.at.strftime("%d/%m/%Y %H:%M:%S"), e.user, ACTIONS.get(e.action, e.action),
            TABLES.get(e.table, e.table), "" if e.row_id is None else str(e.row_id),
            field_label(e.field) if e.field else "",
            change_text(e), e.summary,
        ][index.column()]


class HistoryPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_HistoryPage()
        self.ui.setupUi(self)
        self.model = AuditTableModel(self)
        self.model.more_wanted.connect(self.fetch_more)
        self._generation = 0
        ui = self.ui
        table = ui.historyTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fm = table.fontMetrics()
        for col, sample in ((COL_AT, "00/00/0000 00:00:00"), (COL_USER, HEADERS[COL_USER]),
                            (COL_ACTION, HEADERS[COL_ACTION]), (COL_TABLE, "Số liệu báo cáo"),
                            (COL_ROW, "0000"), (COL_FIELD, "trạng thái"),
                            (COL_CHANGE, "x" * 34)):
            header.resizeSection(col, fm.horizontalAdvance(sample) + 24)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        ui.historySplitter.setStretchFactor(0, 3)
        ui.historySplitter.setStretchFactor(1, 1)
        ui.tableCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = QDate.currentDate()
        ui.fromDate.setDate(today.addMonths(-1))
        ui.toDate.setDate(today)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.tableCombo.currentIndexChanged.connect(lambda _i: self.reload())
        for check, edit in ((ui.chkFrom, ui.fromDate), (ui.chkTo, ui.toDate)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.reload())
            edit.dateChanged.connect(lambda _d: self.reload())
        ui.btnClear.clicked.connect(self.clear_filters)
        ui.btnMore.clicked.connect(self.fetch_more)
        table.selectionModel().currentRowChanged.connect(self._show_detail)
        ctx.data_changed.connect(self.reload)
        ctx.database_changed.connect(self.reload)
        self.reload()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def current_filter(self) -> AuditFilter:
        ui = self.ui

        def date_of(check: Any, edit: Any) -> dt.date | None:
            if not check.isChecked():
                return None
            q = edit.date()
            return dt.date(q.year(), q.month(), q.day())

        return AuditFilter(ui.searchEdit.text(), ui.tableCombo.currentData(),
                           date_of(ui.chkFrom, ui.fromDate), date_of(ui.chkTo, ui.toDate))

    def clear_filters(self) -> None:
        ui = self.ui
        for w in (ui.searchEdit, ui.tableCombo, ui.chkFrom, ui.chkTo):
            w.blockSignals(True)
        ui.searchEdit.clear()
        ui.tableCombo.setCurrentIndex(0)
        ui.chkFrom.setChecked(False)
        ui.chkTo.setChecked(False)
        ui.fromDate.setEnabled(False)
        ui.toDate.setEnabled(False)
        for w in (ui.searchEdit, ui.tableCombo, ui.chkFrom, ui.chkTo):
            w.blockSignals(False)
        self.reload()

    # ---- fetching -------------------------------------------------------------------------
    def reload(self) -> None:
        self._search_timer.stop()
        self._generation += 1
        self.model.clear()
        self.ui.detailText.clear()
        self._fetch(self.current_filter(), None, with_tables=True)

    def fetch_more(self) -> None:
        if self.model.loading or not self.model.has_more:
            return
        last = self.model.entries[-1].id if self.model.entries else None
        self._fetch(self.current_filter(), last, with_tables=False)

    def _fetch(self, flt: AuditFilter, before: int | None, with_tables: bool) -> None:
        generation = self._generation
        self.model.loading = True
        self._update_count()

        def load(_report: Any) -> tuple[list[AuditEntry], list[str] | None]:
            return read_history(self.ctx.db, flt, before, PAGE_SIZE + 1,
                                with_tables=with_tables)

        def done(result: tuple[list[AuditEntry], list[str] | None]) -> None:
            if generation != self._generation:
                return
            entries, tables = result
            self.model.loading = False
            if tables is not None:
                self._fill_tables(tables)
            self.model.append(entries[:PAGE_SIZE], len(entries) > PAGE_SIZE)
            self._update_count()

        def failed(exc: BaseException) -> None:
            self.model.loading = False
            errors.show_exception(self, exc)

        self.ctx.tasks.run(load, done, failed)

    def _fill_tables(self, names: list[str]) -> None:
        combo = self.ui.tableCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Tất cả", None)
        for name in sorted(names, key=lambda n: TABLES.get(n, n)):
            combo.addItem(TABLES.get(name, name), name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _update_count(self) -> None:
        n = len(self.model.entries)
        if self.model.loading:
            text = "Đang tải…"
        elif not n:
            text = "Không có thay đổi nào khớp bộ lọc."
        else:
            text = f"Đang hiện {n} thay đổi, mới nhất trước"
            text += " — cuộn xuống để tải thêm." if self.model.has_more else "."
        self.ui.lblCount.setText(text)
        self.ui.btnMore.setEnabled(self.model.has_more and not self.model.loading)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        e: AuditEntry | None = self.model.data(current, Qt.ItemDataRole.UserRole)
        if e is None:
            self.ui.detailText.clear()
            return
        lines = [f"{ACTIONS.get(e.action, e.action)} · {TABLES.get(e.table, e.table)} "
                 f"(dòng {e.row_id}) · {e.at.strftime('%d/%m/%Y %H:%M:%S')} · {e.user}"]
        if e.summary:
            lines.append(f"Lý do: {e.summary}")
        if e.field:
            lines.append(f"Trường: {field_label(e.field)} ({e.field})")
        for label, value in (("Trước", e.old), ("Sau", e.new)):
            if value is not None:
                lines.append(f"{label}: {_pretty(value)}")
        self.ui.detailText.setPlainText("\n".join(lines))


def _pretty(text: str) -> str:
    """A whole row as one 'field: value' line each; any other value as it reads."""
    try:
        data = json.loads(text)
    except ValueError:
        return shown_value(text)
    if not isinstance(data, dict):
        return shown_value(text)
    lines = []
    for key, value in data.items():
        label = field_label(key)
        name = label if label == key else f"{label} ({key})"
        is_id = key == "id" or key.endswith("_id")  # a row number: no thousands point
        lines.append(f"  {name}: {value if is_id and value is not None else shown_value(value)}")
    return "\n" + "\n".join(lines)
