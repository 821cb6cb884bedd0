"""Units in bulk and through the command line (`thidua units add|edit|merge|import|export`),
and names through mergers: a report of a past period shows the name valid then."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.unit_list import kind_from_name, parse_kind, parse_unit_rows
from desktop.exchange.unit_list_file import read_unit_list, write_unit_list
from desktop.store.database import Database
from desktop.store.plans import unit_infos


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def units_json(capsys, db: Path, *extra: str) -> dict[str, dict]:
    code, out, err = run(capsys, "--db", db, "units", "--format", "json", *extra)
    assert code == 0, err
    return {u["code"]: u for u in json.loads(out)}


def write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ---- reading a list ---------------------------------------------------------------------


def test_kinds_as_people_write_them():
    assert parse_kind("commune") == "commune"
    assert parse_kind("Xã, phường, thị trấn") == "commune"
    assert parse_kind("Phường") == "commune"
    assert parse_kind("phòng, ban") == "department"
    assert parse_kind("Doanh nghiệp") == "enterprise"
    assert kind_from_name("Thị trấn Tân Sơn") == "commune"
    assert kind_from_name("Trung tâm Văn hóa - Thể thao") == "department"
    assert kind_from_name("Ninh Sơn") is None


def test_every_bad_row_is_named():
    header = ["Mã", "Tên đơn vị", "Loại", "Hoạt động từ", "Hoạt động đến", "Sáp nhập vào"]
    body = [
        ["1", "Xã A", "xã", "", "", ""],
        ["", "Xã B", "xã", "", "", ""],
        ["3", "Xã C", "hợp tác xã mới", "", "", ""],
        ["4", "Xã D", "xã", "31/02/2025", "", ""],
        ["5", "Xã E", "xã", "01/07/2025", "30/06/2025", ""],
        ["6", "Xã F", "xã", "", "", "1"],
        [None, None, None, None, None, None],
        ["1", "Xã A trùng", "xã", "", "", ""],
    ]
    rows, problems = parse_unit_rows(header, body)
    assert [r.code for r in rows] == ["1", "1"]
    text = "\n".join(problems)
    for line in (3, 4, 5, 6, 7, 9):
        assert f"Dòng {line} " in text, (line, text)
    assert "thiếu mã đơn vị" in text
    assert "'hợp tác xã mới' không nhận ra" in text
    assert "ngày '31/02/2025' không tồn tại" in text
    assert "cần ngày 'Hoạt động đến'" in text
    assert "mã trùng với dòng 2" in text


def test_header_must_name_code_and_name(tmp_path):
    path = write_csv(tmp_path / "x.csv", "Số,Xã\n1,Xã A\n")
    rows, problems = read_unit_list(path)
    assert rows == [] and "thiếu cột 'Mã', 'Tên đơn vị'" in problems[0]


def test_csv_with_semicolons_and_an_xlsx_with_a_title_row(tmp_path):
    path = write_csv(tmp_path / "a.csv", "Mã;Tên;Loại\n22810;Xã Ninh Sơn;Xã\n", "utf-8")
    rows, problems = read_unit_list(path)
    assert problems == [] and rows[0].name == "Xã Ninh Sơn" and rows[0].kind == "commune"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ"])
    ws.append(["Mã số", "Tên", "Cấp"])
    ws.append([22810, "Xã Ninh Sơn", "Xã"])
    wb.save(tmp_path / "b.xlsx")
    rows, problems = read_unit_list(tmp_path / "b.xlsx")
    assert problems == [] and (rows[0].code, rows[0].line) == ("22810", 3)


def test_not_a_list_is_refused_in_vietnamese(tmp_path):
    bad = tmp_path / "ds.xlsx"
    bad.write_bytes(b"not a workbook at all")
    from desktop.exchange.unit_list_file import UnitListUnreadable

    with pytest.raises(UnitListUnreadable, match="không phải tệp Excel"):
        read_unit_list(bad)
    latin = tmp_path / "ds.csv"
    latin.write_bytes("Mã,Tên\n1,Xã Hòa\n".encode("cp1258", errors="replace"))
    with pytest.raises(UnitListUnreadable, match="UTF-8"):
        read_unit_list(latin)


def test_export_reads_back_the_same(tmp_path, demo_db):
    with Database.open(demo_db, backup=False) as db, db.reading() as s:
        units = unit_infos(s)
    for name in ("u.xlsx", "u.csv"):
        write_unit_list(tmp_path / name, units)
        rows, problems = read_unit_list(tmp_path / name)
        assert problems == []
        assert [(r.code, r.name, r.kind) for r in rows] == [
            (u.code, u.name, u.kind) for u in units]


# ---- the command line -------------------------------------------------------------------


def test_units_add_edit_and_refusals(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "units", "add", "--code", "PVHTT",
                       "--name", "Phòng Văn hóa và Thông tin", "--kind", "phòng")
    assert code == 0 and "Đã thêm đơn vị PVHTT" in out
    code, _, err = run(capsys, "--db", demo_db, "units", "add", "--code", "PVHTT",
                       "--name", "Khác", "--kind", "department")
    assert code == 1 and "đã dùng cho Phòng Văn hóa và Thông tin" in err
    code, _, err = run(capsys, "--db", demo_db, "units", "add", "--code", "X1",
                       "--name", "Huyện A", "--kind", "district")
    assert code == 1 and "không có trong kế hoạch" in err
    code, out, _ = run(capsys, "--db", demo_db, "units", "edit", "PVHTT", "--name",
                       "Phòng Văn hóa, Khoa học và Thông tin")
    assert code == 0
    assert units_json(capsys, demo_db)["PVHTT"]["name"] == "Phòng Văn hóa, Khoa học và Thông tin"
    code, _, err = run(capsys, "--db", demo_db, "units", "edit", "NOPE", "--name", "X")
    assert code == 1 and "Không có đơn vị mã 'NOPE'" in err


def test_import_refused_writes_nothing(demo_db, tmp_path, capsys):
    before = units_json(capsys, demo_db)
    path = write_csv(tmp_path / "ds.csv", (
        "Mã,Tên đơn vị,Loại,Khối,Sáp nhập vào,Hoạt động đến\n"
        "30001,Xã Mới,xã,,,\n"
        "30002,Xã Hai,xã,K9,,\n"
        "30003,Xã Ba,xã,,99999,30/06/2025\n"
        "22813,Xã Lâm Sơn (tên khác),,,,\n"
    ))
    code, _, err = run(capsys, "--db", demo_db, "units", "import", path)
    assert code == 1
    assert "3 lỗi, chưa ghi đơn vị nào" in err
    assert "ds.csv, dòng 3 (30002): Không có khối thi đua 'K9'" in err
    assert "ds.csv, dòng 4 (30003): đơn vị '99999'" in err
    assert "ds.csv, dòng 5 (22813)" in err and "'Đổi tên từ'" in err
    assert units_json(capsys, demo_db) == before  # 30001 was fine, and is not written either


def test_import_adds_updates_and_records_mergers(demo_db, tmp_path, capsys):
    path = write_csv(tmp_path / "ds.csv", (
        "Mã,Tên đơn vị,Loại,Hoạt động từ,Hoạt động đến,Sáp nhập vào,Đổi tên từ\n"
        "22810,Xã Ninh Sơn,,,,,01/07/2025\n"
        "22819,Xã Quảng Sơn,,,30/06/2025,22810,\n"
        "30001,Xã Phước Trung,,,30/06/2025,22822,\n"
    ))
    code, out, _ = run(capsys, "--db", demo_db, "units", "import", path, "--dry-run")
    assert code == 0 and "chưa ghi" in out
    assert units_json(capsys, demo_db)["22810"]["name"] == "Thị trấn Tân Sơn"
    code, out, _ = run(capsys, "--db", demo_db, "units", "import", path)
    assert code == 0 and "thêm 1, cập nhật 2" in out
    assert "22810: Thị trấn Tân Sơn → Xã Ninh Sơn" in out
    now = units_json(capsys, demo_db)
    assert now["22810"]["name"] == "Xã Ninh Sơn"
    assert now["22819"]["merged_into"] == "22810" and now["22819"]["active_to"] == "2025-06-30"
    assert now["30001"]["kind"] == "commune"  # from its name
    then = units_json(capsys, demo_db, "--on", "2024-12-31")
    assert then["22810"]["name"] == "Thị trấn Tân Sơn"


# ---- names through mergers ----------------------------------------------------------------


def check_json(capsys, db: Path, period: str) -> dict[str, dict]:
    code, out, err = run(capsys, "--db", db, "check", "--period", period, "--format", "json")
    assert code == 0, err
    return {u["code"]: u for u in json.loads(out)["units"]}


def test_merge_keeps_the_name_of_each_period(demo_db, tmp_path, capsys):
    code, out, err = run(capsys, "--db", demo_db, "units", "merge", "22810", "22819",
                         "--on", "2025-07-01", "--into", "22810", "--name", "Xã Ninh Sơn")
    assert code == 0, err
    assert "Đã sáp nhập 22819 vào 22810 — Xã Ninh Sơn từ ngày 01/07/2025" in out
    assert check_json(capsys, demo_db, "2024")["22810"]["name"] == "Thị trấn Tân Sơn"
    assert check_json(capsys, demo_db, "2023")["22819"]["name"] == "Xã Quảng Sơn"
    in_2025 = check_json(capsys, demo_db, "2025")
    assert in_2025["22810"]["name"] == "Xã Ninh Sơn"
    assert "22819" not in in_2025  # merged before the 2025 deadline, nothing submitted

    # the exports of a past period carry the name of then
    for period, name in (("2023", "Thị trấn Tân Sơn"), ("2025", "Xã Ninh Sơn")):
        xlsx, package = tmp_path / f"{period}.xlsx", tmp_path / f"{period}.zip"
        code, _, err = run(capsys, "--db", demo_db, "export", "--period", period,
                           "--xlsx", xlsx, "--package", package)
        assert code == 0, err
        ws = openpyxl.load_workbook(xlsx)["TongHop"]
        cells = {str(c.value) for row in ws.iter_rows() for c in row if c.value}
        assert name in cells
        with zipfile.ZipFile(package) as zf:
            data = json.loads(zf.read("data.json"))
        names = {u["code"]: u["name"] for u in data["units"]}
        assert names["22810"] == name

    # a form for a past period is headed with the name of then
    form = tmp_path / "form.xlsx"
    code, _, err = run(capsys, "--db", demo_db, "template", "--period", "2024", "--unit",
                       "22810", "-o", form)
    assert code == 0, err
    ws = openpyxl.load_workbook(form)["BaoCao"]
    assert any("Thị trấn Tân Sơn" in str(c.value) for row in ws.iter_rows() for c in row
               if c.value)


def test_rename_dates_must_move_forward(demo_db, capsys):
    assert run(capsys, "--db", demo_db, "units", "edit", "22813", "--name", "Xã Lâm Sơn A",
               "--renamed-on", "2024-01-01")[0] == 0
    code, _, err = run(capsys, "--db", demo_db, "units", "edit", "22813", "--name",
                       "Xã Lâm Sơn B", "--renamed-on", "2023-06-01")
    assert code == 1 and "phải sau ngày đó" in err
    assert check_json(capsys, demo_db, "2023")["22813"]["name"] == "Xã Lâm Sơn"
    assert check_json(capsys, demo_db, "2024")["22813"]["name"] == "Xã Lâm Sơn A"


def test_plan_file_merged_into_and_former_names(tmp_path, capsys):
    text = (Path(__file__).parents[1] / "resources/plans/ninh-son-2022.toml").read_text("utf-8")
    text = text.replace(
        'code = "22819"\nname = "Xã Quảng Sơn"\nkind = "commune"\n',
        'code = "22819"\nname = "Xã Quảng Sơn"\nkind = "commune"\nactive_to = 2025-06-30\n'
        'merged_into = "22810"\n',
    ).replace(
        'code = "22810"\nname = "Thị trấn Tân Sơn"\nkind = "commune"\n',
        'code = "22810"\nname = "Xã Ninh Sơn"\nkind = "commune"\n'
        '[[units.former_names]]\nname = "Thị trấn Tân Sơn"\nuntil = 2025-06-30\n',
    )
    plan = tmp_path / "ninh-son-2022.toml"
    plan.write_text(text, "utf-8")
    db = tmp_path / "x.db"
    code, _, err = run(capsys, "--db", db, "init", "--plan-file", plan)
    assert code == 0, err
    now = units_json(capsys, db)
    assert now["22819"]["merged_into"] == "22810"
    assert check_json(capsys, db, "2024")["22810"]["name"] == "Thị trấn Tân Sơn"
    assert check_json(capsys, db, "2025")["22810"]["name"] == "Xã Ninh Sơn"
    broken = tmp_path / "bad" / "ninh-son-2022.toml"
    broken.parent.mkdir()
    broken.write_text(text.replace('merged_into = "22810"', 'merged_into = "00000"'), "utf-8")
    code, _, err = run(capsys, "--db", tmp_path / "y.db", "init", "--plan-file", broken)
    assert code == 1 and "đơn vị '00000' ('merged_into') không có trong kế hoạch" in err
