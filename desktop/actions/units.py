"""The plan's units (đơn vị) and blocks (khối thi đua): list, add, edit, stop, merge.

Each write is one transaction with its audit reason; the "Đơn vị" page calls these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..store import units as store
from ..store.database import Database
from ..store.units import UnitData, UnitListing, check_code, check_name

__all__ = [
    "UnitData",
    "UnitListing",
    "add_unit",
    "check_code",
    "check_name",
    "deactivate_unit",
    "delete_block",
    "edit_unit",
    "list_units",
    "merge_units",
    "reactivate_unit",
    "save_block",
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
        return store.merge_units(
            s, list(codes), on, into=into, new_name=new_name, new_unit=new_unit
        ).code


def save_block(db: Database, code: str, name: str) -> str:
    with db.transaction(f"Lưu khối thi đua {code.strip()}") as s:
        return store.save_block(s, code, name).code


def delete_block(db: Database, code: str) -> None:
    with db.transaction(f"Xóa khối thi đua {code}") as s:
        store.delete_block(s, code)
