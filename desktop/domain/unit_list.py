"""A unit list as an office keeps it in a spreadsheet: one row per unit with its code,
name, kind, block, the dates it was active, the unit it was merged into and, when it was
renamed, the day the new name took effect.

The columns are found by their heading (Vietnamese or the English field name), so a
list exported by the statistics office and tidied in Excel reads as one this
application wrote. Each cell is read here, without a database: what needs the database
(is the code taken, does the block exist) is checked by the store.

    rows, problems = parse_unit_rows(header, body, first_row=2)
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import ValueProblem
from .plan import UNIT_KIND_LABELS, UnitKind
from .values import parse_day

# column key -> the headings that name it (compared folded: lower case, no diacritics)
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("mã", "mã đơn vị", "mã số", "code"),
    "name": ("tên", "tên đơn vị", "name"),
    "kind": ("loại", "loại đơn vị", "cấp", "kind"),
    "block": ("khối", "khối thi đua", "block"),
    "active_from": ("hoạt động từ", "từ ngày", "active_from"),
    "active_to": ("hoạt động đến", "đến ngày", "active_to"),
    "merged_into": ("sáp nhập vào", "merged_into"),
    "renamed_on": ("đổi tên từ", "tên mới từ ngày", "renamed_on"),
}
# the headings this application writes, in this order
HEADINGS: dict[str, str] = {
    "code": "Mã",
    "name": "Tên đơn vị",
    "kind": "Loại",
    "block": "Khối",
    "active_from": "Hoạt động từ",
    "active_to": "Hoạt động đến",
    "merged_into": "Sáp nhập vào",
}

# words a person writes for a kind -> the kind (folded; the labels themselves count too)
_KIND_WORDS: dict[str, str] = {
    "xa": UnitKind.COMMUNE,
    "phuong": UnitKind.COMMUNE,
    "thi tran": UnitKind.COMMUNE,
    "dac khu": UnitKind.COMMUNE,
    "phong": UnitKind.DEPARTMENT,
    "ban": UnitKind.DEPARTMENT,
    "nganh": UnitKind.DEPARTMENT,
    "so": UnitKind.DEPARTMENT,
    "trung tam": UnitKind.DEPARTMENT,
    "van phong": UnitKind.DEPARTMENT,
    "thanh tra": UnitKind.DEPARTMENT,
    "chi cuc": UnitKind.DEPARTMENT,
    "co quan": UnitKind.DEPARTMENT,
    "don vi su nghiep": UnitKind.DEPARTMENT,
    "doanh nghiep": UnitKind.ENTERPRISE,
    "cong ty": UnitKind.ENTERPRISE,
    "huyen": UnitKind.DISTRICT,
    "thi xa": UnitKind.DISTRICT,
    "quan": UnitKind.DISTRICT,
    "thanh pho": UnitKind.DISTRICT,
}


def fold(text: str) -> str:
    """Lower case, without diacritics, spaces collapsed: 'Thị trấn' -> 'thi tran'."""
    text = " ".join(text.lower().replace("đ", "d").split())
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


_HEADING_KEYS = {fold(h): key for key, names in COLUMNS.items() for h in names}


def parse_kind(text: str) -> str:
    """'commune', 'Xã, phường, thị trấn', 'xã' or 'Phường' -> 'commune'; ValueProblem else."""
    t = text.strip()
    if t in UNIT_KIND_LABELS:
        return t
    folded = fold(t)
    for kind, label in UNIT_KIND_LABELS.items():
        if folded == fold(label):
            return kind
    if folded in _KIND_WORDS:
        return _KIND_WORDS[folded]
    by_word = kind_from_name(t.replace(",", " "))  # 'phòng, ban', 'Xã (mới)'
    if by_word is not None:
        return by_word
    shown = ", ".join(f"{k} ({label})" for k, label in UNIT_KIND_LABELS.items())
    raise ValueProblem(f"loại đơn vị '{t}' không nhận ra (dùng một trong: {shown})")


def kind_from_name(name: str) -> str | None:
    """The kind a unit's name says ('Xã Lâm Sơn', 'Phường Đô Vinh' -> commune), or None."""
    folded = fold(name)
    for word in sorted(_KIND_WORDS, key=len, reverse=True):
        if folded.startswith(word + " "):
            return _KIND_WORDS[word]
    return None


@dataclass(frozen=True)
class UnitListRow:
    """One row of a unit list, each cell read; `line` is its row in the file."""

    line: int
    code: str
    name: str
    kind: str | None  # None: not given (the name or the existing unit decides)
    block: str | None
    active_from: dt.date | None
    active_to: dt.date | None
    merged_into: str | None
    renamed_on: dt.date | None = None


def header_columns(header: Sequence[object]) -> tuple[dict[str, int], list[str]]:
    """The column of each known key, and the problems (a required column missing)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _HEADING_KEYS.get(fold(str(cell))) if cell is not None else None
        if key is not None and key not in found:
            found[key] = i
    missing = [HEADINGS[k] for k in ("code", "name") if k not in found]
    problems = []
    if missing:
        problems.append(
            "Dòng tiêu đề thiếu cột " + ", ".join(f"'{m}'" for m in missing)
            + " (cần ít nhất các cột: Mã, Tên đơn vị; có thể thêm Loại, Khối, Hoạt động từ, "
            "Hoạt động đến, Sáp nhập vào, Đổi tên từ)."
        )
    return found, problems


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _date(cell: object) -> dt.date | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    return parse_day(str(cell))


def parse_unit_rows(
    header: Sequence[object], body: Sequence[Sequence[object]], *, first_row: int = 2
) -> tuple[list[UnitListRow], list[str]]:
    """Read every row under the header; blank rows are skipped. Problems name the row
    ('Dòng 7: ...'); a row with a problem is left out of the rows returned."""
    columns, problems = header_columns(header)
    if problems:
        return [], problems
    rows: list[UnitListRow] = []
    for offset, raw in enumerate(body):
        line = first_row + offset

        def cell(key: str, raw: Sequence[object] = raw) -> object:
            i = columns.get(key)
            return raw[i] if i is not None and i < len(raw) else None

        texts = [_text(c) for c in raw]
        if not any(texts):
            continue
        here: list[str] = []
        code, name = _text(cell("code")), _text(cell("name"))
        if not code:
            here.append("thiếu mã đơn vị")
        if not name:
            here.append("thiếu tên đơn vị")
        kind: str | None = None
        if _text(cell("kind")):
            try:
                kind = parse_kind(_text(cell("kind")))
            except ValueProblem as exc:
                here.append(exc.message)
        dates: dict[str, dt.date | None] = {}
        for key in ("active_from", "active_to", "renamed_on"):
            try:
                dates[key] = _date(cell(key))
            except ValueProblem as exc:
                dates[key] = None
                here.append(f"cột '{_heading(key)}': {exc.message}")
        start, end = dates["active_from"], dates["active_to"]
        if start and end and start > end:
            here.append(f"hoạt động từ {start:%d/%m/%Y} sau ngày hoạt động đến {end:%d/%m/%Y}")
        merged = _text(cell("merged_into")) or None
        if merged is not None and merged == code:
            here.append("đơn vị không thể sáp nhập vào chính nó")
        if merged is not None and end is None:
            here.append("đơn vị đã sáp nhập cần ngày 'Hoạt động đến' (ngày cuối trước sáp nhập)")
        if here:
            problems.append(f"Dòng {line} ({code or name or '?'}): " + "; ".join(here) + ".")
            continue
        rows.append(UnitListRow(
            line, code, name, kind, _text(cell("block")) or None, start, end, merged,
            dates["renamed_on"],
        ))
    seen: dict[str, int] = {}
    for r in rows:
        if r.code in seen:
            problems.append(f"Dòng {r.line} ({r.code}): mã trùng với dòng {seen[r.code]}.")
        seen.setdefault(r.code, r.line)
    if not rows and not problems:
        problems.append("Danh sách không có đơn vị nào (dưới dòng tiêu đề không có dòng nào).")
    return rows, problems


def _heading(key: str) -> str:
    return HEADINGS.get(key, "Đổi tên từ")
