"""A PostgreSQL server as the database: addresses, refusals (nothing written), moving a
file up, portable backups that restore into either engine."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from engines import before_restore_note, dump, sql

from desktop.cli import main
from desktop.store.database import Database
from desktop.store.location import BadLocation, Location, parse_location
from desktop.store.transfer import tables


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---- addresses ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "postgresql+psycopg://clerk:pw@10.0.0.5:5432/thidua",
    "postgresql://clerk:pw@10.0.0.5:5432/thidua",
    "postgres://clerk:pw@10.0.0.5:5432/thidua",
    "postgresql+psycopg2://clerk:pw@10.0.0.5:5432/thidua",
])
def test_any_postgresql_url_is_a_server_with_the_bundled_driver(text):
    where = parse_location(text)
    assert where.is_server and where.url is not None
    assert where.url.drivername == "postgresql+psycopg"
    assert where.label == "postgresql://clerk@10.0.0.5:5432/thidua"  # never the password
    assert "pw" not in where.label and where.url.password == "pw"


def test_file_paths_stay_files(tmp_path):
    assert parse_location(str(tmp_path / "a.db")) == Location(file=tmp_path / "a.db")
    assert parse_location(r"C:\ThiDua\thidua.db").file is not None
    assert parse_location(f"sqlite:///{tmp_path}/b.db").file == tmp_path / "b.db"


@pytest.mark.parametrize(("text", "message"), [
    ("mysql://a:b@host/db", "chỉ dùng được tệp SQLite hoặc máy chủ PostgreSQL"),
    ("postgresql://clerk@host:5432", "thiếu tên cơ sở dữ liệu"),
    ("postgresql://clerk@host:port/db", "không hợp lệ"),
    ("sqlite://", "phải chỉ ra một tệp"),
])
def test_bad_addresses_are_refused_in_vietnamese(text, message, tmp_path, capsys):
    with pytest.raises(BadLocation, match=message):
        parse_location(text)
    code, out, err = run(capsys, "--db", text, "units")
    assert code == 1 and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_url_is_no_longer_taken_as_a_file_name(tmp_path, capsys, monkeypatch):
    """Before: a folder "postgresql+psycopg:" appeared with a SQLite file in it."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "demo")
    assert code == 1 and "Không kết nối được máy chủ 127.0.0.1:1" in err
    assert list(tmp_path.iterdir()) == []


# ---- refusals of the server ----------------------------------------------------------------------
def test_wrong_password(pg_server, capsys):
    name = pg_server.new_database()
    code, _, err = run(capsys, "--db", pg_server.url(name, password="sai"), "demo")
    assert code == 1 and "sai tên đăng nhập hoặc mật khẩu" in err
    assert "sai" not in err.split("“")[0]  # the password is never printed
    assert sql(pg_server.url(name), "SELECT count(*) FROM pg_tables WHERE schemaname='public'") \
        == [(0,)]


def test_database_missing_on_the_server(pg_server, capsys):
    code, _, err = run(capsys, "--db", pg_server.url("khong_co"), "units")
    assert code == 1 and "không có cơ sở dữ liệu “khong_co”" in err


def test_empty_server_database_says_how_to_fill_it(pg_server, capsys):
    name = pg_server.new_database()
    code, _, err = run(capsys, "--db", pg_server.url(name), "units")
    assert code == 1 and "còn trống" in err and "move-to-server" in err
    assert sql(pg_server.url(name), "SELECT count(*) FROM pg_tables WHERE schemaname='public'") \
        == [(0,)]


def test_database_of_another_application(pg_server, capsys):
    name = pg_server.new_database()
    url = pg_server.url(name)
    sql(url, "CREATE TABLE khach_hang (id integer primary key, ten text)")
    for argv in (["units"], ["init", "--plan", "ninh-son-2022"], ["demo"]):
        code, _, err = run(capsys, "--db", url, *argv)
        assert code == 1 and "của một chương trình khác" in err, err
    tables = sql(url, "SELECT tablename FROM pg_tables WHERE schemaname='public'")
    assert tables == [("khach_hang",)]


def test_newer_schema_on_the_server_is_not_touched(demo_target, capsys):
    sql(demo_target, "UPDATE alembic_version SET version_num='9999'")
    before = sql(demo_target, "SELECT count(*) FROM audit_log")
    commands = [["units"], ["review", "--period", "2023", "--unit", "22816", "--accept"]]
    if "://" in demo_target:  # a file's backup is a plain copy (store.backup), made anyway
        commands.append(["backup"])
    for argv in commands:
        code, _, err = run(capsys, "--db", demo_target, *argv)
        assert code == 1 and "phiên bản ThiĐua CĐS mới hơn" in err
    assert sql(demo_target, "SELECT count(*) FROM audit_log") == before
    assert sql(demo_target, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_no_lock_file_on_a_server_two_writers_open_at_once(pg_server, _pg_demo_template):
    name = pg_server.new_database(template=_pg_demo_template)
    url = pg_server.url(name)
    with Database.open(url) as first, Database.open(url) as second:
        assert first.writable and second.writable and first.is_server
        assert not first.path.with_name(first.path.name + ".lock").exists()


def test_a_reader_cannot_write_on_the_server(pg_server, _pg_demo_template):
    from sqlalchemy import text

    url = pg_server.url(pg_server.new_database(template=_pg_demo_template))
    with Database.open(url, write=False) as db, db.reading() as s:
        with pytest.raises(Exception, match="read-only|readonly"):
            s.execute(text("UPDATE office SET name = 'x'"))
            s.flush()


@pytest.fixture
def pg_demo(pg_server, _pg_demo_template):
    """The demo database on the server only."""
    name = pg_server.new_database(template=_pg_demo_template)
    yield pg_server.url(name)
    pg_server.drop(name)


# ---- moving up, portable backups ---------------------------------------------------------------
def _tables(target: object) -> dict[str, list[tuple[object, ...]]]:
    return dump(target)


def test_move_to_server_copies_every_table_and_refuses_a_second_time(
        demo_db: Path, pg_server, capsys):
    name = pg_server.new_database()
    url = pg_server.url(name)
    before = demo_db.read_bytes()
    code, out, err = run(capsys, "--db", url, "move-to-server", demo_db)
    assert code == 0, err
    assert "từng bảng đã được đối chiếu" in out and f"{len(tables())} bảng" in out
    assert _tables(url) == _tables(demo_db)
    assert demo_db.read_bytes() == before  # the file is left as it was
    for argv in (["check", "--period", "2023", "--format", "json"], ["units", "--format", "json"],
                 ["proposals", "list", "--review", "2023", "--format", "json"]):
        assert run(capsys, "--db", url, *argv)[:2] == run(capsys, "--db", demo_db, *argv)[:2]
    # new rows continue after the copied ids
    assert run(capsys, "--db", url, "review", "--period", "2023", "--unit", "22816",
               "--accept")[0] == 0
    code, _, err = run(capsys, "--db", url, "move-to-server", demo_db)
    assert code == 1 and "đã có dữ liệu" in err


def test_move_to_server_refuses_what_is_not_our_file(tmp_path, pg_server, capsys):
    url = pg_server.url(pg_server.new_database())
    bad = tmp_path / "ghi-chu.db"
    bad.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    for source, message in ((bad, "không phải là bản sao lưu"),
                            (tmp_path / "khong-co.db", "Không tìm thấy")):
        code, _, err = run(capsys, "--db", url, "move-to-server", source)
        assert code == 1 and message in err
    assert sql(url, "SELECT count(*) FROM plan") == [(0,)]


def test_server_backup_restores_into_sqlite_and_into_postgresql(
        pg_demo, pg_server, tmp_path, capsys):
    demo_target = pg_demo
    saved = _tables(demo_target)
    code, out, err = run(capsys, "--db", demo_target, "backup", tmp_path / "usb")
    assert code == 0, err
    (backup,) = (tmp_path / "usb").glob("*.db")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    # into a SQLite file
    restored = tmp_path / "restored.db"
    assert run(capsys, "--db", restored, "restore", backup)[0] == 0
    assert before_restore_note(_tables(restored), backup) == saved
    # into the server, over changed data
    assert run(capsys, "--db", demo_target, "review", "--period", "2023", "--unit", "22825",
               "--return", "Thiếu minh chứng")[0] == 0
    assert _tables(demo_target) != saved
    code, out, err = run(capsys, "--db", demo_target, "restore", backup)
    assert code == 0 and "Dữ liệu trước khi khôi phục được giữ ở" in out, err
    assert before_restore_note(_tables(demo_target), backup) == saved
    # and into another, empty server database
    other = pg_server.url(pg_server.new_database())
    assert run(capsys, "--db", other, "move-to-server", backup)[0] == 0
    assert _tables(other) == saved
    check = ["check", "--period", "2023", "--format", "json"]
    assert json.loads(run(capsys, "--db", other, *check)[1]) == json.loads(
        run(capsys, "--db", restored, *check)[1])


def test_restore_on_the_server_refuses_a_bad_file_and_keeps_the_data(pg_demo, tmp_path, capsys):
    demo_target = pg_demo
    saved = _tables(demo_target)
    bad = tmp_path / "hong.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    for f, message in ((tmp_path / "khong-co.db", "Không tìm thấy tệp sao lưu"),
                       (bad, "hỏng")):
        code, _, err = run(capsys, "--db", demo_target, "restore", f)
        assert code == 1 and message in err, err
    assert _tables(demo_target) == saved



def test_every_command_and_report_is_the_same_on_both_engines(
        demo_db: Path, pg_server, tmp_path, capsys):
    """The demo on a file and moved up to the server: every reading command prints the
    same, and the workbook, the package and the PDF hold the same content."""
    import zipfile

    import openpyxl

    url = pg_server.url(pg_server.new_database())
    assert run(capsys, "--db", url, "move-to-server", demo_db)[0] == 0
    reads = [
        ["units"], ["units", "--format", "json"], ["periods", "--format", "json"],
        ["check", "--period", "2022"], ["check", "--period", "2023", "--format", "json"],
        ["check", "--period", "2024", "--format", "json"], ["office", "--format", "json"],
        ["proposals", "list", "--review", "2023", "--format", "json"],
        ["proposals", "check", "--review", "2023", "--format", "json"],
        ["proposals", "suggest", "--review", "2023", "--format", "json"],
    ]
    for argv in reads:
        on_file, on_server = run(capsys, "--db", demo_db, *argv), run(capsys, "--db", url, *argv)
        assert on_file == on_server, argv
        assert on_file[0] == 0, (argv, on_file[2])

    def export(target: object, folder: Path) -> dict[str, Path]:
        folder.mkdir()
        out = {"xlsx": folder / "th.xlsx", "pdf": folder / "bc.pdf", "package": folder / "g.zip"}
        code, _o, err = run(capsys, "--db", target, "export", "--period", "2023",
                            "--xlsx", out["xlsx"], "--pdf", out["pdf"],
                            "--package", out["package"], "--number", "12",
                            "--date", "2024-01-05")
        assert code == 0, err
        return out

    a, b = export(demo_db, tmp_path / "file"), export(url, tmp_path / "server")

    def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
        wb = openpyxl.load_workbook(path)
        return {ws.title: [r for r in ws.iter_rows(values_only=True)
                           if r[0] != "Thời điểm lập"]  # when it was made: seconds apart
                for ws in wb}

    assert cells(a["xlsx"]) == cells(b["xlsx"])
    with zipfile.ZipFile(a["package"]) as za, zipfile.ZipFile(b["package"]) as zb:
        assert za.namelist() == zb.namelist()
        for name in za.namelist():
            if name.endswith(".csv"):
                assert za.read(name) == zb.read(name), name
    from test_reports import pdf_text  # pdftotext; fails in CI when it is missing

    assert pdf_text(a["pdf"]) == pdf_text(b["pdf"])


# ---- who did it ---------------------------------------------------------------------------------
def test_the_audit_trail_names_the_staff_member_not_the_account(demo_target, capsys):
    review = ["review", "--period", "2023", "--unit", "22816", "--return", "Thiếu số liệu"]
    code, out, _ = run(capsys, "staff")
    assert code == 0 and "Chưa đặt tên cán bộ" in out
    if "://" in demo_target:  # on a server, without a name: the database login
        assert run(capsys, "--db", demo_target, *review)[0] == 0
        last = sql(demo_target, 'SELECT "user" FROM audit_log ORDER BY id DESC LIMIT 1')
        assert last == [("postgres",)]
    code, out, _ = run(capsys, "staff", "--set", "  Nguyễn   Thị Lan ")
    assert code == 0 and "Nguyễn Thị Lan" in out
    assert run(capsys, "staff")[1].strip() == "Nguyễn Thị Lan"
    assert run(capsys, "--db", demo_target, "review", "--period", "2023", "--unit", "22816",
               "--accept")[0] == 0
    users = sql(demo_target, 'SELECT DISTINCT "user" FROM audit_log WHERE id > '
                '(SELECT max(id) - 3 FROM audit_log)')
    assert users == [("Nguyễn Thị Lan",)]
    events = sql(demo_target, 'SELECT "user" FROM review_event ORDER BY id DESC LIMIT 1')
    assert events == [("Nguyễn Thị Lan",)]
    code, _, err = run(capsys, "staff", "--set", "   ")
    assert code == 1 and "Hãy ghi họ và tên cán bộ" in err
