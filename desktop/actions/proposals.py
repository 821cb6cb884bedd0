"""Commendation proposals (đề nghị khen thưởng) of a review: read, add, edit, remove, export.

`thidua proposals ...` and the "Khen thưởng" page both call these; each write is one
transaction with the audit reason built here (`add_reason`, `edit_reason`, `remove_reason`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..domain.errors import DomainError
from ..domain.period_report import PeriodReport
from ..domain.plan import Plan
from ..domain.proposals import (
    Proposal,
    ProposalCheck,
    QuotaUsage,
    Suggestion,
    check_proposals,
    quota_usage,
    require_review,
    suggest,
)
from ..paths import evidence_dir
from ..store import proposals as store
from ..store.database import Database
from ..store.office import load_office
from ..store.plans import load_plan

DocumentChange = tuple[str, bool, Path | None]  # dossier name, present, file to attach

if TYPE_CHECKING:
    from ..exchange.proposals_export import ProposalList


def add_reason(review: str, *, collective: bool) -> str:
    return f"Thêm đề nghị khen thưởng ({'tập thể' if collective else 'cá nhân'}) kỳ {review}"


def edit_reason(review: str, proposal_id: int) -> str:
    return f"Sửa đề nghị khen thưởng số {proposal_id} kỳ {review}"


def remove_reason(proposal_id: int) -> str:
    return f"Xóa đề nghị khen thưởng số {proposal_id}"


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class ReviewState:
    """A review read in one session: its evaluation, its proposals checked, suggestions."""

    review: str
    plan: Plan
    report: PeriodReport  # the evaluation of the review's period
    check: ProposalCheck
    suggestions: list[Suggestion]

    @property
    def label(self) -> str:
        return self.plan.period(self.review).label

    def usage(self) -> tuple[QuotaUsage, ...]:
        return quota_usage(self.plan, self.review, self.check.proposals)


def load_state(db: Database, review: str) -> ReviewState:
    with db.reading() as s:
        plan = load_plan(s)
        report = store.review_report(s, review, plan)
        proposals = store.list_proposals(s, review, plan)
    return ReviewState(
        review,
        plan,
        report,
        check_proposals(plan, review, proposals, report),
        suggest(plan, review, proposals, report),
    )


def list_proposals(db: Database, review: str) -> tuple[Plan, list[Proposal]]:
    with db.reading() as s:
        plan = load_plan(s)
        return plan, store.list_proposals(s, review, plan)


def check_review(db: Database, review: str) -> tuple[Plan, ProposalCheck]:
    with db.reading() as s:
        plan = load_plan(s)
        return plan, store.check_review(s, review, plan)


# --------------------------------------------------------------------------- writing


def add_collective(
    db: Database,
    review: str,
    unit_code: str,
    *,
    award: str | None = None,
    achievements: str = "",
    documents: Mapping[str, Path | None] | None = None,
) -> Proposal:
    """Propose a unit; `documents`: dossier documents present, each with its file or None."""
    with db.transaction(add_reason(review, collective=True)) as s:
        return store.add_collective(
            s,
            review,
            unit_code,
            award=award,
            achievements=achievements,
            documents=documents,
            evidence_root=evidence_dir(db.path),
            plan=load_plan(s),
        )


def add_individual(
    db: Database,
    review: str,
    person_name: str,
    position: str,
    *,
    unit_code: str | None = None,
    is_leader: bool = False,
    award: str | None = None,
    achievements: str = "",
    documents: Mapping[str, Path | None] | None = None,
) -> Proposal:
    with db.transaction(add_reason(review, collective=False)) as s:
        return store.add_individual(
            s,
            review,
            person_name,
            position,
            unit_code=unit_code,
            is_leader=is_leader,
            award=award,
            achievements=achievements,
            documents=documents,
            evidence_root=evidence_dir(db.path),
            plan=load_plan(s),
        )


def edit_proposal(
    db: Database,
    review: str,
    proposal_id: int,
    *,
    person_name: str | None = None,
    position: str | None = None,
    is_leader: bool | None = None,
    achievements: str | None = None,
    documents: Sequence[DocumentChange] = (),
    expected_version: int | None = None,
) -> Proposal:
    """Change a proposal and its dossier (each change: present or not, file to attach);
    with `expected_version` (Proposal.version), refused when someone else changed it since."""
    with db.transaction(edit_reason(review, proposal_id)) as s:
        plan = load_plan(s)
        p = store.update_proposal(
            s,
            proposal_id,
            person_name=person_name,
            position=position,
            is_leader=is_leader,
            achievements=achievements,
            plan=plan,
            expected_version=expected_version,
            review=review,
        )
        for name, present, file in documents:
            p = store.set_document(
                s, evidence_dir(db.path), p.id, name, present=present, file=file, plan=plan
            )
        return p


def remove_proposal(db: Database, review: str, proposal_id: int) -> Proposal:
    with db.transaction(remove_reason(proposal_id)) as s:
        plan = load_plan(s)
        require_review(plan, review)
        return store.remove_proposal(s, proposal_id, review=review, plan=plan)


# --------------------------------------------------------------------------- export


def proposal_list(db: Database, review: str) -> ProposalList:
    """What the list the office sends is written from."""
    # openpyxl and reportlab (a second at import) load when a list is made, in its task,
    # not when the window shows the Khen thưởng page
    from ..exchange.proposals_export import ProposalList

    with db.reading() as s:
        plan = load_plan(s)
        return ProposalList(
            plan=plan,
            check=store.check_review(s, review, plan),
            report=store.review_report(s, review, plan),
            office=load_office(s),
        )


def write_proposal_list(data: ProposalList, kind: Literal["xlsx", "pdf"], path: Path) -> Path:
    """Write the list ('xlsx' or 'pdf') whole or not at all."""
    if not path.parent.is_dir():
        raise DomainError(f"Thư mục {path.parent} không tồn tại.")
    from ..exchange.proposals_export import write_pdf, write_xlsx

    (write_xlsx if kind == "xlsx" else write_pdf)(data, path)
    return path
