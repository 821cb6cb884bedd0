"""A ruled table drawn straight on the canvas: the tables of the official PDF.

    GridTable(widths, rows, row_fonts, row_fills, (header_align, body_align),
              GridStyle(font_size=12, leading=14.4, pad_h=3, pad_top=2, pad_bottom=3),
              wrapped=lambda text, font, align: Paragraph(...))

The first of ``rows`` is the header, repeated at the top of every page the table runs
over. A cell's text that fits its column on one line is drawn as a string in the row's
font; any other (longer, or with a line break) becomes the flowable ``wrapped`` makes of
it (a Paragraph). It looks like reportlab's ``Table`` with a 0.5 pt black GRID, VALIGN
MIDDLE and a BACKGROUND per row — the same positions and rules — but each text is
measured once, each row's height is known from the start, a page break is one bisection
over the running heights (reportlab's table measures and copies the remaining rows again
at every page: 2,000 rows made a 64-page report spend most of its time there), and a
page's fills, strings and rules go out as runs of PDF operators written here — the same
operators the canvas calls write, without their cost per call — with each distinct string
encoded once into the font's subsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from .rl_platypus import Flowable

LINE_WIDTH = 0.5
SLACK = 0.5  # pt: a string this close to its column's inner width is wrapped instead
_FUZZ = 1e-6  # reportlab's layout arithmetic tolerance

Wrapped = Callable[[str, str, str], Flowable]  # (text, font, "LEFT"/"RIGHT"/"CENTER")


@dataclass(frozen=True)
class GridStyle:
    font_size: float
    leading: float
    pad_h: float
    pad_top: float
    pad_bottom: float


class _Grid:
    """What the parts of one table share: the cells, each row's font, fill and height.

    A cell is (where the string starts from the table's left edge, as the operators
    write it; the string; 0) or (None; a flowable wrapped to the column's inner width;
    where it starts): what draw needs of it on every page, worked out once."""

    def __init__(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        row_fonts: Sequence[str],
        row_fills: Sequence[colors.Color | None],
        aligns: tuple[Sequence[str], Sequence[str]],
        style: GridStyle,
        wrapped: Wrapped,
    ) -> None:
        if not rows:
            raise ValueError("table without a header row")
        if not (len(rows) == len(row_fonts) == len(row_fills)):
            raise ValueError("one font and one fill per row")
        self.widths = list(widths)
        self.row_fonts, self.row_fills, self.style = row_fonts, row_fills, style
        self.col_x = [0.0, *accumulate(self.widths)]
        self.width = self.col_x[-1]
        self.cells: list[list[tuple[str | None, object, float]]] = []
        self.heights: list[float] = []
        self._measured: dict[str, tuple[Callable[..., float], dict[str, float]]] = {}
        self._starts: dict[float, str] = {}  # where a string starts -> as _num writes it
        for r, (row, font) in enumerate(zip(rows, row_fonts, strict=True)):
            self._add_row(row, font, aligns[0 if r == 0 else 1], wrapped)
        del self._measured, self._starts
        # tops[i]: the height of the body rows 1..i (tops[0] = 0)
        self.tops = [0.0, *accumulate(self.heights[1:])]
        self._encoder: _Encoder | None = None

    def _add_row(
        self, row: Sequence[str], font: str, aligns: Sequence[str], wrapped: Wrapped
    ) -> None:
        s = self.style
        inner_height = s.leading
        cells: list[tuple[str | None, object, float]] = []
        measured = self._measured.get(font)
        if measured is None:  # the font's own measure (what stringWidth calls), and the
            # widths it gave: a table's verdicts and numbers repeat down its rows
            measured = self._measured[font] = (getFont(font).stringWidth, {})
        measure, known = measured
        starts = self._starts  # a column's strings mostly start where another one did
        for text, width, align, x0 in zip(row, self.widths, aligns, self.col_x, strict=False):
            inner = width - 2 * s.pad_h
            w = inner if "\n" in text else known.get(text)
            if w is None:
                w = known[text] = measure(text, s.font_size)
            if w <= inner - SLACK:
                x = (
                    s.pad_h
                    if align == "LEFT"
                    else width - s.pad_h - w
                    if align == "RIGHT"
                    else (width - w) / 2
                )
                at = x0 + x
                shown = starts.get(at)
                if shown is None:
                    shown = starts[at] = _num(at)
                cells.append((shown, text, 0.0))  # where the string starts, as text
            else:
                flowable = wrapped(text, font, align)
                inner_height = max(inner_height, flowable.wrap(inner, 72000)[1])
                cells.append((None, flowable, x0 + s.pad_h))
        self.cells.append(cells)
        self.heights.append(inner_height + s.pad_top + s.pad_bottom)

    def encoder(self, doc: object) -> _Encoder:
        if self._encoder is None or self._encoder.doc is not doc:
            self._encoder = _Encoder(doc)
        return self._encoder


class _Unmet(Exception):  # noqa: N818 (not an error: a character not yet given a code)
    """A character the font's first subset has not given a code yet."""


class _Escaped(dict[int, str]):
    """character -> its code in the font's first subset, escaped as in a PDF string
    literal: str.translate with it writes a string's "(...)" contents in one call, and
    stops (_Unmet, not a LookupError: translate would keep the character) at one it
    has not met."""

    def __missing__(self, key: int) -> str:
        raise _Unmet


# a byte of a PDF string literal as reportlab's escapePDF writes it, for every byte
_ESCAPES = tuple(escapePDF(bytes([code])) for code in range(256))


class _Encoder:
    """A table's strings as text operators of one document: ``runs(font, text)`` ->
    [(subset font name, subset, "(bytes) Tj")], what reportlab's text object writes for
    the string. Each distinct string is encoded once (a table's numbers, verdicts and
    headers repeat on every page); a string of characters already met in the font is
    written without reportlab's loop over its characters: one str.translate from the
    characters to their codes' escapes (_Escaped), learnt from its splitString."""

    def __init__(self, doc: object) -> None:
        self.doc = doc
        self._runs: dict[tuple[str, str], list[tuple[str, int, str]]] = {}
        self._escaped: dict[str, _Escaped] = {}  # font -> its subset 0's escaped codes
        self._names: dict[str, str] = {}  # font -> its subset 0's name in the document

    def runs(self, font: str, text: str) -> list[tuple[str, int, str]]:
        key = (font, text)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = self._encode(font, text)
        return found

    def _encode(self, font: str, text: str) -> list[tuple[str, int, str]]:
        escaped = self._escaped.get(font)
        if escaped is not None:
            try:
                return [(self._names[font], 0, f"({text.translate(escaped)}) Tj")]
            except _Unmet:
                pass
        face = getFont(font)
        runs = face.splitString(text, self.doc)
        out = [
            (face.getSubsetInternalName(subset, self.doc), subset, f"({escapePDF(b)}) Tj")
            for subset, b in runs
        ]
        if len(runs) == 1 and runs[0][0] == 0 and len(runs[0][1]) == len(text):
            if escaped is None:
                escaped = self._escaped[font] = _Escaped()
                self._names[font] = out[0][0]
            escaped.update(zip(map(ord, text), map(_ESCAPES.__getitem__, runs[0][1]), strict=True))
        return out


class GridTable(Flowable):  # type: ignore[misc]
    """Body rows ``start`` to ``stop`` (1-based, stop excluded) under the header."""

    def __init__(
        self,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        row_fonts: Sequence[str],
        row_fills: Sequence[colors.Color | None],
        aligns: tuple[Sequence[str], Sequence[str]],
        style: GridStyle,
        wrapped: Wrapped,
        h_align: str = "CENTER",
    ) -> None:
        grid = _Grid(widths, rows, row_fonts, row_fills, aligns, style, wrapped)
        self._init(grid, 1, len(rows), h_align)

    def _init(self, grid: _Grid, start: int, stop: int, h_align: str) -> None:
        Flowable.__init__(self)
        self.grid, self.start, self.stop = grid, start, stop
        self.hAlign = h_align
        self.width = grid.width
        self.height = grid.heights[0] + grid.tops[stop - 1] - grid.tops[start - 1]

    def _part(self, start: int, stop: int) -> GridTable:
        part = GridTable.__new__(GridTable)
        part._init(self.grid, start, stop, self.hAlign)
        return part

    @property
    def body_rows(self) -> int:
        return self.stop - self.start

    def first_part_height(self) -> float:
        """The header row and the first body row: the least that may end a page."""
        g = self.grid
        return g.heights[0] + (g.heights[self.start] if self.stop > self.start else 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """As reportlab's Table split by row with the header repeated: as many whole rows
        as fit, at least one under the header, else nothing (the frame moves on)."""
        g = self.grid
        room = avail_height - g.heights[0] + g.tops[self.start - 1] + _FUZZ
        end = min(bisect_right(g.tops, room), self.stop)  # rows start..end-1 fit
        if end <= self.start:
            return []
        if end >= self.stop:
            return [self]
        return [self._part(self.start, end), self._part(end, self.stop)]

    def draw(self) -> None:
        """The part as runs of PDF operators: the rows' fills, the strings (each placed
        with Tm, in its row's font), the wrapped cells' flowables, then the rules as one
        path: what reportlab's canvas calls write, without a call (and reportlab's number
        formatting) per string, rectangle and rule."""
        g, c, s = self.grid, self.canv, self.grid.style
        rows = [0, *range(self.start, self.stop)]
        tops = [self.height]  # from the bottom of the part: the top of each row, then 0
        for r in rows:
            tops.append(tops[-1] - g.heights[r])
        width = _num(g.width)
        c.saveState()
        code: list[str] = []
        put = code.append
        current_fill = None
        for r, top in zip(rows, tops, strict=False):  # the fills, each row its own
            fill = g.row_fills[r]
            if fill is None:
                continue
            if getattr(fill, "alpha", 1) != 1:  # as the canvas sets a transparent colour
                _flush(c, code)
                c.setFillColor(fill)
                c.rect(0, top, g.width, -g.heights[r], stroke=0, fill=1)
                current_fill = None
                continue
            if fill is not current_fill:
                current_fill = fill
                put(f"{fp_str(fill.red, fill.green, fill.blue)} rg")
            put(f"n 0 {_num(top)} {width} {_num(-g.heights[r])} re f*")
        _flush(c, code)
        c.setFillColor(colors.black)
        flowables: list[tuple[Flowable, float, float]] = []
        put("BT")
        encoded = g.encoder(c._doc).runs  # noqa: SLF001 (the document the subsets belong to)
        current: tuple[str, int] | None = None  # (font, subset) selected in the text object
        # a string's baseline in its row, as Table's VALIGN MIDDLE puts one line
        baseline = (s.pad_bottom - s.pad_top + s.leading) / 2 - s.font_size
        size = f"{fp_str(s.font_size)} Tf {fp_str(s.leading)} TL"
        for r, top in zip(rows, tops, strict=False):
            height = g.heights[r]
            bottom = top - height
            font = g.row_fonts[r]
            tm = f" {_num(bottom + height / 2 + baseline)} Tm"  # the row's baseline
            for x, cell, left in g.cells[r]:
                if x is None:
                    h = cell.height  # as wrapped by _add_row
                    flowables.append(
                        (cell, left, bottom + (height + s.pad_bottom - s.pad_top - h) / 2)
                    )
                elif cell:
                    put(f"1 0 0 1 {x}{tm}")
                    for name, subset, shown in encoded(font, cell):
                        if current != (font, subset):
                            current = (font, subset)
                            put(f"{name} {size}")
                        put(shown)
        put("ET")
        _flush(c, code)
        for cell, x, y in flowables:
            cell.drawOn(c, x, y)
        c.setStrokeColor(colors.black)
        c.setLineWidth(LINE_WIDTH)
        c.setLineCap(1)
        c.setLineJoin(1)
        first, last = _num(tops[0]), _num(tops[-1])
        code = ["n"]
        code.extend(f"0 {y} m {width} {y} l" for y in map(_num, tops))
        code.extend(f"{x} {last} m {x} {first} l" for x in map(_num, g.col_x))
        code.append("S")
        _flush(c, code)
        c.restoreState()


def _flush(c: Canvas, code: list[str]) -> None:
    """The operators gathered so far into the page, in order with the canvas's own."""
    if code:
        c.addLiteral("\n".join(code))
        code.clear()


def _num(x: float) -> str:
    """A coordinate as the PDF's operators take it: at most 4 decimals, no trailing
    zeros (as reportlab's fp_str writes it, without its cost per number)."""
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
