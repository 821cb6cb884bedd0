"""A returned form is read by its content: every hand edit a commune officer can make is
either read exactly (every value the file holds, bound by its `Mã` code) or refused with
its own reason naming the cell. Never a success that stores fewer values.

Each edit is made with openpyxl on a filled form, the way a spreadsheet saves it (rows
and columns inserted with their merged ranges moved along, as Excel does).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.plan import Plan
from desktop.exchange.form_reader import FormRejected, read_form
from tests.test_forms import SAMPLE, cell_of, edit, fill, header, make_form, rewrite_member
from tests.test_forms import plan as plan  # noqa: F401  (the module fixture)

FILLED = sum(1 for v in SAMPLE.values() if not v.is_blank)


@pytest.fixture()
def filled(plan: Plan, tmp_path: Path) -> Path:
    return fill(make_form(plan, tmp_path), plan, SAMPLE)


def problems(path: Path, plan: Plan) -> list:
    with pytest.raises(FormRejected) as info:
        read_form(path, plan)
    return info.value.problems


def reasons(path: Path, plan: Plan) -> list[str]:
    return [p.reason for p in problems(path, plan)]


def row_of(ws: Worksheet, code: str) -> int:
    return ws[cell_of(ws, code, "Mã")].row


def insert_rows(ws: Worksheet, idx: int, amount: int = 1) -> None:
    """Insert rows as Excel does: merged ranges below move down with their cells."""
    ws.insert_rows(idx, amount)
    for m in ws.merged_cells.ranges:
        if m.min_row >= idx:
            m.shift(0, amount)


def insert_cols(ws: Worksheet, idx: int, amount: int = 1) -> None:
    ws.insert_cols(idx, amount)
    for m in ws.merged_cells.ranges:
        if m.min_col >= idx:
            m.shift(amount, 0)
        elif m.max_col >= idx:
            m.expand(right=amount)


def swap_rows(ws: Worksheet, a: int, b: int, columns: range | None = None) -> None:
    for c in columns or range(1, 8):
        x, y = ws.cell(a, c), ws.cell(b, c)
        x.value, y.value = y.value, x.value


# ---- edits that are read exactly -------------------------------------------------------


def _blank_row_in_table(wb: openpyxl.Workbook) -> None:
    ws = wb["BaoCao"]
    insert_rows(ws, row_of(ws, "SANG_KIEN"))


def _blank_rows_everywhere(wb: openpyxl.Workbook) -> None:
    ws = wb["BaoCao"]
    hrow, _ = header(ws)
    for code in ("OCOP_TMDT", "CAP_QUANG_HO", "HSCV_MANG"):
        insert_rows(ws, row_of(ws, code), 2)
    insert_rows(ws, hrow, 3)  # the header moved down
    insert_rows(ws, row_of(ws, "OCOP_TMDT") + 1)  # between the table and the footer


def _blank_column(wb: openpyxl.Workbook) -> None:
    ws = wb["BaoCao"]
    _, cols = header(ws)
    insert_cols(ws, cols["Tử số"])


def _blank_column_first(wb: openpyxl.Workbook) -> None:
    insert_cols(wb["BaoCao"], 1, 2)


def _rows_sorted(wb: openpyxl.Workbook) -> None:
    """Whole rows re-sorted (Data > Sort by Chỉ tiêu): codes, labels and values move."""
    ws = wb["BaoCao"]
    hrow, _ = header(ws)
    rows = list(range(hrow + 1, hrow + 1 + len(SAMPLE)))
    content = [[ws.cell(r, c).value for c in range(1, 8)] for r in rows]
    content.sort(key=lambda line: str(line[1]))
    for r, line in zip(rows, content, strict=True):
        for c, v in enumerate(line, start=1):
            ws.cell(r, c).value = v


def _notes_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet("Ghi chú")
    ws["A1"] = "Số liệu đã được UBND xã thông qua ngày 10/12/2023"


READ_EXACTLY: dict[str, Callable[[openpyxl.Workbook], None]] = {
    "dòng trống chèn vào giữa bảng": _blank_row_in_table,
    "nhiều dòng trống, tiêu đề bị dời xuống": _blank_rows_everywhere,
    "cột trống chèn vào giữa bảng": _blank_column,
    "hai cột trống chèn vào đầu trang": _blank_column_first,
    "các dòng được sắp xếp lại": _rows_sorted,
    "thêm trang tính ghi chú": _notes_sheet,
}


@pytest.mark.parametrize("change", list(READ_EXACTLY.values()), ids=list(READ_EXACTLY))
def test_edit_read_exactly(plan: Plan, filled: Path, change) -> None:
    edit(filled, change)
    data = read_form(filled, plan)
    assert data.values == SAMPLE
    assert data.filled == FILLED


# ---- edits that are refused, each with its reason and cell ------------------------------


def test_missing_indicator_row(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws.delete_rows(row_of(ws, "SANG_KIEN"))

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.cell is None
    assert p.reason.startswith("thiếu dòng của chỉ tiêu 'SANG_KIEN' (Số sáng kiến")


def test_last_rows_deleted(plan: Plan, filled: Path) -> None:
    """Deleting the last rows of the table (where today's reader stopped) is refused."""

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws.delete_rows(row_of(ws, "TK_THANH_TOAN"), 2)

    edit(filled, change)
    got = reasons(filled, plan)
    assert len(got) == 2 and all(r.startswith("thiếu dòng của chỉ tiêu") for r in got)
    assert "'TK_THANH_TOAN'" in got[0] and "'OCOP_TMDT'" in got[1]


def test_codes_moved_between_rows(plan: Plan, filled: Path) -> None:
    """Only the codes swapped: each code now sits on another indicator's label."""
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        a, b = row_of(ws, "SANG_KIEN"), row_of(ws, "DIEM_DTI")
        ref["a"], ref["b"] = f"A{a}", f"A{b}"
        swap_rows(ws, a, b, range(1, 2))

    edit(filled, change)
    got = {p.cell: p.reason for p in problems(filled, plan)}
    assert set(got) == {ref["a"], ref["b"]}
    assert got[ref["a"]].startswith("mã 'DIEM_DTI' nằm trên dòng của chỉ tiêu 'SANG_KIEN'")
    assert "mã hoặc dòng đã bị di chuyển" in got[ref["a"]]


def test_label_edited(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        ws[cell_of(ws, "SANG_KIEN", "Chỉ tiêu")] = "Số cán bộ được tập huấn"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.reason.startswith("tên chỉ tiêu 'Số cán bộ được tập huấn' không khớp với mã")


def test_duplicate_code(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        r = row_of(ws, "OCOP_TMDT")
        insert_rows(ws, r + 1)
        for c in range(1, 8):
            ws.cell(r + 1, c).value = ws.cell(r, c).value

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert "chỉ tiêu 'OCOP_TMDT' xuất hiện hai lần (đã có ở ô A" in p.reason


def test_value_typed_in_a_row_without_code(plan: Plan, filled: Path) -> None:
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        r = row_of(ws, "OCOP_TMDT") + 1
        insert_rows(ws, r)
        ws.cell(r, 6).value = 5
        ref["c"] = f"F{r}"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.cell == ref["c"] and "không có mã chỉ tiêu" in p.reason


def test_value_typed_in_an_inserted_column(plan: Plan, filled: Path) -> None:
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        insert_cols(ws, 8)
        r = row_of(ws, "SANG_KIEN")
        ws.cell(r, 8).value = 3
        ref["c"] = f"H{r}"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.cell == ref["c"] and "nằm ngoài các cột của biểu mẫu" in p.reason


def test_table_copied_to_another_sheet(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        copy = wb.copy_worksheet(wb["BaoCao"])
        copy.title = "BaoCao (2)"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.reason.startswith("trang tính 'BaoCao (2)' cũng có mã chỉ tiêu")


def test_merged_input_cell(plan: Plan, filled: Path) -> None:
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        a = cell_of(ws, "HSCV_MANG", "Tử số")
        b = cell_of(ws, "HSCV_MANG", "Mẫu số")
        ws[b] = None
        ws.merge_cells(f"{a}:{b}")
        ref["c"] = a

    edit(filled, change)
    got = problems(filled, plan)
    merged = [p for p in got if "bị gộp" in p.reason]
    assert [p.cell for p in merged] == [ref["c"]]
    assert merged[0].reason.startswith("ô bị gộp (merge) thành vùng ")


def test_merged_code_cells(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        r = row_of(ws, "SANG_KIEN")
        ws.merge_cells(f"A{r}:A{r + 1}")

    edit(filled, change)
    got = reasons(filled, plan)
    assert any(r.startswith("ô bị gộp (merge)") for r in got), got


def test_hidden_row(plan: Plan, filled: Path) -> None:
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        r = row_of(ws, "DIEM_DTI")
        ws.row_dimensions[r].hidden = True
        ref["c"] = f"A{r}"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.cell == ref["c"] and "của bảng đang bị ẩn" in p.reason


def test_hidden_column(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["BaoCao"].column_dimensions["F"].hidden = True

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.reason.startswith("cột F ('Giá trị') đang bị ẩn")


def test_hidden_baocao_sheet(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb.create_sheet("Trang1")
        wb.active = 2
        wb["BaoCao"].sheet_state = "hidden"

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.reason.startswith("trang tính 'BaoCao' đang bị ẩn")


def test_formula_with_cached_value(plan: Plan, filled: Path, tmp_path: Path) -> None:
    """What Excel saves for '=1+1': the formula and its result 2."""
    ws = openpyxl.load_workbook(filled)["BaoCao"]
    ref = cell_of(ws, "SANG_KIEN", "Giá trị")
    out = tmp_path / "formula.xlsx"

    def change(xml: bytes) -> bytes:
        text = xml.decode()
        text, n = re.subn(rf'(<c r="{ref}"[^>]*>)<v>2</v>', r"\1<f>1+1</f><v>2</v>", text)
        assert n == 1
        return text.encode()

    rewrite_member(filled, out, "xl/worksheets/sheet1.xml", change)
    (p,) = problems(out, plan)
    assert p.cell == ref
    assert p.reason == ("ô chứa công thức =1+1 (kết quả 2); chỉ nhập giá trị, không dùng công thức")


def test_footer_deleted(plan: Plan, filled: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        for row in ws.iter_rows():
            for c in row:
                if c.value == "Người lập biểu:":
                    c.value = None

    edit(filled, change)
    (p,) = problems(filled, plan)
    assert p.reason.startswith("không tìm thấy dòng 'Người lập biểu:' dưới bảng")


# ---- the heading must agree with _meta --------------------------------------------------


def _set_heading(path: Path, label: str, text: str) -> str:
    ref: dict[str, str] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["BaoCao"]
        for row in ws.iter_rows():
            for c in row:
                if str(c.value or "").startswith(label):
                    c.value = text
                    ref["c"] = c.coordinate

    edit(path, change)
    return ref["c"]


def test_heading_unit_changed_by_hand(plan: Plan, filled: Path) -> None:
    cell = _set_heading(
        filled, "Đơn vị báo cáo:", "Đơn vị báo cáo: Xã Quảng Sơn (mã đơn vị: 22816)"
    )
    (p,) = problems(filled, plan)
    assert p.cell == cell
    assert "ghi đơn vị 'Xã Quảng Sơn (mã đơn vị: 22816)'" in p.reason
    assert "được tạo cho đơn vị 'Xã Lâm Sơn (mã đơn vị: 22813)'" in p.reason


def test_heading_unit_name_changed_by_hand(plan: Plan, filled: Path) -> None:
    _set_heading(filled, "Đơn vị báo cáo:", "Đơn vị báo cáo: Xã Quảng Sơn (mã đơn vị: 22813)")
    (p,) = problems(filled, plan)
    assert "ghi đơn vị 'Xã Quảng Sơn (mã đơn vị: 22813)'" in p.reason


def test_heading_period_changed_by_hand(plan: Plan, filled: Path) -> None:
    _set_heading(filled, "Kỳ báo cáo:", "Kỳ báo cáo: Năm 2024 (tổng kết)")
    (p,) = problems(filled, plan)
    assert "ghi kỳ báo cáo 'Năm 2024 (tổng kết)'" in p.reason
    assert f"được tạo cho kỳ '{plan.period('2023').label}'" in p.reason


def test_unit_renamed_in_the_database_still_reads(plan: Plan, filled: Path) -> None:
    assert read_form(filled, plan, unit_names={"22813": "Xã Lâm Sơn mới"}).unit == "22813"


# ---- the count an import reports equals what the file holds -------------------------------


ALL_EDITS = dict(READ_EXACTLY)


@pytest.mark.parametrize("change", list(ALL_EDITS.values()), ids=list(ALL_EDITS))
def test_import_reports_the_values_it_stored(
    plan: Plan, filled: Path, tmp_path: Path, change
) -> None:
    from desktop.actions.forms import Status, import_forms
    from desktop.store.database import Database
    from desktop.store.plans import install_plan

    edit(filled, change)
    db_path = tmp_path / "x.db"
    with Database.open(db_path, create=True, backup=False) as db:
        with db.transaction("test") as s:
            install_plan(s, plan)
        (o,) = import_forms(db, [filled], received_on=dt.date(2023, 12, 10))
        assert o.status is Status.IMPORTED
        assert o.stored == FILLED
        assert f"{FILLED} giá trị" in o.message()


def test_a_refused_file_stores_nothing_and_says_so(plan: Plan, filled: Path, tmp_path) -> None:
    from desktop.actions.forms import Status, import_forms
    from desktop.store.database import Database
    from desktop.store.plans import install_plan

    edit(filled, lambda wb: wb["BaoCao"].delete_rows(row_of(wb["BaoCao"], "SANG_KIEN")))
    with Database.open(tmp_path / "x.db", create=True, backup=False) as db:
        with db.transaction("test") as s:
            install_plan(s, plan)
        (o,) = import_forms(db, [filled], received_on=dt.date(2023, 12, 10))
        assert o.status is Status.REFUSED and o.stored == 0
        assert "giá trị" not in o.message()
