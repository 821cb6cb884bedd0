"""Resilience: nothing is lost or half-written, whatever happens to the process or the file.

- the importer killed (SIGKILL) at random moments, 20 times: the database stays sound and
  holds every file it said it imported, whole, and no partial submission;
- backup -> restore through the command line gives back every table, row for row;
- the database of the first release (tests/data/releases/0.1.0.db) is upgraded by the
  current code with nothing lost, and `check` gives the numbers recorded then;
- a hypothesis fuzz of the importer over mutated forms (bytes flipped in the zip,
  corrupted XML, random cell values): only success or FormRejected, and either the
  whole submission is written or nothing.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from form_filling import fill
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from desktop.actions.forms import import_forms
from desktop.cli import main as cli_main
from desktop.domain.period_report import to_json
from desktop.domain.plan import IndicatorKind
from desktop.domain.values import Value
from desktop.exchange.form_reader import FormRejected, read_form
from desktop.exchange.form_template import form_filename, write_form
from desktop.paths import backups_dir
from desktop.store.database import Database, integrity_ok
from desktop.store.migrate import HEAD_REVISION, stored_revision
from desktop.store.plans import install_plan, load_plan, unit_infos
from desktop.store.submissions import period_report
from desktop.store.units import UnitData, add_unit

ROOT = Path(__file__).resolve().parent.parent
RELEASES = Path(__file__).resolve().parent / "data" / "releases"
SEED = int(os.environ.get("THIDUA_RESILIENCE_SEED", "20231215"))
RECEIVED = dt.date(2023, 12, 10)


# ---- helpers -------------------------------------------------------------------------------


def dump(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table of the database: its columns and all its rows, in primary-key order."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {}
        for t in tables:
            cur = con.execute(f'SELECT * FROM "{t}" ORDER BY 1')
            out[t] = ([d[0] for d in cur.description], cur.fetchall())
        return out
    finally:
        con.close()


def new_database(path: Path, plan_code: str = "ninh-son-2022", extra_communes: int = 0) -> Path:
    from desktop.plan_catalog import load_bundled

    with Database.open(path, create=True, backup=False) as db:
        with db.transaction("Tạo cơ sở dữ liệu thử") as s:
            install_plan(s, load_bundled(plan_code))
        if extra_communes:
            with db.transaction("Thêm xã") as s:
                for i in range(extra_communes):
                    add_unit(s, UnitData(code=f"9{i:04d}", name=f"Xã Thử Nghiệm {i + 1}",
                                         kind="commune"))
    return path




def sample_values(plan, unit_kind: str, rng: random.Random) -> tuple[dict, dict[str, Value]]:
    """Valid values for every indicator of the unit's kind: (cell contents, Values)."""
    cells: dict[str, object] = {}
    values: dict[str, Value] = {}
    for ind in plan.indicators_for(unit_kind):
        k = ind.kind
        if k is IndicatorKind.RATIO:
            d = rng.randint(1, 5000)
            n = rng.randint(0, d)
            cells[ind.code], values[ind.code] = (n, d), Value(numerator=n, denominator=d)
        elif k in (IndicatorKind.PERCENT, IndicatorKind.SCORE):
            x = round(rng.uniform(0, 100), 2)
            cells[ind.code], values[ind.code] = x, Value(number=x)
        elif k is IndicatorKind.COUNT:
            n = rng.randint(0, 40)
            cells[ind.code], values[ind.code] = n, Value(number=n)
        elif k is IndicatorKind.BOOL:
            b = rng.random() < 0.8
            cells[ind.code], values[ind.code] = ("Có" if b else "Không"), Value(flag=b)
        elif k is IndicatorKind.DATE:
            day = dt.date(2022, 9, 1) + dt.timedelta(days=rng.randint(0, 60))
            cells[ind.code] = dt.datetime(day.year, day.month, day.day)
            values[ind.code] = Value(day=day)
    return cells, values


def make_forms(db_path: Path, folder: Path, period: str, count: int, rng: random.Random
               ) -> dict[str, tuple[str, str, dict[str, Value]]]:
    """`count` filled forms in `folder`: file name -> (unit code, period, values)."""
    folder.mkdir(parents=True, exist_ok=True)
    with Database.open(db_path, write=False) as db, db.reading() as s:
        plan = load_plan(s)
        units = [u for u in unit_infos(s) if u.kind == "commune"][:count]
    assert len(units) == count, f"only {len(units)} communes"
    p = plan.period(period)
    expected = {}
    for u in units:
        target = folder / form_filename(plan, p, u)
        write_form(plan, p, u, target, office_name="Phòng Văn hóa và Thông tin",
                   app_version="test", generated_at=dt.datetime(2023, 11, 1, 8, 0))
        cells, values = sample_values(plan, u.kind, rng)
        fill(target, cells)
        expected[target.name] = (u.code, period, values)
    return expected


def value_key(code: str, v: Value) -> tuple:
    """A value as the database stores it (floats, 0/1, ISO dates)."""
    return (code, v.numerator, v.denominator, v.number,
            None if v.flag is None else int(v.flag), v.day.isoformat() if v.day else None)


def stored_submissions(path: Path) -> dict[tuple[str, str], list[tuple]]:
    """(unit code, period code) -> sorted value rows, read with plain sqlite3."""
    con = sqlite3.connect(path)
    try:
        subs = con.execute(
            "SELECT s.id, u.code, p.code FROM submission s JOIN unit u ON u.id = s.unit_id "
            "JOIN period p ON p.id = s.period_id").fetchall()
        out = {}
        for sid, unit, period in subs:
            rows = con.execute(
                "SELECT indicator_code, numerator, denominator, number, flag, day FROM value "
                "WHERE submission_id = ? ORDER BY indicator_code", (sid,)).fetchall()
            out[(unit, period)] = rows
        return out
    finally:
        con.close()


def table_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in ("submission", "value", "review_event", "evidence")}
    finally:
        con.close()


# ---- 1. the importer killed at random moments ------------------------------------------------

CHILD = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from desktop.store.database import Database
    from desktop.actions.forms import import_forms
    db = Database.open(Path(sys.argv[1]), backup=False)
    files = sorted(Path(sys.argv[2]).glob("*.xlsx"))
    print("READY", flush=True)
    for f in files:
        outcome = import_forms(db, [f], received_on=dt.date(2023, 12, 10), channel="usb")[0]
        # printed only once the file's transaction is committed
        print(("OK " if outcome.ok else "NO ") + f.name, flush=True)
    db.close()
    print("DONE", flush=True)
""")

KILLS = 20
FORMS = 40


@pytest.fixture(scope="module")
def import_job(tmp_path_factory):
    """An empty database with 40 communes and 40 filled forms for period 2023."""
    folder = tmp_path_factory.mktemp("kill")
    base = new_database(folder / "base.db", extra_communes=FORMS - 8)
    expected = make_forms(base, folder / "forms", "2023", FORMS, random.Random(SEED))
    return base, folder / "forms", expected


def run_child(db: Path, forms: Path, kill_after: float | None) -> tuple[list[str], float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(forms)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", env=env, cwd=ROOT)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.strip() == "READY", first + proc.stderr.read()
    start = time.perf_counter()
    if kill_after is None:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    else:
        time.sleep(kill_after)
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        out, _err = proc.communicate(timeout=60)
    return out.splitlines(), time.perf_counter() - start


def assert_sound(db: Path, reported: list[str], expected) -> int:
    """integrity_check ok; every reported file whole; no partial submission anywhere."""
    assert integrity_ok(db)
    stored = stored_submissions(db)
    by_key = {(u, p): (name, values) for name, (u, p, values) in expected.items()}
    for line in reported:
        if line.startswith("OK "):
            unit, period, _ = expected[line[3:]]
            assert (unit, period) in stored, f"{line[3:]} reported imported but missing"
    for key, rows in stored.items():
        name, values = by_key[key]
        want = sorted(value_key(c, v) for c, v in values.items())
        assert rows == want, f"submission of {name} is not whole: {rows} != {want}"
    counts = table_counts(db)
    assert counts["review_event"] == counts["submission"] == len(stored)
    # and the program opens it for writing again: the lock died with the process
    Database.open(db, backup=False).close()
    return len(stored)


@pytest.mark.slow
def test_import_killed_at_random_moments_loses_nothing(import_job, tmp_path):
    base, forms, expected = import_job
    # A whole run first: it must import all 40, and it tells how long an import takes.
    full = tmp_path / "full.db"
    shutil.copyfile(base, full)
    lines, duration = run_child(full, forms, kill_after=None)
    assert sum(line.startswith("OK ") for line in lines) == FORMS and lines[-1] == "DONE"
    assert assert_sound(full, lines, expected) == FORMS

    rng = random.Random(SEED)
    seen = []
    for i in range(KILLS):
        db = tmp_path / f"kill-{i}.db"
        shutil.copyfile(base, db)
        delay = rng.uniform(0, duration * 1.05)
        lines, _ = run_child(db, forms, kill_after=delay)
        reported = sum(line.startswith("OK ") for line in lines)
        stored = assert_sound(db, lines, expected)
        # a file committed just before the kill may not have been reported yet
        assert reported <= stored <= reported + 1, (delay, reported, stored)
        seen.append(stored)
        for extra in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{extra}").unlink(missing_ok=True)
    # some kills landed in the middle of the import, not all before or after it
    print(f"import of {FORMS} forms: {duration:.2f} s; files stored at the kills: {seen}")
    assert any(0 < n < FORMS for n in seen), seen


# ---- 2. backup -> restore --------------------------------------------------------------------


def without_restore_note(restored: dict, source: Path) -> dict:
    """The tables of a restored database without the history entry the restore wrote
    (asserted: its last one, RESTORE_REASON, naming the backup)."""
    from desktop.actions.maintenance import RESTORE_REASON

    columns, rows = restored["audit_log"]
    entry = dict(zip(columns, rows[-1], strict=True))
    assert (entry["action"], entry["table_name"], entry["summary"], entry["new_value"]) == (
        "note", "database", RESTORE_REASON, str(source))
    return {**restored, "audit_log": (columns, rows[:-1])}


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = cli_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_restore_round_trip_gives_identical_tables(demo_db, tmp_path, capsys):
    # some history on top of the demo: an import and a review
    forms = make_forms(demo_db, tmp_path / "forms", "2024", 3, random.Random(SEED))
    files = sorted((tmp_path / "forms").iterdir())
    code, out, _ = run_cli(capsys, "--db", demo_db, "import", *files, "--received", "2024-12-01")
    assert code == 0, out
    assert run_cli(capsys, "--db", demo_db, "review", "--period", "2023", "--unit", "22816",
                   "--accept")[0] == 0
    saved = dump(demo_db)
    assert saved["submission"][1] and saved["audit_log"][1]

    code, out, _ = run_cli(capsys, "--db", demo_db, "backup", tmp_path / "usb")
    assert code == 0, out
    (copy,) = (tmp_path / "usb").glob("*.db")
    assert dump(copy) == saved

    # the day after: changes, then a mistake, then the restore
    assert run_cli(capsys, "--db", demo_db, "review", "--period", "2023", "--unit", "22825",
                   "--return", "Thiếu minh chứng")[0] == 0
    con = sqlite3.connect(demo_db)
    con.execute("DELETE FROM value")
    con.commit()
    con.close()
    assert dump(demo_db) != saved
    code, out, _ = run_cli(capsys, "--db", demo_db, "restore", copy)
    assert code == 0, out
    assert without_restore_note(dump(demo_db), copy) == saved
    assert integrity_ok(demo_db)
    # the state before the restore was itself kept
    assert any(p != copy for p in backups_dir(demo_db).glob("*.db"))

    # the computer died: restore onto a machine where the database does not exist
    fresh = tmp_path / "new-pc" / "thidua.db"
    code, out, _ = run_cli(capsys, "--db", fresh, "restore", copy)
    assert code == 0, out
    assert without_restore_note(dump(fresh), copy) == saved
    code, out, _ = run_cli(capsys, "--db", fresh, "check", "--period", "2024", "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["submitted"] == len(forms)


# ---- 3. the first release's database, upgraded -----------------------------------------------


def numbers(report: dict) -> dict:
    """What `check` computes, without its wording (labels and explanations may improve)."""
    return {
        "plan": report["plan"], "period": report["period"], "deadline": report["deadline"],
        "units": sorted(
            (u["code"], u["result"], u["received_on"], u["late_days"], u["rank"],
             tuple((c["code"], c["result"], c["value"]) for c in u["criteria"]))
            for u in report["units"]),
        "indicators": sorted(
            (i["code"], i.get("numerator"), i.get("denominator"), i.get("value"),
             i["units_reporting"]) for i in report["indicators"]),
        "summary": {k: report["summary"][k]
                    for k in ("expected", "submitted", "on_time", "pass", "fail", "incomplete")},
    }


def test_first_release_database_is_upgraded_with_nothing_lost(tmp_path, capsys):
    old = RELEASES / "0.1.0.db"
    assert stored_revision(old) == "0001"
    path = tmp_path / "thidua.db"
    shutil.copyfile(old, path)
    before = dump(path)

    with Database.open(path) as db:  # for writing: backup, then upgrade to the head
        with db.reading() as s:
            report = to_json(period_report(s, "2023"))
    assert stored_revision(path) == HEAD_REVISION
    assert integrity_ok(path)
    # the backup taken before the upgrade is the old file, untouched
    (backup,) = backups_dir(path).glob("*.db")
    assert stored_revision(backup) == "0001" and dump(backup) == before

    after = dump(path)
    for table, (cols, rows) in before.items():
        if table == "alembic_version":
            continue
        assert table in after, f"table {table} disappeared"
        new_cols, new_rows = after[table]
        missing = [c for c in cols if c not in new_cols]
        assert not missing, f"{table}: columns {missing} disappeared"
        idx = [new_cols.index(c) for c in cols]
        have = collections.Counter(tuple(r[i] for i in idx) for r in new_rows)
        lost = collections.Counter(rows) - have
        assert not lost, f"{table}: rows lost in the upgrade: {list(lost)[:3]}"

    recorded = json.loads((RELEASES / "0.1.0.check-2023.json").read_text(encoding="utf-8"))
    assert numbers(report) == numbers(recorded)
    # and through the command line, as a person would run it
    code, out, _ = run_cli(capsys, "--db", path, "check", "--period", "2023", "--format", "json")
    assert code == 0 and numbers(json.loads(out)) == numbers(recorded)


# ---- 4. fuzzing the importer -------------------------------------------------------------------


class FuzzBench:
    """An empty database and one good form; each example works on fresh copies."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base = new_database(folder / "base.db")
        self.expected = make_forms(self.base, folder / "good", "2023", 1, random.Random(SEED))
        (name,) = self.expected
        self.good = (folder / "good" / name).read_bytes()
        self.name = name
        with Database.open(self.base, write=False) as db, db.reading() as s:
            self.plan = load_plan(s)
            self.known = {u.code: u.kind for u in unit_infos(s)}

    def check(self, data: bytes) -> None:
        """Read and import `data` as a form: no crash, and the whole submission or nothing."""
        with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
            db_path = Path(tmp) / "t.db"
            shutil.copyfile(self.base, db_path)
            form_path = Path(tmp) / self.name
            form_path.write_bytes(data)
            try:
                form = read_form(form_path, self.plan, known_units=self.known)
            except FormRejected as exc:
                assert exc.problems and all(str(p) for p in exc.problems)
                form = None
            before = table_counts(db_path)
            with Database.open(db_path, backup=False) as db:
                (outcome,) = import_forms(db, [form_path], received_on=RECEIVED)
            assert integrity_ok(db_path)
            after = table_counts(db_path)
            if not outcome.ok:
                assert outcome.problems or outcome.status == "exists"
                assert after == before, "a refused file changed the database"
                return
            assert form is not None, "imported a file that read_form refuses"
            stored = stored_submissions(db_path)
            assert list(stored) == [(form.unit, form.period)]
            want = sorted(value_key(c, v) for c, v in form.values.items() if not v.is_blank)
            assert stored[(form.unit, form.period)] == want
            assert after["submission"] == 1 and after["review_event"] == 1


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory) -> FuzzBench:
    return FuzzBench(tmp_path_factory.mktemp("fuzz"))


FUZZ = settings(max_examples=60, deadline=None, derandomize=False, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_the_good_form_imports(fuzz):
    fuzz.check(fuzz.good)


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
                      min_size=1, max_size=12),
       cut=st.one_of(st.none(), st.floats(0.05, 1)))
def test_bytes_flipped_in_the_zip(fuzz, flips, cut):
    data = bytearray(fuzz.good)
    head = 30  # past the zip's magic number, whose refusal is trivial
    for where, mask in flips:
        data[head + int(where * (len(data) - head))] ^= mask
    if cut is not None:  # a copy cut short on a USB stick
        data = data[: int(cut * len(data))]
    fuzz.check(bytes(data))


def rezip(original: bytes, member_index: int, mutate) -> bytes:
    """The same package with one member's content changed, CRCs correct."""
    src = zipfile.ZipFile(io.BytesIO(original))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        infos = src.infolist()
        target = infos[member_index % len(infos)].filename
        for info in infos:
            content = src.read(info.filename)
            if info.filename == target:
                content = mutate(content)
            dst.writestr(info.filename, content)
    return out.getvalue()


@FUZZ
@given(member=st.integers(0, 50),
       edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True),
                                st.sampled_from(["flip", "insert", "delete", "truncate"]),
                                st.binary(min_size=1, max_size=16)),
                      min_size=1, max_size=6))
def test_corrupted_xml_inside_a_sound_zip(fuzz, member, edits):
    def mutate(content: bytes) -> bytes:
        data = bytearray(content)
        for where, op, blob in edits:
            if not data:
                break
            i = int(where * len(data))
            if op == "flip":
                data[i] ^= blob[0]
            elif op == "insert":
                data[i:i] = blob
            elif op == "delete":
                del data[i: i + len(blob)]
            else:
                del data[i:]
        return bytes(data)

    fuzz.check(rezip(fuzz.good, member, mutate))


CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(-(10**15), 10**15),
    st.sampled_from([-1, -0.5, 10**13, 10**20, 1e308, -1e308, 0.1 + 0.2, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1)),
    st.sampled_from([
        "=1+1", "=SUM(D1:D99)", '=HYPERLINK("http://example.com","x")', "=A1", "=", "+1",
        "-1", "@x", " =2", "Có", "Không", "co", "KHÔNG", "#DIV/0!", "#N/A", "1e308",
        "72,5", "72.5%", "15/09/2022", "31/02/2023", "2023-12-15", "12/13/2023", "0912345678",
        "22813", "2023", "ninh-son-2022", "1", "99", "",
    ]),
)
CELLS = st.lists(
    st.one_of(
        st.tuples(st.just("BaoCao"), st.integers(1, 40), st.integers(1, 9), CELL_VALUES),
        st.tuples(st.just("_meta"), st.integers(1, 8), st.integers(1, 3), CELL_VALUES),
    ),
    min_size=1, max_size=12,
)


@FUZZ
@given(cells=CELLS, delete_sheet=st.sampled_from([None, None, None, None, "BaoCao", "_meta"]))
def test_random_cell_values_in_random_cells(fuzz, cells, delete_sheet):
    wb = openpyxl.load_workbook(io.BytesIO(fuzz.good))
    try:
        for sheet, r, c, value in cells:
            wb[sheet].cell(r, c).value = value
        if delete_sheet and len(wb.sheetnames) > 1:
            del wb[delete_sheet]
        out = io.BytesIO()
        wb.save(out)
    except Exception:  # openpyxl itself cannot write this value: not a file anyone sends
        reject()
    fuzz.check(out.getvalue())
