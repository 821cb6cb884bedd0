"""Value validation: every rejection, and properties over random input."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValueProblem
from desktop.domain.plan import Indicator, IndicatorKind
from desktop.domain.values import Value, parse_day, parse_flag, validate_value


def ind(kind: IndicatorKind) -> Indicator:
    return Indicator(code="X", name="x", kind=kind, unit_kinds=("commune",))


RATIO, PCT, COUNT = ind(IndicatorKind.RATIO), ind(IndicatorKind.PERCENT), ind(IndicatorKind.COUNT)


@pytest.mark.parametrize(
    ("indicator", "value", "message"),
    [
        (RATIO, Value(numerator=120, denominator=100), "tử số 120 lớn hơn mẫu số 100"),
        (RATIO, Value(numerator=-1, denominator=100), "tử số -1 là số âm"),
        (RATIO, Value(numerator=5, denominator=-3), "mẫu số -3 là số âm"),
        (RATIO, Value(numerator=3, denominator=0), "mẫu số bằng 0 nhưng tử số là 3"),
        (RATIO, Value(numerator=1.5, denominator=3), "tử số 1,50 phải là số nguyên"),
        (RATIO, Value(numerator=5), "thiếu mẫu số"),
        (RATIO, Value(denominator=5), "thiếu tử số"),
        (PCT, Value(number=100.5), "phần trăm 100,50 ngoài khoảng 0 đến 100"),
        (PCT, Value(number=-2), "ngoài khoảng 0 đến 100"),
        (PCT, Value(number=float("nan")), "không phải là số hợp lệ"),
        (COUNT, Value(number=-1), "số lượng -1 là số âm"),
        (COUNT, Value(number=2.5), "phải là số nguyên"),
        (ind(IndicatorKind.SCORE), Value(number=-3), "điểm -3 là số âm"),
        (ind(IndicatorKind.DATE), Value(day=dt.date(1900, 1, 1)), "không hợp lý"),
        (ind(IndicatorKind.BOOL), Value(number=1), "không đúng loại"),
    ],
)
def test_bad_values_are_refused_with_a_reason(indicator, value, message):
    with pytest.raises(ValueProblem) as err:
        validate_value(indicator, value)
    assert message in err.value.message


def test_zero_over_zero_and_blank_are_accepted():
    assert validate_value(RATIO, Value(numerator=0, denominator=0)).denominator == 0
    assert validate_value(RATIO, Value()).is_blank


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_ratio_accepted_exactly_when_numerator_fits(n, d):
    value = Value(numerator=n, denominator=d)
    if n <= d:
        assert validate_value(RATIO, value) == value
    else:
        with pytest.raises(ValueProblem):
            validate_value(RATIO, value)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_percent_accepted_exactly_in_0_to_100(x):
    ok = x == x and 0 <= x <= 100
    if ok:
        validate_value(PCT, Value(number=x))
    else:
        with pytest.raises(ValueProblem):
            validate_value(PCT, Value(number=x))


@pytest.mark.parametrize("text", ["Có", "có", "CO", "x"])
def test_yes(text):
    assert parse_flag(text) is True


@pytest.mark.parametrize("text", ["Không", "khong", "0"])
def test_no(text):
    assert parse_flag(text) is False


def test_flag_refuses_other_text():
    with pytest.raises(ValueProblem, match="không phải Có hoặc Không"):
        parse_flag("Có lẽ")


def test_dates():
    assert parse_day("05/01/2024") == dt.date(2024, 1, 5)
    assert parse_day("2024-01-05") == dt.date(2024, 1, 5)
    with pytest.raises(ValueProblem, match="không tồn tại"):
        parse_day("31/02/2023")
