"""The plan's units (đơn vị) and blocks (khối thi đua): list, add, edit, stop, merge, and
whole lists in and out of Excel or CSV (import all rows or none, every bad row named).

Each write is one transaction with its audit reason; the "Đơn vị" page calls these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.plan import Unit
from ..exchange.unit_list_file import read_unit_list, write_unit_list
from ..store import units as store
from ..store.database import Database
from ..store.plans import unit_infos
from ..store.unit_import import UnitListChanges, UnitListRefused, apply_unit_list
from ..store.units import UnitData, UnitListing, check_code, check_name

__all__ = [
    "UnitData",
    "UnitListRefused",
    "UnitListing",
    "add_unit",
    "change_unit",
    "check_code",
    "check_name",
    "deactivate_unit",
    "delete_block",
    "edit_unit",
    "export_unit_list",
    "import_unit_list",
    "list_units",
    "merge_units",
    "reactivate_unit",
    "save_block",
    "units_on",
]


def list_units(db: Database) -> list[UnitListing]:
    with db.reading() as s:
        return store.list_units(s)


def add_unit(db: Database, data: UnitData) -> str:
    """Add a unit; returns its code."""
    with db.transaction(f"Thêm đơn vị {data.code.strip()}") as s:
        return store.add_unit(s, data).code


def edit_unit(db: Database, code: str, data: UnitData) -> str:
    with db.transaction(f"Sửa đơn vị {code}") as s:
        return store.edit_unit(s, code, data).code


def deactivate_unit(db: Database, code: str, last_day: dt.date) -> str:
    with db.transaction(f"Ngừng hoạt động đơn vị {code}") as s:
        return store.deactivate_unit(s, code, last_day).code


def reactivate_unit(db: Database, code: str) -> str:
    with db.transaction(f"Cho đơn vị {code} hoạt động lại") as s:
        return store.reactivate_unit(s, code).code


def merge_units(
    db: Database,
    codes: Sequence[str],
    on: dt.date,
    *,
    into: str | None = None,
    new_name: str | None = None,
    new_unit: UnitData | None = None,
) -> str:
    """Merge `codes` from `on` into the unit `into` (renamed when `new_name`), or into a
    new unit; returns the code of the unit they became."""
    target = f"vào {into}" if new_unit is None else f"thành {new_unit.code.strip()}"
    with db.transaction(f"Sáp nhập {', '.join(codes)} {target}") as s:
        if new_unit is not None and not new_unit.kind:  # the kind of the units merged
            kinds = {u.code: u.kind for u in unit_infos(s)}
            kind = next((kinds[c] for c in codes if c in kinds), "")
            new_unit = UnitData(new_unit.code, new_unit.name, kind, new_unit.block)
        return store.merge_units(
            s, list(codes), on, into=into, new_name=new_name, new_unit=new_unit
        ).code


def save_block(db: Database, code: str, name: str) -> str:
    with db.transaction(f"Lưu khối thi đua {code.strip()}") as s:
        return store.save_block(s, code, name).code


def delete_block(db: Database, code: str) -> None:
    with db.transaction(f"Xóa khối thi đua {code}") as s:
        store.delete_block(s, code)


_KEEP = object()


def change_unit(
    db: Database,
    code: str,
    *,
    new_code: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    block: object = _KEEP,
    active_from: dt.date | None = None,
    renamed_on: dt.date | None = None,
) -> str:
    """Change only what is given; the rest of the unit stays as it is."""
    if renamed_on is not None and not name:
        raise DomainError("Ngày đổi tên cần tên mới của đơn vị.")
    with db.transaction(f"Sửa đơn vị {code}") as s:
        current = {u.code: u for u in unit_infos(s)}.get(code)
        if current is None:
            raise DomainError(f"Không có đơn vị mã '{code}'.")
        data = UnitData(
            code=new_code or current.code,
            name=name or current.name,
            kind=kind or current.kind,
            block=current.block if block is _KEEP else (str(block) if block else None),
            active_from=active_from or current.active_from,
            renamed_on=renamed_on,
        )
        row = store.edit_unit(s, code, data)
        return f"Đã cập nhật đơn vị {row.code} — {row.name}."


def import_unit_list(db: Database, path: Path, *, dry_run: bool = False) -> UnitListChanges:
    """Add or update the units of the list at `path`, all or none.

    UnitListRefused names every bad row (of the file and against the database); with
    `dry_run` the changes are worked out and reported but not kept."""
    path = Path(path)
    rows, problems = read_unit_list(path)
    if not rows and problems:
        raise UnitListRefused(path.name, problems)

    class _DryRun(Exception):
        pass

    found: UnitListChanges | None = None
    try:
        with db.transaction(f"Nhập danh sách đơn vị từ {path.name}") as s:
            found = apply_unit_list(s, rows, path.name, problems)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    assert found is not None
    return found


def units_on(db: Database, on: dt.date | None = None) -> list[Unit]:
    """Every unit, under the name it had on `on` (today by default)."""
    with db.reading() as s:
        return unit_infos(s, on or dt.date.today())


def export_unit_list(db: Database, path: Path, on: dt.date | None = None) -> int:
    """Write every unit (under its name on `on`, today by default); return how many."""
    with db.reading() as s:
        units = unit_infos(s, on)
    try:
        write_unit_list(Path(path), units)
    except OSError as exc:
        raise DomainError(f"Không ghi được tệp {path}: {exc.strerror}.") from None
    return len(units)
