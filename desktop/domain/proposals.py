"""Đề nghị khen thưởng: commendation proposals checked against the plan's quotas and dossier.

Everything comes from the plan: the awards and their quotas per review (and per block where
the plan's quotas have blocks), the share of leaders among individuals, the dossier
documents. A collective must have passed the evaluation of the review's period.

    check = check_proposals(plan, "2023", proposals, period_report)
    for b in check.breaches: print(b.rule, b.source, b.message)
    suggest(plan, "2023", proposals, period_report)   # best passed units not yet proposed
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import DomainError
from .evaluation import UnitResult
from .period_report import PeriodReport
from .plan import Plan, Quota
from .vnformat import number, percent


class ProposalKind(StrEnum):
    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"


KIND_LABELS = {"collective": "Tập thể", "individual": "Cá nhân"}


class Rule(StrEnum):
    NO_QUOTA = "NO_QUOTA"
    QUOTA_COLLECTIVES = "QUOTA_COLLECTIVES"
    QUOTA_INDIVIDUALS = "QUOTA_INDIVIDUALS"
    LEADER_SHARE = "LEADER_SHARE"
    COLLECTIVE_NOT_PASSED = "COLLECTIVE_NOT_PASSED"
    DOSSIER_INCOMPLETE = "DOSSIER_INCOMPLETE"
    DUPLICATE = "DUPLICATE"
    NOT_TOP_UNIT = "NOT_TOP_UNIT"


RULE_LABELS = {
    "NO_QUOTA": "Không có hạn mức khen thưởng",
    "QUOTA_COLLECTIVES": "Vượt số tập thể được đề nghị",
    "QUOTA_INDIVIDUALS": "Vượt số cá nhân được đề nghị",
    "LEADER_SHARE": "Vượt tỷ lệ cá nhân là lãnh đạo, quản lý",
    "COLLECTIVE_NOT_PASSED": "Tập thể chưa đạt tiêu chuẩn thi đua",
    "DOSSIER_INCOMPLETE": "Hồ sơ chưa đủ",
    "DUPLICATE": "Đề nghị trùng",
    "NOT_TOP_UNIT": "Cá nhân không thuộc đơn vị dẫn đầu khối",
}


class ProposalError(DomainError):
    """A proposal cannot be recorded as asked (unknown review, award, unit, document...)."""


@dataclass(frozen=True)
class Attachment:
    """The file kept for a dossier document: its original name and its SHA-256."""

    file_name: str
    sha256: str


@dataclass(frozen=True)
class Proposal:
    id: int
    review: str  # period code of the review (sơ kết / tổng kết / yearly)
    award: str
    kind: str  # ProposalKind value
    unit_code: str | None = None  # the collective, or the individual's unit
    unit_kind: str | None = None
    unit_block: str | None = None
    person_name: str = ""
    position: str = ""
    is_leader: bool = False
    achievements: str = ""
    documents: dict[str, bool] = field(default_factory=dict)  # dossier name -> present
    unit_name: str = ""
    attachments: dict[str, Attachment] = field(default_factory=dict)
    version: int = 0  # of the stored row: a save refuses what someone else changed since

    @property
    def is_collective(self) -> bool:
        return self.kind == ProposalKind.COLLECTIVE

    @property
    def label(self) -> str:
        """'Xã Lâm Sơn (22813)' or 'Nguyễn Văn A, Chủ tịch UBND xã — Xã Lâm Sơn'."""
        if self.is_collective:
            return f"{self.unit_name or self.unit_code} ({self.unit_code})"
        text = self.person_name
        if self.position:
            text += f", {self.position}"
        if self.unit_name:
            text += f" — {self.unit_name}"
        return text

    def missing_documents(self, plan: Plan) -> list[str]:
        return [d for d in plan.dossier if not self.documents.get(d, False)]


@dataclass(frozen=True)
class Breach:
    rule: str  # Rule value
    message: str  # Vietnamese, with the numbers and the rule
    source: str  # clause of the plan, e.g. "V.2"
    proposal_ids: tuple[int, ...]


@dataclass(frozen=True)
class QuotaUsage:
    """What is proposed under one quota (an award at a review, maybe for one block)."""

    quota: Quota
    collective_ids: tuple[int, ...]
    individual_ids: tuple[int, ...]
    leader_ids: tuple[int, ...]

    @property
    def collectives(self) -> int:
        return len(self.collective_ids)

    @property
    def individuals(self) -> int:
        return len(self.individual_ids)

    @property
    def leaders(self) -> int:
        return len(self.leader_ids)

    @property
    def remaining_collectives(self) -> int | None:
        q = self.quota.collectives
        return None if q is None else max(0, q - self.collectives)

    @property
    def remaining_individuals(self) -> int | None:
        q = self.quota.individuals
        return None if q is None else max(0, q - self.individuals)

    @property
    def leaders_allowed(self) -> int | None:
        """How many of the individuals proposed may be leaders (rounded down)."""
        share = self.quota.leader_share_max
        if share is None:
            return None
        return math.floor(self.individuals * share / 100 + 1e-9)


@dataclass(frozen=True)
class ProposalCheck:
    plan_code: str
    review: str
    review_label: str
    proposals: tuple[Proposal, ...]
    usage: tuple[QuotaUsage, ...]
    breaches: tuple[Breach, ...]

    @property
    def ok(self) -> bool:
        return not self.breaches

    def breaches_for(self, proposal_id: int) -> tuple[Breach, ...]:
        return tuple(b for b in self.breaches if proposal_id in b.proposal_ids)

    def rules(self) -> set[str]:
        return {b.rule for b in self.breaches}


@dataclass(frozen=True)
class Suggestion:
    review: str
    award: str
    block: str | None  # the quota's block (None: the quota covers every unit)
    unit_code: str
    unit_name: str
    unit_kind: str
    rank: int | None  # within the unit's kind or block
    score: float | None  # the plan's ranking value
    source: str  # clause of the quota


# --------------------------------------------------------------------------- the plan


def review_quotas(plan: Plan, review: str) -> tuple[Quota, ...]:
    return tuple(q for q in plan.quotas if q.review == review)


def review_codes(plan: Plan) -> list[str]:
    """The periods at which the plan gives awards (those with a quota), in plan order."""
    with_quota = {q.review for q in plan.quotas}
    return [p.code for p in plan.periods if p.code in with_quota]


def review_awards(plan: Plan, review: str) -> list[str]:
    seen: list[str] = []
    for q in review_quotas(plan, review):
        if q.award not in seen:
            seen.append(q.award)
    return seen


def require_review(plan: Plan, review: str) -> None:
    """ProposalError unless the plan gives awards at this review."""
    try:
        period = plan.period(review)
    except KeyError:
        known = ", ".join(review_codes(plan)) or "(không có)"
        raise ProposalError(
            f"Không có kỳ xét khen thưởng '{review}' trong kế hoạch. "
            f"Các kỳ xét khen thưởng: {known}"
        ) from None
    if not review_quotas(plan, review):
        known = ", ".join(review_codes(plan)) or "(không có)"
        raise ProposalError(
            f"Kế hoạch không quy định khen thưởng ở kỳ {period.label} ({review}). "
            f"Các kỳ xét khen thưởng: {known}"
        )


def resolve_award(plan: Plan, review: str, award: str | None) -> str:
    """The award as the plan writes it: the only award of the review when None; else the
    award matched by exact name (ignoring case) or by a unique beginning."""
    require_review(plan, review)
    awards = review_awards(plan, review)
    label = plan.period(review).label
    if award is None or not award.strip():
        if len(awards) == 1:
            return awards[0]
        listing = "; ".join(f"«{a}»" for a in awards)
        raise ProposalError(
            f"Kỳ {label} có {len(awards)} hình thức khen thưởng; hãy chọn một: {listing}"
        )
    found = _match(award, awards)
    if found is None:
        listing = "; ".join(f"«{a}»" for a in awards)
        raise ProposalError(
            f"Kỳ {label} không có hình thức khen thưởng «{award.strip()}». "
            f"Kế hoạch quy định: {listing}"
        )
    return found


def resolve_document(plan: Plan, name: str) -> str:
    """A dossier document of the plan by its name, a unique beginning, or its number (1, 2...)."""
    if not plan.dossier:
        raise ProposalError("Kế hoạch không quy định thành phần hồ sơ đề nghị khen thưởng.")
    text = name.strip()
    if text.isdigit() and 1 <= int(text) <= len(plan.dossier):
        return plan.dossier[int(text) - 1]
    found = _match(text, list(plan.dossier))
    if found is None:
        listing = "; ".join(f"{i}. {d}" for i, d in enumerate(plan.dossier, start=1))
        raise ProposalError(
            f"Hồ sơ «{text}» không có trong thành phần hồ sơ của kế hoạch: {listing}"
        )
    return found


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _match(text: str, choices: Sequence[str]) -> str | None:
    k = _key(text)
    if not k:
        return None
    for c in choices:
        if _key(c) == k:
            return c
    starts = [c for c in choices if _key(c).startswith(k)]
    return starts[0] if len(starts) == 1 else None


def block_label(plan: Plan, code: str | None) -> str:
    """'Khối 3' for a block whose name is 'Khối 3: Ủy ban nhân dân xã...'."""
    if code is None:
        return ""
    for b in plan.blocks:
        if b.code == code:
            return b.name.split(":", 1)[0].strip() or code
    return code


def quota_scope(plan: Plan, quota: Quota) -> str:
    """«Giấy khen của Chủ tịch UBND huyện» or «Bằng khen ...», Khối 3."""
    text = f"«{quota.award}»"
    if quota.block is not None:
        text += f", {block_label(plan, quota.block)}"
    return text


def dossier_by_office(plan: Plan) -> bool:
    """The dossier is the office's own choice: the plan states none ([plan] dossier_by =
    "office"), so it is cited with no clause."""
    return plan.extras.get("dossier_by") == "office"


def dossier_source(plan: Plan, review: str, award: str) -> str:
    """The clause for the dossier: the plan's own `dossier_source` if it has one, else the
    clause of the award's quota (the schema keeps no clause for the dossier itself)."""
    if dossier_by_office(plan):
        return ""
    own = plan.extras.get("dossier_source")
    if isinstance(own, str) and own.strip():
        return own.strip()
    return _award_source(plan, review, award)


def _award_source(plan: Plan, review: str, award: str) -> str:
    sources = []
    for q in review_quotas(plan, review):
        if q.award == award and q.source and q.source not in sources:
            sources.append(q.source)
    return ", ".join(sources)


def _in_scope(quota: Quota, p: Proposal) -> bool:
    if p.award != quota.award:
        return False
    return quota.block is None or p.unit_block == quota.block


# --------------------------------------------------------------------------- check


def _not_top_units(
    plan: Plan,
    label: str,
    usage: Sequence[QuotaUsage],
    mine: Sequence[Proposal],
    period_report: PeriodReport,
) -> list[Breach]:
    """A block's individuals quota goes to people of the block's best-ranked units
    ("cá nhân ... thuộc 03 đơn vị đạt tỷ lệ điểm cao ... của Khối 3", Cần Thơ III.2):
    an individual from a unit ranked below the quota's number is pointed out."""
    out = []
    ranks = {r.unit.code: r.rank for r in period_report.units}
    for u in usage:
        q = u.quota
        if q.block is None or not q.individuals:
            continue
        for p in mine:
            if p.is_collective or p.id not in u.individual_ids:
                continue
            rank = ranks.get(p.unit_code or "")
            if rank is not None and rank <= q.individuals:
                continue
            where = f"xếp hạng {rank} trong khối" if rank is not None else "chưa được xếp hạng"
            out.append(Breach(
                Rule.NOT_TOP_UNIT,
                f"{p.label}: đơn vị {where} kỳ {label}; «{q.award}» dành "
                f"{q.individuals} cá nhân cho {q.individuals} đơn vị dẫn đầu "
                f"{block_label(plan, q.block)}.",
                q.source,
                (p.id,),
            ))
    return out


def quota_usage(plan: Plan, review: str, proposals: Iterable[Proposal]) -> tuple[QuotaUsage, ...]:
    """The count of collectives, individuals and leaders proposed under every quota."""
    mine = [p for p in proposals if p.review == review]
    usage = []
    for q in review_quotas(plan, review):
        inside = [p for p in mine if _in_scope(q, p)]
        usage.append(
            QuotaUsage(
                quota=q,
                collective_ids=tuple(p.id for p in inside if p.is_collective),
                individual_ids=tuple(p.id for p in inside if not p.is_collective),
                leader_ids=tuple(p.id for p in inside if not p.is_collective and p.is_leader),
            )
        )
    return tuple(usage)


def check_proposals(
    plan: Plan,
    review_code: str,
    proposals: Sequence[Proposal],
    period_report: PeriodReport,
) -> ProposalCheck:
    """Every breach of the plan's rules by the proposals of one review.

    `period_report` is the evaluation of the review's period (a collective must pass it).
    Proposals of other reviews are ignored.
    """
    require_review(plan, review_code)
    if period_report.period.code != review_code:
        raise ValueError(
            f"period_report is for {period_report.period.code}, not for review {review_code}"
        )
    label = plan.period(review_code).label
    mine = tuple(p for p in proposals if p.review == review_code)
    usage = quota_usage(plan, review_code, mine)
    breaches: list[Breach] = []

    # Proposals that no quota covers: an award the plan does not give at this review, or a
    # unit outside every block the award is shared among.
    for p in mine:
        if any(_in_scope(u.quota, p) for u in usage):
            continue
        awards = review_awards(plan, review_code)
        if p.award not in awards:
            why = (
                f"kế hoạch không quy định hình thức «{p.award}» ở kỳ {label} "
                f"(chỉ có: {'; '.join(awards)})"
            )
            quotas = review_quotas(plan, review_code)
            src = ", ".join(sorted({q.source for q in quotas if q.source}))
        else:
            blocks = [block_label(plan, u.quota.block) for u in usage if u.quota.award == p.award]
            where = block_label(plan, p.unit_block) if p.unit_block else "không thuộc khối nào"
            why = (
                f"hạn mức «{p.award}» kỳ {label} chia theo khối ({', '.join(blocks)}), "
                f"đơn vị đề nghị {where}"
            )
            src = _award_source(plan, review_code, p.award)
        breaches.append(Breach(Rule.NO_QUOTA, f"{p.label}: {why}.", src, (p.id,)))

    for u in usage:
        q = u.quota
        scope = quota_scope(plan, q)
        if q.collectives is not None and u.collectives > q.collectives:
            breaches.append(
                Breach(
                    Rule.QUOTA_COLLECTIVES,
                    f"{scope} kỳ {label}: đề nghị {u.collectives} tập thể, vượt hạn mức "
                    f"không quá {q.collectives} tập thể (thừa {u.collectives - q.collectives}).",
                    q.source,
                    u.collective_ids,
                )
            )
        if q.individuals is not None and u.individuals > q.individuals:
            breaches.append(
                Breach(
                    Rule.QUOTA_INDIVIDUALS,
                    f"{scope} kỳ {label}: đề nghị {u.individuals} cá nhân, vượt hạn mức "
                    f"không quá {q.individuals} cá nhân (thừa {u.individuals - q.individuals}).",
                    q.source,
                    u.individual_ids,
                )
            )
        allowed = u.leaders_allowed
        if (
            q.leader_share_max is not None
            and allowed is not None
            and u.individuals
            and u.leaders > allowed
        ):
            share = u.leaders / u.individuals * 100
            breaches.append(
                Breach(
                    Rule.LEADER_SHARE,
                    f"{scope} kỳ {label}: {u.leaders}/{u.individuals} cá nhân được đề nghị là "
                    f"lãnh đạo, quản lý ({percent(share)}), vượt tỷ lệ không quá "
                    f"{number(q.leader_share_max)} % tổng số cá nhân được đề nghị "
                    f"(tối đa {allowed} người).",
                    q.source,
                    u.leader_ids,
                )
            )

    breaches += _not_top_units(plan, label, usage, mine, period_report)

    for p in mine:
        if not p.is_collective:
            continue
        b = _not_passed(plan, review_code, label, p, period_report)
        if b is not None:
            breaches.append(b)

    for p in mine:
        missing = p.missing_documents(plan)
        if missing:
            listing = "; ".join(missing)
            breaches.append(
                Breach(
                    Rule.DOSSIER_INCOMPLETE,
                    f"{p.label}: hồ sơ còn thiếu {len(missing)}/{len(plan.dossier)} thành phần: "
                    f"{listing}."
                    + (" (Thành phần hồ sơ do cơ quan tự quy định; kế hoạch không nêu.)"
                       if dossier_by_office(plan) else ""),
                    dossier_source(plan, review_code, p.award),
                    (p.id,),
                )
            )

    groups: dict[tuple[str, ...], list[Proposal]] = {}
    for p in mine:
        if p.is_collective:
            key: tuple[str, ...] = ("c", p.award, p.unit_code or "")
        else:
            key = ("i", p.award, _key(p.person_name), p.unit_code or "")
        groups.setdefault(key, []).append(p)
    for same in groups.values():
        if len(same) < 2:
            continue
        first = same[0]
        who = "Tập thể" if first.is_collective else "Cá nhân"
        ids = ", ".join(f"số {p.id}" for p in same)
        breaches.append(
            Breach(
                Rule.DUPLICATE,
                f"{who} {first.label} được đề nghị {len(same)} lần cho «{first.award}» kỳ {label} "
                f"(đề nghị {ids}); mỗi {who.lower()} chỉ được đề nghị một lần.",
                _award_source(plan, review_code, first.award),
                tuple(p.id for p in same),
            )
        )

    return ProposalCheck(plan.code, review_code, label, mine, usage, tuple(breaches))


def _not_passed(
    plan: Plan, review: str, label: str, p: Proposal, report: PeriodReport
) -> Breach | None:
    try:
        ur = report.unit(p.unit_code or "")
    except KeyError:
        return Breach(
            Rule.COLLECTIVE_NOT_PASSED,
            f"{p.label}: không có trong kết quả đánh giá kỳ {label} "
            "(đơn vị không phải báo cáo kỳ này), nên chưa đạt tiêu chuẩn thi đua.",
            _award_source(plan, review, p.award),
            (p.id,),
        )
    if ur.result is UnitResult.PASS:
        return None
    lacking = [r for r in ur.criteria if r.criterion.mandatory and r.outcome != "pass"]
    sources: list[str] = []
    for r in lacking:
        if r.criterion.source and r.criterion.source not in sources:
            sources.append(r.criterion.source)
    if ur.result is UnitResult.NOT_SUBMITTED:
        why = "chưa nộp báo cáo"
    else:
        details = "; ".join(f"{r.code} — {r.explanation}" for r in lacking)
        why = f"{ur.verdict.lower()} ({details})"
    return Breach(
        Rule.COLLECTIVE_NOT_PASSED,
        f"{p.label}: kết quả thi đua kỳ {label} là {why}; chỉ tập thể đạt tiêu chuẩn thi đua "
        "mới được đề nghị khen thưởng.",
        ", ".join(sources) or _award_source(plan, review, p.award),
        (p.id,),
    )


# --------------------------------------------------------------------------- suggest


def suggest(
    plan: Plan,
    review_code: str,
    proposals: Sequence[Proposal],
    period_report: PeriodReport,
) -> list[Suggestion]:
    """For every quota with collectives left: the best-ranked units of its scope (its block,
    or every kind) that passed the review's period and are not yet proposed at this review,
    at most as many as the quota has left. Ranks are those of the period report (within a
    kind or a block); units that passed without a ranking value come after, by code."""
    require_review(plan, review_code)
    if period_report.period.code != review_code:
        raise ValueError(
            f"period_report is for {period_report.period.code}, not for review {review_code}"
        )
    mine = [p for p in proposals if p.review == review_code]
    proposed = {p.unit_code for p in mine if p.is_collective}
    out: list[Suggestion] = []
    taken: set[str] = set()  # a unit is suggested once per review
    for u in quota_usage(plan, review_code, mine):
        q = u.quota
        left = u.remaining_collectives
        if left == 0:
            continue
        candidates = [
            r
            for r in period_report.units
            if r.result is UnitResult.PASS
            and r.unit.code not in proposed
            and (q.block is None or r.unit.block == q.block)
            and r.unit.code not in taken
        ]
        candidates.sort(
            key=lambda r: (
                r.rank is None,
                r.rank or 0,
                -(r.rank_value or 0.0)
                if plan.ranking is None or plan.ranking.descending
                else (r.rank_value or 0.0),
                r.unit.code,
            )
        )
        if left is not None:
            candidates = candidates[:left]
        for r in candidates:
            taken.add(r.unit.code)
            out.append(
                Suggestion(
                    review=review_code,
                    award=q.award,
                    block=q.block,
                    unit_code=r.unit.code,
                    unit_name=r.unit.name,
                    unit_kind=r.unit.kind,
                    rank=r.rank,
                    score=r.rank_value,
                    source=q.source,
                )
            )
    return out


def proposals_by_award(proposals: Iterable[Proposal]) -> dict[str, list[Proposal]]:
    """Proposals grouped by award, in order of first appearance; collectives first."""
    groups: dict[str, list[Proposal]] = {}
    for p in proposals:
        groups.setdefault(p.award, []).append(p)
    return {a: sorted(ps, key=lambda p: (not p.is_collective, p.id)) for a, ps in groups.items()}


def documents_text(plan: Plan, p: Proposal) -> str:
    """'Đủ (3/3)' or 'Thiếu 1/3' for the dossier of one proposal; '' when the plan has none."""
    if not plan.dossier:
        return ""
    have = len(plan.dossier) - len(p.missing_documents(plan))
    if have == len(plan.dossier):
        return f"Đủ ({have}/{len(plan.dossier)})"
    return f"Thiếu {len(plan.dossier) - have}/{len(plan.dossier)}"


def as_mapping(p: Proposal) -> Mapping[str, object]:
    """A proposal as JSON-ready data (for `--format json`, packages)."""
    return {
        "id": p.id,
        "review": p.review,
        "award": p.award,
        "kind": p.kind,
        "unit_code": p.unit_code,
        "unit_name": p.unit_name or None,
        "unit_kind": p.unit_kind,
        "unit_block": p.unit_block,
        "person_name": p.person_name or None,
        "position": p.position or None,
        "is_leader": p.is_leader,
        "achievements": p.achievements,
        "documents": [
            {
                "name": name,
                "present": present,
                "file_name": p.attachments[name].file_name if name in p.attachments else None,
                "sha256": p.attachments[name].sha256 if name in p.attachments else None,
            }
            for name, present in p.documents.items()
        ],
    }


@dataclass(frozen=True)
class ProposalInfo:
    """A proposal as the exports list it (desktop.exchange.export_input)."""


    kind: str  # collective | individual
    award: str
    name: str  # the unit's name for a collective, the person's for an individual
    position: str
    unit_code: str
    unit_name: str
    is_leader: bool
    achievements: str
    documents_present: int
    documents_total: int
