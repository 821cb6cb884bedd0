"""How the consolidated workbook's sheets are laid out: column widths, wrapped lines, row
heights, group headers, pages across. Plain arithmetic on the tables, no spreadsheet
library: `xlsx_sheets` asks, XlsxWriter writes.

Widths are in characters (Excel's unit, the width of a digit of the default font), as
the sheet stores them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import zip_longest
from typing import Any

from desktop.domain.vnformat import number

from .csv_tables import PERCENT, SheetTable

HEADER_ROW = 3  # the header (and, for grouped columns, the row under it), 1-based
MAX_WIDTH = 48
MIN_WIDTH = 5
BODY_FACTOR = 1.3  # regular text: letters per unit of column width
PAGE_CHARS = 190  # characters of column width that still print readably on one A4 landscape
LINE_HEIGHT = 15.5  # points per line of a header or the subtitle
BODY_LINE_HEIGHT = 15.0  # points per line of a body cell
INFO_WIDTHS = [24.0, 56.0, 20.0, 24.0, 28.0, 28.0, 24.0]  # the ThongTin sheet's columns


def decimal_places(value: Decimal, text: str) -> int:
    """The places a Decimal is written with (none for a positive exponent, NaN or infinity),
    `text` being its str(): read from the text, as_tuple() only for exponent notation."""
    if "E" in text or "e" in text:
        exponent = value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0
    dot = text.find(".")
    return len(text) - dot - 1 if dot >= 0 else 0


def shown_width(value: Any, kind: str) -> int:
    """How many characters a value takes as its cell shows it."""
    if value is None or isinstance(value, Decimal) and not value.is_finite():
        return 0  # (a Decimal NaN is written as a blank cell)
    if isinstance(value, str):
        return max(len(line) for line in value.split("\n")) if value else 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, bool):
        return 5
    if kind.startswith(PERCENT):
        extra = max(0, decimal_places(value, str(value)) - 2) if isinstance(value, Decimal) else 0
        return len(f"{float(value):.2f}") + 2 + extra
    if isinstance(value, float) and not value.is_integer():
        return len(number(value, 2))
    return len(number(value))


def _int_width(n: int) -> int:
    """len(number(n)): the digits, a separator every three, the sign."""
    digits = len(str(abs(n)))
    return digits + (digits - 1) // 3 + (n < 0)


_PLAIN_DECIMAL = re.compile(r"(?:-?[0-9]+(?:\.[0-9]{1,2})?\n)*")  # none with 3 places or more


def _two_places_width(lo: float, hi: float) -> int:
    """The widest f'{x:.2f}' of numbers from `lo` to `hi`, none of them -0.0: of the
    smallest or the largest (the text grows with the magnitude, a minus sign besides)."""
    return max(len(f"{lo:.2f}"), len(f"{hi:.2f}"))


def _no_negative_zero(values: Sequence[float]) -> bool:
    return all(math.copysign(1.0, v) > 0 for v in values if v == 0)


def _cell_width(v: Any, kind: str, percent: bool) -> int:
    """shown_width of one value, the common cases first."""
    t = type(v)
    if t is str and "\n" not in v:
        return len(v)
    if t is int and not percent:
        return _int_width(v)
    if t is float and not percent and v.is_integer() and -1e15 < v < 1e15:
        return _int_width(int(v))
    if t is Decimal and percent and v.is_finite():
        return len(f"{float(v):.2f}") + 2 + max(0, decimal_places(v, str(v)) - 2)
    return shown_width(v, kind)


def widest(values: Sequence[Any], kind: str) -> int:
    """The widest of a column's values as shown (shown_width), worked out by kind of value:
    texts by their lengths, numbers by the largest and the smallest (the widest of them
    is one of the two), dates by their kind; the rest one by one."""
    percent = kind.startswith(PERCENT)
    by_type: dict[type, list[Any]] = {}
    for v in values:
        if v is not None:
            t = type(v)
            group = by_type.get(t)
            if group is None:
                by_type[t] = [v]
            else:
                group.append(v)
    best = 0
    for t, group in by_type.items():
        w = -1
        if t is str:
            if "\n" not in "".join(group):
                w = max(map(len, group))
        elif t is dt.date:
            w = 10
        elif t is dt.datetime:
            w = 16
        elif t is int and not percent:
            w = max(_int_width(max(group)), _int_width(min(group)))
        elif t is float and percent:
            if all(map(math.isfinite, group)) and _no_negative_zero(group):
                w = _two_places_width(min(group), max(group)) + 2
        elif t is float:
            if all(map(float.is_integer, group)) and -1e15 < min(group) and max(group) < 1e15:
                w = max(_int_width(int(min(group))), _int_width(int(max(group))))
        elif t is Decimal and percent:
            texts = list(map(str, group))
            if _PLAIN_DECIMAL.fullmatch("\n".join(texts) + "\n"):
                floats = list(map(float, texts))  # float(d) is float(str(d))
                if _no_negative_zero(floats):
                    w = _two_places_width(min(floats), max(floats)) + 2
        if w < 0:
            w = max(_cell_width(v, kind, percent) for v in group)
        best = max(best, w)
    return best


def column_widths(table: SheetTable) -> list[float]:
    """Widths in characters: the widest value, or the header wrapped over a few lines."""
    widths = []
    for c in table.columns:
        lines = c.header.split("\n")
        longest_word = max(len(w) for line in lines for w in (line.split() or [""]))
        widths.append(max(longest_word, -(-max(len(line) for line in lines) // 2)))
    if table.rows:
        for i, values in enumerate(zip_longest(*table.rows)):
            widths[i] = max(widths[i], widest(values, table.columns[i].kind))
    return [min(max(w + 2, MIN_WIDTH), MAX_WIDTH) for w in widths]


def wrapped_lines(text: str, width: float, factor: float = 1.0) -> int:
    """How many lines a text takes in a column `width` characters wide (`factor`: how
    many letters of the text fit in one width unit; regular Times is narrower than bold)."""
    room = max(int(width * factor) - 1, 1)
    count = 0
    for line in text.split("\n"):
        used, n = 0, 1
        for word in line.split():
            if used and used + 1 + len(word) > room:
                n, used = n + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        count += n
    return count


def groups(table: SheetTable) -> list[tuple[int, int, str]]:
    """Runs of consecutive columns under one group header: (first, last, text), 1-based."""
    runs: list[tuple[int, int, str]] = []
    for i, c in enumerate(table.columns, start=1):
        if c.group and runs and runs[-1][2] == c.group and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i, c.group)
        elif c.group:
            runs.append((i, i, c.group))
    return runs


def pages_wide(total_width: float) -> int:
    """How many A4 landscape pages across a table of this width prints on."""
    return max(1, -(-int(total_width) // PAGE_CHARS))


def fit_group_headers(widths: list[float], runs: Sequence[tuple[int, int, str]]) -> None:
    """Widen the last column of a run whose group header would not fit in two lines."""
    for first, end, text in runs:
        room = sum(widths[first - 1 : end])
        if len(text) + 2 > room * 2:
            widths[end - 1] += len(text) + 2 - room * 2


def header_heights(table: SheetTable, widths: Sequence[float], grouped: bool) -> list[float]:
    """The heights of the header row(s): one row, or the group row and the row under it."""
    lines = max(wrapped_lines(c.header, widths[i]) for i, c in enumerate(table.columns))
    if not grouped:
        return [LINE_HEIGHT * lines + 2]
    sub_lines = max(
        wrapped_lines(c.header, widths[i]) for i, c in enumerate(table.columns) if c.group
    )
    return [LINE_HEIGHT * max(lines - sub_lines, 2) + 2, LINE_HEIGHT * sub_lines + 2]


def subtitle_span(widths: Sequence[float]) -> tuple[int, float]:
    """(columns, their width): the subtitle wraps within the first printed page's width."""
    total = sum(widths)
    per_page = total / pages_wide(total)
    span, room = 0, 0.0
    while span < len(widths) and (span == 0 or room + widths[span] <= per_page):
        room += widths[span]
        span += 1
    return max(span, 1), room


def subtitle_height(text: str, room: float) -> float:
    return LINE_HEIGHT * wrapped_lines(text, room * 1.15) + 2


def row_height(values: Sequence[Any], widths: Sequence[float]) -> float | None:
    """The height of a row whose text wraps in its columns; None: one line, the default."""
    lines = max(
        (
            wrapped_lines(v, w, BODY_FACTOR)
            for v, w in zip(values, widths, strict=False)
            if isinstance(v, str)
        ),
        default=1,
    )
    return BODY_LINE_HEIGHT * lines + 1 if lines > 1 else None
