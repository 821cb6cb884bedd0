"""Plan validity is one set of rules (domain.plan_rules), asked by the plan file parser,
the store's plan edits and the command line alike; NaN and infinity are refused."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.errors import PlanError
from desktop.domain.plan import IndicatorKind, Operator
from desktop.domain.plan_rules import period_problem, quota_problem, threshold_problem
from desktop.domain.plan_schema import parse_plan
from desktop.paths import resource_path
from desktop.store.database import Database
from desktop.store.errors import StoreError
from desktop.store.plan_edit import CriterionEdit, apply_plan_edits, load_editable

FINITE = "ngưỡng phải là một số hữu hạn (không nhận NaN hay vô cực)"
PLAN = resource_path("plans", "ninh-son-2022.toml")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("kind", [IndicatorKind.RATIO, IndicatorKind.COUNT, IndicatorKind.SCORE])
def test_a_threshold_that_is_not_finite_is_refused(kind: IndicatorKind, bad: float) -> None:
    assert threshold_problem(kind, Operator.GE, bad) == FINITE


@pytest.mark.parametrize(
    ("kind", "op", "threshold", "problem"),
    [
        (IndicatorKind.RATIO, ">=", 65.0, None),
        (IndicatorKind.RATIO, ">=", 100.5, "ngưỡng 100,50 % vượt quá 100 %"),
        (IndicatorKind.PERCENT, ">", 101, "ngưỡng 101 % vượt quá 100 %"),
        (IndicatorKind.COUNT, ">=", 250, None),  # a count has no upper bound
        (IndicatorKind.SCORE, ">=", -1, "ngưỡng -1 không được âm"),
        (IndicatorKind.COUNT, ">=", "3", "ngưỡng phải là một số"),
        (IndicatorKind.COUNT, ">=", True, "ngưỡng phải là một số"),
        (IndicatorKind.BOOL, "true", None, None),
        (IndicatorKind.BOOL, ">=", 1, "chỉ tiêu Có/Không chỉ dùng điều kiện 'Có'"),
        (IndicatorKind.DATE, "by", dt.date(2022, 9, 20), None),
        (IndicatorKind.DATE, "by", None, "cần nhập hạn (ngày/tháng/năm)"),
        (IndicatorKind.DATE, ">=", 3, "chỉ tiêu ngày chỉ dùng điều kiện 'không muộn hơn'"),
        (IndicatorKind.COUNT, "by", dt.date(2022, 9, 20),
         "phép so sánh 'by' không dùng được cho chỉ tiêu số"),
        (IndicatorKind.COUNT, "~=", 1, "phép so sánh '~=' không hợp lệ"),
    ],
)
def test_ranges_per_indicator_kind(kind: IndicatorKind, op: str, threshold: object,
                                   problem: str | None) -> None:
    assert threshold_problem(kind, op, threshold) == problem


def test_periods_and_quotas() -> None:
    d = dt.date
    assert period_problem("Năm 2024", d(2024, 1, 1), d(2024, 12, 31), d(2024, 12, 15)) is None
    assert period_problem(" ", d(2024, 1, 1), d(2024, 12, 31), d(2024, 12, 15)) == (
        "tên kỳ không được để trống")
    assert period_problem("Năm 2024", d(2024, 1, 1), d(2024, 12, 31), d(2023, 12, 15)) == (
        "hạn nộp 15/12/2023 trước ngày bắt đầu kỳ 01/01/2024")
    assert period_problem("Năm 2024", d(2024, 1, 1), d(2023, 12, 31), d(2024, 12, 15)) == (
        "ngày kết thúc 31/12/2023 trước ngày bắt đầu 01/01/2024")
    assert quota_problem(5, None, 30) is None
    assert quota_problem(2.5, 5, None) == "số tập thể phải là số nguyên không âm"
    assert quota_problem(5, math.nan, None) == "số cá nhân phải là số nguyên không âm"
    assert quota_problem(5, 5, math.nan) == "tỷ lệ lãnh đạo nan % phải trong khoảng 0-100 %"


def test_operator_carries_its_symbol_negation_and_label() -> None:
    assert [(o.symbol, o.negation) for o in (Operator.GE, Operator.GT, Operator.LE,
                                             Operator.EQ)] == [
        ("≥", "<"), (">", "≤"), ("≤", ">"), ("=", "≠")]
    assert Operator.BY.label == "không muộn hơn" and Operator.GE.label == "không nhỏ hơn"
    assert all(o.label for o in Operator)
    assert [o for o in Operator if not o.numeric] == [Operator.TRUE, Operator.BY]


def _plan_text_with(threshold: str) -> str:
    text = PLAN.read_text(encoding="utf-8")
    start = text.index('code = "XA_SANG_KIEN"')
    at = text.index("threshold = ", start)
    end = text.index("\n", at)
    return text[:at] + f"threshold = {threshold}" + text[end:]


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf"])
def test_the_plan_file_parser_refuses_nan(bad: str) -> None:
    import tomllib

    doc = tomllib.loads(_plan_text_with(bad))
    with pytest.raises(PlanError, match="XA_SANG_KIEN.*hữu hạn"):
        parse_plan(doc)


def test_init_from_a_plan_file_with_nan_is_refused_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the plan was installed, and every `check` then failed unexplained."""
    plan_file = tmp_path / "ke-hoach.toml"
    plan_file.write_text(_plan_text_with("nan"), encoding="utf-8")
    db = tmp_path / "x.db"
    assert main(["--db", str(db), "init", "--plan-file", str(plan_file)]) == 1
    err = capsys.readouterr().err
    assert "hữu hạn" in err and "XA_SANG_KIEN" in err and "Traceback" not in err
    assert not db.exists() or db.stat().st_size == 0 or _has_no_plan(db)


def _has_no_plan(path: Path) -> bool:
    from desktop.store.plans import has_plan

    with Database.open(path, write=False) as d, d.reading() as s:
        return not has_plan(s)


def test_the_plan_editor_refuses_nan(demo_db: Path) -> None:
    with Database.open(demo_db, backup=False) as db:
        with pytest.raises(StoreError, match="Tiêu chí XA_HSCV: " + FINITE.replace("(", r"\(")
                           .replace(")", r"\)")):
            with db.transaction("Sửa kế hoạch") as s:
                apply_plan_edits(s, criteria=[CriterionEdit("XA_HSCV", ">=", math.nan, True)])
        with db.reading() as s:
            kept = {c.code: c.threshold for c in load_editable(s).criteria}
    assert kept["XA_HSCV"] == 65.0
