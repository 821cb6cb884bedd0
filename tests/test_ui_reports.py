"""Báo cáo gửi cấp trên and Nhập gói dữ liệu, driven as a person would: the same files as
`thidua export`, the same consolidation as `thidua import-package`."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import threading
import zipfile

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from desktop.cli import main  # noqa: E402
from desktop.domain.errors import DomainError  # noqa: E402
from desktop.domain.evaluation import OUTCOME_LABELS  # noqa: E402
from desktop.exchange.package import read_package  # noqa: E402
from desktop.store.database import Database  # noqa: E402
from desktop.store.models import AuditRow, SubmissionRow, UnitRow  # noqa: E402
from desktop.store.submissions import period_report  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.export_dialog import ExportDialog, export_outputs  # noqa: E402
from desktop.ui.package_import_dialog import PackageImportDialog  # noqa: E402

NS = "ninh-son.zip"


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> dict[str, Path]:
    """The demo's package for 2023 (huyện Ninh Sơn), and the same data as huyện Bác Ái."""
    folder = tmp_path_factory.mktemp("packages")
    out = {}
    with pytest.MonkeyPatch.context() as mp:  # logs and backups stay in the temporary folder
        mp.setenv("THIDUA_DATA_DIR", str(folder / "data"))
        for name, area in ((NS, None), ("bac-ai.zip", "huyện Bác Ái")):
            db = folder / f"{name}.db"
            shutil.copyfile(_demo_template, db)
            if area:
                assert run("--db", db, "office", "--set", f"area={area}")[0] == 0
            code, _o, err = run("--db", db, "export", "--period", "2023",
                                "--package", folder / name)
            assert code == 0, err
            out[name] = folder / name
    out["district_db"] = folder / f"{NS}.db"
    return out


def open_ctx(path: Path) -> AppContext:
    context = AppContext(Database.open(path, backup=False))
    context.set_period("2023")
    return context


@pytest.fixture
def ctx(demo_db: Path):
    context = open_ctx(demo_db)
    yield context
    context.tasks.wait()
    context.db.close()


@pytest.fixture
def province(tmp_path: Path, packages: dict[str, Path]):
    """A province database made as tests/test_reports.py makes one (import-package into a
    new file), holding huyện Bác Ái; opened in the window's context."""
    path = tmp_path / "tinh.db"
    code, _o, err = run("--db", path, "import-package", "--trust-new", packages["bac-ai.zip"])
    assert code == 0, err
    context = open_ctx(path)
    yield context
    context.tasks.wait()
    context.db.close()


def table_rows(ws) -> dict[str, dict[str, object]]:
    """TongHop's rows by unit code, cells by header."""
    rows = list(ws.iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r[0] == "STT")
    headers = [str(v or "").replace("\n", " ") for v in rows[h]]
    return {r[1]: dict(zip(headers, r, strict=False)) for r in rows[h + 1:] if r[1]}


def counts(db: Database) -> tuple[int, int, int]:
    with db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
                     for t in (UnitRow, SubmissionRow, AuditRow))


def aggregates(path: Path) -> dict[str, object]:
    with Database.open(path, write=False) as db, db.reading() as s:
        return {a.code: a for a in period_report(s, "2023").aggregates}


def _plain(label) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


# ---- the window -------------------------------------------------------------------------


def test_menu_actions_and_toolbar_button_are_installed_once(qtbot, demo_db: Path) -> None:
    from PySide6.QtGui import QKeySequence

    from desktop.ui.main_window import MainWindow
    from desktop.ui.report_actions import ReportActions, install

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=20000):
        w.start(demo_db)
    actions = w.findChild(ReportActions, "reportActions")
    assert isinstance(actions, ReportActions)
    texts = [a.text() for a in w.menu_file.actions()]
    at = texts.index("Báo cáo gửi cấp t&rên…")
    assert texts[at + 1] == "Nhập gói &dữ liệu của đơn vị cấp dưới…"
    assert texts.index(w.file_insert_point.text()) > at + 1, "before the window's insert point"
    assert actions.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert actions.export_action in w.ui.mainToolBar.actions()
    button = w.ui.mainToolBar.widgetForAction(actions.export_action)
    assert button is not None and button.text() == "Báo cáo gửi cấp trên"
    assert install(w, w.ctx, w.menu_file, w.file_insert_point, w.ui.mainToolBar) is actions
    assert [a.text() for a in w.menu_file.actions()] == texts, "a second install adds nothing"
    assert w.ui.mainToolBar.actions().count(actions.export_action) == 1

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = actions.export_dialog
    assert isinstance(dlg, ExportDialog) and dlg.period_code == w.ctx.period_code
    dlg.reject()
    actions.packages_action.trigger()
    assert isinstance(actions.package_dialog, PackageImportDialog)
    actions.package_dialog.reject()
    w.close()


# ---- export -----------------------------------------------------------------------------


def make_export_dialog(qtbot, ctx: AppContext, folder: Path) -> ExportDialog:
    dlg = ExportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    if not dlg.ui.summaryLabel.text().startswith("Kỳ này"):
        qtbot.waitSignal(dlg.summary_loaded, timeout=10000).wait()
    dlg.choose_folder = lambda: folder  # type: ignore[method-assign]
    qtbot.mouseClick(dlg.ui.chooseButton, Qt.MouseButton.LeftButton)
    return dlg


def test_export_all_three_into_a_folder(qtbot, tmp_path: Path, ctx: AppContext) -> None:
    usb = tmp_path / "USB"
    usb.mkdir()
    dlg = make_export_dialog(qtbot, ctx, usb)
    assert dlg.period_code == "2023"
    assert all(c.isChecked() for c in dlg.checks.values()), "all three by default"
    assert dlg.ui.dateEdit.date() == QDate.currentDate()
    assert dlg.ui.prefixLabel.text() == "/BC-VHTT" and dlg.ui.numberEdit.text() == ""
    summary = dlg.ui.summaryLabel.text()
    assert summary.startswith("Kỳ này đã nhận báo cáo của 7/8 đơn vị (chưa nộp: Xã Ma Nới), "
                              "trong đó 4 báo cáo đã được chấp nhận.")
    assert "3 báo cáo chưa được chấp nhận" in summary and "Xã Mỹ Sơn (trả lại để sửa)" in summary
    assert "vẫn được đưa vào báo cáo tổng hợp" in summary
    names = {k: e.text() for k, e in dlg.names.items()}
    assert names == {"xlsx": "BaoCao_CDS_Ninh-Son_2023.xlsx", "pdf": "BaoCao_CDS_Ninh-Son_2023.pdf",
                     "package": "GoiDuLieu_CDS_Ninh-Son_2023.zip"}
    dlg.ui.numberEdit.insert("12")
    dlg.ui.dateEdit.setDate(QDate(2024, 1, 5))

    with qtbot.waitSignal(dlg.run_finished, timeout=60000) as done:
        qtbot.mouseClick(dlg.ui.exportButton, Qt.MouseButton.LeftButton)
    assert [(o.path.name, o.status) for o in done.args[0]] == [
        (names["xlsx"], "written"), (names["pdf"], "written"), (names["package"], "written")]
    assert sorted(p.name for p in usb.iterdir()) == sorted(names.values()), "no temporary file"
    assert "Đã ghi 3 tệp" in _plain(dlg.ui.statusLabel)
    assert dlg.ui.tree.topLevelItem(0).text(1).startswith("Đã ghi (")

    # the workbook says what the evaluation says
    rows = table_rows(openpyxl.load_workbook(usb / names["xlsx"])["TongHop"])
    report = ctx.report("2023")
    assert set(rows) == {u.unit.code for u in report.units}
    for u in report.units:
        assert rows[u.unit.code]["Kết quả"] == OUTCOME_LABELS[u.result.value], u.unit.code
        assert rows[u.unit.code]["Xếp hạng"] == u.rank, u.unit.code
    # the package verifies and carries the period
    content = read_package(usb / names["package"])
    assert content.manifest["period"]["code"] == "2023"
    assert content.manifest["plan"]["code"] == "ninh-son-2022"
    assert (usb / names["pdf"]).read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(["pdftotext", "-layout", str(usb / names["pdf"]), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "Số: 12/BC-VHTT" in text and "ngày 05 tháng 01 năm 2024" in text

    opened = []
    dlg.open_url = lambda url: opened.append(url.toLocalFile()) or True  # type: ignore[method-assign]
    assert dlg.ui.openFolderButton.isVisible()
    qtbot.mouseClick(dlg.ui.openFolderButton, Qt.MouseButton.LeftButton)
    assert opened == [str(usb)]


def test_an_existing_file_is_not_overwritten_without_asking(
    qtbot, tmp_path: Path, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "BaoCao_CDS_Ninh-Son_2023.xlsx"
    old.write_bytes(b"the report already sent")
    dlg = make_export_dialog(qtbot, ctx, tmp_path)
    dlg.ui.pdfCheck.setChecked(False)
    dlg.ui.packageCheck.setChecked(False)
    assert "sẽ hỏi trước khi ghi đè" in dlg.ui.tree.topLevelItem(0).text(1)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def fake_exec(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return answer[0]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not dlg.start()
    assert len(asked) == 1 and old.name in asked[0]
    assert not dlg.running and old.read_bytes() == b"the report already sent"
    assert "Chưa xuất" in _plain(dlg.ui.statusLabel)

    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dlg.run_finished, timeout=60000) as done:
        assert dlg.start()
    assert [o.status for o in done.args[0]] == ["written"]
    assert openpyxl.load_workbook(old).sheetnames[0] == "TongHop"


def test_cancel_stops_between_outputs(qtbot, tmp_path: Path, ctx: AppContext,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.exchange.export_set as export_set

    writing, go = threading.Event(), threading.Event()
    real = export_set.output_bytes

    def slow_output(*args, **kwargs):
        writing.set()
        assert go.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_set, "output_bytes", slow_output)
    usb = tmp_path / "usb"
    usb.mkdir()
    dlg = make_export_dialog(qtbot, ctx, usb)
    with qtbot.waitSignal(dlg.run_finished, timeout=60000) as done:
        dlg.start()
        assert writing.wait(20)
        assert dlg.ui.cancelButton.isVisible() and not dlg.ui.closeButton.isEnabled()
        qtbot.mouseClick(dlg.ui.cancelButton, Qt.MouseButton.LeftButton)
        go.set()
    # the outputs are a set: cancelled while building, none is written
    assert [o.status for o in done.args[0]] == ["cancelled", "cancelled", "cancelled"]
    assert list(usb.iterdir()) == [], "nothing half-written, no part of the set"
    assert dlg.ui.tree.topLevelItem(1).text(1) == "Chưa ghi (đã hủy)"
    assert "Đã hủy" in _plain(dlg.ui.statusLabel)
    assert dlg.ui.closeButton.isEnabled()
    # cancelled before anything: nothing read, nothing written
    targets = [("xlsx", tmp_path / "a.xlsx")]
    assert [o.status for o in export_outputs(ctx.db, "2023", targets, "", QDate(2024, 1, 5)
                                             .toPython(), lambda *_a: False)] == ["cancelled"]


def test_a_refusal_is_shown_in_vietnamese(qtbot, tmp_path: Path, ctx: AppContext) -> None:
    dlg = make_export_dialog(qtbot, ctx, tmp_path / "rut-ra")  # a USB stick taken out
    assert not dlg.start()
    assert "không tồn tại" in _plain(dlg.ui.statusLabel)
    dlg.ui.folderEdit.setText(str(tmp_path))
    dlg.ui.xlsxName.setText("Bao?Cao")
    assert not dlg.ui.exportButton.isEnabled()
    assert "ký tự không dùng được" in _plain(dlg.ui.statusLabel)


# ---- packages from below ------------------------------------------------------------------


def package_dialog(qtbot, ctx: AppContext, *files: Path) -> PackageImportDialog:
    dlg = PackageImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.resize(1000, 600)
    dlg.show()
    dlg.choose_files = lambda: list(files)  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.verified, timeout=20000):
        qtbot.mouseClick(dlg.ui.addButton, Qt.MouseButton.LeftButton)
    return dlg


def row(dlg: PackageImportDialog, name: str) -> list[str]:
    tree = dlg.ui.tree
    item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == name)
    return [item.text(c) for c in range(6)] + [item.child(i).text(0)
                                               for i in range(item.childCount())]


def test_import_a_package_and_the_province_holds_the_district(
    qtbot, packages: dict[str, Path], province: AppContext
) -> None:
    dlg = package_dialog(qtbot, province, packages[NS], packages["bac-ai.zip"])
    assert row(dlg, NS)[:6] == ["ninh-son.zip", "Huyện Ninh Sơn", "ninh-son-2022",
                                "Năm 2023 (sơ kết)", "7/8 đơn vị", "Hợp lệ — chờ nhập"]
    again = row(dlg, "bac-ai.zip")
    assert again[1] == "Huyện Bác Ái" and again[5].startswith("Hợp lệ — đã có số liệu")
    before = counts(province.db)

    asked: list[str] = []
    dlg.ask = lambda title, text, yes: asked.append(text) or False  # type: ignore[method-assign]
    assert not dlg.start_import()
    assert "Huyện Bác Ái, kỳ Năm 2023 (sơ kết) (gói bac-ai.zip)" in asked[0]
    assert "Huyện Ninh Sơn" not in asked[0], "only the districts already imported are listed"
    assert counts(province.db) == before, "'Không' writes nothing, not even the new district"

    dlg.ask = lambda title, text, yes: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.run_finished, timeout=20000) as done, \
            qtbot.waitSignal(province.data_changed):
        qtbot.mouseClick(dlg.ui.importButton, Qt.MouseButton.LeftButton)
    assert [(r.unit_name, r.replaced) for r in done.args[0]] == [
        ("Huyện Ninh Sơn", False), ("Huyện Bác Ái", True)]
    assert row(dlg, NS)[5] == "Đã nhập" and row(dlg, "bac-ai.zip")[5] == "Đã thay thế số liệu cũ"
    assert "Huyện Ninh Sơn (Năm 2023 (sơ kết))" in _plain(dlg.ui.statusLabel)
    assert not dlg.ui.importButton.isEnabled()
    from sqlalchemy import select

    from desktop.actions.packages import REASON
    from desktop.store.models import AuditRow

    with province.db.reading() as s:  # the same reason as `thidua import-package`
        assert s.scalars(select(AuditRow.summary).where(AuditRow.table_name == "submission")
                         .order_by(AuditRow.id.desc()).limit(1)).one() == REASON

    # the district's values are its aggregates; the province's, the sum over both
    district = aggregates(packages["district_db"])
    report = province.report("2023")
    ns = report.unit("huyen-ninh-son").submission
    assert ns is not None
    hscv = district["HSCV_MANG"]
    assert (ns.values["HSCV_MANG"].numerator, ns.values["HSCV_MANG"].denominator) == (
        hscv.numerator, hscv.denominator) == (3257, 4240)
    total = next(a for a in report.aggregates if a.code == "HSCV_MANG")
    assert (total.numerator, total.denominator) == (2 * 3257, 2 * 4240)


def test_a_district_seen_for_the_first_time_is_asked_with_its_fingerprint(
    qtbot, packages: dict[str, Path], province: AppContext
) -> None:
    from desktop.domain.fingerprint import fingerprint

    dlg = package_dialog(qtbot, province, packages[NS])
    assert row(dlg, NS)[5] == "Hợp lệ — chờ nhập"
    before = counts(province.db)
    asked: list[tuple[str, str]] = []
    dlg.ask = lambda title, text, yes: asked.append((title, text)) or False  # type: ignore[method-assign]
    assert not dlg.start_import()
    fp = fingerprint(read_package(packages[NS]).public_key)
    assert asked[0][0] == "Đơn vị gửi gói lần đầu"
    assert f"Huyện Ninh Sơn: {fp}" in asked[0][1] and "đối chiếu" in asked[0][1]
    assert counts(province.db) == before, "declined: nothing written, nothing remembered"
    assert "chưa được tin cậy" in _plain(dlg.ui.statusLabel)


def test_a_new_province_database_from_a_district_database(
    qtbot, tmp_path: Path, packages: dict[str, Path], ctx: AppContext
) -> None:
    """The district's own database refuses packages with the store's message; the same
    package then makes a new province database whose numbers are the district's."""
    from desktop.store.province import import_packages

    dlg = package_dialog(qtbot, ctx, packages[NS])
    with ctx.db.sessions() as s:
        with pytest.raises(DomainError) as refused:
            import_packages(s, [read_package(packages[NS])])
        s.rollback()
    tree_item = dlg.ui.tree.topLevelItem(0)
    assert tree_item.text(5) == "Bị từ chối"
    assert tree_item.toolTip(5) == refused.value.message, "the store's message, as is"
    assert "không phải cơ sở dữ liệu tổng hợp cấp tỉnh" in " ".join(row(dlg, NS)[6:])
    assert not dlg.ui.importButton.isEnabled() and dlg.ui.newDatabaseButton.isEnabled()
    assert "cơ sở dữ liệu tổng hợp mới" in _plain(dlg.ui.statusLabel)

    target = tmp_path / "TongHop_CDS.db"
    dlg.choose_new_database = lambda: target  # type: ignore[method-assign]
    dlg.ask = lambda title, text, yes: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.open_requested, timeout=20000) as opened:
        qtbot.mouseClick(dlg.ui.newDatabaseButton, Qt.MouseButton.LeftButton)
    assert opened.args == [target]
    assert row(dlg, NS)[5] == "Đã nhập vào cơ sở dữ liệu tổng hợp mới"
    district, got = aggregates(packages["district_db"]), aggregates(target)
    for code, a in district.items():
        if a.kind.value in ("ratio", "count", "percent", "score") and a.units_reporting:
            b = got[code]
            assert (b.numerator, b.denominator, round(b.value, 2)) == (
                a.numerator, a.denominator, round(a.value, 2)), code
    # an existing file is never taken for a new database
    dlg2 = package_dialog(qtbot, ctx, packages[NS])
    dlg2.choose_new_database = lambda: target  # type: ignore[method-assign]
    assert not dlg2.start_new_database()
    assert "đã có" in _plain(dlg2.ui.statusLabel)


def _tamper(src: Path, dst: Path, how: str) -> Path:
    with zipfile.ZipFile(src) as z:
        m = {n: z.read(n) for n in z.namelist()}
    if how == "checksum":
        m["data.json"] = m["data.json"].replace(b'"numerator": 3257', b'"numerator": 4000')
    else:
        manifest = json.loads(m["manifest.json"])
        if how == "version":
            manifest["format_version"] = "9"
        else:
            m["../evil.txt"] = b"x"
            manifest["sha256"]["../evil.txt"] = hashlib.sha256(b"x").hexdigest()
        m["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in m.items():
            z.writestr(name, data)
    return dst


@pytest.mark.parametrize(("how", "words"), [
    ("checksum", "mã kiểm tra SHA-256 của data.json không khớp"),
    ("version", "phiên bản định dạng “9” không được hỗ trợ"),
    ("escape", "đường dẫn không an toàn “../evil.txt”"),
])
def test_a_tampered_package_is_refused_and_nothing_written(
    qtbot, tmp_path: Path, packages: dict[str, Path], province: AppContext, how: str, words: str
) -> None:
    bad = _tamper(packages[NS], tmp_path / "sua.zip", how)
    before = counts(province.db)
    dlg = package_dialog(qtbot, province, bad)
    r = row(dlg, "sua.zip")
    assert r[5] == "Bị từ chối"
    assert words in dlg.ui.tree.topLevelItem(0).toolTip(5)
    assert "Không có gì được ghi" in dlg.ui.tree.topLevelItem(0).toolTip(5)
    assert not dlg.ui.importButton.isEnabled() and not dlg.start_import()
    assert not dlg.ui.newDatabaseButton.isEnabled()
    assert counts(province.db) == before


# ---- screenshots: THIDUA_SCREENSHOTS=docs/screenshots pytest -k screenshots -------------


def test_screenshots(qtbot, qapp, tmp_path: Path, packages: dict[str, Path],
                     ctx: AppContext, province: AppContext) -> None:
    from PySide6.QtGui import QFont

    out = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    old_font = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 10))
    shots: list[Path] = []

    def shot(widget, name: str, w: int, h: int) -> None:
        widget.resize(w, h)
        qtbot.wait(50)
        path = out / f"{name}.png"
        assert widget.grab().save(str(path))
        shots.append(path)

    try:
        usb = tmp_path / "USB" / "BaoCao-2023"
        usb.mkdir(parents=True)
        dlg = make_export_dialog(qtbot, ctx, usb)
        dlg.ui.numberEdit.insert("12")
        dlg.ui.dateEdit.setDate(QDate(2024, 1, 5))
        with qtbot.waitSignal(dlg.run_finished, timeout=60000):
            dlg.start()
        shot(dlg, "bao-cao-cap-tren", 860, 600)

        inbox = tmp_path / "nhan-ve"
        inbox.mkdir()
        ns = inbox / "GoiDuLieu_CDS_Ninh-Son_2023.zip"
        ba = inbox / "GoiDuLieu_CDS_Bac-Ai_2023.zip"
        shutil.copyfile(packages[NS], ns)
        shutil.copyfile(packages["bac-ai.zip"], ba)
        bad = _tamper(packages[NS], inbox / "GoiDuLieu_CDS_Thuan-Bac_2023.zip", "checksum")
        imp = package_dialog(qtbot, province, ns, ba, bad)
        imp.ui.receivedEdit.setDate(QDate(2023, 12, 20))
        imp.resize(1100, 560)
        imp.refresh()
        shot(imp, "nhap-goi-du-lieu", 1100, 560)
    finally:
        qapp.setFont(old_font)
    assert all(p.stat().st_size > 10_000 for p in shots)


def first_version_package(src: Path, dst: Path) -> Path:
    """The package as a version before signing wrote it: format 1, no signature.json."""
    with zipfile.ZipFile(src) as z:
        m = {n: z.read(n) for n in z.namelist() if n != "signature.json"}
    data = json.loads(m["data.json"])
    data["format_version"] = "1"
    m["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    manifest = json.loads(m["manifest.json"])
    manifest["format_version"] = "1"
    manifest["sha256"] = {n: hashlib.sha256(d).hexdigest() for n, d in m.items()
                          if n != "manifest.json"}
    m["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(dst, "w") as z:
        for name, data_bytes in m.items():
            z.writestr(name, data_bytes)
    return dst


def test_a_first_version_unsigned_package_is_imported_only_once_confirmed(
    qtbot, tmp_path: Path, packages: dict[str, Path], province: AppContext
) -> None:
    old = first_version_package(packages[NS], tmp_path / "cu.zip")
    before = counts(province.db)
    dlg = package_dialog(qtbot, province, old)
    asked: list[tuple[str, str]] = []
    dlg.ask = lambda title, text, yes: asked.append((title, text)) or False  # type: ignore[method-assign]
    assert not dlg.start_import()
    titles = [t for t, _x in asked]
    assert "Gói chưa ký" in titles
    text = dict(asked)["Gói chưa ký"]
    assert "cu.zip" in text and "không có chữ ký" in text
    assert "chưa ký không được nhập" in _plain(dlg.ui.statusLabel)
    assert counts(province.db) == before  # declined: nothing written

    dlg.ask = lambda title, text, yes: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.run_finished, timeout=20000) as done:
        qtbot.mouseClick(dlg.ui.importButton, Qt.MouseButton.LeftButton)
    assert [r.unit_name for r in done.args[0]] == ["Huyện Ninh Sơn"]
    assert counts(province.db) != before


def test_a_signed_package_stripped_of_its_signature_is_refused(
    qtbot, tmp_path: Path, packages: dict[str, Path], province: AppContext
) -> None:
    with zipfile.ZipFile(packages[NS]) as z:
        m = {n: z.read(n) for n in z.namelist() if n != "signature.json"}
    stripped = tmp_path / "go-chu-ky.zip"
    with zipfile.ZipFile(stripped, "w") as z:
        for name, data in m.items():
            z.writestr(name, data)
    before = counts(province.db)
    dlg = package_dialog(qtbot, province, stripped)
    assert row(dlg, "go-chu-ky.zip")[5] == "Bị từ chối"
    tip = dlg.ui.tree.topLevelItem(0).toolTip(5)
    assert "gói định dạng 2 (có chữ ký) nhưng thiếu signature.json" in tip
    assert not dlg.ui.importButton.isEnabled() and not dlg.start_import()
    assert counts(province.db) == before
