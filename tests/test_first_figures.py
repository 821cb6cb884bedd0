"""The window's first figures (actions/startup.first_figures): read with plain sqlite3
before the database is opened, they are the counts the period's evaluation gives, of the
period the window opens on; a file they cannot be read from gives None at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop.actions.database import open_database
from desktop.actions.plan import period_report, read_plan
from desktop.actions.startup import first_figures
from desktop.domain.period_counts import UnitReceipt, count_period, default_period
from desktop.domain.plan import Unit


def _edit(db: Path, *statements: str) -> None:
    con = sqlite3.connect(db)
    with con:
        for sql in statements:
            con.execute(sql)
    con.close()


def _summary_counts(db: Path, period: str) -> tuple[int, int, int, int, int]:
    opened = open_database(db)
    try:
        s = period_report(opened, period, read_plan(opened)).summary
    finally:
        opened.close()
    return s.expected, s.submitted, s.on_time, s.late, s.not_submitted


@pytest.mark.parametrize("today", ["2022-12-20", "2023-06-01", "2024-12-01", "2027-03-01"])
def test_the_first_figures_are_the_evaluations(demo_db: Path, today: str) -> None:
    # a unit gone before the 2023 deadline that submitted anyway, one that did not exist
    # yet, a late receipt and one on the deadline day itself
    _edit(
        demo_db,
        "UPDATE unit SET active_to = '2023-06-30' WHERE code = '22810'",
        "UPDATE unit SET active_from = '2024-01-01' WHERE code = '22828'",
        "UPDATE submission SET received_on = '2023-12-16' WHERE unit_id = "
        "(SELECT id FROM unit WHERE code = '22813') AND period_id = "
        "(SELECT id FROM period WHERE code = '2023')",
        "UPDATE submission SET received_on = '2023-12-15' WHERE unit_id = "
        "(SELECT id FROM unit WHERE code = '22816') AND period_id = "
        "(SELECT id FROM period WHERE code = '2023')",
    )
    day = dt.date.fromisoformat(today)
    figures = first_figures(demo_db, day)
    assert figures is not None
    assert tuple(figures.counts) == _summary_counts(demo_db, figures.period_code)
    opened = open_database(demo_db)
    try:  # the period the window's context opens on
        from desktop.actions.plan import periods_with_submissions

        plan = read_plan(opened)
        expected = default_period(plan.periods, day, lambda: periods_with_submissions(opened))
    finally:
        opened.close()
    assert (figures.period_code, figures.period_label, figures.deadline) == (
        expected.code,
        expected.label,
        expected.deadline,
    )


def test_every_period_counts_as_its_evaluation(demo_db: Path) -> None:
    from desktop.store.first_figures import read

    con = sqlite3.connect(demo_db)
    deadlines = dict(con.execute("SELECT code, deadline FROM period"))
    con.close()
    for code, deadline in deadlines.items():
        # the day that makes `code` the window's period: its deadline
        figures = read(demo_db, dt.date.fromisoformat(deadline))
        assert figures.period_code == code
        assert tuple(figures.counts) == _summary_counts(demo_db, code)


def test_counting_follows_the_units_active_dates_and_the_deadline_day() -> None:
    deadline = dt.date(2023, 12, 15)
    rows = [
        UnitReceipt(None, None, True, deadline),  # on the deadline day: on time
        UnitReceipt(None, None, True, deadline + dt.timedelta(days=1)),  # late
        UnitReceipt(None, dt.date(2023, 1, 1), True, deadline),  # gone, yet submitted
        UnitReceipt(None, None, False, None),  # missing
        UnitReceipt(dt.date(2024, 1, 1), None, False, None),  # not yet there: not expected
    ]
    counts = count_period(deadline, rows)
    assert tuple(counts) == (3, 3, 2, 1, 1)  # the gone unit is not expected, yet counted
    unit = Unit("1", "Xã A", "xa", active_from=dt.date(2024, 1, 1))
    assert not unit.active_on(deadline) and unit.active_on(dt.date(2024, 1, 1))


def test_a_file_of_another_version_gives_no_first_figures(demo_db: Path) -> None:
    _edit(demo_db, "UPDATE alembic_version SET version_num = '0001'")
    assert first_figures(demo_db) is None  # it is upgraded when opened: then the figures


def test_what_is_not_a_readable_database_gives_no_first_figures(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert first_figures(text) is None
    assert first_figures(tmp_path / "missing.db") is None
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert first_figures(empty) is None


def test_a_file_being_written_gives_no_first_figures_until_it_is_written(demo_db: Path) -> None:
    """Another program inside an exclusive transaction: no figures (the read does not
    wait for the lock: sqlite3's timeout is 0), and the figures once it has written."""
    con = sqlite3.connect(demo_db, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("BEGIN EXCLUSIVE")
    try:
        assert first_figures(demo_db) is None
    finally:
        con.execute("ROLLBACK")
        con.close()
    figures = first_figures(demo_db, dt.date(2023, 12, 20))
    assert figures is not None and figures.period_code == "2023"
