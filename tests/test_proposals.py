"""Commendation proposals: quotas, leader share, evaluation, dossier, duplicates; store; CLI.

For each of the Ninh Sơn, Bình Phước and Cần Thơ plans a database is built with some units
passing the review's period, and a set of proposals breaks each rule of the plan once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.cli import main
from desktop.domain.errors import DomainError
from desktop.domain.office import OfficeSettings
from desktop.domain.period_report import SubmissionInfo, build_period_report
from desktop.domain.plan import IndicatorKind, Operator, Plan, Unit
from desktop.domain.proposals import (
    Proposal,
    ProposalError,
    check_proposals,
    quota_usage,
    resolve_award,
    resolve_document,
    suggest,
)
from desktop.domain.values import Value
from desktop.exchange.proposals_export import (
    ProposalList,
    build_official_report,
    write_pdf,
    write_xlsx,
)
from desktop.paths import evidence_dir
from desktop.plan_catalog import load_bundled
from desktop.store.database import Database
from desktop.store.models import AuditRow, ProposalDocumentRow, UnitRow
from desktop.store.plans import install_plan, load_plan
from desktop.store.proposals import (
    add_collective,
    add_individual,
    attachment_path,
    check_review,
    list_proposals,
    remove_proposal,
    review_report,
    set_document,
    suggest_review,
)
from desktop.store.submissions import period_report, save_submission

# --------------------------------------------------------------------------- values


def _value_for(plan: Plan, indicator: str, op: Operator, threshold: object, ok: bool) -> Value:
    kind = plan.indicator(indicator).kind
    if op is Operator.TRUE:
        return Value(flag=ok)
    if op is Operator.BY:
        assert isinstance(threshold, dt.date)
        return Value(day=threshold if ok else threshold + dt.timedelta(days=30))
    assert isinstance(threshold, float)
    if op is Operator.GE:
        target = threshold if ok else threshold - 1
    elif op is Operator.GT:
        target = threshold + 1 if ok else threshold
    elif op is Operator.LE:
        target = threshold if ok else threshold + 1
    else:
        target = threshold if ok else threshold + 1
    target = max(target, 0.0)
    if kind is IndicatorKind.RATIO:
        return Value(numerator=math.floor(target) if not ok else math.ceil(target), denominator=100)
    return Value(number=target)


def values_for(plan: Plan, unit_kind: str, *, passing: bool, score: float) -> dict[str, Value]:
    """Values meeting every mandatory criterion of the kind (or failing the first one)."""
    values: dict[str, Value] = {}
    failed = False
    for c in plan.criteria_for(unit_kind):
        if not c.mandatory:
            continue
        ok = passing or failed
        values[c.indicator] = _value_for(plan, c.indicator, c.op, c.threshold, ok)
        failed = True
    if plan.ranking is not None:
        ind = plan.indicator(plan.ranking.indicator)
        if unit_kind in ind.unit_kinds and not any(
            c.indicator == ind.code for c in plan.criteria_for(unit_kind)
        ):
            values[ind.code] = Value(number=score)
    return values


CAN_THO_COMMUNES = [
    ("31117", "Phường Cái Khế"),
    ("31120", "Phường An Hòa"),
    ("31123", "Phường Thới Bình"),
    ("31126", "Phường An Nghiệp"),
]


def build_db(
    tmp_path: Path, code: str, review: str, passing: dict[str, float], failing: list[str]
) -> Database:
    """A database of the bundled plan; `passing` units (with their ranking score) pass the
    review's period, `failing` units fail it; the others did not report."""
    db = Database.open(tmp_path / "x.db", create=True)
    plan = load_bundled(code)
    with db.transaction("Khởi tạo") as s:
        install_plan(s, plan)  # Cần Thơ's Khối 3 holds the city's communes (CAN_THO_COMMUNES)
        plan = load_plan(s)
        kinds = {u.code: u.kind for u in s.scalars(select(UnitRow))}
        deadline = plan.period(review).deadline
        for ucode, score in passing.items():
            save_submission(
                s,
                plan,
                ucode,
                review,
                values_for(plan, kinds[ucode], passing=True, score=score),
                received_on=deadline,
            )
        for ucode in failing:
            save_submission(
                s,
                plan,
                ucode,
                review,
                values_for(plan, kinds[ucode], passing=False, score=50.0),
                received_on=deadline,
            )
    with db.reading() as s:
        report = period_report(s, review)
    for ucode in passing:
        assert report.unit(ucode).result.value == "pass", ucode
    for ucode in failing:
        assert report.unit(ucode).result.value == "fail", ucode
    return db


def full(plan: Plan) -> dict[str, Path | None]:
    return {name: None for name in plan.dossier}


def add_people(
    s,
    plan: Plan,
    review: str,
    n: int,
    *,
    leaders: int = 0,
    unit: str | None = None,
    prefix: str = "Cán bộ",
) -> list[int]:
    ids = []
    for i in range(n):
        p = add_individual(
            s,
            review,
            f"{prefix} {i + 1}",
            "Phó Trưởng phòng" if i < leaders else "Chuyên viên",
            unit_code=unit,
            is_leader=i < leaders,
            documents=full(plan),
        )
        ids.append(p.id)
    return ids


def by_rule(result) -> dict[str, list]:
    out: dict[str, list] = {}
    for b in result.breaches:
        out.setdefault(str(b.rule), []).append(b)
    return out


def criterion_source(plan: Plan, unit_kind: str) -> str:
    first = next(c for c in plan.criteria_for(unit_kind) if c.mandatory)
    return first.source


# --------------------------------------------------------------------------- Ninh Sơn

NS_PASS = {"22810": 78.5, "22813": 72.5, "22816": 65.0, "22819": 72.5, "22822": 60.0, "22825": 58.0}
NS_FAIL = ["22828"]


def test_ninh_son_every_rule_broken_once(tmp_path: Path) -> None:
    db = build_db(tmp_path, "ninh-son-2022", "2023", NS_PASS, NS_FAIL)
    with db.transaction("Đề nghị") as s:
        plan = load_plan(s)
        collectives = [add_collective(s, "2023", u, documents=full(plan)).id for u in NS_PASS]
        not_passed = add_collective(s, "2023", "22828", documents=full(plan)).id
        dup = add_collective(s, "2023", "22810", documents=full(plan)).id
        people = add_people(s, plan, "2023", 6, leaders=6, unit="22813")
        lacking = add_individual(
            s,
            "2023",
            "Trần Thị B",
            "Công chức",
            unit_code="22816",
            documents={plan.dossier[0]: None, plan.dossier[2]: None},
        ).id
    with db.reading() as s:
        result = check_review(s, "2023")
    db.close()
    rules = by_rule(result)
    # no leader share in this plan: six leaders out of seven is no breach
    assert set(rules) == {
        "QUOTA_COLLECTIVES",
        "QUOTA_INDIVIDUALS",
        "COLLECTIVE_NOT_PASSED",
        "DOSSIER_INCOMPLETE",
        "DUPLICATE",
    }
    assert all(len(v) == 1 for v in rules.values())
    q = rules["QUOTA_COLLECTIVES"][0]
    assert q.source == "V.2"
    assert set(q.proposal_ids) == {*collectives, not_passed, dup}
    assert "8 tập thể" in q.message and "không quá 5 tập thể" in q.message
    assert "Giấy khen của Chủ tịch UBND huyện" in q.message
    qi = rules["QUOTA_INDIVIDUALS"][0]
    assert qi.source == "V.2" and "7 cá nhân" in qi.message and "không quá 5" in qi.message
    assert set(qi.proposal_ids) == {*people, lacking}
    np_ = rules["COLLECTIVE_NOT_PASSED"][0]
    assert np_.proposal_ids == (not_passed,)
    assert np_.source == criterion_source(plan, "commune")
    assert "Xã Ma Nới" in np_.message and "không đạt" in np_.message
    d = rules["DOSSIER_INCOMPLETE"][0]
    # the plan states no dossier: the office's own choice, cited with no clause
    assert d.proposal_ids == (lacking,) and d.source == ""
    assert "do cơ quan tự quy định" in d.message
    assert plan.dossier[1] in d.message and "1/3" in d.message
    du = rules["DUPLICATE"][0]
    assert set(du.proposal_ids) == {collectives[0], dup} and "2 lần" in du.message


def test_ninh_son_valid_set_is_clean(tmp_path: Path) -> None:
    db = build_db(tmp_path, "ninh-son-2022", "2023", NS_PASS, NS_FAIL)
    with db.transaction("Đề nghị") as s:
        plan = load_plan(s)
        for u in list(NS_PASS)[:5]:
            add_collective(s, "2023", u, documents=full(plan))
        add_people(s, plan, "2023", 5, leaders=5, unit="22813")
    with db.reading() as s:
        result = check_review(s, "2023")
        assert suggest_review(s, "2023") == []  # the five collectives are used up
    db.close()
    assert result.ok, result.breaches
    (u,) = result.usage
    assert (u.collectives, u.individuals, u.remaining_collectives) == (5, 5, 0)


# --------------------------------------------------------------------------- Bình Phước

BP_PASS = {
    code: 90.0 - i
    for i, code in enumerate(["688", "689", "690", "691", "692", "693", "694", "695", "696"])
}


def _bp_units() -> list[str]:
    return [u.code for u in load_bundled("binh-phuoc-2022").units]


def test_binh_phuoc_units_are_as_expected() -> None:
    units = _bp_units()
    assert len(units) == 11 and set(BP_PASS) <= set(units)


def test_binh_phuoc_every_rule_broken_once(tmp_path: Path) -> None:
    failing = [u for u in _bp_units() if u not in BP_PASS][:1]
    db = build_db(tmp_path, "binh-phuoc-2022", "2023", BP_PASS, failing)
    with db.transaction("Đề nghị") as s:
        plan = load_plan(s)
        collectives = [
            add_collective(s, "2023", u, documents=full(plan)).id for u in list(BP_PASS)[:6]
        ]
        not_passed = add_collective(s, "2023", failing[0], documents=full(plan)).id
        dup = add_collective(s, "2023", "688", documents=full(plan)).id
        people = add_people(s, plan, "2023", 15, leaders=7, unit="689")
        lacking = add_individual(s, "2023", "Lê Văn C", "Chuyên viên", unit_code="690").id
    with db.reading() as s:
        result = check_review(s, "2023")
    db.close()
    rules = by_rule(result)
    assert set(rules) == {
        "QUOTA_COLLECTIVES",
        "QUOTA_INDIVIDUALS",
        "LEADER_SHARE",
        "COLLECTIVE_NOT_PASSED",
        "DOSSIER_INCOMPLETE",
        "DUPLICATE",
    }
    assert all(len(v) == 1 for v in rules.values())
    q = rules["QUOTA_COLLECTIVES"][0]
    assert q.source == "IV.3" and "8 tập thể" in q.message and "không quá 7" in q.message
    assert set(q.proposal_ids) == {*collectives, not_passed, dup}
    qi = rules["QUOTA_INDIVIDUALS"][0]
    assert qi.source == "IV.3" and "16 cá nhân" in qi.message and "không quá 15" in qi.message
    ls = rules["LEADER_SHARE"][0]
    assert ls.source == "IV.3"
    assert set(ls.proposal_ids) == set(people[:7])
    # 7 of 16 = 43,75 % > 40 %: at most 6 leaders
    assert "7/16" in ls.message and "43,75 %" in ls.message and "40 %" in ls.message
    assert "tối đa 6" in ls.message
    np_ = rules["COLLECTIVE_NOT_PASSED"][0]
    assert np_.proposal_ids == (not_passed,)
    assert np_.source == criterion_source(plan, "district")
    d = rules["DOSSIER_INCOMPLETE"][0]
    assert d.proposal_ids == (lacking,) and "3/3" in d.message
    assert d.source == "IV.3"  # the schema keeps no clause for the dossier (IV.4)
    du = rules["DUPLICATE"][0]
    assert set(du.proposal_ids) == {collectives[0], dup}


def test_binh_phuoc_valid_set_with_forty_percent_leaders(tmp_path: Path) -> None:
    db = build_db(tmp_path, "binh-phuoc-2022", "2023", BP_PASS, [])
    with db.transaction("Đề nghị") as s:
        plan = load_plan(s)
        for u in list(BP_PASS)[:7]:
            add_collective(s, "2023", u, documents=full(plan))
        add_people(s, plan, "2023", 15, leaders=6, unit="689")  # 6/15 = 40 %: allowed
    with db.reading() as s:
        result = check_review(s, "2023")
    db.close()
    assert result.ok, result.breaches
    (u,) = result.usage
    assert (u.collectives, u.individuals, u.leaders, u.leaders_allowed) == (7, 15, 6, 6)


# --------------------------------------------------------------------------- Cần Thơ

CT_K1 = ["CT-VPUB", "CT-SNV"]


def _ct_units(block: str) -> list[str]:
    return [u.code for u in load_bundled("can-tho-2022").units if u.block == block]


def test_can_tho_every_rule_broken_once(tmp_path: Path) -> None:
    k1, k2, k4 = _ct_units("K1")[:2], _ct_units("K2")[:1], _ct_units("K4")[:1]
    c1, c2, c3, _ = (c for c, _ in CAN_THO_COMMUNES)
    passing = {k1[0]: 95.0, k1[1]: 90.0, k2[0]: 88.0, c1: 80.0, c2: 75.0, k4[0]: 0.0}
    db = build_db(tmp_path, "can-tho-2022", "2023", passing, [c3])
    with db.transaction("Đề nghị") as s:
        plan = load_plan(s)
        assert plan.dossier == ()
        k1_ids = [add_collective(s, "2023", u).id for u in k1]  # 2 > 1 in Khối 1
        add_collective(s, "2023", k2[0])
        first = add_collective(s, "2023", c1).id
        dup = add_collective(s, "2023", c1).id  # Khối 3: c1 twice + c3 = 3, within 3
        not_passed = add_collective(s, "2023", c3).id
        k4_person = add_individual(s, "2023", "Phạm Văn D", "Giám đốc", unit_code=k4[0]).id
        add_individual(s, "2023", "Võ Thị E", "Chuyên viên", unit_code=k2[0], is_leader=True)
    with db.reading() as s:
        result = check_review(s, "2023")
        usage = {u.quota.block: u for u in result.usage}
    db.close()
    rules = by_rule(result)
    # no dossier and no leader share in this plan: neither is reported
    assert set(rules) == {
        "QUOTA_COLLECTIVES",
        "QUOTA_INDIVIDUALS",
        "COLLECTIVE_NOT_PASSED",
        "DUPLICATE",
    }
    assert all(len(v) == 1 for v in rules.values())
    q = rules["QUOTA_COLLECTIVES"][0]
    assert q.source == "III.2.a" and set(q.proposal_ids) == set(k1_ids)
    assert "Khối 1" in q.message and "2 tập thể" in q.message and "không quá 1" in q.message
    qi = rules["QUOTA_INDIVIDUALS"][0]
    assert qi.proposal_ids == (k4_person,) and "Khối 4" in qi.message
    assert "không quá 0 cá nhân" in qi.message
    np_ = rules["COLLECTIVE_NOT_PASSED"][0]
    assert np_.proposal_ids == (not_passed,)
    assert np_.source == criterion_source(plan, "commune")
    assert set(rules["DUPLICATE"][0].proposal_ids) == {first, dup}
    assert (usage["K3"].collectives, usage["K2"].individuals) == (3, 1)


def test_can_tho_valid_set_is_clean_and_suggestions_fill_blocks(tmp_path: Path) -> None:
    k1, k2, k4 = _ct_units("K1")[:3], _ct_units("K2")[:2], _ct_units("K4")[:1]
    c1, c2, c3, c4 = (c for c, _ in CAN_THO_COMMUNES)
    passing = {
        k1[0]: 95.0,
        k1[1]: 97.0,
        k1[2]: 60.0,
        k2[0]: 88.0,
        k2[1]: 91.0,
        c1: 80.0,
        c2: 75.0,
        c3: 85.0,
        c4: 70.0,
        k4[0]: 0.0,
    }
    db = build_db(tmp_path, "can-tho-2022", "2023", passing, [])
    with db.reading() as s:
        sugg = suggest_review(s, "2023")
    picked = Counter(x.block for x in sugg)
    assert picked == {"K1": 1, "K2": 1, "K3": 3, "K4": 1}
    by_block = {b: [x.unit_code for x in sugg if x.block == b] for b in picked}
    assert by_block["K1"] == [k1[1]] and by_block["K2"] == [k2[1]]  # the best of each block
    assert by_block["K3"] == [c3, c1, c2]
    assert [x.rank for x in sugg if x.block == "K3"] == [1, 2, 3]
    with db.transaction("Đề nghị") as s:
        for x in sugg:
            add_collective(s, "2023", x.unit_code)
        add_individual(s, "2023", "Nguyễn Văn F", "Chánh Văn phòng", unit_code=k1[1])
        add_individual(s, "2023", "Nguyễn Văn G", "Phó Chủ tịch UBND", unit_code=k2[1])
        add_individual(s, "2023", "Nguyễn Văn H", "Chủ tịch UBND phường", unit_code=c3)
    with db.reading() as s:
        result = check_review(s, "2023")
        assert suggest_review(s, "2023") == []
        data = ProposalList(
            plan=load_plan(s),
            check=result,
            report=review_report(s, "2023"),
            office=OfficeSettings(parent_body="UBND thành phố Cần Thơ", place="Cần Thơ"),
            generated_on=dt.date(2024, 1, 5),
        )
    db.close()
    assert result.ok, result.breaches
    # the export shows the counts against the quota of every block
    write_xlsx(data, tmp_path / "ds.xlsx")
    rows = list(load_workbook(tmp_path / "ds.xlsx")["KhenThuong"].iter_rows(values_only=True))
    blocks = {r[0]: r[1:5] for r in rows if isinstance(r[0], str) and r[0].startswith("Khối")}
    assert blocks == {
        "Khối 1": (1, 1, 1, 1),
        "Khối 2": (1, 1, 1, 1),
        "Khối 3": (3, 3, 1, 3),
        "Khối 4": (1, 1, 0, 0),
    }
    report = build_official_report(data)
    assert report.date == dt.date(2024, 1, 5) and report.title == "DANH SÁCH"
    tables = [t for sec in report.sections for t in sec.paragraphs if not isinstance(t, str)]
    assert [len(t.rows) for t in tables] == [4, 6, 3]  # blocks, collectives, individuals
    write_pdf(data, tmp_path / "ds.pdf")
    assert (tmp_path / "ds.pdf").read_bytes().startswith(b"%PDF")


def test_can_tho_individual_needs_a_unit_for_the_block(tmp_path: Path) -> None:
    db = build_db(tmp_path, "can-tho-2022", "2023", {}, [])
    with pytest.raises(ProposalError, match="chia theo khối"), db.transaction("x") as s:
        add_individual(s, "2023", "Nguyễn Văn A", "Chuyên viên")
    db.close()


# --------------------------------------------------------------------------- domain


def _report(plan: Plan, review: str, units: list[Unit], scores: dict[str, float]):
    period = plan.period(review)
    subs = {
        u.code: SubmissionInfo(
            u.code,
            period.deadline,
            "email",
            "accepted",
            values_for(plan, u.kind, passing=True, score=scores[u.code]),
        )
        for u in units
        if u.code in scores
    }
    return build_period_report(plan, period, units, subs)


def _units(plan: Plan) -> list[Unit]:
    return [Unit(u.code, u.name, u.kind, u.block) for u in plan.units]


def test_no_quota_for_an_award_or_a_unit_outside_every_block() -> None:
    plan = load_bundled("can-tho-2022")
    report = _report(plan, "2023", _units(plan), {})
    award = plan.quotas[0].award
    stray = Proposal(1, "2023", award, "individual", person_name="A", position="B")
    other = Proposal(
        2,
        "2023",
        "Giấy khen của Giám đốc Sở",
        "collective",
        unit_code="CT-VPUB",
        unit_kind="department",
        unit_block="K1",
        documents={},
    )
    result = check_proposals(plan, "2023", [stray, other], report)
    rules = by_rule(result)
    assert [b.proposal_ids for b in rules["NO_QUOTA"]] == [(1,), (2,)]
    assert "chia theo khối" in rules["NO_QUOTA"][0].message
    assert "không quy định hình thức" in rules["NO_QUOTA"][1].message


def test_not_submitted_collective_is_not_passed() -> None:
    plan = load_bundled("ninh-son-2022")
    report = _report(plan, "2023", _units(plan), {})
    p = Proposal(
        1,
        "2023",
        plan.quotas[0].award,
        "collective",
        unit_code="22810",
        unit_name="Thị trấn Tân Sơn",
        documents={d: True for d in plan.dossier},
    )
    (b,) = check_proposals(plan, "2023", [p], report).breaches
    assert b.rule == "COLLECTIVE_NOT_PASSED" and "chưa nộp báo cáo" in b.message
    assert b.source == "V.2"


def test_award_and_document_resolution() -> None:
    plan = load_bundled("binh-phuoc-2022")
    assert resolve_award(plan, "2023", None) == "Bằng khen của Chủ tịch UBND tỉnh"
    assert resolve_award(plan, "2023", "bằng khen") == "Bằng khen của Chủ tịch UBND tỉnh"
    with pytest.raises(ProposalError, match="không có hình thức"):
        resolve_award(plan, "2023", "Huân chương Lao động")
    with pytest.raises(ProposalError, match="không quy định khen thưởng"):
        resolve_award(plan, "2024", None)
    with pytest.raises(ProposalError, match="Không có kỳ xét khen thưởng"):
        resolve_award(plan, "2030", None)
    assert resolve_document(plan, "2") == plan.dossier[1]
    assert resolve_document(plan, "tờ trình") == plan.dossier[0]
    with pytest.raises(ProposalError, match="không có trong thành phần hồ sơ"):
        resolve_document(plan, "Giấy chứng nhận")
    with pytest.raises(ProposalError, match="không quy định thành phần hồ sơ"):
        resolve_document(load_bundled("can-tho-2022"), "1")


def test_the_domain_imports_neither_qt_nor_sqlalchemy() -> None:
    source = Path(__import__("desktop.domain.proposals").domain.proposals.__file__).read_text(
        encoding="utf-8"
    )
    assert "sqlalchemy" not in source.lower() and "pyside" not in source.lower()


PLANS = {code: load_bundled(code) for code in ("ninh-son-2022", "binh-phuoc-2022", "can-tho-2022")}


@st.composite
def scenarios(draw):
    code = draw(st.sampled_from(sorted(PLANS)))
    plan = PLANS[code]
    review = draw(st.sampled_from(sorted({q.review for q in plan.quotas})))
    units = _units(plan)
    reporting = draw(st.lists(st.sampled_from([u.code for u in units]), unique=True))
    scores = {
        c: draw(st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 1))) for c in reporting
    }
    award = plan.quotas[0].award
    kinds = {u.code: u for u in units}
    proposed = draw(st.lists(st.sampled_from([u.code for u in units]), max_size=25))
    proposals = [
        Proposal(
            i + 1,
            review,
            award,
            "collective",
            unit_code=c,
            unit_kind=kinds[c].kind,
            unit_block=kinds[c].block,
        )
        for i, c in enumerate(proposed)
    ]
    return plan, review, _report(plan, review, units, scores), proposals


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_suggestions_never_exceed_the_remaining_quota(scenario) -> None:
    plan, review, report, proposals = scenario
    sugg = suggest(plan, review, proposals, report)
    usage = quota_usage(plan, review, proposals)
    for u in usage:
        mine = [x for x in sugg if x.award == u.quota.award and x.block == u.quota.block]
        left = u.remaining_collectives
        assert left is None or len(mine) <= left
    proposed = {p.unit_code for p in proposals}
    codes = [x.unit_code for x in sugg]
    assert len(codes) == len(set(codes))
    for x in sugg:
        assert x.unit_code not in proposed
        assert report.unit(x.unit_code).result.value == "pass"
        if x.block is not None:
            assert report.unit(x.unit_code).unit.block == x.block


# --------------------------------------------------------------------------- store


def test_a_dossier_copy_goes_again_when_its_transaction_fails(tmp_path: Path) -> None:
    db = build_db(tmp_path, "ninh-son-2022", "2023", NS_PASS, [])
    root = evidence_dir(db.path)
    kept = tmp_path / "to-trinh.pdf"
    kept.write_bytes(b"%PDF-1.4 committed")
    with db.transaction("Đề nghị") as s:
        a = add_collective(s, "2023", "22810")
        set_document(s, root, a.id, "1", file=kept)
    before = sorted(f.name for f in root.iterdir())
    fresh = tmp_path / "bien-ban.pdf"
    fresh.write_bytes(b"%PDF-1.4 never committed")
    with pytest.raises(RuntimeError), db.transaction("Đề nghị") as s:
        set_document(s, root, a.id, "2", file=fresh)  # a new copy
        set_document(s, root, a.id, "1", file=kept)  # already stored: not this one's
        assert len(list(root.iterdir())) == 2
        raise RuntimeError("mất điện giữa chừng")
    assert sorted(f.name for f in root.iterdir()) == before  # the committed copy stays
    with db.reading() as s:
        (p,) = list_proposals(s, "2023")
    assert set(p.attachments) == {load_bundled("ninh-son-2022").dossier[0]}


def test_documents_are_stored_once_under_their_hash_and_audited(tmp_path: Path) -> None:
    db = build_db(tmp_path, "ninh-son-2022", "2023", NS_PASS, [])
    scan = tmp_path / "to-trinh.PDF"
    scan.write_bytes(b"%PDF-1.4 to trinh")
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(scan.read_bytes())
    root = evidence_dir(db.path)
    with db.transaction("Đề nghị") as s:
        a = add_collective(s, "2023", "22810")
        b = add_collective(s, "2023", "22813")
        set_document(s, root, a.id, "1", file=scan)
        p = set_document(s, root, b.id, "Tờ trình đề nghị khen thưởng", file=copy)
        assert p.documents[load_plan(s).dossier[0]] is True
        assert p.attachments[load_plan(s).dossier[0]].file_name == "ban-sao.pdf"
    sha = hashlib.sha256(b"%PDF-1.4 to trinh").hexdigest()
    assert [f.name for f in root.iterdir()] == [f"{sha}.pdf"]
    with db.reading() as s:
        kept = [a for p in list_proposals(s, "2023") for a in p.attachments.values()]
    assert {a.sha256 for a in kept} == {sha}
    assert {attachment_path(root, a) for a in kept} == {root / f"{sha}.pdf"}
    with db.transaction("Thiếu") as s:
        p = set_document(s, root, a.id, "1", present=False)
        assert p.documents == {d: False for d in load_plan(s).dossier}
        assert p.attachments == {}
        removed = remove_proposal(s, b.id)
        assert removed.unit_code == "22813"
    with db.reading() as s:
        assert [p.unit_code for p in list_proposals(s, "2023")] == ["22810"]
        assert s.scalar(select(func.count()).select_from(ProposalDocumentRow)) == 1
        audited = {(r.action, r.table_name) for r in s.scalars(select(AuditRow))}
    assert {
        ("insert", "proposal"),
        ("delete", "proposal"),
        ("update", "proposal_document"),
    } <= audited
    db.close()


def test_store_refusals_change_nothing(tmp_path: Path) -> None:
    db = build_db(tmp_path, "ninh-son-2022", "2023", NS_PASS, [])
    for bad in (
        lambda s: add_collective(s, "2023", "99999"),
        lambda s: add_collective(s, "2022", "22810"),
        lambda s: add_collective(s, "2023", "22810", award="Bằng khen"),
        lambda s: add_collective(s, "2023", "22810", documents={"Quyết định": None}),
        lambda s: add_individual(s, "2023", "  ", "Chuyên viên"),
        lambda s: add_individual(s, "2023", "Nguyễn A", ""),
        lambda s: remove_proposal(s, 42),
    ):
        with pytest.raises(DomainError), db.transaction("x") as s:
            bad(s)
    with db.reading() as s:
        assert list_proposals(s) == []
    db.close()


# --------------------------------------------------------------------------- CLI


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "data"))


def run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(demo_target):
    """The demo database, on SQLite and on PostgreSQL (each CLI test runs on both)."""
    return demo_target


def test_cli_add_list_check_remove(demo, tmp_path, capsys):
    scan = tmp_path / "bao-cao.pdf"
    scan.write_bytes(b"bao cao thanh tich")
    code, out, err = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "add",
        "--review",
        "2023",
        "--collective",
        "22831",
        "--document",
        "1",
        "--document",
        "Biên bản",
        "--document",
        f"3={scan}",
        "--achievements",
        "Dẫn đầu Bộ chỉ số",
    )
    assert code == 0, err
    assert "Đã thêm đề nghị số 1" in out and "Xã Nhơn Sơn" in out and "Lưu ý" not in out
    code, out, _ = run(
        capsys, "--db", demo, "proposals", "add", "--review", "2023", "--collective", "22816"
    )
    assert code == 0
    assert "COLLECTIVE_NOT_PASSED" in out and "DOSSIER_INCOMPLETE" in out
    code, out, _ = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "add",
        "--review",
        "2023",
        "--individual",
        "Nguyễn Văn A",
        "--position",
        "Chủ tịch UBND xã",
        "--unit",
        "22831",
        "--leader",
    )
    assert code == 0

    code, out, _ = run(
        capsys, "--db", demo, "proposals", "list", "--review", "2023", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["plan"] == "ninh-son-2022" and data["review"] == "2023"
    assert [p["id"] for p in data["proposals"]] == [1, 2, 3]
    docs = data["proposals"][0]["documents"]
    assert all(d["present"] for d in docs) and docs[2]["file_name"] == "bao-cao.pdf"
    assert data["proposals"][2]["is_leader"] is True

    code, out, _ = run(
        capsys, "--db", demo, "proposals", "check", "--review", "2023", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["ok"] is False
    assert data["quotas"] == [
        {
            "award": "Giấy khen của Chủ tịch UBND huyện",
            "block": None,
            "source": "V.2",
            "collectives": {"proposed": 2, "max": 5},
            "individuals": {"proposed": 1, "max": 5},
            "leaders": {"proposed": 1, "max_share": None, "max": None},
        }
    ]
    rules = {(b["rule"], tuple(b["proposals"])) for b in data["breaches"]}
    assert rules == {
        ("COLLECTIVE_NOT_PASSED", (2,)),
        ("DOSSIER_INCOMPLETE", (2,)),
        ("DOSSIER_INCOMPLETE", (3,)),
    }
    assert data["summary"] == {"proposals": 3, "collectives": 2, "individuals": 1, "breaches": 3}

    code, out, _ = run(capsys, "--db", demo, "proposals", "check", "--review", "2023")
    assert code == 0 and "Có 3 vi phạm" in out and "V.1.1.b" in out

    code, out, _ = run(
        capsys, "--db", demo, "proposals", "suggest", "--review", "2023", "--format", "json"
    )
    data = json.loads(out)
    # the demo's 2023: 22831, 22810, 22813, 22819 pass; 22831 is proposed; 3 places left
    assert [s["unit"] for s in data["suggestions"]] == ["22810", "22813", "22819"]
    assert data["remaining"][0]["collectives"] == 3

    code, out, _ = run(capsys, "--db", demo, "proposals", "remove", "--review", "2023", "--id", 2)
    assert code == 0 and "Đã xóa đề nghị số 2" in out
    code, _, err = run(capsys, "--db", demo, "proposals", "remove", "--review", "2023", "--id", 2)
    assert code == 1 and "Không có đề nghị khen thưởng số 2" in err


def test_cli_refusals_in_vietnamese(demo, capsys):
    code, _, err = run(capsys, "--db", demo, "proposals", "list", "--review", "2030")
    assert code == 1 and "Không có kỳ xét khen thưởng '2030'" in err and "2023, 2025" in err
    code, _, err = run(
        capsys, "--db", demo, "proposals", "add", "--review", "2022", "--collective", "22831"
    )
    assert code == 1 and "không quy định khen thưởng ở kỳ Năm 2022" in err
    code, _, err = run(
        capsys, "--db", demo, "proposals", "add", "--review", "2023", "--collective", "99999"
    )
    assert code == 1 and "Không có đơn vị mã '99999'" in err
    code, _, err = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "add",
        "--review",
        "2023",
        "--collective",
        "22831",
        "--document",
        "Quyết định",
    )
    assert code == 1 and "không có trong thành phần hồ sơ" in err
    code, _, err = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "add",
        "--review",
        "2023",
        "--collective",
        "22831",
        "--document",
        "1=/khong/co/tep.pdf",
    )
    assert code == 1 and "Không tìm thấy tệp hồ sơ" in err
    code, _, err = run(capsys, "--db", demo, "proposals", "check")
    assert code == 2 and "thiếu tham số bắt buộc: --review" in err
    code, _, err = run(
        capsys, "--db", demo, "proposals", "add", "--review", "2023", "--individual", "Nguyễn Văn A"
    )
    assert code == 2 and "--position" in err
    code, _, err = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "add",
        "--review",
        "2023",
        "--collective",
        "22831",
        "--leader",
    )
    assert code == 2 and "chỉ dùng cho cá nhân" in err
    code, _, err = run(capsys, "--db", demo, "proposals", "export", "--review", "2023")
    assert code == 2 and "--xlsx" in err
    code, out, _ = run(
        capsys, "--db", demo, "proposals", "list", "--review", "2023", "--format", "json"
    )
    assert json.loads(out)["proposals"] == []  # nothing was written by the refusals


def test_cli_export_xlsx_and_pdf(demo, tmp_path, capsys):
    for argv in (
        ["--collective", "22831", "--document", "1", "--document", "2", "--document", "3"],
        [
            "--individual",
            '=HYPERLINK("x")',
            "--position",
            "-Chuyên viên",
            "--unit",
            "22813",
            "--achievements",
            "@SUM(A1)",
        ],
    ):
        assert run(capsys, "--db", demo, "proposals", "add", "--review", "2023", *argv)[0] == 0
    xlsx, pdf = tmp_path / "ds.xlsx", tmp_path / "ds.pdf"
    code, out, _ = run(
        capsys,
        "--db",
        demo,
        "proposals",
        "export",
        "--review",
        "2023",
        "--xlsx",
        xlsx,
        "--pdf",
        pdf,
    )
    assert code == 0 and str(xlsx) in out and str(pdf) in out and "1 vi phạm" in out
    wb = load_workbook(xlsx)
    ws = wb["KhenThuong"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    texts = [c for row in ws.iter_rows() for c in row if c.value is not None]
    values = [c.value for c in texts]
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in values and "Họ và tên" in values
    assert "Toàn kế hoạch" in values
    for c in texts:
        if isinstance(c.value, str) and c.value[:1] in "=+-@":
            assert c.data_type == "s" and c.quotePrefix, c.coordinate
    assert '=HYPERLINK("x")' in values and "-Chuyên viên" in values
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Toàn kế hoạch")
    assert row[1:5] == (1, 5, 1, 5)
    assert "22831" in values  # unit codes stay text
    assert pdf.read_bytes().startswith(b"%PDF")
    import shutil
    import subprocess
    import unicodedata

    if shutil.which("pdftotext"):
        text = unicodedata.normalize(
            "NFC",
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout,
        )
        flat = " ".join(text.split())
        assert "DANH SÁCH" in flat and "Xã Nhơn Sơn" in flat
        assert "GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN" in flat
        assert "Đề nghị 1 tập thể (hạn mức không quá 5) và 1 cá nhân" in flat
