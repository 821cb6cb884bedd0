"""The Excel forms: import the returned ones (`thidua import`, "Nhập biểu mẫu Excel…"), and
what the blank ones are written from (`template_basis`).

Import: each file whole or not at all, every problem named. Reading (openpyxl) happens
outside any transaction; each accepted file is then written in its own transaction (audit
reason "Nhập biểu mẫu <tệp>"), so a refused or interrupted file leaves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.lateness import late_days
from ..domain.plan import Plan, Unit
from ..exchange.form_reader import FormRejected, read_form
from ..store.collector import collection_paused
from ..store.database import Database
from ..store.office import load_office
from ..store.plans import load_plan, name_history, period_row, unit_infos
from ..store.submissions import SubmissionExists, save_submission

Progress = Callable[[int, int, str], bool]


class Status(StrEnum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"  # the very same file was imported before
    EXISTS = "exists"  # a submission exists and --replace was not given
    REFUSED = "refused"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    status: Status
    unit_code: str = ""
    unit_name: str = ""
    period_code: str = ""
    late_days: int = 0
    stored: int = 0  # values written (the non-blank values the file holds)
    problems: tuple[str, ...] = ()
    changes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.status in (Status.IMPORTED, Status.REPLACED, Status.UNCHANGED)

    @property
    def _count(self) -> str:
        return f"{self.stored} giá trị"

    def message(self) -> str:
        """One Vietnamese line (and indented details) for a person."""
        who = f"{self.unit_name} ({self.unit_code}), kỳ {self.period_code}"
        if self.status is Status.IMPORTED:
            late = f", nộp trễ {self.late_days} ngày" if self.late_days else ", đúng hạn"
            return f"{self.path.name}: đã nhập báo cáo của {who}{late}; đã lưu {self._count}."
        if self.status is Status.REPLACED:
            lines = [f"{self.path.name}: đã thay thế báo cáo của {who}; đã lưu {self._count}."]
            lines += [f"    {c}" for c in self.changes]
            return "\n".join(lines)
        if self.status is Status.UNCHANGED:
            return f"{self.path.name}: tệp này đã được nhập trước đây; không có gì thay đổi."
        if self.status is Status.EXISTS:
            lines = [
                f"{self.path.name}: đã có báo cáo của {who}; không ghi đè "
                "(dùng --replace để thay thế). Những thay đổi sẽ là:"
            ]
            lines += [f"    {c}" for c in self.changes] or ["    (không có thay đổi số liệu)"]
            return "\n".join(lines)
        if self.status is Status.CANCELLED:
            return f"{self.path.name}: chưa nhập (đã hủy)."
        return "\n".join(f"Từ chối {p}" for p in self.problems)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the .xlsx files inside folders (sorted; Excel's ~$ files skipped)."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found += sorted(f for f in p.rglob("*.xlsx") if not f.name.startswith("~$"))
        else:
            found.append(p)
    return found


def import_forms(
    db: Database,
    paths: Iterable[Path],
    *,
    received_on: dt.date | None = None,
    channel: str = "other",
    replace: bool = False,
    report: Progress | None = None,
) -> list[FileOutcome]:
    files = collect_files(paths)
    received_on = received_on or dt.date.today()
    with db.reading() as s:
        plan = load_plan(s)
        units = {u.code: u for u in unit_infos(s)}
        former = {code: [n for n, _until in names] for code, names in name_history(s).items()}
    known = {code: u.kind for code, u in units.items()}
    outcomes: list[FileOutcome] = []
    for i, path in enumerate(files):
        if report is not None and not report(i, len(files), path.name):
            outcomes += [FileOutcome(p, Status.CANCELLED) for p in files[i:]]
            break
        with collection_paused():  # one file's objects: bounded, freed after it
            try:
                outcome = _import_one(
                    db, plan, units, known, path, received_on, channel, replace, former
                )
            except Exception as exc:  # a full disk, a locked database...: the others still go
                outcome = FileOutcome(
                    path, Status.REFUSED, problems=(f"{path.name}: chưa nhập — {_why(exc)}",)
                )
            outcomes.append(outcome)
    if report is not None:
        report(len(files), len(files), "")
    return outcomes


def _why(exc: Exception) -> str:
    """A person's words for an unforeseen failure of one file (its transaction rolled back)."""
    if isinstance(exc, DomainError):
        return exc.message
    if isinstance(exc, OSError):
        return f"lỗi đọc/ghi tệp ({exc.strerror or type(exc).__name__}); không có gì được ghi"
    return f"lỗi khi ghi vào cơ sở dữ liệu ({type(exc).__name__}); không có gì được ghi"


def batch_summary(outcomes: list[FileOutcome]) -> str:
    """Which files were imported and which were not, by name (the last lines of a batch)."""
    done = [o for o in outcomes if o.status in (Status.IMPORTED, Status.REPLACED)]
    same = [o for o in outcomes if o.status is Status.UNCHANGED]
    left = [o for o in outcomes if not o.ok]
    why = {
        Status.EXISTS: "đã có báo cáo, chưa ghi đè",
        Status.REFUSED: "bị từ chối",
        Status.CANCELLED: "đã dừng trước tệp này",
    }
    lines = [f"Đã nhập {len(done)}/{len(outcomes)} tệp" + (":" if done else ".")]
    lines += [f"    {o.path.name} ({o.stored} giá trị)" for o in done]
    if same:
        lines.append(f"Đã nhập từ trước, không thay đổi ({len(same)}):")
        lines += [f"    {o.path.name}" for o in same]
    if left:
        lines.append(f"Chưa nhập ({len(left)}):")
        lines += [f"    {o.path.name} ({why[o.status]})" for o in left]
    if not done:
        lines.append("Không có gì được ghi vào cơ sở dữ liệu.")
    return "\n".join(lines)


def _import_one(db, plan, units, known, path, received_on, channel, replace, former) -> FileOutcome:  # type: ignore[no-untyped-def]
    if not path.is_file():
        return FileOutcome(path, Status.REFUSED, problems=(f"{path.name}: không tìm thấy tệp",))
    try:
        form = read_form(
            path,
            plan,
            known_units=known,
            unit_names={c: u.name for c, u in units.items()},
            former_names=former,
        )
    except FormRejected as exc:
        return FileOutcome(path, Status.REFUSED, problems=tuple(str(p) for p in exc.problems))
    unit = units[form.unit]
    period = plan.period(form.period)
    base = {"unit_code": unit.code, "unit_name": unit.name, "period_code": period.code}
    if all(v.is_blank for v in form.values.values()):
        return FileOutcome(
            path,
            Status.REFUSED,
            problems=(f"{path.name}: biểu mẫu của {unit.name} chưa điền số liệu nào",),
            **base,
        )
    try:
        with db.transaction(f"Nhập biểu mẫu {path.name}") as s:
            result = save_submission(
                s,
                plan,
                unit.code,
                period.code,
                form.values,
                received_on=received_on,
                channel=channel,
                replace=replace,
                source_file=path.name,
                source_sha256=form.source_sha256,
                prepared_by=form.prepared_by or "",
                same_file_is_noop=True,
            )
    except SubmissionExists as exc:
        return FileOutcome(path, Status.EXISTS, changes=tuple(exc.changes), **base)
    except DomainError as exc:
        return FileOutcome(path, Status.REFUSED, problems=(f"{path.name}: {exc.message}",), **base)
    if result.unchanged:
        return FileOutcome(path, Status.UNCHANGED, **base)
    status = Status.REPLACED if result.replaced else Status.IMPORTED
    return FileOutcome(
        path,
        status,
        late_days=late_days(received_on, period.deadline),
        stored=form.filled,
        changes=result.changes,
        **base,
    )


@dataclass(frozen=True)
class TemplateBasis:
    """What the blank forms are written from (desktop.exchange.form_template.write_form)."""

    plan: Plan
    office_name: str
    units: tuple[Unit, ...]


def template_basis(db: Database, period_code: str | None = None) -> TemplateBasis:
    """The plan, the office's name and every unit; refuses an unknown `period_code`."""
    with db.reading() as s:
        plan = load_plan(s)
        if period_code is not None:
            period_row(s, period_code)
        # each unit under the name it had then (a unit renamed since keeps its old name)
        on = plan.period(period_code).ends if period_code is not None else None
        return TemplateBasis(plan, load_office(s).name, tuple(unit_infos(s, on)))
