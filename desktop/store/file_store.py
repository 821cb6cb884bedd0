"""Evidence and dossier files kept in the database, so that every clerk sees them.

A SQLite file keeps the copies of its evidence scans in the folder beside it; on a
PostgreSQL server that folder is on one PC only, so the content is also kept in the
table `stored_file` (by SHA-256, once however often it is attached). A PC that has no
copy yet writes one into its own folder from the database before opening it
(`materialize`); the copy is checked against the hash as every opened file is.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .errors import StoreError
from .evidence import stored_name
from .models import EvidenceRow, ProposalDocumentRow, StoredFileRow


def on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def keep_content(session: Session, path: Path, sha256: str, size: int) -> None:
    """On a server, keep the content of the stored copy `path` in the database (once per
    content), in the session's transaction; a file database needs nothing more."""
    if not on_server(session) or session.get(StoredFileRow, sha256) is not None:
        return
    try:
        content = Path(path).read_bytes()
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp {Path(path).name}: {exc.strerror}") from None
    if hashlib.sha256(content).hexdigest() != sha256:
        raise StoreError(f"Tệp {Path(path).name} thay đổi trong khi lưu; hãy thử lại.")
    session.add(StoredFileRow(sha256=sha256, size=size, content=content))


def forget_content(session: Session, sha256: str) -> None:
    """The content goes with the last evidence or dossier document that refers to it."""
    session.execute(delete(StoredFileRow).where(StoredFileRow.sha256 == sha256))


def in_use(session: Session, sha256: str) -> bool:
    """Whether an evidence or a dossier document (after the session's flushed changes)
    still refers to the content `sha256`."""
    for model in (EvidenceRow, ProposalDocumentRow):
        if session.scalar(select(model.id).where(model.sha256 == sha256).limit(1)) is not None:
            return True
    return False


def forget_unused(session: Session, sha256s: Iterable[str]) -> tuple[str, ...]:
    """Forget the kept content of each of `sha256s` that nothing refers to any more (the
    caller has flushed the removal); the hashes forgotten."""
    session.flush()
    gone = tuple(sha for sha in dict.fromkeys(sha256s) if sha and not in_use(session, sha))
    for sha in gone:
        forget_content(session, sha)
    return gone


def materialize(session: Session, target: Path, sha256: str) -> bool:
    """Write the content kept in the database to `target` (atomically); False when the
    database does not hold it."""
    row = session.get(StoredFileRow, sha256)
    if row is None:
        return False
    if hashlib.sha256(row.content).hexdigest() != sha256:
        raise StoreError(
            f"Nội dung tệp {target.name} lưu trong cơ sở dữ liệu không khớp mã "
            "SHA-256 khi đính kèm."
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(row.content)
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(
            f"Không ghi được tệp {target.name} vào thư mục {target.parent}: {exc.strerror}"
        ) from None
    return True


def referenced_files(conn: Connection) -> Iterable[tuple[str, str]]:
    """(sha256, file name) of every evidence and dossier file the database refers to."""
    for table in (EvidenceRow.__table__, ProposalDocumentRow.__table__):
        c = table.c
        yield from conn.execute(select(c.sha256, c.file_name).where(c.sha256 != "").distinct())


def store_folder(conn: Connection, folder: Path) -> int:
    """Into a server's database just filled from a file: the content of every copy in the
    file's evidence folder that the database refers to (in the caller's transaction).
    Returns how many files were stored; a copy that no longer matches its hash stays out."""
    kept: set[str] = set(conn.scalars(select(StoredFileRow.sha256)))
    stored = 0
    for sha, name in referenced_files(conn):
        path = Path(folder) / stored_name(sha, name)
        if sha in kept or not path.is_file():
            continue
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"Không đọc được tệp minh chứng {path}: {exc.strerror}") from None
        if hashlib.sha256(content).hexdigest() != sha:
            continue
        conn.execute(
            insert(StoredFileRow), [{"sha256": sha, "size": len(content), "content": content}]
        )
        kept.add(sha)
        stored += 1
    return stored


def missing_files(conn: Connection) -> tuple[str, ...]:
    """The names of the files the database refers to whose content it does not keep."""
    kept: set[str] = set(conn.scalars(select(StoredFileRow.sha256)))
    return tuple(sorted({name for sha, name in referenced_files(conn) if sha not in kept}))


def store_folders(conn: Connection, folders: Iterable[Path]) -> tuple[str, ...]:
    """`store_folder` for each folder that exists (the first holding a copy wins); the
    names of the referenced files still not kept in the database afterwards."""
    for folder in dict.fromkeys(Path(f) for f in folders):
        if folder.is_dir():
            store_folder(conn, folder)
    return missing_files(conn)
