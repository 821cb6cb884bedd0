"""The office settings (`thidua office`, "Thông tin cơ quan…"): read, change, save.

Both front ends write with the same audit reason, `REASON`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..domain.office import OfficeSettings
from ..store import office as store
from ..store.database import Database
from ..store.plan_edit import save_office as save_checked

REASON = "Thay đổi thông tin cơ quan báo cáo"


@dataclass(frozen=True)
class OfficeChanged:
    settings: OfficeSettings  # as stored after the change
    changes: tuple[str, ...]  # 'key: old → new', one per field changed


def read_office(db: Database) -> OfficeSettings:
    with db.reading() as session:
        return store.load_office(session)


def read_office_version(db: Database) -> int:
    """The version of the settings a form opens: its save refuses what others changed since."""
    with db.reading() as session:
        return store.office_version(session)


def change_office(db: Database, changes: Mapping[str, str]) -> OfficeChanged:
    """Change some settings (KEY=VALUE from the command line); refuses unknown keys and
    over-long values before anything is written."""
    with db.transaction(REASON) as session:
        done = store.update_office(session, changes)
        return OfficeChanged(store.load_office(session), tuple(done))


def save_office(
    db: Database, data: OfficeSettings, *, expected_version: int | None = None
) -> OfficeChanged:
    """Save the whole form of the window: the fields a report needs are required; with
    `expected_version`, settings someone else changed since the form opened are refused."""
    with db.transaction(REASON) as session:
        done = save_checked(session, data, expected_version=expected_version)
        return OfficeChanged(store.load_office(session), tuple(done))
