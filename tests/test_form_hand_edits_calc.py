"""Every hand edit of issue 16 made in LibreOffice Calc, under en-US (month first, decimal
point) and vi-VN (decimal comma), the way a commune officer makes it: the values typed in
Calc by the locale's rules (tests/lo_calc.py), then the sheet unprotected (no password)
and the edit made with Calc's own operations (tests/lo_edit.py), saved as .xlsx by Calc.

Each file is then imported: either every value the form holds is stored (the import says
how many) or the file is refused with the edit's own reason, naming the cell, and nothing
is stored. (A formula without a cached result cannot come from Calc, which always saves
the result: test_forms.test_formula_refused covers it.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.plan import Plan
from desktop.domain.values import Value
from desktop.exchange.form_reader import FormRejected, read_form
from tests.test_form_dates import _soffice, _uno, type_in_calc
from tests.test_forms import SAMPLE, cell_of, fill, make_form
from tests.test_forms import plan as plan  # noqa: F401  (the module fixture)

ROOT = Path(__file__).resolve().parents[1]
FILLED = sum(1 for v in SAMPLE.values() if not v.is_blank)

# edits after which every value is read exactly
READ_EXACTLY = [
    "blank_row", "blank_rows_header_down", "blank_column", "blank_columns_first",
    "rows_sorted", "notes_sheet",
]  # fmt: skip

# edits refused: (the cell named, or None for the file; the start of the reason)
REFUSED: dict[str, tuple[str | None, str]] = {
    "missing_row": (None, "thiếu dòng của chỉ tiêu 'SANG_KIEN' (Số sáng kiến"),
    "duplicate_code": ("A24", "chỉ tiêu 'OCOP_TMDT' xuất hiện hai lần (đã có ở ô A23)"),
    "unknown_code": ("A18", "mã chỉ tiêu 'SANG_KIEN_MOI' không có trong kế hoạch"),
    "codes_swapped": ("A18", "mã 'DIEM_DTI' nằm trên dòng của chỉ tiêu 'SANG_KIEN'"),
    "merged_code": ("A18", "ô bị gộp (merge) thành vùng A18:A19"),
    "merged_input": ("D13", "ô bị gộp (merge) thành vùng D13:E13"),
    "hidden_row": ("A19", "dòng 19 của bảng đang bị ẩn"),
    "hidden_baocao": (None, "trang tính 'BaoCao' đang bị ẩn"),
    "renamed_baocao": (None, "trang tính 'BaoCao' đã bị đổi tên thành 'Báo cáo'"),
    "formula_cached": ("F18", "ô chứa công thức =1+1 (kết quả 2); chỉ nhập giá trị"),
    "heading_changed": ("A7", "phần đầu biểu mẫu ghi đơn vị 'Xã Quảng Sơn (mã đơn vị: 22816)'"),
}

TYPED = {"en-US": "72.5", "vi-VN": "72,5"}  # the score as each locale writes 72½


def edit_in_calc(locale: str, form: Path, folder: Path, names: list[str]) -> dict[str, Path]:
    """Run tests/lo_edit.py; a Calc that died is started again for the edits not saved."""
    log = ""
    for attempt in range(3):
        missing = [n for n in names if not (folder / f"{n}.xlsx").is_file()]
        if not missing:
            break
        work = folder / f"work-{attempt}"
        work.mkdir()
        result = subprocess.run(
            ["/usr/bin/python3", str(ROOT / "tests/lo_edit.py"), locale, str(form), str(folder),
             str(work), *missing],
            capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": str(work)},
        )  # fmt: skip
        for line in result.stdout.splitlines():
            if line.startswith("{") and "error" in json.loads(line):
                log += line + "\n"
        log += result.stderr[-2000:]
    missing = [n for n in names if not (folder / f"{n}.xlsx").is_file()]
    assert not missing, (missing, log)
    return {n: folder / f"{n}.xlsx" for n in names}


@pytest.fixture(scope="module", params=["en-US", "vi-VN"])
def edited(request, plan: Plan, tmp_path_factory) -> tuple[str, dict[str, Path]]:  # noqa: F811
    locale = request.param
    folder = tmp_path_factory.mktemp(f"calc-{locale}")
    form = fill(
        make_form(plan, folder), plan, {**SAMPLE, "DIEM_DTI": Value(), "NGAY_KH_PD": Value()}
    )
    ws = openpyxl.load_workbook(form)["BaoCao"]
    score, day = cell_of(ws, "DIEM_DTI", "Giá trị"), cell_of(ws, "NGAY_KH_PD", "Giá trị")
    typed = folder / "typed.xlsx"
    got = type_in_calc(locale, form, typed, {score: TYPED[locale], day: "20/09/2022"})
    assert got["invalid"] == [], got  # what the form asks for gets no Stop message
    assert read_form(typed, plan).values == SAMPLE  # 72,5 and 20 September, typed in Calc
    out = folder / "edited"
    out.mkdir()
    return locale, edit_in_calc(locale, typed, out, READ_EXACTLY + list(REFUSED))


@pytest.mark.parametrize("name", READ_EXACTLY)
@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not _uno(), reason="python3-uno is not installed")
def test_edits_in_calc_read_exactly(plan: Plan, edited, name: str) -> None:
    _locale, files = edited
    data = read_form(files[name], plan)
    assert data.values == SAMPLE
    assert data.filled == FILLED


@pytest.mark.parametrize("name", list(REFUSED))
@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not _uno(), reason="python3-uno is not installed")
def test_edits_in_calc_refused_with_their_reason(plan: Plan, edited, name: str) -> None:
    _locale, files = edited
    cell, start = REFUSED[name]
    with pytest.raises(FormRejected) as info:
        read_form(files[name], plan)
    first = info.value.problems[0]
    assert (first.cell, first.reason[: len(start)]) == (cell, start)


@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not _uno(), reason="python3-uno is not installed")
def test_the_import_stores_what_each_calc_file_holds_or_nothing(
    plan: Plan, edited, tmp_path: Path
) -> None:
    from desktop.actions.forms import Status, import_forms
    from desktop.store.database import Database
    from desktop.store.plans import install_plan
    from desktop.store.submissions import find_submission

    _locale, files = edited
    with Database.open(tmp_path / "x.db", create=True, backup=False) as db:
        with db.transaction("test") as s:
            install_plan(s, plan)
        for name in list(REFUSED):  # first: a refused file stores nothing
            (o,) = import_forms(db, [files[name]], received_on=dt.date(2023, 12, 10))
            assert o.status is Status.REFUSED and o.stored == 0, name
            assert o.message().startswith("Từ chối ") and "đã lưu" not in o.message(), name
            with db.reading() as s:
                assert find_submission(s, "22813", "2023") is None, name
        for i, name in enumerate(READ_EXACTLY):
            (o,) = import_forms(db, [files[name]], received_on=dt.date(2023, 12, 10), replace=True)
            assert o.status is (Status.IMPORTED if i == 0 else Status.REPLACED), (name, o)
            assert o.stored == FILLED, name
            assert f"đã lưu {FILLED} giá trị" in o.message(), (name, o.message())
