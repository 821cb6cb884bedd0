"""The audit log, read for the "Lịch sử" page: who changed what, when, and why."""

from __future__ import annotations

from ..store.audit import AuditEntry, AuditFilter, fetch_audit, table_names
from ..store.database import Database

__all__ = ["AuditEntry", "AuditFilter", "read_history"]


def read_history(
    db: Database,
    flt: AuditFilter,
    before_id: int | None = None,
    limit: int = 200,
    *,
    with_tables: bool = False,
) -> tuple[list[AuditEntry], list[str] | None]:
    """One page of the log, newest first, older than `before_id`; with the names of the
    tables it mentions when `with_tables`."""
    with db.reading() as s:
        entries = fetch_audit(s, flt, before_id, limit)
        return entries, table_names(s) if with_tables else None
