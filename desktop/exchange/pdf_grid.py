"""A ruled table drawn straight on the canvas: the big tables of the official PDF.

    GridTable(widths, cells, row_fonts, row_fills, header_align, body_align,
              font_size=12, leading=14.4, pad_h=3, pad_top=2, pad_bottom=3)

The first row of ``cells`` is the header, repeated at the top of every page the table runs
over. A cell is a string (its lines split at "\\n", drawn in the row's font) or a wrapped
flowable (a Paragraph, for text that needs more than one line). It looks like reportlab's
``Table`` with a 0.5 pt black GRID, VALIGN MIDDLE and per-row BACKGROUND — same
positions, same rules — but every row's height is measured once, a page break is one
bisection over the running heights (reportlab's table measures and copies the remaining
rows again at every page: 2,000 rows made a 64-page report spend most of its time there),
and the strings of a page go out in one text object.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

Cell: TypeAlias = str | Flowable

LINE_WIDTH = 0.5
_FUZZ = 1e-6  # reportlab's layout arithmetic tolerance


class _Grid:
    """What the parts of one table share: cells, fonts, fills and every row's height."""

    def __init__(
        self,
        widths: Sequence[float],
        cells: Sequence[Sequence[Cell]],
        row_fonts: Sequence[str],
        row_fills: Sequence[colors.Color | None],
        header_align: Sequence[str],
        body_align: Sequence[str],
        *,
        font_size: float,
        leading: float,
        pad_h: float,
        pad_top: float,
        pad_bottom: float,
    ) -> None:
        if not cells:
            raise ValueError("table without a header row")
        if not (len(cells) == len(row_fonts) == len(row_fills)):
            raise ValueError("one font and one fill per row")
        self.widths = list(widths)
        self.cells = cells
        self.row_fonts = row_fonts
        self.row_fills = row_fills
        self.aligns = (list(header_align), list(body_align))
        self.size, self.leading = font_size, leading
        self.pad_h, self.pad_top, self.pad_bottom = pad_h, pad_top, pad_bottom
        self.col_x = [0.0, *accumulate(self.widths)]
        self.width = self.col_x[-1]
        # a flowable is wrapped once, to its column's inner width (as Table does)
        self.heights = [self._row_height(row) for row in cells]
        # tops[i]: the height of the body rows 1..i (tops[0] = 0)
        self.tops = [0.0, *accumulate(self.heights[1:])]

    def _row_height(self, row: Sequence[Cell]) -> float:
        height = 0.0
        for cell, width in zip(row, self.widths, strict=True):
            if isinstance(cell, str):
                h = self.leading * (cell.count("\n") + 1)
            else:
                h = cell.wrap(width - 2 * self.pad_h, 72000)[1]
            height = max(height, h + self.pad_top + self.pad_bottom)
        return height


class GridTable(Flowable):  # type: ignore[misc]
    """Body rows ``start`` to ``stop`` (1-based, stop excluded) under the header."""

    def __init__(
        self,
        widths: Sequence[float],
        cells: Sequence[Sequence[Cell]],
        row_fonts: Sequence[str],
        row_fills: Sequence[colors.Color | None],
        header_align: Sequence[str],
        body_align: Sequence[str],
        *,
        font_size: float,
        leading: float,
        pad_h: float,
        pad_top: float,
        pad_bottom: float,
        h_align: str = "CENTER",
    ) -> None:
        grid = _Grid(
            widths,
            cells,
            row_fonts,
            row_fills,
            header_align,
            body_align,
            font_size=font_size,
            leading=leading,
            pad_h=pad_h,
            pad_top=pad_top,
            pad_bottom=pad_bottom,
        )
        self._init(grid, 1, len(cells), h_align)

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
        g, c = self.grid, self.canv
        rows = [0, *range(self.start, self.stop)]
        tops = [self.height]  # from the bottom of the part: the top of each row, then 0
        for r in rows:
            tops.append(tops[-1] - g.heights[r])
        c.saveState()
        for r, top in zip(rows, tops, strict=False):
            fill = g.row_fills[r]
            if fill is not None:
                c.setFillColor(fill)
                c.rect(0, top, g.width, -g.heights[r], stroke=0, fill=1)
        c.setFillColor(colors.black)
        text = c.beginText()
        flowables: list[tuple[Flowable, float, float]] = []
        font = None
        for r, top in zip(rows, tops, strict=False):
            height = g.heights[r]
            bottom = top - height
            aligns = g.aligns[0 if r == 0 else 1]
            if g.row_fonts[r] != font:
                font = g.row_fonts[r]
                text.setFont(font, g.size, g.leading)
            for cell, x0, width, align in zip(g.cells[r], g.col_x, g.widths, aligns, strict=False):
                if not isinstance(cell, str):
                    h = cell.height  # as wrapped by _row_height
                    y = bottom + (height + g.pad_bottom - g.pad_top + h) / 2 - h
                    flowables.append((cell, x0 + g.pad_h, y))
                    continue
                lines = cell.split("\n")
                y = bottom + (g.pad_bottom + height - g.pad_top + len(lines) * g.leading) / 2
                y -= g.size
                for line in lines:
                    if line:
                        if align == "LEFT":
                            x = x0 + g.pad_h
                        else:
                            w = stringWidth(line, font, g.size)
                            x = (
                                x0 + width - g.pad_h - w
                                if align == "RIGHT"
                                else x0 + (width - w) / 2
                            )
                        text.setTextOrigin(x, y)
                        text.textOut(line)
                    y -= g.leading
        c.drawText(text)
        for cell, x, y in flowables:
            cell.drawOn(c, x, y)
        c.setStrokeColor(colors.black)
        c.setLineWidth(LINE_WIDTH)
        c.setLineCap(1)
        c.setLineJoin(1)
        rules = [(0.0, y, g.width, y) for y in tops]
        rules += [(x, tops[-1], x, tops[0]) for x in g.col_x]
        c.lines(rules)
        c.restoreState()
