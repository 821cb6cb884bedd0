"""The official report PDF (ND 30/2020 Phụ lục I): text, fonts, pages, layout.

Checked through poppler-utils (pdftotext, pdffonts, pdftoppm, pdfinfo); a test whose tool is
missing is skipped with the reason.
"""

from __future__ import annotations

import datetime
import html
import pathlib
import re
import shutil
import subprocess
import unicodedata

import pytest

from desktop.domain.errors import DomainError
from desktop.exchange.pdf_document import (
    FONT_FAMILY,
    OfficialReport,
    Section,
    Signer,
    Table,
    register_fonts,
    write_report,
)

MM = 72 / 25.4
COMMUNES = ["Quảng Sơn", "Nhơn Sơn", "Hòa Sơn", "Lâm Sơn", "Lương Sơn", "Mỹ Sơn", "Ma Nới"]
MARKS = "ậ ạ ụ ỹ ữ Đ"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package poppler-utils)")
    return found


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _text(pdf: pathlib.Path, *options: str) -> str:
    return unicodedata.normalize("NFC", _run(_tool("pdftotext"), *options, str(pdf), "-"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _words(pdf: pathlib.Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top left, from pdftotext -bbox."""
    out = _text(pdf, "-bbox", "-f", str(page), "-l", str(page))
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        (html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
        for m in pattern.finditer(out)
    ]


def _page_count(pdf: pathlib.Path) -> int:
    info = _run(_tool("pdfinfo"), str(pdf))
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])  # type: ignore[index]


def _page_sizes(pdf: pathlib.Path) -> list[tuple[float, float]]:
    n = _page_count(pdf)
    info = _run(_tool("pdfinfo"), "-f", "1", "-l", str(n), str(pdf))
    return [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    ]


def sample_report(date: datetime.date = datetime.date(2024, 1, 5)) -> OfficialReport:
    rows: list[list[str]] = []
    styles: list[str | None] = []
    for i in range(120):
        rows.append(
            [
                str(i + 1),
                f"{COMMUNES[i % 7]} - thôn {i // 7 + 1}",
                f"{(i * 37) % 100},5",
                f"{(i * 13) % 50}",
                "Đạt" if i % 3 else "Không đạt",
            ]
        )
        styles.append("pass" if i % 3 else "fail")
    rows.append(["", "Toàn huyện", "1.234,5", "3.000", ""])
    styles.append("total")
    long_table = Table(
        ["STT", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Kết quả"], rows, row_styles=styles
    )
    wide = Table(
        ["STT", "Xã, thị trấn"] + [f"Tiêu chí {k}" for k in range(1, 11)] + ["Tổng", "Hạng"],
        [
            [str(i + 1), c] + [f"{(i * k) % 10},5" for k in range(1, 11)] + [f"{80 + i},25", "1"]
            for i, c in enumerate(COMMUNES)
        ],
        landscape=True,
    )
    return OfficialReport(
        parent_body="UBND huyện Ninh Sơn",
        office="Phòng Văn hóa và Thông tin",
        number="12/BC-VHTT",
        place="Ninh Sơn",
        date=date,
        title="Báo cáo",
        summary="Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2023",
        intro=[
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 15/3/2022 của Ủy ban nhân dân huyện Ninh "
            "Sơn về triển khai Phong trào thi đua Chuyển đổi số giai đoạn 2022-2025, Phòng Văn "
            "hóa và Thông tin báo cáo kết quả năm 2023 như sau:"
        ],
        sections=[
            Section(
                "I. Kết quả thực hiện",
                1,
                [
                    "Các xã Quảng Sơn, Nhơn Sơn, Hòa Sơn hoàn thành tốt các chỉ tiêu; tỷ lệ hồ "
                    f"sơ trực tuyến toàn trình đạt 72,50 %. Dấu: {MARKS}.",
                ],
            ),
            Section(
                "1. Kết quả chấm điểm các đơn vị",
                2,
                ["Kết quả chấm điểm của từng đơn vị như bảng sau:", long_table],
            ),
            Section(f"a) Đánh giá chung {MARKS}", 3, ["Các đơn vị tích cực triển khai."]),
            Section("2. Bảng điểm theo tiêu chí", 2, [wide]),
            Section(
                "II. Phương hướng, nhiệm vụ năm 2024",
                1,
                ["Tiếp tục đẩy mạnh chính quyền số, kinh tế số và xã hội số."],
            ),
        ],
        recipients=[
            "Sở Khoa học và Công nghệ (b/c);",
            "TT. Huyện ủy, HĐND huyện (b/c);",
            "UBND các xã, thị trấn;",
            "Lưu: VT, VHTT.",
        ],
        signer=Signer("KT. Trưởng phòng", "Phó Trưởng phòng", "Nguyễn Thị Hạnh"),
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    write_report(sample_report(), path)
    return path


def test_register_fonts_is_idempotent() -> None:
    assert register_fonts() == FONT_FAMILY
    assert register_fonts() == FONT_FAMILY


def test_vietnamese_text_extracts_exactly(pdf: pathlib.Path) -> None:
    text = _flat(_text(pdf))
    expected = [
        "UBND HUYỆN NINH SƠN",  # regular, upper
        "PHÒNG VĂN HÓA VÀ THÔNG TIN",  # bold
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-VHTT",
        "Ninh Sơn, ngày 05 tháng 01 năm 2024",  # italic
        "BÁO CÁO",
        "Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2023",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Kết quả chấm điểm các đơn vị",
        f"a) Đánh giá chung {MARKS}",  # italic
        "Quảng Sơn, Nhơn Sơn, Hòa Sơn",
        f"Dấu: {MARKS}.",
        "Hòa Sơn - thôn 17",  # table body, last pages of the long table
        "Không đạt",
        "Toàn huyện",
        "Tiêu chí 10",  # the landscape table
        "Nơi nhận:",  # bold italic
        "- Sở Khoa học và Công nghệ (b/c);",
        "- Lưu: VT, VHTT.",
        "KT. TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG",
        "Nguyễn Thị Hạnh",
    ]
    missing = [s for s in expected if unicodedata.normalize("NFC", s) not in text]
    assert not missing


def test_decomposed_input_comes_out_composed(tmp_path: pathlib.Path) -> None:
    report = sample_report()
    report.summary = unicodedata.normalize("NFD", "Kết quả ở Quảng Sơn, Hòa Sơn năm 2023")
    report.sections = []
    path = tmp_path / "nfd.pdf"
    write_report(report, path)
    raw = _run(_tool("pdftotext"), str(path), "-")
    assert "Kết quả ở Quảng Sơn, Hòa Sơn năm 2023" in _flat(raw)


def test_fonts_are_embedded(pdf: pathlib.Path) -> None:
    out = _run(_tool("pdffonts"), str(pdf)).splitlines()[2:]
    assert out, "no fonts listed"
    names = set()
    for line in out:
        cols = line.split()
        name, emb = cols[0], cols[-5]
        assert emb == "yes", f"font not embedded: {line}"
        names.add(name.split("+")[-1])
    assert names == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_page_streams_are_compressed_not_ascii85_encoded(pdf: pathlib.Path) -> None:
    data = pdf.read_bytes()
    assert b"/FlateDecode" in data
    assert b"/ASCII85Decode" not in data  # a fifth smaller, and no codec pass per page


def test_page_one_renders_to_png(pdf: pathlib.Path, tmp_path: pathlib.Path) -> None:
    _run(_tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p"))
    (png,) = tmp_path.glob("p-*1.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 portrait at 60 dpi


def test_pages_sizes_and_landscape_table(pdf: pathlib.Path) -> None:
    sizes = _page_sizes(pdf)
    assert len(sizes) >= 5
    portrait = [i + 1 for i, (w, h) in enumerate(sizes) if w < h]
    landscape = [i + 1 for i, (w, h) in enumerate(sizes) if w > h]
    assert portrait[0] == 1 and sizes[0] == pytest.approx((595.28, 841.89), abs=0.1)
    assert len(landscape) == 1
    page = landscape[0]
    on_page = _flat(_text(pdf, "-f", str(page), "-l", str(page)))
    assert "2. Bảng điểm theo tiêu chí" in on_page  # the heading went along with its table
    assert "Tiêu chí 10" in on_page and "Ma Nới" in on_page
    after = _flat(_text(pdf, "-f", str(page + 1), "-l", str(page + 1)))
    assert "II. PHƯƠNG HƯỚNG" in after  # back to portrait for what follows
    assert sizes[page][0] < sizes[page][1]


def test_page_numbers_in_top_margin_none_on_page_one(pdf: pathlib.Path) -> None:
    sizes = _page_sizes(pdf)
    for page, (width, _height) in enumerate(sizes, start=1):
        # the top 20 mm (portrait) of the page holds only the page number
        band = round(20 * MM)
        top = _text(
            pdf,
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            "0",
            "-y",
            "0",
            "-W",
            str(round(width)),
            "-H",
            str(band),
        ).strip()
        assert top == ("" if page == 1 else str(page)), f"page {page}: {top!r}"
    words = _words(pdf, 2)
    (number,) = [w for w in words if w[0] == "2" and w[2] < 20 * MM]
    centre = (number[1] + number[3]) / 2
    assert centre == pytest.approx(595.28 / 2, abs=1)


def test_long_table_repeats_its_header(pdf: pathlib.Path) -> None:
    pages_with_rows = []
    for page in range(1, _page_count(pdf) + 1):
        text = _flat(_text(pdf, "-f", str(page), "-l", str(page)))
        if "thôn" in text:
            pages_with_rows.append(page)
            assert "Điểm thẩm định" in text and "Kết quả" in text, f"no header on page {page}"
    assert len(pages_with_rows) >= 3
    # no row is lost or cut: every row number of the 120 is there once, in order
    numbers = []
    for page in pages_with_rows:
        for word, x_min, *_ in _words(pdf, page):
            if word.isdigit() and x_min < 40 * MM and 1 <= int(word) <= 120:
                numbers.append(int(word))
    assert numbers == list(range(1, 121))


def test_numbers_right_aligned_running_number_centred(pdf: pathlib.Path) -> None:
    words = _words(pdf, 2)
    scores = [w for w in words if re.fullmatch(r"\d+,5", w[0]) and w[1] < 150 * MM]
    assert len(scores) > 10
    right_edges = {round(w[3], 1) for w in scores}
    assert max(right_edges) - min(right_edges) < 0.2
    numbers = [w for w in words if w[0].isdigit() and w[1] < 40 * MM and w[2] > 20 * MM]
    centres = {round((w[1] + w[3]) / 2, 1) for w in numbers}
    assert max(centres) - min(centres) < 0.2


def test_date_line_has_leading_zeros(tmp_path: pathlib.Path, pdf: pathlib.Path) -> None:
    assert "Ninh Sơn, ngày 05 tháng 01 năm 2024" in _flat(_text(pdf, "-l", "1"))
    for date, expected in [
        (datetime.date(2024, 2, 9), "Ninh Sơn, ngày 09 tháng 02 năm 2024"),
        (datetime.date(2024, 3, 7), "Ninh Sơn, ngày 07 tháng 3 năm 2024"),
        (datetime.date(2023, 12, 25), "Ninh Sơn, ngày 25 tháng 12 năm 2023"),
    ]:
        report = sample_report(date)
        report.sections = []
        path = tmp_path / f"{date}.pdf"
        write_report(report, path)
        assert expected in _flat(_text(path, "-l", "1"))


def test_header_and_margins(pdf: pathlib.Path) -> None:
    words = _words(pdf, 1)

    def line_of(first: str, last: str) -> tuple[float, float, float, float]:
        starts = [w for w in words if w[0] == first]
        for start in starts:
            ends = [w for w in words if w[0] == last and abs(w[2] - start[2]) < 1]
            if ends:
                return start[1], start[2], ends[0][3], start[4]
        raise AssertionError(f"no line {first} ... {last}")

    left_margin, right_edge = 30 * MM, 595.28 - 15 * MM
    assert min(w[1] for w in words) == pytest.approx(left_margin, abs=1.5)
    assert max(w[3] for w in words) <= right_edge + 0.5
    assert min(w[2] for w in words) == pytest.approx(20 * MM, abs=4)  # top margin 20 mm

    parent = line_of("UBND", "SƠN")
    national = line_of("CỘNG", "NAM")
    number = line_of("Số:", "12/BC-VHTT")
    date = line_of("Ninh", "2024")
    assert parent[1] == pytest.approx(national[1], abs=1.5)  # the two columns start together
    assert number[1] == pytest.approx(date[1], abs=1.5)  # "Số" and the date share a line
    assert parent[2] < national[0]  # left column, right column
    motto = line_of("Độc", "phúc")
    assert (motto[0] + motto[2]) / 2 == pytest.approx((date[0] + date[2]) / 2, abs=1)
    title = line_of("BÁO", "CÁO")
    assert (title[0] + title[2]) / 2 == pytest.approx((left_margin + right_edge) / 2, abs=1)


def test_a_long_office_name_keeps_clear_of_the_national_title(
    pdf: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    """A province department's name (13 pt bold: 70 mm of a 75 mm column) came within 3 mm
    of the national title: it is set in 12 pt, the columns at least 5 mm apart."""
    report = sample_report()
    report.parent_body, report.office = "UBND tỉnh Điện Biên", "Sở Khoa học và Công nghệ"
    path = tmp_path / "so.pdf"
    write_report(report, path)
    words = _words(path, 1)
    (title,) = [w for w in words if w[0] == "CỘNG"]
    (number,) = [w for w in words if w[0] == "Số:"]
    left = [w for w in words if w[3] < title[1] and w[2] < number[2] - 1]
    assert " ".join(w[0] for w in left) == "UBND TỈNH ĐIỆN BIÊN SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert title[1] - max(w[3] for w in left) >= 5 * MM
    # the district office's name (69 mm in 12 pt) stays on one line
    words = _words(pdf, 1)
    (phong,) = [w for w in words if w[0] == "PHÒNG"]
    (tin,) = [w for w in words if w[0] == "TIN" and w[1] < title[1]]
    assert tin[2] == pytest.approx(phong[2], abs=1)


def _gray_page(pdf: pathlib.Path, tmp_path: pathlib.Path, dpi: int) -> tuple[int, list[bytes]]:
    """Page 1 as 8-bit grey rows (PGM from pdftoppm -gray)."""
    prefix = tmp_path / "g"
    _run(_tool("pdftoppm"), "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(prefix))
    (pgm,) = tmp_path.glob("g-*1.pgm")
    data = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header is not None
    width, height = int(header[1]), int(header[2])
    body = data[header.end() :]
    return width, [body[r * width : (r + 1) * width] for r in range(height)]


def test_motto_rule_is_a_separate_line_as_long_as_the_text(
    pdf: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    dpi = 200
    scale = dpi / 72
    _width, rows = _gray_page(pdf, tmp_path, dpi)
    words = _words(pdf, 1)
    motto = [w for w in words if w[0] in ("Độc", "lập", "Tự", "do", "Hạnh", "phúc", "-")]
    motto = [w for w in motto if abs(w[2] - motto[0][2]) < 1]
    x0, x1 = min(w[1] for w in motto), max(w[3] for w in motto)
    y_text = max(w[4] for w in motto)
    date_top = min(w[2] for w in words if w[0] == "ngày")  # the date line under the motto

    def dark(row: bytes) -> list[int]:
        lo, hi = int((x0 - 15) * scale), int((x1 + 15) * scale)
        return [x for x in range(lo, hi) if row[x] < 128]

    def is_rule(r: int) -> bool:
        return len(dark(rows[r])) > 0.8 * (x1 - x0) * scale

    # no text row is dark over most of the motto's width: the first such row is the rule
    rule_row = next(
        r for r in range(int((y_text - 8) * scale), int(date_top * scale)) if is_rule(r)
    )
    xs = dark(rows[rule_row])
    assert len(xs) == xs[-1] - xs[0] + 1, "the rule is one unbroken line"
    assert xs[0] / scale == pytest.approx(x0, abs=1)
    assert (xs[-1] + 1) / scale == pytest.approx(x1, abs=1)
    # between the dots below ậ, ạ and the rule there is a white row: the rule cuts nothing
    assert not dark(rows[rule_row - 1]), "the rule touches the text"
    text_rows = [r for r in range(rule_row - int(8 * scale), rule_row) if dark(rows[r])]
    assert text_rows, "no text above the rule"


def test_signature_block_kept_with_recipients(pdf: pathlib.Path) -> None:
    last = _page_count(pdf)
    words = _words(pdf, last)
    text = _flat(_text(pdf, "-f", str(last), "-l", str(last)))
    for s in ["Nơi nhận:", "- Lưu: VT, VHTT.", "KT. TRƯỞNG PHÒNG", "Nguyễn Thị Hạnh"]:
        assert s in text
    head = next(w for w in words if w[0] == "Nơi")
    authority = next(w for w in words if w[0] == "KT.")
    name = next(w for w in words if w[0] == "Nguyễn")
    assert head[1] == pytest.approx(30 * MM, abs=1)  # "Nơi nhận" on the left
    assert authority[1] > 105 * MM and name[1] > 105 * MM  # signature on the right
    assert abs(head[4] - authority[4]) < 3  # on one line
    assert name[2] - authority[4] > 20 * MM  # room for signature and seal


def test_malformed_table_is_refused(tmp_path: pathlib.Path) -> None:
    report = sample_report()
    report.sections = [Section("I. Bảng", 1, [Table(["A", "B"], [["1", "2"], ["3"]])])]
    with pytest.raises(ValueError, match="row 2"):
        write_report(report, tmp_path / "x.pdf")
    report.sections = [Section("I. Bảng", 1, [Table(["A"], [["1"]], row_styles=["green"])])]
    with pytest.raises(ValueError, match="green"):
        write_report(report, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_gives_a_message_and_leaves_nothing(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(DomainError, match="Không ghi được tệp PDF"):
        write_report(sample_report(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]
    with pytest.raises(DomainError, match="Không tìm thấy thư mục .*no-such-folder"):
        write_report(sample_report(), tmp_path / "no-such-folder" / "x.pdf")


def test_module_stays_free_of_qt_and_database() -> None:
    source = pathlib.Path(__file__).parents[1] / "desktop" / "exchange" / "pdf_document.py"
    imports = [
        line
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.startswith(("import ", "from "))
    ]
    for line in imports:
        assert not re.search(r"PySide|PyQt|sqlalchemy|desktop\.(store|ui)", line), line


def test_fonts_found_from_source_and_from_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    from desktop.exchange import pdf_document

    from_source = pdf_document._resource_path("fonts", "LiberationSerif-Regular.ttf")
    assert from_source.is_file()
    assert (from_source.parent / "LICENSE-LiberationSerif.txt").is_file()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert (
        pdf_document._resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
    )


def test_runs_of_one_style_are_joined_and_break_into_the_same_lines() -> None:
    """A paragraph's entities ("<", "&", ">") no longer make runs of their own: one run,
    broken into the lines reportlab's word-by-word way gives the parser's runs."""
    from reportlab.platypus import Paragraph as ReportlabParagraph

    from desktop.exchange.pdf_document import Paragraph, _markup, _styles

    register_fonts()
    style = _styles()["body"]
    text = (
        "- Xã Quảng Sơn: Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng: 58,33 % (35/60) "
        "< 65 %; Sổ sách & chứng từ điện tử: 12,5 % (1/8) < 50 %; Thanh toán > 0 đồng."
    )
    ours, theirs = Paragraph(_markup(text), style), ReportlabParagraph(_markup(text), style)
    assert len(theirs.frags) > 1
    assert [f.text for f in ours.frags] == [
        unicodedata.normalize("NFC", text).replace(" %", "\u00a0%")
    ]

    def lines(p: object, width: float) -> list[str]:
        p.wrap(width, 10_000)  # type: ignore[attr-defined]
        out = []
        for line in p.blPara.lines:  # type: ignore[attr-defined]
            if isinstance(line, tuple):  # the one-run way: (extra space, words)
                out.append(" ".join(line[1]))
            else:
                out.append("".join(w.text for w in line.words).strip())
        return out

    for width in (120.0, 250.0, 400.0):
        assert lines(ours, width) == lines(theirs, width)
    bold = Paragraph("<b>Đạt</b> và không đạt &lt; 5", style)
    assert [f.text for f in bold.frags] == ["Đạt", " và không đạt < 5"]
