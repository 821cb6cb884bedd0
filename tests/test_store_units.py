"""Store functions behind the Đơn vị and Kế hoạch screens: each refuses bad input with a
Vietnamese message and changes nothing; each change is in the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import DomainError
from desktop.store.database import Database
from desktop.store.errors import StoreError
from desktop.store.models import AuditRow, UnitRow
from desktop.store.plan_edit import (
    CriterionEdit,
    OfficeData,
    PeriodEdit,
    QuotaEdit,
    apply_plan_edits,
    load_editable,
    load_office,
    save_office,
)
from desktop.store.plans import unit_infos
from desktop.store.submissions import period_report
from desktop.store.units import (
    UnitData,
    add_unit,
    deactivate_unit,
    delete_block,
    edit_unit,
    merge_units,
    reactivate_unit,
    save_block,
)

D = dt.date


@pytest.fixture
def db(demo_target: str):
    """The demo database, on SQLite and on PostgreSQL (each test runs on both)."""
    with Database.open(demo_target, backup=False) as database:
        yield database


def units(db: Database) -> dict[str, UnitRow]:
    with db.reading() as s:
        return {u.code: u for u in s.scalars(select(UnitRow))}


def refused(db: Database, fn, *args, **kwargs) -> str:
    before = units(db)
    with pytest.raises(StoreError) as info:
        with db.transaction("test") as s:
            fn(s, *args, **kwargs)
    after = units(db)
    assert {c: (u.name, u.active_to, u.merged_into_id) for c, u in before.items()} == {
        c: (u.name, u.active_to, u.merged_into_id) for c, u in after.items()
    }
    return info.value.message


def test_add_unit(db: Database) -> None:
    with db.transaction("Thêm đơn vị") as s:
        add_unit(s, UnitData("PVHTT", "Phòng Văn hóa và Thông tin", "department"))
    u = units(db)["PVHTT"]
    assert (u.name, u.kind, u.active_to) == ("Phòng Văn hóa và Thông tin", "department", None)
    with db.reading() as s:
        audit = s.scalars(select(AuditRow).where(AuditRow.table_name == "unit")).all()
    assert any(a.action == "insert" and a.summary == "Thêm đơn vị" for a in audit)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (UnitData("", "Xã A", "commune"), "không được để trống"),
        (UnitData("22 810", "Xã A", "commune"), "không hợp lệ"),
        (UnitData("Xã1", "Xã A", "commune"), "không hợp lệ"),
        (UnitData("22810", "Xã A", "commune"), "đã dùng cho Thị trấn Tân Sơn"),
        (UnitData("99999", "   ", "commune"), "Tên đơn vị không được để trống"),
        (UnitData("99999", "Xã A", "district"), "Loại đơn vị 'district' không có"),
        (UnitData("99999", "Xã A", "commune", block="K9"), "Không có khối thi đua 'K9'"),
    ],
)
def test_add_unit_refuses_bad_input(db: Database, data: UnitData, words: str) -> None:
    assert words in refused(db, add_unit, data)


def test_edit_unit_name_and_block(db: Database) -> None:
    with db.transaction("Khối") as s:
        save_block(s, "K1", "Khối 1")
    with db.transaction("Sửa") as s:
        edit_unit(s, "22813", UnitData("22813", "Xã  Lâm Sơn mới ", "commune", "K1"))
    u = units(db)["22813"]
    assert (u.name, u.block) == ("Xã Lâm Sơn mới", "K1")


def test_edit_unit_refuses_code_or_kind_change_after_reports(db: Database) -> None:
    msg = refused(db, edit_unit, "22813", UnitData("22899", "Xã Lâm Sơn", "commune"))
    assert "đã có 2 báo cáo" in msg
    msg = refused(db, edit_unit, "22813", UnitData("22813", "Xã Lâm Sơn", "department"))
    assert "Không đổi được loại" in msg


def test_deactivate_and_reactivate(db: Database) -> None:
    with db.transaction("Ngừng") as s:
        deactivate_unit(s, "22828", D(2024, 6, 30))
    assert units(db)["22828"].active_to == D(2024, 6, 30)
    assert "đã ngừng hoạt động" in refused(db, deactivate_unit, "22828", D(2024, 7, 1))
    with db.reading() as s:
        report = period_report(s, "2024")
    assert "22828" not in {u.unit.code for u in report.units}
    with db.transaction("Hoạt động lại") as s:
        reactivate_unit(s, "22828")
    assert units(db)["22828"].active_to is None


def test_merge_into_new_unit_keeps_history(db: Database) -> None:
    with db.transaction("Sáp nhập") as s:
        merge_units(s, ["22825", "22828"], D(2025, 7, 1),
                    new_unit=UnitData("22828A", "Xã Anh Dũng", "commune"))
    u = units(db)
    assert u["22825"].active_to == D(2025, 6, 30) == u["22828"].active_to
    assert u["22825"].merged_into_id == u["22828A"].id
    assert u["22828A"].active_from == D(2025, 7, 1)
    with db.reading() as s:
        infos = {i.code: i for i in unit_infos(s)}
        old = period_report(s, "2023")
        new = period_report(s, "2025")
    assert infos["22825"].merged_into == "22828A"
    # the 2023 report of Hòa Sơn (merged) is still there and evaluated
    assert old.unit("22825").submission is not None
    assert old.unit("22825").result.value == "fail"
    codes_2025 = {r.unit.code for r in new.units}
    assert "22828A" in codes_2025 and "22825" not in codes_2025 and "22828" not in codes_2025


def test_merge_into_existing_unit_with_rename(db: Database) -> None:
    with db.transaction("Sáp nhập") as s:
        merge_units(s, ["22810", "22819"], D(2025, 7, 1), into="22810", new_name="Xã Ninh Sơn")
    u = units(db)
    assert u["22810"].name == "Xã Ninh Sơn" and u["22810"].active_to is None
    assert u["22819"].active_to == D(2025, 6, 30)
    assert u["22819"].merged_into_id == u["22810"].id


def test_merge_refusals(db: Database) -> None:
    assert "ít nhất hai" in refused(
        db, merge_units, ["22825"], D(2025, 7, 1),
        new_unit=UnitData("X1", "Xã X", "commune"))
    assert "ít nhất một đơn vị khác" in refused(
        db, merge_units, ["22810"], D(2025, 7, 1), into="22810")
    assert "Hãy chọn một đơn vị sẵn có" in refused(db, merge_units, ["22810", "22813"],
                                                   D(2025, 7, 1))
    with db.transaction("Ngừng") as s:
        deactivate_unit(s, "22831", D(2024, 12, 31))
    assert "Xã Nhơn Sơn đã ngừng hoạt động" in refused(
        db, merge_units, ["22831", "22822"], D(2025, 7, 1), into="22822")
    assert "đã dùng cho" in refused(
        db, merge_units, ["22825", "22828"], D(2025, 7, 1),
        new_unit=UnitData("22810", "Xã trùng mã", "commune"))


def test_blocks(db: Database) -> None:
    with db.transaction("Khối") as s:
        save_block(s, "K1", "Khối 1")
        save_block(s, "K1", "Khối một")
    with db.transaction("Gán") as s:
        edit_unit(s, "22810", UnitData("22810", "Thị trấn Tân Sơn", "commune", "K1"))
    with pytest.raises(DomainError, match=r"Không xóa được khối thi đua K1 vì đang được dùng: "
                       r"1 đơn vị \(Thị trấn Tân Sơn\)"):
        with db.transaction("Xóa") as s:
            delete_block(s, "K1")
    assert "Mã khối" in refused(db, save_block, "K 2", "Khối 2")
    with db.transaction("Gỡ") as s:
        edit_unit(s, "22810", UnitData("22810", "Thị trấn Tân Sơn", "commune", None))
        delete_block(s, "K1")


# ---- plan edits ------------------------------------------------------------------------


def test_threshold_edit_changes_the_check(db: Database) -> None:
    with db.reading() as s:
        before = period_report(s, "2023").unit("22813").result.value
        edits = {c.code: c for c in load_editable(s).criteria}
    assert before == "pass"  # 522/720 = 72,50 % >= 65
    with db.transaction("Sửa ngưỡng") as s:
        changes = apply_plan_edits(s, criteria=[CriterionEdit("XA_HSCV", ">=", 80.0, True)])
    assert changes == ["Tiêu chí XA_HSCV"]
    with db.reading() as s:
        after = period_report(s, "2023").unit("22813")
    assert after.result.value == "fail"
    assert edits["XA_KE_HOACH"].threshold == D(2022, 9, 20)


def test_plan_edits_refused_together(db: Database) -> None:
    with db.reading() as s:
        plan = load_editable(s)
    quota = plan.quotas[0]
    with pytest.raises(StoreError) as info:
        with db.transaction("Sửa") as s:
            apply_plan_edits(
                s,
                criteria=[CriterionEdit("XA_HSCV", ">=", 120.0, True),
                          CriterionEdit("XA_KE_HOACH", ">=", 5.0, True),
                          CriterionEdit("XA_SANG_KIEN", ">=", 3.0, True)],
                periods=[PeriodEdit("2024", "Năm 2024", D(2024, 1, 1), D(2024, 12, 31),
                                    D(2023, 12, 15))],
                quotas=[QuotaEdit(quota.id, quota.review, quota.award, -1, 5, None)],
            )
    msg = info.value.message
    assert "Tiêu chí XA_HSCV: ngưỡng 120 % vượt quá 100 %" in msg
    assert "Tiêu chí XA_KE_HOACH" in msg and "Kỳ 2024: hạn nộp 15/12/2023" in msg
    assert "số tập thể phải là số nguyên không âm" in msg
    with db.reading() as s:
        again = load_editable(s)
    assert again == plan  # nothing changed, not even the good edit


def test_period_and_quota_edits(db: Database) -> None:
    with db.reading() as s:
        quota = load_editable(s).quotas[0]
    with db.transaction("Sửa") as s:
        apply_plan_edits(
            s,
            periods=[PeriodEdit("2024", "Năm 2024", D(2024, 1, 1), D(2024, 12, 31),
                                D(2024, 12, 20))],
            quotas=[QuotaEdit(quota.id, quota.review, quota.award, 6, 4, 40.0)],
        )
    with db.reading() as s:
        plan = load_editable(s)
    assert {p.code: p.deadline for p in plan.periods}["2024"] == D(2024, 12, 20)
    assert (plan.quotas[0].collectives, plan.quotas[0].individuals,
            plan.quotas[0].leader_share_max) == (6, 4, 40.0)


def test_office(db: Database) -> None:
    with db.reading() as s:
        office = load_office(s)
    assert office.signer_name == "Nguyễn Thị Hương"
    with pytest.raises(DomainError, match="Họ và tên người ký"):
        with db.transaction("Cơ quan") as s:
            save_office(s, OfficeData(**{**office.__dict__, "signer_name": "  "}))
    with db.transaction("Cơ quan") as s:
        save_office(s, OfficeData(**{**office.__dict__, "signer_name": " Trần  Văn Bình ",
                                     "recipients": ("Như trên", "", "Lưu: VT")}))
    with db.reading() as s:
        office = load_office(s)
    assert office.signer_name == "Trần Văn Bình"
    assert office.recipients == ("Như trên", "Lưu: VT")
