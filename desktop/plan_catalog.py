"""The bundled plan templates in resources/plans/*.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .domain.errors import PlanError
from .domain.plan import Plan
from .domain.plan_schema import parse_plan
from .paths import resource_path


def plans_folder() -> Path:
    return resource_path("plans")


def bundled_codes() -> list[str]:
    return sorted(p.stem for p in plans_folder().glob("*.toml"))


def load_plan_file(path: Path) -> Plan:
    """Read and validate a plan file; PlanError with a Vietnamese message if broken."""
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise PlanError(f"Không tìm thấy tệp kế hoạch: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{path.name}: tệp kế hoạch sai cú pháp TOML ({exc})") from None
    except OSError as exc:
        raise PlanError(f"{path.name}: không đọc được tệp kế hoạch ({exc.strerror})") from None
    plan = parse_plan(doc, origin=path.name)
    if plan.code != path.stem:
        raise PlanError(f"{path.name}: mã kế hoạch '{plan.code}' khác tên tệp")
    return plan


def load_bundled(code: str) -> Plan:
    path = plans_folder() / f"{code}.toml"
    if not path.is_file():
        known = ", ".join(bundled_codes())
        raise PlanError(f"Không có kế hoạch mẫu '{code}'. Các kế hoạch có sẵn: {known}")
    return load_plan_file(path)
