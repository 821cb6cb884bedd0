"""Opening a database: pragmas, the single-writer lock, backup and upgrade on open.

db = Database.open(path)               # a SQLite file, for writing: lock, backup, migrate
db = Database.open("postgresql+psycopg://clerk:pw@server/thidua")   # a shared server
with db.transaction("Nhập báo cáo") as s:
    ...                                # one transaction, audited
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import cached_property
from pathlib import Path

from ..domain.storage import StorageError
from . import migrate
from .errors import DatabaseLocked, NotADatabase, StoreError
from .location import Location, parse_location

TYPE_CHECKING = False  # typing is not imported at a command's start
if TYPE_CHECKING:  # imported where first used: a command that reads one small table with
    # plain sqlite3 (`thidua periods`) starts without SQLAlchemy or filelock (~0.4 s)
    from typing import Any

    from filelock import FileLock
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)  # no names in logs
    event.listen(engine, "connect", _set_pragmas)
    return engine


def describe(exc: BaseException, path: Path, what: str) -> StorageError:
    """files.describe, imported when a file operation failed: a command that reads
    (`thidua periods`) starts without desktop.files and the logging it loads."""
    from ..files import describe as named

    return named(exc, path, what)


def check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise NotADatabase(f"Không đọc được tệp cơ sở dữ liệu {path}: {exc.strerror}") from None
    if head and head != SQLITE_MAGIC:
        raise NotADatabase(f"Tệp {path} không phải là cơ sở dữ liệu ThiĐua CĐS (SQLite).")


def lock_path(path: Path) -> Path:
    return Path(str(path) + ".lock")


def take_lock(path: Path) -> FileLock:
    """The single-writer lock of a database file, or DatabaseLocked naming it."""
    # not thread-local: the window opens the database on a worker thread and releases
    # the lock from the GUI thread when it closes
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(path)), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseLocked(
            f"Cơ sở dữ liệu {path} đang được một chương trình ThiĐua CĐS khác sử dụng. "
            "Hãy đóng chương trình đó rồi thử lại."
        ) from None
    except (OSError, UnicodeError) as exc:
        raise describe(exc, lock_path(path), "tệp khóa của cơ sở dữ liệu") from None
    return lock


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the database's write lock without opening it (restore, maintenance): refused
    with DatabaseLocked while another copy of the program has it open."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, UnicodeError) as exc:
        raise describe(exc, path, "cơ sở dữ liệu") from None
    lock = take_lock(path)
    try:
        yield
    finally:
        lock.release()


class Database:
    """An open database. On a SQLite file, writers hold a lock file so that a second copy
    cannot write; on a server, several staff write at once.

    `path` is where the files that go with the database live on this PC (evidence
    copies, backups): the SQLite file, or for a server `Location.local_path()`."""

    def __init__(
        self, path: Path, engine: Engine | None, lock: FileLock | None, *,
        location: Location | None = None, writable: bool | None = None,
    ) -> None:
        self.path = path
        self.location = location or Location(file=path)
        if engine is not None:  # a server's; a file's is made on first use (engine below)
            self.__dict__["engine"] = engine
        self._lock = lock
        self.backup_done: Any = None  # backup.BackupDone of the backup taken at open
        self.writable = lock is not None if writable is None else writable

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.path)

    @cached_property
    def user(self) -> str:
        from .staff import current_user, who

        login = self.location.url.username if self.location.url is not None else None
        return who(login, current_user())

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        from .audit import install_audit
        from .versions import install_versions

        factory = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(factory)
        install_versions(factory)
        return factory

    @property
    def is_server(self) -> bool:
        return self.location.is_server

    @property
    def label(self) -> str:
        """The file's path or the server's address (never its password), for people."""
        return self.location.label

    @classmethod
    def open(
        cls,
        path: Path | str | Location,
        *,
        create: bool = False,
        write: bool = True,
        backup: bool = True,
    ) -> Database:
        """Open (or create) a database: a SQLite file or a PostgreSQL server's database.

        A missing file (an empty server database) is an error unless `create`. A writer
        of a file takes the lock, takes a rotating backup of an existing file; every
        writer upgrades an older schema.
        """
        location = parse_location(path)
        if location.is_server:
            from .server import open_server

            engine = open_server(location, create=create, write=write)
            return cls(location.local_path(), engine, None, location=location, writable=write)
        assert location.file is not None
        path = location.file
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise StoreError(
                f"Không tìm thấy cơ sở dữ liệu {path}. "
                "Hãy tạo bằng lệnh 'thidua init --plan MÃ' hoặc 'thidua demo'."
            )
        if exists:
            check_is_sqlite(path)
        lock = None
        if write:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except (OSError, UnicodeError) as exc:
                raise describe(exc, path, "cơ sở dữ liệu") from None
            lock = take_lock(path)
        done = None
        try:
            if exists:
                if write and backup:
                    from .backup import auto_backup

                    done = auto_backup(path)
            # read once: the lock (or, for a reader, nothing this program does) keeps it
            revision = migrate.stored_revision(path) if exists else None
            migrate.refuse_newer_revision(revision, path)
            db = cls(path, None, lock)
            db.backup_done = done
            if write and not (exists and revision == migrate.HEAD_REVISION):
                migrate.upgrade(db.engine, path)  # an up-to-date file needs no engine yet
            else:
                migrate.refuse_older_revision(revision, path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return db

    @contextmanager
    def transaction(self, reason: str = "") -> Iterator[Session]:
        """One transaction: committed whole, or rolled back whole; audited."""
        if not self.writable:
            raise StoreError("Cơ sở dữ liệu đang mở ở chế độ chỉ đọc.")
        with self.sessions() as session:
            session.info["user"] = self.user
            session.info["reason"] = reason
            try:
                with session.begin():
                    yield session
            except StaleDataError():  # two saves of one row raced; the later one is refused
                _remove_new_files(session)
                from .versions import raced

                raise raced() from None
            except BaseException as exc:
                _remove_new_files(session)
                named = self._named(exc)
                if named is not None:
                    raise named from exc
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            try:
                yield session
            except DBAPIError() as exc:
                named = self._named(exc)
                if named is not None:
                    raise named from exc
                raise

    def _named(self, exc: BaseException) -> StoreError | StorageError | None:
        """A failure of the file itself (disk full, locked, damaged), named for people."""
        if not isinstance(exc, DBAPIError()):
            return None
        from .recognize import recognized

        known = recognized(exc, self.path, self.label if self.is_server else None)
        return known if isinstance(known, StoreError | StorageError) else None

    @contextmanager
    def plain_reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only sqlite3 connection to a file, for a read of a few rows that needs
        neither the ORM nor SQLAlchemy (store/plain_reads.py); closed after the block."""
        if self.is_server:
            raise StoreError("Đọc trực tiếp bằng sqlite3 chỉ dùng được với tệp SQLite.")
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        with closing(con):
            con.execute("PRAGMA busy_timeout=5000")
            yield con

    @contextmanager
    def plain_writing(self) -> Iterator[sqlite3.Connection]:
        """A sqlite3 connection to a file opened for writing, with the engine's pragmas
        (WAL, synchronous=FULL: a commit is on the disk when it returns), for a bulk write
        that needs neither the ORM nor SQLAlchemy (store/new_submission.py); each of its
        transactions in `plain_transaction`. Closed after the block."""
        if self.is_server or not self.writable:
            raise StoreError("Ghi trực tiếp bằng sqlite3 chỉ dùng được với tệp SQLite mở để ghi.")
        con = None
        try:
            con = sqlite3.connect(self.path, isolation_level=None)
            _set_pragmas(con, None)
        except sqlite3.Error as exc:
            if con is not None:
                con.close()
            named = self._plain_named(exc)
            if named is not None:
                raise named from exc
            raise
        with closing(con):
            yield con

    @contextmanager
    def plain_transaction(self, con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """One transaction on `con` (from plain_writing): committed whole, or rolled back
        whole; a failure of the file (disk full, locked, damaged) named for people."""
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                try:
                    con.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled it back itself (a full disk, an I/O error)
            named = self._plain_named(exc)
            if named is not None:
                raise named from exc
            raise

    def _plain_named(self, exc: BaseException) -> StoreError | StorageError | None:
        if not isinstance(exc, sqlite3.Error):
            return None
        from .recognize import recognized

        known = recognized(exc, self.path)
        return known if isinstance(known, StoreError | StorageError) else None

    def close(self) -> None:
        self.writable = False
        if "engine" in self.__dict__:  # made on first use (cached_property)
            self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def register_new_file(session: Session, path: Path) -> None:
    """A file this transaction created (a stored copy of a scan): removed again when the
    transaction rolls back, so that nothing unreferenced stays in the evidence folder."""
    session.info.setdefault("new_files", []).append(Path(path))


def _remove_new_files(session: Session) -> None:
    for path in session.info.pop("new_files", ()):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # the rollback stands; a stray copy does no harm


def integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return bool(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        con.close()


def DBAPIError() -> type[Exception]:  # noqa: N802 - stands for the class, imported late
    from sqlalchemy.exc import DBAPIError as error

    return error


def StaleDataError() -> type[Exception]:  # noqa: N802
    from sqlalchemy.orm.exc import StaleDataError as error

    return error
