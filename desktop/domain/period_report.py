"""The evaluation of a whole period: every expected unit, ranks, aggregates, summary.

This is what `check` prints, what the GUI's Kiểm tra screen shows and what every
export is written from: one computation, in one place.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from .aggregate import Aggregate, aggregate
from .evaluation import (
    CriterionResult,
    Describe,
    Outcome,
    UnitResult,
    describer,
    evaluate_unit,
    rule_tails,
    targets_only,
    verdict,
)
from .lateness import late_days
from .plan import IndicatorKind, Period, Plan, Unit
from .ranking import competition_ranks
from .records import made
from .review_states import CHANNEL_LABELS as CHANNEL_LABELS
from .review_states import REVIEW_STATE_LABELS as REVIEW_STATE_LABELS
from .review_states import ReviewState as ReviewState  # (re-exported: imported from here)
from .values import Value, measured
from .vnformat import MAX_DECIMALS, half_up_scaled, rounded

_POWERS = [10**p for p in range(MAX_DECIMALS + 1)]  # a shown number's q·10^-places


@dataclass(frozen=True)
class SubmissionInfo:
    """One unit's report for the period as read: when and how it came, its review state,
    its values."""

    unit_code: str
    received_on: dt.date
    channel: str
    state: str
    values: Mapping[str, Value]
    return_reason: str = ""
    version: int = 0  # the stored row's version when read (a review refuses a newer one)


@dataclass(frozen=True)
class UnitReport:
    """One expected unit of the period: its result, criteria, lateness and rank."""

    unit: Unit
    result: UnitResult
    submission: SubmissionInfo | None
    late_days: int
    rank: int | None
    rank_value: float | None
    criteria: tuple[CriterionResult, ...]

    @property
    def failed(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.criterion.mandatory and r.outcome == "fail")

    @property
    def verdict(self) -> str:
        """'Đạt', 'Không đạt', … or 'Đạt 5/7 chỉ tiêu' for a plan of targets only."""
        return verdict(self.result, self.criteria)


@dataclass(frozen=True)
class TargetsSummary:
    """For a period judged by targets alone: how many reporting units met them all, some,
    none (each unit's own line is its verdict, 'Đạt 5/7 chỉ tiêu')."""

    full: int
    partial: int
    none: int


def targets_summary(units: Sequence[UnitReport]) -> TargetsSummary | None:
    """None unless every unit that reported is judged by targets alone."""
    judged = [u for u in units if u.submission is not None]
    if not judged or not all(targets_only(u.criteria) for u in judged):
        return None
    met = [sum(1 for r in u.criteria if r.outcome.value == "pass") for u in judged]
    full = sum(1 for u, m in zip(judged, met, strict=True) if m == len(u.criteria))
    none = sum(1 for m in met if m == 0)
    return TargetsSummary(full, len(judged) - full - none, none)


@dataclass(frozen=True)
class Summary:
    """The period's counts: expected, submitted, on time, late, accepted, and by result."""

    expected: int
    submitted: int
    on_time: int
    late: int
    accepted: int
    passed: int
    failed: int
    incomplete: int
    not_submitted: int


@dataclass(frozen=True)
class PeriodReport:
    """A whole period evaluated: every unit, the aggregates and the summary."""

    plan: Plan
    period: Period
    units: tuple[UnitReport, ...]
    aggregates: tuple[Aggregate, ...]
    summary: Summary
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def unit(self, code: str) -> UnitReport:
        for u in self.units:
            if u.unit.code == code:
                return u
        raise KeyError(code)

    def aggregate_of(self, code: str) -> Aggregate:
        for a in self.aggregates:
            if a.code == code:
                return a
        raise KeyError(code)


def expected_units(units: Sequence[Unit], period: Period) -> list[Unit]:
    """Units that must report for the period: those active on its deadline."""
    return [u for u in units if u.active_on(period.deadline)]


def listed_units(units: Sequence[Unit], period: Period,
                 submitted: Collection[str]) -> list[Unit]:
    """The units a period's report lists, in this order: the expected ones, then any
    other unit that did submit (its code in `submitted`)."""
    listed = expected_units(units, period)
    listed_codes = {u.code for u in listed}
    return listed + [u for u in units if u.code in submitted and u.code not in listed_codes]


def build_period_report(
    plan: Plan,
    period: Period,
    units: Sequence[Unit],
    submissions: Mapping[str, SubmissionInfo],
) -> PeriodReport:
    """Evaluate every expected unit (and any other unit that did submit)."""
    listed = listed_units(units, period, submissions)
    listed_codes = {u.code for u in expected_units(units, period)}

    # One pass over the units: each evaluated, its ranking value, its values gathered
    # for the aggregates (in the order of `listed`).
    get = submissions.get
    rank_values: dict[str, float | None] = {}
    evaluated: list[tuple[Unit, SubmissionInfo | None, UnitResult,
                          tuple[CriterionResult, ...]]] = []
    reporting: list[tuple[str, Mapping[str, Value]]] = []  # (kind, values) of those that did
    for u in listed:
        sub = get(u.code)
        values = sub.values if sub is not None else None
        result, criteria = evaluate_unit(plan, u.kind, values, period.code)
        evaluated.append((u, sub, result, criteria))
        rank_values[u.code] = _rank_value(plan, u, sub)
        if values is not None:
            reporting.append((u.kind, values))
    # each indicator's values from the units of its kinds, in the order of `listed`
    reported: dict[str, list[Value]] = {
        ind.code: [vs[code] for kind, vs in reporting if code in vs and kind in kinds]
        for ind in plan.indicators
        for code, kinds in ((ind.code, ind.unit_kinds),)
    }

    ranks: dict[str, int | None] = {}
    groups: dict[str, dict[str, float | None]] = {}
    for u in listed:
        groups.setdefault(u.block or f"kind:{u.kind}", {})[u.code] = rank_values[u.code]
    descending = plan.ranking.descending if plan.ranking else True
    for group in groups.values():
        ranks.update(competition_ranks(group, descending))

    deadline = period.deadline
    reports = [  # UnitReport(unit=u, ...) without its __init__'s setattr per field
        made(UnitReport, {
            "unit": u,
            "result": result,
            "submission": sub,
            "late_days": late_days(sub.received_on if sub else None, deadline),
            "rank": ranks.get(u.code),
            "rank_value": rank_values[u.code],
            "criteria": criteria,
        })
        for u, sub, result, criteria in evaluated
    ]
    aggregates = [aggregate(ind, reported[ind.code]) for ind in plan.indicators]

    submitted = [r for r in reports if r.submission is not None]
    summary = Summary(
        expected=len([u for u in listed if u.code in listed_codes]),
        submitted=len(submitted),
        on_time=sum(1 for r in submitted if r.late_days == 0),
        late=sum(1 for r in submitted if r.late_days > 0),
        accepted=sum(1 for r in submitted if r.submission and r.submission.state == "accepted"),
        passed=sum(1 for r in reports if r.result is UnitResult.PASS),
        failed=sum(1 for r in reports if r.result is UnitResult.FAIL),
        incomplete=sum(1 for r in reports if r.result is UnitResult.INCOMPLETE),
        not_submitted=sum(1 for r in reports if r.result is UnitResult.NOT_SUBMITTED),
    )
    return PeriodReport(plan, period, tuple(reports), tuple(aggregates), summary)


def _rank_value(plan: Plan, unit: Unit, sub: SubmissionInfo | None) -> float | None:
    if plan.ranking is None or sub is None:
        return None
    ind = plan.indicator(plan.ranking.indicator)
    if unit.kind not in ind.unit_kinds:
        return None
    v = sub.values.get(ind.code)
    if v is None:
        return None
    m = measured(ind.kind, v)
    return float(m) if isinstance(m, int | float) and not isinstance(m, bool) else None


def _json_value(v: object) -> object:
    """A value for strict JSON: numbers rounded as shown (vnformat.rounded, half-up from
    the exact value; a Decimal from CriterionResult.rounded keeps its places), never
    NaN or an infinity."""
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, dt.date):
        return v.isoformat()
    if type(v) is float or type(v) is int:  # float(rounded(v, 2)), without a Decimal
        if not math.isfinite(v):
            return None
        x = half_up_scaled(*v.as_integer_ratio(), 2) / 100
        return int(x) if x.is_integer() else x
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(v, Decimal):
        x = float(v)
    elif isinstance(v, int | float | Fraction):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        x = float(rounded(v, 2))
    else:
        return str(v)
    return int(x) if x.is_integer() else x


def _aggregate_value(a: Aggregate) -> object:
    """_json_value(a.exact); a ratio of counts without making its Fraction."""
    n, d = a.numerator, a.denominator
    if (a.kind is IndicatorKind.RATIO and type(n) is float and type(d) is float and d
            and n.is_integer() and d.is_integer()):
        top, bottom = int(n) * 100, int(d)
        if bottom < 0:
            top, bottom = -top, -bottom
        x = half_up_scaled(top, bottom, 2) / 100
        return int(x) if x.is_integer() else x
    return _json_value(a.exact)


def to_json(report: PeriodReport) -> dict[str, Any]:
    """The check JSON of DESIGN.md section 6."""
    head, summary = _json_parts(report)
    return {**head, "units": [_unit_json(r) for r in report.units],
            "indicators": _indicators_json(report), "summary": summary}


def json_chunks(report: PeriodReport) -> Iterator[str]:
    """to_json(report) as compact JSON text (no spaces), in pieces of a few units each:
    the same characters as json.dumps(to_json(report), ensure_ascii=False,
    separators=(",", ":")), without the whole document in memory (20,000 units make
    some 50 MB of text).

    Written straight as text, not through dicts: a province's period is tens of
    thousands of criteria, and what is the same for every unit (a criterion's code,
    rule, source) is escaped once (tests/test_cli_core.py holds it to to_json)."""
    dump = json.JSONEncoder(
        ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode  # strict JSON: a NaN or infinity would be a bug, not output
    text = encode_basestring  # a str as JSON, as dump writes it (ensure_ascii=False)
    head, summary = _json_parts(report)
    # id(criterion) -> its JSON up to the value, by outcome; after the value; its
    # describer (evaluation.describer); whether its explanations need no escaping (they
    # are the rule's tails, fixed words, numbers and days: when both tails need none,
    # the explanation needs none)
    criteria: dict[int, tuple[dict[Outcome, str], str, Describe, bool]] = {}
    known = criteria.get
    counts: dict[float, tuple[str, int]] = {}  # the tử số and mẫu số written (describer)
    exact, dot_cents = _EXACT, _DOT_CENTS
    chunk = [dump(head)[:-1], ',"units":[']
    for i, r in enumerate(report.units):
        sub, unit, rank = r.submission, r.unit, r.rank
        pieces = []
        for crit, outcome, v, kind, raw in r.criteria:
            texts = known(id(crit))
            if texts is None:  # the report's criteria live as long as this loop
                start = '{"code":' + text(crit.code) + ',"result":"'
                tails = rule_tails(crit, kind)
                texts = criteria[id(crit)] = (
                    {o: start + o.value + '","value":' for o in Outcome},
                    ',"rule":' + text(crit.rule) + ',"mandatory":'
                    + ("true" if crit.mandatory else "false") + ',"source":'
                    + text(crit.source) + ',"explanation":',
                    describer(crit, kind, tails, counts),
                    all(text(t) == f'"{t}"' for t in tails),
                )
            scaled, explanation = texts[2](outcome, v, raw)
            if scaled is not None:
                q, places = scaled
                value = (f"{q // 100}{dot_cents[q % 100]}" if places == 2 and 0 <= q < exact
                         else scaled_json(q, places))
            elif v is None:
                value = "null"
            elif v is True or v is False:
                value = "true" if v else "false"
            elif type(v) is dt.date:  # its ISO day: digits and dashes, nothing to escape
                value = f'"{v.isoformat()}"'
            else:
                value = dump(_json_value(v))
            pieces.append(
                f'{texts[0][outcome]}{value}{texts[1]}"{explanation}"}}' if texts[3]
                else f"{texts[0][outcome]}{value}{texts[1]}{text(explanation)}}}")
        chunk.append(
            f'{"," if i else ""}{{"code":{text(unit.code)},"name":{text(unit.name)}'
            f',"kind":{text(unit.kind)},"block":'
            f'{"null" if unit.block is None else text(unit.block)},"result":"{r.result.value}'
            + ('","received_on":null,"channel":null,"state":null' if sub is None else
               f'","received_on":"{sub.received_on.isoformat()}","channel":{text(sub.channel)}'
               f',"state":{text(sub.state)}')
            + f',"late_days":{r.late_days!r},"rank":{"null" if rank is None else repr(rank)}'
            ',"criteria":[')
        chunk.append(",".join(pieces))
        chunk.append("]}")
        if len(chunk) >= _UNITS_PER_CHUNK * 3:
            yield "".join(chunk)
            chunk = []
    chunk.append('],"indicators":' + dump(_indicators_json(report)))
    chunk.append(',"summary":' + dump(summary) + "}")
    yield "".join(chunk)


def scaled_json(q: int, places: int) -> str:
    """The number shown, q·10^-places, as the check JSON writes it: the float of it
    (_json_value of the Decimal), a whole one without its '.0'.

    A float's repr is the shortest text that reads back as it; for q below 10^15 (at
    most 15 digits, which a float tells apart) that is the decimal itself less its
    trailing zeros, so the two common cases are written from the integers."""
    if places == 2 and 0 <= q < _EXACT:
        return f"{q // 100}{_DOT_CENTS[q % 100]}"
    if places == 0 and -_EXACT < q < _EXACT:
        return str(q)
    x = q / _POWERS[places]  # the float of the Decimal: both are correctly rounded
    return repr(int(x)) if x.is_integer() else repr(x)


_EXACT = 10**15
_DOT_CENTS = tuple(f".{c:02d}".rstrip("0").rstrip(".") for c in range(100))
_UNITS_PER_CHUNK = 64  # units written at once: a few hundred kB of text


def _json_parts(report: PeriodReport) -> tuple[dict[str, Any], dict[str, Any]]:
    """The head (plan, period, deadline) and the summary of the check JSON."""
    s = report.summary
    head = {"plan": report.plan.code, "period": report.period.code,
            "deadline": report.period.deadline.isoformat()}
    return head, summary_json(s)


def summary_json(s: Summary) -> dict[str, int]:
    """The period's counts as the check JSON and the province package write them."""
    return {
        "expected": s.expected,
        "submitted": s.submitted,
        "on_time": s.on_time,
        "late": s.late,
        "accepted": s.accepted,
        "pass": s.passed,
        "fail": s.failed,
        "incomplete": s.incomplete,
        "not_submitted": s.not_submitted,
    }


def _unit_json(r: UnitReport) -> dict[str, Any]:
    sub = r.submission
    return {
        "code": r.unit.code,
        "name": r.unit.name,
        "kind": r.unit.kind,
        "block": r.unit.block,
        "result": r.result.value,
        "received_on": sub.received_on.isoformat() if sub else None,
        "channel": sub.channel if sub else None,
        "state": sub.state if sub else None,
        "late_days": r.late_days,
        "rank": r.rank,
        "criteria": [_criterion_json(c) for c in r.criteria],
    }


def _criterion_json(c: CriterionResult) -> dict[str, Any]:
    shown, explanation = c.described()
    return {
        "code": c.code,
        "result": c.outcome.value,
        "value": _json_value(c.value if shown is None else shown),
        "rule": c.criterion.rule,
        "mandatory": c.criterion.mandatory,
        "source": c.criterion.source,
        "explanation": explanation,
    }


def _indicators_json(report: PeriodReport) -> list[dict[str, Any]]:
    return [
        {
            "code": a.code,
            "kind": a.kind.value,
            "numerator": _json_value(a.numerator),
            "denominator": _json_value(a.denominator),
            "value": _aggregate_value(a),
            "units_reporting": a.units_reporting,
            **({"yes": a.yes} if a.yes is not None else {}),
            **(
                {"min": _json_value(a.minimum), "max": _json_value(a.maximum)}
                if a.minimum is not None
                else {}
            ),
        }
        for a in report.aggregates
    ]
