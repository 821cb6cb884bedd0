"""The audit log, read for the "Lịch sử" page: who changed what, when, and why."""

from __future__ import annotations

from dataclasses import replace

from ..store.audit import AuditEntry, AuditFilter, fetch_audit, table_names
from ..store.audit_subjects import EntryRef, entry_units
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
    tables it mentions when `with_tables`. Each entry names the unit it concerns."""
    with db.reading() as s:
        entries = fetch_audit(s, flt, before_id, limit)
        units = entry_units(s, (EntryRef(e.id, e.table, e.row_id, e.old, e.new)
                                for e in entries))
        entries = [replace(e, unit=units[e.id]) if e.id in units else e for e in entries]
        return entries, table_names(s) if with_tables else None
