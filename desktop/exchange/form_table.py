"""Find the indicator table of a returned form by its content, or say what was changed.

The header row is found by its labels wherever it is; each indicator row is bound by
its `Mã` code, never by its position. Every indicator of the plan for the unit's kind
must be found exactly once, on a row that carries its own label; rows without a code
must hold nothing; nothing may sit in a column the form does not have; no row of the
table may be hidden and no code or input cell merged. Every problem is reported through
`problem(cell, reason)`; `locate` returns None when no table can be read at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.plan import Indicator, Plan

from .form_cells import is_blank, labels, norm, short
from .form_contract import (
    H_CODE,
    H_DENOMINATOR,
    H_MEASURE,
    H_NAME,
    H_NUMERATOR,
    H_TARGET,
    H_VALUE,
    L_PHONE,
    L_PREPARED_BY,
    L_PREPARED_ON,
    row_label,
)
from .xlsx_cells import XCell, XSheet, col_letter, ref

Report = Callable[[str | None, str], None]

REQUIRED = (H_CODE, H_NAME, H_NUMERATOR, H_DENOMINATOR, H_VALUE)
OPTIONAL = (H_MEASURE, H_TARGET)
FOOTER = (L_PREPARED_BY, L_PHONE, L_PREPARED_ON)

R_HIDDEN_ROW = "dòng {row} của bảng đang bị ẩn; hãy bỏ ẩn dòng (Unhide) rồi kiểm tra lại số liệu"
R_HIDDEN_COL = "cột {col} ('{label}') đang bị ẩn; hãy bỏ ẩn cột (Unhide) rồi kiểm tra lại số liệu"
R_MERGED = "ô bị gộp (merge) thành vùng {area}; hãy bỏ gộp ô (Unmerge) để mỗi ô một số liệu"


_WANTED = {norm(h): h for h in REQUIRED + OPTIONAL}
_PREPARED_BY = norm(L_PREPARED_BY)
_FOOTER = frozenset(norm(f) for f in FOOTER)
_BY_LABEL: dict[int, tuple[Plan, dict[str, Indicator]]] = {}


def _by_label(plan: Plan) -> dict[str, Indicator]:
    """The indicators by the text of their row's label (with or without the ratio's
    notes), once per plan: every form of a batch is read against the same one."""
    found = _BY_LABEL.get(id(plan))
    if found is None or found[0] is not plan:
        by_label = {norm(row_label(i)): i for i in plan.indicators}
        by_label.update({norm(i.name): i for i in plan.indicators})
        _BY_LABEL.clear()  # one plan at a time; the entry keeps it alive (its id stays its)
        found = _BY_LABEL[id(plan)] = (plan, by_label)
    return found[1]


@dataclass(frozen=True)
class Table:
    header_row: int
    cols: dict[str, int]  # header label as in form_template -> column
    end_row: int  # the first row after the table (the footer's first label)
    rows: dict[str, int]  # indicator code -> its row


def _header_rows(sheet: XSheet) -> list[tuple[int, dict[str, list[int]]]]:
    """Rows that contain 'Mã', with the columns of every header label in them."""
    wanted = _WANTED
    by_row: dict[int, dict[str, list[int]]] = {}
    for r, c, text, _cell in labels(sheet):
        h = wanted.get(text)
        if h is not None:
            by_row.setdefault(r, {}).setdefault(h, []).append(c)
    return sorted((r, cols) for r, cols in by_row.items() if H_CODE in cols)


def locate(sheet: XSheet, plan: Plan, unit_kind: str | None, problem: Report) -> Table | None:
    rows = _header_rows(sheet)
    full = [(r, cols) for r, cols in rows if all(h in cols for h in REQUIRED)]
    if not full:
        if rows:
            r, partial = rows[0]
            missing = ", ".join(repr(h) for h in REQUIRED if h not in partial)
            problem(None, f"dòng tiêu đề (dòng {r}) thiếu cột {missing}")
        else:
            heads = ", ".join(REQUIRED)
            problem(None, f"không tìm thấy dòng tiêu đề của bảng ({heads}) trong trang tính")
        return None
    if len(full) > 1:
        problem(
            None,
            f"trang tính có {len(full)} dòng tiêu đề bảng (dòng "
            f"{', '.join(str(r) for r, _ in full)}); chỉ được có một bảng chỉ tiêu",
        )
        return None
    hrow, found = full[0]
    twice = [h for h, cs in found.items() if len(cs) > 1]
    if twice:
        for h in twice:
            where = ", ".join(ref(hrow, c) for c in found[h])
            problem(ref(hrow, found[h][1]), f"cột '{h}' xuất hiện hai lần ({where})")
        return None
    cols = {h: cs[0] for h, cs in found.items()}

    footer = [r for r, _c, text, _cell in labels(sheet) if r > hrow and text == _PREPARED_BY]
    if not footer:
        problem(
            None,
            f"không tìm thấy dòng '{L_PREPARED_BY}' dưới bảng chỉ tiêu (phần cuối biểu mẫu "
            "đã bị xóa hoặc sửa); hãy dùng biểu mẫu được gửi",
        )
        return None
    end = footer[0]
    table = Table(hrow, cols, end, _bind(sheet, plan, unit_kind, hrow, end, cols, problem))
    _check_layout(sheet, table, problem)
    return table


def _bind(
    sheet: XSheet,
    plan: Plan,
    unit_kind: str | None,
    hrow: int,
    end: int,
    cols: dict[str, int],
    problem: Report,
) -> dict[str, int]:
    cells = sheet.cells
    c_code, c_name = cols[H_CODE], cols[H_NAME]
    known_cols = set(cols.values())
    by_label = _by_label(plan)
    codes = {i.code for i in plan.indicators}
    by_row: dict[int, list[XCell]] = {}
    for (rr, _c), cell in cells.items():
        if hrow < rr < end:
            by_row.setdefault(rr, []).append(cell)
    bound: dict[str, int] = {}
    claimed: set[str | None] = set()  # rows whose code was refused (already reported)
    for r in range(hrow + 1, end):
        row_cells = by_row.get(r, [])
        code_cell = cells.get((r, c_code))
        for cell in row_cells:
            if cell.col not in known_cols and not is_blank(cell):
                problem(
                    cell.coordinate,
                    f"ô có nội dung ('{short(str(cell.value), 20)}') nằm ngoài các cột của "
                    "biểu mẫu (cột thêm vào?); số liệu chỉ nhập vào các cột có sẵn",
                )
        if is_blank(code_cell):
            for cell in row_cells:
                if cell.col in known_cols and not is_blank(cell):
                    problem(
                        cell.coordinate,
                        f"ô có nội dung nhưng dòng {r} không có mã chỉ tiêu (dòng thêm vào "
                        "hoặc mã bị xóa); số liệu chỉ nhập vào dòng có mã",
                    )
            continue
        assert code_cell is not None
        where = code_cell.coordinate
        if code_cell.formula is not None:
            problem(where, "ô mã chỉ tiêu chứa công thức")
            claimed.add(_label_of(cells, r, c_name, by_label))
            continue
        v = code_cell.value
        code = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
        if code not in codes:
            problem(where, f"mã chỉ tiêu '{short(code)}' không có trong kế hoạch {plan.code}")
            claimed.add(_label_of(cells, r, c_name, by_label))
            continue
        ind = plan.indicator(code)
        if unit_kind is not None and unit_kind not in ind.unit_kinds:
            problem(where, f"chỉ tiêu '{code}' không áp dụng cho loại đơn vị của biểu mẫu")
            claimed.add(_label_of(cells, r, c_name, by_label))
            continue
        if code in bound:
            problem(
                where, f"chỉ tiêu '{code}' xuất hiện hai lần (đã có ở ô {ref(bound[code], c_code)})"
            )
            claimed.add(_label_of(cells, r, c_name, by_label))
            continue
        if not _label_agrees(sheet, r, c_name, ind, by_label, where, problem):
            claimed.update({code, _label_of(cells, r, c_name, by_label)})
            continue
        bound[code] = r
    if not bound:
        problem(None, f"bảng dưới dòng tiêu đề (dòng {hrow}) không có dòng chỉ tiêu nào")
    elif unit_kind is not None:
        for ind in plan.indicators_for(unit_kind):
            if ind.code not in bound and ind.code not in claimed:
                problem(
                    None,
                    f"thiếu dòng của chỉ tiêu '{ind.code}' ({short(ind.name, 60)}): dòng đã bị "
                    "xóa hoặc mã đã bị sửa; hãy dùng biểu mẫu được gửi",
                )
    for (r, c), cell in sheet.in_order():
        if isinstance(cell.value, str) and cell.value.strip() in codes and cell.formula is None:
            if not (hrow < r < end and c == c_code):
                problem(
                    cell.coordinate,
                    f"mã chỉ tiêu '{cell.value.strip()}' nằm ngoài cột '{H_CODE}' của bảng "
                    "(ô đã bị di chuyển); hãy dùng biểu mẫu được gửi",
                )
    return bound


def _label_of(
    cells: dict[tuple[int, int], XCell], r: int, c_name: int, by_label: dict[str, Indicator]
) -> str | None:
    """The indicator whose label the row carries (None when it is no indicator's)."""
    cell = cells.get((r, c_name))
    ind = by_label.get(norm(cell.value)) if cell is not None else None
    return None if ind is None else ind.code


def _label_agrees(
    sheet: XSheet,
    r: int,
    c_name: int,
    ind: Indicator,
    by_label: dict[str, Indicator],
    where: str,
    problem: Report,
) -> bool:
    cell = sheet.cells.get((r, c_name))
    text = norm(cell.value) if cell is not None else ""
    if text in (norm(row_label(ind)), norm(ind.name)):
        return True
    other = by_label.get(text)
    label_ref = ref(r, c_name)
    if other is not None:
        problem(
            where,
            f"mã '{ind.code}' nằm trên dòng của chỉ tiêu '{other.code}' (ô {label_ref} ghi "
            f"'{short(other.name, 50)}'): mã hoặc dòng đã bị di chuyển; hãy dùng biểu mẫu "
            "được gửi",
        )
    else:
        shown = short(str(cell.value), 50) if cell is not None and cell.value else "(trống)"
        problem(
            label_ref,
            f"tên chỉ tiêu '{shown}' không khớp với mã '{ind.code}' ('{short(ind.name, 50)}'); "
            "hãy dùng biểu mẫu được gửi",
        )
    return False


def _check_layout(sheet: XSheet, table: Table, problem: Report) -> None:
    hrow, end, cols = table.header_row, table.end_row, table.cols
    key_cols = {cols[h]: h for h in REQUIRED}
    for r in range(hrow, end):
        if r in sheet.hidden_rows:
            problem(ref(r, cols[H_CODE]), R_HIDDEN_ROW.format(row=r))
    for c, label in sorted(key_cols.items()):
        if c in sheet.hidden_cols:
            problem(ref(hrow, c), R_HIDDEN_COL.format(col=col_letter(c), label=label))
    footer_rows = {r for r, _c, text, _cell in labels(sheet) if r >= end and text in _FOOTER}
    for r1, c1, r2, c2 in sorted(sheet.merged):
        area = f"{ref(r1, c1)}:{ref(r2, c2)}"
        in_table = r1 <= end - 1 and r2 >= hrow and any(c1 <= c <= c2 for c in key_cols)
        in_footer = any(r1 <= r <= r2 for r in footer_rows)
        if in_table or in_footer:
            problem(ref(r1, c1), R_MERGED.format(area=area))
