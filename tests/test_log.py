"""The log is useful and keeps people's data out (issue 17): rotating, size-limited files;
each failure with its command, its files and its traceback; no SQL parameter values."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import create_engine, text

from desktop.logs import LOG_BYTES, LOG_KEEP, ScrubbingFormatter, scrub

REPO = Path(__file__).resolve().parent.parent
SECRET = "Nguyễn Thị Bí Mật"


def run_py(code: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, THIDUA_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env)


FAILING = """
    import sys
    from sqlalchemy import text
    from desktop.cli import commands

    def broken_review(args):   # a bug: a statement that fails, with a person's name bound
        with commands.open_db(args, write=True) as db, db.transaction("x") as s:
            s.execute(text("INSERT INTO khong_co_bang (ten) VALUES (:ten)"),
                      {"ten": "SECRET"})
        return 0

    commands.COMMANDS["review"] = broken_review
    sys.exit(commands.main(sys.argv[1:]))
""".replace("SECRET", SECRET)


def test_a_failure_is_logged_with_command_file_and_traceback_but_no_names(
        demo_db: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = run_py(FAILING, data, "--db", str(demo_db), "review", "--period", "2023",
                 "--unit", "22816", "--accept")
    assert out.returncode == 1 and "Lỗi không mong đợi" in out.stderr
    log = (data / "logs" / "thidua.log").read_text(encoding="utf-8")
    assert "unexpected error in command review" in log and str(demo_db) in log
    assert "Traceback (most recent call last)" in log and "khong_co_bang" in log
    assert SECRET not in log and "Bí Mật" not in log


def test_sql_parameters_never_reach_the_log_even_from_another_engine(tmp_path: Path) -> None:
    engine = create_engine("sqlite://")  # an engine made without hide_parameters
    try:
        with engine.connect() as c:
            c.execute(text("SELECT * FROM nowhere WHERE name = :n"), {"n": SECRET})
    except Exception as exc:  # noqa: BLE001
        assert SECRET in str(exc)  # SQLAlchemy puts it there…
        record = logging.LogRecord("thidua", logging.ERROR, __file__, 1, "failed", None,
                                   (type(exc), exc, exc.__traceback__))
        line = ScrubbingFormatter("%(message)s").format(record)
    assert SECRET not in line, line  # …the log never does
    assert "[parameters: (không ghi)]" in line and "OperationalError" in line
    assert scrub("a [SQL: SELECT 1]\nb") == "a [SQL: (không ghi)]\nb"


ROTATE = """
    from desktop.logs import setup_logging
    log = setup_logging()
    for n in range(12000):
        log.info("dòng nhật ký số %d %s", n, "x" * 400)
"""


def test_the_log_rotates_and_stays_bounded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = run_py(ROTATE, data)
    assert out.returncode == 0, out.stderr
    files = sorted((data / "logs").iterdir())
    names = {p.name for p in files}
    assert names == {"thidua.log", *(f"thidua.log.{n}" for n in range(1, LOG_KEEP + 1))}
    assert all(p.stat().st_size <= LOG_BYTES for p in files)
    assert "dòng nhật ký số 11999" in (data / "logs" / "thidua.log").read_text("utf-8")
