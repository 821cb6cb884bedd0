"""Minh chứng: evidence documents attached to a submission.

A file is registered as a Vietnamese office registers a document (số hiệu, tên văn
bản, ngày ban hành, trích yếu) and copied into the evidence folder beside the
database under its SHA-256 (content-addressed: two submissions attaching the same
scan share one stored copy). The same file is never attached twice to one submission.

    info = add_evidence(db, submission_id, Path("QD-12.pdf"), title="Quyết định ...")
    for e in list_evidence(db, submission_id): ...
    remove_evidence(db, info.id)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..files import describe
from ..paths import evidence_dir
from .errors import StoreError
from .models import EvidenceRow, PeriodRow, SubmissionRow, UnitRow

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


class DuplicateEvidence(StoreError):
    """The same file (same SHA-256) is already attached to this submission."""


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    submission_id: int
    doc_number: str
    title: str
    issued_on: dt.date | None
    summary: str
    file_name: str
    size: int
    sha256: str
    added_at: dt.datetime


def info(row: EvidenceRow) -> EvidenceInfo:
    return EvidenceInfo(
        id=row.id, submission_id=row.submission_id, doc_number=row.doc_number,
        title=row.title, issued_on=row.issued_on, summary=row.summary,
        file_name=row.file_name, size=row.size, sha256=row.sha256, added_at=row.added_at,
    )


def file_sha256(path: Path) -> tuple[str, int]:
    """The file's SHA-256 (hex) and its size, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def checked_sha256(source: Path) -> tuple[str, int]:
    """The SHA-256 and size of a file about to be stored; StoreError (Vietnamese) when it
    is missing, unreadable or over the size limit."""
    if not source.is_file():
        raise StoreError(f"Không tìm thấy tệp {source}.")
    try:
        size = source.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise StoreError(
                f"Tệp {source.name} quá lớn ({size / 1048576:.0f} MB; tối đa "
                f"{MAX_EVIDENCE_BYTES // 1048576} MB)."
            )
        return file_sha256(source)
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp {source.name}: {exc.strerror}") from None


def stored_name(sha256: str, file_name: str) -> str:
    """'<sha256>.pdf': the hash names the file; the extension lets the system open it."""
    suffix = Path(file_name).suffix.lower()
    if not suffix[1:].isalnum() or len(suffix) > 10:
        suffix = ""
    return sha256 + suffix


def stored_path(db_path: Path, info: EvidenceInfo) -> Path:
    return evidence_dir(Path(db_path)) / stored_name(info.sha256, info.file_name)


def copy_in(source: Path, target: Path, sha256: str) -> bool:
    """Copy `source` to `target` atomically; False when an identical copy was already there."""
    if target.exists():
        try:
            if file_sha256(target)[0] == sha256:
                return False
        except OSError:
            pass
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    except (OSError, UnicodeError) as exc:
        raise describe(exc, target, "bản lưu minh chứng") from None
    try:
        h = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, source.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if h.hexdigest() != sha256:
            raise StoreError(f"Tệp {source.name} thay đổi trong khi sao chép; hãy thử lại.")
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        on = source if getattr(exc, "filename", None) == str(source) else target
        raise describe(exc, on, "bản lưu minh chứng") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def submission_row(session: Session, submission_id: int) -> SubmissionRow:
    sub = session.get(SubmissionRow, submission_id)
    if sub is None:
        raise StoreError("Không tìm thấy báo cáo để đính kèm minh chứng (có thể đã bị xóa).")
    return sub


def submission_id_of(session: Session, unit_code: str, period_code: str) -> int | None:
    return session.scalar(
        select(SubmissionRow.id)
        .join(UnitRow, SubmissionRow.unit_id == UnitRow.id)
        .join(PeriodRow, SubmissionRow.period_id == PeriodRow.id)
        .where(UnitRow.code == unit_code, PeriodRow.code == period_code)
    )


def list_evidence(session: Session, submission_id: int) -> list[EvidenceInfo]:
    rows = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.submission_id == submission_id)
        .order_by(EvidenceRow.added_at, EvidenceRow.id)
    ).all()
    return [info(r) for r in rows]


def evidence_counts(session: Session, period_code: str) -> dict[str, int]:
    """unit code -> number of evidence files attached to its submission for the period."""
    rows = session.execute(
        select(UnitRow.code, func.count(EvidenceRow.id))
        .join(SubmissionRow, SubmissionRow.unit_id == UnitRow.id)
        .join(PeriodRow, SubmissionRow.period_id == PeriodRow.id)
        .join(EvidenceRow, EvidenceRow.submission_id == SubmissionRow.id)
        .where(PeriodRow.code == period_code)
        .group_by(UnitRow.code)
    ).all()
    return {code: int(n) for code, n in rows}
