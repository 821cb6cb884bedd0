"""The office's signing key and the offices it trusts.

    private, public = signing_key(session)        # raw Ed25519 bytes (None, None if absent)
    known = trusted_office(session, "huyen-ninh-son")
    remember_office(session, code, name, public)   # in the caller's (audited) transaction
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.fingerprint import fingerprint
from .models import OfficeKeyRow, TrustedOfficeRow


@dataclass(frozen=True)
class TrustedOffice:
    code: str
    name: str
    public_key: bytes
    fingerprint: str
    first_seen_at: dt.datetime


def signing_key(session: Session) -> tuple[bytes | None, bytes | None]:
    row = session.scalar(select(OfficeKeyRow).order_by(OfficeKeyRow.id).limit(1))
    if row is None:
        return None, None
    return base64.b64decode(row.private_key), base64.b64decode(row.public_key)


def own_fingerprint(session: Session) -> str:
    _private, public = signing_key(session)
    return fingerprint(public) if public else ""


def _office(row: TrustedOfficeRow) -> TrustedOffice:
    return TrustedOffice(row.code, row.name, base64.b64decode(row.public_key), row.fingerprint,
                         row.first_seen_at)


def trusted_office(session: Session, code: str) -> TrustedOffice | None:
    row = session.scalar(select(TrustedOfficeRow).where(TrustedOfficeRow.code == code))
    return _office(row) if row is not None else None


def trusted_offices(session: Session) -> list[TrustedOffice]:
    rows = session.scalars(select(TrustedOfficeRow).order_by(TrustedOfficeRow.code))
    return [_office(r) for r in rows]


def remember_office(session: Session, code: str, name: str, public_key: bytes) -> TrustedOffice:
    row = TrustedOfficeRow(code=code, name=name[:200],
                           public_key=base64.b64encode(public_key).decode("ascii"),
                           fingerprint=fingerprint(public_key))
    session.add(row)
    session.flush()
    return _office(row)


def forget_office(session: Session, code: str) -> TrustedOffice | None:
    row = session.scalar(select(TrustedOfficeRow).where(TrustedOfficeRow.code == code))
    if row is None:
        return None
    office = _office(row)
    session.delete(row)
    session.flush()
    return office
