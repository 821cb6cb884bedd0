"""The cells of an .xlsx workbook exactly as the file holds them.

A small reader over the package's XML (no evaluation, no styles beyond number formats):
for each sheet its name and visibility, every cell with its literal or cached value,
whether it holds a formula, its number format, the hidden rows and columns and the
merged ranges. The form reader needs all of these to tell a value typed by a person
from one a spreadsheet computed, moved or hid; openpyxl's read-only mode gives neither
merges nor hidden rows, and loading whole workbooks costs ten times more. Here: the
package's relationships, the workbook, its shared strings and number formats (expat);
each worksheet part is xlsx_sheet's, the cells and sheets xlsx_model's.

The package must already have passed xlsx_safety (sizes, zip bomb, DOCTYPE/ENTITY).
Anything malformed raises `XlsxError` (or whatever expat raises); the caller turns it
into a refusal.
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.parsers import expat

from .xlsx_model import (
    MAX_CELLS,
    XBook,
    XCell,
    XlsxError,
    XSheet,
    col_letter,
    is_true,
    ref,
)
from .xlsx_sheet import read_sheet

__all__ = [
    "MAX_CELLS",
    "XBook",
    "XCell",
    "XSheet",
    "XlsxError",
    "read_book",
    "col_letter",
    "ref",
]

_OFFICE_DOC = "/officeDocument"
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
    11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
    21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}  # fmt: skip


def _local(name: str) -> str:
    return name.rpartition(":")[2]


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
    entries, date1904 = _workbook(read(book_part))

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
        read_sheet(read(path), sheet, strings, formats)
    return XBook(sheets=sheets, date1904=date1904)


@functools.lru_cache(maxsize=64)  # the forms of a batch hold the very same workbook part
def _workbook(data: bytes) -> tuple[tuple[tuple[str, str, str], ...], bool]:
    """The sheets of the workbook part (name, state, relationship id), in its order, and
    whether its dates count from 1904."""
    entries: list[tuple[str, str, str]] = []
    flags = {"date1904": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        t = _local(tag)
        if t == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id" and k != "id"), "")
            entries.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
        elif t == "workbookPr":
            flags["date1904"] = is_true(attrs.get("date1904"))

    _parse(data, start)
    return tuple(entries), flags["date1904"]
