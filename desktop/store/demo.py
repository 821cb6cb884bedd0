"""A realistic demo database: the Ninh Sơn plan, its 8 communes, 2022 and 2023 reports.

The mix is deliberate: passes, a failure on each kind of criterion, an incomplete
report, a tie in the ranking, late and on-time reports, returned and accepted
reviews, and a commune that never reported.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..domain.values import Value
from ..plan_catalog import load_bundled
from .database import Database
from .models import OfficeRow
from .plans import install_plan
from .submissions import review, save_submission

D = dt.date


def _ratio(n: int, d: int) -> Value:
    return Value(numerator=n, denominator=d)


def _commune(
    hscv: tuple[int, int],
    vbdt: tuple[int, int],
    bcpm: tuple[int, int] | None,
    dti: float | None,
    plan_day: dt.date,
    initiatives: int,
    registered: bool = True,
    fibre: tuple[int, int] = (900, 1000),
    villages: tuple[int, int] = (9, 10),
    accounts: tuple[int, int] = (4500, 10000),
    ocop: tuple[int, int] = (2, 3),
) -> dict[str, Value]:
    values = {
        "HSCV_MANG": _ratio(*hscv),
        "VB_DIEN_TU": _ratio(*vbdt),
        "NGAY_KH_PD": Value(day=plan_day),
        "DANG_KY_TD": Value(flag=registered),
        "SANG_KIEN": Value(number=initiatives),
        "CAP_QUANG_HO": _ratio(*fibre),
        "CAP_QUANG_THON": _ratio(*villages),
        "TK_THANH_TOAN": _ratio(*accounts),
        "OCOP_TMDT": _ratio(*ocop),
    }
    if bcpm is not None:
        values["BC_PM_TINH"] = _ratio(*bcpm)
    if dti is not None:
        values["DIEM_DTI"] = Value(number=dti)
    return values


# (unit, received on, channel, values, review: None | "accept" | reason to return)
DEMO_2022 = [
    (
        "22810",
        D(2022, 12, 9),
        "email",
        _commune(
            (820, 1200),
            (640, 640),
            (24, 24),
            71.4,
            D(2022, 9, 12),
            1,
            fibre=(2850, 3300),
            villages=(7, 7),
            accounts=(3900, 9800),
        ),
        "accept",
    ),
    (
        "22813",
        D(2022, 12, 14),
        "usb",
        _commune(
            (410, 600),
            (380, 380),
            (24, 24),
            66.0,
            D(2022, 9, 19),
            1,
            fibre=(1400, 1700),
            villages=(8, 9),
            accounts=(2100, 6100),
        ),
        "accept",
    ),
    (
        "22816",
        D(2022, 12, 15),
        "email",
        _commune(
            (300, 520),
            (350, 350),
            (24, 24),
            59.5,
            D(2022, 9, 20),
            1,
            fibre=(1100, 1500),
            villages=(6, 8),
        ),
        "accept",
    ),
    (
        "22819",
        D(2022, 12, 12),
        "paper",
        _commune(
            (390, 560),
            (300, 310),
            (24, 24),
            61.2,
            D(2022, 9, 15),
            1,
            fibre=(1200, 1450),
            villages=(7, 8),
        ),
        "accept",
    ),
    (
        "22822",
        D(2022, 12, 19),
        "email",
        _commune(
            (350, 500),
            (290, 290),
            (22, 24),
            57.8,
            D(2022, 9, 28),
            0,
            fibre=(1000, 1300),
            villages=(6, 7),
        ),
        None,
    ),
    (
        "22828",
        D(2022, 12, 13),
        "usb",
        _commune(
            (120, 200),
            (150, 150),
            (24, 24),
            48.9,
            D(2022, 9, 16),
            1,
            fibre=(300, 800),
            villages=(4, 7),
            accounts=(600, 3900),
        ),
        "accept",
    ),
    (
        "22831",
        D(2022, 12, 8),
        "email",
        _commune(
            (450, 620),
            (410, 410),
            (24, 24),
            73.6,
            D(2022, 9, 10),
            2,
            fibre=(1900, 2000),
            villages=(8, 8),
            accounts=(3300, 6400),
        ),
        "accept",
    ),
]

DEMO_2023 = [
    (
        "22810",
        D(2023, 12, 10),
        "email",
        _commune(
            (1050, 1300),
            (720, 720),
            (24, 24),
            78.5,
            D(2022, 9, 12),
            2,
            fibre=(3050, 3320),
            villages=(7, 7),
            accounts=(5100, 9900),
            ocop=(3, 3),
        ),
        "accept",
    ),
    (
        "22813",
        D(2023, 12, 14),
        "usb",
        _commune(
            (522, 720),
            (400, 400),
            (24, 24),
            72.5,
            D(2022, 9, 19),
            1,
            fibre=(1500, 1710),
            villages=(9, 9),
            accounts=(3000, 6150),
        ),
        "accept",
    ),
    (
        "22816",
        D(2023, 12, 15),
        "email",
        _commune(
            (35, 60),
            (360, 360),
            (24, 24),
            65.2,
            D(2022, 9, 20),
            1,
            fibre=(1250, 1510),
            villages=(7, 8),
        ),
        None,
    ),
    (
        "22819",
        D(2023, 12, 18),
        "paper",
        _commune(
            (430, 580),
            (330, 330),
            (24, 24),
            72.5,
            D(2022, 9, 15),
            1,
            fibre=(1300, 1460),
            villages=(8, 8),
        ),
        "accept",
    ),
    (
        "22822",
        D(2023, 12, 12),
        "email",
        _commune(
            (400, 520),
            (300, 300),
            None,
            60.1,
            D(2022, 9, 19),
            1,
            fibre=(1100, 1310),
            villages=(7, 7),
        ),
        "Thiếu số liệu báo cáo định kỳ thực hiện trên phần mềm báo cáo của tỉnh",
    ),
    (
        "22825",
        D(2023, 12, 20),
        "usb",
        _commune(
            (300, 420),
            (285, 300),
            (24, 24),
            58.0,
            D(2022, 9, 18),
            1,
            fibre=(700, 1000),
            villages=(5, 6),
        ),
        None,
    ),
    (
        "22831",
        D(2023, 12, 1),
        "email",
        _commune(
            (520, 640),
            (430, 430),
            (24, 24),
            81.0,
            D(2022, 9, 10),
            3,
            fibre=(1950, 2010),
            villages=(8, 8),
            accounts=(3600, 6450),
            ocop=(4, 4),
        ),
        "accept",
    ),
]


# Who the history names for the demo's sample data: no person entered it.
DEMO_AUTHOR = "Dữ liệu mẫu"


def build_demo(db: Database) -> None:
    """Fill an empty database with the demo, in one transaction."""
    plan = load_bundled("ninh-son-2022")
    with db.transaction("Tạo cơ sở dữ liệu mẫu") as s:
        s.info["user"] = DEMO_AUTHOR  # written by the program, not by this PC's clerk
        install_plan(s, plan)
        office = s.scalar(select(OfficeRow))
        assert office is not None
        office.signer_name = "Nguyễn Thị Hương"
        office.doc_number_prefix = "/BC-VHTT"
        for period, rows in (("2022", DEMO_2022), ("2023", DEMO_2023)):
            for unit, received, channel, values, verdict in rows:
                save_submission(
                    s,
                    plan,
                    unit,
                    period,
                    values,
                    received_on=received,
                    channel=channel,
                    source_file=f"BaoCao_{period}_{unit}.xlsx",
                )
                if verdict == "accept":
                    review(s, unit, period, accept=True)
                elif verdict:
                    review(s, unit, period, accept=False, reason=verdict)
