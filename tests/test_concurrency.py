"""Several staff at once: no lost update (row versions), two processes writing at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from engines import sql

from desktop.domain.values import Value
from desktop.store.database import Database
from desktop.store.office import office_version, update_office
from desktop.store.plan_edit import load_office, save_office
from desktop.store.plans import load_plan
from desktop.store.proposals import add_collective, get_proposal, update_proposal
from desktop.store.submissions import find_submission, save_submission
from desktop.store.versions import ChangedByOther

ROOT = Path(__file__).resolve().parent.parent
VALUES = {"DIEM_DTI": Value(number=81.0)}


class Clerk:
    """One person at one PC: on a server a connection of their own; on a file (one
    writer at a time) the same handle, each transaction under the person's name."""

    def __init__(self, db: Database, name: str) -> None:
        self.db, self.name = db, name

    def transaction(self, reason: str):  # type: ignore[no-untyped-def]
        self.db.user = self.name
        return self.db.transaction(reason)

    def reading(self):  # type: ignore[no-untyped-def]
        return self.db.reading()


@pytest.fixture
def clerks(demo_target):  # type: ignore[no-untyped-def]
    first = Database.open(demo_target)
    second = Database.open(demo_target) if "://" in demo_target else first
    yield Clerk(first, "Nguyễn Thị Lan"), Clerk(second, "Trần Văn Minh")
    first.close()
    second.close()


def test_a_submission_changed_by_someone_else_is_refused_with_who_and_when(clerks, demo_target):
    lan, minh = clerks
    plan = load_plan_of(lan)
    with lan.reading() as s:  # both open the report of Lâm Sơn, 2023
        opened = find_submission(s, "22813", "2023")
        assert opened is not None
        version = opened.version
    with minh.transaction("Sửa báo cáo") as s:
        saved = save_submission(s, plan, "22813", "2023", VALUES, replace=True,
                                received_on=dt.date(2023, 12, 10), expected_version=version)
    assert saved.version == version + 1
    before = sql(demo_target, "SELECT count(*) FROM audit_log")
    with pytest.raises(ChangedByOther) as info:
        with lan.transaction("Sửa báo cáo") as s:
            save_submission(s, plan, "22813", "2023", {"DIEM_DTI": Value(number=50.0)},
                            replace=True, received_on=dt.date(2023, 12, 10),
                            expected_version=version)
    message = info.value.message
    assert "Trần Văn Minh" in message and "sau khi anh/chị mở ra" in message
    assert dt.date.today().strftime("%d/%m/%Y") in message
    assert sql(demo_target, "SELECT count(*) FROM audit_log") == before  # nothing written
    with lan.transaction("Sửa báo cáo") as s:  # reopened: her save goes through
        again = save_submission(s, plan, "22813", "2023", {"DIEM_DTI": Value(number=50.0)},
                                replace=True, received_on=dt.date(2023, 12, 10),
                                expected_version=saved.version)
    assert again.version == saved.version + 1


def test_a_review_from_the_list_refuses_a_report_changed_since(clerks, demo_target):
    from desktop.actions.review import review_submission
    from desktop.store.submissions import load_submissions

    lan, minh = clerks
    plan = load_plan_of(lan)
    with lan.reading() as s:  # Lan's list of 2023, as the reports page reads it
        listed = load_submissions(s, "2023")["22825"].version
    with minh.transaction("Sửa báo cáo") as s:  # Minh corrects Hòa Sơn's values meanwhile
        save_submission(s, plan, "22825", "2023", VALUES, replace=True,
                        received_on=dt.date(2023, 12, 20))
    before = sql(demo_target, "SELECT count(*) FROM audit_log")
    lan.db.user = lan.name
    with pytest.raises(ChangedByOther) as info:
        review_submission(lan.db, "22825", "2023", accept=True, expected_version=listed)
    message = info.value.message
    assert message.startswith("Báo cáo của Xã Hòa Sơn, kỳ Năm 2023 (sơ kết), đã được "
                              "Trần Văn Minh sửa lúc ")
    assert dt.date.today().strftime("%d/%m/%Y") in message
    assert sql(demo_target, "SELECT count(*) FROM audit_log") == before  # nothing written
    with lan.reading() as s:
        again = load_submissions(s, "2023")["22825"]
    assert again.state == "received" and again.version == listed + 1
    done = review_submission(lan.db, "22825", "2023", accept=True, expected_version=again.version)
    assert done.accepted


def test_a_submission_created_meanwhile_is_not_overwritten(clerks):
    lan, minh = clerks
    plan = load_plan_of(lan)
    with minh.transaction("Nhập báo cáo") as s:  # 22828 had none when Lan opened it
        save_submission(s, plan, "22828", "2023", VALUES, received_on=dt.date(2023, 12, 1))
    with pytest.raises(ChangedByOther, match="vừa được Trần Văn Minh nhập"):
        with lan.transaction("Nhập báo cáo") as s:
            save_submission(s, plan, "22828", "2023", VALUES, replace=True,
                            received_on=dt.date(2023, 12, 1), expected_version=0)


def test_a_proposal_and_the_office_settings_changed_by_someone_else(clerks):
    lan, minh = clerks
    with lan.transaction("Thêm đề nghị") as s:
        p = add_collective(s, "2023", "22831", achievements="Dẫn đầu DTI")
    with minh.transaction("Sửa đề nghị") as s:
        update_proposal(s, p.id, achievements="Dẫn đầu DTI 2023", expected_version=p.version)
    with pytest.raises(ChangedByOther, match="Trần Văn Minh"):
        with lan.transaction("Sửa đề nghị") as s:
            update_proposal(s, p.id, achievements="x", expected_version=p.version)
    with lan.reading() as s:
        assert get_proposal(s, p.id).achievements == "Dẫn đầu DTI 2023"
        office, version = load_office(s), office_version(s)
    with minh.transaction("Sửa thông tin cơ quan") as s:
        update_office(s, {"signer_name": "Lê Văn Tâm"}, expected_version=version)
    with pytest.raises(ChangedByOther, match="Thông tin cơ quan báo cáo đã được Trần Văn Minh"):
        with lan.transaction("Sửa thông tin cơ quan") as s:
            save_office(s, office, expected_version=version)
    with lan.reading() as s:
        assert load_office(s).signer_name == "Lê Văn Tâm"


def test_version_bookkeeping_stays_out_of_the_history(demo_target):
    with Database.open(demo_target) as db:
        plan = load_plan_of(db)
        with db.transaction("Sửa báo cáo") as s:
            save_submission(s, plan, "22813", "2023", VALUES, replace=True,
                            received_on=dt.date(2023, 12, 10))
    fields = {r[0] for r in sql(demo_target, "SELECT field FROM audit_log WHERE action='update'")}
    assert fields and not fields & {"version", "changed_by", "changed_at"}


def load_plan_of(db: Database | Clerk):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return load_plan(s)


# ---- two processes at once ----------------------------------------------------------------------
WRITER = r"""
import datetime as dt, json, sys
from desktop.domain.values import Value
from desktop.store.database import Database
from desktop.store.plans import load_plan
from desktop.store.proposals import add_collective
from desktop.store.submissions import save_submission
url, units, go = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
db = Database.open(url)
with db.reading() as s:
    plan = load_plan(s)
print("READY", flush=True)
sys.stdin.readline()  # both start writing together
done = []
for round_ in range(int(go)):
    for code in units:
        with db.transaction("Nhập báo cáo") as s:
            save_submission(s, plan, code, "2024", {"DIEM_DTI": Value(number=50 + round_)},
                            received_on=dt.date(2024, 12, 1), replace=True)
        with db.transaction("Thêm đề nghị") as s:
            add_collective(s, "2023", code, achievements=f"vòng {round_}")
        done.append(code)
db.close()
print(json.dumps(done), flush=True)
"""


def test_two_processes_writing_at_once_on_the_server(pg_server, _pg_demo_template):
    url = pg_server.url(pg_server.new_database(template=_pg_demo_template))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rounds = 3
    groups = {"Nguyễn Thị Lan": "22810,22813,22816", "Trần Văn Minh": "22819,22822,22825"}
    procs = []
    for staff, units in groups.items():
        procs.append(subprocess.Popen(
            [sys.executable, "-c", WRITER, url, units, str(rounds)], cwd=ROOT,
            env={**env, "THIDUA_STAFF": staff}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True))
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "READY"
    for p in procs:  # both hold an open database now: no lock file refuses the second
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert [len(r) for r in results] == [3 * rounds, 3 * rounds]
    # every write of both is there, each named after who made it
    rows = sql(url, "SELECT u.code, s.version, s.changed_by FROM submission s JOIN unit u "
               "ON u.id = s.unit_id JOIN period p ON p.id = s.period_id WHERE p.code = '2024'")
    by_unit = {code: (version, who) for code, version, who in rows}
    for staff, units in groups.items():
        for code in units.split(","):
            assert by_unit[code] == (rounds, staff), code
    proposals = sql(url, "SELECT count(*) FROM proposal WHERE review = '2023'")
    assert proposals == [(6 * rounds,)]
    users = dict(sql(url, "SELECT \"user\", count(*) FROM audit_log WHERE summary = "
                     "'Thêm đề nghị' GROUP BY \"user\""))
    assert users == {"Nguyễn Thị Lan": 3 * rounds, "Trần Văn Minh": 3 * rounds}


def test_a_second_copy_on_a_sqlite_file_is_still_refused(demo_db):
    from desktop.store.errors import DatabaseLocked

    with Database.open(demo_db):
        with pytest.raises(DatabaseLocked):
            Database.open(demo_db)
