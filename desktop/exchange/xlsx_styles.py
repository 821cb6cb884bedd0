"""The cell styles of the consolidated workbook: one XlsxWriter format per kind of cell.

A cell's style follows from its role (title, subtitle, header, label, a table's cell, a
value beside its label), its column's kind (number formats: percents 0-100 as
'0.00" %"', grouped numbers '#,##0', dates 'dd/mm/yyyy'), its mark (pass/fail colours,
Excel's Good / Bad / Neutral), whether it is in the totals row, whether it wraps, and
whether it is text a spreadsheet would take for a formula (the quote prefix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .csv_tables import (
    DATE,
    FAIL,
    INCOMPLETE,
    INT,
    NOT_APPLICABLE,
    NOT_SUBMITTED,
    NUMBER,
    PASS,
    PERCENT,
    TEXT,
)

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook

FORMATS = {
    INT: "0",
    NUMBER: "#,##0",
    "decimal": "#,##0.00",
    PERCENT: '0.00" %"',
    DATE: "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    TEXT: "General",
}

# fill, font colour (Excel's Good / Bad / Neutral)
MARK_COLOURS = {
    PASS: ("C6EFCE", "006100"),
    FAIL: ("FFC7CE", "9C0006"),
    INCOMPLETE: ("FFEB9C", "9C5700"),
    NOT_SUBMITTED: ("E7E6E6", "404040"),
    NOT_APPLICABLE: ("F2F2F2", "808080"),
}
HEADER_FILL = "D9E1F2"
TOTAL_FILL = "DDEBF7"
BORDER_COLOUR = "A6A6A6"
FONT_NAME = "Times New Roman"


def number_format(kind: str) -> str:
    """The cell format of a kind; 'percent:3' / 'decimal:3' for a value shown with more
    places (vnformat.rounded: never rounded across its criterion's threshold)."""
    base, _, places = kind.partition(":")
    if not places:
        return FORMATS.get(kind, "General")
    zeros = "0" * int(places)
    return f'0.{zeros}" %"' if base == PERCENT else f"#,##0.{zeros}"


def _properties(
    role: str, kind: str, mark: str | None, total: bool, quoted: bool, wrap: bool
) -> dict[str, Any]:
    p: dict[str, Any] = {"font_name": FONT_NAME, "font_size": 11}
    bordered = {"border": 1, "border_color": f"#{BORDER_COLOUR}"}
    if role == "title":
        p.update(font_size=14, bold=True)
    elif role == "subtitle":
        p.update(italic=True, valign="top", text_wrap=wrap)
    elif role == "header":
        p.update(bold=True, bg_color=f"#{HEADER_FILL}", align="center", valign="vcenter")
        p.update(text_wrap=True, **bordered)
    elif role == "label":
        p.update(bold=True, valign="top")
    else:  # body: "cell" in a table (bordered), "plain" a value beside its label
        colours = MARK_COLOURS.get(mark or "")
        p["bold"] = total
        if colours:
            p.update(bg_color=f"#{colours[0]}", font_color=f"#{colours[1]}")
        elif total:
            p["bg_color"] = f"#{TOTAL_FILL}"
        if role == "cell":
            p.update(bordered)
        if role == "plain":
            p["align"] = "left"
        elif kind in (INT, DATE):
            p["align"] = "center"
        p.update(valign="top", text_wrap=wrap)
    p["num_format"] = number_format(kind)
    if quoted:
        p["quote_prefix"] = True
    return {k: v for k, v in p.items() if v is not False}


class Styles:
    """The formats of one workbook, each made once, on first use."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.cache: dict[tuple[Any, ...], Format] = {}

    def get(
        self,
        role: str,
        kind: str = TEXT,
        mark: str | None = None,
        total: bool = False,
        quoted: bool = False,
        wrap: bool = False,
    ) -> Format:
        key = (role, kind, mark, total, quoted, wrap)
        fmt = self.cache.get(key)
        if fmt is None:
            fmt = self.cache[key] = self.wb.add_format(_properties(*key))
        return fmt
