"""The Excel form of DESIGN.md section 5: writing it, reading it back, refusing bad files.

Every bad file is made here, from a generated form, in tmp_path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.plan import IndicatorKind, Plan, Unit
from desktop.domain.plan_schema import parse_plan
from desktop.domain.values import BLANK, Value
from desktop.exchange.form_reader import FormData, FormProblem, FormRejected, read_form
from desktop.exchange.form_template import HEADERS, form_filename, target_text, write_form

ROOT = Path(__file__).resolve().parents[1]
GENERATED_AT = dt.datetime(2023, 11, 1, 8, 30, 0)
OFFICE = "Phòng Văn hóa và Thông tin huyện Ninh Sơn"


# ---- fixtures and helpers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def plan() -> Plan:
    with (ROOT / "resources/plans/ninh-son-2022.toml").open("rb") as fh:
        return parse_plan(tomllib.load(fh))


def unit_of(plan: Plan, code: str = "22813") -> Unit:
    return next(u for u in plan.units if u.code == code)


def make_form(plan: Plan, folder: Path, unit: str = "22813", period: str = "2023") -> Path:
    u, p = unit_of(plan, unit), plan.period(period)
    path = folder / form_filename(plan, p, u)
    write_form(plan, p, u, path, office_name=OFFICE, app_version="0.1.0", generated_at=GENERATED_AT)
    return path


@pytest.fixture()
def form(plan: Plan, tmp_path: Path) -> Path:
    return make_form(plan, tmp_path)


def header(ws) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "Mã":
                cols = {c.value: c.column for c in row if isinstance(c.value, str)}
                return cell.row, cols
    raise AssertionError("no header row")


def cell_of(ws, code: str, column: str) -> str:
    """The address of `column` ('Tử số', 'Giá trị'...) in the row whose Mã is `code`."""
    hrow, cols = header(ws)
    for r in range(hrow + 1, ws.max_row + 1):
        if ws.cell(r, cols["Mã"]).value == code:
            return ws.cell(r, cols[column]).coordinate
    raise AssertionError(f"no row for {code}")


def edit(path: Path, change: Callable[[openpyxl.Workbook], None], out: Path | None = None) -> Path:
    """Open the form with openpyxl as a commune's spreadsheet would, change it, save it."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    out = out or path
    wb.save(out)
    return out


def put(path: Path, entries: dict[tuple[str, str], object]) -> Path:
    """Write raw cell values: {(indicator code, column header): value}."""

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        for (code, column), value in entries.items():
            ws[cell_of(ws, code, column)] = value

    return edit(path, change)


def fill(path: Path, plan: Plan, values: dict[str, Value]) -> Path:
    """Enter Values the way an officer types them: numbers, Có/Không, dates."""
    entries: dict[tuple[str, str], object] = {}
    for code, v in values.items():
        kind = plan.indicator(code).kind
        if kind is IndicatorKind.RATIO:
            entries[(code, "Tử số")] = _plain(v.numerator)
            entries[(code, "Mẫu số")] = _plain(v.denominator)
        elif kind is IndicatorKind.BOOL:
            entries[(code, "Giá trị")] = None if v.flag is None else ("Có" if v.flag else "Không")
        elif kind is IndicatorKind.DATE:
            entries[(code, "Giá trị")] = v.day
        else:
            entries[(code, "Giá trị")] = _plain(v.number)
    return put(path, entries)


def _plain(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def problems_of(path: Path, plan: Plan, **kw) -> list[FormProblem]:
    with pytest.raises(FormRejected) as info:
        read_form(path, plan, **kw)
    assert info.value.problems, "a rejection always says why"
    return info.value.problems


def only_problem(path: Path, plan: Plan, **kw) -> FormProblem:
    problems = problems_of(path, plan, **kw)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def rewrite_member(src: Path, out: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = change(data)
            zout.writestr(info.filename, data)
    return out


def set_meta(path: Path, key: str, value: object | None) -> Path:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == key:
                if value is None:
                    ws.delete_rows(row[0].row)
                else:
                    row[1].value = value
                return
        raise AssertionError(key)

    return edit(path, change)


SAMPLE = {
    "HSCV_MANG": Value(numerator=35, denominator=60),
    "VB_DIEN_TU": Value(numerator=1200, denominator=1200),
    "BC_PM_TINH": Value(numerator=0, denominator=0),
    "NGAY_KH_PD": Value(day=dt.date(2022, 9, 20)),
    "DANG_KY_TD": Value(flag=True),
    "SANG_KIEN": Value(number=2),
    "DIEM_DTI": Value(number=72.5),
    "CAP_QUANG_HO": Value(numerator=2950, denominator=3100),
    "CAP_QUANG_THON": BLANK,
    "TK_THANH_TOAN": Value(numerator=4100, denominator=12750),
    "OCOP_TMDT": Value(numerator=3, denominator=4),
}


# ---- the file name and the form as written ---------------------------------------------


def test_form_filename(plan: Plan) -> None:
    assert (
        form_filename(plan, plan.period("2023"), unit_of(plan, "22813"))
        == "BaoCao_2023_22813_Xa-Lam-Son.xlsx"
    )
    name = form_filename(plan, plan.period("2025"), unit_of(plan, "22810"))
    assert name == "BaoCao_2025_22810_Thi-tran-Tan-Son.xlsx"
    odd = Unit(code="X/1", name="Đội Điện lực Đô Vinh", kind="department")
    assert (
        form_filename(plan, plan.period("2022"), odd) == "BaoCao_2022_X-1_Doi-Dien-luc-Do-Vinh.xlsx"
    )
    assert name.isascii()


def test_target_texts(plan: Plan) -> None:
    t = {i.code: target_text(plan, i, "commune") for i in plan.indicators_for("commune")}
    assert t["HSCV_MANG"] == "≥ 65 %"
    assert t["VB_DIEN_TU"] == "≥ 100 %"
    assert t["DANG_KY_TD"] == "Có"
    assert t["NGAY_KH_PD"] == "Chậm nhất 20/09/2022"
    assert t["SANG_KIEN"] == "≥ 1"
    assert t["CAP_QUANG_HO"] == "> 90 % (phấn đấu)"
    assert t["DIEM_DTI"] == "Căn cứ xếp hạng"
    assert target_text(plan, plan.indicator("HSCV_MANG"), "department") == "≥ 85 %"


def test_form_structure(plan: Plan, form: Path) -> None:
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["BaoCao", "_meta"]
    ws = wb["BaoCao"]

    # heading
    texts = " | ".join(
        str(c.value) for row in ws.iter_rows(max_row=12) for c in row if c.value is not None
    )
    for part in (
        "PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN NINH SƠN",
        "Kế hoạch phát động Phong trào thi đua",
        "/KH-UBND",
        "Xã Lâm Sơn",
        "22813",
        "Năm 2023 (sơ kết)",
        "15/12/2023",
        "Hướng dẫn",
    ):
        assert part in texts, part

    # header row and one row per indicator of the unit's kind, in the plan's order
    hrow, cols = header(ws)
    assert [ws.cell(hrow, c).value for c in range(1, 8)] == list(HEADERS)
    codes = [ws.cell(r, 1).value for r in range(hrow + 1, hrow + 12)]
    assert codes == [i.code for i in plan.indicators_for("commune")]
    assert ws.cell(hrow + 12, 1).value is None
    assert "CSDL_LGSP" not in codes  # a department indicator
    name = ws[cell_of(ws, "HSCV_MANG", "Chỉ tiêu")].value
    assert "Tử số: Số hồ sơ công việc xử lý trên môi trường mạng" in str(name)
    assert "Mẫu số: Tổng số hồ sơ công việc" in str(name)
    assert ws[cell_of(ws, "HSCV_MANG", "Chỉ tiêu kế hoạch")].value == "≥ 65 %"
    # the launch-plan deadline (20/09/2022) is a 2022 task: no target on a 2023 form
    assert ws[cell_of(ws, "NGAY_KH_PD", "Chỉ tiêu kế hoạch")].value is None

    # protection without a password; input cells unlocked, the others locked
    assert ws.protection.sheet is True
    assert not ws.protection.password
    assert wb.security is not None and wb.security.lockStructure
    inputs: dict[str, str] = {}
    for ind in plan.indicators_for("commune"):
        if ind.kind is IndicatorKind.RATIO:
            inputs[cell_of(ws, ind.code, "Tử số")] = "ratio"
            inputs[cell_of(ws, ind.code, "Mẫu số")] = "ratio"
            grey = [cell_of(ws, ind.code, "Giá trị")]
        else:
            inputs[cell_of(ws, ind.code, "Giá trị")] = ind.kind.value
            grey = [cell_of(ws, ind.code, "Tử số"), cell_of(ws, ind.code, "Mẫu số")]
        for ref in grey:
            assert ws[ref].protection.locked, ref
            assert ws[ref].fill.fgColor.rgb.endswith("D9D9D9"), ref
        for col in ("Mã", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch"):
            assert ws[cell_of(ws, ind.code, col)].protection.locked
    for ref in inputs:
        assert ws[ref].protection.locked is False, ref
    footer = {}
    for row in ws.iter_rows(min_row=hrow + 12):
        for c in row:
            if c.value in ("Người lập biểu:", "Số điện thoại:", "Ngày lập:"):
                footer[c.value] = ws.cell(c.row, c.column + 1)
    assert set(footer) == {"Người lập biểu:", "Số điện thoại:", "Ngày lập:"}
    assert all(c.protection.locked is False for c in footer.values())
    assert footer["Ngày lập:"].number_format == "@"  # a date is typed as text (format 2)
    assert "NGƯỜI LẬP BIỂU" in texts or any(
        c.value == "NGƯỜI LẬP BIỂU" for row in ws.iter_rows() for c in row
    )
    assert any(c.value == "THỦ TRƯỞNG ĐƠN VỊ" for row in ws.iter_rows() for c in row)

    # data validation on every input cell, of the right type, refusing bad entries
    def validation(ref: str):
        found = [dv for dv in ws.data_validations.dataValidation if ref in dv.sqref]
        assert len(found) == 1, ref
        dv = found[0]
        assert dv.showErrorMessage and dv.errorStyle in (None, "stop") and dv.allow_blank
        return dv

    expected = {
        "ratio": "custom",
        "percent": "decimal",
        "count": "whole",
        "bool": "list",
        "date": "custom",
        "score": "decimal",
    }
    for ref, kind in inputs.items():
        dv = validation(ref)
        assert dv.type == expected[kind], (ref, dv.type)
        if kind == "bool":
            assert dv.formula1 == '"Có,Không"'
        if kind == "percent":
            assert (dv.operator, dv.formula1, dv.formula2) == ("between", "0", "100")
        if kind == "date":
            assert ws[ref].number_format == "@"
    n_ref = cell_of(ws, "HSCV_MANG", "Tử số")
    d_ref = cell_of(ws, "HSCV_MANG", "Mẫu số")
    assert f"{n_ref}<={d_ref}" in validation(n_ref).formula1
    assert f"INT({n_ref})" in validation(n_ref).formula1
    assert f"{n_ref}<={d_ref}" in validation(d_ref).formula1
    assert validation(footer["Ngày lập:"].coordinate).type == "custom"

    # print: A4 portrait, one page wide and tall, a print title, margins, font
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 1)
    assert ws.print_title_rows == f"${hrow}:${hrow}"
    assert 0.4 <= ws.page_margins.left <= 1.2 and 0.3 <= ws.page_margins.top <= 1.0
    assert ws[cell_of(ws, "HSCV_MANG", "Chỉ tiêu")].alignment.wrap_text
    assert ws.cell(hrow, 2).font.name == "Times New Roman" and ws.cell(hrow, 2).font.sz == 12
    assert ws.column_dimensions["B"].width >= 40

    # _meta: hidden key/value rows
    meta = wb["_meta"]
    assert meta.sheet_state == "hidden"
    kv = {r[0].value: r[1].value for r in meta.iter_rows()}
    assert kv == {
        "format_version": "2",
        "plan": "ninh-son-2022",
        "period": "2023",
        "unit": "22813",
        "generated_at": "2023-11-01T08:30:00",
        "app_version": "0.1.0",
    }


def test_department_form_has_its_own_indicators(plan: Plan, tmp_path: Path) -> None:
    dept = Unit(code="PVHTT", name="Phòng Văn hóa và Thông tin", kind="department")
    path = tmp_path / "dept.xlsx"
    write_form(
        plan,
        plan.period("2023"),
        dept,
        path,
        office_name=OFFICE,
        app_version="0.1.0",
        generated_at=GENERATED_AT,
    )
    ws = openpyxl.load_workbook(path)["BaoCao"]
    assert cell_of(ws, "CSDL_LGSP", "Tử số")
    assert ws[cell_of(ws, "HSCV_MANG", "Chỉ tiêu kế hoạch")].value == "≥ 85 %"
    data = read_form(path, plan, known_units={"PVHTT": "department"})
    assert data.unit == "PVHTT" and "CSDL_LGSP" in data.values and "OCOP_TMDT" not in data.values


# ---- reading back -------------------------------------------------------------------------


def test_blank_form_reads_as_blank(plan: Plan, form: Path) -> None:
    data = read_form(form, plan)
    assert isinstance(data, FormData)
    assert (data.plan, data.period, data.unit, data.format_version) == (
        "ninh-son-2022",
        "2023",
        "22813",
        "2",
    )
    assert data.generated_at == GENERATED_AT and data.app_version == "0.1.0"
    assert set(data.values) == {i.code for i in plan.indicators_for("commune")}
    assert all(v.is_blank for v in data.values.values())
    assert (data.prepared_by, data.phone, data.prepared_on) == (None, None, None)
    import hashlib

    assert data.source_sha256 == hashlib.sha256(form.read_bytes()).hexdigest()


def test_round_trip(plan: Plan, form: Path) -> None:
    fill(form, plan, SAMPLE)

    def footer(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        for row in ws.iter_rows():
            for c in row:
                if c.value == "Người lập biểu:":
                    ws.cell(c.row, c.column + 1).value = "Nguyễn Thị Hồng Nhung"
                elif c.value == "Số điện thoại:":
                    ws.cell(c.row, c.column + 1).value = 912345678  # typed as a number
                elif c.value == "Ngày lập:":
                    ws.cell(c.row, c.column + 1).value = dt.date(2023, 12, 10)

    edit(form, footer)
    data = read_form(form, plan)
    assert data.values == SAMPLE
    assert data.prepared_by == "Nguyễn Thị Hồng Nhung"
    assert data.phone == "0912345678"
    assert data.prepared_on == dt.date(2023, 12, 10)


def test_lenient_but_exact_entries(plan: Plan, form: Path) -> None:
    """What an officer really types: a date as text, 'có' in lower case, '72,5%'."""

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws[cell_of(ws, "NGAY_KH_PD", "Giá trị")] = "05/9/2022"
        ws[cell_of(ws, "DANG_KY_TD", "Giá trị")] = " không "
        dti = ws[cell_of(ws, "DIEM_DTI", "Giá trị")]
        dti.value = 0.725
        dti.number_format = "0.00%"
        ws[cell_of(ws, "SANG_KIEN", "Giá trị")] = "  "  # spaces are blank

    edit(form, change)
    v = read_form(form, plan).values
    assert v["NGAY_KH_PD"] == Value(day=dt.date(2022, 9, 5))
    assert v["DANG_KY_TD"] == Value(flag=False)
    assert v["DIEM_DTI"] == Value(number=72.5)
    assert v["SANG_KIEN"] == BLANK


def _value_for(kind: IndicatorKind) -> st.SearchStrategy[Value]:
    big = 10**12
    if kind is IndicatorKind.RATIO:
        ratio = st.integers(0, big).flatmap(
            lambda d: st.integers(0, d).map(
                lambda n: Value(numerator=float(n), denominator=float(d))
            )
        )
        return st.one_of(st.just(BLANK), ratio)
    # Decimals as an officer types them (at most 2 places; openpyxl itself writes only
    # 16 significant digits, so arbitrary doubles would not survive any writer).
    if kind is IndicatorKind.PERCENT:
        return st.one_of(
            st.just(BLANK), st.integers(0, 10_000).map(lambda k: Value(number=k / 100))
        )
    if kind is IndicatorKind.COUNT:
        return st.one_of(st.just(BLANK), st.integers(0, big).map(lambda n: Value(number=float(n))))
    if kind is IndicatorKind.SCORE:
        return st.one_of(
            st.just(BLANK), st.integers(0, 10**11).map(lambda k: Value(number=k / 100))
        )
    if kind is IndicatorKind.BOOL:
        return st.sampled_from([BLANK, Value(flag=True), Value(flag=False)])
    if kind is IndicatorKind.DATE:
        return st.one_of(
            st.just(BLANK),
            st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(lambda d: Value(day=d)),
        )
    raise AssertionError(kind)


@pytest.fixture(scope="module")
def template_bytes(plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_form(plan, tmp_path_factory.mktemp("tpl")).read_bytes()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_valid_values_come_back_identical(
    plan: Plan, template_bytes: bytes, tmp_path: Path, data: st.DataObject
) -> None:
    values = {
        ind.code: data.draw(_value_for(ind.kind), label=ind.code)
        for ind in plan.indicators_for("commune")
    }
    path = tmp_path / "BaoCao_prop.xlsx"
    path.write_bytes(template_bytes)
    fill(path, plan, values)
    assert read_form(path, plan).values == values


# ---- files that are not forms ----------------------------------------------------------------


def test_not_an_xlsx(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "BaoCao.xlsx"
    path.write_text("Số liệu: 120/100", encoding="utf-8")
    p = only_problem(path, plan)
    assert p.cell is None and "không phải tệp Excel .xlsx" in p.reason
    assert str(p).startswith("BaoCao.xlsx: ")


def test_old_xls_or_encrypted(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "BaoCao.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "tệp Excel cũ .xls hoặc tệp có đặt mật khẩu" in only_problem(path, plan).reason


def test_a_zip_that_is_not_a_workbook(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "BaoCao.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "xin chào")
    assert "thiếu [Content_Types].xml" in only_problem(path, plan).reason


def test_truncated_zip(plan: Plan, form: Path, tmp_path: Path) -> None:
    data = form.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    p = only_problem(path, plan)
    assert p.cell is None and "bị hỏng hoặc không đầy đủ" in p.reason


def test_corrupted_member(plan: Plan, form: Path, tmp_path: Path) -> None:
    data = bytearray(form.read_bytes())
    with zipfile.ZipFile(form) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "bad_crc.xlsx"
    path.write_bytes(bytes(data))
    assert "bị hỏng hoặc không đầy đủ" in only_problem(path, plan).reason


def test_oversized_file(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(10 * 1024 * 1024 + 1)
    p = only_problem(path, plan)
    assert "tệp quá lớn" in p.reason and "tối đa 10 MB" in p.reason


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return path


def test_zip_bomb_total_size(plan: Plan, tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 51 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    p = only_problem(path, plan)
    assert "dung lượng sau giải nén quá lớn" in p.reason and "zip bomb" in p.reason


def test_zip_bomb_ratio(plan: Plan, tmp_path: Path) -> None:
    path = _bomb(tmp_path / "ratio.xlsx", 5 * 1024 * 1024)
    p = only_problem(path, plan)
    assert "tỷ lệ nén bất thường" in p.reason and "zip bomb" in p.reason


def test_xml_entities_refused(plan: Plan, form: Path, tmp_path: Path) -> None:
    def inject(data: bytes) -> bytes:
        decl = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        dtd = b'<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        return decl + dtd + data

    path = rewrite_member(form, tmp_path / "xxe.xlsx", "xl/worksheets/sheet1.xml", inject)
    p = only_problem(path, plan)
    assert "DOCTYPE/ENTITY" in p.reason and "xl/worksheets/sheet1.xml" in p.reason


def test_xml_entities_hidden_in_utf16_refused(plan: Plan, form: Path, tmp_path: Path) -> None:
    def to_utf16(data: bytes) -> bytes:
        decl = '<?xml version="1.0" encoding="UTF-16"?>'
        text = decl + '<!DOCTYPE x SYSTEM "file:///etc/passwd">' + data.decode("utf-8")
        return text.encode("utf-16")

    path = rewrite_member(form, tmp_path / "xxe16.xlsx", "xl/workbook.xml", to_utf16)
    assert "DOCTYPE/ENTITY" in only_problem(path, plan).reason


def test_the_xml_parser_itself_refuses_entity_expansion() -> None:
    """The second line of defence behind the DOCTYPE refusal above (openpyxl parses with
    the standard library, not defusedxml): expat >= 2.4.1 stops a billion-laughs document
    on its own and ElementTree never fetches an external entity."""
    import pyexpat
    import xml.etree.ElementTree as ET

    assert pyexpat.version_info >= (2, 4, 1)
    lol = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    bomb = f'<!DOCTYPE x [<!ENTITY l0 "lol">{lol}]><x>&l9;</x>'
    with pytest.raises(ET.ParseError, match="amplification"):
        ET.fromstring(bomb)
    external = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    with pytest.raises(ET.ParseError):
        ET.fromstring(external)


def test_missing_file(plan: Plan, tmp_path: Path) -> None:
    assert "không tìm thấy tệp" in only_problem(tmp_path / "none.xlsx", plan).reason


def test_broken_workbook_inside_sound_zip_never_crashes(
    plan: Plan, form: Path, tmp_path: Path
) -> None:
    path = rewrite_member(
        form, tmp_path / "garbled.xlsx", "xl/workbook.xml", lambda d: d[: len(d) // 2]
    )
    p = only_problem(path, plan)
    assert p.reason == "tệp bị hỏng hoặc không đọc được" and p.cell is None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mangled_bytes_never_crash(
    plan: Plan, template_bytes: bytes, tmp_path: Path, cuts: list[tuple[int, int]]
) -> None:
    data = bytearray(template_bytes)
    for pos, byte in cuts:
        data[pos % len(data)] = byte
    path = tmp_path / "mangled.xlsx"
    path.write_bytes(bytes(data))
    try:
        read_form(path, plan)
    except FormRejected as exc:
        assert exc.problems and all(isinstance(p, FormProblem) for p in exc.problems)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    which=st.integers(0, 100),
    pos=st.integers(0, 10**6),
    cut=st.integers(0, 64),
    junk=st.binary(max_size=16) | st.sampled_from([b"<", b">", b'"', b"&amp;", b"<c r="]),
)
def test_mangled_xml_never_crashes(
    plan: Plan, template_bytes: bytes, tmp_path: Path, which: int, pos: int, cut: int, junk: bytes
) -> None:
    """Sound zip, damaged XML inside: read_form returns data or refuses, nothing else."""
    src = tmp_path / "src.xlsx"
    src.write_bytes(template_bytes)
    with zipfile.ZipFile(src) as zf:
        names = [n for n in zf.namelist() if n.endswith((".xml", ".rels"))]
    member = names[which % len(names)]

    def mangle(data: bytes) -> bytes:
        at = pos % (len(data) + 1)
        return data[:at] + junk + data[at + cut :]

    path = rewrite_member(src, tmp_path / "mangled_xml.xlsx", member, mangle)
    try:
        read_form(path, plan)
    except FormRejected as exc:
        assert exc.problems and all(isinstance(p, FormProblem) for p in exc.problems)


# ---- forms with a broken structure -------------------------------------------------------------


def test_renamed_baocao_sheet(plan: Plan, form: Path) -> None:
    edit(form, lambda wb: setattr(wb["BaoCao"], "title", "Sheet1"))
    p = only_problem(form, plan)
    assert "trang tính 'BaoCao' đã bị đổi tên thành 'Sheet1'" in p.reason


def test_missing_baocao_sheet(plan: Plan, form: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb.create_sheet("Trang1")["A1"] = "ghi chú"
        wb.remove(wb["BaoCao"])

    edit(form, change)
    p = only_problem(form, plan)
    assert "không có trang tính 'BaoCao'" in p.reason


def test_missing_header_row(plan: Plan, form: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        hrow, _ = header(ws)
        for c in range(1, 8):
            ws.cell(hrow, c).value = None

    edit(form, change)
    assert "không tìm thấy dòng tiêu đề" in only_problem(form, plan).reason


def test_missing_header_column(plan: Plan, form: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        hrow, cols = header(ws)
        ws.cell(hrow, cols["Mẫu số"]).value = "Mau"

    edit(form, change)
    assert "thiếu cột 'Mẫu số'" in only_problem(form, plan).reason


def test_table_without_rows(plan: Plan, form: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws.protection.sheet = False
        hrow, _ = header(ws)
        ws.delete_rows(hrow + 1, 11)

    edit(form, change)
    assert "không có dòng chỉ tiêu nào" in only_problem(form, plan).reason


def test_missing_meta(plan: Plan, form: Path) -> None:
    edit(form, lambda wb: wb.remove(wb["_meta"]))
    p = only_problem(form, plan)
    assert "thiếu trang thông tin ẩn '_meta'" in p.reason and p.cell is None


def test_broken_meta(plan: Plan, form: Path) -> None:
    set_meta(form, "unit", None)
    assert "trang '_meta' bị hỏng: thiếu 'unit'" in only_problem(form, plan).reason


def test_form_of_another_plan(plan: Plan, form: Path) -> None:
    set_meta(form, "plan", "binh-phuoc-2022")
    p = only_problem(form, plan)
    assert "thuộc kế hoạch 'binh-phuoc-2022', không phải kế hoạch 'ninh-son-2022'" in p.reason


def test_unknown_unit(plan: Plan, form: Path, tmp_path: Path) -> None:
    set_meta(form, "unit", "99999")
    assert "đơn vị '99999' không có trong danh sách" in only_problem(form, plan).reason
    # a unit the store added later is known through known_units, which wins
    new = dataclasses.replace(unit_of(plan), code="99999", name="Xã Mới")
    path = tmp_path / "new.xlsx"
    p = plan.period("2023")
    write_form(plan, p, new, path, office_name=OFFICE, app_version="0.1.0",
               generated_at=GENERATED_AT)  # fmt: skip
    assert read_form(path, plan, known_units={"99999": "commune"}).unit == "99999"
    assert problems_of(path, plan, known_units={"22813": "commune"})


def test_unknown_period(plan: Plan, form: Path) -> None:
    set_meta(form, "period", "2030")
    assert "kỳ báo cáo '2030' không có trong kế hoạch" in only_problem(form, plan).reason


def test_unsupported_format_version(plan: Plan, form: Path) -> None:
    set_meta(form, "format_version", "9")
    assert "phiên bản biểu mẫu '9' không được hỗ trợ" in only_problem(form, plan).reason


def test_unknown_indicator_code(plan: Plan, form: Path) -> None:
    ref = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ref["a"] = cell_of(ws, "SANG_KIEN", "Mã")
        ws[ref["a"]] = "SANG_KIEN_MOI"

    edit(form, change)
    p = only_problem(form, plan)
    assert p.cell == ref["a"]
    assert p.reason == "mã chỉ tiêu 'SANG_KIEN_MOI' không có trong kế hoạch ninh-son-2022"


def test_indicator_of_another_unit_kind(plan: Plan, form: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws[cell_of(ws, "OCOP_TMDT", "Mã")] = "CSDL_LGSP"

    edit(form, change)
    assert "không áp dụng cho loại đơn vị" in only_problem(form, plan).reason


# ---- bad values, each with its cell ----------------------------------------------------


def _bad(plan: Plan, form: Path, code: str, column: str, value: object) -> FormProblem:
    put(form, {(code, column): value})
    p = only_problem(form, plan)
    ws = openpyxl.load_workbook(form)["BaoCao"]
    assert p.cell == cell_of(ws, code, column)
    assert p.file == form.name
    return p


def test_numerator_over_denominator(plan: Plan, form: Path) -> None:
    put(form, {("HSCV_MANG", "Mẫu số"): 100})
    p = _bad(plan, form, "HSCV_MANG", "Tử số", 120)
    assert p.reason == "tử số 120 lớn hơn mẫu số 100"
    assert str(p) == f"BaoCao_2023_22813_Xa-Lam-Son.xlsx, ô {p.cell}: tử số 120 lớn hơn mẫu số 100"


def test_zero_denominator(plan: Plan, form: Path) -> None:
    put(form, {("HSCV_MANG", "Tử số"): 5})
    p = _bad(plan, form, "HSCV_MANG", "Mẫu số", 0)
    assert p.reason == "mẫu số bằng 0 nhưng tử số là 5"


def test_half_a_ratio(plan: Plan, form: Path) -> None:
    put(form, {("HSCV_MANG", "Tử số"): 5})
    p = only_problem(form, plan)
    ws = openpyxl.load_workbook(form)["BaoCao"]
    assert p.cell == cell_of(ws, "HSCV_MANG", "Mẫu số")  # the cell that is missing
    assert p.reason == "thiếu mẫu số (đã có tử số)"


def test_text_in_number_cell(plan: Plan, form: Path) -> None:
    put(form, {("HSCV_MANG", "Mẫu số"): 100})
    p = _bad(plan, form, "HSCV_MANG", "Tử số", "một trăm")
    assert p.reason == "tử số phải là số, không phải chữ ('một trăm')"


def test_negative_number(plan: Plan, form: Path) -> None:
    p = _bad(plan, form, "SANG_KIEN", "Giá trị", -1)
    assert p.reason == "số lượng -1 là số âm"


def test_fraction_where_whole_belongs(plan: Plan, form: Path) -> None:
    put(form, {("CAP_QUANG_HO", "Mẫu số"): 10})
    p = _bad(plan, form, "CAP_QUANG_HO", "Tử số", 2.5)
    assert "tử số 2,50 phải là số nguyên" == p.reason


def test_percent_over_100(plan: Plan, form: Path) -> None:
    p = _bad(plan, form, "DIEM_DTI", "Giá trị", 120.5)
    assert p.reason == "phần trăm 120,50 ngoài khoảng 0 đến 100"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2023", "ngày '31/02/2023' không tồn tại"),
        ("hôm qua", "'hôm qua' không phải là ngày hợp lệ (gõ dạng dd/mm/yyyy, ví dụ 05/09/2022)"),
        (dt.date(1985, 5, 1), "ngày 01/05/1985 không hợp lý"),
        ("01/01/2200", "ngày 01/01/2200 không hợp lý"),
    ],
)
def test_impossible_date(plan: Plan, form: Path, typed: object, reason: str) -> None:
    assert _bad(plan, form, "NGAY_KH_PD", "Giá trị", typed).reason == reason


def test_formula_refused(plan: Plan, form: Path) -> None:
    p = _bad(plan, form, "SANG_KIEN", "Giá trị", "=1+1")
    assert p.reason == (
        "ô chứa công thức =1+1 chưa có kết quả (tệp không lưu giá trị đã tính); "
        "chỉ nhập giá trị, không dùng công thức"
    )


def test_formula_in_ratio_refused(plan: Plan, form: Path) -> None:
    put(form, {("HSCV_MANG", "Tử số"): 10})
    p = _bad(plan, form, "HSCV_MANG", "Mẫu số", "=SUM(D1:D2)")
    assert "công thức" in p.reason


def test_yes_no_other_than_co_khong(plan: Plan, form: Path) -> None:
    p = _bad(plan, form, "DANG_KY_TD", "Giá trị", "Yes")
    assert p.reason == "'Yes' không phải Có hoặc Không (chọn trong danh sách)"


def test_value_in_a_grey_cell(plan: Plan, form: Path) -> None:
    p = _bad(plan, form, "HSCV_MANG", "Giá trị", 72)
    assert "phải để trống" in p.reason


def test_all_problems_of_the_file_are_reported(plan: Plan, form: Path) -> None:
    put(
        form,
        {
            ("HSCV_MANG", "Tử số"): 120,
            ("HSCV_MANG", "Mẫu số"): 100,
            ("VB_DIEN_TU", "Tử số"): -3,
            ("VB_DIEN_TU", "Mẫu số"): 1.5,
            ("DIEM_DTI", "Giá trị"): 101,
            ("DANG_KY_TD", "Giá trị"): "ừ",
            ("SANG_KIEN", "Giá trị"): "=2",
            ("NGAY_KH_PD", "Giá trị"): "30/02/2022",
            ("OCOP_TMDT", "Tử số"): 1,
            ("OCOP_TMDT", "Mẫu số"): 2,
        },
    )
    problems = problems_of(form, plan)
    ws = openpyxl.load_workbook(form)["BaoCao"]
    cells = {p.cell for p in problems}
    assert cells == {
        cell_of(ws, "HSCV_MANG", "Tử số"),
        cell_of(ws, "VB_DIEN_TU", "Tử số"),
        cell_of(ws, "VB_DIEN_TU", "Mẫu số"),
        cell_of(ws, "DIEM_DTI", "Giá trị"),
        cell_of(ws, "DANG_KY_TD", "Giá trị"),
        cell_of(ws, "SANG_KIEN", "Giá trị"),
        cell_of(ws, "NGAY_KH_PD", "Giá trị"),
    }
    assert len(problems) == 7
    assert "\n" in str(FormRejected(problems))


def test_bad_footer_date(plan: Plan, form: Path) -> None:
    ref = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        for row in ws.iter_rows():
            for c in row:
                if c.value == "Ngày lập:":
                    target = ws.cell(c.row, c.column + 1)
                    target.value = "32/12/2023"
                    ref["cell"] = target.coordinate

    edit(form, change)
    p = only_problem(form, plan)
    assert p.cell == ref["cell"] and "không tồn tại" in p.reason


# ---- LibreOffice -------------------------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.libreoffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_saves_a_form_that_still_reads(plan: Plan, form: Path, tmp_path: Path) -> None:
    fill(form, plan, SAMPLE)
    out = tmp_path / "out"
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            str(_soffice()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(form),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    saved = out / form.name
    assert saved.is_file(), result.stdout + result.stderr
    assert saved.read_bytes() != form.read_bytes()
    data = read_form(saved, plan)
    assert data.values == SAMPLE
    assert (data.plan, data.period, data.unit) == ("ninh-son-2022", "2023", "22813")
    wb = openpyxl.load_workbook(saved)
    assert wb["_meta"].sheet_state == "hidden"
    ws = wb["BaoCao"]
    assert ws.protection.sheet
    assert ws[cell_of(ws, "HSCV_MANG", "Tử số")].protection.locked is False
