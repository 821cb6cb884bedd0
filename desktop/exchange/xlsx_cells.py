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
from dataclasses import dataclass, field
from typing import Any
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


@dataclass(frozen=True, slots=True)
class XCell:
    """One cell. `kind`: 'n' number, 's' text, 'b' TRUE/FALSE, 'e' error value,
    'd' ISO date text. `value` is the literal value, or a formula's cached result
    (None when the file holds none). `formula` is None when the cell has no formula
    ('' for a cell sharing another cell's formula)."""

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


def col_letter(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


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


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, target path inside the package) of a part's relationships."""
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, tuple[str, str]] = {}
    try:
        data = zf.read(name)
    except KeyError:
        return out
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


class _SheetParser:
    def __init__(self, sheet: XSheet, strings: list[str], formats: tuple[str, ...]) -> None:
        self.sheet = sheet
        self.strings = strings
        self.formats = formats
        self.row = 0
        self.col = 0
        self.attrs: dict[str, str] = {}
        self.v: list[str] | None = None
        self.f: list[str] | None = None
        self.inline: list[str] | None = None
        self.buf: list[str] | None = None
        self.phonetic = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        t = tag.rpartition(":")[2]  # _local, inlined: called for every element
        if t == "c":
            r = attrs.get("r")
            if r:
                self.row, self.col = _split_ref(r)
            else:
                self.col += 1
            self.attrs = attrs
            self.v = self.f = self.inline = None
        elif t == "v":
            self.v = []
            self.buf = self.v
        elif t == "f":
            self.f = []
            self.buf = self.f
        elif t == "is":
            self.inline = []
        elif t == "rPh":
            self.phonetic += 1
        elif t == "t" and self.inline is not None and not self.phonetic:
            self.buf = self.inline
        elif t == "row":
            r = attrs.get("r")
            self.row = int(r) if r else self.row + 1
            self.col = 0
            if _true(attrs.get("hidden")):
                self.sheet.hidden_rows.add(self.row)
        elif t == "col":
            if _true(attrs.get("hidden")):
                lo, hi = int(attrs.get("min", "0")), int(attrs.get("max", "0"))
                self.sheet.hidden_cols.update(range(lo, min(hi, 16384) + 1))
        elif t == "mergeCell":
            a, _, b = attrs.get("ref", "").partition(":")
            (r1, c1), (r2, c2) = _split_ref(a), _split_ref(b or a)
            self.sheet.merged.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))

    def end(self, tag: str) -> None:
        t = tag.rpartition(":")[2]
        if t in ("v", "f", "t"):
            self.buf = None
        elif t == "rPh":
            self.phonetic -= 1
        elif t == "c":
            self._cell()

    def chars(self, text: str) -> None:
        if self.buf is not None:
            self.buf.append(text)

    def _cell(self) -> None:
        a = self.attrs
        t = a.get("t", "n")
        raw = None if self.v is None else "".join(self.v)
        formula = None if self.f is None else "".join(self.f)
        value: str | float | bool | None
        kind = t
        if t == "inlineStr":
            kind, value = "s", "".join(self.inline or [])
        elif t == "s":
            kind = "s"
            value = None if raw is None else self.strings[int(raw)]
        elif t == "str":
            kind, value = "s", raw
        elif t == "b":
            value = None if raw is None else _true(raw)
        elif t == "e":
            value = raw
        elif t == "d":
            value = raw
        elif t == "n":
            if raw is None or not raw.strip():
                value = None
            else:
                value = float(raw)
                if not math.isfinite(value):
                    kind, value = "e", "#NUM!"
        else:
            raise XlsxError(f"unknown cell type {t!r}")
        if value is None and formula is None:
            return  # a formatted empty cell
        try:
            style = int(a.get("s", "0"))
        except ValueError:
            style = 0
        fmt = self.formats[style] if 0 <= style < len(self.formats) else "General"
        cells = self.sheet.cells
        if len(cells) >= MAX_CELLS:
            raise XlsxError("too many cells")
        cells[(self.row, self.col)] = XCell(self.row, self.col, kind, value, formula, fmt)


def read_book(zf: zipfile.ZipFile) -> XBook:
    """Every sheet of the workbook in `zf`, in the workbook's order."""
    root = _rels(zf, "")
    book_part = next(
        (path for typ, path in root.values() if typ.endswith(_OFFICE_DOC)), "xl/workbook.xml"
    )
    rels = _rels(zf, book_part)
    entries: list[tuple[str, str, str]] = []  # name, state, relationship id
    flags = {"date1904": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        t = _local(tag)
        if t == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id" and k != "id"), "")
            entries.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
        elif t == "workbookPr":
            flags["date1904"] = _true(attrs.get("date1904"))

    _parse(zf.read(book_part), start)

    strings: list[str] = []
    formats: tuple[str, ...] = ()
    for typ, path in rels.values():
        if typ.endswith("/sharedStrings") and path in zf.namelist():
            strings = _shared_strings(zf.read(path))
        elif typ.endswith("/styles") and path in zf.namelist():
            formats = _number_formats(zf.read(path))

    sheets: list[XSheet] = []
    for name, state, rid in entries:
        typ, path = rels.get(rid, ("", ""))
        sheet = XSheet(name=name, state=state)
        sheets.append(sheet)
        if not typ.endswith("/worksheet"):
            continue  # a chart sheet or a dialog sheet: no cells
        parser = _SheetParser(sheet, strings, formats)
        _parse(zf.read(path), parser.start, parser.end, parser.chars)
    return XBook(sheets=sheets, date1904=flags["date1904"])
