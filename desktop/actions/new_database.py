"""A new database: created from a plan (the first-run wizard, `thidua init`) or as the
demo. Apart from actions.database so that opening one (every command) does not load
what only creating one needs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..store.database import Database
from ..store.location import Location, parse_location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..domain.office import OfficeSettings
    from ..domain.plan import Plan


@dataclass(frozen=True)
class Created:
    path: Path  # the file, or for a server where its files live on this PC
    label: str  # what a person sees: the file's path or the server's address
    plan_code: str
    units: int


def init_reason(plan: Plan) -> str:
    return f"Khởi tạo từ kế hoạch {plan.code}"


def _leftovers(path: Path | None) -> tuple[Path, ...]:
    if path is None:  # a server's database: its transaction rolled back
        return ()
    return (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock"))


def create_database(
    target: Path | str | Location, plan: Plan, office: OfficeSettings | None = None, *,
    backup: bool = True, unit_list: Path | None = None,
) -> Created:
    """Create the database at `target` (a file, or a server's empty database) from `plan`
    (with the office settings of the first-run wizard, when given, and the units of the
    Excel/CSV list `unit_list` in the same transaction: all of them or no database); a
    file this created is removed again when it fails."""
    from ..exchange.unit_list_file import read_unit_list
    from ..store.plan_edit import save_office
    from ..store.plans import install_plan
    from ..store.unit_import import UnitListRefused, apply_unit_list

    units = len(plan.units)
    rows, problems = read_unit_list(unit_list) if unit_list is not None else ([], [])
    if unit_list is not None and not rows:
        refusal = problems or [f"{unit_list.name}: không có đơn vị nào"]
        raise UnitListRefused(unit_list.name, refusal)

    where = parse_location(target)
    path = where.file
    existed = path is None or path.exists()
    try:
        with Database.open(where, create=True, backup=backup) as db:
            with db.transaction(init_reason(plan)) as session:
                install_plan(session, plan)
                if office is not None:
                    save_office(session, office)
                if unit_list is not None:
                    changes = apply_unit_list(session, rows, unit_list.name, problems)
                    units += len(changes.added)
    except BaseException:
        if not existed:
            for leftover in _leftovers(path):
                leftover.unlink(missing_ok=True)
        raise
    return Created(where.local_path(), where.label, plan.code, units)


def create_demo(target: Path | str | Location, *, backup: bool = True) -> Created:
    """The demo database (ninh-son-2022, 8 communes, sample data) at `target`, a file or
    a server's database that holds no plan yet."""
    from ..domain.errors import DomainError
    from ..store.demo import build_demo
    from ..store.plans import has_plan

    where = parse_location(target)
    path = where.file
    existed = path is None or path.exists()
    try:
        with Database.open(where, create=True, backup=backup) as db:
            with db.reading() as session:
                if has_plan(session):
                    raise DomainError(f"Cơ sở dữ liệu {db.label} đã có dữ liệu; hãy chọn "
                                      "--db khác, còn trống.")
            build_demo(db)
            with db.reading() as session:
                from ..store.plans import load_plan

                plan = load_plan(session)
    except BaseException:
        if not existed:
            for leftover in _leftovers(path):
                leftover.unlink(missing_ok=True)
        raise
    return Created(where.local_path(), where.label, plan.code, len(plan.units))
