"""The collecting office's settings: who reports, from where, who signs.

These travel with the data (they are in the database, one row) and head every report:
the parent body and office name at the top left, "Số: <n><prefix>", the place of the
date line, the signer and the recipients ("Nơi nhận").

    settings = load_office(session)
    changes = update_office(session, {"signer_name": "Nguyễn Văn A"})
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.office import OFFICE_FIELDS, OfficeSettings, split_recipients
from .errors import StoreError
from .models import OfficeRow
from .versions import check_version


def _settings(row: OfficeRow) -> OfficeSettings:
    return OfficeSettings(
        name=row.name or "",
        short_name=row.short_name or "",
        parent_body=row.parent_body or "",
        place=row.place or "",
        area=row.area or "",
        province=row.province or "",
        signer_authority=row.signer_authority or "",
        signer_title=row.signer_title or "",
        signer_name=row.signer_name or "",
        doc_number_prefix=row.doc_number_prefix or "",
        addressee=row.addressee or "",
        recipients=tuple(row.recipients or ()),
        second_backup_dir=row.second_backup_dir or "",
    )


def load_office(session: Session) -> OfficeSettings:
    """The office settings (the defaults when the database has none yet)."""
    row = session.scalar(select(OfficeRow).order_by(OfficeRow.id).limit(1))
    return _settings(row) if row is not None else OfficeSettings()


def office_version(session: Session) -> int:
    """The settings' version (0 before there are any): what a dialog opened."""
    row = session.scalar(select(OfficeRow).order_by(OfficeRow.id).limit(1))
    return row.version if row is not None else 0


def update_office(
    session: Session, changes: Mapping[str, str], *, expected_version: int | None = None
) -> list[str]:
    """Change settings in the caller's transaction; return 'key: old → new' per change.

    Unknown keys and over-long values are refused before anything changes; so are
    settings someone else changed since `expected_version` was read (office_version)."""
    for key, value in changes.items():
        if key not in OFFICE_FIELDS:
            raise StoreError(
                f"Không có thiết lập '{key}'. Các thiết lập có: {', '.join(OFFICE_FIELDS)}."
            )
        label, limit = OFFICE_FIELDS[key]
        if len(value) > limit:
            raise StoreError(f"{label} ({key}) dài quá {limit} ký tự.")
        if key == "name" and not value.strip():
            raise StoreError("Tên cơ quan báo cáo (name) không được để trống.")
    row = session.scalar(select(OfficeRow).order_by(OfficeRow.id).limit(1))
    if row is not None and expected_version is not None:
        check_version(row, expected_version, "Thông tin cơ quan báo cáo")
    if row is None:
        defaults = OfficeSettings()
        row = OfficeRow(
            **{
                k: (list(defaults.recipients) if k == "recipients" else getattr(defaults, k))
                for k in OFFICE_FIELDS
            }
        )
        session.add(row)
    done: list[str] = []
    for key, value in changes.items():
        old = getattr(row, key)
        if key == "recipients":
            new_list = split_recipients(value)
            if list(old or []) != new_list:
                row.recipients = new_list
                done.append(f"{key}: {'; '.join(old or [])} → {'; '.join(new_list)}")
        elif (old or "") != value:
            setattr(row, key, value)
            done.append(f"{key}: {old or '(trống)'} → {value or '(trống)'}")
    session.flush()
    return done
