"""Evidence scans on a shared server (issue 14): attached at one clerk's PC, opened at
another's. Their content is kept in the server's database (stored_file); each PC writes
its own copy from there, checked against the SHA-256, before opening it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from engines import sql

from desktop.actions.evidence import (
    add_evidence,
    evidence_target,
    list_evidence,
    open_path,
    remove_evidence,
)
from desktop.store.database import Database

SCAN = b"%PDF-1.4\n% Quyet dinh so 125/QD-UBND cong nhan sang kien\n" + bytes(range(256)) * 40


def at_pc(monkeypatch: pytest.MonkeyPatch, folder: Path, url: str) -> Database:
    """The database as a clerk's PC opens it: its own data folder (evidence copies)."""
    monkeypatch.setenv("THIDUA_DATA_DIR", str(folder))
    return Database.open(url)


@pytest.fixture
def server_url(pg_server, _pg_demo_template):  # type: ignore[no-untyped-def]
    name = pg_server.new_database(template=_pg_demo_template)
    yield pg_server.url(name)
    pg_server.drop(name)


def test_a_scan_attached_at_one_pc_opens_at_another(tmp_path, monkeypatch, server_url):
    scan = tmp_path / "QD-125-sang-kien.pdf"
    scan.write_bytes(SCAN)
    lan = at_pc(monkeypatch, tmp_path / "may-lan", server_url)
    minh = at_pc(monkeypatch, tmp_path / "may-minh", server_url)
    try:
        target = evidence_target(lan, "22813", "2023")
        assert target.submission_id is not None
        added = add_evidence(
            lan,
            target.submission_id,
            scan,
            doc_number="125/QĐ-UBND",
            title="Quyết định công nhận sáng kiến",
        )
        assert sql(server_url, "SELECT size FROM stored_file") == [(len(SCAN),)]
        seen = list_evidence(minh, target.submission_id)
        assert [e.title for e in seen] == ["Quyết định công nhận sáng kiến"]
        opened = open_path(minh, added.id)
        assert opened.is_relative_to(tmp_path / "may-minh")  # Minh's own copy
        assert opened.read_bytes() == SCAN
        opened.write_bytes(b"sua lai")  # a copy changed on Minh's PC is not opened
        with pytest.raises(Exception, match="đã bị thay đổi"):
            open_path(minh, added.id)
        remove_evidence(minh, added.id)
        assert sql(server_url, "SELECT count(*) FROM stored_file") == [(0,)]
    finally:
        lan.close()
        minh.close()


def test_the_same_scan_twice_is_kept_once(tmp_path, monkeypatch, server_url):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    db = at_pc(monkeypatch, tmp_path / "may", server_url)
    try:
        first = evidence_target(db, "22813", "2023").submission_id
        second = evidence_target(db, "22810", "2023").submission_id
        assert first is not None and second is not None
        one = add_evidence(db, first, scan)
        add_evidence(db, second, scan)
        assert sql(server_url, "SELECT count(*) FROM stored_file") == [(1,)]
        remove_evidence(db, one.id)  # still attached to the other report
        assert sql(server_url, "SELECT count(*) FROM stored_file") == [(1,)]
    finally:
        db.close()


def test_moving_a_file_up_brings_its_scans_and_a_backup_carries_them(
    tmp_path, monkeypatch, pg_server, _demo_template
):
    from desktop.actions.maintenance import backup
    from desktop.actions.server import move_file_to_server

    office = tmp_path / "van-phong" / "thidua.db"
    office.parent.mkdir()
    shutil.copyfile(_demo_template, office)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    with Database.open(office, backup=False) as db:
        sid = evidence_target(db, "22813", "2023").submission_id
        assert sid is not None
        added = add_evidence(db, sid, scan, title="Biên bản kiểm tra")
    assert sql(office, "SELECT count(*) FROM stored_file") == [(0,)]  # a file: the folder
    url = pg_server.url(pg_server.new_database())
    move_file_to_server(office, url)
    assert sql(url, "SELECT count(*) FROM stored_file") == [(1,)]
    other = at_pc(monkeypatch, tmp_path / "may-khac", url)
    try:
        assert open_path(other, added.id).read_bytes() == SCAN
        saved = backup(other, tmp_path / "sao-luu").path
    finally:
        other.close()
    restored = tmp_path / "khoi-phuc" / "thidua.db"  # the portable backup opened as a file
    restored.parent.mkdir()
    shutil.copyfile(saved, restored)
    with Database.open(restored, backup=False) as db:
        path = open_path(db, added.id)
        assert path.is_relative_to(restored.parent) and path.read_bytes() == SCAN


DOSSIER = "Tờ trình đề nghị khen thưởng"


def _kept(url: str) -> list[tuple[str]]:
    return sql(url, "SELECT sha256 FROM stored_file ORDER BY sha256")


def test_a_dossier_file_removed_leaves_the_server_when_nothing_else_uses_it(
    tmp_path, monkeypatch, server_url
):
    import hashlib

    from desktop.actions.proposals import add_collective, edit_proposal, remove_proposal

    first = tmp_path / "to-trinh.pdf"
    first.write_bytes(SCAN)
    second = tmp_path / "to-trinh-sua.pdf"
    second.write_bytes(SCAN + b"ban sua")
    sha_second = hashlib.sha256(second.read_bytes()).hexdigest()
    db = at_pc(monkeypatch, tmp_path / "may", server_url)
    try:
        p = add_collective(db, "2023", "22831", documents={DOSSIER: first})
        assert sql(server_url, "SELECT size FROM stored_file") == [(len(SCAN),)]
        p = edit_proposal(db, "2023", p.id, documents=[(DOSSIER, False, None)])  # marked missing
        assert _kept(server_url) == []
        p = edit_proposal(db, "2023", p.id, documents=[(DOSSIER, True, first)])
        p = edit_proposal(db, "2023", p.id, documents=[(DOSSIER, True, second)])  # replaced
        assert _kept(server_url) == [(sha_second,)]
        remove_proposal(db, "2023", p.id)
        assert _kept(server_url) == []
    finally:
        db.close()


def test_a_dossier_file_an_evidence_also_uses_stays_on_the_server(
    tmp_path, monkeypatch, server_url
):
    from desktop.actions.proposals import add_collective, remove_proposal

    scan = tmp_path / "to-trinh.pdf"
    scan.write_bytes(SCAN)
    db = at_pc(monkeypatch, tmp_path / "may", server_url)
    try:
        sid = evidence_target(db, "22813", "2023").submission_id
        assert sid is not None
        added = add_evidence(db, sid, scan, title="Tờ trình")
        p = add_collective(db, "2023", "22831", documents={DOSSIER: scan})
        remove_proposal(db, "2023", p.id)
        assert sql(server_url, "SELECT count(*) FROM stored_file") == [(1,)]
        other = at_pc(monkeypatch, tmp_path / "may-khac", server_url)
        try:
            assert open_path(other, added.id).read_bytes() == SCAN
        finally:
            other.close()
    finally:
        db.close()


def _office_with_scans(tmp_path: Path, template: Path) -> tuple[Path, int, int]:
    """A district office's file with an evidence scan and a proposal's dossier file."""
    from desktop.actions.proposals import add_collective

    office = tmp_path / "van-phong" / "thidua.db"
    office.parent.mkdir()
    shutil.copyfile(template, office)
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(SCAN)
    paper = tmp_path / "to-trinh.pdf"
    paper.write_bytes(SCAN + b"to trinh")
    with Database.open(office, backup=False) as db:
        sid = evidence_target(db, "22813", "2023").submission_id
        assert sid is not None
        added = add_evidence(db, sid, scan, title="Biên bản kiểm tra")
        p = add_collective(db, "2023", "22831", documents={DOSSIER: paper})
    return office, added.id, p.id


def _cli(capsys, *argv):  # type: ignore[no-untyped-def]
    from desktop.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_restoring_a_files_backup_into_a_server_brings_its_scans(
    tmp_path, monkeypatch, server_url, _demo_template, capsys
):
    office, evidence_id, _ = _office_with_scans(tmp_path, _demo_template)
    code, _, err = _cli(capsys, "--db", office, "backup")  # into thidua-backups/ beside it
    assert code == 0, err
    (backup,) = (office.parent / "thidua-backups").glob("*.db")
    assert sql(backup, "SELECT count(*) FROM stored_file") == [(0,)]  # a file: the folder
    code, out, err = _cli(capsys, "--db", server_url, "restore", backup)
    assert code == 0, err
    assert "Đã khôi phục" in out and "chưa được đưa lên" not in out
    assert sql(server_url, "SELECT count(*) FROM stored_file") == [(2,)]
    clerk = at_pc(monkeypatch, tmp_path / "may-khac", server_url)
    try:
        assert open_path(clerk, evidence_id).read_bytes() == SCAN
    finally:
        clerk.close()


def test_a_restore_without_the_evidence_folder_names_the_files_not_brought(
    tmp_path, server_url, _demo_template, capsys
):
    office, _, _ = _office_with_scans(tmp_path, _demo_template)
    usb = tmp_path / "usb"
    code, _, err = _cli(capsys, "--db", office, "backup", usb)  # the folder stays behind
    assert code == 0, err
    (backup,) = usb.glob("*.db")
    code, out, err = _cli(capsys, "--db", server_url, "restore", backup)
    assert code == 0, err
    assert "2 tệp minh chứng/hồ sơ chưa được đưa lên máy chủ" in out
    assert "bien-ban.pdf" in out and "to-trinh.pdf" in out
    assert sql(server_url, "SELECT count(*) FROM stored_file") == [(0,)]
    assert sql(server_url, "SELECT count(*) FROM proposal_document WHERE sha256 <> ''") == [(1,)]
