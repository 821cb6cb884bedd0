"""Evaluate a submission against the plan's criteria (DESIGN.md section 4)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from functools import partial
from typing import NamedTuple

from .plan import Criterion, IndicatorKind, Operator, Plan
from .values import BLANK, Value, measured
from .vnformat import as_decimal, day, half_up_scaled, number, rounded_scaled, scaled_text

TYPE_CHECKING = False  # a Fraction or a Decimal is made only when one is asked for
if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"


class UnitResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"
    NOT_SUBMITTED = "not_submitted"


OUTCOME_LABELS = {
    "pass": "Đạt",
    "fail": "Không đạt",
    "incomplete": "Chưa đủ số liệu",
    "not_submitted": "Chưa nộp",
}


class CriterionResult(NamedTuple):
    """One criterion of one unit. A named tuple, not a frozen dataclass: a province
    check makes one for every criterion of thousands of units, and a frozen
    dataclass costs several times more to build."""

    criterion: Criterion
    outcome: Outcome
    value: float | bool | dt.date | None
    kind: IndicatorKind
    raw: Value = BLANK

    @property
    def code(self) -> str:
        return self.criterion.code

    @property
    def exact(self) -> Fraction | float | None:
        """The measured number exactly (a ratio's n/d × 100 as a fraction); None when
        the value is not a number."""
        v = self.value
        if v is None or isinstance(v, bool | dt.date) or not math.isfinite(v):
            return None  # (an infinity can only come from a database written elsewhere)
        if self.kind is IndicatorKind.RATIO:
            n, d = self.raw.numerator, self.raw.denominator
            if n is not None and d and math.isfinite(n) and math.isfinite(d):
                from fractions import Fraction

                if float(n).is_integer() and float(d).is_integer():  # counts: one gcd
                    return Fraction(int(n) * 100, int(d))
                return Fraction(n) * 100 / Fraction(d)
        return v

    def exact_ratio(self) -> tuple[int, int] | None:
        """`exact` as the integers a/b (b > 0), without making a Fraction: what the
        rounding works from (a province's check shows tens of thousands of numbers)."""
        v = self.value
        if type(v) is not float and (v is None or isinstance(v, bool | dt.date)):
            return None
        if not _isfinite(v):
            return None
        if self.kind is _RATIO:
            n, d = self.raw.numerator, self.raw.denominator
            if type(n) is float and type(d) is float and n.is_integer() and d.is_integer():
                if d:  # counts, as stored (whole floats are finite)
                    a, b = int(n) * 100, int(d)
                    return (a, b) if b > 0 else (-a, -b)
            elif n is not None and d and _isfinite(n) and _isfinite(d):
                if float(n).is_integer() and float(d).is_integer():
                    a, b = int(n) * 100, int(d)
                    return (a, b) if b > 0 else (-a, -b)
                from fractions import Fraction

                return (Fraction(n) * 100 / Fraction(d)).as_integer_ratio()
        return v.as_integer_ratio()

    def shown_scaled(self) -> tuple[int, int] | None:
        """The number as shown, q·10^-places, as (q, places): two places, more when
        rounding would cross the threshold, so that it never contradicts the outcome
        (vnformat.rounded_scaled); None when the value is not a number."""
        exact = self.exact_ratio()
        if exact is None:
            return None
        a, b = exact
        places = 2 if self.kind in _PERCENT_LIKE or a % b else 0
        c = self.criterion
        t = c.threshold
        if (
            c.op is _TRUE or c.op is _BY or type(t) is not float
            # a whole number is shown exactly; rounding to two places moves a value by
            # 0.005 at most, so one farther than 0.01 from the threshold stays on its side
            or places == 0 or (-1e9 < t < 1e9 and not -0.01 < a / b - t < 0.01)
        ):
            return half_up_scaled(a, b, places), places
        return rounded_scaled(a, b, places, lambda y: _compare(c, y))

    @property
    def rounded(self) -> Decimal | None:
        """The number as shown (vnformat.rounded): two places, more when rounding would
        cross the threshold, so that it never contradicts the outcome."""
        scaled = self.shown_scaled()
        return None if scaled is None else as_decimal(scaled)

    @property
    def shown(self) -> str:
        """'58,33 % (35/60)', '64,996 %', 'Có', '20/09/2022', '—' when blank."""
        return self._shown(self.shown_scaled())

    def _shown(self, scaled: tuple[int, int] | None) -> str:
        if scaled is not None:  # a finite number (shown_scaled is None for anything else)
            text = scaled_text(*scaled)
            kind = self.kind
            if kind is _RATIO:
                n, d = self.raw.numerator, self.raw.denominator
                return f"{text} % ({_count(n)}/{_count(d)})"
            return f"{text} %" if kind is _PERCENT else text
        v = self.value
        if v is None:
            return "—"
        if v is True or v is False:
            return "Có" if v else "Không"
        if isinstance(v, dt.date):
            return day(v)
        return "—"  # not a finite number: nothing believable to show

    @property
    def explanation(self) -> str:
        """'Không đạt: 58,33 % (35/60) < 65 %' — built when shown, not for every unit."""
        return self.described_scaled()[1]

    def described(self) -> tuple[Decimal | None, str]:
        """The number as shown (`rounded`) and the explanation, rounded once for both."""
        scaled, text = self.described_scaled()
        return (None if scaled is None else as_decimal(scaled)), text

    def described_scaled(
        self, tails: tuple[str, str] | None = None
    ) -> tuple[tuple[int, int] | None, str]:
        """`described` with the number as (q, places) (`shown_scaled`); `tails` the
        criterion's rule_tails, when the caller worked them out once for many results."""
        if self[2] is None:  # (no rule to tell: its tails are not worked out)
            return None, _unmeasured(self[3], self[4])
        if tails is not None:
            return describer(self[0], self[3], tails)(self[1], self[2], self[4])
        c, kind = self[0], self[3]
        known = _DESCRIBERS.get(id(c))
        if known is None or known[0] is not c or known[1] is not kind:
            if len(_DESCRIBERS) >= 512:  # (plans' criteria: a few dozen each)
                _DESCRIBERS.clear()
            known = _DESCRIBERS[id(c)] = (c, kind, describer(c, kind))
        return known[2](self[1], self[2], self[4])


def rule_tails(c: Criterion, kind: IndicatorKind) -> tuple[str, str]:
    """What follows the shown value in an explanation when the criterion is met, and when
    it is not: (' ≥ 65 %', ' < 65 %'); ('', ' (yêu cầu: Có)') for a yes/no."""
    met, unmet = _rule_text(c, True, kind), _rule_text(c, False, kind)
    return (" " + met if met else ""), (" " + unmet if unmet else "")


def _unmeasured(kind: IndicatorKind, raw: Value) -> str:
    """Why a criterion has no value to judge."""
    if kind is _RATIO and raw.denominator == 0:
        return "Chưa đủ số liệu: 0/0 không có giá trị"
    stored = (raw.numerator, raw.denominator, raw.number)
    if any(isinstance(x, float) and not math.isfinite(x) for x in stored):
        return "Chưa đủ số liệu: số đã lưu không phải là số hợp lệ (vô cực hoặc NaN)"
    return "Chưa đủ số liệu: chưa nhập giá trị"


_Described = tuple[tuple[int, int] | None, str]
Describe = Callable[[Outcome, float | bool | dt.date | None, Value], _Described]


# id(criterion) -> (the criterion, its indicator's kind, its describer), for the results
# described one at a time (the window's cells, an export's lines): a criterion's rule
# words are worked out once, not for every result. The entry holds the criterion, so its
# id names no other while it is here.
_DESCRIBERS: dict[int, tuple[Criterion, IndicatorKind, Describe]] = {}


def describer(
    c: Criterion,
    kind: IndicatorKind,
    tails: tuple[str, str] | None = None,
    counts: dict[float, tuple[str, int]] | None = None,
) -> Describe:
    """CriterionResult.described_scaled as a function of a result's (outcome, value, raw),
    for the results of criterion `c` (an indicator of `kind`): the number as shown, as
    (q, places), and the explanation 'Không đạt: 58,33 % (35/60) < 65 %'.

    What is the same for every result of the criterion (its rule's words, whether
    rounding can cross its threshold) is worked out here once: the check's JSON
    describes every criterion of every unit of a province with one describer per
    criterion; described_scaled makes one for its result. `counts`, shared by the
    describers of a report, keeps the tử số and mẫu số already written, with their
    integer (('1.216', 1216) for 1216.0): a province's ratios repeat the same few
    thousand counts."""
    met, unmet = rule_tails(c, kind) if tails is None else tails
    known = {} if counts is None else counts
    written = known.get
    ok_words, fail_words = "Đạt: ", "Không đạt: "
    t = c.threshold
    # rounding to two places moves a value by 0.005 at most, so one farther than 0.01
    # from the threshold stays on its side; a whole number is shown exactly
    plain = type(t) is not float or c.op is _TRUE or c.op is _BY
    bounded = type(t) is float and -1e9 < t < 1e9
    tf = t if type(t) is float else 0.0
    ratio, whole_kind = kind is _RATIO, kind is not _RATIO and kind is not _PERCENT

    def keep(y: float) -> bool:
        return _compare(c, y)

    def described(
        outcome: Outcome, v: float | bool | dt.date | None, raw: Value
    ) -> _Described:
        if v is not None:
            ok = outcome is _PASS
            if v is True or v is False:  # shown_scaled is None for a yes/no: its word
                return None, ((("Đạt: Có" if ok else "Không đạt: Có") if v else (
                    "Đạt: Không" if ok else "Không đạt: Không")) + (met if ok else unmet)).rstrip()
            if ratio:
                n, d = raw[0], raw[1]
                if (type(n) is float and type(d) is float and 0.0 <= n < 1e15
                        and 0.0 < d < 1e15 and n.is_integer() and d.is_integer()):
                    # The most common case, quickly: a ratio of counts (a = tử số·100 > 0
                    # exactly, b = mẫu số > 0), as shown_scaled and _shown give it.
                    a, b = int(n) * 100, int(d)
                    if plain or (bounded and not -0.01 < a / b - tf < 0.01):
                        q, places = (200 * a + b) // (2 * b), 2  # half_up_scaled(a, b, 2)
                    else:
                        q, places = rounded_scaled(a, b, 2, keep)
                    if places == 2 and q < 100000:
                        text = f"{q // 100}{_CENTS[q % 100]}"
                    else:
                        text = scaled_text(q, places)
                    top = written(n) or _kept(known, n)
                    bottom = written(d) or _kept(known, d)
                    if ok:
                        return (q, places), f"Đạt: {text} % ({top[0]}/{bottom[0]}){met}".rstrip()
                    return (q, places), (
                        f"Không đạt: {text} % ({top[0]}/{bottom[0]}){unmet}".rstrip())
            elif (whole_kind and type(v) is float and 0.0 <= v < 1e15 and v.is_integer()):
                # A whole count or score, as shown_scaled and _shown give it: no places
                # (no rounding, so nothing to cross), grouped by thousands.
                q = int(v)
                shown = str(q) if q < 1000 else _count(v)
                return (q, 0), ((ok_words if ok else fail_words) + shown
                                + (met if ok else unmet)).rstrip()
            if type(v) is _DAY:  # a date: no number (shown_scaled is None), its day
                return None, ((ok_words if ok else fail_words) + day(v)
                              + (met if ok else unmet)).rstrip()
        if v is None:
            return None, _unmeasured(kind, raw)
        r = _new_result((c, outcome, v, kind, raw))
        scaled = r.shown_scaled()
        ok = outcome is _PASS
        return scaled, ((ok_words if ok else fail_words) + r._shown(scaled)
                        + (met if ok else unmet)).rstrip()

    if not ratio:
        return described

    def described_ratio(
        outcome: Outcome, v: float | bool | dt.date | None, raw: Value
    ) -> _Described:
        # `described` for a ratio of counts already written (nearly every one of a
        # province's): a count in `known` is a whole float in [0, 10^15), so only the
        # types and a mẫu số other than 0 are left to check
        n, d = raw[0], raw[1]
        top, bottom = written(n), written(d)  # type: ignore[arg-type]  # (None: no key)
        if (top is not None and bottom is not None and type(v) is float
                and type(n) is float and type(d) is float and d):
            a, b = top[1] * 100, bottom[1]
            if plain or (bounded and not -0.01 < a / b - tf < 0.01):
                q = (200 * a + b) // (2 * b)  # half_up_scaled(a, b, 2)
                if q < 100000:
                    if outcome is _PASS:
                        return (q, 2), (f"Đạt: {q // 100}{_CENTS[q % 100]} % ({top[0]}/"
                                        f"{bottom[0]}){met}").rstrip()
                    return (q, 2), (f"Không đạt: {q // 100}{_CENTS[q % 100]} % ({top[0]}/"
                                    f"{bottom[0]}){unmet}").rstrip()
        return described(outcome, v, raw)

    return described_ratio


def _kept(known: dict[float, tuple[str, int]], x: float) -> tuple[str, int]:
    """A count as written and its integer, kept in `known` (up to a bound: a describer
    kept for the window's whole life meets ever more counts)."""
    written = (_count(x), int(x))
    if len(known) < 100_000:
        known[x] = written
    return written


def evaluate_criterion(plan: Plan, criterion: Criterion, value: Value) -> CriterionResult:
    return _evaluate(criterion, plan.indicator(criterion.indicator).kind, value)


# Enum members as module constants: this module's loop runs for every criterion of
# every unit of a province, and looking a member up on its class costs more than the
# comparison itself.
_PASS, _FAIL, _INCOMPLETE = Outcome.PASS, Outcome.FAIL, Outcome.INCOMPLETE
_TRUE, _BY, _GE, _GT, _LE = Operator.TRUE, Operator.BY, Operator.GE, Operator.GT, Operator.LE
_NUMERIC = (Operator.GE, Operator.GT, Operator.LE, Operator.EQ)
_PERCENT_LIKE = (IndicatorKind.RATIO, IndicatorKind.PERCENT)
_RATIO, _PERCENT = IndicatorKind.RATIO, IndicatorKind.PERCENT
_isfinite = math.isfinite
_DAY = dt.date
_CENTS = tuple(f",{i:02d}" for i in range(100))  # scaled_text's two places, by q % 100
# a result made straight from its fields, as CriterionResult(...) makes it, without the
# named tuple's keyword handling: one for every criterion of every unit
_new_result: Callable[[tuple[object, ...]], CriterionResult] = partial(
    tuple.__new__, CriterionResult
)


def _count(x: float | None) -> str:
    """A ratio's tử số or mẫu số as number(x or 0) writes it ('1.216'), a count the
    quick way (a check writes two for every ratio of every unit)."""
    if type(x) is float and x.is_integer():
        if 0 <= x < 1000:  # no thousands to group
            return str(int(x))
        if -1e15 < x < 1e15:
            return f"{int(x):,}".replace(",", ".")
    return number(x or 0)


def _evaluate(criterion: Criterion, kind: IndicatorKind, value: Value) -> CriterionResult:
    v = measured(kind, value)
    if v is None:
        return CriterionResult(criterion, _INCOMPLETE, None, kind, value)
    return CriterionResult(criterion, _PASS if _compare(criterion, v) else _FAIL, v, kind, value)


_Judged = tuple[tuple[Criterion, IndicatorKind, str, bool, Callable[[object], bool]], ...]


def _judged(found: Sequence[tuple[Criterion, IndicatorKind]]) -> _Judged:
    """The plan's criteria for a unit kind, each with what evaluate_unit asks of it for
    every unit: its indicator, whether it is mandatory, its comparison (`comparison`)."""
    return tuple((c, kind, c.indicator, c.mandatory, comparison(c)) for c, kind in found)


def comparison(c: Criterion) -> Callable[[object], bool]:
    """`_compare(c, v)` as a function of v, the criterion's operator and threshold
    looked at once: for a number against a threshold below 1e9 (nearly every
    criterion), the comparison itself; anything else goes to _compare."""
    op, t = c.op, c.threshold
    if type(t) is not float or not -1e9 < t < 1e9 or op not in _NUMERIC:
        return partial(_compare, c)
    # what _compare does for a float v: unrounded when farther than 1e-5 from t
    if op is _GE:
        def compare(v: object) -> bool:
            if type(v) is float:
                return (v if not -1e-5 < v - t < 1e-5 else round(v, 9)) >= t
            return _compare(c, v)  # type: ignore[arg-type]
    elif op is _GT:
        def compare(v: object) -> bool:
            if type(v) is float:
                return (v if not -1e-5 < v - t < 1e-5 else round(v, 9)) > t
            return _compare(c, v)  # type: ignore[arg-type]
    elif op is _LE:
        def compare(v: object) -> bool:
            if type(v) is float:
                return (v if not -1e-5 < v - t < 1e-5 else round(v, 9)) <= t
            return _compare(c, v)  # type: ignore[arg-type]
    else:
        def compare(v: object) -> bool:
            if type(v) is float:
                return (v if not -1e-5 < v - t < 1e-5 else round(v, 9)) == t
            return _compare(c, v)  # type: ignore[arg-type]
    return compare


def _compare(c: Criterion, v: float | bool | dt.date) -> bool:
    op, t = c.op, c.threshold
    if op is _TRUE:
        return v is True
    if type(v) is float or type(v) is int:
        if type(t) is not float:
            raise TypeError(f"{c.code}: threshold {t!r} is not a number")
        # compared as rounded to 9 places; a value farther than 1e-5 from a threshold
        # below 1e9 compares the same unrounded (rounding moves it by less than 1e-7),
        # and round() costs more than the comparison
        x = v if -1e9 < t < 1e9 and not -1e-5 < v - t < 1e-5 else round(v, 9)
        if op is _GE:
            return x >= t
        if op is _GT:
            return x > t
        if op is _LE:
            return x <= t
        return x == t
    if op is _BY and isinstance(v, dt.date) and isinstance(t, dt.date):
        return v <= t
    raise TypeError(f"{c.code}: cannot compare {v!r} with {op.value} {t!r}")


def _rule_text(c: Criterion, ok: bool, kind: IndicatorKind) -> str:
    """The comparison as it stands for this outcome: '< 65 %' when failing '>= 65'."""
    t = c.threshold
    if c.op is Operator.TRUE:
        return "" if ok else "(yêu cầu: Có)"
    if c.op is Operator.BY:
        assert isinstance(t, dt.date)
        return f"{c.op.symbol if ok else c.op.negation} hạn {day(t)}"
    assert isinstance(t, float)
    unit = " %" if kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT) else ""
    shown = f"{number(t)}{unit}"
    return f"{c.op.symbol if ok else c.op.negation} {shown}"


def rule_label(plan: Plan, c: Criterion) -> str:
    """How a person reads the rule: '≥ 65 %', 'Có', 'Trước hoặc đúng 20/09/2022'."""
    kind = plan.indicator(c.indicator).kind
    if c.op is Operator.TRUE:
        return "Có"
    if c.op is Operator.BY:
        assert isinstance(c.threshold, dt.date)
        return f"Không muộn hơn {day(c.threshold)}"
    assert isinstance(c.threshold, float)
    unit = " %" if kind in (IndicatorKind.RATIO, IndicatorKind.PERCENT) else ""
    return f"{c.op.symbol} {number(c.threshold)}{unit}"


def evaluate_unit(
    plan: Plan, unit_kind: str, values: Mapping[str, Value] | None, period: str | None = None
) -> tuple[UnitResult, tuple[CriterionResult, ...]]:
    """The unit's result for a period and every criterion that applies to its kind (and,
    given `period`, to that period: a criterion may apply to some periods only).

    `values` is None when the unit has not submitted. Non-mandatory criteria (targets)
    are evaluated and returned but do not decide the result - unless the unit has no
    mandatory criterion at all (a plan of targets only): then the targets decide it, and
    its verdict says how many were met (`verdict`).
    """
    if values is None:
        return UnitResult.NOT_SUBMITTED, ()
    get = values.get
    made = []
    seen: set[Outcome] = set()  # the outcomes of the mandatory criteria
    found = plan.criteria_with_kinds(unit_kind, period)
    judged: _Judged | None = plan.memo.get(id(found))  # type: ignore[assignment]
    if judged is None:  # (the plan keeps `found`, and so its id, as long as the memo)
        judged = plan.memo[id(found)] = _judged(found)
    for c, kind, code, mandatory, compare in judged:
        value = get(code, BLANK)
        v = measured(kind, value)
        outcome = _INCOMPLETE if v is None else _PASS if compare(v) else _FAIL
        made.append(_new_result((c, outcome, v, kind, value)))
        if mandatory:
            seen.add(outcome)
    results = tuple(made)
    if not seen:  # no mandatory criterion applies: the targets decide (see verdict)
        return combine(results), results
    if _FAIL in seen:
        return UnitResult.FAIL, results
    return (UnitResult.INCOMPLETE if _INCOMPLETE in seen else UnitResult.PASS), results


def targets_only(criteria: Sequence[CriterionResult]) -> bool:
    """The unit is judged by targets alone (no mandatory criterion applies to it)."""
    return bool(criteria) and not any(r.criterion.mandatory for r in criteria)


def verdict(result: UnitResult | str, criteria: Sequence[CriterionResult]) -> str:
    """The unit's result as every screen and report writes it: 'Đạt', 'Không đạt', ... or,
    for a unit judged by targets alone, how many it met: 'Đạt 5/7 chỉ tiêu'."""
    value = result.value if isinstance(result, UnitResult) else result
    if value != "not_submitted" and targets_only(criteria):
        met = sum(1 for r in criteria if r.outcome is _PASS)
        return f"Đạt {met}/{len(criteria)} chỉ tiêu"
    return OUTCOME_LABELS[value]


def combine(mandatory: Iterable[CriterionResult]) -> UnitResult:
    outcomes = {r.outcome for r in mandatory}
    if _FAIL in outcomes:
        return UnitResult.FAIL
    if _INCOMPLETE in outcomes:
        return UnitResult.INCOMPLETE
    return UnitResult.PASS
