"""The reads a period's evaluation starts from, as plain SQL: the plan, the units with
the names they had, a period's submissions with their values.

Written once, run two ways: through a SQLAlchemy session (`session_rows` in plans.py:
SQLite or PostgreSQL, inside the session's transaction) or through the standard
library's sqlite3 alone (`sqlite_rows`), so that `thidua check` and `thidua periods` on
a file start without importing SQLAlchemy and the ORM's models (most of their start).
The statements use `:name` parameters, which both take; the few types the drivers
return differently (dates and JSON as text from SQLite, booleans as 0/1) are converted
here, so both ways give the same domain objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..domain.plan import (
    Block,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Plan,
    Quota,
    Ranking,
    Unit,
)
from ..domain.records import made
from .errors import NO_PLAN, StoreError
from .plain_periods import FETCH_BATCH as FETCH_BATCH
from .plain_periods import periods as periods
from .plain_periods import plan_id as plan_id
from .plain_periods import sqlite_rows as sqlite_rows
from .stored_days import stored_day as _day

TYPE_CHECKING = False  # what only the evaluation needs is imported where it is used:
if TYPE_CHECKING:  # (the periods alone are read by plain_periods.py)
    from typing import Any

    from ..domain.period_report import PeriodReport, SubmissionInfo
    from ..domain.values import Value
    from .plain_periods import Rows as Rows


def evaluate(rows: Rows, period_code: str) -> PeriodReport:
    """A period evaluated with the domain rules from these reads (the plan, the units
    under the names valid at the period's end, the period's submissions)."""
    return evaluate_with_units(rows, period_code)[0]


def evaluate_with_units(rows: Rows, period_code: str) -> tuple[PeriodReport, list[Unit]]:
    """`evaluate`, and every unit it read (by code, under the names valid at the period's
    end), for a caller that needs them too (an export) and need not read them again."""
    from ..domain.period_report import build_period_report
    from .collector import collection_paused

    the_plan = plan(rows)
    pid = period_id(rows, period_code)
    if pid is None:
        raise no_period(rows, period_code)
    period = the_plan.period(period_code)
    every = units(rows, period.ends)
    with collection_paused():
        return build_period_report(the_plan, period, every, submissions(rows, pid)), every


def _json(x: Any) -> Any:
    import json

    return json.loads(x) if isinstance(x, str | bytes) else x


def _flag(x: Any) -> bool | None:
    return None if x is None else bool(x)


def _float(x: Any) -> float | None:
    return None if x is None else float(x)


def plan(rows: Rows) -> Plan:
    """The plan as it stands in the database (edits included), as a domain Plan."""
    from ..domain.plan_numbers import stored_plan_problems

    found = list(rows(
        'SELECT id, code, number, issuer, issued_on, title, level, area, place, unit_kinds, '
        'dossier, source_note, extras, ranking_indicator, ranking_descending, ranking_source '
        'FROM "plan" ORDER BY id LIMIT 1', {}))
    if not found:
        raise StoreError(NO_PLAN)
    (pid, code, number, issuer, issued_on, title, level, area, place, unit_kinds, dossier,
     source_note, extras, ranking_indicator, ranking_descending, ranking_source) = found[0]
    indicators = tuple(
        Indicator(code=i_code, name=name, kind=IndicatorKind(kind),
                  unit_kinds=tuple(_json(kinds)), measure=measure,
                  numerator_label=num_label, denominator_label=den_label, source=source,
                  maximum=_float(maximum), short=short or "")
        for (i_code, name, kind, kinds, measure, num_label, den_label, source, maximum,
             short) in rows(
            "SELECT code, name, kind, unit_kinds, measure, numerator_label, "
            "denominator_label, source, maximum, short FROM indicator WHERE plan_id = :pid "
            "ORDER BY position", {"pid": pid})
    )
    criteria = tuple(
        Criterion(code=c_code, name=name, indicator=indicator, op=Operator(op),
                  threshold=_day(t_date) if op == "by" else _float(t_number),
                  unit_kinds=tuple(_json(kinds)), mandatory=bool(mandatory), source=source,
                  periods=tuple(_json(c_periods) or ()), short=short or "")
        for (c_code, name, indicator, op, t_number, t_date, kinds, mandatory, source,
             c_periods, short) in rows(
            "SELECT code, name, indicator_code, op, threshold_number, threshold_date, "
            "unit_kinds, mandatory, source, periods, short FROM criterion WHERE plan_id = :pid "
            "ORDER BY position", {"pid": pid})
    )
    quotas = tuple(
        Quota(review=review, award=award, collectives=collectives, individuals=individuals,
              block=block, leader_share_max=_float(share), source=source)
        for review, award, collectives, individuals, block, share, source in rows(
            "SELECT review, award, collectives, individuals, block, leader_share_max, source "
            "FROM quota WHERE plan_id = :pid ORDER BY id", {"pid": pid})
    )
    blocks = tuple(
        Block(code=b_code, name=name)
        for b_code, name in rows(
            "SELECT code, name FROM block WHERE plan_id = :pid ORDER BY code", {"pid": pid})
    )
    read = Plan(
        code=code, number=number, issuer=issuer, issued_on=_day(issued_on), title=title,
        level=level, area=area, place=place, unit_kinds=tuple(_json(unit_kinds)),
        indicators=indicators, criteria=criteria, periods=periods(rows, pid),
        quotas=quotas, blocks=blocks,
        ranking=(Ranking(ranking_indicator, bool(ranking_descending), ranking_source)
                 if ranking_indicator else None),
        dossier=tuple(_json(dossier)), source_note=source_note, extras=dict(_json(extras)),
    )
    problems = stored_plan_problems(read)
    if problems:
        raise StoreError(BAD_STORED_PLAN.format(problems="; ".join(problems)))
    return read


# The plan's numbers are checked as they are read: a NaN or an infinity another program
# wrote would stop a check or make it fail without a reason.
BAD_STORED_PLAN = (
    "Kế hoạch lưu trong cơ sở dữ liệu có số không dùng được (có thể do một chương trình "
    "khác ghi vào): {problems}. Không có gì được ghi. Hãy khôi phục một bản sao lưu còn "
    "tốt, hoặc nhờ người quản trị sửa giá trị này trong cơ sở dữ liệu."
)


def units(rows: Rows, on: dt.date | None = None) -> list[Unit]:
    """Every unit, by code; with `on`, each under the name it had that day (a unit
    renamed since, by a merger or otherwise, keeps its former name for earlier periods)."""
    found = list(rows("SELECT id, code, name, kind, block, active_from, active_to, "
                      "merged_into_id FROM unit ORDER BY code", {}))
    code_of: dict[int | None, str] = {r[0]: r[1] for r in found}
    former = former_names(rows, on) if on is not None else {}
    day = _day
    return [  # Unit(code, name, kind, ...) without its __init__'s setattr per field
        made(Unit, {"code": code, "name": former.get(id_) or name, "kind": kind,
                    "block": block, "active_from": day(active_from),
                    "active_to": day(active_to), "merged_into": code_of.get(merged_into_id),
                    "former_names": ()})
        for id_, code, name, kind, block, active_from, active_to, merged_into_id in found
    ]


def former_names(rows: Rows, on: dt.date) -> dict[int, str]:
    """unit id -> the name it had on `on`, for the units renamed after that day."""
    out: dict[int, str] = {}
    for unit_id, name in rows("SELECT unit_id, name FROM unit_name WHERE valid_to >= :on "
                              "ORDER BY valid_to DESC", {"on": on.isoformat()}):
        out[unit_id] = name  # the earliest name still valid on `on` wins (ordered last)
    return out


def name_history(rows: Rows) -> dict[str, list[tuple[str, dt.date]]]:
    """unit code -> its former names with the last day each was valid, oldest first."""
    out: dict[str, list[tuple[str, dt.date]]] = {}
    for code, name, valid_to in rows(
        "SELECT u.code, n.name, n.valid_to FROM unit_name n JOIN unit u ON u.id = n.unit_id "
        "ORDER BY u.code, n.valid_to", {}
    ):
        out.setdefault(code, []).append((name, _day(valid_to)))  # type: ignore[arg-type]
    return out


def no_unit(code: str) -> StoreError:
    return StoreError(f"Không có đơn vị mã '{code}' trong kế hoạch.")


def no_period(rows: Rows, code: str) -> StoreError:
    known = ", ".join(r[0] for r in rows("SELECT code FROM period ORDER BY starts", {}))
    return StoreError(f"Không có kỳ báo cáo '{code}'. Các kỳ có: {known}")


def period_id(rows: Rows, period_code: str) -> int | None:
    found = list(rows("SELECT id FROM period WHERE code = :code", {"code": period_code}))
    return int(found[0][0]) if found else None


VALUES = ("SELECT v.submission_id, v.indicator_code, v.numerator, v.denominator, v.number, "
          "v.flag, v.day FROM value v JOIN submission s ON s.id = v.submission_id WHERE ")


def submissions(rows: Rows, pid: int) -> dict[str, SubmissionInfo]:
    """Every submission of the period `pid` with its values, by unit code."""
    from ..domain.period_report import SubmissionInfo

    values = _values(rows, VALUES + "s.period_id = :pid", {"pid": pid})
    return {
        code: made(SubmissionInfo, {  # SubmissionInfo(...) without its __init__
            "unit_code": code, "received_on": _day(received), "channel": channel,
            "state": state, "values": values.get(sid, {}), "return_reason": reason,
            "version": version})
        for sid, code, received, channel, state, reason, version in rows(
            "SELECT s.id, u.code, s.received_on, s.channel, s.state, s.return_reason, "
            "s.version "
            "FROM submission s JOIN unit u ON u.id = s.unit_id WHERE s.period_id = :pid",
            {"pid": pid})
    }


def _values(rows: Rows, sql: str, params: Mapping[str, object]) -> dict[int, dict[str, Value]]:
    """submission id -> indicator code -> value, from `sql` selecting VALUES' columns."""
    from ..domain.values import Value

    values: dict[int, dict[str, Value]] = {}
    of_submission = values.get
    day = _day
    new = tuple.__new__  # Value(...) without the named tuple's keywords: 100,000 of them
    last: int | None = None
    found: dict[str, Value] = {}
    for sid, code, n, d, x, f, day_ in rows(sql, params):
        if sid != last:  # a submission's values come together (in any order: all kept)
            last = sid
            got = of_submission(sid)
            if got is None:
                got = values[sid] = {}
            found = got
        found[code] = new(Value, (
            None if n is None else float(n), None if d is None else float(d),
            None if x is None else float(x), None if f is None else bool(f),
            None if day_ is None else day(day_)))
    return values
