"""The Excel forms: import the returned ones (`thidua import`, "Nhập biểu mẫu Excel…");
what the blank ones are written from is actions.form_templates.

Import: each file whole or not at all, every problem named. Reading happens outside any
transaction; each accepted file is then written in its own transaction (audit reason
"Nhập biểu mẫu <tệp>"), so a refused or interrupted file leaves nothing. On a SQLite file
a new submission goes in through sqlite3 alone (store.new_submission: the same checks,
rows and audit entries as the session's path, no SQLAlchemy imported); replacing one,
and anything on a server, goes through the session (store.submissions.save_submission).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.lateness import late_days
from ..domain.plan import Plan, Unit
from ..exchange.form_reader import FormData, FormRejected, read_form
from ..store import plain_reads
from ..store.collector import collection_paused
from ..store.database import Database
from ..store.new_submission import SaveResult, SubmissionExists, save_new_submission

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
    outcomes: list[FileOutcome] = []
    with ExitStack() as stack:
        con: sqlite3.Connection | None = None
        if db.is_server:
            from ..store.plans import session_rows

            with db.reading() as s:
                basis = _Basis.read(session_rows(s))
        else:
            con = stack.enter_context(db.plain_writing())
            basis = _Basis.read(plain_reads.sqlite_rows(con))
        # The next file is read while this one is written: the commit waits for the disk
        # (synchronous=FULL), and reading needs no database. Reading has no effect, so a
        # file read ahead of a cancel is simply not used.
        reader = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="thidua-read"))
        ahead = reader.submit(_read, basis, files[0]) if files else None
        for i, path in enumerate(files):
            if report is not None and not report(i, len(files), path.name):
                outcomes += [FileOutcome(p, Status.CANCELLED) for p in files[i:]]
                break
            assert ahead is not None
            this = ahead
            ahead = reader.submit(_read, basis, files[i + 1]) if i + 1 < len(files) else None
            with collection_paused():  # one file's objects: bounded, freed after it
                try:
                    read = this.result()
                    outcome = (
                        read if isinstance(read, FileOutcome)
                        else _write(db, con, basis, path, read, received_on, channel, replace)
                    )  # fmt: skip
                except Exception as exc:  # a full disk, a locked database...: the others go
                    outcome = FileOutcome(
                        path, Status.REFUSED, problems=(f"{path.name}: chưa nhập — {_why(exc)}",)
                    )
                outcomes.append(outcome)
    if report is not None:
        report(len(files), len(files), "")
    return outcomes


@dataclass(frozen=True)
class _Basis:
    """What every file of a batch is read against: the plan, the units, their former names."""

    plan: Plan
    units: dict[str, Unit]
    former: dict[str, list[str]]
    kinds: dict[str, str]  # unit code -> kind
    names: dict[str, str]  # unit code -> name

    @classmethod
    def read(cls, rows: plain_reads.Rows) -> _Basis:
        plan = plain_reads.plan(rows)
        units = {u.code: u for u in plain_reads.units(rows)}
        history = plain_reads.name_history(rows)
        return cls(
            plan,
            units,
            {code: [n for n, _until in h] for code, h in history.items()},
            {code: u.kind for code, u in units.items()},
            {code: u.name for code, u in units.items()},
        )


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


def _read(basis: _Basis, path: Path) -> FormData | FileOutcome:
    """The file's form, or its refusal (on the reading thread: touches no database)."""
    if not path.is_file():
        return FileOutcome(path, Status.REFUSED, problems=(f"{path.name}: không tìm thấy tệp",))
    try:
        return read_form(
            path,
            basis.plan,
            known_units=basis.kinds,
            unit_names=basis.names,
            former_names=basis.former,
        )
    except FormRejected as exc:
        return FileOutcome(path, Status.REFUSED, problems=tuple(str(p) for p in exc.problems))


def _write(
    db: Database,
    con: sqlite3.Connection | None,
    basis: _Basis,
    path: Path,
    form: FormData,
    received_on: dt.date,
    channel: str,
    replace: bool,
) -> FileOutcome:
    units = basis.units
    unit = units[form.unit]
    period = basis.plan.period(form.period)
    base: dict[str, Any] = {
        "unit_code": unit.code,
        "unit_name": unit.name,
        "period_code": period.code,
    }
    if all(v.is_blank for v in form.values.values()):
        return FileOutcome(
            path,
            Status.REFUSED,
            problems=(f"{path.name}: biểu mẫu của {unit.name} chưa điền số liệu nào",),
            **base,
        )
    try:
        result = _save(db, con, basis.plan, form, path, received_on, channel, replace)
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


def _save(
    db: Database,
    con: sqlite3.Connection | None,
    plan: Plan,
    form: FormData,
    path: Path,
    received_on: dt.date,
    channel: str,
    replace: bool,
) -> SaveResult:
    """The form's submission, in its own transaction: on a file a new one (or the very
    file again) through sqlite3 alone; replacing one, or on a server, through the session."""
    reason = f"Nhập biểu mẫu {path.name}"
    if con is not None:
        with db.plain_transaction(con):
            result = save_new_submission(
                con,
                plain_reads.sqlite_rows(con),
                plan,
                form.unit,
                form.period,
                form.values,
                received_on=received_on,
                channel=channel,
                source_file=path.name,
                source_sha256=form.source_sha256,
                prepared_by=form.prepared_by or "",
                user=db.user,
                reason=reason,
            )
        if result is not None:
            return result
    from ..store.submissions import save_submission

    with db.transaction(reason) as s:
        return save_submission(
            s,
            plan,
            form.unit,
            form.period,
            form.values,
            received_on=received_on,
            channel=channel,
            replace=replace,
            source_file=path.name,
            source_sha256=form.source_sha256,
            prepared_by=form.prepared_by or "",
            same_file_is_noop=True,
        )
