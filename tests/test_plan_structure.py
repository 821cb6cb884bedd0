"""The plan editor adds and removes indicators, criteria, periods, quotas, unit kinds and
blocks (actions.plan_structure): each change one audited transaction, checked as a plan file
is; each refusal names why (or what uses the part) and writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.actions import plan_structure as ps
from desktop.actions.plan import period_report, read_plan
from desktop.actions.proposals import add_collective
from desktop.actions.units import delete_block
from desktop.domain.errors import DomainError, PlanError
from desktop.domain.plan import (
    Block,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Quota,
    ReviewKind,
)
from desktop.domain.plan_schema import parse_plan
from desktop.store.database import Database
from desktop.store.models import AuditRow

D = dt.date
MEETINGS = Indicator(
    "HOP_TRUC_TUYEN",
    "Số cuộc họp trực tuyến",
    IndicatorKind.COUNT,
    ("commune",),
    measure="cuộc",
    source="III.2",
)


@pytest.fixture
def db(demo_db: Path):
    with Database.open(demo_db, backup=False) as database:
        yield database


def audit_count(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditRow)) or 0


def refused(db: Database, fn, *args) -> str:
    """The refusal's message; the plan and the audit log are as they were."""
    before, audits = read_plan(db), audit_count(db)
    with pytest.raises(DomainError) as info:
        fn(db, *args)
    assert read_plan(db) == before and audit_count(db) == audits
    return info.value.message


def reasons(db: Database) -> set[str]:
    with db.reading() as s:
        return set(s.scalars(select(AuditRow.summary)))


# ---- indicators ---------------------------------------------------------------------------


def test_add_an_indicator_then_remove_it(db: Database) -> None:
    assert (
        ps.add_indicator(db, MEETINGS)
        == "Đã thêm chỉ tiêu HOP_TRUC_TUYEN — Số cuộc họp trực tuyến."
    )
    plan = read_plan(db)
    assert plan.indicators[-1] == MEETINGS
    assert "Thêm chỉ tiêu HOP_TRUC_TUYEN" in reasons(db)
    assert ps.remove_indicator(db, "HOP_TRUC_TUYEN") == "Đã xóa chỉ tiêu HOP_TRUC_TUYEN."
    assert "HOP_TRUC_TUYEN" not in {i.code for i in read_plan(db).indicators}
    assert "Xóa chỉ tiêu HOP_TRUC_TUYEN" in reasons(db)


@pytest.mark.parametrize(
    ("indicator", "why"),
    [
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "code": "HSCV_MANG"}),
            "mã 'HSCV_MANG' đã có trong kế hoạch",
        ),
        (MEETINGS.__class__(**{**MEETINGS.__dict__, "code": "HỌP TT"}), "mã 'HỌP TT' không hợp lệ"),
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "name": "  "}),
            "tên chỉ tiêu không được để trống",
        ),
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "unit_kinds": ("district",)}),
            "loại đơn vị Huyện, thị xã, thành phố không có trong kế hoạch",
        ),
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "unit_kinds": ()}),
            "cần chọn ít nhất một loại đơn vị áp dụng",
        ),
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "kind": IndicatorKind.RATIO}),
            "chỉ tiêu tỷ lệ cần tên của tử số và của mẫu số",
        ),
        (
            MEETINGS.__class__(**{**MEETINGS.__dict__, "maximum": 100.0}),
            "chỉ chỉ tiêu loại điểm mới có thang điểm tối đa",
        ),
        (
            MEETINGS.__class__(
                **{**MEETINGS.__dict__, "kind": IndicatorKind.SCORE, "maximum": -5.0}
            ),
            "thang điểm tối đa phải là một số dương",
        ),
    ],
)
def test_a_wrong_indicator_is_refused(db: Database, indicator: Indicator, why: str) -> None:
    message = refused(db, ps.add_indicator, indicator)
    assert message.startswith(f"Không thêm được chỉ tiêu {indicator.code}:")
    assert why in message


def test_an_indicator_in_use_is_not_removed_and_the_refusal_names_its_users(
    db: Database,
) -> None:
    message = refused(db, ps.remove_indicator, "HSCV_MANG")
    assert message.startswith("Không xóa được chỉ tiêu HSCV_MANG vì đang được dùng: ")
    assert "báo cáo có số liệu của chỉ tiêu này (" in message
    assert "Năm 2022" in message  # which report: its unit and period
    assert "tiêu chí XA_HSCV" in message and "tiêu chí PB_HSCV" in message
    # the ranking's indicator
    assert "cách xếp hạng của kế hoạch" in refused(db, ps.remove_indicator, "DIEM_DTI")
    # no data, but a criterion
    message = refused(db, ps.remove_indicator, "CSDL_LGSP")
    assert "tiêu chí PB_LGSP" in message and "báo cáo" not in message
    assert "Không có chỉ tiêu 'KHONG_CO'" in refused(db, ps.remove_indicator, "KHONG_CO")


# ---- criteria -----------------------------------------------------------------------------


def test_add_a_criterion_and_the_check_follows(db: Database) -> None:
    ps.add_indicator(db, MEETINGS)
    c = Criterion(
        "XA_HOP_TT",
        "Tổ chức họp trực tuyến",
        "HOP_TRUC_TUYEN",
        Operator.GE,
        2.0,
        ("commune",),
        source="III.2",
        periods=("2025",),
    )
    assert ps.add_criterion(db, c) == "Đã thêm tiêu chí XA_HOP_TT — Tổ chức họp trực tuyến."
    assert read_plan(db).criteria[-1] == c
    assert "Thêm tiêu chí XA_HOP_TT" in reasons(db)
    # it applies to 2025 only: a 2023 report is judged as before
    codes_2023 = {x.code for x in period_report(db, "2023").unit("22813").criteria}
    assert "XA_HOP_TT" not in codes_2023
    assert "XA_HOP_TT" in {x.code for x in read_plan(db).criteria_for("commune", "2025")}
    # the indicator now has a criterion: it cannot go before the criterion does
    assert "tiêu chí XA_HOP_TT" in refused(db, ps.remove_indicator, "HOP_TRUC_TUYEN")
    assert ps.remove_criterion(db, "XA_HOP_TT") == "Đã xóa tiêu chí XA_HOP_TT."
    assert "Xóa tiêu chí XA_HOP_TT" in reasons(db)
    ps.remove_indicator(db, "HOP_TRUC_TUYEN")


def crit(**changes: object) -> Criterion:
    base = dict(
        code="XA_MOI",
        name="Tiêu chí mới",
        indicator="HSCV_MANG",
        op=Operator.GE,
        threshold=70.0,
        unit_kinds=("commune",),
        source="V.1.1.b",
    )
    return Criterion(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("criterion", "why"),
    [
        (crit(code="XA_HSCV"), "mã 'XA_HSCV' đã có trong kế hoạch"),
        (crit(indicator="KHONG_CO"), "chỉ tiêu 'KHONG_CO' không có trong kế hoạch"),
        (crit(threshold=120.0), "ngưỡng 120 % vượt quá 100 %"),
        (crit(threshold=-1.0), "ngưỡng -1 không được âm"),
        (crit(indicator="DANG_KY_TD", op=Operator.GE), "chỉ tiêu Có/Không chỉ dùng điều kiện 'Có'"),
        (
            crit(indicator="NGAY_KH_PD", op=Operator.BY, threshold=None),
            "cần nhập hạn (ngày/tháng/năm)",
        ),
        (crit(unit_kinds=("enterprise",)), "chỉ tiêu 'HSCV_MANG' không áp dụng cho Doanh nghiệp"),
        (crit(unit_kinds=()), "cần chọn ít nhất một loại đơn vị áp dụng"),
        (crit(periods=("2030",)), "kỳ '2030' không có trong kế hoạch"),
        (crit(source=""), "cần ghi căn cứ (điều, khoản của kế hoạch)"),
        (crit(name=""), "tên tiêu chí không được để trống"),
    ],
)
def test_a_wrong_criterion_is_refused(db: Database, criterion: Criterion, why: str) -> None:
    message = refused(db, ps.add_criterion, criterion)
    assert message.startswith(f"Không thêm được tiêu chí {criterion.code}:")
    assert why in message


def test_remove_a_criterion_and_the_check_follows(db: Database) -> None:
    assert period_report(db, "2023").unit("22813").result.value == "pass"
    ps.remove_criterion(db, "XA_HSCV")
    assert "XA_HSCV" not in {c.code for c in read_plan(db).criteria}
    assert "XA_HSCV" not in {x.code for x in period_report(db, "2023").unit("22813").criteria}
    assert "Không có tiêu chí 'XA_HSCV'" in refused(db, ps.remove_criterion, "XA_HSCV")


# ---- periods ------------------------------------------------------------------------------

P2026 = Period("2026", "Năm 2026", D(2026, 12, 15), D(2026, 1, 1), D(2026, 12, 31))


def test_add_a_period_then_remove_it(db: Database) -> None:
    assert ps.add_period(db, P2026) == "Đã thêm kỳ báo cáo 2026 — Năm 2026."
    assert read_plan(db).periods[-1] == P2026
    assert "Thêm kỳ báo cáo 2026" in reasons(db)
    assert ps.remove_period(db, "2026") == "Đã xóa kỳ báo cáo 2026."
    assert [p.code for p in read_plan(db).periods] == ["2022", "2023", "2024", "2025"]
    assert "Xóa kỳ báo cáo 2026" in reasons(db)


@pytest.mark.parametrize(
    ("period", "why"),
    [
        (
            Period("2023", "Năm 2023", D(2023, 12, 15), D(2023, 1, 1), D(2023, 12, 31)),
            "mã '2023' đã có trong kế hoạch",
        ),
        (
            Period("2026", " ", D(2026, 12, 15), D(2026, 1, 1), D(2026, 12, 31)),
            "tên kỳ không được để trống",
        ),
        (
            Period("2026", "Năm 2026", D(2026, 12, 15), D(2026, 1, 1), D(2025, 12, 31)),
            "ngày kết thúc 31/12/2025 trước ngày bắt đầu 01/01/2026",
        ),
        (
            Period("2026", "Năm 2026", D(2025, 12, 15), D(2026, 1, 1), D(2026, 12, 31)),
            "hạn nộp 15/12/2025 trước ngày bắt đầu kỳ 01/01/2026",
        ),
    ],
)
def test_a_wrong_period_is_refused(db: Database, period: Period, why: str) -> None:
    message = refused(db, ps.add_period, period)
    assert message.startswith(f"Không thêm được kỳ báo cáo {period.code}:") and why in message


def test_a_period_in_use_is_not_removed(db: Database) -> None:
    message = refused(db, ps.remove_period, "2022")
    assert message.startswith("Không xóa được kỳ báo cáo 2022 vì đang được dùng: ")
    assert "báo cáo của các đơn vị (" in message
    # a review with its quota (and no report yet in a fresh period)
    ps.add_period(db, dataclass_replace(P2026, review=ReviewKind.FINAL))
    ps.add_quota(db, Quota("2026", "Giấy khen của Chủ tịch UBND huyện", 3, 3, source="V.2"))
    message = refused(db, ps.remove_period, "2026")
    assert "hạn mức “Giấy khen của Chủ tịch UBND huyện”" in message
    # a criterion applying to that period only
    ps.add_criterion(db, crit(periods=("2025",)))
    assert "tiêu chí XA_MOI (chỉ áp dụng cho một số kỳ)" in refused(db, ps.remove_period, "2025")


def dataclass_replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)


# ---- quotas -------------------------------------------------------------------------------

AWARD = "Giấy khen của Chủ tịch UBND huyện"


def quota_ids(db: Database) -> list[int]:
    from desktop.actions.plan import read_editable

    return [q.id for q in read_editable(db).quotas]


def test_add_a_quota_then_remove_it(db: Database) -> None:
    q = Quota("2024", AWARD, 4, None, leader_share_max=40.0, source="V.2")
    assert ps.add_quota(db, q) == f"Đã thêm hạn mức “{AWARD}” kỳ 2024."
    assert read_plan(db).quotas[-1] == q
    assert "Thêm hạn mức khen thưởng kỳ 2024" in reasons(db)
    new_id = quota_ids(db)[-1]
    assert ps.remove_quota(db, new_id) == f"Đã xóa hạn mức 2024: {AWARD}."
    assert len(read_plan(db).quotas) == 2
    assert f"Xóa hạn mức khen thưởng #{new_id}" in reasons(db)
    assert "Không có hạn mức này" in refused(db, ps.remove_quota, new_id)


@pytest.mark.parametrize(
    ("quota", "why"),
    [
        (Quota("2030", AWARD, 1, 1), "kỳ '2030' không có trong kế hoạch"),
        (Quota("2024", " ", 1, 1), "cần ghi hình thức khen thưởng"),
        (Quota("2024", AWARD, 1, 1, block="K9"), "khối 'K9' không có trong kế hoạch"),
        (Quota("2024", AWARD, -1, 1), "số tập thể phải là số nguyên không âm"),
        (
            Quota("2024", AWARD, 1, 1, leader_share_max=140.0),
            "tỷ lệ lãnh đạo 140 % phải trong khoảng 0-100 %",
        ),
        (Quota("2023", AWARD, 1, 1), "kế hoạch đã có hạn mức này"),
    ],
)
def test_a_wrong_quota_is_refused(db: Database, quota: Quota, why: str) -> None:
    message = refused(db, ps.add_quota, quota)
    assert message.startswith("Không thêm được hạn mức") and why in message


def test_a_quota_with_proposals_is_not_removed(db: Database) -> None:
    add_collective(db, "2023", "22813")
    message = refused(db, ps.remove_quota, quota_ids(db)[0])
    assert message == (
        f"Không xóa được hạn mức “{AWARD}” kỳ 2023 vì đang được dùng: "
        f"1 đề nghị khen thưởng “{AWARD}” kỳ 2023. "
        "Hãy xóa hoặc sửa những phần đó trước."
    )
    # the review's period cannot go either
    assert "1 đề nghị khen thưởng" in refused(db, ps.remove_period, "2023")


# ---- unit kinds and blocks ----------------------------------------------------------------


def test_add_and_remove_a_unit_kind(db: Database) -> None:
    assert ps.add_unit_kind(db, "district") == "Đã thêm loại đơn vị Huyện, thị xã, thành phố."
    assert read_plan(db).unit_kinds[-1] == "district"
    assert "Thêm loại đơn vị district" in reasons(db)
    assert "kế hoạch đã có loại đơn vị" in refused(db, ps.add_unit_kind, "district")
    assert "loại đơn vị 'village' không hợp lệ" in refused(db, ps.add_unit_kind, "village")
    ps.remove_unit_kind(db, "district")
    assert "district" not in read_plan(db).unit_kinds
    message = refused(db, ps.remove_unit_kind, "commune")
    assert message.startswith(
        "Không xóa được loại đơn vị Xã, phường, thị trấn vì đang được dùng: 8 đơn vị ("
    )
    assert "chỉ tiêu HSCV_MANG" in message and "tiêu chí XA_HSCV" in message


def test_add_and_remove_a_block(db: Database) -> None:
    assert (
        ps.add_block(db, Block("K1", " Khối  các xã ")) == "Đã thêm khối thi đua K1 — Khối các xã."
    )
    assert read_plan(db).blocks == (Block("K1", "Khối các xã"),)
    assert "mã 'K1' đã có trong kế hoạch" in refused(db, ps.add_block, Block("K1", "Khối 1"))
    assert "tên khối không được để trống" in refused(db, ps.add_block, Block("K2", " "))
    ps.add_quota(db, Quota("2024", AWARD, 2, 2, block="K1", source="V.2"))
    message = refused(db, ps.remove_block, "K1")
    assert f"hạn mức “{AWARD}” kỳ 2024" in message
    # the Đơn vị page's delete follows the same rule
    assert "hạn mức" in refused(db, delete_block, "K1")
    ps.remove_quota(db, quota_ids(db)[-1])
    assert ps.remove_block(db, "K1") == "Đã xóa khối thi đua K1."
    assert read_plan(db).blocks == ()


# ---- the rule is the plan file's --------------------------------------------------------


def test_a_plan_file_with_a_code_the_editor_refuses_is_refused_too() -> None:
    from desktop.domain.plan_document import plan_document
    from desktop.plan_catalog import load_bundled

    doc = plan_document(load_bundled("ninh-son-2022"))
    doc["indicators"][0]["code"] = "HỒ SƠ"
    with pytest.raises(PlanError, match="mã 'HỒ SƠ' không hợp lệ"):
        parse_plan(doc)
