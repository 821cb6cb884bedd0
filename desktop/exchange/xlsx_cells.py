"""The cells of an .xlsx workbook exactly as the file holds them.

A small reader over the package's XML (expat, no evaluation, no styles beyond number
formats): for each sheet its name and visibility, every cell with its literal or cached
value, whether it holds a formula, its number format, the hidden rows and columns and
the merged ranges. The form reader needs all of these to tell a value typed by a person
from one a spreadsheet computed, moved or hid; openpyxl's read-only mode gives neither
merges nor hidden rows, and loading whole workbooks costs ten times more.

The package must already have passed `form_reader._check_package` (sizes, zip bomb,
DOCTYPE/ENTITY). Anything malformed raises `XlsxError` (or whatever expat raises);
the caller turns it into a refusal.
"""

from __future__ import annotations

import functools
import math
import posixpath
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from xml.parsers import expat

__all__ = ["XBook", "XCell", "XSheet", "XlsxError", "read_book", "col_letter", "ref"]

MAX_CELLS = 200_000  # a form has a few hundred; a sheet beyond this is not a form

_OFFICE_DOC = "/officeDocument"
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
    21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip


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
def _split_ref(text: str) -> tuple[int, int]:
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


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _true(text: str | None) -> bool:
    return text is not None and text.strip().lower() in ("1", "true")


def _parse(data: bytes, start: Any, end: Any = None, chars: Any = None) -> None:
    p = expat.ParserCreate()
    p.buffer_text = True
    p.StartElementHandler = start
    if end is not None:
        p.EndElementHandler = end
    if chars is not None:
        p.CharacterDataHandler = chars
    p.Parse(data, True)


# ---- package parts ------------------------------------------------------------------


def _rels(parts: Mapping[str, bytes], part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, target path inside the package) of a part's relationships."""
    folder, base = posixpath.split(part)
    data = parts.get(posixpath.join(folder, "_rels", base + ".rels"))
    if data is None:
        return {}
    return dict(_parse_rels(folder, data))


@functools.lru_cache(maxsize=64)  # the forms of a batch hold the very same parts
def _parse_rels(folder: str, data: bytes) -> tuple[tuple[str, tuple[str, str]], ...]:
    out: dict[str, tuple[str, str]] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(folder, target))
            out[attrs.get("Id", "")] = (attrs.get("Type", ""), path)

    _parse(data, start)
    return tuple(out.items())


def _shared_strings(data: bytes) -> list[str]:
    out: list[str] = []
    parts: list[str] = []
    state = {"in_t": False, "phonetic": 0}

    def start(tag: str, attrs: dict[str, str]) -> None:
        t = _local(tag)
        if t == "si":
            parts.clear()
        elif t == "rPh":
            state["phonetic"] += 1
        elif t == "t" and not state["phonetic"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        t = _local(tag)
        if t == "si":
            out.append("".join(parts))
        elif t == "rPh":
            state["phonetic"] -= 1
        elif t == "t":
            state["in_t"] = False

    def chars(text: str) -> None:
        if state["in_t"]:
            parts.append(text)

    _parse(data, start, end, chars)
    return out


@functools.lru_cache(maxsize=64)  # one styles part serves every form of a batch
def _number_formats(data: bytes) -> tuple[str, ...]:
    """The number format code of each cell style (cellXfs index)."""
    custom: dict[int, str] = {}
    xfs: list[int] = []
    depth = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        t = _local(tag)
        if t == "numFmt":
            try:
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
            except ValueError:
                pass
        elif t == "cellXfs":
            depth["cellXfs"] = True
        elif t == "xf" and depth["cellXfs"]:
            try:
                xfs.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)

    def end(tag: str) -> None:
        if _local(tag) == "cellXfs":
            depth["cellXfs"] = False

    _parse(data, start, end)
    return tuple(custom.get(i, _BUILTIN_FORMATS.get(i, "General")) for i in xfs)


def _read_sheet(
    data: bytes, sheet: XSheet, strings: list[str], formats: tuple[str, ...]
) -> None:
    """The cells, hidden rows and columns and merged ranges of one worksheet part.

    One expat pass with its handlers as closures over local state: they run for every
    element of the sheet (a form has about 450), so each saves what it can."""
    cells = sheet.cells
    hidden_rows = sheet.hidden_rows
    split_ref = _split_ref
    n_formats = len(formats)
    row = col = phonetic = 0
    attrs: dict[str, str] = {}
    v: list[str] | None = None
    f: list[str] | None = None
    inline: list[str] | None = None
    buf: list[str] | None = None

    def start(tag: str, a: dict[str, str]) -> None:
        nonlocal row, col, attrs, v, f, inline, buf, phonetic
        t = tag.rpartition(":")[2]  # _local, inlined
        if t == "c":
            r = a.get("r")
            if r:
                row, col = split_ref(r)
            else:
                col += 1
            attrs = a
            v = f = inline = None
        elif t == "is":
            inline = []
        elif t == "t":
            if inline is not None and not phonetic:
                buf = inline
        elif t == "v":
            v = buf = []
        elif t == "f":
            f = buf = []
        elif t == "row":
            r = a.get("r")
            row = int(r) if r else row + 1
            col = 0
            if _true(a.get("hidden")):
                hidden_rows.add(row)
        elif t == "rPh":
            phonetic += 1
        elif t == "col":
            if _true(a.get("hidden")):
                lo, hi = int(a.get("min", "0")), int(a.get("max", "0"))
                sheet.hidden_cols.update(range(lo, min(hi, 16384) + 1))
        elif t == "mergeCell":
            first, _, last = a.get("ref", "").partition(":")
            (r1, c1), (r2, c2) = split_ref(first), split_ref(last or first)
            sheet.merged.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))

    def end(tag: str) -> None:
        nonlocal buf, phonetic
        t = tag.rpartition(":")[2]
        if t == "c":
            cell()
        elif t == "t" or t == "v" or t == "f":
            buf = None
        elif t == "rPh":
            phonetic -= 1

    def chars(text: str) -> None:
        if buf is not None:
            buf.append(text)

    def cell() -> None:
        t = attrs.get("t", "n")
        raw = None if v is None else "".join(v)
        formula = None if f is None else "".join(f)
        value: str | float | bool | None
        kind = t
        if t == "inlineStr":
            kind, value = "s", "".join(inline or [])
        elif t == "s":
            kind = "s"
            value = None if raw is None else strings[int(raw)]
        elif t == "n":
            if raw is None or not raw.strip():
                value = None
            else:
                value = float(raw)
                if not math.isfinite(value):
                    kind, value = "e", "#NUM!"
        elif t == "str":
            kind, value = "s", raw
        elif t == "b":
            value = None if raw is None else _true(raw)
        elif t == "e" or t == "d":
            value = raw
        else:
            raise XlsxError(f"unknown cell type {t!r}")
        if value is None and formula is None:
            return  # a formatted empty cell
        style = attrs.get("s")
        fmt = "General"
        if style is not None:
            try:
                i = int(style)
            except ValueError:
                i = 0
            if 0 <= i < n_formats:
                fmt = formats[i]
        elif n_formats:
            fmt = formats[0]
        if len(cells) >= MAX_CELLS:
            raise XlsxError("too many cells")
        cells[(row, col)] = XCell(row, col, kind, value, formula, fmt)

    _parse(data, start, end, chars)


def read_book(package: zipfile.ZipFile | Mapping[str, bytes]) -> XBook:
    """Every sheet of the workbook in `package` (a zip, or its members unpacked by
    xlsx_safety.unpack_package), in the workbook's order."""
    if isinstance(package, zipfile.ZipFile):
        zf = package
        package = {name: zf.read(name) for name in dict.fromkeys(zf.namelist())}
    parts: Mapping[str, bytes] = package

    def read(name: str) -> bytes:
        data = parts.get(name)
        if data is None:
            raise XlsxError(f"missing part {name!r}")
        return data

    root = _rels(parts, "")
    book_part = next(
        (path for typ, path in root.values() if typ.endswith(_OFFICE_DOC)), "xl/workbook.xml"
    )
    rels = _rels(parts, book_part)
    entries: list[tuple[str, str, str]] = []  # name, state, relationship id
    flags = {"date1904": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        t = _local(tag)
        if t == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id" and k != "id"), "")
            entries.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
        elif t == "workbookPr":
            flags["date1904"] = _true(attrs.get("date1904"))

    _parse(read(book_part), start)

    strings: list[str] = []
    formats: tuple[str, ...] = ()
    for typ, path in rels.values():
        if typ.endswith("/sharedStrings") and path in parts:
            strings = _shared_strings(parts[path])
        elif typ.endswith("/styles") and path in parts:
            formats = _number_formats(parts[path])

    sheets: list[XSheet] = []
    for name, state, rid in entries:
        typ, path = rels.get(rid, ("", ""))
        sheet = XSheet(name=name, state=state)
        sheets.append(sheet)
        if not typ.endswith("/worksheet"):
            continue  # a chart sheet or a dialog sheet: no cells
        _read_sheet(read(path), sheet, strings, formats)
    return XBook(sheets=sheets, date1904=flags["date1904"])
