"""One worksheet part: its cells as the file holds them, hidden rows and columns, merges.

`read_sheet` reads the cells of `<sheetData>` with one regular-expression pass over the
bytes when they are in the plain shape every spreadsheet writes (`_scan`), and the rest
of the part (columns, merges, everything else) with expat, which also checks that the
whole part is well-formed XML. Anything else — comments, CDATA, processing instructions,
prefixed or unknown elements inside `<sheetData>`, rich or phonetic text, another
encoding — and the whole part is read by expat alone (`_read_all`), element by element.
Both give the same cells: one conversion (xlsx_model.cell_value, style_format), and the
scan takes a part only when every byte of its `<sheetData>` is a token it knows
(tests/test_xlsx_sheet.py compares the two on every shape).

Why two: a form's `<sheetData>` has about 300 elements, and expat calls Python three
times for each (start, text, end); the scan takes a cell in one match, and a cell it
has met before (the labels of the same template, in every form of a batch) from a cache,
a whole row it has met before at once, and the part outside `<sheetData>` it has read
before (the very same bytes) as it was read then.

The package must already have passed xlsx_safety (sizes, zip bomb, DOCTYPE/ENTITY).
Anything malformed raises XlsxError or what expat, float() or int() raise; the caller
turns it into a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.parsers import expat

from .xlsx_model import (
    MAX_CELLS,
    XCell,
    XlsxError,
    XSheet,
    cell_value,
    is_true,
    split_ref,
    style_format,
)

__all__ = ["read_sheet"]


def read_sheet(
    data: bytes, sheet: XSheet, strings: Sequence[str], formats: tuple[str, ...]
) -> None:
    """The cells, hidden rows and columns and merged ranges of one worksheet part."""
    if not _scan(data, sheet, strings, formats):
        _read_all(data, sheet, strings, formats)


def _parser() -> Any:
    p = expat.ParserCreate()
    p.buffer_text = True
    return p


def _hide_cols(sheet: XSheet, a: dict[str, str]) -> None:
    if is_true(a.get("hidden")):
        lo, hi = int(a.get("min", "0")), int(a.get("max", "0"))
        sheet.hidden_cols.update(range(lo, min(hi, 16384) + 1))


def _merge(sheet: XSheet, a: dict[str, str]) -> None:
    first, _, last = a.get("ref", "").partition(":")
    (r1, c1), (r2, c2) = split_ref(first), split_ref(last or first)
    sheet.merged.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))


# ---- expat, element by element ---------------------------------------------------------


def _read_all(data: bytes, sheet: XSheet, strings: Sequence[str], formats: tuple[str, ...]) -> None:
    """The whole part by one expat pass, its handlers closures over local state."""
    cells = sheet.cells
    hidden_rows = sheet.hidden_rows
    row = col = phonetic = 0
    attrs: dict[str, str] = {}
    v: list[str] | None = None
    f: list[str] | None = None
    inline: list[str] | None = None
    buf: list[str] | None = None

    def start(tag: str, a: dict[str, str]) -> None:
        nonlocal row, col, attrs, v, f, inline, buf, phonetic
        t = tag.rpartition(":")[2]  # the local name: any prefix
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
            if is_true(a.get("hidden")):
                hidden_rows.add(row)
        elif t == "rPh":
            phonetic += 1
        elif t == "col":
            _hide_cols(sheet, a)
        elif t == "mergeCell":
            _merge(sheet, a)

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
        kind, value = cell_value(t, raw, None if inline is None else "".join(inline))
        if t == "s":
            value = None if raw is None else strings[int(raw)]
        if value is None and formula is None:
            return  # a formatted empty cell
        if len(cells) >= MAX_CELLS:
            raise XlsxError("too many cells")
        cells[(row, col)] = XCell(
            row, col, kind, value, formula, style_format(attrs.get("s"), formats)
        )

    p = _parser()
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.Parse(data, True)


# ---- the scan of <sheetData> ----------------------------------------------------------------

# The content of <sheetData> split into tokens, loosely (a cell, a row's start or end, white
# space): group 0 of each. A token is checked against the exact grammar below the first
# time it is met (cached: most tokens of a batch repeat), so the split needs only to be
# fast; a token the grammar does not take, or a byte no token covers, and expat reads.
_SPLIT = re.compile(
    rb"<c(?:\s[^<>]*)?(?:/>|(?<!/)>[^<]*(?:<(?!/c>)[^<]*)*</c>)|<row(?:\s[^<>]*)?>|</row>|\s+"
)
# XML's attributes: a name, '=', a quoted value (no '<' in it: XML forbids it)
_ATTRS = rb"""((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*"""
# a cell: an optional formula, an optional value, an optional inline string of one text
# run, in the schema's order; nothing else
_CELL = re.compile(
    rb"<c" + _ATTRS + rb"(?:/>|>"
    rb"(?:<f" + _ATTRS + rb"(?:/>|>([^<]*)</f>))?"
    rb"(?:<v>([^<]*)</v>)?"
    rb"(?:<is><t" + _ATTRS + rb">([^<]*)</t></is>)?"
    rb"</c>)"
)
_ROW = re.compile(rb"<row" + _ATTRS + rb"(/?)>")
_ATTR = re.compile(rb"""\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_REFERENCE = re.compile(rb"&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {b"lt": b"<", b"gt": b">", b"amp": b"&", b"quot": b'"', b"apos": b"'"}
# what XML forbids in character data and expat refuses: C0 controls but tab, line feed
# and carriage return (deleted, a text's length stays), U+FFFE and U+FFFF, ']]>'
_CONTROLS = bytes(range(32)).translate(None, b"\t\n\r")
_UTF8 = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']utf-?8["']""", re.I)
_PROLOG_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding", re.I)
_START = re.compile(rb"<sheetData" + _ATTRS + rb">")
# outside <sheetData>: the start tag of each element the reader takes (any prefix, as
# expat's reader), to its '>' (an attribute holding '>' leaves a tag its grammar refuses)
_OUTSIDE = re.compile(rb"<(?:[\w.-]+:)?(c|row|rPh|col|mergeCell)(?=[\s/>])([^<>]*)>")
_ATTRS_ONLY = re.compile(_ATTRS)


class _Unsure(Exception):
    """The scan cannot vouch for this part: expat reads it whole."""


def _valid_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _reference(m: re.Match[bytes]) -> bytes:
    name, decimal, hexadecimal = m.groups()
    if name is not None:
        return _NAMED[name]
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if not _valid_char(code):
        raise _Unsure  # expat refuses it: let it say so
    return chr(code).encode("utf-8")


# `raw.find(x) >= 0`, not `x in raw`, on these paths (each cell's text and attributes): on
# Python 3.11 `bytes in bytes` first tries the byte as an int and raises and clears a
# TypeError, with its message formatted, before it searches (about ten times the search)


def _text(raw: bytes) -> str:
    """Character data as expat gives it: line ends normalised, references replaced."""
    if raw.find(b"\r") >= 0:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if raw.find(b"&") >= 0:
        ampersands = raw.count(b"&")
        raw, replaced = _REFERENCE.subn(_reference, raw)
        if replaced != ampersands:
            raise _Unsure  # a bare '&' or an unknown entity: expat refuses it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unsure from None


def _attribute(raw: bytes) -> str:
    """An attribute's value as expat gives it: each white-space character a space (a
    line end one), references replaced."""
    if raw.isalnum():  # most values ('A12', 's', '3'): ASCII letters and digits only
        return raw.decode("ascii")
    if raw.find(b"\r") >= 0:
        raw = raw.replace(b"\r\n", b" ").replace(b"\r", b" ")
    if raw.find(b"\n") >= 0 or raw.find(b"\t") >= 0:
        raw = raw.replace(b"\n", b" ").replace(b"\t", b" ")
    return _text(raw)


def _attrs(raw: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, double, single in _ATTR.findall(raw):
        key = name.decode("ascii")
        if key in found:
            raise _Unsure  # a repeated attribute: not well-formed
        found[key] = _attribute(double or single)
    return found


# A token's meaning, worked out once: the forms of a batch are made from one template,
# so most of their cells (the labels) are the very same bytes. Per formats (a cell's
# number format is its style's in that workbook); shared strings are looked up each time.
# A whole row met before is taken at once (`_Row`): the cells it puts in place, when its
# meaning does not depend on the rows before it (its number and every cell's reference
# written out, no shared string).
_Entry = tuple[Any, ...]
_Row = tuple[int, bool, bool, tuple[tuple[tuple[int, int], XCell], ...], int, int]
_CACHES: dict[tuple[str, ...], dict[bytes, _Entry]] = {}
_ROW_CACHES: dict[tuple[str, ...], dict[bytes, _Row]] = {}
_CACHE_TOKENS = 20_000


def _cache(caches: dict[tuple[str, ...], dict[bytes, Any]], formats: tuple[str, ...]) -> Any:
    cache = caches.get(formats)
    if cache is None:
        if len(caches) >= 8:
            caches.clear()
        cache = caches[formats] = {}
    elif len(cache) >= _CACHE_TOKENS:
        cache.clear()
    return cache


# a cell's attributes by their bytes (read only: never changed once made)
_CELL_ATTRS: dict[bytes, dict[str, str]] = {}


def _cell_entry(tok: bytes, formats: tuple[str, ...]) -> _Entry:
    """A cell token: (its row and column or None, its cell made once or None, kind,
    value, formula, number format, whether the value is a shared string's index, True:
    a cell). _Unsure when the grammar does not take it."""
    m = _CELL.fullmatch(tok)
    if m is None:
        raise _Unsure
    c_attrs, f_attrs, f_text, v_text, t_attrs, t_text = m.groups()
    a = _CELL_ATTRS.get(c_attrs)
    if a is None:  # a value cell met before with another value: the same attributes
        if len(_CELL_ATTRS) >= _CACHE_TOKENS:
            _CELL_ATTRS.clear()
        a = _CELL_ATTRS[c_attrs] = _attrs(c_attrs)
    if f_attrs is not None:
        _attrs(f_attrs)  # checked as expat would (a repeated name, a bare '&')
    if t_attrs is not None:
        _attrs(t_attrs)
    r = a.get("r")
    rc = split_ref(r) if r else None
    t = a.get("t", "n")
    raw = None if v_text is None else _text(v_text)
    formula = None if f_attrs is None else _text(f_text or b"")
    kind, value = cell_value(t, raw, None if t_attrs is None else _text(t_text))
    fmt = style_format(a.get("s"), formats)
    if t == "s":
        return (rc, None, kind, raw, formula, fmt, True, True)
    made = None
    if rc is not None and not (value is None and formula is None):
        made = XCell(rc[0], rc[1], kind, value, formula, fmt)
    return (rc, made, kind, value, formula, fmt, False, True)


def _row_entry(tok: bytes) -> _Entry:
    """A row's start: (its number or None, hidden, whether it is empty: <row/>, False)."""
    m = _ROW.fullmatch(tok)
    if m is None:
        raise _Unsure
    a = _attrs(m.group(1))
    r = a.get("r")
    return (int(r) if r else None, is_true(a.get("hidden")), m.group(2) == b"/", False)


def _scan(data: bytes, sheet: XSheet, strings: Sequence[str], formats: tuple[str, ...]) -> bool:
    """Read `data` into `sheet` when its <sheetData> is plain; False, with `sheet`
    untouched, when expat must read it whole."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        return False  # UTF-16
    if _PROLOG_ENCODING.match(data) and not _UTF8.match(data):
        return False
    if b"<!" in data or data.find(b"<?", 4) >= 0:
        return False  # a comment, CDATA or a processing instruction: expat knows them
    i = data.find(b"<sheetData")
    if i < 0 or data.find(b"<sheetData", i + 1) >= 0:
        return False
    m = _START.match(data, i)
    if m is None:
        return False  # <sheetData/> or an odd start tag
    k = m.end()
    j = data.find(b"</sheetData>", k)
    if j < 0:
        return False
    region = data[k:j]
    if (
        len(region.translate(None, _CONTROLS)) != len(region)
        or b"]]>" in region
        or (b"\xef\xbf" in region and (b"\xef\xbf\xbe" in region or b"\xef\xbf\xbf" in region))
    ):
        return False
    cache: dict[bytes, _Entry] = _cache(_CACHES, formats)
    known_rows: dict[bytes, _Row] = _cache(_ROW_CACHES, formats)
    cells: dict[tuple[int, int], XCell] = {}
    hidden_rows: set[int] = set()
    row = col = open_rows = 0
    try:
        # split at each '</row>': no token the grammar takes holds one (a '<' in a value
        # is refused), so the pieces are the very tokens between them
        for n, piece in enumerate(region.split(b"</row>")):
            if n:  # the '</row>' before this piece
                open_rows -= 1
                if open_rows < 0:
                    return False  # not well-formed: expat says so
            known = known_rows.get(piece)
            if known is not None and len(cells) + len(known[3]) < MAX_CELLS:
                number, hidden, empty, placed, row, col = known
                if hidden:
                    hidden_rows.add(number)
                if not empty:
                    open_rows += 1
                cells.update(placed)
                continue
            tokens = _SPLIT.findall(piece)
            if sum(map(len, tokens)) != len(piece):
                return False  # a byte no token covers
            start: tuple[int, bool, bool] | None = None  # the row this piece opens...
            alone = True  # ...and whether its cells read the same after any other row
            placed_here: list[tuple[tuple[int, int], XCell]] = []
            for tok in tokens:
                e = cache.get(tok)
                if e is None:
                    second = tok[1:2]
                    if second == b"c":
                        e = _cell_entry(tok, formats)
                    elif second == b"r":
                        e = _row_entry(tok)
                    else:
                        continue  # white space
                    cache[tok] = e
                if e[-1]:  # a cell
                    rc, made, kind, value, formula, fmt, shared, _ = e
                    if rc is None:
                        col += 1
                        alone = False
                    else:
                        row, col = rc
                    if start is None or shared:
                        alone = False
                    if made is None:
                        if shared:
                            value = None if value is None else strings[int(value)]
                        if value is None and formula is None:
                            continue  # a formatted empty cell
                        made = XCell(row, col, kind, value, formula, fmt)
                    if len(cells) >= MAX_CELLS:
                        raise XlsxError("too many cells")
                    cells[(row, col)] = made
                    placed_here.append(((row, col), made))
                else:
                    number, hidden, empty, _ = e
                    if start is not None or number is None:
                        alone = False
                    row = row + 1 if number is None else number
                    col = 0
                    start = (row, hidden, empty)
                    if hidden:
                        hidden_rows.add(row)
                    if not empty:
                        open_rows += 1
            if alone and start is not None:
                known_rows[piece] = (*start, tuple(placed_here), row, col)
        if open_rows:
            return False
        hidden_cols, merged = _outside(data[:k] + data[j:])
    except Exception:  # _Unsure, or the part is refused: expat reads it whole and says so
        return False
    sheet.cells.update(cells)
    sheet.hidden_rows.update(hidden_rows)
    sheet.hidden_cols.update(hidden_cols)
    sheet.merged.extend(merged)
    return True


_Outside = tuple[frozenset[int], tuple[tuple[int, int, int, int], ...]]


def _outside(data: bytes) -> _Outside:
    """The part without its <sheetData>'s content: well-formed (expat, no handlers), its
    hidden columns and merges; _Unsure for a cell, row or phonetic run outside it.

    Worked out once for the very same bytes (the forms of a batch share this part: the
    columns, merges, page set-up of one template); a refused part is never kept."""
    known = _OUTSIDES.get(data)
    if known is None:
        known = _outside_read(data)
        if len(_OUTSIDES) >= _OUTSIDE_PARTS:
            _OUTSIDES.clear()
        _OUTSIDES[data] = known
    return known


def _outside_read(data: bytes) -> _Outside:
    _parser().Parse(data, True)
    rest = XSheet("", "")
    for name, raw in _OUTSIDE.findall(data):
        if name != b"col" and name != b"mergeCell":
            raise _Unsure
        a = _OUTSIDE_ATTRS.get(raw)
        if a is None:
            if _ATTRS_ONLY.fullmatch(raw[:-1] if raw.endswith(b"/") else raw) is None:
                raise _Unsure
            if len(_OUTSIDE_ATTRS) >= _CACHE_TOKENS:
                _OUTSIDE_ATTRS.clear()
            a = _OUTSIDE_ATTRS[raw] = _attrs(raw)
        (_hide_cols if name == b"col" else _merge)(rest, a)
    return frozenset(rest.hidden_cols), tuple(rest.merged)


# the attributes of the columns and merges, as the cells' tokens: the same in every form
_OUTSIDE_ATTRS: dict[bytes, dict[str, str]] = {}
# the parts outside <sheetData> already read (a few KB each), by their bytes
_OUTSIDES: dict[bytes, _Outside] = {}
_OUTSIDE_PARTS = 64
