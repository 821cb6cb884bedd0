"""A batch of returned forms: when one file fails for any reason the others are still
tried, and the last lines name exactly which files were imported and which were not.
"Không có gì được ghi" appears only when nothing was."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from desktop.actions import forms as form_import
from desktop.actions.forms import Status, batch_summary, import_forms
from desktop.cli import main


def _forms(db: Path, out: Path, capsys) -> list[Path]:
    out.mkdir()
    assert main(["--db", str(db), "template", "--period", "2024", "--all", "--output",
                 str(out)]) == 0  # fmt: skip
    capsys.readouterr()
    files = sorted(out.glob("*.xlsx"))[:3]
    for f in files:
        wb = openpyxl.load_workbook(f)
        ws = wb["BaoCao"]
        for row in ws.iter_rows():
            if row[0].value == "SANG_KIEN":
                ws.cell(row[0].row, 6).value = 2
        wb.save(f)
    return files


def test_a_file_failing_unexpectedly_does_not_stop_the_others(
    demo_db: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store.database import Database

    files = _forms(demo_db, tmp_path / "forms", capsys)
    real = form_import.save_new_submission
    broken = files[1].name

    def flaky(con, *args, **kw):  # the database fails for the middle file only
        if kw.get("source_file") == broken:
            raise sqlite3.InterfaceError("bad parameter or other API misuse")
        return real(con, *args, **kw)

    monkeypatch.setattr(form_import, "save_new_submission", flaky)
    with Database.open(demo_db, backup=False) as db:
        outcomes = import_forms(db, files, received_on=dt.date(2024, 12, 1))
    assert [o.status for o in outcomes] == [Status.IMPORTED, Status.REFUSED, Status.IMPORTED]
    assert "lỗi khi ghi vào cơ sở dữ liệu" in outcomes[1].problems[0]
    text = batch_summary(outcomes)
    assert f"Đã nhập 2/3 tệp:\n    {files[0].name} (1 giá trị)\n    {files[2].name}" in text
    assert f"Chưa nhập (1):\n    {broken} (bị từ chối)" in text
    assert "Không có gì được ghi" not in text  # two files were written


def test_cli_batch_lists_every_file_and_says_nothing_was_written_only_when_true(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    files = _forms(demo_db, tmp_path / "forms", capsys)
    bad = tmp_path / "forms" / "hong.xlsx"
    bad.write_bytes(b"not a workbook")
    code = main(["--db", str(demo_db), "import", str(files[0]), str(bad), str(files[1]),
                 "--received", "2024-12-01"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert "Đã nhập 2/3 tệp:" in out and "Chưa nhập (1):\n    hong.xlsx (bị từ chối)" in out
    assert "Không có gì được ghi" not in out
    code = main(["--db", str(demo_db), "import", str(bad), "--received", "2024-12-01"])
    out = capsys.readouterr().out
    assert code == 1 and "Đã nhập 0/1 tệp." in out and "Không có gì được ghi" in out


def test_a_cancelled_batch_writes_only_the_files_before_the_cancel(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    """The next file is read while one is written; a cancel still stops before the file
    it names, and the file read ahead of it leaves nothing behind."""
    from desktop.store.database import Database

    files = _forms(demo_db, tmp_path / "forms", capsys)
    seen: list[tuple[int, int, str]] = []

    def report(i: int, n: int, name: str) -> bool:
        seen.append((i, n, name))
        return i < 1  # cancel before the second file

    with Database.open(demo_db, backup=False) as db:
        outcomes = import_forms(db, files, received_on=dt.date(2024, 12, 1), report=report)
    assert [o.status for o in outcomes] == [Status.IMPORTED, Status.CANCELLED, Status.CANCELLED]
    assert seen == [(0, 3, files[0].name), (1, 3, files[1].name), (3, 3, "")]
    con = sqlite3.connect(demo_db)
    try:
        sources = {r[0] for r in con.execute("SELECT source_file FROM submission")}
        reasons = {r[0] for r in con.execute("SELECT summary FROM audit_log")}
    finally:
        con.close()
    assert files[0].name in sources and not {files[1].name, files[2].name} & sources
    assert f"Nhập biểu mẫu {files[0].name}" in reasons
    assert f"Nhập biểu mẫu {files[1].name}" not in reasons
