"""Evaluation, ranking, lateness and aggregates: the rules of DESIGN.md section 4."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.aggregate import aggregate
from desktop.domain.evaluation import evaluate_criterion, evaluate_unit
from desktop.domain.lateness import late_days
from desktop.domain.plan import Indicator, IndicatorKind
from desktop.domain.ranking import competition_ranks
from desktop.domain.values import Value
from desktop.plan_catalog import load_bundled

PLAN = load_bundled("ninh-son-2022")


def crit(code):
    return next(c for c in PLAN.criteria if c.code == code)


def good_commune(**over):
    values = {
        "DANG_KY_TD": Value(flag=True),
        "NGAY_KH_PD": Value(day=dt.date(2022, 9, 20)),
        "SANG_KIEN": Value(number=1),
        "HSCV_MANG": Value(numerator=65, denominator=100),
        "VB_DIEN_TU": Value(numerator=10, denominator=10),
        "BC_PM_TINH": Value(numerator=24, denominator=24),
    }
    values.update(over)
    return values


def test_failure_is_explained_with_its_numbers():
    r = evaluate_criterion(PLAN, crit("XA_HSCV"), Value(numerator=35, denominator=60))
    assert r.outcome == "fail"
    assert r.explanation == "Không đạt: 58,33 % (35/60) < 65 %"


def test_thresholds_are_inclusive_where_the_plan_says_so():
    assert (
        evaluate_criterion(PLAN, crit("XA_HSCV"), Value(numerator=65, denominator=100)).outcome
        == "pass"
    )
    # "trên 90 %" is strictly more than 90
    assert (
        evaluate_criterion(
            PLAN, crit("CT_CAP_QUANG_HO"), Value(numerator=90, denominator=100)
        ).outcome
        == "fail"
    )
    # the deadline day itself is in time
    assert (
        evaluate_criterion(PLAN, crit("XA_KE_HOACH"), Value(day=dt.date(2022, 9, 20))).outcome
        == "pass"
    )
    assert (
        evaluate_criterion(PLAN, crit("XA_KE_HOACH"), Value(day=dt.date(2022, 9, 21))).outcome
        == "fail"
    )


def test_blank_and_zero_over_zero_are_incomplete_never_failures():
    assert evaluate_criterion(PLAN, crit("XA_HSCV"), Value()).outcome == "incomplete"
    r = evaluate_criterion(PLAN, crit("XA_HSCV"), Value(numerator=0, denominator=0))
    assert r.outcome == "incomplete" and "0/0" in r.explanation


def test_unit_results():
    assert evaluate_unit(PLAN, "commune", good_commune())[0] == "pass"
    assert evaluate_unit(PLAN, "commune", None)[0] == "not_submitted"
    fail = good_commune(HSCV_MANG=Value(numerator=1, denominator=2), BC_PM_TINH=Value())
    assert evaluate_unit(PLAN, "commune", fail)[0] == "fail"
    incomplete = good_commune(BC_PM_TINH=Value())
    assert evaluate_unit(PLAN, "commune", incomplete)[0] == "incomplete"


def test_targets_do_not_decide_the_result():
    values = good_commune(CAP_QUANG_HO=Value(numerator=1, denominator=100))
    result, criteria = evaluate_unit(PLAN, "commune", values)
    assert result == "pass"
    assert any(c.code == "CT_CAP_QUANG_HO" and c.outcome == "fail" for c in criteria)


def test_criteria_of_another_kind_are_left_out():
    _, criteria = evaluate_unit(PLAN, "commune", good_commune())
    assert not any(c.code.startswith("PB_") for c in criteria)


def test_ranks_share_and_skip():
    ranks = competition_ranks({"a": 80.0, "b": 72.5, "c": 72.5, "d": 60.0, "e": None})
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4, "e": None}


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.one_of(st.none(), st.floats(0, 100))))
def test_rank_properties(values):
    ranks = competition_ranks(values)
    for k, v in values.items():
        if v is None:
            assert ranks[k] is None
        else:
            better = sum(1 for w in values.values() if w is not None and round(w, 9) > round(v, 9))
            assert ranks[k] == better + 1


def test_lateness():
    deadline = dt.date(2023, 12, 15)
    assert late_days(dt.date(2023, 12, 15), deadline) == 0
    assert late_days(dt.date(2023, 12, 18), deadline) == 3
    assert late_days(None, deadline) == 0


RATIO = Indicator("R", "r", IndicatorKind.RATIO, ("commune",))


def test_ratio_aggregate_is_weighted_not_mean_of_percents():
    a = aggregate(RATIO, [Value(numerator=1, denominator=2), Value(numerator=90, denominator=100)])
    assert a.numerator == 91 and a.denominator == 102
    assert round(a.value, 4) == round(91 / 102 * 100, 4)  # not (50 + 90) / 2
    assert a.units_reporting == 2


@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda t: (min(t), max(t))),
        max_size=30,
    )
)
def test_ratio_aggregate_equals_sums(pairs):
    values = [Value(numerator=n, denominator=d) for n, d in pairs] + [Value()]
    a = aggregate(RATIO, values)
    sn, sd = sum(n for n, _ in pairs), sum(d for _, d in pairs)
    assert (a.numerator, a.denominator, a.units_reporting) == (sn, sd, len(pairs))
    assert a.value == (sn / sd * 100 if sd else None)
    if a.value is not None:
        assert 0 <= a.value <= 100


def test_other_aggregates():
    count = Indicator("C", "c", IndicatorKind.COUNT, ("commune",))
    assert aggregate(count, [Value(number=2), Value(number=3), Value()]).value == 5
    flag = Indicator("B", "b", IndicatorKind.BOOL, ("commune",))
    b = aggregate(flag, [Value(flag=True), Value(flag=False), Value(flag=True)])
    assert (b.yes, b.units_reporting) == (2, 3)
    score = Indicator("S", "s", IndicatorKind.SCORE, ("commune",))
    s = aggregate(score, [Value(number=50), Value(number=70)])
    assert (s.value, s.minimum, s.maximum) == (60, 50, 70)
