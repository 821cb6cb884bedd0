"""The contract of the Excel form shared by its writer (form_template) and its reader
(form_reader, form_table): sheet names, the header and footer labels, the `_meta` keys,
how a date is typed, the text of an indicator's row. Kept apart from form_template so
that reading a form imports no openpyxl (an import reads forms, it writes none).
"""

from __future__ import annotations

import datetime as dt

from desktop.domain.plan import Indicator, IndicatorKind

# 2: dates are typed as text dd/mm/yyyy in a text cell with its own check, so that no
# spreadsheet reads them by its regional settings (format 1 had date cells: under en-US
# "05/09/2022" became 9 May). The reader still reads format 1.
FORMAT_VERSION = "2"
SHEET = "BaoCao"
META_SHEET = "_meta"
META_KEYS = ("format_version", "plan", "period", "unit", "generated_at", "app_version")

H_CODE = "Mã"
H_NAME = "Chỉ tiêu"
H_MEASURE = "Đơn vị tính"
H_NUMERATOR = "Tử số"
H_DENOMINATOR = "Mẫu số"
H_VALUE = "Giá trị"
H_TARGET = "Chỉ tiêu kế hoạch"
HEADERS = (H_CODE, H_NAME, H_MEASURE, H_NUMERATOR, H_DENOMINATOR, H_VALUE, H_TARGET)

L_UNIT = "Đơn vị báo cáo:"
L_PERIOD = "Kỳ báo cáo:"
L_PREPARED_BY = "Người lập biểu:"
L_PHONE = "Số điện thoại:"
L_PREPARED_ON = "Ngày lập:"

DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
DATE_FORMAT = "dd/mm/yyyy"
DATE_HOW = "gõ đủ ngày/tháng/năm dạng dd/mm/yyyy, ví dụ 05/09/2022 là ngày 5 tháng 9 năm 2022"


def ratio_notes(ind: Indicator) -> str:
    return f"Tử số: {ind.numerator_label}\nMẫu số: {ind.denominator_label}"


def row_label(ind: Indicator) -> str:
    """The text of an indicator's `Chỉ tiêu` cell (the reader checks each code's row by it)."""
    if ind.kind is IndicatorKind.RATIO:
        return ind.name + "\n" + ratio_notes(ind)
    return ind.name
