"""The workbook's column widths (exchange/xlsx_layout.py): a column is as wide as its widest
value as its cell shows it (shown_width), worked out a column at a time by kind of value;
the same widths as taking every value one by one, whatever the mix of values."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from desktop.exchange.csv_tables import DATE, INT, NUMBER, PERCENT, TEXT, Column, SheetTable
from desktop.exchange.xlsx_layout import (
    MAX_WIDTH,
    MIN_WIDTH,
    column_widths,
    shown_width,
    widest,
)

KINDS = [INT, TEXT, NUMBER, PERCENT, DATE]


def one_by_one(values: list[object], kind: str) -> int:
    return max((shown_width(v, kind) for v in values), default=0)


def some_value(rnd: random.Random) -> object:
    return rnd.choice(
        [
            None,
            rnd.randint(-(10**7), 10**7),
            rnd.randint(0, 99),
            float(rnd.randint(-(10**6), 10**6)),
            rnd.uniform(-1000, 1000),
            rnd.uniform(0, 100),
            0.0,
            -0.0,
            float("nan"),
            float("inf"),
            Decimal(rnd.randint(0, 10000)) / 100,
            Decimal(rnd.randint(-10000, 10000)) / 1000,
            Decimal("-0.00"),
            Decimal("99.995"),
            Decimal("1E+2"),
            Decimal("1E-7"),
            Decimal("NaN"),
            Decimal(rnd.randint(0, 500)),
            "",
            "Xã " * rnd.randint(1, 9),
            "Dòng một\nDòng hai dài hơn",
            dt.date(2023, 12, rnd.randint(1, 31)),
            dt.datetime(2024, 1, 5, 7, 30),
            True,
        ]
    )


def test_the_widest_value_of_any_mix_is_found() -> None:
    rnd = random.Random(11)
    for _ in range(400):
        kind = rnd.choice(KINDS)
        values = [some_value(rnd) for _ in range(rnd.randint(1, 12))]
        assert widest(values, kind) == one_by_one(values, kind), (kind, values)


def test_columns_of_one_kind_of_value() -> None:
    cases = [
        ([3, 120000, -45, 7], NUMBER),
        ([3.0, 1250000.0, -45.0], NUMBER),
        ([Decimal("64.99"), Decimal("100.00"), Decimal("5.5")], PERCENT),
        ([Decimal("64.995"), Decimal("100")], PERCENT),
        ([99.996, 5.0, 0.0], PERCENT),
        (["Xã Một", "Phường Hai Mươi", ""], TEXT),
        ([dt.date(2023, 1, 1), None], DATE),
    ]
    for values, kind in cases:
        assert widest(values, kind) == one_by_one(values, kind), values


def test_widths_take_the_header_and_the_values() -> None:
    table = SheetTable(
        "Bang",
        "T",
        "",
        [Column("STT", INT), Column("Tên đơn vị", TEXT), Column("Tỷ lệ", PERCENT)],
    )
    table.add([1, "Xã " * 30, Decimal("64.99")])
    table.add([2, "Xã Một", None])
    assert column_widths(table) == [MIN_WIDTH, MAX_WIDTH, len("64.99 %") + 2]
