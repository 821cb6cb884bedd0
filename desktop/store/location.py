"""Where a database lives: a SQLite file on this PC, or a PostgreSQL server.

`--db` takes either a file path or an SQLAlchemy URL for PostgreSQL
(`postgresql+psycopg://user:password@host:port/dbname`; `postgresql://` and
`postgres://` are taken to mean the same, through the bundled psycopg driver).
A person never sees the password: `label` hides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError

TYPE_CHECKING = False  # typing is not imported at a command's start
if TYPE_CHECKING:  # SQLAlchemy is imported only for a server address: a file opens faster
    from sqlalchemy.engine import URL

DRIVER = "postgresql+psycopg"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


class BadLocation(StoreError):
    """`--db` is neither a file nor a PostgreSQL address this program can use."""


@dataclass(frozen=True)
class Location:
    """A SQLite file (`file` set) or a PostgreSQL server (`url` set)."""

    file: Path | None = None
    url: URL | None = None

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def label(self) -> str:
        """How a person sees it: the file's path, or the server address without password."""
        if self.url is None:
            return str(self.file)
        return server_label(self.url)

    @property
    def short_name(self) -> str:
        """For a window title: the file's name, or the database name and host."""
        if self.url is None:
            assert self.file is not None
            return self.file.name
        return f"{self.url.database} @ {self.url.host or 'localhost'}"

    def local_path(self) -> Path:
        """Where the files that go with this database live on this PC: the SQLite file
        itself, or for a server a stand-in path in the data folder (its evidence copies
        and backups stand beside it, as they stand beside a file)."""
        if self.url is None:
            assert self.file is not None
            return self.file
        import hashlib

        from ..paths import data_dir

        key = f"{self.url.host or 'localhost'}-{self.url.port or 5432}-{self.url.database}"
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", key)
        digest = hashlib.sha256(key.encode()).hexdigest()[:8]
        return data_dir() / "may-chu" / f"{safe}-{digest}.server"

    def same_as(self, other: Location) -> bool:
        if self.url is not None or other.url is not None:
            return (self.url is not None and other.url is not None
                    and server_label(self.url) == server_label(other.url))
        assert self.file is not None and other.file is not None
        return self.file.resolve() == other.file.resolve()


def server_label(url: URL) -> str:
    """`postgresql://user@host:port/dbname`: no password, no driver name."""
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"postgresql://{user}{url.host or 'localhost'}{port}/{url.database or ''}"


def looks_like_url(text: str) -> bool:
    return bool(_SCHEME.match(text.strip()))


def parse_location(value: str | Path | Location) -> Location:
    """A file path or a PostgreSQL URL; BadLocation for anything else."""
    if isinstance(value, Location):
        return value
    if isinstance(value, Path):
        return Location(file=value)
    text = value.strip()
    if not looks_like_url(text):
        if not text:
            raise BadLocation("Chưa chỉ ra cơ sở dữ liệu (tệp hoặc địa chỉ máy chủ).")
        return Location(file=Path(text))
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise BadLocation(
            f"Địa chỉ cơ sở dữ liệu không hợp lệ: {_hide_password(text)} ({exc}). "
            "Dạng đúng: postgresql+psycopg://tên_đăng_nhập:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu"
        ) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BadLocation("Địa chỉ SQLite phải chỉ ra một tệp, ví dụ sqlite:///C:/ThiDua/thidua.db.")
        return Location(file=Path(url.database))
    if backend not in ("postgresql", "postgres"):
        raise BadLocation(
            f"ThiĐua CĐS chỉ dùng được tệp SQLite hoặc máy chủ PostgreSQL, không dùng được "
            f"“{url.drivername}”. Dạng đúng: postgresql+psycopg://tên_đăng_nhập:mật_khẩu@"
            "máy_chủ:cổng/tên_cơ_sở_dữ_liệu"
        )
    if not url.database:
        raise BadLocation(
            f"Địa chỉ {server_label(url)} thiếu tên cơ sở dữ liệu (phần sau dấu “/” cuối)."
        )
    return Location(url=url.set(drivername=DRIVER))


def _hide_password(text: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)


def with_password(location: Location, password: str) -> Location:
    assert location.url is not None
    return Location(url=location.url.set(password=password))
