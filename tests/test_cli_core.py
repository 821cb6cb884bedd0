"""The command line as other tools call it: output, exit status, Vietnamese refusals."""

import json
import sqlite3

import pytest
from engines import is_server, sql

from desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(demo_target):
    """The demo database, on SQLite and on PostgreSQL (each test runs on both)."""
    return demo_target


def test_demo_prints_its_path(new_db, capsys):
    code, out, _ = run(capsys, "--db", new_db, "demo")
    assert code == 0 and out.strip() == new_db.replace(":thidua-test@", "@").replace(
        "+psycopg", "")


def test_demo_refuses_an_existing_file(demo, capsys):
    code, _, err = run(capsys, "--db", demo, "demo")
    assert code == 1 and ("đã tồn tại" in err or "đã có dữ liệu" in err)


def test_check_json_shape_and_results(demo, capsys):
    code, out, _ = run(capsys, "--db", demo, "check", "--period", "2023", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["plan"], data["period"], data["deadline"]) == (
        "ninh-son-2022",
        "2023",
        "2023-12-15",
    )
    units = {u["code"]: u for u in data["units"]}
    assert len(units) == 8
    assert units["22831"]["result"] == "pass" and units["22831"]["rank"] == 1
    # equal DTI 72,5: Lâm Sơn and Quảng Sơn share rank 3, the next is 5
    assert units["22813"]["rank"] == units["22819"]["rank"] == 3
    assert units["22816"]["rank"] == 5
    assert units["22816"]["result"] == "fail"
    hscv = next(c for c in units["22816"]["criteria"] if c["code"] == "XA_HSCV")
    assert hscv == {**hscv, "result": "fail", "value": 58.33, "rule": ">= 65"}
    assert units["22822"]["result"] == "incomplete"
    assert units["22828"] == {
        **units["22828"],
        "result": "not_submitted",
        "received_on": None,
        "rank": None,
        "criteria": [],
    }
    assert units["22819"]["late_days"] == 3 and units["22816"]["late_days"] == 0
    s = data["summary"]
    assert (s["expected"], s["submitted"], s["on_time"], s["pass"], s["fail"], s["incomplete"]) == (
        8,
        7,
        5,
        4,
        2,
        1,
    )
    hscv_all = next(i for i in data["indicators"] if i["code"] == "HSCV_MANG")
    # by hand: 1050+522+35+430+400+300+520 over 1300+720+60+580+520+420+640
    assert (hscv_all["numerator"], hscv_all["denominator"]) == (3257, 4240)
    assert hscv_all["value"] == round(3257 / 4240 * 100, 2)
    assert hscv_all["units_reporting"] == 7


def test_small_case_recomputed_by_hand(new_db, capsys):
    """Two communes, numbers small enough to check on paper."""
    import datetime as dt

    from desktop.domain.values import Value
    from desktop.plan_catalog import load_bundled
    from desktop.store.database import Database
    from desktop.store.plans import install_plan
    from desktop.store.submissions import save_submission

    db_path = new_db
    plan = load_bundled("ninh-son-2022")
    base = {
        "DANG_KY_TD": Value(flag=True),
        "NGAY_KH_PD": Value(day=dt.date(2022, 9, 1)),
        "SANG_KIEN": Value(number=1),
        "VB_DIEN_TU": Value(numerator=5, denominator=5),
        "BC_PM_TINH": Value(numerator=2, denominator=2),
    }
    with Database.open(db_path, create=True) as db, db.transaction() as s:
        install_plan(s, plan)
        save_submission(
            s,
            plan,
            "22810",
            "2022",
            {**base, "HSCV_MANG": Value(numerator=1, denominator=4), "DIEM_DTI": Value(number=50)},
            received_on=dt.date(2022, 12, 16),
        )
        save_submission(
            s,
            plan,
            "22813",
            "2022",
            {**base, "HSCV_MANG": Value(numerator=9, denominator=10), "DIEM_DTI": Value(number=70)},
            received_on=dt.date(2022, 12, 15),
        )
    code, out, _ = run(capsys, "--db", db_path, "check", "--period", "2022", "--format", "json")
    data = json.loads(out)
    units = {u["code"]: u for u in data["units"]}
    assert units["22810"]["result"] == "fail" and units["22810"]["late_days"] == 1
    assert units["22813"]["result"] == "pass" and units["22813"]["rank"] == 1
    assert units["22810"]["rank"] == 2
    hscv = next(i for i in data["indicators"] if i["code"] == "HSCV_MANG")
    assert (hscv["numerator"], hscv["denominator"], hscv["value"]) == (
        10,
        14,
        71.43,
    )  # not (25+90)/2
    assert data["summary"]["expected"] == 8 and data["summary"]["on_time"] == 1


def test_check_table_is_vietnamese(demo, capsys):
    code, out, _ = run(capsys, "--db", demo, "check", "--period", "2023")
    assert code == 0
    assert "Xã Lương Sơn" in out and "Không đạt" in out and "Chưa nộp" in out


def test_check_json_is_the_report_document_written_a_unit_at_a_time(demo, capsys):
    """The streamed, compact output is exactly the document to_json builds."""
    from desktop.domain.period_report import json_chunks, to_json
    from desktop.store.database import Database
    from desktop.store.submissions import period_report

    code, out, _ = run(capsys, "--db", demo, "check", "--period", "2022", "--format", "json")
    with Database.open(demo, write=False) as db, db.reading() as s:
        report = period_report(s, "2022")
    document = json.dumps(to_json(report), ensure_ascii=False, separators=(",", ":"))
    assert code == 0 and out == document + "\n" == "".join(json_chunks(report)) + "\n"
    assert json.loads(out) == to_json(report) and len(json.loads(out)["units"]) == 8


def test_periods_read_without_sqlalchemy_match_the_plan(demo):
    """`thidua periods` reads with plain sqlite3: the same periods, in the same order, as
    the plan loaded through SQLAlchemy; a database without a plan is refused alike."""
    from desktop.actions.periods import list_periods
    from desktop.store.database import Database
    from desktop.store.errors import StoreError
    from desktop.store.plans import load_plan

    with Database.open(demo, write=False) as db:
        with db.reading() as s:
            want = load_plan(s).periods
        assert list_periods(db) == want
    if is_server(demo):
        sql(demo, 'TRUNCATE "plan" CASCADE')
    else:
        con = sqlite3.connect(demo)
        with con:
            for table in ("criterion", "indicator", "period", "block", "unit", "plan"):
                con.execute(f'DELETE FROM "{table}"')
        con.close()
    with Database.open(demo, write=False) as db:
        with pytest.raises(StoreError, match="chưa có kế hoạch"):
            list_periods(db)


def test_check_reads_with_sqlite3_alone_give_the_sessions_report(demo_db):
    """`thidua check` on a file evaluates from plain sqlite3 reads: the same report, for
    every period, as the window's evaluation through a SQLAlchemy session; an unknown
    period is refused with the list of known ones alike."""
    from desktop.actions.periods import evaluate_period
    from desktop.store.database import Database
    from desktop.store.errors import StoreError
    from desktop.store.plans import load_plan
    from desktop.store.submissions import period_report

    with Database.open(demo_db, write=False) as db:
        with db.reading() as s:
            codes = [p.code for p in load_plan(s).periods]
            want = {c: period_report(s, c) for c in codes}
        for code in codes:
            assert evaluate_period(db, code) == want[code]
        with pytest.raises(StoreError, match="Các kỳ có: 2022, 2023"):
            evaluate_period(db, "2099")


def test_check_starts_without_sqlalchemy(demo_db):
    import subprocess
    import sys

    probe = ("import sys; from desktop.cli import main; code = main(sys.argv[1:]); "
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
             "('sqlalchemy', 'filelock', 'alembic', 'openpyxl', 'reportlab')); "
             "print('HEAVY', heavy, file=sys.stderr); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, "--db", str(demo_db), "check",
                           "--period", "2023", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    assert json.loads(done.stdout)["period"] == "2023" and "HEAVY []" in done.stderr


def test_periods_start_without_sqlalchemy(demo_db):
    """A command's start on a file (`thidua periods`) imports no SQLAlchemy, filelock or
    Alembic (a server's address needs SQLAlchemy, of course)."""
    import subprocess
    import sys

    probe = ("import sys; from desktop.cli import main; code = main(sys.argv[1:]); "
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
             "('sqlalchemy', 'filelock', 'alembic', 'openpyxl', 'reportlab')); "
             "print('HEAVY', heavy); sys.exit(code)")
    out = subprocess.run([sys.executable, "-c", probe, "--db", str(demo_db), "periods"],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert "Năm 2023 (sơ kết)" in out and "HEAVY []" in out


def test_units_and_periods(demo, capsys):
    code, out, _ = run(capsys, "--db", demo, "units", "--format", "json")
    units = json.loads(out)
    assert code == 0 and units[0] == {
        **units[0],
        "code": "22810",
        "name": "Thị trấn Tân Sơn",
        "kind": "commune",
        "active": True,
    }
    code, out, _ = run(capsys, "--db", demo, "periods", "--format", "json")
    assert [p["code"] for p in json.loads(out)] == ["2022", "2023", "2024", "2025"]


def test_plans_lists_the_bundled_templates(capsys):
    code, out, _ = run(capsys, "plans", "--format", "json")
    assert code == 0
    assert {
        "ninh-son-2022",
        "binh-phuoc-2022",
        "can-tho-2022",
        "quang-ninh-2022",
        "dien-bien-2023",
    } <= {p["code"] for p in json.loads(out)}


def test_review_accept_and_return(demo, capsys):
    code, out, _ = run(
        capsys,
        "--db",
        demo,
        "review",
        "--period",
        "2023",
        "--unit",
        "22816",
        "--return",
        "Số liệu hồ sơ chưa khớp sổ theo dõi",
    )
    assert code == 0 and "Đã trả lại" in out
    code, out, _ = run(capsys, "--db", demo, "check", "--period", "2023", "--format", "json")
    assert next(u for u in json.loads(out)["units"] if u["code"] == "22816")["state"] == "returned"
    code, out, _ = run(
        capsys, "--db", demo, "review", "--period", "2023", "--unit", "22816", "--accept"
    )
    assert code == 0 and "Đã chấp nhận" in out
    events = sql(
        demo,
        "SELECT to_state, reason FROM review_event re JOIN submission s "
        "ON s.id = re.submission_id JOIN unit u ON u.id = s.unit_id "
        "JOIN period p ON p.id = s.period_id WHERE u.code='22816' "
        "AND p.code='2023' ORDER BY re.id",
    )
    assert [e[0] for e in events] == ["received", "returned", "accepted"]
    assert events[1][1] == "Số liệu hồ sơ chưa khớp sổ theo dõi"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--period", "2030"], "Không có kỳ báo cáo '2030'"),
        (["review", "--period", "2023", "--unit", "22828", "--accept"], "chưa có báo cáo"),
        (
            ["review", "--period", "2023", "--unit", "99999", "--accept"],
            "Không có đơn vị mã '99999'",
        ),
        (["review", "--period", "2023", "--unit", "22816", "--return", " "], "Phải ghi lý do"),
        (["init", "--plan", "ninh-son-2022"], "đã có kế hoạch"),
        (["restore", "/khong/co.db"], "Không tìm thấy tệp sao lưu"),
    ],
)
def test_refusals_exit_1_in_vietnamese(demo, capsys, argv, message):
    code, _, err = run(capsys, "--db", demo, *argv)
    assert code == 1
    assert message in err and "Traceback" not in err


def test_missing_database(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "none.db", "check", "--period", "2023")
    assert code == 1 and "Không tìm thấy cơ sở dữ liệu" in err


def test_not_a_database(tmp_path, capsys):
    f = tmp_path / "notes.db"
    f.write_text("ghi chú", encoding="utf-8")
    code, _, err = run(capsys, "--db", f, "units")
    assert code == 1 and "không phải là cơ sở dữ liệu" in err


def test_database_of_a_newer_format(demo, capsys):
    sql(demo, "UPDATE alembic_version SET version_num='9999'")
    before = sql(demo, "SELECT count(*) FROM review_event")
    for argv in (["units"], ["review", "--period", "2023", "--unit", "22816", "--accept"]):
        code, _, err = run(capsys, "--db", demo, *argv)
        assert code == 1 and "phiên bản ThiĐua CĐS mới hơn" in err
    assert sql(demo, "SELECT count(*) FROM review_event") == before


def test_broken_plan_file(tmp_path, capsys):
    bad = tmp_path / "ke-hoach.toml"
    bad.write_text(
        '[plan]\ncode = "ke-hoach"\nunit_kinds = ["commune"]\n'
        '[[indicators]]\ncode = "A"\nname = "a"\nkind = "count"\nunit_kinds = ["commune"]\n'
        '[[criteria]]\ncode = "C"\nname = "c"\nindicator = "B"\nop = ">>"\n'
        'threshold = 1\nunit_kinds = ["commune"]\nsource = "I"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", tmp_path / "x.db", "init", "--plan-file", bad)
    assert code == 1
    assert "toán tử không hợp lệ '>>'" in err and "chỉ tiêu 'B' không có" in err
    assert not (tmp_path / "x.db").exists() or (tmp_path / "x.db").stat().st_size == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["frobnicate"],
        ["review", "--period", "2023", "--unit", "1"],
        ["check", "--period", "2023", "--format", "xml"],
        ["init"],
    ],
)
def test_wrong_command_line_exits_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "Lỗi dòng lệnh" in capsys.readouterr().err


def test_unknown_plan(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "x.db", "init", "--plan", "ha-noi")
    assert code == 1 and "Không có kế hoạch mẫu 'ha-noi'" in err


def test_backup_upgrades_a_first_release_database_as_the_refusal_says(tmp_path, capsys):
    import shutil
    from pathlib import Path

    db = tmp_path / "thidua.db"
    shutil.copyfile(Path(__file__).parent / "data" / "releases" / "0.1.0.db", db)
    code, _, err = run(capsys, "--db", db, "check", "--period", "2023")
    assert code == 1 and "thidua backup" in err  # read-only commands refuse the old format
    code, out, _ = run(capsys, "--db", db, "backup", tmp_path / "usb")
    assert code == 0 and "Đã sao lưu" in out
    code, _, err = run(capsys, "--db", db, "check", "--period", "2023", "--format", "json")
    assert code == 0, err


def test_an_unexpected_error_is_logged_not_shown(demo, capsys, tmp_path, monkeypatch):
    """The log file is set up only when a command fails unexpectedly: the person reads one
    Vietnamese line, the traceback goes to the log."""
    import logging

    from desktop.cli import commands

    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "data"))
    log = logging.getLogger("thidua")
    monkeypatch.setattr(log, "handlers", [])

    def broken(_args):
        raise RuntimeError("boom")

    monkeypatch.setitem(commands.COMMANDS, "periods", broken)
    code, out, err = run(capsys, "--db", demo, "periods")
    for handler in log.handlers:
        handler.close()
    assert code == 1 and "Lỗi không mong đợi" in err and "Traceback" not in err + out
    text = (tmp_path / "data" / "logs" / "thidua.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom" in text and "unexpected error in command periods" in text
