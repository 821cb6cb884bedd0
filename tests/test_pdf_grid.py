"""The ruled table of the official PDF (exchange.pdf_grid): split by whole rows, the header
on every part, wrapped cells kept whole, the same look as reportlab's Table."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import unicodedata

import pytest
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.exchange.pdf_document import BOLD, REGULAR, register_fonts
from desktop.exchange.pdf_grid import GridStyle, GridTable

LEADING = 14.4
PADS = 2 + 3


def _table(rows: int, wrapped_every: int = 0) -> GridTable:
    register_fonts()
    styles = {
        a: ParagraphStyle(a, fontName=REGULAR, fontSize=12, leading=LEADING)
        for a in ("LEFT", "RIGHT", "CENTER")
    }
    wrapped: list[str] = []

    def wrap(text: str, font: str, align: str) -> Paragraph:
        wrapped.append(text)
        return Paragraph(text, styles[align])

    cells = [["TT", "Đơn vị", "Điểm"]]
    for i in range(1, rows + 1):
        name = f"Xã Số {i}"
        if wrapped_every and i % wrapped_every == 0:
            name += " " + "thôn Đồng Mỹ " * 8
        cells.append([str(i), name.strip(), f"{i},5 %"])
    table = GridTable(
        [40.0, 200.0, 80.0],
        cells,
        [BOLD] + [REGULAR] * rows,
        [None] * (rows + 1),
        (["CENTER"] * 3, ["CENTER", "LEFT", "RIGHT"]),
        GridStyle(font_size=12, leading=LEADING, pad_h=3, pad_top=2, pad_bottom=3),
        wrap,
    )
    # only what does not fit one line is wrapped
    assert len(wrapped) == (rows // wrapped_every if wrapped_every else 0)
    return table


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


def test_strings_over_several_subsets_and_repeated_read_back_as_written(
    tmp_path: pathlib.Path,
) -> None:
    """The strings go out as operators written by the table, each distinct string encoded
    once: more than 256 distinct characters (a font's second subset), strings mixing both
    subsets, strings repeated on every page, filled and bare rows, all read back."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    register_fonts()
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    vietnamese = [
        unicodedata.normalize("NFC", ch + mark)
        for ch in letters
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    ]
    cyrillic = [chr(c) for c in range(0x410, 0x450)]
    single = {ch for ch in vietnamese if len(ch) == 1}
    pool = sorted(single | {ch.upper() for ch in single} | set(cyrillic))
    assert len(pool) > 256
    words = ["".join(pool[i : i + 7]) for i in range(0, len(pool) - 6, 7)]
    rows = [["TT", "Từ", "Kết quả"]]
    fills = [None]
    for i in range(1, 181):
        word = words[i % len(words)]  # then new strings of characters already met
        rows.append([str(i), word if i <= 90 else word[2:], "Không đạt" if i % 3 else "Đạt"])
        fills.append(None if i % 2 else colors.HexColor("#F8D7DA"))
    table = GridTable(
        [40.0, 200.0, 80.0],
        rows,
        [BOLD] + [REGULAR] * 180,
        fills,
        (["CENTER"] * 3, ["CENTER", "LEFT", "LEFT"]),
        GridStyle(font_size=12, leading=LEADING, pad_h=3, pad_top=2, pad_bottom=3),
        lambda text, font, align: pytest.fail(f"{text!r} fits its column"),
    )
    path = tmp_path / "subsets.pdf"
    SimpleDocTemplate(str(path)).build([table])
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [unicodedata.normalize("NFC", p) for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    read = []
    for page in pages:
        assert "Từ" in page and "Kết quả" in page  # the header on every page
        for line in page.splitlines():
            cells = line.split()
            if cells and cells[0].isdigit():
                read.append(cells)
    assert read == [[r[0], r[1], *r[2].split()] for r in rows[1:]]


def test_the_encoder_writes_what_reportlab_writes_for_each_string() -> None:
    """A string of characters met before is written by one translate; each is the
    literal splitString and escapePDF give, in a document of its own, for strings with
    the characters a PDF string escapes, codes below 32 and a second subset."""
    from reportlab.lib.rl_accel import escapePDF
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont

    from desktop.exchange.pdf_grid import _Encoder

    register_fonts()
    pool = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xC0, 0x250)]
    strings = ["(a) \\ b)", "Đạt", "Không đạt"]
    strings += ["".join(pool[i : i + 9]) for i in range(0, len(pool), 9)]
    strings += [s[::-1] for s in strings] + ["((\\))", "Đạt (Không)"]
    ours, theirs = PDFDocument(), PDFDocument()
    encoder, face = _Encoder(ours), getFont(REGULAR)
    for text in strings * 2:
        expected = [
            (face.getSubsetInternalName(subset, theirs), subset, f"({escapePDF(b)}) Tj")
            for subset, b in face.splitString(text, theirs)
        ]
        assert encoder.runs(REGULAR, text) == expected, text
    assert len({subset for t in strings for subset, _b in face.splitString(t, theirs)}) > 1
