"""Nhập gói dữ liệu của đơn vị cấp dưới: consolidate the packages districts send.

The same functions as `thidua import-package`: every chosen .zip is verified first
(read_package: checksums, format version, safe paths), then tried against the open
database inside a transaction that is rolled back (import_packages with replace, to learn
which would be refused — another plan, a district database — and which would replace a
district already imported, with what changes). "Nhập" then imports the acceptable ones
in one transaction, asking before any replacement. A district database cannot hold
packages: the store's refusal is shown as it is, and "Tạo cơ sở dữ liệu tổng hợp mới…"
creates a province database from the packages, as `import-package` does with a new file.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from ..actions.packages import create_province_database
from ..domain.errors import DomainError
from ..domain.period_report import CHANNEL_LABELS
from ..domain.vnformat import number
from .context import AppContext
from .forms.ui_package_import_dialog import Ui_PackageImportDialog
from .geometry import FitsScreen
from .submissions_model import error_text

LOOK = {
    "pending": ("Đang kiểm tra…", "#5f6368"),
    "ready": ("Hợp lệ — chờ nhập", "#1b7f3b"),
    "replace": ("Hợp lệ — đã có số liệu của đơn vị này, nhập sẽ thay thế:", "#8a5a00"),
    "refused": ("Bị từ chối", "#b3261e"),
    "imported": ("Đã nhập", "#1b7f3b"),
    "replaced": ("Đã thay thế số liệu cũ", "#1b7f3b"),
    "new_db": ("Đã nhập vào cơ sở dữ liệu tổng hợp mới", "#1b7f3b"),
}
DONE = ("imported", "replaced", "new_db")
DB_FILTER = "Cơ sở dữ liệu ThiĐua CĐS (*.db)"


@dataclass
class Entry:
    path: Path
    status: str = "pending"
    content: Any = None  # the verified PackageContent; None when read_package refused it
    refusal: str = ""  # the message of the refusal, as the store or the reader gave it
    district: str = ""
    key: tuple[str, str] = ("", "")  # (district code, period code)
    plan: str = ""
    period: str = ""
    units: str = ""
    changes: tuple[str, ...] = field(default_factory=tuple)
    signer: Any = None  # actions.trust.Signer: who signed it, whether the province trusts it


def describe(e: Entry) -> None:
    """District, plan, period and units from a verified package."""
    from ..domain.province import district_identity

    data, man = e.content.data, e.content.manifest
    plan = data.get("plan", {}).get("plan", {}) if isinstance(data.get("plan"), dict) else {}
    code, name = district_identity(data.get("office") or man.get("office") or {},
                                   str(plan.get("area", "")))
    period = data.get("period") or man.get("period") or {}
    summary = data.get("summary") or {}
    e.district, e.plan = name, str(plan.get("code", ""))
    e.key = (code, str(period.get("code", "")))
    e.period = str(period.get("label") or period.get("code") or "")
    e.units = f"{summary.get('submitted', '?')}/{summary.get('expected', '?')} đơn vị"


def verify_packages(db: Any, entries: Sequence[Entry], report: Callable[..., bool]) -> None:
    """Read and verify each package, then try it in a rolled-back transaction. Runs on the
    writer (the trial flushes rows before it is rolled back)."""
    from ..actions.packages import read_package, try_package
    from ..actions.trust import OTHER_KEY, package_signer

    for i, e in enumerate(entries):
        report(i, len(entries), e.path.name)
        e.status, e.refusal, e.changes = "refused", "", ()
        try:
            e.content = read_package(e.path)
        except DomainError as exc:
            e.content, e.refusal = None, exc.message
            continue
        try:
            describe(e)
        except (AttributeError, TypeError, ValueError):
            pass  # a malformed data.json: import_packages names what is wrong
        try:
            e.signer = package_signer(db, e.content)
            if e.signer.status == OTHER_KEY:
                e.refusal = e.signer.refusal
                continue
            result = try_package(db, e.content)
        except DomainError as exc:
            e.refusal = exc.message
            continue
        e.district, e.key = result.unit_name, (result.unit_code, result.period_code)
        e.period, e.changes = result.period_label, result.changes
        e.status = "replace" if result.replaced else "ready"
    first: dict[tuple[str, str], Entry] = {}
    for e in entries:
        if e.status in ("ready", "replace"):
            if e.key in first:
                e.status = "refused"
                e.refusal = (f"Gói {e.path.name}: {e.district}, kỳ {e.key[1]} đã có trong gói "
                             f"{first[e.key].path.name} của danh sách này.")
            first.setdefault(e.key, e)
    report(len(entries), len(entries), "")


def import_into(db: Any, contents: list[Any], replace: bool, received_on: dt.date | None,
                channel: str, trust_new: frozenset[str] = frozenset(),
                allow_unsigned: bool = False) -> list[Any]:
    """One transaction, as `thidua import-package` does (signers checked, new offices
    confirmed by the person remembered)."""
    from ..actions.packages import import_packages

    return import_packages(db, contents, replace=replace, received_on=received_on,
                           channel=channel, trust_new=trust_new, allow_unsigned=allow_unsigned)


class PackageImportDialog(FitsScreen, QDialog):
    verified = Signal()  # the list was checked
    run_finished = Signal(list)  # the ImportResult list of an import ([] when refused)
    open_requested = Signal(object)  # the Path of a province database to open

    def __init__(self, ctx: AppContext, paths: Sequence[Path] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_PackageImportDialog()
        self.ui.setupUi(self)
        today = dt.date.today()
        self.ui.receivedEdit.setDate(QDate(today.year, today.month, today.day))
        for code, label in CHANNEL_LABELS.items():
            self.ui.channelCombo.addItem(label, code)
        self.ui.channelCombo.setCurrentIndex(self.ui.channelCombo.findData("email"))
        header = self.ui.tree.header()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.entries: list[Entry] = []
        self._task: Any = None
        self.ui.receivedCheck.toggled.connect(self.ui.receivedEdit.setEnabled)
        self.ui.addButton.clicked.connect(lambda: self.add_paths(self.choose_files()))
        self.ui.clearButton.clicked.connect(self.clear)
        self.ui.importButton.clicked.connect(self.start_import)
        self.ui.newDatabaseButton.clicked.connect(self.start_new_database)
        self.ui.closeButton.clicked.connect(self.reject)
        self.add_paths(paths)

    # -- seams (replaced in tests)
    def choose_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, "Chọn gói dữ liệu", "",
                                                "Gói dữ liệu ThiĐua CĐS (*.zip)")
        return [Path(n) for n in names]

    def choose_new_database(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Tạo cơ sở dữ liệu tổng hợp mới", str(self.ctx.path.parent / "TongHop_CDS.db"),
            DB_FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
        return Path(name) if name else None

    def ask(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText("Không")
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- the list
    def add_paths(self, paths: Sequence[Path]) -> None:
        known = {e.path.resolve() for e in self.entries}
        for p in (Path(x) for x in paths):
            if p.resolve() not in known:
                known.add(p.resolve())
                self.entries.append(Entry(p))
        if not self.entries:
            self.ui.statusLabel.setText("Chưa có gói nào: bấm “Chọn gói…” để chọn các tệp .zip.")
            self.refresh()
        else:
            self.verify()

    def clear(self) -> None:
        if not self.running:
            self.entries = []
            self.add_paths([])

    @property
    def running(self) -> bool:
        return self._task is not None

    def _options(self) -> tuple[dt.date | None, str]:
        received = self.ui.receivedEdit.date().toPython() if self.ui.receivedCheck.isChecked() \
            else None
        return received, str(self.ui.channelCombo.currentData())

    def verify(self) -> bool:
        todo = [e for e in self.entries if e.status not in DONE]
        if self.running or not todo:
            self.refresh()
            return False
        for e in todo:
            e.status = "pending"
        db = self.ctx.db
        self._run(lambda report: verify_packages(db, todo, report), self._on_verified,
                  len(todo))
        return True

    def _on_verified(self, _result: object) -> None:
        self._task = None
        if any(e.status == "pending" for e in self.entries):
            self.verify()  # packages added while the others were being checked
            return
        self.refresh()
        ready = [e for e in self.entries if e.status in ("ready", "replace")]
        refused = [e for e in self.entries if e.status == "refused"]
        parts = [f"Đã kiểm tra {number(len(self.entries))} gói: {number(len(ready))} nhập được"]
        if refused:
            parts[0] += f", {number(len(refused))} bị từ chối (không được nhập)"
        parts[0] += "."
        if refused and not ready and any(e.content is not None for e in refused):
            parts.append("Các gói hợp lệ có thể được nhập vào một cơ sở dữ liệu tổng hợp mới: "
                         "bấm “Tạo cơ sở dữ liệu tổng hợp mới…”.")
        self.ui.statusLabel.setText(" ".join(parts))
        self.verified.emit()

    # -- importing
    def start_import(self) -> bool:
        ready = [e for e in self.entries if e.status in ("ready", "replace")]
        if self.running or not ready:
            return False
        replacing = [e for e in ready if e.status == "replace"]
        if replacing:
            listing = "\n".join(
                f"  • {e.district}, kỳ {e.period} (gói {e.path.name})"
                + "".join(f"\n        {c}" for c in e.changes) for e in replacing)
            if not self.ask("Thay thế số liệu đã nhập",
                            f"Đã có số liệu của {number(len(replacing))} đơn vị; "
                            "nhập sẽ thay thế:\n"
                            f"{listing}\n\nThay thế số liệu cũ?", "Thay thế"):
                self.ui.statusLabel.setText("Chưa nhập gói nào: số liệu đã có được giữ nguyên.")
                return False
        trust = self.ask_trust(ready)
        if trust is None:
            return False
        trust_new, allow_unsigned = trust
        db, (received, channel) = self.ctx.db, self._options()
        contents = [e.content for e in ready]

        def done(results: list[Any]) -> None:
            self._task = None
            for e, r in zip(ready, results, strict=True):
                e.status = "replaced" if r.replaced else "imported"
                e.changes = r.changes
            self.refresh()
            self.ui.statusLabel.setText(
                f"Đã nhập {number(len(results))} gói vào {html.escape(self.ctx.path.name)}: "
                + html.escape(", ".join(f"{r.unit_name} ({r.period_label})" for r in results))
                + ". Các màn hình đã được cập nhật số liệu tổng hợp.")
            self.ctx.notify_changed()
            self.run_finished.emit(results)

        self._run(lambda _r: import_into(db, contents, bool(replacing), received, channel,
                                         trust_new, allow_unsigned),
                  done, 0, writes=True)
        return True

    def start_new_database(self) -> bool:
        chosen = [e for e in self.entries if e.content is not None and e.status not in DONE]
        if self.running or not chosen:
            return False
        path = self.choose_new_database()
        if path is None:
            return False
        if path.exists():
            self._fail(f"Tệp {path} đã có. Hãy chọn một tên mới; để nhập vào cơ sở dữ liệu "
                       "đó, mở nó (Tệp → Mở) rồi nhập gói.")
            return False
        trust = self.ask_trust(chosen, new_database=True)
        if trust is None:
            return False
        trust_new, allow_unsigned = trust
        received, channel = self._options()
        contents = [e.content for e in chosen]

        def done(results: list[Any]) -> None:
            self._task = None
            for e in chosen:
                e.status, e.refusal, e.changes = "new_db", "", ()
            self.refresh()
            self.ui.statusLabel.setText(
                f"Đã tạo cơ sở dữ liệu tổng hợp {html.escape(str(path))} với "
                f"{number(len(results))} "
                f"gói (kế hoạch “{html.escape(results[0].plan_code)}”).")
            self.run_finished.emit(results)
            if self.ask("Mở cơ sở dữ liệu tổng hợp",
                        f"Mở cơ sở dữ liệu vừa tạo?\n{path}", "Mở"):
                self.open_requested.emit(path)

        self._run(lambda _r: create_province_database(path, contents, received, channel,
                                                      trust_new, allow_unsigned),
                  done, 0, writes=True)
        return True

    def ask_trust(self, chosen: Sequence[Entry], new_database: bool = False
                  ) -> tuple[frozenset[str], bool] | None:
        """Ask about offices seen for the first time (their fingerprints shown) and about
        unsigned packages; None when the person declines (nothing is imported)."""
        from ..actions.trust import NEW, UNSIGNED

        signers = [e.signer for e in chosen if e.signer is not None]
        new = {sg.office_code: sg for sg in signers
               if sg.status == NEW or (new_database and sg.status != UNSIGNED)}
        unsigned = [sg for sg in signers if sg.status == UNSIGNED]
        if new:
            listing = "\n".join(f"  • {sg.office_name}: {sg.fingerprint}" for sg in new.values())
            if not self.ask("Đơn vị gửi gói lần đầu",
                            f"Các đơn vị sau gửi gói lần đầu. Dấu vân tay khóa ký của họ:\n"
                            f"{listing}\n\nHãy đối chiếu dấu vân tay với từng đơn vị (qua điện "
                            "thoại, công văn). Tin cậy các đơn vị này và ghi nhớ khóa của họ?",
                            "Tin cậy"):
                self.ui.statusLabel.setText("Chưa nhập gói nào: các đơn vị mới chưa được tin "
                                            "cậy.")
                return None
        if unsigned:
            listing = "\n".join(f"  • {sg.file} ({sg.office_name})" for sg in unsigned)
            if not self.ask("Gói chưa ký",
                            f"Các gói sau không có chữ ký (lập bằng phiên bản cũ), không xác "
                            f"minh được nguồn gốc và việc bị sửa:\n{listing}\n\nChỉ nhập khi "
                            "chắc chắn về nguồn gốc. Vẫn nhập?", "Vẫn nhập"):
                self.ui.statusLabel.setText("Chưa nhập gói nào: gói chưa ký không được nhập.")
                return None
        return frozenset(new), bool(unsigned)

    def _run(self, work: Callable[[Any], Any], done: Callable[[Any], None], total: int,
             writes: bool = True) -> None:
        self.ui.progressBar.setRange(0, total)  # 0: busy without steps
        self.ui.progressBar.setValue(0)
        self._task = True  # shown as running before the worker touches the entries
        self.refresh()
        self._task = self.ctx.tasks.run(work, done, self._on_failed, self._on_progress,
                                        writes=writes)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        if text:
            self.ui.statusLabel.setText(
                f"Đang kiểm tra {number(done + 1)}/{number(total)}: {html.escape(text)}")

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None
        self.refresh()
        self._fail(error_text(exc))
        self.run_finished.emit([])

    def _fail(self, text: str) -> None:
        self.ui.statusLabel.setText(
            f"<span style='color:{LOOK['refused'][1]}'>{html.escape(text)}</span>"
            .replace("\n", "<br>"))

    # -- showing
    def refresh(self) -> None:
        tree = self.ui.tree
        tree.clear()
        width = max(60, (tree.viewport().width() - 40) // max(1, tree.fontMetrics()
                                                               .averageCharWidth()))
        for e in self.entries:
            label, colour = LOOK[e.status]
            item = QTreeWidgetItem([e.path.name, e.district, e.plan, e.period, e.units, label])
            item.setToolTip(0, str(e.path))
            item.setForeground(5, QBrush(QColor(colour)))
            tree.addTopLevelItem(item)
            lines = []
            if e.status in ("replace", "replaced"):
                lines = list(e.changes) or ["(không có thay đổi số liệu)"]
            if e.refusal:
                item.setToolTip(5, e.refusal)
                lines = [x for para in e.refusal.splitlines()
                         for x in textwrap.wrap(para, width) or [""]]
            for line in lines:
                child = QTreeWidgetItem([line])
                if e.refusal:
                    child.setForeground(0, QBrush(QColor(LOOK["refused"][1])))
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            item.setExpanded(True)
        running = self.running
        ready = any(e.status in ("ready", "replace") for e in self.entries)
        self.ui.importButton.setEnabled(ready and not running)
        self.ui.newDatabaseButton.setEnabled(not running and any(
            e.content is not None and e.status not in DONE for e in self.entries))
        self.ui.progressBar.setVisible(running)
        for w in (self.ui.addButton, self.ui.clearButton, self.ui.closeButton):
            w.setEnabled(not running)

    def reject(self) -> None:
        if not self.running:
            super().reject()
