"""The check's fast paths give exactly what its rules gave before them (tests/
check_reference.py: Decimal and Fraction rounding, round(v, 9) at every comparison):
every outcome, unit verdict, shown number, explanation and JSON character, on values
near every threshold and on values no entry lets through (0/0, NaN, infinities).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from fractions import Fraction

import check_reference as ref
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.domain.evaluation import evaluate_unit
from desktop.domain.period_report import SubmissionInfo, build_period_report, json_chunks, to_json
from desktop.domain.plan import Criterion, Indicator, IndicatorKind, Operator, Period, Plan, Unit
from desktop.domain.values import Value
from desktop.domain.vnformat import number, rounded

NUMERIC_OPS = [Operator.GE, Operator.GT, Operator.LE, Operator.EQ]
# how far from the value a threshold is put: on it, around the fast paths' margins
# (1e-5 for comparing unrounded, 0.01 for rounding without the verdict check), anywhere
NUDGES = [
    0.0,
    1e-12,
    -1e-12,
    5e-10,
    -5e-10,
    1e-9,
    -1e-9,
    1e-6,
    -1e-6,
    1e-5,
    -1e-5,
    0.004,
    -0.004,
    0.005,
    -0.005,
    0.0051,
    -0.0051,
    0.0099,
    -0.0099,
    0.01,
    -0.01,
    0.0101,
    -0.0101,
    0.5,
    -7.25,
]


def plan_of(
    kind: IndicatorKind, op: Operator, threshold: float | dt.date | None, mandatory: bool = True
) -> Plan:
    ind = Indicator("X", "Chỉ tiêu X", kind, ("commune",))
    crit = Criterion("C_X", "Tiêu chí X", "X", op, threshold, ("commune",), mandatory, "V.1")
    period = Period(
        "2023", "Năm 2023", dt.date(2023, 12, 15), dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    )
    return Plan(
        "p",
        "1/KH",
        "UBND",
        None,
        "Kế hoạch",
        "huyện",
        "huyện A",
        "A",
        ("commune",),
        (ind,),
        (crit,),
        (period,),
    )


def same_as_reference(plan: Plan, value: Value) -> None:
    verdict, (r,) = evaluate_unit(plan, "commune", {"X": value}, "2023")
    want_verdict, ((outcome, v),) = ref.unit_result(plan, "commune", {"X": value}, "2023")
    assert (verdict, r.outcome) == (want_verdict, outcome)
    assert r.value == v or (r.value is None and v is None)
    x, text = ref.described(r)
    assert r.described() == (x, text) and str(r.rounded) == str(x)
    assert r.explanation == text and r.shown == ref.shown(r, x)


@st.composite
def near(draw: st.DrawFn, x: float) -> float:
    base = draw(st.sampled_from([x, round(x, 2), round(x, 3), round(x, 6), math.floor(x)]))
    return float(base + draw(st.sampled_from(NUDGES)))


@settings(max_examples=600, deadline=None)
@given(
    d=st.integers(1, 10**7),
    share=st.fractions(0, 1),
    op=st.sampled_from(NUMERIC_OPS),
    data=st.data(),
)
@example(d=25000, share=Fraction(16249, 25000), op=Operator.GE, data=None)
def test_a_ratio_is_judged_and_shown_as_before(d, share, op, data) -> None:
    n = int(share * d)
    t = 65.0 if data is None else data.draw(near(n / d * 100))
    same_as_reference(
        plan_of(IndicatorKind.RATIO, op, t), Value(numerator=float(n), denominator=float(d))
    )


@settings(max_examples=400, deadline=None)
@given(
    x=st.floats(-1e13, 1e13, allow_nan=False),
    op=st.sampled_from(NUMERIC_OPS),
    kind=st.sampled_from([IndicatorKind.PERCENT, IndicatorKind.SCORE, IndicatorKind.COUNT]),
    data=st.data(),
)
def test_a_number_is_judged_and_shown_as_before(x, op, kind, data) -> None:
    if kind is IndicatorKind.COUNT:
        x = float(round(x))
    t = data.draw(st.one_of(near(x), st.floats(-1e12, 1e12)))
    same_as_reference(plan_of(kind, op, t), Value(number=x))


@settings(max_examples=200, deadline=None)
@given(
    n=st.floats(0, 1e12), d=st.floats(0, 1e12), t=st.floats(0, 100), op=st.sampled_from(NUMERIC_OPS)
)
def test_a_ratio_of_any_stored_numbers_is_judged_as_before(n, d, t, op) -> None:
    """Tử số and mẫu số not whole, 0/0, n > d: numbers only a database written by another
    program holds."""
    same_as_reference(plan_of(IndicatorKind.RATIO, op, t), Value(numerator=n, denominator=d))


def test_blanks_yes_no_days_and_numbers_that_are_not_numbers_as_before() -> None:
    inf, nan = math.inf, math.nan
    ratio = plan_of(IndicatorKind.RATIO, Operator.GE, 65.0)
    for value in (
        Value(),
        Value(numerator=0.0, denominator=0.0),
        Value(numerator=inf, denominator=10.0),
        Value(numerator=nan, denominator=1.0),
        Value(numerator=5.0, denominator=inf),
        Value(numerator=-5.0, denominator=10.0),
        Value(numerator=7.0, denominator=-10.0),
        Value(numerator=35, denominator=60),
    ):
        same_as_reference(ratio, value)
    for x in (inf, -inf, nan, 0.0, -0.0, -0.004, 65, 100.0):
        same_as_reference(plan_of(IndicatorKind.PERCENT, Operator.GE, 65.0), Value(number=x))
    for flag in (True, False, None):
        same_as_reference(plan_of(IndicatorKind.BOOL, Operator.TRUE, None), Value(flag=flag))
    for day in (dt.date(2022, 9, 20), dt.date(2022, 9, 21), None):
        same_as_reference(
            plan_of(IndicatorKind.DATE, Operator.BY, dt.date(2022, 9, 20)), Value(day=day)
        )
    targets = plan_of(IndicatorKind.RATIO, Operator.GT, 90.0, mandatory=False)
    for n in (95.0, 90.0, None):
        same_as_reference(targets, Value(numerator=n, denominator=None if n is None else 100.0))


@settings(max_examples=400, deadline=None)
@given(
    x=st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.fractions(max_denominator=10**9).filter(lambda f: abs(f) < 10**12),
        st.integers(-(10**15), 10**15),
    ),
    decimals=st.integers(0, 6),
    t=st.one_of(st.none(), st.floats(-1e6, 1e6)),
    op=st.sampled_from(NUMERIC_OPS),
)
def test_rounding_is_the_same_rule(x, decimals, t, op) -> None:
    keep = (
        None
        if t is None
        else {
            Operator.GE: lambda y: round(y, 9) >= t,
            Operator.GT: lambda y: round(y, 9) > t,
            Operator.LE: lambda y: round(y, 9) <= t,
            Operator.EQ: lambda y: round(y, 9) == t,
        }[op]
    )
    want = ref.rounded(x, decimals, keep)
    assert str(rounded(x, decimals, keep)) == str(want)
    assert number(x, decimals, keep) == ref.number(x, decimals, keep)
    assert number(x) == ref.number(x)


# ---- the whole period, as `thidua check --format json` writes it ---------------------------


@st.composite
def period_reports(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    kinds = [
        IndicatorKind.RATIO,
        IndicatorKind.PERCENT,
        IndicatorKind.COUNT,
        IndicatorKind.BOOL,
        IndicatorKind.DATE,
        IndicatorKind.SCORE,
    ]
    indicators = tuple(
        Indicator(f"I{i}", f"Chỉ tiêu {i}", k, ("commune", "department"))
        for i, k in enumerate(kinds)
    )
    criteria = []
    for i, ind in enumerate(indicators):
        if ind.kind is IndicatorKind.BOOL:
            op, t = Operator.TRUE, None
        elif ind.kind is IndicatorKind.DATE:
            op, t = Operator.BY, dt.date(2023, 6, 30)
        else:
            op, t = draw(st.sampled_from(NUMERIC_OPS)), draw(st.sampled_from([65.0, 1.0, 72.5]))
        criteria.append(
            Criterion(
                f"C{i}",
                f'Tiêu chí "{i}" \\ {i}',
                ind.code,
                op,
                t,
                ("commune",),
                draw(st.booleans()),
                f"V.{i}",
                draw(st.sampled_from([(), ("2023",), ("2024",)])),
            )
        )
    period = Period(
        "2023", "Năm 2023", dt.date(2023, 12, 15), dt.date(2023, 1, 1), dt.date(2023, 12, 31)
    )
    plan = Plan(
        "p",
        "1/KH",
        "UBND",
        None,
        "Kế hoạch",
        "huyện",
        "huyện A",
        "A",
        ("commune", "department"),
        indicators,
        tuple(criteria),
        (period,),
    )
    units, subs = [], {}
    for u in range(draw(st.integers(0, 12))):
        code = f"{30000 + u}"
        units.append(
            Unit(
                code,
                draw(st.sampled_from(["Xã Số 1", 'Xã "Mới"', "Phường\tA\\B"])),
                draw(st.sampled_from(["commune", "department"])),
                draw(st.sampled_from([None, "K1"])),
            )
        )
        if draw(st.booleans()):
            values = {}
            for ind in indicators:
                v = draw(st.one_of(st.none(), st.just(Value()), _values(ind.kind)))
                if v is not None:
                    values[ind.code] = v
            subs[code] = SubmissionInfo(
                code,
                dt.date(2023, 12, draw(st.integers(1, 31))),
                "usb",
                draw(st.sampled_from(["received", "accepted"])),
                values,
            )
    return build_period_report(plan, period, units, subs)


def _values(kind: IndicatorKind) -> st.SearchStrategy[Value]:
    if kind is IndicatorKind.RATIO:
        return st.builds(
            lambda d, s: Value(numerator=float(int(s * d)), denominator=float(d)),
            st.integers(0, 10**6),
            st.fractions(0, 1),
        )
    if kind is IndicatorKind.BOOL:
        return st.builds(lambda f: Value(flag=f), st.booleans())
    if kind is IndicatorKind.DATE:
        return st.builds(
            lambda d: Value(day=d), st.dates(dt.date(2022, 1, 1), dt.date(2024, 12, 31))
        )
    return st.builds(
        lambda x: Value(number=x),
        st.one_of(
            st.floats(0, 100), st.integers(0, 50).map(float), st.sampled_from([math.inf, math.nan])
        ),
    )


@settings(max_examples=150, deadline=None)
@given(report=period_reports())
def test_the_check_json_is_the_document_to_json_builds(report) -> None:
    written = "".join(json_chunks(report))
    assert written == json.dumps(
        to_json(report), ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    for u in report.units:
        values = u.submission.values if u.submission else None
        verdict, results = ref.unit_result(report.plan, u.unit.kind, values, "2023")
        assert u.result == verdict
        assert [(r.outcome, r.value) for r in u.criteria] == results or any(
            isinstance(v, float) and math.isnan(v) for _o, v in results
        )
        assert [r.described() for r in u.criteria] == [ref.described(r) for r in u.criteria]


def test_a_criterion_with_an_other_rule_is_judged_by_its_own() -> None:
    """Two reports of the same plan apart from one threshold: each criterion's texts are
    its own (the JSON writer works them out once per criterion of the report)."""
    plan = plan_of(IndicatorKind.RATIO, Operator.GE, 65.0)
    other = dataclasses.replace(
        plan, criteria=(dataclasses.replace(plan.criteria[0], threshold=50.0),)
    )
    subs = {
        "1": SubmissionInfo(
            "1",
            dt.date(2023, 12, 1),
            "usb",
            "received",
            {"X": Value(numerator=60.0, denominator=100.0)},
        )
    }
    units = [Unit("1", "Xã A", "commune")]
    texts = [
        "".join(json_chunks(build_period_report(p, p.periods[0], units, subs)))
        for p in (plan, other)
    ]
    assert '"Không đạt: 60,00 % (60/100) < 65 %"' in texts[0]
    assert '"Đạt: 60,00 % (60/100) ≥ 50 %"' in texts[1]


@settings(max_examples=300, deadline=None)
@given(
    n=st.one_of(st.integers(-(10**13), 10**13).map(float), st.floats(-1e13, 1e13)),
    d=st.one_of(st.integers(-(10**13), 10**13).map(float), st.floats(-1e13, 1e13)),
)
def test_an_aggregate_ratio_is_written_as_its_exact_value_rounded(n, d) -> None:
    """The indicators' JSON writes a ratio of counts without its Fraction: the same
    number as from the exact value (Aggregate.exact)."""
    from desktop.domain.aggregate import Aggregate
    from desktop.domain.period_report import _aggregate_value, _json_value

    a = Aggregate("X", IndicatorKind.RATIO, 3, numerator=n, denominator=d, value=None)
    assert _aggregate_value(a) == _json_value(a.exact)
    assert type(_aggregate_value(a)) is type(_json_value(a.exact))


@settings(max_examples=500, deadline=None)
@given(q=st.integers(-(10**17), 10**17), places=st.integers(0, 6))
@example(q=10**15, places=2)
@example(q=10**15 - 1, places=2)
@example(q=2**53 + 1, places=0)
@example(q=1, places=6)
@example(q=1230, places=2)
def test_a_shown_number_is_written_in_json_as_the_float_of_its_decimal(q, places) -> None:
    """scaled_json writes the two common cases from the integers; the JSON of the Decimal
    (what to_json writes) is the rule."""
    from desktop.domain.period_report import _json_value, scaled_json
    from desktop.domain.vnformat import as_decimal

    assert scaled_json(q, places) == json.dumps(_json_value(as_decimal((q, places))))


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.tuples(
            st.integers(0, 40),
            st.integers(0, 40),
            st.sampled_from([float, int]),
        ),
        min_size=1,
        max_size=30,
    ),
    t=st.sampled_from([65.0, 50.0, 66.67, 33.33, 2.5, 1e12]),
    op=st.sampled_from(NUMERIC_OPS),
)
@example(values=[(0, 3, float), (-0, 3, float), (7, 3, float)], t=65.0, op=Operator.GE)
def test_one_describer_for_many_results_describes_each_as_the_rule_does(values, t, op) -> None:
    """The JSON's describers share the counts they have written (a tử số of one unit is
    a mẫu số of another, a count stored as an integer equals one stored as a float):
    each result is still described as the rule describes it on its own."""
    from desktop.domain.evaluation import describer
    from desktop.domain.vnformat import as_decimal

    plan = plan_of(IndicatorKind.RATIO, op, t)
    counts: dict[float, tuple[str, int]] = {}
    described = describer(plan.criteria[0], IndicatorKind.RATIO, None, counts)
    for n, d, kind_of in values * 2:  # the second time, every count is known
        value = Value(numerator=kind_of(n), denominator=kind_of(d))
        _verdict, (r,) = evaluate_unit(plan, "commune", {"X": value}, "2023")
        scaled, text = described(r.outcome, r.value, r.raw)
        x, want = ref.described(r)
        assert text == want
        assert (scaled is None and x is None) or str(as_decimal(scaled)) == str(x)
        assert (scaled, text) == r.described_scaled()


def test_results_described_one_at_a_time_each_have_their_own_criterion_rule() -> None:
    """The describers kept for results described one at a time (the window, the
    exports) are kept by criterion: a criterion made later, perhaps where a former one
    was in memory, with its own threshold, is described by its own rule."""
    for i in range(700):  # more criteria than are kept at once
        t = 40.0 + i / 10
        plan = plan_of(IndicatorKind.RATIO, Operator.GE if i % 2 else Operator.GT, t)
        _verdict, (r,) = evaluate_unit(
            plan, "commune", {"X": Value(numerator=60.0, denominator=100.0)}, "2023"
        )
        assert (r.explanation, r.described()) == (ref.described(r)[1], ref.described(r))
        del plan, r  # its memory free for the next criterion
