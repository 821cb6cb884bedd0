"""Province: consolidate the district packages (`thidua import-package`, "Nhập gói dữ liệu").

contents = [read_package(p) for p in paths]     # verified, or PackageRefused
results = import_packages(db, contents, replace=False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from pathlib import Path

from ..domain.province import PackageContent
from ..exchange.package import read_package
from ..store.database import Database
from ..store.province import ImportResult
from ..store.province import import_packages as consolidate

__all__ = [
    "REASON",
    "ImportResult",
    "create_province_database",
    "import_packages",
    "read_package",
    "try_package",
]

REASON = "Nhập gói dữ liệu của các đơn vị cấp dưới"


def import_packages(
    db: Database,
    contents: Sequence[PackageContent],
    *,
    replace: bool = False,
    received_on: dt.date | None = None,
    channel: str = "other",
    trust_new: Collection[str] = (),
    allow_unsigned: bool = False,
) -> list[ImportResult]:
    """Consolidate verified packages in one transaction: all of them or none. Their
    signers are checked first (actions.trust): an office seen for the first time is
    accepted only when its code is in `trust_new` (its key is then remembered), an unsigned
    package only with `allow_unsigned`, a key other than the one trusted never."""
    from .trust import check_and_remember

    with db.transaction(REASON) as session:
        check_and_remember(session, contents, trust_new=trust_new,
                           allow_unsigned=allow_unsigned)
        return consolidate(
            session, contents, replace=replace, received_on=received_on, channel=channel
        )


def try_package(db: Database, content: PackageContent) -> ImportResult:
    """What importing one package would do (replacing what is there), rolled back: the
    refusal it would meet is raised, nothing is written. Run it as a writer."""
    with db.sessions() as session:
        try:
            return consolidate(session, [content], replace=True)[0]
        finally:
            session.rollback()


def create_province_database(
    path: Path,
    contents: Sequence[PackageContent],
    received_on: dt.date | None = None,
    channel: str = "other",
    trust_new: Collection[str] = (),
    allow_unsigned: bool = False,
) -> list[ImportResult]:
    """A new database holding the packages; nothing is left behind when they are refused."""
    try:
        with Database.open(path, create=True, backup=False) as db:
            return import_packages(db, contents, received_on=received_on, channel=channel,
                                   trust_new=trust_new, allow_unsigned=allow_unsigned)
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
            leftover.unlink(missing_ok=True)
        raise
