"""Every bundled plan template parses, and the key numbers of each seed are in it."""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from pathlib import Path

import pytest

from desktop.domain.plan import Operator, Plan, ReviewKind
from desktop.domain.plan_schema import parse_plan

PLANS_DIR = Path(__file__).resolve().parents[1] / "resources" / "plans"
PLAN_FILES = sorted(PLANS_DIR.glob("*.toml"))


def load(code: str) -> Plan:
    path = PLANS_DIR / f"{code}.toml"
    with path.open("rb") as f:
        return parse_plan(tomllib.load(f), origin=path.name)


def criterion(plan: Plan, code: str):
    for c in plan.criteria:
        if c.code == code:
            return c
    raise KeyError(code)


def rule(plan: Plan, code: str) -> tuple[str, str, float | dt.date | None, bool]:
    c = criterion(plan, code)
    return (c.indicator, c.op.value, c.threshold, c.mandatory)


def quota_map(
    plan: Plan,
) -> dict[tuple[str | None, str], tuple[int | None, int | None, float | None]]:
    out = {}
    for q in plan.quotas:
        key = (q.block, q.review)
        assert key not in out, f"quota trùng cho {key}"
        out[key] = (q.collectives, q.individuals, q.leader_share_max)
    return out


# ---- every bundled plan -------------------------------------------------------


def test_the_four_templates_are_bundled() -> None:
    names = {p.stem for p in PLAN_FILES}
    assert {
        "ninh-son-2022",
        "binh-phuoc-2022",
        "quang-ninh-2022",
        "can-tho-2022",
        "dien-bien-2023",
    } <= names


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_bundled_plan_parses(path: Path) -> None:
    with path.open("rb") as f:
        plan = parse_plan(tomllib.load(f), origin=path.name)
    assert plan.code == path.stem
    assert plan.indicators and plan.periods
    for c in plan.criteria:
        assert c.source, c.code
    for p in plan.periods:
        assert p.starts <= p.ends
    period_codes = {p.code for p in plan.periods}
    for q in plan.quotas:
        assert q.review in period_codes


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_bundled_plan_text_is_nfc(path: Path) -> None:
    # Vietnamese with precomposed diacritics only: a decomposed "ệ" would not match on search.
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


# ---- binh-phuoc-2022 (seed 000) -------------------------------------------------


def test_binh_phuoc_identity_and_dossier() -> None:
    plan = load("binh-phuoc-2022")
    assert plan.issued_on == dt.date(2022, 5, 26)
    assert plan.level == "tỉnh"
    assert plan.place == "Bình Phước"
    assert set(plan.unit_kinds) == {"department", "district", "commune", "enterprise"}
    assert len(plan.dossier) == 3
    assert plan.dossier[0].startswith("Tờ trình")
    assert "Biên bản họp Hội đồng Thi đua - Khen thưởng" in plan.dossier[1]
    assert "Mẫu số 07" in plan.dossier[2] and "91/2017/NĐ-CP" in plan.dossier[2]
    assert len([u for u in plan.units if u.kind == "district"]) == 11
    assert plan.ranking is None


def test_binh_phuoc_thresholds() -> None:
    plan = load("binh-phuoc-2022")
    assert rule(plan, "XA_HSCV") == ("HSCV_MANG", ">=", 60.0, True)
    assert rule(plan, "HUYEN_HSCV") == ("HSCV_MANG", ">=", 80.0, True)
    assert rule(plan, "SO_HSCV") == ("HSCV_MANG", ">=", 90.0, True)
    assert rule(plan, "SO_LGSP") == ("CSDL_LGSP", ">=", 70.0, True)
    for code in ("XA_VBDT", "HUYEN_VBDT", "SO_VBDT"):
        assert rule(plan, code) == ("VB_DIEN_TU", ">=", 100.0, True)
    for code in ("XA_BCPM", "HUYEN_BCPM"):
        assert rule(plan, code) == ("BC_PM_TINH", ">=", 100.0, True)
    assert rule(plan, "XA_SANG_KIEN") == ("SANG_KIEN", ">=", 1.0, True)
    assert rule(plan, "XA_KE_HOACH") == ("NGAY_KH_PD", "by", dt.date(2022, 6, 30), True)
    assert criterion(plan, "XA_HSCV").unit_kinds == ("commune",)
    assert criterion(plan, "XA_HSCV").source == "IV.1.3"
    # targets to 2025 (III): tracked, not mandatory
    assert rule(plan, "CT_CAP_QUANG_HO") == ("CAP_QUANG_HO", ">", 80.0, False)
    assert rule(plan, "CT_TK_THANH_TOAN") == ("TK_THANH_TOAN", ">", 50.0, False)
    assert rule(plan, "CT_HS_TTHC_TRUC_TUYEN")[1:] == (">=", 80.0, False)
    assert all(not c.mandatory for c in plan.criteria if c.code.startswith("CT_"))


def test_binh_phuoc_periods() -> None:
    plan = load("binh-phuoc-2022")
    assert len(plan.periods) == 8
    for year in range(2022, 2026):
        half = plan.period(f"{year}-6T")
        assert half.label == f"6 tháng đầu năm {year}"
        assert half.deadline == dt.date(year, 6, 15)
        assert half.review is ReviewKind.HALF
        assert (half.starts, half.ends) == (dt.date(year, 1, 1), dt.date(year, 6, 30))
        whole = plan.period(str(year))
        assert whole.label.startswith(f"Năm {year}")
        assert whole.deadline == dt.date(year, 12, 15)
    assert plan.period("2023").review is ReviewKind.MIDTERM
    assert plan.period("2025").review is ReviewKind.FINAL
    assert plan.period("2022").review is ReviewKind.YEAR


def test_binh_phuoc_quotas() -> None:
    plan = load("binh-phuoc-2022")
    assert quota_map(plan) == {
        (None, "2023"): (7, 15, 40.0),
        (None, "2025"): (10, 20, 40.0),
    }
    assert {q.award for q in plan.quotas} == {"Bằng khen của Chủ tịch UBND tỉnh"}


# ---- quang-ninh-2022 (seed 001) -------------------------------------------------


def test_quang_ninh_dti_and_ranking() -> None:
    plan = load("quang-ninh-2022")
    assert plan.number == "2025/QĐ-UBND"
    assert plan.issued_on == dt.date(2022, 7, 15)
    for code, kind in (
        ("SO_DTI_TOT", "department"),
        ("HUYEN_DTI_TOT", "district"),
        ("XA_DTI_TOT", "commune"),
    ):
        assert rule(plan, code) == ("DIEM_DTI", ">=", 85.0, True)
        assert criterion(plan, code).unit_kinds == (kind,)
        assert criterion(plan, code).source == "IV.2.a"
    assert plan.ranking is not None
    assert plan.ranking.indicator == "DIEM_DTI" and plan.ranking.descending
    assert rule(plan, "CT_CAP_QUANG_HO") == ("CAP_QUANG_HO", ">=", 95.0, False)
    assert rule(plan, "CT_KIEM_TRA_SO") == ("KIEM_TRA_SO", ">=", 50.0, False)
    # IV.3.b: Bằng khen at sơ kết and tổng kết with no number fixed ("không giới hạn")
    assert [(q.review, q.award, q.collectives, q.individuals, q.source)
            for q in plan.quotas] == [
        ("2023", "Bằng khen của Chủ tịch UBND tỉnh", None, None, "IV.3.b"),
        ("2025", "Bằng khen của Chủ tịch UBND tỉnh", None, None, "IV.3.b"),
    ]
    assert plan.indicator("DIEM_DTI").maximum == 100
    assert len(plan.dossier) == 3
    assert len(plan.units) == 13


def test_quang_ninh_periods() -> None:
    plan = load("quang-ninh-2022")
    assert [p.code for p in plan.periods] == ["2022", "2023", "2024", "2025"]
    for p in plan.periods:
        assert p.deadline == dt.date(int(p.code), 12, 15)
    assert plan.period("2023").review is ReviewKind.MIDTERM
    assert plan.period("2025").review is ReviewKind.FINAL


# ---- can-tho-2022 (seed 002) ----------------------------------------------------


def test_can_tho_blocks_and_units() -> None:
    plan = load("can-tho-2022")
    assert plan.number == "140/KH-UBND"
    assert plan.issued_on == dt.date(2022, 6, 22)
    assert [b.code for b in plan.blocks] == ["K1", "K2", "K3", "K4"]
    kinds_by_block = {"K1": "department", "K2": "district", "K3": "commune", "K4": "enterprise"}
    for u in plan.units:
        assert u.block in kinds_by_block
        assert u.kind == kinds_by_block[u.block], u.code
    districts = {u.code: u.name for u in plan.units if u.block == "K2"}
    assert districts == {
        "916": "Quận Ninh Kiều",
        "917": "Quận Ô Môn",
        "918": "Quận Bình Thủy",
        "919": "Quận Cái Răng",
        "923": "Quận Thốt Nốt",
        "924": "Huyện Vĩnh Thạnh",
        "925": "Huyện Cờ Đỏ",
        "926": "Huyện Phong Điền",
        "927": "Huyện Thới Lai",
    }
    k1 = {u.name for u in plan.units if u.block == "K1"}
    assert "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ" in k1
    # Khối 3: the statistics office's list as of 17/5/2022, 83 communes, wards, townships
    k3 = {u.code: u.name for u in plan.units if u.block == "K3"}
    assert len(k3) == 83
    assert k3["31117"] == "Phường Cái Khế" and all(c.startswith("31") for c in k3)
    assert sum(n.startswith("Phường ") for n in k3.values()) == 42
    assert sum(n.startswith("Thị trấn ") for n in k3.values()) == 5
    assert plan.ranking is not None and plan.ranking.indicator == "DIEM_DTI"


def test_can_tho_block_quotas() -> None:
    plan = load("can-tho-2022")
    quotas = quota_map(plan)
    assert len(quotas) == 16
    yearly = {"K1": (1, 1), "K2": (1, 1), "K3": (3, 3), "K4": (1, 0)}
    final = {"K1": (3, 3), "K2": (3, 3), "K3": (6, 9), "K4": (3, 0)}
    for year in ("2022", "2023", "2024"):
        for block, (coll, ind) in yearly.items():
            assert quotas[(block, year)] == (coll, ind, None), (block, year)
    for block, (coll, ind) in final.items():
        assert quotas[(block, "2025")] == (coll, ind, None), block
    assert {q.award for q in plan.quotas} == {"Bằng khen của Chủ tịch UBND thành phố"}
    assert plan.period("2025").review is ReviewKind.FINAL


# ---- dien-bien-2023 (seed 004) --------------------------------------------------


def test_dien_bien_targets_and_periods() -> None:
    plan = load("dien-bien-2023")
    assert plan.number == "665/KH-SKHCN"
    assert plan.issued_on == dt.date(2023, 6, 13)
    assert plan.unit_kinds == ("department",)
    assert rule(plan, "CT_KIEM_TRA_SO") == ("KIEM_TRA_SO", ">=", 50.0, False)
    for code in (
        "CT_VBDT",
        "CT_DINH_DANH",
        "CT_DIEU_HANH_MANG",
        "CT_BCPM",
        "CT_HTTT_GIAM_SAT",
        "CT_KY_NANG_SO",
    ):
        c = criterion(plan, code)
        assert (c.op, c.threshold, c.mandatory) == (Operator.GE, 100.0, False), code
    assert [p.code for p in plan.periods] == [str(y) for y in range(2023, 2031)]
    assert plan.period("2025").review is ReviewKind.MIDTERM
    assert plan.period("2030").review is ReviewKind.FINAL


def test_launch_plan_deadlines_are_2022_tasks() -> None:
    """A unit late with its 2022 launch plan does not fail 2023-2025 for it."""
    for code, criteria, periods in (
        ("ninh-son-2022", ("XA_KE_HOACH", "PB_KE_HOACH"), ("2022",)),
        ("binh-phuoc-2022", ("SO_KE_HOACH", "HUYEN_KE_HOACH", "XA_KE_HOACH"),
         ("2022-6T", "2022")),
    ):
        plan = load(code)
        for c in criteria:
            assert criterion(plan, c).periods == periods, (code, c)
        kind = criterion(plan, criteria[0]).unit_kinds[0]
        assert criteria[0] in {x.code for x in plan.criteria_for(kind, periods[-1])}
        assert criteria[0] not in {x.code for x in plan.criteria_for(kind, "2023")}


def test_ninh_son_enterprises_and_departments() -> None:
    plan = load("ninh-son-2022")
    assert "enterprise" in plan.unit_kinds
    assert {c.code: c.source for c in plan.criteria_for("enterprise")} == {
        "DN_DANG_KY": "V.1.1", "DN_SANG_KIEN": "V.1.1", "DN_SAN_PHAM": "V.1.1.c"}
    dept = {c.code: c for c in plan.criteria_for("department")}
    assert rule(plan, "PB_SANG_KIEN") == ("SANG_KIEN", ">=", 1.0, True)
    assert rule(plan, "PB_HOAN_THANH")[:2] == ("HOAN_THANH_NV", "true")
    assert dept["PB_HOAN_THANH"].source == "V.1.1.a" and dept["PB_SANG_KIEN"].source == "V.1.1"
    # the plan states no dossier (V.2 gives only the numbers): the office's own choice
    assert len(plan.dossier) == 3 and plan.extras["dossier_by"] == "office"
