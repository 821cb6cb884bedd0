"""What the workbook readers give: cells as the file holds them, sheets, references.

Shared by the package's part readers (xlsx_cells) and the worksheet readers (xlsx_sheet),
and what the form reader works on.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "MAX_CELLS",
    "XBook",
    "XCell",
    "XSheet",
    "XlsxError",
    "cell_value",
    "col_letter",
    "is_true",
    "ref",
    "split_ref",
    "style_format",
]

MAX_CELLS = 200_000  # a form has a few hundred; a sheet beyond this is not a form


class XlsxError(Exception):
    """The package is not a workbook this reader understands."""


class XCell(NamedTuple):
    """One cell. `kind`: 'n' number, 's' text, 'b' TRUE/FALSE, 'e' error value,
    'd' ISO date text. `value` is the literal value, or a formula's cached result
    (None when the file holds none). `formula` is None when the cell has no formula
    ('' for a cell sharing another cell's formula). A tuple: a form has hundreds of
    cells, and a tuple is made several times faster than a frozen dataclass."""

    row: int
    col: int
    kind: str
    value: str | float | bool | None
    formula: str | None
    number_format: str

    @property
    def coordinate(self) -> str:
        return ref(self.row, self.col)


@dataclass
class XSheet:
    name: str
    state: str  # 'visible', 'hidden' or 'veryHidden'
    cells: dict[tuple[int, int], XCell] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    # views a reader derives from the cells, computed once (see in_order)
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def in_order(self) -> list[tuple[tuple[int, int], XCell]]:
        """The cells by row, then column: sorted once (a reader walks them often)."""
        found: list[tuple[tuple[int, int], XCell]] | None = self.derived.get("in_order")
        if found is None or len(found) != len(self.cells):
            found = self.derived["in_order"] = sorted(self.cells.items())
        return found

    def merge_at(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        for m in self.merged:
            if m[0] <= row <= m[2] and m[1] <= col <= m[3]:
                return m
        return None


@dataclass
class XBook:
    sheets: list[XSheet]
    date1904: bool

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sheets]

    def sheet(self, name: str) -> XSheet | None:
        return next((s for s in self.sheets if s.name == name), None)


@functools.lru_cache(maxsize=256)  # a form has seven columns
def col_letter(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


@functools.lru_cache(maxsize=8192)  # the forms of a batch name the same cells
def ref(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


@functools.lru_cache(maxsize=4096)  # the forms of a batch repeat the same references
def split_ref(text: str) -> tuple[int, int]:
    """'AB12' -> (12, 28); '$A$1' accepted."""
    text = text.replace("$", "").strip().upper()
    i = 0
    col = 0
    while i < len(text) and "A" <= text[i] <= "Z":
        col = col * 26 + ord(text[i]) - 64
        i += 1
    if i == 0 or i == len(text) or not text[i:].isdigit():
        raise XlsxError(f"bad cell reference {text!r}")
    return int(text[i:]), col


def is_true(text: str | None) -> bool:
    """An XML boolean attribute or a TRUE/FALSE cell's text."""
    return text is not None and text.strip().lower() in ("1", "true")


def cell_value(
    t: str, raw: str | None, inline: str | None
) -> tuple[str, str | float | bool | None]:
    """A cell's kind and value from its type attribute `t` ('n' when absent), the text of
    its `<v>` (None without one) and of its inline string (None without `<is>`): the one
    conversion of every worksheet reader. Shared strings are the caller's ('s': `raw` is
    the index). XlsxError for a type no spreadsheet writes."""
    if t == "n":
        if raw is None or not raw.strip():
            return "n", None
        value = float(raw)
        if not math.isfinite(value):
            return "e", "#NUM!"
        return "n", value
    if t == "inlineStr":
        return "s", inline or ""
    if t == "str":
        return "s", raw
    if t == "b":
        return "b", None if raw is None else is_true(raw)
    if t == "e" or t == "d" or t == "s":
        return t, raw
    raise XlsxError(f"unknown cell type {t!r}")


def style_format(style: str | None, formats: tuple[str, ...]) -> str:
    """The number format of a cell's style index (its `s` attribute; the first style,
    or General, when absent; General for one out of range)."""
    if style is None:
        return formats[0] if formats else "General"
    try:
        i = int(style)
    except ValueError:
        i = 0
    return formats[i] if 0 <= i < len(formats) else "General"
