"""Evidence (minh chứng) of a submission: attach a file, remove it, open it, list them.

Files are copied into the evidence folder beside the database under their SHA-256
(desktop.store.evidence keeps the rows and the folder's rules); on a server their content
is also kept in the database (desktop.store.file_store), and a PC without a copy writes
one from there before opening it. `thidua evidence` and the
window's "Minh chứng" dialog both call these; the audit reasons are `ADD_REASON` and
`REMOVE_REASON`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..domain.vnformat import day
from ..paths import evidence_dir
from ..store import evidence as store
from ..store import file_store
from ..store.database import Database, register_new_file
from ..store.errors import StoreError
from ..store.evidence import DuplicateEvidence, EvidenceInfo
from ..store.models import EvidenceRow
from ..store.plans import period_row, unit_row

__all__ = [
    "ADD_REASON",
    "REMOVE_REASON",
    "DuplicateEvidence",
    "EvidenceInfo",
    "EvidenceTarget",
    "add_evidence",
    "evidence_counts",
    "evidence_target",
    "list_evidence",
    "open_path",
    "remove_evidence",
]

ADD_REASON = "Thêm minh chứng"
REMOVE_REASON = "Xóa minh chứng"


@dataclass(frozen=True)
class EvidenceTarget:
    unit_name: str
    period_label: str
    submission_id: int | None  # None: the unit has no submission for the period yet


def evidence_target(db: Database, unit_code: str, period_code: str) -> EvidenceTarget:
    """The submission evidence is attached to; refuses an unknown unit or period."""
    with db.reading() as s:
        return EvidenceTarget(
            unit_row(s, unit_code).name,
            period_row(s, period_code).label,
            store.submission_id_of(s, unit_code, period_code),
        )


def list_evidence(db: Database, submission_id: int) -> list[EvidenceInfo]:
    with db.reading() as s:
        return store.list_evidence(s, submission_id)


def evidence_counts(db: Database, period_code: str) -> dict[str, int]:
    """Unit code -> number of evidence files of its submission for the period."""
    with db.reading() as s:
        return store.evidence_counts(s, period_code)


def add_evidence(
    db: Database,
    submission_id: int,
    source: Path,
    *,
    doc_number: str = "",
    title: str = "",
    issued_on: dt.date | None = None,
    summary: str = "",
) -> EvidenceInfo:
    """Copy `source` into the evidence folder and register it, in one transaction.

    Refused (DuplicateEvidence) when the same content is already attached to the
    submission. When the registration fails, a copy made for it is removed again
    (database.register_new_file).
    """
    source = Path(source)
    digest, size = store.checked_sha256(source)
    title = " ".join(title.split()) or source.stem
    target = evidence_dir(db.path) / store.stored_name(digest, source.name)
    with db.transaction(ADD_REASON) as s:
        sub = store.submission_row(s, submission_id)
        dup = s.scalar(
            select(EvidenceRow).where(
                EvidenceRow.submission_id == submission_id, EvidenceRow.sha256 == digest
            )
        )
        if dup is not None:
            raise DuplicateEvidence(
                f"Tệp {source.name} đã được đính kèm vào báo cáo này "
                f"(minh chứng \u201c{dup.title}\u201d, tệp {dup.file_name}, thêm ngày "
                f"{day(dup.added_at.date())}). Không thêm lần thứ hai."
            )
        try:
            if store.copy_in(source, target, digest):
                register_new_file(s, target)  # removed again if the transaction fails
        except OSError as exc:
            raise StoreError(
                f"Không sao chép được tệp {source.name} vào thư mục minh chứng "
                f"{target.parent}: {exc.strerror}"
            ) from None
        file_store.keep_content(s, target, digest, size)  # every clerk's PC: on a server
        row = EvidenceRow(
            submission_id=sub.id,
            doc_number=doc_number.strip(),
            title=title,
            issued_on=issued_on,
            summary=summary.strip(),
            file_name=source.name,
            size=size,
            sha256=digest,
        )
        s.add(row)
        s.flush()
        info = store.info(row)
    return info


def remove_evidence(db: Database, evidence_id: int) -> EvidenceInfo:
    """Unregister an evidence; its stored file goes when nothing else refers to it."""
    with db.transaction(REMOVE_REASON) as s:
        row = s.get(EvidenceRow, evidence_id)
        if row is None:
            raise StoreError("Minh chứng này không còn trong cơ sở dữ liệu.")
        info = store.info(row)
        s.delete(row)
        # another report's evidence or a proposal's dossier may hold the same scan
        still_used = not file_store.forget_unused(s, [info.sha256])
    if not still_used:
        try:
            store.stored_path(db.path, info).unlink(missing_ok=True)
        except OSError:
            pass  # the registration is gone; a stray copy does no harm
    return info


def open_path(db: Database, evidence_id: int) -> Path:
    """The stored file of an evidence, checked against its SHA-256 before it is opened."""
    with db.reading() as s:
        row = s.get(EvidenceRow, evidence_id)
        if row is None:
            raise StoreError("Minh chứng này không còn trong cơ sở dữ liệu.")
        info = store.info(row)
    path = store.stored_path(db.path, info)
    if not path.is_file():  # attached at another PC: the copy kept in the database
        with db.reading() as s:
            file_store.materialize(s, path, info.sha256)
    if not path.is_file():
        raise StoreError(
            f"Không tìm thấy tệp của minh chứng \u201c{info.title}\u201d ({info.file_name}) "
            f"trong thư mục {path.parent}."
        )
    if store.file_sha256(path)[0] != info.sha256:
        raise StoreError(
            f"Tệp của minh chứng \u201c{info.title}\u201d ({info.file_name}) đã bị thay đổi "
            "so với khi đính kèm (mã SHA-256 không khớp)."
        )
    return path
