"""The reads of an export besides the period's evaluation, as plain SQL: the office
settings, the period's proposals, the office's signing key, the earlier periods' values
of the indicators the official PDF charts.

Run like plain_reads (its `Rows`: through a SQLAlchemy session's connection on SQLite or
PostgreSQL, or through sqlite3 alone), so that `thidua export` on a file reads and
evaluates without importing SQLAlchemy and the ORM's models. They give what the ORM
reads give (store.office.load_office, store.proposals.proposal_infos,
store.keys.signing_key; tests/test_export_reads.py holds them equal); those stay for the
writes' transactions, where the ORM's pending changes must be seen.
"""

from __future__ import annotations

import base64
from collections.abc import Collection, Mapping, Sequence

from ..domain.office import OfficeSettings
from ..domain.proposals import ProposalInfo
from .plain_reads import _json, _values, former_names, no_period, period_id, plan_id, units
from .stored_days import stored_day as _day

TYPE_CHECKING = False  # (as plain_reads: typing is not imported at run time)
if TYPE_CHECKING:
    from ..domain.plan import Plan, Unit
    from ..domain.trends import PeriodValues
    from ..domain.values import Value
    from .plain_reads import Rows

OFFICE_COLUMNS = (
    "name",
    "short_name",
    "parent_body",
    "place",
    "area",
    "province",
    "signer_authority",
    "signer_title",
    "signer_name",
    "doc_number_prefix",
    "addressee",
    "recipients",
    "second_backup_dir",
)


def office(rows: Rows) -> OfficeSettings:
    """The office settings (the defaults when the database has none yet)."""
    found = list(rows(f"SELECT {', '.join(OFFICE_COLUMNS)} FROM office ORDER BY id LIMIT 1", {}))
    if not found:
        return OfficeSettings()
    values = dict(zip(OFFICE_COLUMNS, found[0], strict=True))
    recipients = _json(values.pop("recipients"))
    return OfficeSettings(
        **{k: v or "" for k, v in values.items()}, recipients=tuple(recipients or ())
    )


PROPOSALS = """
SELECT p.kind, p.award, p.person_name, p.position, p.is_leader, p.achievements,
       u.id, u.code, u.name,
       (SELECT COUNT(*) FROM proposal_document d WHERE d.proposal_id = p.id),
       (SELECT COUNT(*) FROM proposal_document d WHERE d.proposal_id = p.id AND d.present)
FROM proposal p LEFT JOIN unit u ON u.id = p.unit_id
WHERE p.plan_id = :pid AND p.review = :review
ORDER BY p.kind, p.id
"""


def proposals(rows: Rows, period_code: str) -> tuple[ProposalInfo, ...]:
    """The proposals of a period as the exports list them, each unit under the name it
    had at the period's end."""
    pid = plan_id(rows)
    ends = [
        _day(e)
        for (e,) in rows("SELECT ends FROM period WHERE code = :code", {"code": period_code})
    ]
    former = former_names(rows, ends[0]) if ends and ends[0] is not None else {}
    out = []
    for (
        kind,
        award,
        person,
        position,
        leader,
        achievements,
        unit_id,
        unit_code,
        unit,
        total,
        present,
    ) in rows(PROPOSALS, {"pid": pid, "review": period_code}):
        unit_name = former.get(unit_id, unit) if unit_id is not None else ""
        out.append(
            ProposalInfo(
                kind=kind,
                award=award,
                name=person if kind == "individual" else (unit_name or person),
                position=position,
                unit_code=unit_code or "",
                unit_name=unit_name or "",
                is_leader=bool(leader),
                achievements=achievements,
                documents_present=int(present),
                documents_total=int(total),
            )
        )
    return tuple(out)


def signing_key(rows: Rows) -> bytes | None:
    """The office's private Ed25519 key (raw bytes), None when it has none."""
    for (private,) in rows("SELECT private_key FROM office_key ORDER BY id LIMIT 1", {}):
        return base64.b64decode(private)
    return None


# The charted indicators' values of the earlier periods, found through the submissions
# of those periods and the index on (submission, indicator): joined the other way round,
# SQLite scanned every value of every period for the few indicators asked.
TREND_VALUES = (
    "SELECT v.submission_id, v.indicator_code, v.numerator, v.denominator, v.number, "
    "v.flag, v.day FROM value v WHERE v.submission_id IN "
    "(SELECT s.id FROM submission s WHERE s.period_id IN ({periods})) "
    "AND v.indicator_code IN ({codes})"
)


def trend_values(
    rows: Rows,
    the_plan: Plan,
    period_codes: Sequence[str],
    codes: Collection[str],
    every: Sequence[Unit] | None = None,
) -> list[PeriodValues]:
    """What the periods' trends need (domain.trends.PeriodValues) without evaluating
    them: the units each lists and their values of the indicators `codes` alone (the
    official PDF's trends over the periods before the one exported), in one read.
    `every`: every unit by code when the caller has read them already (their names do
    not matter here: a trend takes a unit's kind and the days it was active)."""
    from ..domain.trends import listed_values

    ids = []
    for code in period_codes:
        pid = period_id(rows, code)
        if pid is None:
            raise no_period(rows, code)
        ids.append(pid)
    if not ids:
        return []
    params: dict[str, object] = {f"p{n}": pid for n, pid in enumerate(ids)}
    of_periods = ", ".join(f":p{n}" for n in range(len(ids)))
    params.update((f"c{n}", code) for n, code in enumerate(sorted(codes)))
    among = ", ".join(f":c{n}" for n in range(len(codes)))
    sql = TREND_VALUES.format(periods=of_periods, codes=among)
    values = _values(rows, sql, params) if codes else {}
    submitted: dict[int, dict[str, Mapping[str, Value]]] = {pid: {} for pid in ids}
    for sid, pid, code in rows(
        "SELECT s.id, s.period_id, u.code FROM submission s JOIN unit u "
        f"ON u.id = s.unit_id WHERE s.period_id IN ({of_periods})",
        params,
    ):
        submitted[pid][code] = values.get(sid, {})
    if every is None:
        every = units(rows)
    return [
        listed_values(the_plan.period(code), every, submitted[pid])
        for code, pid in zip(period_codes, ids, strict=True)
    ]
