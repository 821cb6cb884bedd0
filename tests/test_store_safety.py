"""Nothing is ever lost: transactions, the writer lock, backups, the audit trail."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import select

from desktop.domain.values import Value
from desktop.store.backup import backup_to, list_backups, restore
from desktop.store.database import Database, integrity_ok
from desktop.store.demo import build_demo
from desktop.store.errors import DatabaseLocked
from desktop.store.models import AuditRow, SubmissionRow, ValueRow
from desktop.store.plans import load_plan
from desktop.store.retention import KEEP_TODAY
from desktop.store.submissions import SubmissionExists, save_submission


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.db"
    with Database.open(path, create=True) as db:
        build_demo(db)
    return path


def dump(path):
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def test_pragmas(demo_path):
    with Database.open(demo_path) as db, db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_second_writer_is_refused(demo_path):
    with Database.open(demo_path):
        with pytest.raises(DatabaseLocked, match="đang được một chương trình ThiĐua CĐS khác"):
            Database.open(demo_path)
    Database.open(demo_path).close()  # free again once the first closed


def test_a_second_process_is_refused(demo_path):
    with Database.open(demo_path):
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop.cli",
                "--db",
                str(demo_path),
                "review",
                "--period",
                "2023",
                "--unit",
                "22816",
                "--accept",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    assert out.returncode == 1 and "đang được một chương trình" in out.stderr


def test_failed_transaction_leaves_nothing(demo_path):
    with Database.open(demo_path) as db:
        with db.reading() as s:
            plan = load_plan(s)
            before = s.scalar(
                select(ValueRow.numerator)
                .join(SubmissionRow)
                .where(ValueRow.indicator_code == "HSCV_MANG", SubmissionRow.id == 1)
            )
        with pytest.raises(SubmissionExists) as err, db.transaction() as s:
            save_submission(
                s,
                plan,
                "22810",
                "2022",
                {"HSCV_MANG": Value(numerator=1, denominator=2)},
                received_on=dt.date(2022, 12, 1),
            )
        assert "HSCV_MANG: 820/1.200 → 1/2" in err.value.message
        with db.reading() as s:
            after = s.scalar(
                select(ValueRow.numerator)
                .join(SubmissionRow)
                .where(ValueRow.indicator_code == "HSCV_MANG", SubmissionRow.id == 1)
            )
    assert before == after == 820


def test_replace_is_audited_with_old_and_new_values(demo_path):
    with Database.open(demo_path) as db:
        with db.reading() as s:
            plan = load_plan(s)
        with db.transaction("Sửa số liệu") as s:
            result = save_submission(
                s,
                plan,
                "22810",
                "2022",
                {"HSCV_MANG": Value(numerator=900, denominator=1200)},
                received_on=dt.date(2022, 12, 9),
                replace=True,
            )
        assert "HSCV_MANG: 820/1.200 → 900/1.200" in result.changes
        with db.reading() as s:
            rows = s.scalars(
                select(AuditRow).where(
                    AuditRow.table_name == "value", AuditRow.field == "numerator"
                )
            ).all()
    assert any(
        r.old_value == "820" and r.new_value == "900" and r.summary == "Sửa số liệu" and r.user
        for r in rows
    )
    with db.reading() as s:
        deleted = s.scalars(
            select(AuditRow).where(AuditRow.table_name == "value", AuditRow.action == "delete")
        ).all()
    assert any('"indicator_code": "SANG_KIEN"' in (r.old_value or "") for r in deleted)


def test_automatic_backups_rotate(demo_path):
    for _ in range(KEEP_TODAY + 3):
        Database.open(demo_path).close()
    automatic = [p for p in list_backups(demo_path) if "-tu-dong-" in p.name]
    assert len(automatic) == KEEP_TODAY


def test_backup_and_restore_give_back_exactly_what_was_saved(demo_path, tmp_path):
    saved = dump(demo_path)
    copy = backup_to(demo_path, tmp_path / "usb")
    assert copy.parent == tmp_path / "usb"
    with Database.open(demo_path) as db, db.transaction() as s:
        s.execute(ValueRow.__table__.delete())
    assert dump(demo_path) != saved
    with Database.open(demo_path, backup=False) as db:
        db.engine.dispose()
        restore(demo_path, copy)
    after = dump(demo_path)
    assert after == saved
    assert integrity_ok(demo_path)


def test_restore_refuses_a_foreign_file(demo_path, tmp_path):
    bad = tmp_path / "anh.db"
    bad.write_bytes(b"\x89PNG not a database")
    from desktop.store.errors import NotADatabase

    with pytest.raises(NotADatabase, match="không phải là bản sao lưu"):
        restore(demo_path, bad)


KILLER = textwrap.dedent("""
    import datetime as dt, sys
    from desktop.domain.values import Value
    from desktop.store.database import Database
    from desktop.store.plans import load_plan
    from desktop.store.submissions import save_submission
    db = Database.open(__import__("pathlib").Path(sys.argv[1]), backup=False)
    with db.reading() as s:
        plan = load_plan(s)
    n = 0
    while True:
        n += 1
        with db.transaction() as s:
            save_submission(s, plan, "22810", "2022",
                            {"HSCV_MANG": Value(numerator=n % 1000, denominator=1000),
                             "SANG_KIEN": Value(number=n)},
                            received_on=dt.date(2022, 12, 9), replace=True)
        print(n, flush=True)
""")


def test_killing_the_process_mid_write_loses_no_committed_change(demo_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(demo_path)], stdout=subprocess.PIPE, text=True
    )
    committed = 0
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while committed < 15 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip():
            committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 15
    assert integrity_ok(demo_path)
    con = sqlite3.connect(demo_path)
    n = con.execute(
        "SELECT v.number FROM value v JOIN submission s ON s.id = v.submission_id "
        "JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id "
        "WHERE u.code='22810' AND p.code='2022' AND v.indicator_code='SANG_KIEN'"
    ).fetchone()[0]
    hscv = con.execute(
        "SELECT v.numerator FROM value v JOIN submission s ON s.id = v.submission_id "
        "JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id "
        "WHERE u.code='22810' AND p.code='2022' AND v.indicator_code='HSCV_MANG'"
    ).fetchone()[0]
    con.close()
    # every change reported as committed is there, and the pair is never torn
    assert n >= committed
    assert hscv == n % 1000
    Database.open(demo_path).close()  # the lock died with the process


def test_a_new_submission_is_audited_row_by_row_like_any_other_insert(demo_path):
    """New submissions are written in bulk (not through the ORM's unit of work); the
    audit trail must still hold one insert entry per row, in the flush hook's format."""
    from desktop.store.audit import _row_json
    from desktop.store.models import PeriodRow, ReviewEventRow, UnitRow

    with Database.open(demo_path) as db:
        with db.reading() as s:
            plan = load_plan(s)
            taken = set(s.execute(select(SubmissionRow.unit_id, SubmissionRow.period_id)))
            unit, period = next(
                (u, p)
                for u in s.scalars(select(UnitRow).where(UnitRow.kind == "commune"))
                for p in s.scalars(select(PeriodRow))
                if (u.id, p.id) not in taken
            )
        values = {
            "HSCV_MANG": Value(numerator=35, denominator=60),
            "SANG_KIEN": Value(number=2),
        }
        with db.transaction("Nhập biểu mẫu x.xlsx") as s:
            result = save_submission(
                s, plan, unit.code, period.code, values,
                received_on=dt.date.today(), source_file="x.xlsx",  # any period has begun
            )
        with db.reading() as s:
            sub = s.get_one(SubmissionRow, result.submission_id)
            rows = [sub, *sub.values, *s.scalars(
                select(ReviewEventRow).where(ReviewEventRow.submission_id == sub.id)
            )]
            audit = {
                (a.table_name, a.row_id): a
                for a in s.scalars(select(AuditRow).where(AuditRow.action == "insert"))
            }
            assert len(sub.values) == 2
            assert {v.indicator_code: (v.numerator, v.denominator, v.number)
                    for v in sub.values} == {
                "HSCV_MANG": (35, 60, None), "SANG_KIEN": (None, None, 2)}
            for row in rows:
                entry = audit[(row.__tablename__, row.id)]
                assert entry.new_value == _row_json(row)
                assert entry.summary == "Nhập biểu mẫu x.xlsx" and entry.user


def test_bulk_rows_on_a_file_are_stored_and_audited_as_core_writes_them(tmp_path, monkeypatch):
    """On a SQLite file a new submission's rows go in as store.new_submission's plain SQL:
    through sqlite3 alone (the import of forms, save_new_submission) or through the
    session's driver connection (save_submission). The stored text (dates, times, REAL,
    booleans, defaults) and the audit entries must be those of Core's INSERT ...
    RETURNING, which a server gets."""
    import re
    import shutil

    from desktop.domain.plan import IndicatorKind
    from desktop.store import new_submission, submissions
    from desktop.store.models import PeriodRow, UnitRow
    from desktop.store.plain_reads import sqlite_rows

    first = tmp_path / "plain.db"
    with Database.open(first, create=True) as db:
        build_demo(db)
    second, third = tmp_path / "session.db", tmp_path / "core.db"
    shutil.copyfile(first, second)
    shutil.copyfile(first, third)
    direct = new_submission.insert_new
    used = []

    def counted(*args, **kw):
        used.append(True)
        return direct(*args, **kw)

    def save(path, how):
        with Database.open(path, backup=False) as db:
            with db.reading() as s:
                plan = load_plan(s)
                taken = set(s.execute(select(SubmissionRow.unit_id, SubmissionRow.period_id)))
                unit, period = next(
                    (u, p)
                    for u in s.scalars(select(UnitRow).where(UnitRow.kind == "commune"))
                    for p in s.scalars(select(PeriodRow).order_by(PeriodRow.code))
                    if (u.id, p.id) not in taken
                )
            kinds = {i.kind: i.code for i in plan.indicators_for("commune")}
            values = {kinds[IndicatorKind.RATIO]: Value(numerator=35, denominator=60)}
            if IndicatorKind.COUNT in kinds:
                values[kinds[IndicatorKind.COUNT]] = Value(number=2)
            if IndicatorKind.BOOL in kinds:
                values[kinds[IndicatorKind.BOOL]] = Value(flag=True)
            if IndicatorKind.DATE in kinds:
                values[kinds[IndicatorKind.DATE]] = Value(day=period.starts)
            args = (plan, unit.code, period.code, values)
            kw = dict(received_on=dt.date.today(), channel="other", source_file="x.xlsx")
            if how == "plain":
                with db.plain_writing() as con, db.plain_transaction(con):
                    result = new_submission.save_new_submission(
                        con, sqlite_rows(con), *args, **kw, source_sha256="", prepared_by="",
                        user=db.user, reason="Nhập biểu mẫu x.xlsx",
                    )
                assert result is not None and not result.unchanged
            else:
                with db.transaction("Nhập biểu mẫu x.xlsx") as s:
                    save_submission(s, *args, **kw)
            return {IndicatorKind.BOOL, IndicatorKind.DATE} & set(kinds)

    monkeypatch.setattr(new_submission, "insert_new", counted)
    monkeypatch.setattr(submissions, "insert_new", counted)
    kinds = save(first, "plain")
    assert used == [True]  # the plain SQL wrote it
    save(second, "session")
    assert used == [True, True]  # the session's path on a file: the same plain SQL
    monkeypatch.setattr(submissions, "_sqlite_connection", lambda session: None)
    save(third, "session")
    assert used == [True, True]  # Core wrote it, as on a server
    assert kinds == {IndicatorKind.BOOL, IndicatorKind.DATE}  # both conversions were written

    def now_free(rows):  # the clock moved between the saves: times as their shape
        text = repr(rows)
        text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", "<stored time>", text)
        return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "<audited time>", text)

    a, b, c = dump(first), dump(second), dump(third)
    for table in ("submission", "value", "review_event", "audit_log"):
        assert now_free(a[table]) == now_free(c[table]), table
        assert now_free(b[table]) == now_free(c[table]), table

