"""Lịch sử: the audit log, newest first, filtered by text, kind of data and dates.

Rows are fetched a page at a time on a worker thread as the table is scrolled
(QAbstractItemModel.canFetchMore/fetchMore), so a long history never freezes the window.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
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
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QWidget,
)

from ..actions.history import AuditEntry, AuditFilter, read_history
from ..domain.period_report import CHANNEL_LABELS
from ..domain.plan import KIND_LABELS, UNIT_KIND_LABELS, Operator
from ..domain.proposals import KIND_LABELS as PROPOSAL_KINDS
from ..domain.vnformat import number
from . import errors
from .context import AppContext
from .forms.ui_history_page import Ui_HistoryPage
from .table_keys import keyboard_table

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex
COL_AT, COL_USER, COL_ACTION, COL_TABLE, COL_ROW, COL_FIELD, COL_CHANGE, COL_REASON = range(8)
HEADERS = ["Thời điểm", "Người thực hiện", "Thao tác", "Dữ liệu", "Đơn vị", "Trường", "Thay đổi",
           "Lý do"]
COL_UNIT = COL_ROW  # the unit the change concerns, by name (never the internal row number)
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
    "achievements": "thành tích", "added_at": "thêm lúc", "area": "địa bàn", "at": "thời điểm",
    "created_at": "tạo lúc", "doc_number_prefix": "ký hiệu văn bản", "dossier": "hồ sơ",
    "extras": "thông tin thêm", "file_name": "tên tệp", "is_leader": "là lãnh đạo",
    "issued_on": "ngày ban hành", "issuer": "cơ quan ban hành", "level": "cấp",
    "measure": "đơn vị tính", "note": "ghi chú", "numerator_label": "tên tử số",
    "denominator_label": "tên mẫu số", "parent_body": "cơ quan cấp trên", "place": "địa danh",
    "position": "thứ tự", "prepared_by": "người lập", "province": "tỉnh",
    "ranking_descending": "xếp hạng từ cao xuống", "ranking_indicator": "chỉ tiêu xếp hạng",
    "ranking_source": "căn cứ xếp hạng", "recipients": "nơi nhận", "review": "kỳ xét",
    "short_name": "tên viết tắt", "short": "tên ngắn", "signer_authority": "thẩm quyền ký",
    "size": "dung lượng", "source": "căn cứ", "source_file": "tệp nguồn",
    "source_note": "ghi chú nguồn", "state_changed_at": "đổi trạng thái lúc",
    "summary": "trích yếu", "unit_kinds": "loại đơn vị", "user": "người thực hiện",
}
STATES = {"received": "Đã nhận", "returned": "Trả lại để sửa", "accepted": "Đã chấp nhận"}
DECIMAL = re.compile(r"^-?\d+\.\d+$")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]([\d:]+))?$")


# stored words that are the program's, not a person's: what each field's values read as
VALUE_LABELS: dict[str, Mapping[str, str]] = {
    "channel": CHANNEL_LABELS,
    "kind": {**UNIT_KIND_LABELS, **KIND_LABELS, **PROPOSAL_KINDS},
    "unit_kinds": UNIT_KIND_LABELS,
    "op": {o.value: o.label for o in Operator},
}


# a field that reads otherwise in one table ("number" is a value's number, a plan's number)
TABLE_FIELDS = {"plan": {"number": "số, ký hiệu", "title": "tên kế hoạch", "code": "mã"}}


def field_label(name: str, table: str = "") -> str:
    return TABLE_FIELDS.get(table, {}).get(name) or FIELDS.get(name, name)


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


Labels = Mapping[str, str]  # indicator code -> its short name


def _field_value(key: str, value: object, labels: Labels) -> str:
    """One field's value: indicators by their short name, the program's words in Vietnamese."""
    if key in ("indicator_code", "indicator", "ranking_indicator") and isinstance(value, str):
        return labels.get(value, value)
    words = VALUE_LABELS.get(key)
    if words is not None:
        if isinstance(value, str) and value.startswith("["):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        if isinstance(value, list):
            return ", ".join(words.get(str(v), str(v)) for v in value) or "(trống)"
        if isinstance(value, str):
            return words.get(value, value)
    return shown_value(value)


def _short(text: str | None, limit: int = 120) -> str:
    text = " ".join(shown_value(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(text: str | None, labels: Labels | None = None, table: str = "") -> str:
    """The few telling fields of a whole row written as JSON: 'code=22810, name=…'."""
    try:
        data = json.loads(text or "")
    except ValueError:
        return _short(text)
    if not isinstance(data, dict):
        return _short(text)
    # a plan's indicators and criteria by their names; units keep their statistics code
    first = {"indicator": ("short", "name"), "criterion": ("short", "name"),
             "plan": ("number", "title")}.get(table, ("code", "name"))
    keys = [k for k in (*first, "indicator_code", "numerator", "denominator", "number",
                        "flag", "day", "label", "to_state", "reason")
            if data.get(k) not in (None, "")]
    if not keys:  # the first plain fields, ids last
        keys = [k for k, v in data.items() if k != "id" and isinstance(v, str | int | float)
                and v not in ("", None) and not k.endswith("_id")][:4]
    return _short(", ".join(f"{field_label(k, table)}: {_field_value(k, data[k], labels or {})}"
                            for k in keys) or text)


def change_text(e: AuditEntry, labels: Labels | None = None) -> str:
    """What changed, as a person reads it; `labels` gives indicators their short names."""
    if e.action == "update" and (e.field in VALUE_LABELS or e.field in (
            "indicator_code", "indicator", "ranking_indicator")):
        old, new = (_short(_field_value(e.field, v, labels or {}), 50) if v not in (None, "")
                    else "(trống)" for v in (e.old, e.new))
        return f"{old} → {new}"
    if e.action == "update":
        return f"{_short(e.old, 50)} → {_short(e.new, 50)}"
    if e.action == "insert":
        return _record(e.new, labels, e.table)
    if e.action == "delete":
        return _record(e.old, labels, e.table)
    return _short(e.new or e.old)


class AuditTableModel(QAbstractTableModel):
    """The entries fetched so far; asks for the next page through `more_wanted`."""

    more_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.has_more = False
        self.loading = False
        self.labels: dict[str, str] = {}  # indicator code -> short name
        self._shown: dict[int, list[str]] = {}  # row -> its texts, made when first painted

    def clear(self) -> None:
        self.beginResetModel()
        self.entries = []
        self._shown = {}
        self.has_more = False
        self.endResetModel()

    def set_labels(self, labels: dict[str, str]) -> None:
        if labels != self.labels:
            self.labels = labels
            self._shown = {}

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
        shown = self._shown.get(index.row())
        if shown is None:  # the whole row once, not once per cell of the row
            shown = self._shown[index.row()] = [
                e.at.strftime("%d/%m/%Y %H:%M:%S"), e.user, ACTIONS.get(e.action, e.action),
                TABLES.get(e.table, e.table), e.unit,
                field_label(e.field, e.table) if e.field else "",
                change_text(e, self.labels), e.summary,
            ]
        return shown[index.column()]


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
        keyboard_table(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fm = table.fontMetrics()
        for col, sample in ((COL_AT, "00/00/0000 00:00:00"), (COL_USER, HEADERS[COL_USER]),
                            (COL_ACTION, HEADERS[COL_ACTION]), (COL_TABLE, "Số liệu báo cáo"),
                            (COL_UNIT, "Thị trấn Tân Sơn (22810)"), (COL_FIELD, "trạng thái"),
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
        self._build_staff_bar()
        self.reload()

    # ---- who the history names -----------------------------------------------------------

    def _build_staff_bar(self) -> None:
        """Until a staff name is given on this PC, the history writes the computer account's
        name (often `root` or a shared Windows user): say so, with the way to change it."""
        bar = QFrame(self)
        bar.setObjectName("staffBar")
        bar.setStyleSheet("#staffBar { background:#fff4ce; border:1px solid #e0c060; }")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        self.staff_label = QLabel(bar)
        self.staff_label.setWordWrap(True)
        self.staff_button = QPushButton("Ghi tên cán &bộ…", bar)
        self.staff_button.clicked.connect(self.ask_staff_name)
        row.addWidget(self.staff_label, 1)
        row.addWidget(self.staff_button)
        self.staff_bar = bar
        self.ui.mainLayout.insertWidget(0, bar)
        self._update_staff_bar()

    def _update_staff_bar(self) -> None:
        from ..actions.server import staff_name

        shown = staff_name() is None
        if shown:
            self.staff_label.setText(
                "Những thay đổi làm trên máy này đang được ghi dưới tên tài khoản máy tính "
                f"«{self.ctx.db.user}». Hãy ghi họ và tên cán bộ để lịch sử cho biết ai đã làm.")
        self.staff_bar.setVisible(shown)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - the name may have changed meanwhile
        self._update_staff_bar()
        super().showEvent(event)

    def ask_staff_name(self) -> None:
        window: Any = self.window()  # the main window (not imported: it imports the pages)
        if hasattr(window, "change_staff_name") and window.change_staff_name():
            self._update_staff_bar()

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
            self.model.set_labels({i.code: i.label for i in self.ctx.plan.indicators})
            if tables is not None:
                self._fill_tables(tables)
            self.model.append(entries[:PAGE_SIZE], len(entries) > PAGE_SIZE)
            self._update_count()

        def failed(exc: BaseException) -> None:
            self.model.loading = False
            errors.show_exception(self, exc)

        # a reload through the pages' queue (a newer one replaces it); more rows at once
        self.ctx.tasks.run(load, done, failed, page=self if with_tables else None)

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
            text = f"Đang hiện {number(n)} thay đổi, mới nhất trước"
            text += " — cuộn xuống để tải thêm." if self.model.has_more else "."
        self.ui.lblCount.setText(text)
        self.ui.btnMore.setEnabled(self.model.has_more and not self.model.loading)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        e: AuditEntry | None = self.model.data(current, Qt.ItemDataRole.UserRole)
        if e is None:
            self.ui.detailText.clear()
            return
        what = TABLES.get(e.table, e.table) + (f" — {e.unit}" if e.unit else "")
        lines = [f"{ACTIONS.get(e.action, e.action)} · {what} · "
                 f"{e.at.strftime('%d/%m/%Y %H:%M:%S')} · {e.user}"]
        if e.summary:
            lines.append(f"Lý do: {e.summary}")
        if e.field:
            lines.append(f"Trường: {field_label(e.field, e.table)}")
        for label, value in (("Trước", e.old), ("Sau", e.new)):
            if value is not None:
                lines.append(f"{label}: {_pretty(value, self.model.labels, e.table, e.field)}")
        self.ui.detailText.setPlainText("\n".join(lines))


def _pretty(text: str, labels: Labels | None = None, table: str = "", field: str = "") -> str:
    """A whole row as one 'field: value' line each (Vietnamese field names; internal row
    numbers left out: the unit is named above); any other value as it reads."""
    try:
        data = json.loads(text)
    except ValueError:
        return _field_value(field, text, labels or {})
    if not isinstance(data, dict):
        return _field_value(field, text, labels or {})
    lines = []
    for key, value in data.items():
        if key == "id" or key.endswith("_id"):
            continue
        lines.append(f"  {field_label(key, table)}: {_field_value(key, value, labels or {})}")
    return "\n" + "\n".join(lines)
