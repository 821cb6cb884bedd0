"""A criterion judged in some periods only is no column of the other periods' tables.

Ninh Sơn's plan asks the communes to issue their launch plan by 20/09/2022 (XA_KE_HOACH,
VI.1): a 2022 task. Before, every 2023 table carried its column anyway — blank and
uncoloured on Kiểm tra, a column of nothing in the workbook, a row of zeros in the
official PDF — which nobody could explain to a reader.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.plan_catalog import load_bundled
from desktop.store.database import Database

LAUNCH = "XA_KE_HOACH"
LAUNCH_NAME = "Ban hành Kế hoạch phát động Phong trào đúng hạn"


def test_criteria_judged_follow_the_period_and_the_unit_kinds() -> None:
    plan = load_bundled("ninh-son-2022")
    in_2022 = [c.code for c in plan.criteria_judged(["commune"], "2022")]
    in_2023 = [c.code for c in plan.criteria_judged(["commune"], "2023")]
    assert LAUNCH in in_2022 and LAUNCH not in in_2023
    assert [c for c in in_2022 if c != LAUNCH] == in_2023, "the others stay, in plan order"
    assert LAUNCH in [c.code for c in plan.criteria_judged(["commune"])], "no period: all"
    assert not any(c.startswith("XA_") for c in
                   (c.code for c in plan.criteria_judged(["department"], "2022")))
    assert plan.criteria_judged([], "2022") == []


def _export(db: Path, period: str, folder: Path) -> tuple[Path, Path]:
    xlsx, pdf = folder / f"tong-hop-{period}.xlsx", folder / f"bao-cao-{period}.pdf"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), "export", "--period", period,
                     "--xlsx", str(xlsx), "--pdf", str(pdf)])
    assert code == 0, err.getvalue()
    return xlsx, pdf


def _tonghop_header(xlsx: Path) -> str:
    ws = openpyxl.load_workbook(xlsx, read_only=True)["TongHop"]
    return " ".join(str(v) for row in ws.iter_rows(max_row=10, values_only=True)
                    for v in row if v is not None)


def _pdf_text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run([tool, "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_the_workbook_and_the_pdf_of_2023_have_no_2022_only_criterion(
    demo_db: Path, tmp_path: Path
) -> None:
    xlsx_2023, pdf_2023 = _export(demo_db, "2023", tmp_path)
    xlsx_2022, pdf_2022 = _export(demo_db, "2022", tmp_path)
    assert LAUNCH not in _tonghop_header(xlsx_2023)
    assert LAUNCH in _tonghop_header(xlsx_2022)
    assert "XA_SANG_KIEN" in _tonghop_header(xlsx_2023)
    # the PDF's table of mandatory criteria: no row of zeros for 2023
    assert "Ban hành Kế hoạch phát động Phong" not in _pdf_text(pdf_2023)
    assert "Ban hành Kế hoạch phát động Phong" in _pdf_text(pdf_2022)


def test_the_printed_check_table_of_2023_has_no_2022_only_column(demo_db: Path) -> None:
    from desktop.ui import print_actions

    with Database.open(demo_db) as db:
        assert LAUNCH_NAME not in print_actions.check_table_html(db, "2023")
        assert LAUNCH_NAME in print_actions.check_table_html(db, "2022")
