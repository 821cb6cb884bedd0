"""The official documents as a province officer reads them (issue 15), measured from the PDF.

Every rule is checked on the text and word positions pdftotext gives back (``-bbox-layout``):
"Số: 05/BC-VHTT", "Kính gửi:", recipients ending ";" then ".", no internal code, no "%" at the
start of a line, no heading (or lead-in ending with ':') as the last line of a page, the
signature never alone on its page. The reports are built for several sizes, so that the page
breaks fall in many places.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from desktop.domain.official import (
    default_addressee,
    document_number,
    export_warnings,
    office_with_area,
)
from desktop.domain.period_report import SubmissionInfo, build_period_report
from desktop.domain.plan import IndicatorKind, Plan, Unit
from desktop.domain.trends import period_values
from desktop.domain.values import Value
from desktop.exchange.export_input import ExportInput, ProposalInfo
from desktop.exchange.pdf_document import (
    OfficialReport,
    Section,
    Signer,
    Table,
    keep_percent,
    recipient_lines,
    write_report,
)
from desktop.exchange.report_pdf import build_report, write_pdf
from desktop.plan_catalog import load_bundled
from desktop.store.office import OfficeSettings

# ---- the rules that are not layout -----------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "prefix", "kind", "expected"),
    [
        ("5", "/BC-VHTT", "BC", "05/BC-VHTT"),
        ("05", "/BC-VHTT", "BC", "05/BC-VHTT"),
        ("12", "/BC-VHTT", "BC", "12/BC-VHTT"),
        ("5/BC", "/BC-VHTT", "BC", "05/BC-VHTT"),  # the type code is not doubled
        ("5/BC-VHTT", "/BC-VHTT", "BC", "05/BC-VHTT"),
        (" 7 / BC ", "/BC-VHTT", "BC", "07/BC-VHTT"),
        ("5", "/BC-VHTT", "DS", "05/DS-VHTT"),  # a list (danh sách)
        ("5/TTr", "/BC-VHTT", "BC", "05/TTr-VHTT"),
        ("5", "BC-SKHCN", "BC", "05/BC-SKHCN"),
        ("5", "", "BC", "05"),
        ("", "/BC-VHTT", "BC", "        /BC-VHTT"),  # room for the clerk's number
    ],
)
def test_document_number(number: str, prefix: str, kind: str, expected: str) -> None:
    assert document_number(number, prefix, kind) == expected


def test_office_followed_by_its_area_once() -> None:
    assert office_with_area("Phòng Văn hóa và Thông tin", "huyện Ninh Sơn") == (
        "Phòng Văn hóa và Thông tin huyện Ninh Sơn"
    )
    assert office_with_area("Phòng Văn hóa và Thông tin huyện Ninh Sơn", "huyện Ninh Sơn") == (
        "Phòng Văn hóa và Thông tin huyện Ninh Sơn"
    )
    assert office_with_area("Sở KHCN", "") == "Sở KHCN"


def test_recipients_end_with_semicolons_then_a_full_stop() -> None:
    lines = recipient_lines(["Như trên", "- Sở KHCN (b/c);", "", "Lưu: VT, VHTT."])
    assert lines == ["- Như trên;", "- Sở KHCN (b/c);", "- Lưu: VT, VHTT."]


def test_percent_sign_is_held_to_its_number() -> None:
    assert keep_percent("đạt 72,50 % và 100 %") == "đạt 72,50\u00a0% và 100\u00a0%"
    assert keep_percent("100% thôn") == "100% thôn"


def test_addressee_defaults_to_the_plans_issuer() -> None:
    assert default_addressee(load_bundled("ninh-son-2022")) == "Ủy ban nhân dân huyện Ninh Sơn"
    # "Chủ tịch UBND tỉnh" issued it; the report goes to the committee
    assert default_addressee(load_bundled("quang-ninh-2022")) == "Ủy ban nhân dân tỉnh Quảng Ninh"
    # a department's own plan: not to itself, to the province's committee above it
    assert default_addressee(load_bundled("dien-bien-2023")) == "Ủy ban nhân dân tỉnh Điện Biên"


def test_warnings_before_sending() -> None:
    district, province = load_bundled("ninh-son-2022"), load_bundled("binh-phuoc-2022")
    assert export_warnings(district, "Phòng Văn hóa và Thông tin", "Nguyễn Thị Hương") == []
    (no_signer,) = export_warnings(district, "Phòng Văn hóa và Thông tin", " ")
    assert "người ký" in no_signer
    (other_level,) = export_warnings(province, "Phòng Văn hóa và Thông tin", "Nguyễn Văn A")
    assert "mặc định của cấp huyện" in other_level and "cấp tỉnh" in other_level
    (other_level,) = export_warnings(district, "Sở Khoa học và Công nghệ", "Nguyễn Văn A")
    assert "mặc định của cấp tỉnh" in other_level
    assert export_warnings(province, "Sở Khoa học và Công nghệ", "Nguyễn Văn A") == []


# ---- reading the PDF back ---------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    left: float
    text: str


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package poppler-utils)")
    return found


def pdf_lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF, page by page, top to bottom (pdftotext -bbox-layout)."""
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines: list[Line] = []
    for page_no, page in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', page, re.S
        ):
            words = re.findall(r"<word [^>]*>(.*?)</word>", m.group(3))
            text = unicodedata.normalize("NFC", " ".join(words))
            text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            lines.append(Line(page_no, float(m.group(2)), float(m.group(1)), text))
    return sorted(lines, key=lambda ln: (ln.page, ln.top, ln.left))


def body_lines(lines: list[Line]) -> list[Line]:
    """Without the page numbers (a lone number in the top margin)."""
    return [ln for ln in lines if not (ln.top < 60 and ln.text.isdigit())]


def check_layout(pdf: Path, report: OfficialReport, codes: set[str]) -> None:
    lines = body_lines(pdf_lines(pdf))
    text = " ".join(ln.text for ln in lines)
    pages = sorted({ln.page for ln in lines})
    # no code of the plan in the text
    found = sorted(c for c in codes if re.search(rf"\b{re.escape(c)}\b", text))
    assert found == [], f"internal codes in the text: {found}"
    # '%' never begins a line
    assert [ln.text for ln in lines if ln.text.startswith("%")] == []
    # no heading, no lead-in (a line ending with ':'), as the last line of a page
    headings = {
        " ".join((s.heading.upper() if s.level == 1 else s.heading).split())
        for s in report.sections
    }
    lead_ins = [
        " ".join(p.split())
        for p in [*report.intro, *(p for s in report.sections for p in s.paragraphs)]
        if isinstance(p, str) and p.rstrip().endswith(":")
    ]
    for page in pages[:-1]:
        last = [ln for ln in lines if ln.page == page][-1]
        assert last.text not in headings, f"page {page} ends with the heading {last.text!r}"
        ends = [p for p in lead_ins if p.endswith(last.text)]
        assert not ends, f"page {page} ends with the lead-in {ends[0]!r}"
    # the signature block is not alone on its page: body text above "Nơi nhận:"
    (head,) = [ln for ln in lines if ln.text.startswith("Nơi nhận:")]
    above = [ln for ln in lines if ln.page == head.page and ln.top < head.top - 1]
    assert above, f"the signature block is alone on page {head.page}"
    # the recipients: "- ...;" and the last "- ... ."
    left = [ln for ln in lines if ln.page == head.page and ln.top > head.top and ln.left < 300]
    items = re.split(r"(?:^| )- ", " ".join(ln.text for ln in left).strip())
    items = [i for i in items if i]
    assert items and all(i.endswith(";") for i in items[:-1]) and items[-1].endswith("."), items
    assert f"Kính gửi: {report.addressee.rstrip('.')}." in text
    assert f"Số: {report.number.strip()}" in text


# ---- the reports ------------------------------------------------------------------------------


def _value(kind: IndicatorKind, rnd: random.Random) -> Value:
    if kind is IndicatorKind.RATIO:
        d = rnd.randint(20, 900)
        return Value(numerator=rnd.randint(d // 2, d), denominator=d)
    if kind is IndicatorKind.BOOL:
        return Value(flag=rnd.random() < 0.9)
    if kind is IndicatorKind.DATE:
        return Value(day=dt.date(2022, 9, rnd.randint(1, 30)))
    if kind is IndicatorKind.COUNT:
        return Value(number=rnd.randint(0, 4))
    return Value(number=rnd.randint(400, 990) / 10)


def synthetic_input(plan: Plan, n: int, seed: int) -> ExportInput:
    """``n`` units of the plan's first unit kind (in its blocks, if it has any), most of them
    reporting, some late, returned, not accepted."""
    rnd = random.Random(seed)
    kind = plan.unit_kinds[0]
    blocks = [b.code for b in plan.blocks] or [None]
    units = [
        Unit(f"{40000 + i}", f"Xã Thử Nghiệm {i}", kind, block=blocks[i % len(blocks)])
        for i in range(n)
    ]
    history = []
    for period in plan.periods:
        subs = {}
        for i, u in enumerate(units):
            if i % 9 == 4:
                continue  # not submitted
            values = {
                ind.code: _value(ind.kind, rnd)
                for ind in plan.indicators
                if kind in ind.unit_kinds
            }
            late = rnd.choice([0, 0, 0, 2, 6])
            state = "accepted" if i % 5 else rnd.choice(["received", "returned"])
            subs[u.code] = SubmissionInfo(
                u.code,
                period.deadline + dt.timedelta(days=late),
                "email",
                state,
                values,
                "Thiếu số liệu hồ sơ công việc" if state == "returned" else "",
            )
        history.append(build_period_report(plan, period, units, subs))
    report = history[-1]
    office = OfficeSettings(
        parent_body=str(plan.extras.get("parent_body", "")),
        place=plan.place,
        area=plan.area,
        signer_name="Nguyễn Thị Hương",
        recipients=("Như trên", "Sở Khoa học và Công nghệ (b/c)", "Lưu: VT, VHTT"),
    )
    proposals = tuple(
        ProposalInfo("collective", "Giấy khen", u.name, "", u.code, u.name, False, "Dẫn đầu", 1, 3)
        for u in units[: min(3, n)]
    )
    return ExportInput(
        report, office, proposals, dt.datetime(2024, 1, 5, 9, 0), all_units=tuple(units),
        history=tuple(period_values(r) for r in history),
    )


def plan_codes(plan: Plan) -> set[str]:
    return {i.code for i in plan.indicators} | {c.code for c in plan.criteria}


@pytest.mark.parametrize(
    ("plan_code", "n"),
    [("ninh-son-2022", n) for n in (3, 8, 14, 21, 27, 33, 45, 80)]
    + [("can-tho-2022", n) for n in (12, 40)]
    + [("binh-phuoc-2022", 17)],
)
def test_report_layout_rules(tmp_path: Path, plan_code: str, n: int) -> None:
    plan = load_bundled(plan_code)
    inp = synthetic_input(plan, n, seed=n)
    report = build_report(inp, number="5")
    assert report.number == "05/BC-VHTT"
    path = write_pdf(inp, tmp_path / "r.pdf", number="5")
    check_layout(path, report, plan_codes(plan))
    if plan_code == "ninh-son-2022":  # its criteria have thresholds: the trends as figures
        text = " ".join(ln.text for ln in pdf_lines(path))
        assert "Xu hướng qua các kỳ" in text and "Hình 4." in text


def test_area_sums_stay_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sum of ten characters ("29.999.997") in the Tử số / Mẫu số columns was broken
    over two lines ("29.999.99" / "7")."""

    usual = _value

    def big(kind: IndicatorKind, rnd: random.Random) -> Value:
        if kind is IndicatorKind.RATIO:
            return Value(numerator=9_999_999, denominator=9_999_999)
        return usual(kind, rnd)

    monkeypatch.setitem(globals(), "_value", big)
    inp = synthetic_input(load_bundled("ninh-son-2022"), 3, seed=1)
    path = write_pdf(inp, tmp_path / "r.pdf")
    text = " ".join(ln.text for ln in pdf_lines(path))
    assert "29.999.997 29.999.997" in text  # Σ tử số, Σ mẫu số of a ratio
    assert text.count("29.999.99") == text.count("29.999.997")  # never "29.999.99 7"


def test_ranking_by_block_shows_the_block(tmp_path: Path) -> None:
    plan = load_bundled("can-tho-2022")
    inp = synthetic_input(plan, 12, seed=3)
    path = write_pdf(inp, tmp_path / "r.pdf")
    layout = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    rows = [" ".join(line.split()) for line in layout.splitlines()]
    assert any(r.startswith("Hạng Khối Đơn vị") for r in rows)
    rows = [r for r in rows if re.match(r"^\d+ Khối \d", r)]
    firsts = [r for r in rows if r.startswith("1 ")]
    assert len({r.split()[2] for r in firsts}) == len(firsts) > 1


def test_long_lists_of_pending_reports_read_as_one_sentence(tmp_path: Path) -> None:
    plan = load_bundled("ninh-son-2022")
    inp = synthetic_input(plan, 300, seed=11)
    path = write_pdf(inp, tmp_path / "r.pdf")
    text = " ".join(ln.text for ln in pdf_lines(path))
    assert text.count("đang thẩm định") == 1
    sentence = re.search(r"Đến ngày lập báo cáo.*?thẩm định\.", text)
    assert sentence is not None
    assert re.search(r"\d+ báo cáo chưa được chấp nhận, gồm \d+ báo cáo đang thẩm định", text)
    assert "đơn vị khác (chi tiết tại bảng tổng hợp kèm theo)" in sentence.group(0)
    assert len(sentence.group(0)) < 1500


def test_headings_kept_with_what_follows_at_every_break(tmp_path: Path) -> None:
    """A generic document whose headings and lead-ins fall at each position of a page."""
    for filler in range(0, 48, 3):
        sections = [
            Section("I. Phần thứ nhất", 1, ["Đoạn văn bản để lấp đầy trang. " * 6] * (filler // 6)),
            Section(
                "1. Mục có bảng",
                2,
                [
                    "Bảng sau:",
                    Table(
                        ["TT", "Nội dung", "Tỷ lệ"],
                        [[str(i), "Nội dung " * 4, "72,50 %"] for i in range(1 + filler % 5)],
                    ),
                ],
            ),
            Section("2. Mục có đoạn dài", 2, ["Nội dung của mục, đạt 100 %. " * (8 + filler)]),
            Section("II. Phần thứ hai", 1, []),
            Section("1. Mục con", 2, ["Kết luận, tỷ lệ 99,50 %."]),
        ]
        report = OfficialReport(
            "UBND HUYỆN NINH SƠN",
            "Phòng Văn hóa và Thông tin",
            "05/BC-VHTT",
            "Ninh Sơn",
            dt.date(2024, 1, 5),
            "BÁO CÁO",
            "Thử bố cục",
            sections,
            ["Như trên", "Lưu: VT, VHTT"],
            Signer("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "A"),
            intro=["Mở đầu " * (filler * 3)] if filler else [],
            addressee="UBND huyện Ninh Sơn",
        )
        path = tmp_path / f"g{filler}.pdf"
        write_report(report, path)
        check_layout(path, report, set())


def _cli(*argv: object) -> tuple[int, str, str]:
    import contextlib
    import io

    from desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_proposal_list_takes_number_and_date_and_follows_the_rules(
    demo_db: Path, tmp_path: Path
) -> None:
    from desktop.exchange.proposals_export import ProposalList, build_official_report
    from desktop.store.database import Database
    from desktop.store.office import load_office
    from desktop.store.plans import load_plan
    from desktop.store.proposals import check_review, review_report

    for argv in (
        ("--collective", "22831", "--achievements", "Dẫn đầu Bộ chỉ số"),
        ("--individual", "Trần Văn Bình", "--position", "Công chức", "--unit", "22831"),
    ):
        code, _out, err = _cli("--db", demo_db, "proposals", "add", "--review", "2023", *argv)
        assert code == 0, err
    pdf = tmp_path / "ds.pdf"
    code, _out, err = _cli(
        "--db",
        demo_db,
        "proposals",
        "export",
        "--review",
        "2023",
        "--pdf",
        pdf,
        "--number",
        "5",
        "--date",
        "2024-01-05",
    )
    assert code == 0, err
    assert "Cảnh báo" not in err  # the demo office has its signer and its level's name
    with Database.open(demo_db, write=False) as db, db.reading() as s:
        plan = load_plan(s)
        data = ProposalList(
            plan,
            check_review(s, "2023", plan),
            review_report(s, "2023", plan),
            load_office(s),
            dt.date(2024, 1, 5),
            "5",
        )
    report = build_official_report(data)
    assert report.number == "05/DS-VHTT"
    text = " ".join(ln.text for ln in pdf_lines(pdf))
    assert "Số: 05/DS-VHTT" in text and "Ninh Sơn, ngày 05 tháng 01 năm 2024" in text
    assert "Chuyển đổi số năm 2023 (sơ kết)" in text and "hạng 1" in text
    check_layout(pdf, report, plan_codes(plan))


def test_export_without_a_signer_warns_first(demo_db: Path, tmp_path: Path) -> None:
    code, _o, err = _cli("--db", demo_db, "office", "--set", "signer_name=")
    assert code == 0, err
    code, out, err = _cli(
        "--db", demo_db, "export", "--period", "2023", "--pdf", tmp_path / "r.pdf"
    )
    assert code == 0 and "Cảnh báo: Chưa có họ và tên người ký" in err, err
    assert err.index("Cảnh báo") >= 0 and "Đã ghi báo cáo PDF" in out
    code, out, err = _cli(
        "--db", demo_db, "proposals", "export", "--review", "2023", "--pdf", tmp_path / "d.pdf"
    )
    assert code == 0 and "Cảnh báo: Chưa có họ và tên người ký" in err, err
    # the workbook alone is not an official document: no warning
    code, _out, err = _cli(
        "--db", demo_db, "export", "--period", "2023", "--xlsx", tmp_path / "r.xlsx"
    )
    assert code == 0 and "Cảnh báo" not in err


def test_office_name_and_area_not_twice(tmp_path: Path) -> None:
    plan = load_bundled("ninh-son-2022")
    inp = synthetic_input(plan, 5, seed=1)
    inp = replace(inp, office=replace(inp.office, name="Phòng Văn hóa và Thông tin huyện Ninh Sơn"))
    text = " ".join(ln.text for ln in pdf_lines(write_pdf(inp, tmp_path / "r.pdf")))
    assert "huyện Ninh Sơn huyện Ninh Sơn" not in text
    assert text.count("trên địa bàn huyện Ninh Sơn") == 1  # in the plan's title only
