"""Exports to the province: the export input read once, each output written from it.

    inp = load_export_input(db, "2023")
    write_export(inp, "pdf", Path("BaoCao.pdf"), number="12", on=dt.date(2024, 1, 5))

`thidua export` and the window's "Báo cáo gửi cấp trên" both write through `write_export`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Literal

from ..exchange.export_input import ExportInput
from ..exchange.export_set import ExportCancelled
from ..store import export_reads, plain_reads
from ..store.collector import collection_paused
from ..store.database import Database

__all__ = ["OUTPUTS", "ExportCancelled", "load_export_input", "write_export", "write_exports"]

ExportKind = Literal["xlsx", "pdf", "package"]
OUTPUTS: tuple[ExportKind, ...] = ("xlsx", "pdf", "package")


def load_export_input(
    db: Database,
    period_code: str,
    *,
    now: dt.datetime | None = None,
    outputs: Collection[str] = OUTPUTS,
) -> ExportInput:
    """Read the period's evaluation, the office settings and the proposals, and what the
    `outputs` to be written need besides: the plan's periods' values of the indicators
    the PDF's trends chart, every unit and the signing key (the package).

    From a file with plain sqlite3 (store/plain_reads.py, export_reads.py: no SQLAlchemy
    to import), from a server through a session; the same reads either way."""
    if db.is_server:
        from ..store.plans import session_rows

        with db.reading() as session:
            return _read(session_rows(session), period_code, now, outputs)
    with db.plain_reading() as con:
        return _read(plain_reads.sqlite_rows(con), period_code, now, outputs)


def _read(
    rows: plain_reads.Rows, period_code: str, now: dt.datetime | None, outputs: Collection[str]
) -> ExportInput:
    from ..domain.trends import period_values, trend_codes

    report, every = plain_reads.evaluate_with_units(rows, period_code)  # units read once
    history = []  # the plan's periods up to this one: the PDF's trends, of the earlier
    if "pdf" in outputs:  # periods only the charted indicators' values, not evaluated
        codes = trend_codes(report)
        before = [p.code for p in report.plan.periods]
        before = before[: before.index(period_code)]
        with collection_paused():  # some 20,000 values, kept with the input, no cycles
            history += export_reads.trend_values(rows, report.plan, before, codes, every)
        history.append(period_values(report, codes))
    package = "package" in outputs
    return ExportInput(
        report=report,
        office=export_reads.office(rows),
        proposals=export_reads.proposals(rows, period_code),
        generated_at=(now or dt.datetime.now()).replace(microsecond=0),
        all_units=tuple(every) if package else (),
        signing_key=export_reads.signing_key(rows) if package else None,
        history=tuple(history),
    )


def write_export(
    inp: ExportInput, kind: ExportKind, path: Path, *, number: str = "", on: dt.date | None = None
) -> Path:
    """Write one output: the Excel workbook, the official PDF or the province package."""
    if kind == "xlsx":
        from ..exchange.export_xlsx import write_xlsx

        write_xlsx(inp, path)
    elif kind == "pdf":
        from ..exchange.report_pdf import write_pdf

        write_pdf(inp, path, number=number, on=on)
    else:
        from ..exchange.package import write_package

        write_package(inp, path, number=number, on=on)
    return path


def write_exports(
    inp: ExportInput,
    targets: Sequence[tuple[str, Path]],
    *,
    number: str = "",
    on: dt.date | None = None,
    report: Callable[[int, int, str], bool] | None = None,
) -> list[Path]:
    """Write several outputs as one set (exchange.export_set): afterwards every target holds
    its new file or every one its old file, never a mix; ExportCancelled when `report`
    answered False (nothing written)."""
    from ..exchange.export_set import write_outputs

    return write_outputs(inp, targets, number=number, on=on, report=report)
