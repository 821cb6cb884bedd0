"""Filling a returned form in the tests as a unit's officer would, with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def fill(path: Path, values: dict[str, object]) -> None:
    """Rows found by the `Mã` column: a (numerator, denominator) pair goes into Tử số and
    Mẫu số, any other value into Giá trị."""
    wb = openpyxl.load_workbook(path)
    ws = wb["BaoCao"]
    cols: dict[str, int] = {}
    header = None
    for row in ws.iter_rows():
        labels = {str(c.value).strip(): c.column for c in row if c.value is not None}
        if {"Mã", "Tử số", "Mẫu số", "Giá trị"} <= set(labels):
            cols, header = labels, row[0].row
            break
    assert header is not None
    for r in range(header + 1, ws.max_row + 1):
        code = ws.cell(r, cols["Mã"]).value
        if code in values:
            v = values[code]
            if isinstance(v, tuple):
                ws.cell(r, cols["Tử số"]).value, ws.cell(r, cols["Mẫu số"]).value = v
            else:
                ws.cell(r, cols["Giá trị"]).value = v
    wb.save(path)
