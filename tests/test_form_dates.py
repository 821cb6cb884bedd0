"""Dates in a form are typed as text dd/mm/yyyy in a text cell with its own check
(format 2), so that no spreadsheet reads them by its regional settings; forms of
format 1 (date cells) still import.

The LibreOffice tests type into the form with Calc set to en-US (month first) and to
vi-VN, as a commune officer would, and import what Calc saved.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.plan import Plan
from desktop.domain.values import Value
from desktop.exchange.form_cells import as_day
from desktop.exchange.form_reader import FormRejected, read_form
from desktop.exchange.form_template import DATE_HOW, FORMAT_VERSION, date_check
from desktop.exchange.xlsx_cells import read_book
from tests.test_forms import SAMPLE, cell_of, edit, fill, make_form, put
from tests.test_forms import plan as plan  # noqa: F401  (the module fixture)

ROOT = Path(__file__).resolve().parents[1]
FORMAT_1 = ROOT / "tests/data/forms/BaoCao_format1_blank.xlsx"  # made by the release before


def footer_cell(ws, label: str = "Ngày lập:") -> str:
    for row in ws.iter_rows():
        for c in row:
            if c.value == label:
                return ws.cell(c.row, c.column + 1).coordinate
    raise AssertionError(label)


def test_date_cells_are_text_with_a_check_and_say_how_to_type(plan: Plan, tmp_path: Path) -> None:
    form = make_form(plan, tmp_path)
    wb = openpyxl.load_workbook(form)
    ws = wb["BaoCao"]
    for ref in (cell_of(ws, "NGAY_KH_PD", "Giá trị"), footer_cell(ws)):
        assert ws[ref].number_format == "@"  # text: Calc and Excel keep what is typed
        (dv,) = [d for d in ws.data_validations.dataValidation if ref in d.sqref]
        assert dv.type == "custom" and dv.formula1 == date_check(ref)
        assert dv.errorStyle == "stop" and "05/09/2022" in dv.prompt
        assert len(dv.formula1) <= 255  # Excel's limit for a validation formula
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(DATE_HOW in t for t in texts), "the instruction says how to type a date"
    assert read_form(form, plan).format_version == FORMAT_VERSION == "2"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("05/09/2022", dt.date(2022, 9, 5)),
        ("5/9/2022", dt.date(2022, 9, 5)),
        (" 20/09/2022 ", dt.date(2022, 9, 20)),
        ("2022-09-05", dt.date(2022, 9, 5)),
        (dt.date(2022, 9, 5), dt.date(2022, 9, 5)),  # a real date pasted from elsewhere
    ],
)
def test_a_typed_date_is_day_first_always(plan: Plan, tmp_path: Path, typed, day) -> None:
    form = make_form(plan, tmp_path)
    put(form, {("NGAY_KH_PD", "Giá trị"): typed})
    assert read_form(form, plan).values["NGAY_KH_PD"] == Value(day=day)


def test_format_1_forms_still_import(plan: Plan, tmp_path: Path) -> None:
    """A form of the previous release (date cells with a date format) reads as before."""
    form = tmp_path / FORMAT_1.name
    shutil.copyfile(FORMAT_1, form)
    fill(form, plan, SAMPLE)  # the day entered as a date, as Excel stores a typed date

    def footer(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws[footer_cell(ws)] = dt.datetime(2023, 12, 10)

    edit(form, footer)
    data = read_form(form, plan)
    assert data.format_version == "1"
    assert data.values == SAMPLE and data.prepared_on == dt.date(2023, 12, 10)


# ---- LibreOffice Calc under two regional settings ---------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno() -> bool:
    try:
        return (
            subprocess.run(
                ["/usr/bin/python3", "-c", "import uno"], capture_output=True, timeout=30
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def type_in_calc(locale: str, form: Path, out: Path, entries: dict[str, str]) -> dict:
    """Calc types `entries` ({cell: text}) into a copy of `form` saved as `out`.

    Calc 7.4 headless now and then dies while starting or saving under load (see
    ENVIRONMENT.md): a run that printed nothing is tried again, at most three times."""
    args = [f"BaoCao!{ref}={text}" for ref, text in entries.items()]
    log = ""
    for attempt in range(3):
        work = out.parent / f"lo-{locale}-{out.stem}-{attempt}"
        work.mkdir()
        out.unlink(missing_ok=True)
        result = subprocess.run(
            ["/usr/bin/python3", str(ROOT / "tests/lo_calc.py"), locale, str(form), str(out),
             str(work), *args],
            capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(work)},
        )  # fmt: skip
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if lines and out.is_file():
            return json.loads(lines[-1])
        log += f"attempt {attempt}: {result.stdout}{result.stderr}\n"
    raise AssertionError(log)


@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(
    not _uno(), reason="python3-uno (Debian's uno for /usr/bin/python3) is not installed"
)
@pytest.mark.parametrize(("locale", "percent"), [("en-US", "72.5"), ("vi-VN", "72,5")])
def test_dates_typed_in_calc_are_stored_exactly(
    plan: Plan, tmp_path: Path, locale: str, percent: str
) -> None:
    form = make_form(plan, tmp_path)
    ws = openpyxl.load_workbook(form)["BaoCao"]
    day_ref, footer_ref = cell_of(ws, "NGAY_KH_PD", "Giá trị"), footer_cell(ws)
    count_ref, pct_ref = cell_of(ws, "SANG_KIEN", "Giá trị"), cell_of(ws, "DIEM_DTI", "Giá trị")
    out = tmp_path / "saved.xlsx"
    got = type_in_calc(
        locale,
        form,
        out,
        {day_ref: "05/09/2022", footer_ref: "31/02/2023", count_ref: "3", pct_ref: percent},
    )
    # Calc's own check refuses only the day that does not exist; what the form asks for
    # (dd/mm/yyyy) gets no Stop message under either locale.
    assert got["invalid"] == [f"BaoCao!{footer_ref}"], got
    with zipfile.ZipFile(out) as zf:
        cells = read_book(zf).sheet("BaoCao").cells  # type: ignore[union-attr]
    day_cell = next(c for c in cells.values() if c.coordinate == day_ref)
    assert as_day(day_cell) == dt.date(2022, 9, 5)  # 5 September, never 9 May
    with pytest.raises(FormRejected) as info:
        read_form(out, plan)
    ((cell, reason),) = [(p.cell, p.reason) for p in info.value.problems]
    assert cell == footer_ref and reason == "ngày '31/02/2023' không tồn tại"

    # corrected in Calc, the whole form imports with the day, count and percent exact
    fixed = tmp_path / "fixed.xlsx"
    got = type_in_calc(locale, out, fixed, {footer_ref: "10/12/2023"})
    assert got["invalid"] == [], got
    data = read_form(fixed, plan)
    assert data.values["NGAY_KH_PD"] == Value(day=dt.date(2022, 9, 5))
    assert data.values["SANG_KIEN"] == Value(number=3)
    assert data.values["DIEM_DTI"] == Value(number=72.5)
    assert data.prepared_on == dt.date(2023, 12, 10)
    assert data.filled == 3
