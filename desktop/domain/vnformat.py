"""Vietnamese presentation of numbers and dates: decimal comma, dd/mm/yyyy.

Every number a person or a file is shown goes through `rounded`: half-up from the exact
value (a ratio passes its exact fraction: 151992/160000 is 94,995 % and shows 95,00 %).
When a criterion's verdict is given (`keep`), the shown value never contradicts it: a
value whose two-decimal rounding would cross the threshold gets more decimals, up to
six (16249/25000 = 64,996 % fails ≥ 65 and shows "64,996 %", never "65,00 %").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache

from .vncount import count
from .vncount import day as day  # the one way to write a day, also from here

TYPE_CHECKING = False  # decimal and fractions are imported when a Decimal is made: the
if TYPE_CHECKING:  # integers do the rounding, and `thidua periods` only writes days
    from decimal import Context, Decimal
    from fractions import Fraction

    Exact = float | int | Fraction

MAX_DECIMALS = 6


_POWERS: list[int] = [10**p for p in range(MAX_DECIMALS + 1)]


@cache
def _exact_context() -> Context:
    """Enough digits for any finite float to the places shown (no InvalidOperation, no
    loss), rounding half-up."""
    from decimal import ROUND_HALF_UP, Context

    return Context(prec=400, rounding=ROUND_HALF_UP)


def _half_up(x: float, places: int) -> Decimal:
    """Half away from zero, from the exact value (Decimal of a float is exact); for an
    infinity or NaN, which no entry lets through, Decimal's own refusal."""
    from decimal import Decimal

    shown = Decimal(x).quantize(Decimal(1).scaleb(-places), context=_exact_context())
    return shown if shown else shown.copy_abs()  # no "-0,00": what rounds to zero is 0


def half_up_scaled(a: int, b: int, places: int) -> int:
    """a/b (b > 0) to `places` places, half away from zero, as the integer q of
    q·10^-places: floor(|a/b|·10^p + 1/2) with the sign of a/b, in integers (a float's
    exact binary value is its as_integer_ratio, a ratio's is tử số·100 / mẫu số)."""
    q = (2 * abs(a) * _POWERS[places] + b) // (2 * b)
    return -q if a < 0 else q


def rounded_scaled(
    a: int, b: int, decimals: int = 2, keep: Callable[[float], bool] | None = None
) -> tuple[int, int]:
    """The rule of `rounded` on the exact value a/b (b > 0), in integers: (q, places) for
    q·10^-places. A province's check rounds tens of thousands of numbers; this makes no
    Fraction and no Decimal for them (a float of q·10^-p is q / 10^p: both are the
    correctly rounded value of the same decimal)."""
    if keep is None:
        return half_up_scaled(a, b, decimals), decimals
    want = keep(a / b)  # float(x): a / b is correctly rounded, as float() of a fraction
    for places in range(decimals, MAX_DECIMALS + 1):
        q = half_up_scaled(a, b, places)
        if keep(q / _POWERS[places]) == want:
            return q, places
    scaled = a * _POWERS[MAX_DECIMALS]
    for q in (scaled // b, -(-scaled // b)):  # nearest on the verdict's side: down, up
        if keep(q / _POWERS[MAX_DECIMALS]) == want:
            return q, MAX_DECIMALS
    return half_up_scaled(a, b, MAX_DECIMALS), MAX_DECIMALS  # pragma: no cover


def rounded(x: Exact, decimals: int = 2, keep: Callable[[float], bool] | None = None) -> Decimal:
    """`x` to `decimals` places, half-up from its exact value, as a Decimal that keeps its
    places (Decimal('65.00')). `keep(value) -> bool` is the verdict as a function of the
    value: the result has the same verdict as `x` (more places, then rounding toward it)."""
    try:
        a, b = x.as_integer_ratio()
    except (OverflowError, ValueError):  # an infinity or NaN: Decimal's refusal, as before
        return _half_up(float(x), decimals)
    return as_decimal(rounded_scaled(a, b, decimals, keep))


@cache
def _decimal() -> type[Decimal]:
    """decimal.Decimal, imported on first use (not at startup). Looked up once: an import
    statement run per call goes through PySide6's __import__ hook once Qt is loaded, which
    more than doubled as_decimal's time (a worker painting the Kiểm tra table makes tens of
    thousands, competing with the GUI thread for the GIL)."""
    from decimal import Decimal

    return Decimal


def as_decimal(scaled: tuple[int, int]) -> Decimal:
    """(q, places) as the Decimal q·10^-places that keeps its places (Decimal('65.00'))
    and every digit (a default context would keep 28)."""
    # from its text: exact whatever the context, a quarter of the time of scaleb() in a
    # Context made for it (a province's workbook makes some 15,000 of them)
    return _decimal()(f"{scaled[0]}E-{scaled[1]}")


def scaled_text(q: int, places: int) -> str:
    """decimal_text of q·10^-places (1.234,50), from the integers."""
    digits = str(-q if q < 0 else q)
    if places:
        digits = digits.rjust(places + 1, "0")
        whole, text = digits[:-places], "," + digits[-places:]
    else:
        whole, text = digits, ""
    if len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", ".")
    return ("-" + whole + text) if q < 0 else whole + text


def is_whole(x: Exact) -> bool:
    if type(x) is float:
        return x.is_integer()
    from fractions import Fraction

    return x.denominator == 1 if isinstance(x, Fraction) else float(x).is_integer()


def decimal_text(d: Decimal) -> str:
    """Decimal('1234.50') -> '1.234,50' (its own places)."""
    if -1000 < d < 1000:  # most numbers shown: no thousands to group
        return format(d, "f").replace(".", ",")
    places = max(0, -int(d.as_tuple().exponent))
    text = f"{d:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


Keep = Callable[[float], bool]


def number(x: Exact, decimals: int | None = None, keep: Keep | None = None) -> str:
    """12345.5 -> '12.345,50'; whole numbers without decimals unless asked."""
    if isinstance(x, float) and not math.isfinite(x):
        return "—"  # refused on entry everywhere; never a traceback if one slips through
    if decimals is None:
        if type(x) is float and x.is_integer() and -1e15 < x < 1e15 or type(x) is int:
            return count(int(x))  # a count: what rounding to 0 places gives
        decimals = 0 if is_whole(x) else 2
    try:
        a, b = x.as_integer_ratio()
    except (OverflowError, ValueError):  # a Decimal infinity or NaN: refused as before
        return decimal_text(rounded(x, decimals, keep))
    return scaled_text(*rounded_scaled(a, b, decimals, keep))


def percent(x: Exact | None, keep: Callable[[float], bool] | None = None) -> str:
    """72.5 -> '72,50 %'; None -> '—'."""
    if x is None:
        return "—"
    return f"{number(x, 2, keep)} %"


def long_date(place: str, d: dt.date) -> str:
    """'Ninh Sơn, ngày 05 tháng 01 năm 2024' (ND 30/2020: zero below 10, months 1 and 2)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def yes_no(flag: bool | None) -> str:
    return "—" if flag is None else ("Có" if flag else "Không")
