"""A broken plan file is reported clearly, where and why."""

import tomllib

import pytest

from desktop.domain.errors import PlanError
from desktop.domain.plan_schema import parse_plan
from desktop.paths import resource_path
from desktop.plan_catalog import load_bundled, load_plan_file


def doc():
    with resource_path("plans", "ninh-son-2022.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_ninh_son_is_complete():
    plan = load_bundled("ninh-son-2022")
    assert [u.code for u in plan.units] == [
        "22810",
        "22813",
        "22816",
        "22819",
        "22822",
        "22825",
        "22828",
        "22831",
    ]
    rules = {c.code: (c.indicator, c.rule, c.mandatory, c.source) for c in plan.criteria}
    assert rules["XA_HSCV"] == ("HSCV_MANG", ">= 65", True, "V.1.1.b, III.1.2")
    assert rules["XA_KE_HOACH"][1] == "by 2022-09-20"
    assert rules["CT_CAP_QUANG_HO"][1:3] == ("> 90", False)
    assert [p.deadline.isoformat() for p in plan.periods] == [
        "2022-12-15",
        "2023-12-15",
        "2024-12-15",
        "2025-12-15",
    ]
    assert [(q.review, q.collectives, q.individuals) for q in plan.quotas] == [
        ("2023", 5, 5),
        ("2025", 10, 10),
    ]
    assert plan.ranking and plan.ranking.indicator == "DIEM_DTI"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["criteria"][0].update(op="~="), "toán tử không hợp lệ '~='"),
        (lambda d: d["criteria"][3].update(indicator="KHONG_CO"), "chỉ tiêu 'KHONG_CO' không có"),
        (lambda d: d["indicators"].append(dict(d["indicators"][0])), "mã 'HSCV_MANG' bị trùng"),
        (lambda d: d["indicators"][0].update(kind="vector"), "loại chỉ tiêu không hợp lệ"),
        (lambda d: d["criteria"][3].update(threshold="65"), "ngưỡng phải là một số"),
        (lambda d: d["periods"][0].update(deadline="15/12/2022"), "phải là ngày"),
        (lambda d: d["units"][0].update(kind="village"), "loại đơn vị 'village'"),
        (lambda d: d["quotas"][0].update(review="2099"), "kỳ '2099' không có"),
        (lambda d: d.pop("plan"), "thiếu mục [plan]"),
    ],
)
def test_broken_plans_are_reported(mutate, message):
    d = doc()
    mutate(d)
    with pytest.raises(PlanError) as err:
        parse_plan(d, origin="x.toml")
    assert message in err.value.message


def test_broken_toml_syntax(tmp_path):
    bad = tmp_path / "hong.toml"
    bad.write_text("[plan\ncode = 1", encoding="utf-8")
    with pytest.raises(PlanError, match="sai cú pháp TOML"):
        load_plan_file(bad)


def test_unknown_bundled_plan():
    with pytest.raises(PlanError, match="Không có kế hoạch mẫu 'khong-co'"):
        load_bundled("khong-co")
