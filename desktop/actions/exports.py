"""Exports to the province: the export input read once, each output written from it.

    inp = load_export_input(db, "2023")
    write_export(inp, "pdf", Path("BaoCao.pdf"), number="12", on=dt.date(2024, 1, 5))

`thidua export` and the window's "Báo cáo gửi cấp trên" both write through `write_export`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from ..exchange.export_input import ExportInput
from ..exchange.export_set import ExportCancelled

__all__ = ["ExportCancelled", "load_export_input", "write_export", "write_exports"]
from ..store.database import Database
from ..store.keys import signing_key
from ..store.office import load_office
from ..store.plans import unit_infos
from ..store.proposals import proposal_infos
from ..store.submissions import period_report

ExportKind = Literal["xlsx", "pdf", "package"]


def load_export_input(
    db: Database, period_code: str, *, now: dt.datetime | None = None
) -> ExportInput:
    """Read the period's evaluation, the office settings and the proposals."""
    with db.reading() as session:
        report = period_report(session, period_code)
        history = []  # the plan's periods up to this one: the PDF's trends
        for p in report.plan.periods:
            if p.code == period_code:
                history.append(report)
                break
            history.append(period_report(session, p.code, report.plan))
        return ExportInput(
            report=report,
            office=load_office(session),
            proposals=proposal_infos(session, period_code),
            generated_at=(now or dt.datetime.now()).replace(microsecond=0),
            all_units=tuple(unit_infos(session, report.period.ends)),
            signing_key=signing_key(session)[0],
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

