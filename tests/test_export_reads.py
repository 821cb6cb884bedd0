"""An export reads what its outputs need, the same way on a file and on a server.

`load_export_input` reads the office, the proposals and the signing key with plain SQL
(store/export_reads.py), on a file through sqlite3 alone: these must give what the ORM
reads give (store.office, store.proposals, store.keys). The workbook alone needs neither
the earlier periods (the PDF's trends) nor every unit and the key (the package), and
`thidua export --xlsx` on a file imports neither SQLAlchemy nor openpyxl."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, update

from desktop.actions.exports import load_export_input
from desktop.store import export_reads, plain_reads
from desktop.store.database import Database
from desktop.store.keys import signing_key
from desktop.store.models import OfficeRow, ProposalDocumentRow, ProposalRow, UnitNameRow, UnitRow
from desktop.store.office import load_office
from desktop.store.plans import session_rows
from desktop.store.proposals import proposal_infos

REPO = Path(__file__).resolve().parent.parent


def _change_demo(target: str) -> None:
    """Settings and proposals a plain read could get wrong: a list of recipients, empty
    fields, a document present, a unit renamed after the period (its former name)."""
    with Database.open(target, backup=False) as d, d.transaction("Dữ liệu kiểm thử") as s:
        s.execute(update(OfficeRow).values(recipients=["Như trên", "Lưu: VT"], place=""))
        unit = s.scalar(select(UnitRow).where(UnitRow.code == "22831"))  # Xã Nhơn Sơn,
        assert unit is not None and unit.name == "Xã Nhơn Sơn"  # proposed in 2023
        unit.name = "Xã Nhơn Sơn Mới"  # renamed from 2025 on
        s.add(UnitNameRow(unit_id=unit.id, name="Xã Nhơn Sơn", valid_to=dt.date(2024, 12, 31)))
        award = "Giấy khen của Chủ tịch UBND huyện"
        collective = ProposalRow(
            plan_id=unit.plan_id,
            review="2023",
            award=award,
            kind="collective",
            unit_id=unit.id,
            achievements="Dẫn đầu",
        )
        s.add_all(
            [
                collective,
                ProposalRow(
                    plan_id=unit.plan_id,
                    review="2023",
                    award=award,
                    kind="individual",
                    unit_id=unit.id,
                    person_name="Trần Văn Bình",
                    position="Công chức",
                    is_leader=True,
                    achievements="",
                ),
                ProposalRow(
                    plan_id=unit.plan_id,
                    review="2022",
                    award=award,
                    kind="individual",
                    unit_id=None,
                    person_name="Lê Thị Hoa",
                    position="",
                    achievements="",
                ),
            ]
        )
        s.flush()
        s.add_all(
            [
                ProposalDocumentRow(
                    proposal_id=collective.id, name="Báo cáo thành tích", present=True
                ),
                ProposalDocumentRow(proposal_id=collective.id, name="Biên bản họp", present=False),
            ]
        )


def test_plain_reads_give_what_the_orm_reads_give(demo_target: str) -> None:
    _change_demo(demo_target)
    with Database.open(demo_target, backup=False) as db:
        with db.reading() as s:
            rows = session_rows(s)
            assert export_reads.office(rows) == load_office(s)
            assert export_reads.office(rows).recipients == ("Như trên", "Lưu: VT")
            for period in ("2022", "2023"):
                assert export_reads.proposals(rows, period) == proposal_infos(s, period)
            assert export_reads.signing_key(rows) == signing_key(s)[0] is not None
            orm = (load_office(s), proposal_infos(s, "2023"), signing_key(s)[0])
        names = [p.name for p in orm[1]]
        assert "Xã Nhơn Sơn" in names and "Xã Nhơn Sơn Mới" not in names  # as in 2023
        assert any(p.documents_present for p in orm[1])
        if not db.is_server:
            with db.plain_reading() as con:
                rows = plain_reads.sqlite_rows(con)
                plain = (
                    export_reads.office(rows),
                    export_reads.proposals(rows, "2023"),
                    export_reads.signing_key(rows),
                )
            assert plain == orm


def test_the_workbook_alone_reads_only_what_it_needs(demo_target: str) -> None:
    with Database.open(demo_target, backup=False) as db:
        every = load_export_input(db, "2023")
        xlsx = load_export_input(db, "2023", outputs=["xlsx"], now=every.generated_at)
        pdf = load_export_input(db, "2023", outputs=["pdf"], now=every.generated_at)
    assert [h.period.code for h in every.history] == ["2022", "2023"]
    assert every.signing_key and len(every.all_units) >= len(every.report.units)
    assert (xlsx.history, xlsx.all_units, xlsx.signing_key) == ((), (), None)
    assert (xlsx.report, xlsx.office, xlsx.proposals) == (
        every.report,
        every.office,
        every.proposals,
    )
    assert pdf.history == every.history and pdf.signing_key is None


PROBE = """
import sys
from desktop.cli import main
code = main(sys.argv[1:])
print("LOADED", [m for m in ("sqlalchemy", "openpyxl", "reportlab") if m in sys.modules])
sys.exit(code)
"""


def test_export_xlsx_of_a_file_imports_no_sqlalchemy_nor_openpyxl(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bang.xlsx"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            "--db",
            str(demo_db),
            "export",
            "--period",
            "2023",
            "--xlsx",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:2] == b"PK"
    loaded = json.loads(done.stdout.split("LOADED", 1)[1].strip().replace("'", '"'))
    assert loaded == []
