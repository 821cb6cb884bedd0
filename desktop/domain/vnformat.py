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
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from .vncount import count
from .vncount import day as day  # the one way to write a day, also from here

Exact = float | int | Fraction
MAX_DECIMALS = 6


_PLACES = [Decimal(1).scaleb(-p) for p in range(MAX_DECIMALS + 1)]
# enough digits for any finite float to the places shown (no InvalidOperation, no loss)
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)


def _half_up(x: Exact, places: int) -> Decimal:
    """Half away from zero, from the exact value: a float's exact binary value (Decimal
    of a float is exact), a fraction's integer quotient. Decimal and integer arithmetic
    in C: a province's check rounds some 100,000 numbers."""
    if isinstance(x, Fraction):
        n, d = x.numerator, x.denominator  # d > 0
        q = (2 * abs(n) * 10**places + d) // (2 * d)  # floor(|x|·10^p + 1/2)
        return Decimal(-q if n < 0 else q).scaleb(-places)
    shown = Decimal(x).quantize(_PLACES[places], context=_EXACT)
    return shown if shown else shown.copy_abs()  # no "-0,00": what rounds to zero is 0


def _toward(x: Exact, places: int, up: bool) -> Decimal:
    scaled = Fraction(x) * 10**places
    n = math.ceil(scaled) if up else math.floor(scaled)
    return Decimal(n).scaleb(-places)


def rounded(x: Exact, decimals: int = 2, keep: Callable[[float], bool] | None = None) -> Decimal:
    """`x` to `decimals` places, half-up from its exact value, as a Decimal that keeps its
    places (Decimal('65.00')). `keep(value) -> bool` is the verdict as a function of the
    value: the result has the same verdict as `x` (more places, then rounding toward it)."""
    if keep is None:
        return _half_up(x, decimals)
    want = keep(float(x))
    for places in range(decimals, MAX_DECIMALS + 1):
        d = _half_up(x, places)
        if keep(float(d)) == want:
            return d
    for up in (False, True):  # nearest on the verdict's side
        d = _toward(x, MAX_DECIMALS, up)
        if keep(float(d)) == want:
            return d
    return _half_up(x, MAX_DECIMALS)  # pragma: no cover - one of the two always agrees


def is_whole(x: Exact) -> bool:
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
    return decimal_text(rounded(x, decimals, keep))


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
