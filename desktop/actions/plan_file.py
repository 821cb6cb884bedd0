"""The plan as it stands in the database (edits, units, former names included) saved to a
.toml plan file that another office starts from (`thidua init --plan-file`, or the
first-run wizard's "Dùng tệp kế hoạch đã sửa").

    saved = save_plan_file(db, Path("khanh-hoa-2025.toml"))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.plan_document import plan_toml
from ..domain.plan_schema import parse_plan
from ..store.database import Database
from ..store.plans import load_plan, name_history, unit_infos
from ..version import __version__


@dataclass(frozen=True)
class SavedPlan:
    path: Path
    code: str  # the code the file carries (its name without .toml)
    units: int
    renamed_from: str | None  # the database's plan code, when the file's name differs


def save_plan_file(db: Database, path: Path) -> SavedPlan:
    """Write the plan to `path`. A plan file's code is its name, so a file named
    otherwise carries that name as its code (the database keeps its own)."""
    path = Path(path)
    if path.suffix.lower() != ".toml":
        path = path.with_suffix(".toml")
    with db.reading() as s:
        plan = load_plan(s)
        history = name_history(s)
        units = tuple(
            dataclasses.replace(u, former_names=tuple(history.get(u.code, ())))
            for u in unit_infos(s)
        )
    code = path.stem
    plan = dataclasses.replace(plan, code=code, units=units)
    note = (f"Kế hoạch {plan.code}: lưu từ ThiĐua CĐS {__version__} ngày "
            f"{dt.date.today():%d/%m/%Y}.\nMở bằng: thidua init --plan-file {path.name}")
    text = plan_toml(plan, note)
    parse_plan(tomllib.loads(text), origin=path.name)  # the file reads back, or nothing
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DomainError(f"Không ghi được tệp {path}: {exc.strerror}.") from None
    original = load_code(db)
    return SavedPlan(path, code, len(units), original if original != code else None)


def load_code(db: Database) -> str:
    with db.reading() as s:
        return load_plan(s).code
