"""The office's round trip: generate forms, a commune fills one, import, check."""

import datetime as dt
import json

import pytest
from form_filling import fill

from desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(new_db, capsys):
    """A database made by `init`, on SQLite and on PostgreSQL (each test runs on both)."""
    assert run(capsys, "--db", new_db, "init", "--plan", "ninh-son-2022")[0] == 0
    return new_db




GOOD = {
    "HSCV_MANG": (70, 100),
    "VB_DIEN_TU": (50, 50),
    "BC_PM_TINH": (12, 12),
    "NGAY_KH_PD": dt.datetime(2022, 9, 15),
    "DANG_KY_TD": "Có",
    "SANG_KIEN": 2,
    "DIEM_DTI": 77.5,
    "CAP_QUANG_HO": (95, 100),
}


def test_round_trip_template_fill_import_check(db, tmp_path, capsys):
    code, out, _ = run(
        capsys, "--db", db, "template", "--period", "2023", "--all", "-o", tmp_path / "usb"
    )
    assert code == 0 and "Đã tạo 8 biểu mẫu" in out
    forms = sorted((tmp_path / "usb").glob("*.xlsx"))
    assert len(forms) == 8 and forms[1].name == "BaoCao_2023_22813_Xa-Lam-Son.xlsx"
    fill(forms[1], GOOD)
    fill(forms[2], {**GOOD, "HSCV_MANG": (35, 60)})
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "import",
        forms[1],
        forms[2],
        "--received",
        "2023-12-16",
        "--channel",
        "email",
    )
    assert code == 0, out
    assert "đã nhập báo cáo của Xã Lâm Sơn (22813), kỳ 2023, nộp trễ 1 ngày" in out
    code, out, _ = run(capsys, "--db", db, "check", "--period", "2023", "--format", "json")
    units = {u["code"]: u for u in json.loads(out)["units"]}
    assert units["22813"]["result"] == "pass" and units["22813"]["late_days"] == 1
    assert units["22813"]["channel"] == "email"
    assert units["22816"]["result"] == "fail"
    hscv = next(c for c in units["22816"]["criteria"] if c["code"] == "XA_HSCV")
    assert hscv["value"] == 58.33
    indicators = {i["code"]: i for i in json.loads(out)["indicators"]}
    assert (indicators["HSCV_MANG"]["numerator"], indicators["HSCV_MANG"]["denominator"]) == (
        105,
        160,
    )


def test_existing_submission_is_not_replaced_silently(db, tmp_path, capsys):
    form = tmp_path / "f.xlsx"
    run(capsys, "--db", db, "template", "--period", "2023", "--unit", "22813", "-o", form)
    fill(form, GOOD)
    assert run(capsys, "--db", db, "import", form)[0] == 0
    fill(form, {**GOOD, "HSCV_MANG": (80, 100)})
    code, out, _ = run(capsys, "--db", db, "import", form)
    assert code == 1
    assert "không ghi đè" in out and "HSCV_MANG: 70/100 → 80/100" in out
    code, out, _ = run(capsys, "--db", db, "import", form, "--replace")
    assert code == 0 and "đã thay thế" in out and "HSCV_MANG: 70/100 → 80/100" in out
    code, out, _ = run(capsys, "--db", db, "import", form)
    assert code == 0 and "đã được nhập trước đây" in out


def test_a_bad_file_among_good_ones_is_refused_alone(db, tmp_path, capsys):
    run(capsys, "--db", db, "template", "--period", "2023", "--all", "-o", tmp_path / "f")
    forms = sorted((tmp_path / "f").glob("*.xlsx"))
    fill(forms[0], GOOD)
    fill(forms[1], {**GOOD, "HSCV_MANG": (120, 100), "DIEM_DTI": 130})
    (tmp_path / "f" / "notes.xlsx").write_text("không phải excel", encoding="utf-8")
    code, out, _ = run(
        capsys, "--db", db, "import", forms[0], forms[1], tmp_path / "f" / "notes.xlsx"
    )
    assert code == 1
    assert "đã nhập báo cáo của Thị trấn Tân Sơn" in out
    assert "tử số 120 lớn hơn mẫu số 100" in out and "Từ chối BaoCao_2023_22813" in out
    assert "notes.xlsx" in out
    code, out, _ = run(capsys, "--db", db, "check", "--period", "2023", "--format", "json")
    assert json.loads(out)["summary"]["submitted"] == 1  # nothing half-written


def test_a_blank_form_is_refused(db, tmp_path, capsys):
    form = tmp_path / "blank.xlsx"
    run(capsys, "--db", db, "template", "--period", "2023", "--unit", "22813", "-o", form)
    code, out, _ = run(capsys, "--db", db, "import", form)
    assert code == 1 and "chưa điền số liệu nào" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["template", "--period", "2099", "--all", "-o", "x"], "Không có kỳ báo cáo '2099'"),
        (
            ["template", "--period", "2023", "--unit", "00000", "-o", "x.xlsx"],
            "Không có đơn vị mã '00000'",
        ),
    ],
)
def test_template_refusals(db, tmp_path, capsys, argv, message):
    code, _, err = run(capsys, "--db", db, *argv)
    assert code == 1 and message in err


def test_import_of_an_empty_folder(db, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "--db", db, "import", tmp_path / "empty")
    assert code == 1 and "Không có tệp .xlsx nào" in err


def test_import_channel_must_be_known(db, capsys):
    with pytest.raises(SystemExit) as e:
        main(["--db", str(db), "import", "x.xlsx", "--channel", "fax"])
    assert e.value.code == 2


def test_evidence_add_list_remove_and_duplicate(tmp_path, capsys):
    db = tmp_path / "d.db"
    run(capsys, "--db", db, "demo")
    scan = tmp_path / "ke-hoach.pdf"
    scan.write_bytes(b"%PDF-1.4 ke hoach phat dong")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "evidence",
        "add",
        "--period",
        "2023",
        "--unit",
        "22813",
        "--file",
        scan,
        "--number",
        "45/KH-UBND",
        "--title",
        "Kế hoạch phát động",
        "--issued",
        "2022-09-19",
        "--summary",
        "Phát động phong trào thi đua CĐS",
    )
    assert code == 0 and "Đã đính kèm" in out
    code, _, err = run(
        capsys, "--db", db, "evidence", "add", "--period", "2023", "--unit", "22813", "--file", scan
    )
    assert code == 1 and "đã được đính kèm" in err
    code, out, _ = run(
        capsys, "--db", db, "evidence", "list", "--period", "2023", "--unit", "22813"
    )
    assert "45/KH-UBND" in out and "19/09/2022" in out and "ke-hoach.pdf" in out
    code, _, err = run(
        capsys, "--db", db, "evidence", "list", "--period", "2023", "--unit", "22828"
    )
    assert code == 1 and "chưa có báo cáo" in err
    code, _, err = run(
        capsys,
        "--db",
        db,
        "evidence",
        "remove",
        "--period",
        "2023",
        "--unit",
        "22813",
        "--id",
        "99",
    )
    assert code == 1 and "Không có minh chứng mã 99" in err
