"""Commendation proposals in the database: add, remove, list, dossier documents with files.

Every function works in the caller's transaction (``db.transaction(reason)``), which the
session hook audits; nothing here commits.

    with db.transaction("Thêm đề nghị khen thưởng") as s:
        p = add_collective(s, "2023", "22813")
        set_document(s, evidence_dir(db.path), p.id, "Tờ trình đề nghị khen thưởng",
                     file=Path("to-trinh.pdf"))
    with db.reading() as s:
        result = check_review(s, "2023")

Files attached to dossier documents are copied into the evidence folder beside the database
under their SHA-256 (``<sha256><suffix>``, as store.evidence names them); an identical file
is stored once. A file copied
for a transaction that is then rolled back stays there, unreferenced, and is harmless.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain.period_report import PeriodReport
from ..domain.plan import Plan
from ..domain.proposals import (
    Attachment,
    Proposal,
    ProposalCheck,
    ProposalError,
    ProposalInfo,
    ProposalKind,
    Suggestion,
    check_proposals,
    require_review,
    resolve_award,
    resolve_document,
    review_quotas,
    suggest,
)
from .database import register_new_file
from .errors import StoreError
from .evidence import checked_sha256, copy_in, stored_name
from .file_store import forget_unused, keep_content
from .models import PeriodRow, ProposalDocumentRow, ProposalRow, UnitRow
from .plans import former_names, load_plan, plan_row, unit_row
from .submissions import period_report
from .versions import check_version, touch

# --------------------------------------------------------------------------- files


def store_file(session: Session, evidence_root: Path, source: Path) -> Attachment:
    """Copy `source` into `evidence_root` as ``<sha256><suffix>`` (the naming of
    store.evidence), unless an identical copy is already there; a new copy goes again if
    the session's transaction rolls back. Returns the original file name and the hash."""
    source = Path(source)
    if not source.is_file():
        raise ProposalError(f"Không tìm thấy tệp hồ sơ: {source}")
    try:
        sha, size = checked_sha256(source)
        target = Path(evidence_root) / stored_name(sha, source.name)
        if copy_in(source, target, sha):
            register_new_file(session, target)
        keep_content(session, target, sha, size)  # on a server: for every clerk's PC
    except StoreError as exc:
        raise ProposalError(exc.message) from None
    except OSError as exc:
        raise ProposalError(
            f"Không sao chép được tệp hồ sơ {source.name} vào {evidence_root}: "
            f"{exc.strerror or exc}"
        ) from None
    return Attachment(file_name=source.name, sha256=sha)


def attachment_path(evidence_root: Path, attachment: Attachment) -> Path | None:
    """The stored copy of an attached file, or None if it is not (any more) there."""
    path = Path(evidence_root) / stored_name(attachment.sha256, attachment.file_name)
    return path if path.is_file() else None


# --------------------------------------------------------------------------- reading


def _to_domain(plan: Plan, row: ProposalRow) -> Proposal:
    documents = {name: False for name in plan.dossier}
    attachments: dict[str, Attachment] = {}
    for d in sorted(row.documents, key=lambda d: d.id):
        documents[d.name] = d.present
        if d.present and d.sha256:
            attachments[d.name] = Attachment(d.file_name, d.sha256)
    unit = row.unit
    return Proposal(
        id=row.id,
        review=row.review,
        award=row.award,
        kind=row.kind,
        unit_code=unit.code if unit else None,
        unit_kind=unit.kind if unit else None,
        unit_block=unit.block if unit else None,
        person_name=row.person_name,
        position=row.position,
        is_leader=row.is_leader,
        achievements=row.achievements,
        documents=documents,
        unit_name=unit.name if unit else "",
        attachments=attachments,
        version=row.version,
    )


def _rows(session: Session, review: str | None) -> list[ProposalRow]:
    query = (
        select(ProposalRow)
        .where(ProposalRow.plan_id == plan_row(session).id)
        .options(selectinload(ProposalRow.documents), selectinload(ProposalRow.unit))
        .order_by(ProposalRow.id)
    )
    if review is not None:
        query = query.where(ProposalRow.review == review)
    return list(session.scalars(query))


def list_proposals(
    session: Session, review: str | None = None, plan: Plan | None = None
) -> list[Proposal]:
    """The proposals (of one review, or all), in the order they were added."""
    plan = plan or load_plan(session)
    if review is not None:
        require_review(plan, review)
    return [_to_domain(plan, r) for r in _rows(session, review)]


def _row(session: Session, proposal_id: int, review: str | None = None) -> ProposalRow:
    row = session.get(ProposalRow, proposal_id)
    if row is None or (review is not None and row.review != review):
        where = f" trong kỳ xét {review}" if review is not None else ""
        raise ProposalError(f"Không có đề nghị khen thưởng số {proposal_id}{where}.")
    return row


def get_proposal(session: Session, proposal_id: int, plan: Plan | None = None) -> Proposal:
    plan = plan or load_plan(session)
    return _to_domain(plan, _row(session, proposal_id))


# --------------------------------------------------------------------------- writing


def add_collective(
    session: Session,
    review: str,
    unit_code: str,
    *,
    award: str | None = None,
    achievements: str = "",
    documents: Mapping[str, Path | None] | None = None,
    evidence_root: Path | None = None,
    plan: Plan | None = None,
) -> Proposal:
    """Propose a unit (tập thể) for an award at a review. `award` None: the only award of
    the review. `documents`: dossier documents to mark present, each with its file or None.

    Rules that the check reports (quota, evaluation, dossier, duplicates) do not refuse
    the proposal; an unknown review, award, unit or document does."""
    plan = plan or load_plan(session)
    award_name = resolve_award(plan, review, award)
    unit = unit_row(session, unit_code.strip())
    row = ProposalRow(
        plan_id=plan_row(session).id,
        review=review,
        award=award_name,
        kind=ProposalKind.COLLECTIVE.value,
        unit_id=unit.id,
        achievements=achievements.strip(),
    )
    return _insert(session, plan, row, documents, evidence_root)


def add_individual(
    session: Session,
    review: str,
    person_name: str,
    position: str,
    *,
    unit_code: str | None = None,
    is_leader: bool = False,
    award: str | None = None,
    achievements: str = "",
    documents: Mapping[str, Path | None] | None = None,
    evidence_root: Path | None = None,
    plan: Plan | None = None,
) -> Proposal:
    """Propose a person (cá nhân). `unit_code`: the unit the person works in; required
    where the award's quotas are shared among blocks (the unit tells the block)."""
    plan = plan or load_plan(session)
    award_name = resolve_award(plan, review, award)
    name = " ".join(person_name.split())
    if not name:
        raise ProposalError("Phải ghi họ và tên của cá nhân được đề nghị khen thưởng.")
    pos = " ".join(position.split())
    if not pos:
        raise ProposalError(f"Phải ghi chức vụ của {name}.")
    unit: UnitRow | None = None
    if unit_code is not None and unit_code.strip():
        unit = unit_row(session, unit_code.strip())
    elif any(q.block is not None for q in review_quotas(plan, review) if q.award == award_name):
        raise ProposalError(
            f"Hạn mức «{award_name}» chia theo khối thi đua; phải ghi đơn vị công tác của "
            f"{name} (--unit MÃ) để biết thuộc khối nào."
        )
    row = ProposalRow(
        plan_id=plan_row(session).id,
        review=review,
        award=award_name,
        kind=ProposalKind.INDIVIDUAL.value,
        unit_id=unit.id if unit else None,
        person_name=name,
        position=pos,
        is_leader=is_leader,
        achievements=achievements.strip(),
    )
    return _insert(session, plan, row, documents, evidence_root)


def _insert(
    session: Session,
    plan: Plan,
    row: ProposalRow,
    documents: Mapping[str, Path | None] | None,
    evidence_root: Path | None,
) -> Proposal:
    wanted: dict[str, Path | None] = {}
    for name, file in (documents or {}).items():
        wanted[resolve_document(plan, name)] = file
    for name, file in wanted.items():
        row.documents.append(_document(session, plan, name, True, file, evidence_root))
    session.add(row)
    session.flush()
    return _to_domain(plan, row)


def _document(
    session: Session,
    plan: Plan,
    name: str,
    present: bool,
    file: Path | None,
    evidence_root: Path | None,
) -> ProposalDocumentRow:
    doc = ProposalDocumentRow(name=name, present=present)
    if file is not None:
        if evidence_root is None:
            raise ValueError("evidence_root is needed to attach a file")
        kept = store_file(session, evidence_root, file)
        doc.file_name, doc.sha256 = kept.file_name, kept.sha256
    else:
        doc.file_name, doc.sha256 = "", ""
    return doc


def set_document(
    session: Session,
    evidence_root: Path | None,
    proposal_id: int,
    name: str,
    *,
    present: bool = True,
    file: Path | None = None,
    plan: Plan | None = None,
) -> Proposal:
    """Mark a dossier document of a proposal present (with its file, if given) or missing.
    `name`: the document's name in the plan, a unique beginning of it, or its number."""
    plan = plan or load_plan(session)
    doc_name = resolve_document(plan, name)
    if file is not None and not present:
        raise ProposalError(f"Không thể đính kèm tệp cho hồ sơ «{doc_name}» đánh dấu là thiếu.")
    row = _row(session, proposal_id)
    existing = next((d for d in row.documents if d.name == doc_name), None)
    fresh = _document(session, plan, doc_name, present, file, evidence_root)
    replaced = ""
    if existing is None:
        row.documents.append(fresh)
    else:
        existing.present = present
        if file is not None or not present:
            replaced = existing.sha256
            existing.file_name, existing.sha256 = fresh.file_name, fresh.sha256
    if existing is None or session.is_modified(existing):
        touch(session, row)
    session.flush()
    forget_unused(session, [replaced])  # on a server: its content, when nothing else uses it
    return _to_domain(plan, row)


def update_proposal(
    session: Session,
    proposal_id: int,
    *,
    person_name: str | None = None,
    position: str | None = None,
    is_leader: bool | None = None,
    achievements: str | None = None,
    plan: Plan | None = None,
    expected_version: int | None = None,
    review: str | None = None,
) -> Proposal:
    """Edit what a person types about a proposal. With `expected_version` (the version
    the dialog opened), a proposal someone else changed since is refused, naming who and
    when; with `review`, a proposal of another review is refused."""
    plan = plan or load_plan(session)
    row = _row(session, proposal_id, review)
    check_version(row, expected_version, f"Đề nghị khen thưởng “{_to_domain(plan, row).label}”")
    individual = row.kind == ProposalKind.INDIVIDUAL
    if person_name is not None:
        name = " ".join(person_name.split())
        if individual and not name:
            raise ProposalError("Phải ghi họ và tên của cá nhân được đề nghị khen thưởng.")
        row.person_name = name
    if position is not None:
        pos = " ".join(position.split())
        if individual and not pos:
            raise ProposalError(f"Phải ghi chức vụ của {row.person_name}.")
        row.position = pos
    if is_leader is not None:
        if not individual and is_leader:
            raise ProposalError("Chỉ cá nhân mới được đánh dấu là lãnh đạo, quản lý.")
        row.is_leader = is_leader
    if achievements is not None:
        row.achievements = achievements.strip()
    session.flush()
    return _to_domain(plan, row)


def remove_proposal(
    session: Session, proposal_id: int, *, review: str | None = None, plan: Plan | None = None
) -> Proposal:
    """Delete a proposal (its document records go with it; the copies in the evidence
    folder stay, the content kept on a server goes when nothing else uses it)."""
    plan = plan or load_plan(session)
    row = _row(session, proposal_id, review)
    gone = _to_domain(plan, row)
    files = [d.sha256 for d in row.documents]
    session.delete(row)
    session.flush()
    forget_unused(session, files)
    return gone


# --------------------------------------------------------------------------- rules


def review_report(session: Session, review: str, plan: Plan | None = None) -> PeriodReport:
    plan = plan or load_plan(session)
    require_review(plan, review)
    return period_report(session, review, plan)


def check_review(session: Session, review: str, plan: Plan | None = None) -> ProposalCheck:
    """check_proposals for one review, from the database."""
    plan = plan or load_plan(session)
    report = review_report(session, review, plan)
    return check_proposals(plan, review, list_proposals(session, review, plan), report)


def suggest_review(session: Session, review: str, plan: Plan | None = None) -> list[Suggestion]:
    plan = plan or load_plan(session)
    report = review_report(session, review, plan)
    return suggest(plan, review, list_proposals(session, review, plan), report)


def proposal_infos(session: Session, period_code: str) -> tuple[ProposalInfo, ...]:
    """The proposals of a period as the exports list them (no review check: every
    period can be exported)."""
    pid = plan_row(session).id
    rows = session.scalars(
        select(ProposalRow)
        .where(ProposalRow.plan_id == pid, ProposalRow.review == period_code)
        .options(selectinload(ProposalRow.unit), selectinload(ProposalRow.documents))
        .order_by(ProposalRow.kind, ProposalRow.id)
    ).all()
    period = session.scalar(select(PeriodRow).where(PeriodRow.code == period_code))
    former = former_names(session, period.ends) if period is not None else {}
    out = []
    for r in rows:
        unit_name = former.get(r.unit.id, r.unit.name) if r.unit else ""
        out.append(
            ProposalInfo(
                kind=r.kind,
                award=r.award,
                name=r.person_name if r.kind == "individual" else (unit_name or r.person_name),
                position=r.position,
                unit_code=r.unit.code if r.unit else "",
                unit_name=unit_name,
                is_leader=bool(r.is_leader),
                achievements=r.achievements,
                documents_present=sum(1 for d in r.documents if d.present),
                documents_total=len(r.documents),
            )
        )
    return tuple(out)
