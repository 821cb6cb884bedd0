"""The ruled table of the official PDF (exchange.pdf_grid): split by whole rows, the header
on every part, wrapped cells kept whole, the same look as reportlab's Table."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import unicodedata

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.exchange.pdf_document import BOLD, REGULAR, register_fonts
from desktop.exchange.pdf_grid import GridTable

LEADING = 14.4
PADS = 2 + 3


def _table(rows: int, wrapped_every: int = 0) -> GridTable:
    register_fonts()
    style = ParagraphStyle("cell", fontName=REGULAR, fontSize=12, leading=LEADING)
    cells: list[list[str | Paragraph]] = [["TT", "Đơn vị", "Điểm"]]
    for i in range(1, rows + 1):
        name: str | Paragraph = f"Xã Số {i}"
        if wrapped_every and i % wrapped_every == 0:
            name = Paragraph(f"Xã Số {i} " + "thôn Đồng Mỹ " * 8, style)
        cells.append([str(i), name, f"{i},5 %"])
    return GridTable(
        [40.0, 200.0, 80.0],
        cells,
        [BOLD] + [REGULAR] * rows,
        [None] * (rows + 1),
        ["CENTER"] * 3,
        ["CENTER", "LEFT", "RIGHT"],
        font_size=12,
        leading=LEADING,
        pad_h=3,
        pad_top=2,
        pad_bottom=3,
    )


def _parts(table: GridTable, room: float) -> list[GridTable]:
    parts = []
    rest = table
    while True:
        _, height = rest.wrap(500, room)
        if height <= room:
            return [*parts, rest]
        split = rest.split(500, room)
        assert len(split) == 2, "a part that does not fit splits in two"
        first, rest = split
        parts.append(first)


@pytest.mark.parametrize("wrapped_every", [0, 7])
def test_split_keeps_every_row_once_in_order_under_the_header(wrapped_every: int) -> None:
    table = _table(500, wrapped_every)
    room = 700.0
    parts = _parts(table, room)
    assert len(parts) > 5
    rows = [r for p in parts for r in range(p.start, p.stop)]
    assert rows == list(range(1, 501))
    header = table.grid.heights[0]
    for part in parts:
        _, height = part.wrap(500, room)
        assert height <= room + 1e-6
        assert part.body_rows >= 1
        body = sum(table.grid.heights[r] for r in range(part.start, part.stop))
        assert height == pytest.approx(header + body)
    # every part but the last is full: the next row would not have fitted
    for part in parts[:-1]:
        assert part.height + table.grid.heights[part.stop] > room


def test_wrapped_cells_make_their_row_taller() -> None:
    table = _table(14, wrapped_every=7)
    heights = table.grid.heights
    assert heights[1] == pytest.approx(LEADING + PADS)
    assert heights[7] >= 3 * LEADING + PADS


def test_nothing_splits_off_when_only_the_header_fits() -> None:
    table = _table(10)
    header, first = table.grid.heights[0], table.grid.heights[1]
    assert table.split(500, header + first / 2) == []
    assert table.first_part_height() == pytest.approx(header + first)
    (whole,) = table.split(500, 10_000)
    assert whole is table


def test_rows_come_out_whole_on_their_pages(tmp_path: pathlib.Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    path = tmp_path / "grid.pdf"
    SimpleDocTemplate(str(path)).build([_table(120, wrapped_every=5)])
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [unicodedata.normalize("NFC", p) for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    seen = []
    for page in pages:
        assert "Đơn vị" in page and "Điểm" in page  # the header on every page
        for line in page.splitlines():
            words = line.split()
            if words and words[0].isdigit() and "%" in line:
                seen.append(int(words[0]))
    assert seen == list(range(1, 121))
    # a wrapped cell's lines stay on the page of their row: eight "Mỹ" for each
    for page in pages:
        wrapped = [i for i in range(5, 121, 5) if f"Xã Số {i} " in page]
        assert page.count("Mỹ") == 8 * len(wrapped)
