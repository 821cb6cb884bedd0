"""A unit list applied to the database in one go: new codes are added, known codes
updated (name, kind, block, dates, merger), in the caller's transaction.

Every row is checked by the same functions that check a unit entered by hand
(store.units); every problem is collected with its row, and when there is any the
whole list is refused (StoreError naming each bad row) - the caller's transaction then
rolls back, so nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.unit_list import UnitListRow, kind_from_name
from ..domain.vnformat import day
from .errors import StoreError
from .models import UnitRow
from .units import UnitData, _submission_count, add_unit, edit_unit

MAX_SHOWN = 30


class UnitListRefused(StoreError):
    """The list is refused; `problems` names every bad row."""

    def __init__(self, origin: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_SHOWN]
        more = len(self.problems) - len(shown)
        lines = "\n".join(f"  - {p}" for p in shown)
        tail = f"\n  … và {more} lỗi khác." if more > 0 else ""
        super().__init__(
            f"Không nhập danh sách đơn vị {origin}: {len(self.problems)} lỗi, chưa ghi đơn vị "
            f"nào.\n{lines}{tail}"
        )


@dataclass
class UnitListChanges:
    added: list[str] = field(default_factory=list)  # codes
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # "22810: Thị trấn Tân Sơn → Xã Ninh Sơn"
    merged: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [f"thêm {len(self.added)}", f"cập nhật {len(self.updated)}"]
        if self.unchanged:
            parts.append(f"giữ nguyên {len(self.unchanged)}")
        if self.merged:
            parts.append(f"ghi sáp nhập {len(self.merged)}")
        return "Danh sách đơn vị: " + ", ".join(parts) + " đơn vị."


def apply_unit_list(
    session: Session, rows: Sequence[UnitListRow], origin: str,
    earlier_problems: Sequence[str] = (),
) -> UnitListChanges:
    """Add or update every unit of the list; UnitListRefused (nothing kept) on any problem.

    `earlier_problems` are those found while reading the file: they are reported
    together with the ones found here, so that one attempt names every bad row."""
    problems = list(earlier_problems)
    changes = UnitListChanges()
    existing = {r.code: r for r in session.scalars(select(UnitRow))}
    for r in rows:
        where = f"{origin}, dòng {r.line} ({r.code})"
        row = existing.get(r.code)
        kind = r.kind or (row.kind if row is not None else kind_from_name(r.name))
        if kind is None:
            problems.append(f"{where}: thiếu cột 'Loại' và tên '{r.name}' không cho biết loại "
                            "đơn vị.")
            continue
        try:
            if row is None:
                created = add_unit(session, UnitData(r.code, r.name, kind, r.block,
                                                     r.active_from))
                existing[r.code] = created
                changes.added.append(r.code)
                continue
            before = (row.name, row.kind, row.block, row.active_from)
            if r.name != row.name and r.renamed_on is None and _submission_count(session, row):
                problems.append(
                    f"{where}: tên trong danh sách '{r.name}' khác tên hiện tại '{row.name}' "
                    "của một đơn vị đã có báo cáo; hãy ghi ngày tên mới có hiệu lực ở cột "
                    "'Đổi tên từ' (để báo cáo các kỳ trước giữ tên cũ), hoặc sửa tên trong "
                    "màn hình Đơn vị nếu tên cũ bị nhập sai."
                )
                continue
            block = r.block if r.block is not None else row.block
            old_name = row.name
            edit_unit(session, r.code, UnitData(r.code, r.name, kind, block,
                                                r.active_from or row.active_from,
                                                r.renamed_on))
            if row.name != old_name:
                changes.renamed.append(f"{r.code}: {old_name} → {row.name}")
            after = (row.name, row.kind, row.block, row.active_from)
            (changes.updated if after != before else changes.unchanged).append(r.code)
        except StoreError as exc:
            problems.append(f"{where}: {exc.message}")
    # mergers and end dates last: the unit merged into may be further down the list
    for r in rows:
        row = existing.get(r.code)
        if row is None or row.id is None:
            continue
        where = f"{origin}, dòng {r.line} ({r.code})"
        if r.merged_into is not None:
            target = existing.get(r.merged_into)
            if target is None:
                problems.append(
                    f"{where}: đơn vị '{r.merged_into}' (cột 'Sáp nhập vào') không có trong "
                    "danh sách cũng như trong cơ sở dữ liệu."
                )
                continue
            if r.active_to is not None and target.active_to is not None \
                    and target.active_to <= r.active_to:
                problems.append(
                    f"{where}: {target.name} ngừng hoạt động từ sau {day(target.active_to)}, "
                    "không thể nhận sáp nhập sau ngày đó."
                )
                continue
            if row.merged_into_id != target.id:
                changes.merged.append(r.code)
                if r.code not in changes.added and r.code not in changes.updated:
                    _move(changes, r.code)
            row.merged_into_id = target.id
        if r.active_to is not None and r.active_to != row.active_to:
            if row.active_from and r.active_to < row.active_from:
                problems.append(
                    f"{where}: ngày hoạt động đến {day(r.active_to)} trước ngày bắt đầu "
                    f"{day(row.active_from)}."
                )
                continue
            row.active_to = r.active_to
            if r.code not in changes.added and r.code not in changes.updated:
                _move(changes, r.code)
    if problems:
        raise UnitListRefused(origin, problems)
    session.flush()
    return changes


def _move(changes: UnitListChanges, code: str) -> None:
    if code in changes.unchanged:
        changes.unchanged.remove(code)
    changes.updated.append(code)
