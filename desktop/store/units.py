"""Units and blocks: add, edit, deactivate, reactivate, merge. Each call runs in the caller's
transaction and raises StoreError with a Vietnamese message on bad input (nothing changes).

A merge never deletes: the merged units get `active_to` = the day before the merge and
point to the unit they were merged into, so their submissions stay reportable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.plan import UNIT_KIND_LABELS
from ..domain.plan_rules import CODE_RE
from ..domain.vnformat import day
from .errors import StoreError
from .models import BlockRow, SubmissionRow, UnitNameRow, UnitRow
from .plans import plan_row

MAX_NAME = 200


@dataclass(frozen=True)
class UnitData:
    """What a person enters for a unit."""

    code: str
    name: str
    kind: str
    block: str | None = None
    active_from: dt.date | None = None
    # the day a new name takes effect: the old one is kept for reports of earlier periods
    # (None: the name is corrected, as if it had always been so)
    renamed_on: dt.date | None = None


def check_code(code: str, what: str = "Mã đơn vị") -> str:
    """The code stripped, or StoreError saying what is wrong with it."""
    code = code.strip()
    if not code:
        raise StoreError(f"{what} không được để trống.")
    if not CODE_RE.match(code):
        raise StoreError(
            f"{what} '{code}' không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, "
            "gạch ngang hoặc gạch dưới, không có khoảng trắng, tối đa 40 ký tự."
        )
    return code


def check_name(name: str, what: str = "Tên đơn vị") -> str:
    name = " ".join(name.split())
    if not name:
        raise StoreError(f"{what} không được để trống.")
    if len(name) > MAX_NAME:
        raise StoreError(f"{what} dài quá {MAX_NAME} ký tự.")
    return name


def _check_kind(session: Session, kind: str) -> str:
    allowed = list(plan_row(session).unit_kinds) or list(UNIT_KIND_LABELS)
    if kind not in allowed:
        shown = ", ".join(UNIT_KIND_LABELS.get(k, k) for k in allowed)
        raise StoreError(f"Loại đơn vị '{kind}' không có trong kế hoạch (chỉ có: {shown}).")
    return kind


def _check_block(session: Session, block: str | None) -> str | None:
    if not block:
        return None
    if session.scalar(select(BlockRow.id).where(BlockRow.code == block)) is None:
        raise StoreError(f"Không có khối thi đua '{block}'.")
    return block


def _unit(session: Session, code: str) -> UnitRow:
    row = session.scalar(select(UnitRow).where(UnitRow.code == code.strip()))
    if row is None:
        raise StoreError(f"Không có đơn vị mã '{code}'.")
    return row


def _submission_count(session: Session, unit: UnitRow) -> int:
    return session.scalar(
        select(func.count(SubmissionRow.id)).where(SubmissionRow.unit_id == unit.id)
    ) or 0


def add_unit(session: Session, data: UnitData) -> UnitRow:
    code = check_code(data.code)
    name = check_name(data.name)
    kind = _check_kind(session, data.kind)
    block = _check_block(session, data.block)
    clash = session.scalar(select(UnitRow).where(UnitRow.code == code))
    if clash is not None:
        raise StoreError(f"Mã đơn vị '{code}' đã dùng cho {clash.name}.")
    row = UnitRow(plan_id=plan_row(session).id, code=code, name=name, kind=kind, block=block,
                  active_from=data.active_from)
    session.add(row)
    session.flush()
    return row


def edit_unit(session: Session, code: str, data: UnitData) -> UnitRow:
    """Change a unit's name, kind, block or start date. The code is its identity in
    forms and packages, so it cannot change once the unit has reported."""
    row = _unit(session, code)
    new_code = check_code(data.code)
    name = check_name(data.name)
    kind = _check_kind(session, data.kind)
    block = _check_block(session, data.block)
    reported = _submission_count(session, row)
    if new_code != row.code:
        if reported:
            raise StoreError(
                f"Không đổi được mã của {row.name}: đơn vị đã có {reported} báo cáo gắn với mã "
                f"'{row.code}'."
            )
        clash = session.scalar(select(UnitRow).where(UnitRow.code == new_code))
        if clash is not None:
            raise StoreError(f"Mã đơn vị '{new_code}' đã dùng cho {clash.name}.")
    if kind != row.kind and reported:
        raise StoreError(
            f"Không đổi được loại của {row.name}: đơn vị đã có {reported} báo cáo theo các chỉ "
            "tiêu của loại hiện tại."
        )
    if data.active_from and row.active_to and data.active_from > row.active_to:
        raise StoreError(
            f"Ngày bắt đầu hoạt động {day(data.active_from)} sau ngày ngừng hoạt động "
            f"{day(row.active_to)}."
        )
    if data.renamed_on is not None and name != row.name:
        rename_unit(session, row, name, data.renamed_on)
    row.code, row.name, row.kind, row.block = new_code, name, kind, block
    row.active_from = data.active_from
    session.flush()
    return row


def rename_unit(session: Session, row: UnitRow, new_name: str, on: dt.date) -> None:
    """The unit is called `new_name` from `on`; its name until then stays in its history,
    so that a report of an earlier period shows the name the unit had then."""
    new_name = check_name(new_name)
    if new_name == row.name:
        return
    last_day = on - dt.timedelta(days=1)
    history = session.scalars(
        select(UnitNameRow).where(UnitNameRow.unit_id == row.id)
        .order_by(UnitNameRow.valid_to)
    ).all()
    if history and history[-1].valid_to >= last_day:
        raise StoreError(
            f"{row.name} đã đổi tên ngày {day(history[-1].valid_to + dt.timedelta(days=1))}; "
            f"ngày đổi tên mới ({day(on)}) phải sau ngày đó."
        )
    if row.active_from and on <= row.active_from:
        raise StoreError(
            f"Ngày đổi tên {day(on)} không sau ngày bắt đầu hoạt động {day(row.active_from)} "
            f"của {row.name}; nếu tên cũ là tên nhập sai, hãy sửa tên mà không ghi ngày đổi tên."
        )
    session.add(UnitNameRow(unit_id=row.id, name=row.name, valid_to=last_day))
    row.name = new_name


def deactivate_unit(session: Session, code: str, last_day: dt.date) -> UnitRow:
    """The unit stops reporting after `last_day` (its reports so far are kept)."""
    row = _unit(session, code)
    if row.active_to is not None:
        raise StoreError(f"{row.name} đã ngừng hoạt động từ sau ngày {day(row.active_to)}.")
    if row.active_from and last_day < row.active_from:
        raise StoreError(
            f"Ngày ngừng hoạt động {day(last_day)} trước ngày bắt đầu hoạt động "
            f"{day(row.active_from)} của {row.name}."
        )
    row.active_to = last_day
    session.flush()
    return row


def reactivate_unit(session: Session, code: str) -> UnitRow:
    row = _unit(session, code)
    if row.active_to is None:
        raise StoreError(f"{row.name} đang hoạt động.")
    row.active_to = None
    row.merged_into_id = None
    session.flush()
    return row


def merge_units(
    session: Session,
    codes: Sequence[str],
    on: dt.date,
    *,
    into: str | None = None,
    new_unit: UnitData | None = None,
    new_name: str | None = None,
) -> UnitRow:
    """Merge units into one from the day `on`.

    The target is an existing unit (`into`, which may be one of `codes` and may be
    renamed with `new_name`) or a new unit (`new_unit`, active from `on`). Every other
    unit gets active_to = on - 1 day and merged_into = the target.
    """
    if (into is None) == (new_unit is None):
        raise StoreError("Hãy chọn một đơn vị sẵn có hoặc nhập một đơn vị mới để sáp nhập vào.")
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    sources = [_unit(session, c) for c in wanted]
    last_day = on - dt.timedelta(days=1)
    if into is not None:
        target = _unit(session, into)
        sources = [s for s in sources if s.id != target.id]
        if not sources:
            raise StoreError("Hãy chọn ít nhất một đơn vị khác để sáp nhập vào "
                             f"{target.name}.")
        if target.active_to is not None and target.active_to < on:
            raise StoreError(
                f"{target.name} đã ngừng hoạt động từ sau ngày {day(target.active_to)}, "
                "không thể nhận sáp nhập."
            )
        if target.active_from and target.active_from > on:
            raise StoreError(
                f"{target.name} chỉ hoạt động từ {day(target.active_from)}, sau ngày sáp nhập."
            )
    elif len(sources) < 2:
        raise StoreError("Hãy chọn ít nhất hai đơn vị để sáp nhập thành một đơn vị mới.")
    problems = []
    for s in sources:
        if s.active_to is not None and s.active_to < on:
            problems.append(f"{s.name} đã ngừng hoạt động từ sau ngày {day(s.active_to)}")
        elif s.active_from and s.active_from > last_day:
            problems.append(f"{s.name} chỉ hoạt động từ {day(s.active_from)}")
    if problems:
        raise StoreError("Không sáp nhập được: " + "; ".join(problems) + ".")
    if new_unit is not None:
        target = add_unit(session, UnitData(new_unit.code, new_unit.name, new_unit.kind,
                                            new_unit.block, on))
    elif new_name and new_name.strip() and new_name.strip() != target.name:
        rename_unit(session, target, new_name, on)
    for s in sources:
        s.active_to = last_day
        s.merged_into_id = target.id
    session.flush()
    return target


# ---- blocks -------------------------------------------------------------------------------


def save_block(session: Session, code: str, name: str) -> BlockRow:
    """Add a block, or rename it if the code exists."""
    code = check_code(code, "Mã khối")
    name = check_name(name, "Tên khối")
    row = session.scalar(select(BlockRow).where(BlockRow.code == code))
    if row is None:
        row = BlockRow(plan_id=plan_row(session).id, code=code, name=name)
        session.add(row)
    else:
        row.name = name
    session.flush()
    return row


def delete_block(session: Session, code: str) -> None:
    """Refused, with what uses it named, while a unit or a quota is in the block."""
    from .plan_structure import remove_block

    remove_block(session, code)


# ---- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitListing:
    """A unit as the Đơn vị screen lists it."""

    code: str
    name: str
    kind: str
    block: str | None
    active_from: dt.date | None
    active_to: dt.date | None
    merged_into: str | None  # code of the unit it was merged into
    merged_into_name: str | None
    reports: int  # submissions on record

    def active_on(self, day_: dt.date) -> bool:
        if self.active_from is not None and day_ < self.active_from:
            return False
        return self.active_to is None or day_ <= self.active_to


def list_units(session: Session) -> list[UnitListing]:
    rows = session.scalars(select(UnitRow).order_by(UnitRow.code)).all()
    by_id = {r.id: r for r in rows}
    counts = dict(session.execute(
        select(SubmissionRow.unit_id, func.count(SubmissionRow.id)).group_by(SubmissionRow.unit_id)
    ).all())
    out = []
    for r in rows:
        target = by_id.get(r.merged_into_id) if r.merged_into_id else None
        out.append(UnitListing(
            r.code, r.name, r.kind, r.block, r.active_from, r.active_to,
            target.code if target else None, target.name if target else None,
            int(counts.get(r.id, 0)),
        ))
    return out
