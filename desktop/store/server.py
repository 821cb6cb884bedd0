"""A PostgreSQL server as the database: the engine, and refusals a person understands.

Several staff write at once, so there is no lock file; the schema is upgraded under an
advisory lock (two PCs opening a new version together do not both migrate). A reader's
connections are read-only on the server's side.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from .errors import NotADatabase, StoreError
from .location import Location, server_label

CONNECT_TIMEOUT_S = 8
APPLICATION_NAME = "ThiDua CDS"
# Tables of our schema: a database holding other tables but none of these is someone else's.
OUR_TABLES = {"plan", "unit", "period", "submission", "audit_log"}


class ServerUnavailable(StoreError):
    """The server could not be reached or refused the login."""


def make_server_engine(location: Location, *, read_only: bool = False) -> Engine:
    assert location.url is not None
    args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": APPLICATION_NAME,
    }
    if read_only:
        args["options"] = "-c default_transaction_read_only=on"
    return create_engine(location.url, connect_args=args, pool_pre_ping=True)


def connection_refusal(exc: BaseException, location: Location) -> StoreError:
    """A Vietnamese sentence for why the server could not be used."""
    where = location.label
    url = location.url
    assert url is not None
    detail = str(getattr(exc, "orig", None) or exc)
    low = detail.lower()
    host = url.host or "localhost"
    port = url.port or 5432
    if "password authentication failed" in low or "no password supplied" in low:
        return ServerUnavailable(
            f"Máy chủ {host} từ chối đăng nhập của “{url.username or ''}”: sai tên đăng nhập "
            "hoặc mật khẩu. Hãy kiểm tra lại với người quản trị máy chủ."
        )
    if "does not exist" in low and "database" in low:
        return ServerUnavailable(
            f"Máy chủ {host} không có cơ sở dữ liệu “{url.database}”. Hãy tạo cơ sở dữ liệu "
            "đó trên máy chủ (xem hướng dẫn cài máy chủ) hoặc kiểm tra lại tên."
        )
    if "role" in low and "does not exist" in low:
        return ServerUnavailable(
            f"Máy chủ {host} không có tài khoản “{url.username or ''}”. "
            "Hãy kiểm tra lại tên đăng nhập."
        )
    if "no pg_hba.conf entry" in low:
        return ServerUnavailable(
            f"Máy chủ {host} không cho máy này kết nối (pg_hba.conf). Hãy nhờ người quản trị "
            "cho phép địa chỉ của máy này."
        )
    if "resolve host" in low or "translate host name" in low or "name or service not known" in low:
        return ServerUnavailable(
            f"Không tìm thấy máy chủ “{host}” trên mạng. Hãy kiểm tra lại tên hoặc địa chỉ IP."
        )
    if "timeout" in low or "timed out" in low:
        return ServerUnavailable(
            f"Máy chủ {host}:{port} không trả lời sau {CONNECT_TIMEOUT_S} giây. Hãy kiểm tra "
            "mạng và máy chủ."
        )
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return ServerUnavailable(
            f"Không kết nối được máy chủ {host}:{port}: máy chủ chưa chạy, sai cổng, hoặc "
            "tường lửa chặn. Hãy kiểm tra lại rồi thử lại."
        )
    if "permission denied" in low:
        return ServerUnavailable(
            f"Tài khoản “{url.username or ''}” không có quyền trên cơ sở dữ liệu {where}. "
            "Người quản trị cần cấp quyền (xem hướng dẫn cài máy chủ)."
        )
    first = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    return ServerUnavailable(f"Không dùng được cơ sở dữ liệu {where}: {first}")


def connect_checked(engine: Engine, location: Location) -> None:
    """One round trip, so that a bad address or password is told now, not mid-work."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (DBAPIError, SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise connection_refusal(exc, location) from None


def server_revision(conn: Connection, location: Location) -> str | None:
    """The revision the server's database holds; None when it has no tables at all;
    NotADatabase when its tables are another application's."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or not (tables & OUR_TABLES):
        raise NotADatabase(
            f"Cơ sở dữ liệu {location.label} trên máy chủ đã có dữ liệu của một chương trình "
            "khác, không phải của ThiĐua CĐS. Hãy dùng một cơ sở dữ liệu riêng, còn trống."
        )
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def open_server(location: Location, *, create: bool, write: bool) -> Engine:
    """An engine on the server's database, checked: reachable, ours (or empty and
    `create`), not of a newer version; upgraded when `write`. Nothing is written when
    any check fails."""
    from . import migrate

    engine = make_server_engine(location, read_only=not write)
    connect_checked(engine, location)
    try:
        with engine.connect() as conn:
            rev = server_revision(conn, location)
        if rev is None and not create:
            raise StoreError(
                f"Cơ sở dữ liệu {location.label} trên máy chủ còn trống. Hãy tạo bằng lệnh "
                "'thidua --db … init --plan MÃ', hoặc chuyển dữ liệu của một tệp lên bằng "
                "'thidua --db … move-to-server TỆP'."
            )
        migrate.refuse_newer_revision(rev, location.label)
        if write:
            migrate.upgrade(engine)
        else:
            migrate.refuse_older_revision(rev, location.label)
    except (DBAPIError, OSError) as exc:
        engine.dispose()
        raise connection_refusal(exc, location) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


__all__ = [
    "ServerUnavailable", "connect_checked", "connection_refusal",
    "make_server_engine", "open_server", "server_label", "server_revision",
]
