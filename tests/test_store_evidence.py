"""Evidence files: copied under their SHA-256, never silently attached twice."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.actions.evidence import add_evidence, open_path, remove_evidence
from desktop.paths import evidence_dir
from desktop.store.database import Database
from desktop.store.errors import StoreError
from desktop.store.evidence import (
    DuplicateEvidence,
    evidence_counts,
    list_evidence,
    stored_path,
    submission_id_of,
)
from desktop.store.models import AuditRow, EvidenceRow


@pytest.fixture
def db(demo_target: str):
    """The demo database, on SQLite and on PostgreSQL (each test runs on both)."""
    database = Database.open(demo_target)
    yield database
    database.close()


def _sub(db: Database, unit: str = "22813", period: str = "2023") -> int:
    with db.reading() as s:
        sid = submission_id_of(s, unit, period)
    assert sid is not None
    return sid


def _scan(tmp_path: Path, name: str = "QD-12.pdf", data: bytes = b"%PDF-1.4 quyet dinh") -> Path:
    p = tmp_path / "incoming" / name
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)
    return p


def test_add_copies_under_sha256_and_registers(db: Database, tmp_path: Path) -> None:
    src = _scan(tmp_path)
    sid = _sub(db)
    info = add_evidence(
        db,
        sid,
        src,
        doc_number="12/QĐ-UBND",
        title="Quyết định công nhận sáng kiến",
        issued_on=dt.date(2023, 5, 4),
        summary="Công nhận sáng kiến số hóa hồ sơ",
    )
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert info.sha256 == digest and info.size == len(src.read_bytes())
    stored = stored_path(db.path, info)
    assert stored == evidence_dir(db.path) / f"{digest}.pdf"
    assert stored.read_bytes() == src.read_bytes()
    with db.reading() as s:
        got = list_evidence(s, sid)
        assert [e.doc_number for e in got] == ["12/QĐ-UBND"]
        assert got[0].title == "Quyết định công nhận sáng kiến"
        assert got[0].issued_on == dt.date(2023, 5, 4)
        assert got[0].file_name == "QD-12.pdf"
        assert evidence_counts(s, "2023") == {"22813": 1}
        audited = s.scalars(select(AuditRow).where(AuditRow.table_name == "evidence")).all()
        assert audited, "adding evidence is in the audit log"
    assert open_path(db, info.id) == stored


def test_a_failed_registration_leaves_no_copy(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.store.evidence as evidence

    def broken(_row: EvidenceRow) -> None:
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(evidence, "info", broken)
    with pytest.raises(RuntimeError):
        add_evidence(db, _sub(db), _scan(tmp_path))
    folder = evidence_dir(db.path)
    assert not folder.exists() or list(folder.iterdir()) == []
    with db.reading() as s:
        assert s.scalars(select(EvidenceRow)).all() == []


def test_same_file_twice_on_one_submission_is_refused(db: Database, tmp_path: Path) -> None:
    sid = _sub(db)
    add_evidence(db, sid, _scan(tmp_path), title="Quyết định")
    copy = _scan(tmp_path, "ban-sao.pdf")  # another name, same content
    with pytest.raises(DuplicateEvidence) as err:
        add_evidence(db, sid, copy, title="Bản sao")
    assert "đã được đính kèm" in err.value.message
    assert "Quyết định" in err.value.message
    with db.reading() as s:
        assert len(list_evidence(s, sid)) == 1


def test_same_file_on_two_submissions_shares_one_copy(db: Database, tmp_path: Path) -> None:
    src = _scan(tmp_path)
    a = add_evidence(db, _sub(db, "22813"), src)
    b = add_evidence(db, _sub(db, "22810"), src)
    assert a.title == "QD-12"  # the file's stem when no title is given
    assert stored_path(db.path, a) == stored_path(db.path, b)
    remove_evidence(db, a.id)
    assert stored_path(db.path, b).exists(), "still used by the other submission"
    remove_evidence(db, b.id)
    assert not stored_path(db.path, b).exists()
    with db.reading() as s:
        assert s.scalars(select(EvidenceRow)).all() == []


def test_missing_file_and_missing_submission(db: Database, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Không tìm thấy tệp"):
        add_evidence(db, _sub(db), tmp_path / "khong-co.pdf")
    with pytest.raises(StoreError, match="Không tìm thấy báo cáo"):
        add_evidence(db, 999_999, _scan(tmp_path))
    folder = evidence_dir(db.path)
    assert not folder.exists() or not any(folder.iterdir()), "no copy left behind"


def test_tampered_or_lost_file_is_reported(db: Database, tmp_path: Path) -> None:
    info = add_evidence(db, _sub(db), _scan(tmp_path))
    stored = stored_path(db.path, info)
    stored.write_bytes(b"changed")
    with pytest.raises(StoreError, match="SHA-256"):
        open_path(db, info.id)
    stored.unlink()
    if db.is_server:  # the server's database keeps the content: the copy is written again
        assert open_path(db, info.id).read_bytes() == b"%PDF-1.4 quyet dinh"
        from engines import sql

        sql(db.location.url.render_as_string(hide_password=False), "DELETE FROM stored_file")
        stored.unlink()
    with pytest.raises(StoreError, match="Không tìm thấy tệp"):
        open_path(db, info.id)


def test_removed_submission_evidence_goes_with_it(db: Database, tmp_path: Path) -> None:
    sid = _sub(db)
    info = add_evidence(db, sid, _scan(tmp_path))
    remove_evidence(db, info.id)
    with pytest.raises(StoreError, match="không còn"):
        remove_evidence(db, info.id)


def test_removing_evidence_keeps_a_file_a_proposal_dossier_uses(
    db: Database, tmp_path: Path
) -> None:
    from desktop.store.proposals import add_collective, set_document

    scan = _scan(tmp_path, "to-trinh.pdf", b"%PDF-1.4 to trinh de nghi khen thuong")
    info = add_evidence(db, _sub(db), scan, title="Tờ trình")
    with db.transaction() as s:
        proposal = add_collective(s, "2023", "22831", evidence_root=evidence_dir(db.path))
        set_document(
            s, evidence_dir(db.path), proposal.id, "Tờ trình đề nghị khen thưởng", file=scan
        )
    remove_evidence(db, info.id)
    assert stored_path(db.path, info).exists()
