"""Office actions for a database on a PostgreSQL server: connect, move a file's data up.
Its backup and restore (a portable file) are actions.maintenance's, as a file's are."""

from __future__ import annotations

from pathlib import Path

from ..store.database import Database
from ..store.location import Location, parse_location, with_password
from ..store.portable import Copied, move_to_server
from ..store.staff import set_staff_name, staff_name
from ..store.transfer import Progress, _quiet

__all__ = ["Copied", "Location", "connect", "last_change", "location_of",
           "move_file_to_server", "parse_location", "set_staff_name", "staff_name"]


def location_of(host: str, port: int, database: str, user: str, password: str) -> Location:
    """The server address a connect form describes; refused in Vietnamese when incomplete."""
    from sqlalchemy.engine import URL

    from ..store.location import BadLocation

    host, database, user = host.strip(), database.strip(), user.strip()
    missing = [label for label, value in (("máy chủ", host), ("tên cơ sở dữ liệu", database),
                                          ("tên đăng nhập", user)) if not value]
    if missing:
        raise BadLocation("Hãy ghi " + ", ".join(missing) + ".")
    url = URL.create("postgresql+psycopg", username=user, password=password or None,
                     host=host, port=port, database=database)
    return parse_location(url.render_as_string(hide_password=False))


def last_change(db: Database) -> int:
    """A mark of the latest write anyone made (the newest audit entry): a window compares
    it when it regains focus, to reload what others changed."""
    from sqlalchemy import func, select

    from ..store.models import AuditRow

    with db.reading() as s:
        return int(s.scalar(select(func.max(AuditRow.id))) or 0)


def connect(where: str | Location, password: str | None = None, *,
            write: bool = True) -> Database:
    """Open a server's database (`password` fills in an address saved without one);
    refuses in Vietnamese: bad address, server down, wrong password, another
    application's database, a newer schema, an empty database."""
    location = parse_location(where)
    if password and location.is_server:
        location = with_password(location, password)
    return Database.open(location, write=write)


def move_file_to_server(source: Path, target: str | Location,
                        progress: Progress = _quiet) -> Copied:
    """“Chuyển dữ liệu lên máy chủ”: the whole SQLite file `source` into the server's
    empty database `target`, verified table by table. Nothing is written on a refusal."""
    from ..store.errors import StoreError

    location = parse_location(target)
    if not location.is_server:
        raise StoreError("Hãy chỉ ra máy chủ đích bằng một địa chỉ postgresql+psycopg://…")
    with Database.open(location, create=True) as server:
        return move_to_server(source, server, progress)

