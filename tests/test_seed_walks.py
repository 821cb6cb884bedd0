"""Each bundled plan run for a year by its own kind of office, through the command line as
the office runs it: init, units (an imported list), forms, import, check, review,
proposals within and beyond the quota, exports. And the 2025 reform: a province that
starts from a copied plan with 100 communes from an imported list, then merges them."""

from __future__ import annotations

import csv
import datetime as dt
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from form_filling import fill

from desktop.cli import main
from desktop.domain.plan import IndicatorKind, Operator, Plan
from desktop.plan_catalog import load_bundled


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err or out
    return out




def form_values(plan: Plan, kind: str, period: str, *, passing: bool) -> dict[str, object]:
    """Cell values meeting (or, with passing=False, failing) every criterion of the kind."""
    out: dict[str, object] = {}
    criteria = {c.indicator: c for c in plan.criteria_for(kind, period)}
    for ind in plan.indicators_for(kind):
        c = criteria.get(ind.code)
        if ind.kind is IndicatorKind.RATIO:
            out[ind.code] = (100, 100) if passing or c is None else (1, 100)
        elif ind.kind is IndicatorKind.BOOL:
            out[ind.code] = "Có" if passing else "Không"
        elif ind.kind is IndicatorKind.DATE:
            day = c.threshold if c is not None and c.op is Operator.BY else dt.date(2022, 6, 1)
            assert isinstance(day, dt.date)
            shown = day if passing else day + dt.timedelta(days=30)
            out[ind.code] = dt.datetime(shown.year, shown.month, shown.day)
        elif ind.kind is IndicatorKind.COUNT:
            out[ind.code] = 3 if passing else 0
        else:  # percent, score
            top = ind.maximum or 100
            out[ind.code] = (top if c is None or c.op is not Operator.LE else 0) \
                if passing else 1
    return out


def unit_list(path: Path, rows: list[tuple[str, ...]],
              header: tuple[str, ...] = ("Mã", "Tên đơn vị", "Loại", "Khối")) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def check(capsys, db: Path, period: str) -> dict:
    return json.loads(ok(capsys, "--db", db, "check", "--period", period, "--format", "json"))


def submit(capsys, tmp_path: Path, db: Path, plan: Plan, period: str,
           units: dict[str, tuple[str, bool]], received: str) -> None:
    """Forms for `units` (code -> (kind, passing)), filled and imported."""
    folder = tmp_path / f"forms-{period}"
    files = []
    for code, (kind, passing) in units.items():
        target = folder / f"{code}.xlsx"
        folder.mkdir(exist_ok=True)
        ok(capsys, "--db", db, "template", "--period", period, "--unit", code, "-o", target)
        fill(target, form_values(plan, kind, period, passing=passing))
        files.append(target)
    out = ok(capsys, "--db", db, "import", *files, "--received", received, "--channel", "email")
    assert out.count("đã nhập báo cáo") == len(files), out


def exports(capsys, tmp_path: Path, db: Path, period: str) -> tuple[str, dict]:
    """Export the period; the PDF's header lines and the package's data."""
    pdf, xlsx, package = (tmp_path / f"r{period}.{x}" for x in ("pdf", "xlsx", "zip"))
    ok(capsys, "--db", db, "export", "--period", period, "--pdf", pdf, "--xlsx", xlsx,
       "--package", package)
    assert openpyxl.load_workbook(xlsx).sheetnames[:2] == ["TongHop", "ChiTieu"]
    with zipfile.ZipFile(package) as zf:
        data = json.loads(zf.read("data.json"))
    return pdf.read_bytes().decode("latin-1"), data


def pdf_text(path: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def proposals_check(capsys, db: Path, review: str) -> dict:
    return json.loads(ok(capsys, "--db", db, "proposals", "check", "--review", review,
                         "--format", "json"))


def office(capsys, db: Path) -> str:
    return ok(capsys, "--db", db, "office")


# ---- Ninh Sơn (003): a district office; departments and enterprises compete too -------


def test_ninh_son_year(tmp_path, capsys):
    db = tmp_path / "ns.db"
    plan = load_bundled("ninh-son-2022")
    ok(capsys, "--db", db, "init", "--plan", "ninh-son-2022")
    text = office(capsys, db)
    assert "Phòng Văn hóa và Thông tin" in text and "UBND huyện Ninh Sơn" in text
    out = ok(capsys, "--db", db, "units", "import", unit_list(tmp_path / "dv.csv", [
        ("PVHTT", "Phòng Văn hóa và Thông tin", "phòng", ""),
        ("PNV", "Phòng Nội vụ", "phòng", ""),
        ("DN01", "Công ty TNHH Nho Ninh Sơn", "doanh nghiệp", ""),
    ]))
    assert "thêm 3" in out
    plan = load_bundled("ninh-son-2022")
    # 2022: Lâm Sơn launches its plan late, passes everything else
    submit(capsys, tmp_path, db, plan, "2022", {
        "22810": ("commune", True), "PVHTT": ("department", True),
        "DN01": ("enterprise", True)}, "2022-12-10")
    late = tmp_path / "late.xlsx"
    ok(capsys, "--db", db, "template", "--period", "2022", "--unit", "22813", "-o", late)
    fill(late, {**form_values(plan, "commune", "2022", passing=True),
                "NGAY_KH_PD": dt.datetime(2022, 10, 5)})
    ok(capsys, "--db", db, "import", late, "--received", "2022-12-12")
    report = {u["code"]: u for u in check(capsys, db, "2022")["units"]}
    assert report["22810"]["result"] == "pass"
    assert report["22813"]["result"] == "fail"
    assert [c["code"] for c in report["22813"]["criteria"]
            if c["result"] == "fail"] == ["XA_KE_HOACH"]
    assert {c["code"] for c in report["PVHTT"]["criteria"]} >= {
        "PB_SANG_KIEN", "PB_HOAN_THANH", "PB_SAN_PHAM"}
    assert report["DN01"]["result"] == "pass"
    # 2023 (sơ kết): the launch-plan deadline was a 2022 task, it does not fail 2023
    submit(capsys, tmp_path, db, plan, "2023", {
        code: ("commune", True) for code in ("22810", "22813", "22816", "22819", "22822",
                                             "22825")} | {"DN01": ("enterprise", False)},
        "2023-12-01")
    report = {u["code"]: u for u in check(capsys, db, "2023")["units"]}
    assert report["22813"]["result"] == "pass"
    assert "XA_KE_HOACH" not in {c["code"] for c in report["22813"]["criteria"]}
    assert report["DN01"]["result"] == "fail"
    ok(capsys, "--db", db, "review", "--period", "2023", "--unit", "22813", "--accept")
    # proposals: 5 collectives allowed, 6 proposed
    for code in ("22810", "22813", "22816", "22819", "22822", "22825"):
        ok(capsys, "--db", db, "proposals", "add", "--review", "2023", "--collective", code)
    result = proposals_check(capsys, db, "2023")
    rules = [b["rule"] for b in result["breaches"]]
    assert rules[0] == "QUOTA_COLLECTIVES", rules
    dossier = [b for b in result["breaches"] if b["rule"] == "DOSSIER_INCOMPLETE"]
    assert dossier and all(b["source"] == "" for b in dossier)  # the office's own choice
    assert "do cơ quan tự quy định" in dossier[0]["message"]
    ok(capsys, "--db", db, "proposals", "remove", "--review", "2023", "--id", "6")
    rules = {b["rule"] for b in proposals_check(capsys, db, "2023")["breaches"]}
    assert "QUOTA_COLLECTIVES" not in rules
    pdf, data = exports(capsys, tmp_path, db, "2023")
    assert {u["code"] for u in data["units"]} >= {"22813", "DN01"}


# ---- Quảng Ninh (001): a province department; Bằng khen with no number fixed -------------


def test_quang_ninh_year(tmp_path, capsys):
    db = tmp_path / "qn.db"
    plan = load_bundled("quang-ninh-2022")
    ok(capsys, "--db", db, "init", "--plan", "quang-ninh-2022")
    text = office(capsys, db)
    assert "Sở Khoa học và Công nghệ" in text and "UBND tỉnh Quảng Ninh" in text
    assert "GIÁM ĐỐC" in text and "Phòng Văn hóa và Thông tin" not in text
    ok(capsys, "--db", db, "units", "import", unit_list(tmp_path / "dv.csv", [
        ("QN-STTTT", "Sở Thông tin và Truyền thông", "department", ""),
        ("QN-SNV", "Sở Nội vụ", "department", ""),
    ]))
    districts = [u.code for u in plan.units if u.kind == "district"][:3]
    # a score above the 100-point scale is refused, in Vietnamese, naming the cell
    bad = tmp_path / "bad.xlsx"
    ok(capsys, "--db", db, "template", "--period", "2023", "--unit", "QN-SNV", "-o", bad)
    fill(bad, {**form_values(plan, "department", "2023", passing=True), "DIEM_DTI": 104})
    code, out, err = run(capsys, "--db", db, "import", bad)
    assert code == 1
    assert "điểm 104 lớn hơn điểm tối đa 100 (thang điểm 100)" in out + err
    submit(capsys, tmp_path, db, plan, "2023", {
        "QN-STTTT": ("department", True), "QN-SNV": ("department", True),
        **{c: ("district", True) for c in districts}}, "2023-12-14")
    report = check(capsys, db, "2023")
    assert {u["code"]: u["result"] for u in report["units"]}["QN-SNV"] == "pass"
    ok(capsys, "--db", db, "review", "--period", "2023", "--unit", "QN-SNV", "--accept")
    ok(capsys, "--db", db, "review", "--period", "2023", "--unit", "QN-STTTT", "--return",
       "Thiếu minh chứng")
    states = {u["code"]: u.get("state") for u in check(capsys, db, "2023")["units"]}
    assert states["QN-SNV"] == "accepted" and states["QN-STTTT"] == "returned"
    # awards at the sơ kết: no number fixed, proposals are recorded, never over a quota
    for unit in ("QN-STTTT", "QN-SNV", *districts):
        ok(capsys, "--db", db, "proposals", "add", "--review", "2023", "--collective", unit)
    for n in range(12):
        ok(capsys, "--db", db, "proposals", "add", "--review", "2023", "--individual",
           f"Nguyễn Văn {n}", "--position", "Chuyên viên", "--unit", "QN-SNV")
    result = proposals_check(capsys, db, "2023")
    assert not {b["rule"] for b in result["breaches"]} & {
        "QUOTA_COLLECTIVES", "QUOTA_INDIVIDUALS", "NO_QUOTA"}
    table = ok(capsys, "--db", db, "proposals", "check", "--review", "2023")
    assert "không giới hạn" in table
    pdf, data = exports(capsys, tmp_path, db, "2023")
    assert len([p for p in data["proposals"] if p["kind"] == "individual"]) == 12


# ---- Cần Thơ (002): a city department; four blocks, Khối 3 the city's 83 communes ----------


def test_can_tho_year(tmp_path, capsys):
    db = tmp_path / "ct.db"
    plan = load_bundled("can-tho-2022")
    ok(capsys, "--db", db, "init", "--plan", "can-tho-2022")
    units = json.loads(ok(capsys, "--db", db, "units", "--format", "json"))
    k3 = [u["code"] for u in units if u["block"] == "K3"]
    assert len(k3) == 83
    best, second, third, fourth = k3[:4]
    submit(capsys, tmp_path, db, plan, "2022", {c: ("commune", True) for c in k3[:4]},
           "2022-12-10")
    # a lower score for the fourth: it ranks below the block's three top units
    low = tmp_path / "low.xlsx"
    ok(capsys, "--db", db, "template", "--period", "2022", "--unit", fourth, "-o", low)
    fill(low, {**form_values(plan, "commune", "2022", passing=True), "DIEM_DTI": 40})
    ok(capsys, "--db", db, "import", low, "--received", "2022-12-10", "--replace")
    report = {u["code"]: u for u in check(capsys, db, "2022")["units"]}
    assert report[fourth]["rank"] == 4 and report[best]["rank"] == 1
    ok(capsys, "--db", db, "proposals", "add", "--review", "2022", "--collective", best)
    ok(capsys, "--db", db, "proposals", "add", "--review", "2022", "--individual",
       "Trần Thị Lan", "--position", "Công chức", "--unit", second)
    out = ok(capsys, "--db", db, "proposals", "add", "--review", "2022", "--individual",
             "Lê Văn Tư", "--position", "Công chức", "--unit", fourth)
    assert "NOT_TOP_UNIT" in out and "xếp hạng 4 trong khối" in out
    rules = [b["rule"] for b in proposals_check(capsys, db, "2022")["breaches"]]
    assert rules == ["NOT_TOP_UNIT"]
    for code in k3[1:4]:  # 3 collectives allowed for Khối 3, 4 proposed
        ok(capsys, "--db", db, "proposals", "add", "--review", "2022", "--collective", code)
    result = proposals_check(capsys, db, "2022")
    assert "QUOTA_COLLECTIVES" in [b["rule"] for b in result["breaches"]]
    listed = ok(capsys, "--db", db, "proposals", "list", "--review", "2022", "--format", "json")
    last = max(p["id"] for p in json.loads(listed)["proposals"])
    ok(capsys, "--db", db, "proposals", "remove", "--review", "2022", "--id", last)
    rules = [b["rule"] for b in proposals_check(capsys, db, "2022")["breaches"]]
    assert "QUOTA_COLLECTIVES" not in rules  # within Khối 3's three again
    ok(capsys, "--db", db, "review", "--period", "2022", "--unit", best, "--accept")
    assert "Sở Khoa học và Công nghệ" in office(capsys, db)
    exports(capsys, tmp_path, db, "2022")


# ---- Điện Biên (004): a department's own plan, targets only ---------------------------------


def test_dien_bien_year(tmp_path, capsys):
    db = tmp_path / "db.db"
    plan = load_bundled("dien-bien-2023")
    out = ok(capsys, "--db", db, "init", "--plan", "dien-bien-2023")
    assert "thidua units import" in out  # the plan lists no unit: the office is told how
    text = office(capsys, db)
    assert "Sở Khoa học và Công nghệ" in text and "UBND tỉnh Điện Biên" in text
    ok(capsys, "--db", db, "units", "import", unit_list(tmp_path / "dv.csv", [
        ("VP", "Văn phòng Sở", "", ""),  # the kind read from the name
        ("TTR", "Thanh tra Sở", "phòng, ban", ""),
        ("TTUD", "Trung tâm Ứng dụng và Thống kê khoa học, công nghệ", "", ""),
    ]))
    period = plan.periods[0].code
    values = form_values(plan, "department", period, passing=True)
    targets = [c for c in plan.criteria_for("department", period)]
    assert targets and not any(c.mandatory for c in targets)
    ratio_targets = [c.indicator for c in targets
                     if plan.indicator(c.indicator).kind is IndicatorKind.RATIO]
    folder = tmp_path / "f"
    folder.mkdir()
    files = []
    for code, missed in (("VP", 0), ("TTR", 2), ("TTUD", len(targets))):
        f = folder / f"{code}.xlsx"
        ok(capsys, "--db", db, "template", "--period", period, "--unit", code, "-o", f)
        mine = dict(values)
        for ind in ratio_targets[:missed]:
            mine[ind] = (1, 100)
        if missed == len(targets):
            mine = form_values(plan, "department", period, passing=False)
        fill(f, mine)
        files.append(f)
    ok(capsys, "--db", db, "import", *files, "--received", "2023-12-01")
    table = ok(capsys, "--db", db, "check", "--period", period)
    n = len(targets)
    assert f"Đạt {n}/{n} chỉ tiêu" in table
    assert f"Đạt {n - 2}/{n} chỉ tiêu" in table
    assert f"Đạt 0/{n} chỉ tiêu" in table
    results = {u["code"]: u["result"] for u in check(capsys, db, period)["units"]}
    assert results == {"VP": "pass", "TTR": "fail", "TTUD": "fail"}
    ok(capsys, "--db", db, "review", "--period", period, "--unit", "VP", "--accept")
    pdf, data = exports(capsys, tmp_path, db, period)
    text = " ".join(pdf_text(tmp_path / f"r{period}.pdf").split())
    assert "Kính gửi: Ủy ban nhân dân tỉnh Điện Biên." in text  # not to the Sở itself
    assert f"Đạt {n - 2}/{n} chỉ tiêu" in text and f"Đạt 0/{n} chỉ tiêu" in text
    assert "1 đơn vị đạt đủ các chỉ tiêu, 1 đơn vị đạt một phần, 1 đơn vị chưa đạt" in text
    assert "đạt tất cả các tiêu chuẩn thi đua" not in text and "không đạt:" not in text
    with zipfile.ZipFile(tmp_path / f"r{period}.zip") as zf:  # for a province without us
        assert f"Đạt {n - 2}/{n} chỉ tiêu" in zf.read("tonghop.csv").decode("utf-8-sig")
    xlsx = openpyxl.load_workbook(tmp_path / f"r{period}.xlsx")["TongHop"]
    cells = {str(c.value) for row in xlsx.iter_rows() for c in row if c.value}
    assert f"Đạt 0/{n} chỉ tiêu" in cells and "Đạt" not in cells
    code, _, err = run(capsys, "--db", db, "proposals", "add", "--review", period,
                       "--collective", "VP")
    assert code == 1 and "không quy định khen thưởng" in err  # the seed gives no award


# ---- Bình Phước (000): a province; the launch plan a 2022 task ---------------------------


def test_binh_phuoc_year(tmp_path, capsys):
    db = tmp_path / "bp.db"
    plan = load_bundled("binh-phuoc-2022")
    ok(capsys, "--db", db, "init", "--plan", "binh-phuoc-2022")
    assert "UBND tỉnh Bình Phước" in office(capsys, db)
    districts = [u.code for u in plan.units if u.kind == "district"]
    submit(capsys, tmp_path, db, plan, "2023", {c: ("district", True) for c in districts[:8]},
           "2023-12-15")
    report = {u["code"]: u for u in check(capsys, db, "2023")["units"]}
    assert all(report[c]["result"] == "pass" for c in districts[:8])
    assert "HUYEN_KE_HOACH" not in {c["code"] for c in report[districts[0]]["criteria"]}
    for code in districts[:8]:  # 7 collectives allowed at the sơ kết 2023
        ok(capsys, "--db", db, "proposals", "add", "--review", "2023", "--collective", code)
    rules = {b["rule"] for b in proposals_check(capsys, db, "2023")["breaches"]}
    assert "QUOTA_COLLECTIVES" in rules
    ok(capsys, "--db", db, "proposals", "remove", "--review", "2023", "--id", "8")
    rules = {b["rule"] for b in proposals_check(capsys, db, "2023")["breaches"]}
    assert "QUOTA_COLLECTIVES" not in rules  # 7 of 7
    ok(capsys, "--db", db, "review", "--period", "2023", "--unit", districts[0], "--accept")
    exports(capsys, tmp_path, db, "2023")


# ---- the reform: a province from a copied plan, 100 communes, then merged ----------------


def test_province_from_a_copied_plan_with_100_communes(tmp_path, capsys):
    source = Path(__file__).parents[1] / "resources/plans/ninh-son-2022.toml"
    text = source.read_text("utf-8")
    head, _, rest = text.partition("# Official codes of the statistics office")
    _, _, rest = rest.partition("# ---- Indicators")
    text = (head.replace('code = "ninh-son-2022"', 'code = "khanh-hoa-2025"')
            .replace('level = "huyện"', 'level = "tỉnh"')
            .replace('area = "huyện Ninh Sơn"', 'area = "tỉnh Khánh Hòa"')
            .replace('parent_body = "UBND huyện Ninh Sơn"', 'parent_body = "UBND tỉnh Khánh Hòa"')
            + "# ---- Indicators" + rest)
    plan_file = tmp_path / "khanh-hoa-2025.toml"
    plan_file.write_text(text, "utf-8")
    db = tmp_path / "kh.db"
    out = ok(capsys, "--db", db, "init", "--plan-file", plan_file)
    assert "(0 đơn vị)" in out
    rows = [(f"{22000 + 3 * n}", f"Xã Số {n}", "Xã", "") for n in range(1, 101)]
    rows[0] = ("22003", "Phường Đô Vinh", "Phường", "")
    out = ok(capsys, "--db", db, "units", "import", unit_list(tmp_path / "xa.csv", rows))
    assert "thêm 100" in out
    units = json.loads(ok(capsys, "--db", db, "units", "--format", "json"))
    assert len(units) == 100 and all(u["kind"] == "commune" for u in units)
    text = office(capsys, db)
    assert "Sở Khoa học và Công nghệ" in text and "UBND tỉnh Khánh Hòa" in text
    # merged from 01/7/2025: two communes into one that keeps its code, renamed
    ok(capsys, "--db", db, "units", "merge", "22006", "22009", "--on", "2025-07-01",
       "--into", "22006", "--name", "Xã Hợp Nhất")
    in_2024 = {u["code"]: u["name"] for u in check(capsys, db, "2024")["units"]}
    in_2025 = {u["code"]: u["name"] for u in check(capsys, db, "2025")["units"]}
    assert in_2024["22006"] == "Xã Số 2" and in_2025["22006"] == "Xã Hợp Nhất"
    assert "22009" in in_2024 and "22009" not in in_2025
    assert len(in_2025) == 99
    # forms, import, check, review and the reports of either side of the merger
    plan = load_bundled("ninh-son-2022")
    submit(capsys, tmp_path, db, plan, "2024", {"22006": ("commune", True),
                                               "22009": ("commune", False)}, "2024-12-10")
    submit(capsys, tmp_path, db, plan, "2025", {"22006": ("commune", True)}, "2025-12-10")
    report = {u["code"]: u for u in check(capsys, db, "2025")["units"]}
    assert report["22006"]["result"] == "pass"
    ok(capsys, "--db", db, "review", "--period", "2025", "--unit", "22006", "--accept")
    for period, name in (("2024", "Xã Số 2"), ("2025", "Xã Hợp Nhất")):
        pdf, data = exports(capsys, tmp_path, db, period)
        assert {u["code"]: u["name"] for u in data["units"]}["22006"] == name
        assert name in " ".join(pdf_text(tmp_path / f"r{period}.pdf").split())
    # the list exported after the merger reads back unchanged
    exported = tmp_path / "ds.xlsx"
    ok(capsys, "--db", db, "units", "export", exported)
    out = ok(capsys, "--db", db, "units", "import", exported)
    assert "thêm 0, cập nhật 0" in out


@pytest.mark.parametrize("code", ["ninh-son-2022", "binh-phuoc-2022", "can-tho-2022",
                                  "quang-ninh-2022", "dien-bien-2023"])
def test_office_defaults_follow_the_plan_level(code):
    from desktop.domain.office_defaults import office_defaults

    plan = load_bundled(code)
    d = office_defaults(plan)
    district = plan.level == "huyện"
    assert (d["name"] == "Phòng Văn hóa và Thông tin") is district
    assert d["parent_body"] == plan.extras["parent_body"]
    assert str(d["signer_authority"]).startswith("KT. ")
    assert (d["signer_title"] == "PHÓ TRƯỞNG PHÒNG") is district
    assert str(d["doc_number_prefix"]) == f"/BC-{d['short_name']}"
