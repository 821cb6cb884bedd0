"""The official PDF's trends read the earlier periods lightly, with the same figures.

`thidua export --pdf` evaluates the period exported and, of the periods before it, reads
only the charted indicators' values (export_reads.trend_values): the area's values and
the units' spreads drawn from them must be those a full evaluation of each period gives,
on the demo (SQLite and PostgreSQL, through a session there) and on a generated province
where some units report late, leave values blank or stopped being expected."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.actions.exports import load_export_input
from desktop.domain.trends import (
    CHARTED_KINDS,
    indicator_trends,
    period_values,
    trend_codes,
    value_trends,
)
from desktop.store import export_reads, plain_reads
from desktop.store.database import Database
from desktop.store.errors import StoreError
from desktop.store.plans import session_rows

BENCH = Path(__file__).resolve().parent / "benchmarks" / "_bench.py"


def _generated(path: Path) -> Path:
    spec = importlib.util.spec_from_file_location("_bench", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("_bench", bench)
    spec.loader.exec_module(bench)
    bench.big_database(path, 150, 5, seed=7)
    with sqlite3.connect(path) as con:  # what the generator leaves out: units no longer
        # expected that still submitted, units of another kind (the spread counts them,
        # the area's value only those of the indicator's kinds), a submission with no value
        con.execute("UPDATE unit SET active_to = '2023-06-30' WHERE id % 7 = 0")
        con.execute("UPDATE unit SET kind = 'department' WHERE id % 11 = 0")
        con.execute(
            "DELETE FROM value WHERE submission_id IN (SELECT id FROM submission WHERE id % 13 = 0)"
        )
    con.close()
    return path


def _same_trends(rows: plain_reads.Rows) -> int:
    """For every period after the first, the light read's trends equal the full
    evaluations' (of the PDF's indicators and of every charted one); how many compared."""
    plan = plain_reads.plan(rows)
    compared = 0
    for last in range(1, len(plan.periods)):
        full = [plain_reads.evaluate(rows, p.code) for p in plan.periods[: last + 1]]
        every = {i.code for i in plan.indicators if i.kind in CHARTED_KINDS}
        for codes in (trend_codes(full[-1]), every):
            light = export_reads.trend_values(
                rows, plan, [p.code for p in plan.periods[:last]], codes
            ) + [period_values(full[-1], codes)]
            expected = indicator_trends(full, codes)
            assert expected and any(a is not None for t in expected for a in t.area)
            assert any(s is not None for t in expected for s in t.spread)
            assert value_trends(plan, light, codes) == expected
            for t in expected:  # the area's values are the evaluations' aggregates
                aggregates = [r.aggregate_of(t.indicator.code) for r in full]
                assert list(t.area) == [a.value if a.units_reporting else None for a in aggregates]
            assert light[:-1] == [period_values(r, codes) for r in full[:-1]]
            compared += len(expected)
    return compared


def test_the_light_read_gives_the_full_evaluations_trends(demo_target: str) -> None:
    with Database.open(demo_target, backup=False) as db:
        if db.is_server:
            with db.reading() as session:
                assert _same_trends(session_rows(session))
        else:
            with db.plain_reading() as con:
                assert _same_trends(plain_reads.sqlite_rows(con))
        inp = load_export_input(db, "2023", outputs=["pdf"])
        assert [h.period.code for h in inp.history] == ["2022", "2023"]


def test_a_generated_province_has_the_same_trends(tmp_path: Path) -> None:
    path = _generated(tmp_path / "province.db")
    with Database.open(str(path), backup=False) as db:
        with db.plain_reading() as con:
            rows = plain_reads.sqlite_rows(con)
            assert _same_trends(rows)
            plan = plain_reads.plan(rows)
            code = plan.periods[3].code
            full = [plain_reads.evaluate(rows, p.code) for p in plan.periods[:4]]
        inp = load_export_input(db, code, outputs=["pdf"])
    codes = trend_codes(full[-1])
    assert inp.history == tuple(period_values(r, codes) for r in full)
    assert value_trends(plan, inp.history, codes) == indicator_trends(full, codes)


def test_an_unknown_period_is_refused_by_the_light_read(demo_db: Path) -> None:
    with Database.open(str(demo_db), backup=False) as db, db.plain_reading() as con:
        rows = plain_reads.sqlite_rows(con)
        plan = plain_reads.plan(rows)
        with pytest.raises(StoreError, match="Không có kỳ báo cáo '1999'. Các kỳ có: 2022"):
            export_reads.trend_values(rows, plan, ["2022", "1999"], {"HSCV_MANG"})


def test_an_export_reads_the_units_once(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The evaluation's units serve the trends and the package too: the unit table is
    read once (it was read by the evaluation, by the trends and by the package)."""
    statements: list[str] = []
    opened = plain_reads.sqlite_rows

    def counted(con: sqlite3.Connection) -> plain_reads.Rows:
        rows = opened(con)

        def run(sql: str, params: object) -> object:
            statements.append(sql)
            return rows(sql, params)  # type: ignore[arg-type]

        return run  # type: ignore[return-value]

    monkeypatch.setattr(plain_reads, "sqlite_rows", counted)
    with Database.open(str(demo_db), backup=False) as db:
        inp = load_export_input(db, "2023", outputs=["pdf", "package"])
    unit_reads = [s for s in statements if "FROM unit ORDER BY code" in s]
    assert len(unit_reads) == 1
    assert [h.period.code for h in inp.history] == ["2022", "2023"]
    assert [u.code for u in inp.all_units] == sorted(u.code for u in inp.all_units)
    assert {r.unit.code for r in inp.report.units} <= {u.code for u in inp.all_units}
