"""An official Vietnamese administrative report as PDF (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Generic: the caller fills plain dataclasses (``OfficialReport`` with ``Section``, ``Table``
and ``Signer``) and calls ``write_report``. Nothing here knows about plans, units or the
database; no Qt, no SQLAlchemy.

Layout (DESIGN.md section 7):

- A4 portrait, margins top 20, bottom 20, left 30, right 15 mm. Wide tables
  (``Table.landscape``) go on A4 landscape pages whose top edge is the binding edge once the
  sheet is turned, so their top margin is the binding margin (30 mm), the others 20 mm.
- The header is a two-column block drawn directly (so that the rules are exact): the parent
  body over the issuing office (rule 40 % as long, centred), "Số: ..."; on the right the
  national title over the motto (a rule exactly as long as the motto, drawn as a line below
  the dot-below marks, never an ``<u>`` underline), and the italic place-and-date line on the
  same baseline as "Số".
- Title and summary bold 14 centred with a short rule under the summary; body 14 justified,
  first-line indent 1 cm, 6 pt between paragraphs; tables 12 pt (11 pt from seven columns),
  header row repeated on every page; signature block on the right kept together with
  "Nơi nhận:" on the left; page numbers centred in the top margin from page 2 on.
- Liberation Serif 2.x (metric-compatible with Times New Roman, all Vietnamese letters) is
  bundled in resources/fonts and embedded as a subset.
"""

from __future__ import annotations

import datetime
import io
import os
import pathlib
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.vnformat import long_date

from .pdf_grid import GridStyle, GridTable
from .rl_platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from .rl_platypus import Paragraph as RLParagraph
from .rl_platypus import Table as RLTable


class Paragraph(RLParagraph):  # type: ignore[misc]
    """reportlab's Paragraph, its lines broken once per width: the keep-with-next pass,
    the frame and the page break each wrap the same paragraph at the same width (a long
    list item or a lead-in was broken into lines two or three times).

    The parser's runs of text are joined where they are styled alike: it makes a run of
    each entity, so "58,33 % (35/60) &lt; 65 %" came out as three runs of one style,
    and a paragraph of several runs is broken into lines word by word through
    reportlab's comparison of every word's style with the last (some 2 ms a line of
    section II, ten times the one-run way), the same lines either way."""

    _wrapped_at: float | None = None
    frags: list[Any]

    def __init__(
        self, text: str, style: ParagraphStyle, bulletText: str | None = None, frags: Any = None
    ) -> None:
        super().__init__(text, style, bulletText, frags)
        if frags is None and len(self.frags) > 1:
            self.frags = _joined_runs(self.frags)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width == self._wrapped_at and hasattr(self, "blPara"):
            return self.width, self.height
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return width, height


def _joined_runs(frags: list[Any]) -> list[Any]:
    """The parser's runs, each next run of the same style (every attribute but its text
    equal: font, size, colour, rise, link, no line break) joined to the last."""
    out = [frags[0]]
    for frag in frags[1:]:
        last, here = out[-1].__dict__, frag.__dict__
        if last.keys() == here.keys() and all(
            value is here[key] or value == here[key] for key, value in last.items() if key != "text"
        ):
            out[-1].text += frag.text
        else:
            out.append(frag)
    return out


__all__ = [
    "FONT_FAMILY",
    "Figure",
    "Item",
    "OfficialReport",
    "Section",
    "Signer",
    "Table",
    "register_fonts",
    "report_bytes",
    "write_report",
]

# --------------------------------------------------------------------------- data


@dataclass
class Table:
    """A table of text cells; the first row of the PDF table is ``header``, repeated on
    every page the table runs over.

    ``col_widths_mm``: widths in mm (scaled down if they do not fit); None: from the content.
    ``align``: "left" / "right" / "center" per column; None: numbers right, text left.
    ``landscape``: the table goes on landscape page(s) of its own.
    ``row_styles``: per body row None, "pass" (light green), "fail" (light red),
    "warn" (light yellow), "bold", or "total" (bold on light grey).
    """

    header: list[str]
    rows: list[list[str]]
    col_widths_mm: list[float] | None = None
    align: list[str] | None = None
    landscape: bool = False
    row_styles: list[str | None] | None = None


@dataclass
class Figure:
    """A picture (a reportlab ``Drawing``, sized to the text width) over its caption; kept
    whole on one page."""

    drawing: Flowable
    caption: str


Item = str | Table | Figure  # what a section holds: paragraphs, tables, figures


@dataclass
class Section:
    """``heading`` carries its own number: "I. KẾT QUẢ ..." (level 1, bold, upper case),
    "1. ..." (level 2, bold), "a) ..." (level 3, italic)."""

    heading: str
    level: int = 1
    paragraphs: list[Item] = field(default_factory=list)


@dataclass
class Signer:
    authority: str  # "KT. TRƯỞNG PHÒNG", "TM. ỦY BAN NHÂN DÂN" or ""
    title: str  # "PHÓ TRƯỞNG PHÒNG"
    name: str


@dataclass
class OfficialReport:
    parent_body: str  # "UBND huyện Ninh Sơn"
    office: str  # "Phòng Văn hóa và Thông tin"
    number: str  # "12/BC-VHTT" -> "Số: 12/BC-VHTT"
    place: str  # "Ninh Sơn"
    date: datetime.date
    title: str  # "BÁO CÁO"
    summary: str  # "Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2023"
    sections: list[Section]
    recipients: list[str]  # each rendered "- ...;", the last "- Lưu: VT, ... ."
    signer: Signer
    intro: list[str] = field(default_factory=list)  # paragraphs before the first section
    addressee: str = ""  # "Kính gửi: Ủy ban nhân dân huyện Ninh Sơn." under the title


# --------------------------------------------------------------------------- fonts

FONT_FAMILY = "LiberationSerif"
_FONT_FILES = {
    FONT_FAMILY: "LiberationSerif-Regular.ttf",
    f"{FONT_FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FONT_FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FONT_FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
REGULAR = FONT_FAMILY
BOLD = f"{FONT_FAMILY}-Bold"
ITALIC = f"{FONT_FAMILY}-Italic"
BOLD_ITALIC = f"{FONT_FAMILY}-BoldItalic"

_font_lock = threading.Lock()
_fonts_registered = False


def _resource_path(*parts: str) -> pathlib.Path:
    """resources/<parts>, from source (the repository root above desktop/) or from a
    PyInstaller bundle (sys._MEIPASS; the build must add resources/ as data). Private: this
    module is not to depend on anything that may import Qt."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = pathlib.Path(bundle) if bundle else pathlib.Path(__file__).resolve().parents[2]
    return root.joinpath("resources", *parts)


def register_fonts() -> str:
    """Register the bundled Liberation Serif family once; return the family name."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered:
            return FONT_FAMILY
        for name, filename in _FONT_FILES.items():
            font_file = _resource_path("fonts", filename)
            if not font_file.is_file():
                raise FileNotFoundError(f"bundled font missing: {font_file}")
            pdfmetrics.registerFont(TTFont(name, str(font_file)))
        pdfmetrics.registerFontFamily(
            FONT_FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _fonts_registered = True
        return FONT_FAMILY


# The page streams go out compressed only, not also ASCII85-encoded (reportlab's default,
# for 7-bit channels that PDF files no longer travel through): the same pages, a fifth
# smaller, and without encoding each page's compressed stream to ASCII85 text and then
# that text back to bytes through a Python codec (some 45M instructions a 64-page report).
rl_config.useA85 = 0

# --------------------------------------------------------------------------- geometry

PORTRAIT = A4
LANDSCAPE = landscape(A4)
# (top, bottom, left, right)
PORTRAIT_MARGINS = (20 * mm, 20 * mm, 30 * mm, 15 * mm)
LANDSCAPE_MARGINS = (30 * mm, 20 * mm, 20 * mm, 20 * mm)

BODY_SIZE = 14
BODY_LEADING = 17
INDENT = 10 * mm  # first-line indent 1 cm
PARA_GAP = 6  # pt between paragraphs
HEADER_LEFT_SIZE = 13
NATIONAL_SIZE = 12  # 13 pt bold does not fit the right column beside a 13 pt office name
MOTTO_SIZE = 13
NUMBER_SIZE = 13
DATE_SIZE = 13
TITLE_SIZE = 14
SIGN_SIZE = 14
RECIPIENTS_HEAD_SIZE = 12
RECIPIENTS_SIZE = 11
PAGE_NUMBER_SIZE = 13
RULE_WIDTH = 0.6
RIGHT_COLUMN = 90 * mm  # header and signature: the right column

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

ROW_COLOURS = {
    "pass": colors.HexColor("#E2F0D9"),
    "fail": colors.HexColor("#F8D7DA"),
    "warn": colors.HexColor("#FFF2CC"),
    "total": colors.HexColor("#E7E6E6"),
}
ROW_STYLES = {None, "pass", "fail", "warn", "bold", "total"}
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "centre": TA_CENTER}
_SEQUENCE_HEADERS = {"STT", "TT", "SỐ TT", "SỐ THỨ TỰ"}  # a running number is centred
_NUMBER_RE = re.compile(r"^[-+−]?[\d.,\s]+(%|\s*%)?$|^[—–-]$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _upper(text: str) -> str:
    return _nfc(text).upper()


NBSP = "\u00a0"
_PERCENT_SPACE = re.compile(r"(?<=\d)[ \t]+(?=%)")


def keep_percent(text: str) -> str:
    """'72,50 %' -> '72,50\u00a0%': a percent sign never starts a line of its own."""
    return _PERCENT_SPACE.sub(NBSP, text)


def _markup(text: str) -> str:
    """Plain text to Paragraph markup: NFC, XML escaped, line breaks kept, '%' held to its
    number."""
    # escaped here: xml.sax.saxutils.escape would import urllib.request and http.client
    text = keep_percent(_nfc(text)).replace("&", "&amp;").replace("<", "&lt;")
    return text.replace(">", "&gt;").replace("\n", "<br/>")


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """'- Như trên;' ... '- Lưu: VT, VHTT.' (NĐ 30, Phụ lục I): every line ends with ';',
    the last with '.', whatever punctuation the settings had."""
    items = [_nfc(r).strip().rstrip(";.,").strip() for r in recipients]
    items = [r.removeprefix("-").strip() for r in items if r]
    return [f"- {r}{'.' if i == len(items) - 1 else ';'}" for i, r in enumerate(items)]


def _width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap (header lines are short, a hard break is never needed)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _balanced_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as greedy wrapping, but with lines of similar length
    (a header "PHÒNG VĂN HÓA VÀ / THÔNG TIN" reads worse than "PHÒNG VĂN HÓA / VÀ THÔNG TIN")."""
    lines = _wrap_words(text, font, size, width)
    if len(lines) < 2:
        return lines
    target = len(lines)
    lo, hi = 0.0, width
    best = lines
    for _ in range(24):
        mid = (lo + hi) / 2
        trial = _wrap_words(text, font, size, mid)
        if len(trial) <= target and all(_width(t, font, size) <= width for t in trial):
            best, hi = trial, mid
        else:
            lo = mid
    return best


# --------------------------------------------------------------------------- header


class _Line:
    __slots__ = ("text", "font", "size")

    def __init__(self, text: str, font: str, size: float) -> None:
        self.text, self.font, self.size = text, font, size


class _HeaderBlock(Flowable):  # type: ignore[misc]
    """The two-column header of Phụ lục I (ô 1, 2, 3, 4)."""

    def __init__(self, report: OfficialReport) -> None:
        super().__init__()
        self.report = report
        self._ops: list[tuple[str, float, float, float, str, str, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        r = self.report
        right_w = min(RIGHT_COLUMN, avail_width * 0.56)
        left_w = avail_width - right_w
        pad = 5 * mm  # a clear gap between the two columns (a 13 pt office name of 71 mm
        # or more, as "SỞ KHOA HỌC VÀ CÔNG NGHỆ", is set in 12 pt)
        parent = _upper(r.parent_body)
        office = _upper(r.office)
        size = HEADER_LEFT_SIZE
        if max(_width(parent, REGULAR, size), _width(office, BOLD, size)) > left_w - pad:
            size = HEADER_LEFT_SIZE - 1
        left = [
            _Line(t, REGULAR, size) for t in _balanced_wrap(parent, REGULAR, size, left_w - pad)
        ]
        office_lines = [
            _Line(t, BOLD, size) for t in _balanced_wrap(office, BOLD, size, left_w - pad)
        ]
        national_size: float = NATIONAL_SIZE
        while _width(NATIONAL_TITLE, BOLD, national_size) > right_w and national_size > 10:
            national_size -= 0.5

        ops: list[tuple[str, float, float, float, str, str, float]] = []
        # ("text", x_centre, y_from_top, 0, text, font, size) / ("rule", x_centre, y, length, ...)
        lc, rc = left_w / 2, left_w + right_w / 2

        def put(lines: list[_Line], x: float, y: float) -> float:
            for line in lines:
                y += line.size * 1.2
                ops.append(("text", x, y - line.size * 0.25, 0, line.text, line.font, line.size))
            return y

        y_left = put(left, lc, 0)
        y_left = put(office_lines, lc, y_left)
        rule_y = y_left + 2.5
        office_w = max(_width(ln.text, ln.font, ln.size) for ln in office_lines)
        ops.append(("rule", lc, rule_y, office_w * 0.4, "", "", 0))
        y_left = rule_y

        y_right = put([_Line(NATIONAL_TITLE, BOLD, national_size)], rc, 0)
        y_right = put([_Line(MOTTO, BOLD, MOTTO_SIZE)], rc, y_right)
        # the rule clears the dot-below marks (they reach about 0.2 em below the baseline)
        rule_y = y_right + 2.5
        ops.append(("rule", rc, rule_y, _width(MOTTO, BOLD, MOTTO_SIZE), "", "", 0))
        y_right = rule_y

        row_y = max(y_left, y_right) + 8 + max(NUMBER_SIZE, DATE_SIZE) * 1.2
        base = row_y - max(NUMBER_SIZE, DATE_SIZE) * 0.25
        ops.append(("text", lc, base, 0, f"Số: {_nfc(r.number)}", REGULAR, NUMBER_SIZE))
        date_text = _nfc(long_date(r.place, r.date))
        date_size: float = DATE_SIZE
        while _width(date_text, ITALIC, date_size) > right_w and date_size > 10:
            date_size -= 0.5
        ops.append(("text", rc, base, 0, date_text, ITALIC, date_size))
        self._ops = ops
        self.width, self.height = avail_width, row_y
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        c.saveState()
        c.setLineWidth(RULE_WIDTH)
        for kind, x, y_top, length, text, font, size in self._ops:
            y = self.height - y_top
            if kind == "text":
                c.setFont(font, size)
                c.drawCentredString(x, y, text)
            else:
                c.line(x - length / 2, y, x + length / 2, y)
        c.restoreState()


class _CentredRule(Flowable):  # type: ignore[misc]
    """A short centred rule (under the summary line)."""

    def __init__(self, length: float, space_before: float = 2, space_after: float = 0) -> None:
        super().__init__()
        self.length, self.before, self.after = length, space_before, space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.length = min(self.length, avail_width)
        return avail_width, self.before + self.after + RULE_WIDTH

    def draw(self) -> None:
        y = self.after
        self.canv.setLineWidth(RULE_WIDTH)
        self.canv.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


# --------------------------------------------------------------------------- styles


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=INDENT,
        spaceAfter=PARA_GAP,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, spaceBefore=6, alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, spaceBefore=3, alignment=TA_LEFT),
        "h3": ParagraphStyle("h3", parent=body, fontName=ITALIC, alignment=TA_LEFT),
        "title": ParagraphStyle(
            "title",
            fontName=BOLD,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.25,
            alignment=TA_CENTER,
        ),
        "recipients_head": ParagraphStyle(
            "recipients_head",
            fontName=BOLD_ITALIC,
            fontSize=RECIPIENTS_HEAD_SIZE,
            leading=RECIPIENTS_HEAD_SIZE * 1.2,
        ),
        "recipients": ParagraphStyle(
            "recipients",
            fontName=REGULAR,
            fontSize=RECIPIENTS_SIZE,
            leading=RECIPIENTS_SIZE * 1.2,
            leftIndent=0,
        ),
        "caption": ParagraphStyle(
            "caption",
            fontName=ITALIC,
            fontSize=12,
            leading=14.4,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=PARA_GAP * 2,
        ),
        "addressee": ParagraphStyle(
            "addressee",
            fontName=REGULAR,
            fontSize=BODY_SIZE,
            leading=BODY_LEADING,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        "sign": ParagraphStyle(
            "sign",
            fontName=BOLD,
            fontSize=SIGN_SIZE,
            leading=SIGN_SIZE * 1.2,
            alignment=TA_CENTER,
        ),
    }


# --------------------------------------------------------------------------- tables

_PAD_H = 3.0
_SHORT_HEADER = 16 * mm
_PAD_V = 2.0


def _looks_numeric(cells: Sequence[str]) -> bool:
    seen = False
    for cell in cells:
        text = cell.strip()
        if not text:
            continue
        if not _NUMBER_RE.match(text):
            return False
        seen = seen or any(ch.isdigit() for ch in text)
    return seen


def _column_widths(table: Table, font_size: float, avail: float) -> list[float]:
    ncols = len(table.header)
    if table.col_widths_mm is not None:
        widths = [w * mm for w in table.col_widths_mm]
        total = sum(widths)
        if total > avail:
            widths = [w * avail / total for w in widths]
        return widths
    natural = [0.0] * ncols
    minimum = [0.0] * ncols
    for r, row in enumerate([table.header, *table.rows]):
        font = BOLD if r == 0 else REGULAR
        for i, cell in enumerate(row):
            text = _nfc(cell)
            words = text.split() or [""]
            longest_word = max(_width(w, font, font_size) for w in words)
            minimum[i] = max(minimum[i], longest_word)
            # a long header may wrap over two lines; a short one ("Cột 3") stays whole
            full = _width(text, font, font_size)
            if r == 0 and full > _SHORT_HEADER:
                full /= 2
            natural[i] = max(natural[i], full)
    extra = 2 * _PAD_H + 1
    natural = [max(n, m) + extra for n, m in zip(natural, minimum, strict=True)]
    minimum = [m + extra for m in minimum]
    if sum(natural) <= avail:
        # fill the text width, giving the room to the columns in proportion
        scale = avail / sum(natural)
        return [n * scale for n in natural]
    if sum(minimum) >= avail:
        return [m * avail / sum(minimum) for m in minimum]
    # water-filling: cap the wide columns at a common width, never below their longest word
    lo, hi = 0.0, max(natural)
    for _ in range(40):
        cap = (lo + hi) / 2
        total = sum(max(m, min(n, cap)) for n, m in zip(natural, minimum, strict=True))
        if total > avail:
            hi = cap
        else:
            lo = cap
    widths = [max(m, min(n, lo)) for n, m in zip(natural, minimum, strict=True)]
    spare = avail - sum(widths)
    capped = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
    for i in capped:
        widths[i] += spare / len(capped)
    return widths


def _validate_table(table: Table) -> None:
    ncols = len(table.header)
    if ncols == 0:
        raise ValueError("table without columns")
    for i, row in enumerate(table.rows):
        if len(row) != ncols:
            raise ValueError(f"table row {i + 1} has {len(row)} cells, the header {ncols}")
    for name, value in (("col_widths_mm", table.col_widths_mm), ("align", table.align)):
        if value is not None and len(value) != ncols:
            raise ValueError(f"table {name} has {len(value)} entries for {ncols} columns")
    if table.align is not None:
        bad = [a for a in table.align if a not in _ALIGN]
        if bad:
            raise ValueError(f"table align {bad!r}: use left, right or center")
    if table.row_styles is not None:
        if len(table.row_styles) != len(table.rows):
            raise ValueError(
                f"table row_styles has {len(table.row_styles)} entries for {len(table.rows)} rows"
            )
        bad_styles = sorted({s for s in table.row_styles if s not in ROW_STYLES}, key=str)
        if bad_styles:
            known = sorted(str(style) for style in ROW_STYLES if style)
            raise ValueError(f"table row style {bad_styles!r}: use {known} or None")


def _build_table(table: Table, avail: float) -> GridTable:
    _validate_table(table)
    ncols = len(table.header)
    size = 12 if ncols <= 6 else 11
    leading = size * 1.2
    widths = _column_widths(table, size, avail)
    if table.align is not None:
        aligns = [_ALIGN[a] for a in table.align]
    else:
        aligns = [
            TA_CENTER
            if _nfc(table.header[i]).strip().upper() in _SEQUENCE_HEADERS
            else TA_RIGHT
            if _looks_numeric([row[i] for row in table.rows])
            else TA_LEFT
            for i in range(ncols)
        ]
    align_names = {TA_LEFT: "LEFT", TA_RIGHT: "RIGHT", TA_CENTER: "CENTER"}
    row_styles = table.row_styles or [None] * len(table.rows)

    cell_styles: dict[tuple[str, int], ParagraphStyle] = {}

    def cell_style(font: str, alignment: int) -> ParagraphStyle:
        key = (font, alignment)
        if key not in cell_styles:
            cell_styles[key] = ParagraphStyle(
                f"cell-{font}-{alignment}",
                fontName=font,
                fontSize=size,
                leading=leading,
                alignment=alignment,
            )
        return cell_styles[key]

    names = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}

    def wrapped(text: str, font: str, align: str) -> Paragraph:
        # what does not fit one line wraps as a Paragraph; the rest is drawn as strings
        return Paragraph(_markup(text), cell_style(font, names[align]))

    rows = [[_nfc(h) for h in table.header]]
    fonts = [BOLD]
    fills: list[colors.Color | None] = [None]
    for row, style in zip(table.rows, row_styles, strict=True):
        rows.append([_nfc(text) for text in row])
        fonts.append(BOLD if style in ("bold", "total") else REGULAR)
        fills.append(ROW_COLOURS.get(style or ""))
    return GridTable(
        widths,
        rows,
        fonts,
        fills,
        (["CENTER"] * ncols, [align_names[a] for a in aligns]),
        GridStyle(size, leading, _PAD_H, _PAD_V, _PAD_V + 1),
        wrapped,
    )


# --------------------------------------------------------------------------- document


def _page_numbers(
    size: tuple[float, float], margins: tuple[float, float, float, float]
) -> Callable[[Canvas, BaseDocTemplate], None]:
    """onPage: the page number centred in the top margin, none on page 1."""
    width, height = size
    y = height - margins[0] / 2 - PAGE_NUMBER_SIZE * 0.35

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        page = canvas.getPageNumber()
        if page <= 1:
            return
        canvas.saveState()
        canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(width / 2, y, str(page))
        canvas.restoreState()

    return draw


def _frame(
    size: tuple[float, float], margins: tuple[float, float, float, float], name: str
) -> Frame:
    top, bottom, left, right = margins
    width, height = size
    return Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _frame_width(size: tuple[float, float], margins: tuple[float, float, float, float]) -> float:
    return size[0] - margins[2] - margins[3]


def _signature_block(
    report: OfficialReport, st: dict[str, ParagraphStyle], avail: float
) -> RLTable:
    s = report.signer
    right: list[Flowable] = []
    if s.authority.strip():
        right.append(Paragraph(_markup(_upper(s.authority)), st["sign"]))
    if s.title.strip():
        right.append(Paragraph(_markup(_upper(s.title)), st["sign"]))
    right.append(Spacer(1, 24 * mm))  # signature and seal
    right.append(Paragraph(_markup(s.name), st["sign"]))

    left: list[Flowable] = [Paragraph("Nơi nhận:", st["recipients_head"])]
    for line in recipient_lines(report.recipients):
        left.append(Paragraph(_markup(line), st["recipients"]))

    right_w = min(RIGHT_COLUMN, avail * 0.56)
    block = RLTable([[left, right]], colWidths=[avail - right_w, right_w], hAlign="LEFT")
    block.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else the table selects Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            # "Nơi nhận:" (12 pt) sits on the line of the authority (14 pt)
            ("TOPPADDING", (0, 0), (0, 0), (SIGN_SIZE - RECIPIENTS_HEAD_SIZE) * 0.9),
        ]
    )
    return block


class _Heading(Paragraph):
    """A section heading (so that a landscape switch can take it along)."""


class _LeadIn(Paragraph):
    """A body paragraph ending with ':' that introduces what follows (a table, a list)."""


_KEEP_SLACK = 2.0  # pt: rounding between the measured heights and the frame's


def _first_part_height(item: Flowable, width: float) -> float:
    """The least of ``item`` that may stand under a heading at the bottom of a page: two
    lines of a paragraph (the whole of one of three lines or fewer: widows and orphans are
    not allowed), the header row and first row of a table."""
    if isinstance(item, Paragraph):
        _, height = item.wrap(width, 10_000)
        leading = item.style.leading
        lines = round(height / leading) if leading else 1
        part = height if lines <= 3 else 2 * leading
        return float(part + item.style.spaceBefore)
    if isinstance(item, KeepTogether):  # a figure: the whole of it
        parts = item._content  # noqa: SLF001 (the drawing and its caption)
        return float(
            sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in parts)
        )
    if isinstance(item, GridTable):
        return item.first_part_height()
    return 0.0


def _keep_headings_with_content(
    story: list[Flowable], width_of: Callable[[Flowable], float]
) -> list[Flowable]:
    """Before every run of headings (and lead-ins), a CondPageBreak as tall as the run plus
    the first part of what it introduces: a heading never ends a page."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        item = story[i]
        if not isinstance(item, _Heading | _LeadIn):
            out.append(item)
            i += 1
            continue
        run_end = i
        need = 0.0
        while run_end < len(story) and isinstance(story[run_end], _Heading | _LeadIn):
            head = story[run_end]
            _, h = head.wrap(width_of(head), 10_000)
            need += h + head.style.spaceBefore + head.style.spaceAfter
            run_end += 1
        if run_end < len(story):
            need += _first_part_height(story[run_end], width_of(story[run_end]))
        out.append(CondPageBreak(need + _KEEP_SLACK))
        out.extend(story[i:run_end])
        i = run_end
    return out


def _story(report: OfficialReport) -> list[Flowable]:
    st = _styles()
    portrait_w = _frame_width(PORTRAIT, PORTRAIT_MARGINS)
    landscape_w = _frame_width(LANDSCAPE, LANDSCAPE_MARGINS)
    story: list[Flowable] = [_HeaderBlock(report), Spacer(1, 16)]

    story.append(Paragraph(_markup(_upper(report.title)), st["title"]))
    story.append(Paragraph(_markup(report.summary), st["title"]))
    summary_lines = _wrap_words(_nfc(report.summary), BOLD, TITLE_SIZE, portrait_w)
    longest = max(_width(line, BOLD, TITLE_SIZE) for line in summary_lines)
    story.append(_CentredRule(longest * 0.4, space_before=7, space_after=12))
    if report.addressee.strip():
        addressee = _nfc(report.addressee).strip().rstrip(".;,")
        story.append(Paragraph(_markup(f"Kính gửi: {addressee}."), st["addressee"]))

    orientation = "portrait"
    # id(flowable) -> frame width, for what goes on landscape pages (the keep-with-next
    # pass measures each at its own width)
    widths: dict[int, float] = {}

    def switch(to: str) -> None:
        nonlocal orientation
        if orientation == to:
            return
        # headings just before a landscape table go with it
        moved: list[Flowable] = []
        if to == "landscape":
            while story and isinstance(story[-1], _Heading | _LeadIn):
                moved.insert(0, story.pop())
        story.extend([NextPageTemplate(to), PageBreak()])
        story.extend(moved)
        for m in moved:
            widths[id(m)] = landscape_w
        orientation = to

    def body(text: str) -> Paragraph:
        cls = _LeadIn if _nfc(text).rstrip().endswith(":") else Paragraph
        return cls(_markup(text), st["body"])

    story.extend(body(text) for text in report.intro)

    for section in report.sections:
        if section.level not in (1, 2, 3):
            raise ValueError(f"section level {section.level}: use 1, 2 or 3")
        first = section.paragraphs[0] if section.paragraphs else None
        if not (isinstance(first, Table) and first.landscape):
            if orientation == "landscape":
                switch("portrait")
        heading = _upper(section.heading) if section.level == 1 else _nfc(section.heading)
        story.append(_Heading(_markup(heading), st[f"h{section.level}"]))
        widths[id(story[-1])] = landscape_w if orientation == "landscape" else portrait_w
        for item in section.paragraphs:
            if isinstance(item, Table):
                if item.landscape:
                    switch("landscape")
                    story.append(_build_table(item, landscape_w))
                    widths[id(story[-1])] = landscape_w
                else:
                    switch("portrait")
                    story.append(_build_table(item, portrait_w))
                story.append(Spacer(1, PARA_GAP * 2))
            elif isinstance(item, Figure):
                switch("portrait")
                caption = Paragraph(_markup(item.caption), st["caption"])
                story.append(KeepTogether([item.drawing, caption]))
            else:
                switch("portrait")
                story.append(body(item))

    switch("portrait")
    closing: list[Flowable] = []
    # never leave the signature alone on a page: take the last paragraph along
    if story and isinstance(story[-1], Paragraph) and not isinstance(story[-1], _Heading):
        closing.append(story.pop())
        # and the headings that introduce it
        while story and isinstance(story[-1], _Heading | _LeadIn):
            closing.insert(0, story.pop())
    closing.append(Spacer(1, 10))
    closing.append(_signature_block(report, st, portrait_w))
    story.append(KeepTogether(closing))
    return _keep_headings_with_content(story, lambda f: widths.get(id(f), portrait_w))


def _build(report: OfficialReport, target: str | os.PathLike[str] | io.BytesIO) -> None:
    register_fonts()
    top, bottom, left, right = PORTRAIT_MARGINS
    doc = BaseDocTemplate(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=PORTRAIT,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=f"{_upper(report.title)} {_nfc(report.summary)}".strip(),
        author=_nfc(report.office),
        subject=_nfc(report.summary),
        creator="ThiĐua CĐS",
        lang="vi-VN",
        # otherwise every page starts with an unembedded Helvetica selected
        initialFontName=REGULAR,
        initialFontSize=BODY_SIZE,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="portrait",
                frames=[_frame(PORTRAIT, PORTRAIT_MARGINS, "portrait")],
                onPage=_page_numbers(PORTRAIT, PORTRAIT_MARGINS),
                pagesize=PORTRAIT,
                autoNextPageTemplate="portrait",
            ),
            PageTemplate(
                id="landscape",
                frames=[_frame(LANDSCAPE, LANDSCAPE_MARGINS, "landscape")],
                onPage=_page_numbers(LANDSCAPE, LANDSCAPE_MARGINS),
                pagesize=LANDSCAPE,
                autoNextPageTemplate="landscape",
            ),
        ]
    )
    doc.build(_story(report))


def report_bytes(report: OfficialReport) -> bytes:
    """``report`` as PDF, built in memory (for outputs written together as a set)."""
    buffer = io.BytesIO()
    _build(report, buffer)
    return buffer.getvalue()


def write_report(report: OfficialReport, path: pathlib.Path) -> None:
    """Write ``report`` to ``path`` as PDF.

    The file appears whole or not at all (built in a temporary file beside it, then renamed
    over it). A file that cannot be written (a full disk, the old PDF open in a viewer that
    locks it) raises DomainError with a Vietnamese message; a malformed table ValueError."""
    from desktop.files import write_whole

    write_whole(pathlib.Path(path), lambda tmp: _build(report, tmp), "tệp PDF")
