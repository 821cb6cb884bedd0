"""A plan saved back to a .toml reads back as the same plan, and another office starts
from it (the reform: a province from a copied plan)."""

from __future__ import annotations

import json
import tomllib

import pytest

from desktop.cli import main
from desktop.domain.plan_document import plan_toml
from desktop.domain.plan_schema import parse_plan
from desktop.plan_catalog import bundled_codes, load_bundled


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("code", bundled_codes())
def test_every_bundled_plan_round_trips(code):
    plan = load_bundled(code)
    again = parse_plan(tomllib.loads(plan_toml(plan, "ghi chú")), origin=f"{code}.toml")
    assert again == plan
    assert again.extras == plan.extras
    assert [u.former_names for u in again.units] == [u.former_names for u in plan.units]


def test_saved_plan_carries_edits_units_and_names(demo_db, tmp_path, capsys):
    db = demo_db
    assert run(capsys, "--db", db, "units", "merge", "22810", "22819", "--on", "2025-07-01",
               "--into", "22810", "--name", "Xã Ninh Sơn")[0] == 0
    assert run(capsys, "--db", db, "units", "add", "--code", "DN01", "--name",
               "Công ty A", "--kind", "enterprise")[0] == 0
    target = tmp_path / "khanh-hoa-2025.toml"
    code, out, err = run(capsys, "--db", db, "plan", "export", target)
    assert code == 0, err
    assert "Mã kế hoạch trong tệp là 'khanh-hoa-2025'" in out
    other = tmp_path / "other.db"
    code, out, err = run(capsys, "--db", other, "init", "--plan-file", target)
    assert code == 0, err
    assert "(9 đơn vị)" in out
    code, out, _ = run(capsys, "--db", other, "units", "--format", "json")
    units = {u["code"]: u for u in json.loads(out)}
    assert units["22819"]["merged_into"] == "22810" and units["DN01"]["kind"] == "enterprise"
    code, out, _ = run(capsys, "--db", other, "check", "--period", "2024", "--format", "json")
    assert {u["code"]: u["name"] for u in json.loads(out)["units"]}["22810"] == \
        "Thị trấn Tân Sơn"


def test_export_to_an_unwritable_place_is_refused(demo_db, tmp_path, capsys):
    code, _, err = run(capsys, "--db", demo_db, "plan", "export",
                       tmp_path / "no" / "such" / "ninh-son-2022.toml")
    assert code == 1 and "Không ghi được tệp" in err
