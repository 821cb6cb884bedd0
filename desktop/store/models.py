"""SQLAlchemy 2 typed models. ORM classes are named *Row (never confused with Qt models)."""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class OfficeRow(Base):
    """The collecting office and who signs its reports (one row)."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="Phòng Văn hóa và Thông tin")
    short_name: Mapped[str] = mapped_column(String(40), default="VHTT")
    parent_body: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    area: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    signer_authority: Mapped[str] = mapped_column(String(100), default="KT. TRƯỞNG PHÒNG")
    signer_title: Mapped[str] = mapped_column(String(100), default="PHÓ TRƯỞNG PHÒNG")
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    doc_number_prefix: Mapped[str] = mapped_column(String(40), default="/BC-VHTT")
    # "Kính gửi:" of the reports; empty: the body that issued the plan
    addressee: Mapped[str] = mapped_column(String(200), default="")
    recipients: Mapped[list[str]] = mapped_column(default=list)
    second_backup_dir: Mapped[str] = mapped_column(String(1000), default="")
    # Several staff on one server: bumped by every update (the ORM's version check), with
    # who changed the row last and when (store.versions).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    __mapper_args__ = {"version_id_col": version}


class PlanRow(Base):
    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    number: Mapped[str] = mapped_column(String(60), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(40), default="")
    area: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    unit_kinds: Mapped[list[str]] = mapped_column(default=list)
    dossier: Mapped[list[str]] = mapped_column(default=list)
    source_note: Mapped[str] = mapped_column(Text, default="")
    extras: Mapped[dict[str, Any]] = mapped_column(default=dict)
    ranking_indicator: Mapped[str | None] = mapped_column(String(60), nullable=True)
    ranking_descending: Mapped[bool] = mapped_column(Boolean, default=True)
    ranking_source: Mapped[str] = mapped_column(String(60), default="")


class BlockRow(Base):
    __tablename__ = "block"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))


class UnitRow(Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    block: Mapped[str | None] = mapped_column(String(40), nullable=True)
    active_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    active_to: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    merged_into: Mapped["UnitRow | None"] = relationship(remote_side=[id])


class UnitNameRow(Base):
    """A name a unit had before it was renamed (or before a merger renamed it): valid up
    to and including `valid_to`. The unit's current name is UnitRow.name."""

    __tablename__ = "unit_name"
    __table_args__ = (UniqueConstraint("unit_id", "valid_to"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    valid_to: Mapped[dt.date] = mapped_column(Date)


class PeriodRow(Base):
    __tablename__ = "period"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    starts: Mapped[dt.date] = mapped_column(Date)
    ends: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date] = mapped_column(Date)
    review: Mapped[str] = mapped_column(String(20), default="year")


class IndicatorRow(Base):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    unit_kinds: Mapped[list[str]] = mapped_column(default=list)
    measure: Mapped[str] = mapped_column(String(40), default="")
    numerator_label: Mapped[str] = mapped_column(String(200), default="")
    denominator_label: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(60), default="")
    maximum: Mapped[float | None] = mapped_column(Float, nullable=True)  # a score's scale
    short: Mapped[str] = mapped_column(String(60), default="", server_default="")


class CriterionRow(Base):
    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(Text)
    indicator_code: Mapped[str] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(4))
    threshold_number: Mapped[float | None] = mapped_column(Float, nullable=True)
    threshold_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    unit_kinds: Mapped[list[str]] = mapped_column(default=list)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(60), default="")
    # the period codes the criterion applies to; empty: every period
    periods: Mapped[list[str]] = mapped_column(default=list)
    short: Mapped[str] = mapped_column(String(60), default="", server_default="")


class QuotaRow(Base):
    __tablename__ = "quota"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    review: Mapped[str] = mapped_column(String(40))
    award: Mapped[str] = mapped_column(String(200))
    collectives: Mapped[int | None] = mapped_column(Integer, nullable=True)
    individuals: Mapped[int | None] = mapped_column(Integer, nullable=True)
    block: Mapped[str | None] = mapped_column(String(40), nullable=True)
    leader_share_max: Mapped[float | None] = mapped_column(Float, nullable=True)
    source: Mapped[str] = mapped_column(String(60), default="")


class SubmissionRow(Base):
    """One unit's report for one period, and where it stands in review."""

    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("unit_id", "period_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="other")
    state: Mapped[str] = mapped_column(String(20), default="received")
    state_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    return_reason: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str] = mapped_column(String(260), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    prepared_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Several staff on one server: bumped by every update (the ORM's version check), with
    # who changed the row last and when (store.versions).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    __mapper_args__ = {"version_id_col": version}
    unit: Mapped["UnitRow"] = relationship()
    period: Mapped["PeriodRow"] = relationship()
    values: Mapped[list["ValueRow"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )
    evidence: Mapped[list["EvidenceRow"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )
    events: Mapped[list["ReviewEventRow"]] = relationship(
        cascade="all, delete-orphan", order_by="ReviewEventRow.id"
    )


class ReviewEventRow(Base):
    """A dated change of a submission's review state, with its reason."""

    __tablename__ = "review_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    from_state: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(100), default="")


class ValueRow(Base):
    __tablename__ = "value"
    __table_args__ = (UniqueConstraint("submission_id", "indicator_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    indicator_code: Mapped[str] = mapped_column(String(60))
    numerator: Mapped[float | None] = mapped_column(Float, nullable=True)
    denominator: Mapped[float | None] = mapped_column(Float, nullable=True)
    number: Mapped[float | None] = mapped_column(Float, nullable=True)
    flag: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    day: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    submission: Mapped["SubmissionRow"] = relationship(back_populates="values")


class EvidenceRow(Base):
    """Minh chứng: registered as an office registers a document, with its file."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    doc_number: Mapped[str] = mapped_column(String(60), default="")  # số hiệu
    title: Mapped[str] = mapped_column(String(300), default="")  # tên văn bản
    issued_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # ngày ban hành
    summary: Mapped[str] = mapped_column(Text, default="")  # trích yếu
    file_name: Mapped[str] = mapped_column(String(260), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    submission: Mapped["SubmissionRow"] = relationship(back_populates="evidence")


class ProposalRow(Base):
    """Đề nghị khen thưởng: a collective (a unit) or an individual."""

    __tablename__ = "proposal"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"))
    review: Mapped[str] = mapped_column(String(40))  # period code of the review
    award: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # collective | individual
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    person_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    achievements: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # Several staff on one server: bumped by every update (the ORM's version check), with
    # who changed the row last and when (store.versions).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    __mapper_args__ = {"version_id_col": version}
    unit: Mapped["UnitRow | None"] = relationship()
    documents: Mapped[list["ProposalDocumentRow"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan"
    )


class StoredFileRow(Base):
    """The content of an evidence or dossier file, by its SHA-256, kept in a server's
    database so that every clerk's PC can open it (a file database keeps its copies in
    the folder beside it; a backup of a server brings them along)."""

    __tablename__ = "stored_file"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class ProposalDocumentRow(Base):
    __tablename__ = "proposal_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))  # one of the plan's dossier documents
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    proposal: Mapped["ProposalRow"] = relationship(back_populates="documents")


class AuditRow(Base):
    """Who changed what, when, from which value to which."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(20))  # insert | update | delete | note
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")


class OfficeKeyRow(Base):
    """This office's Ed25519 signing key (one row, made when the database is created)."""

    __tablename__ = "office_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    private_key: Mapped[str] = mapped_column(String(100))  # base64 of the 32 raw bytes
    public_key: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class TrustedOfficeRow(Base):
    """An office whose packages are accepted, with the key first seen (and confirmed)."""

    __tablename__ = "trusted_office"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(100))
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=_now)
