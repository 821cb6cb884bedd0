"""Exports as a set (issue 17): the workbook, the PDF and the package of one export leave
either all the new files or all the old ones at their names, never a mix — when one of
them cannot be replaced, and when the program dies between two renames."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.storage import recover_sets

REPO = Path(__file__).resolve().parent.parent
OLD = {"bang.xlsx": b"old workbook", "bao-cao.pdf": b"old pdf", "goi.zip": b"old package"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "USB"
    out.mkdir()
    for name, data in OLD.items():
        (out / name).write_bytes(data)
    return out


def argv(db: Path, folder: Path) -> list[str]:
    return ["--db", str(db), "export", "--period", "2023", "--xlsx", str(folder / "bang.xlsx"),
            "--pdf", str(folder / "bao-cao.pdf"), "--package", str(folder / "goi.zip")]


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def all_new(folder: Path) -> bool:
    c = contents(folder)
    return (c["bang.xlsx"][:2] == b"PK" and c["bao-cao.pdf"][:4] == b"%PDF"
            and c["goi.zip"][:2] == b"PK")


def test_an_export_replaces_the_three_files_together(demo_db, folder, capsys):
    assert main(argv(demo_db, folder)) == 0
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)


def test_one_file_open_in_excel_keeps_every_old_file_and_every_new_one_beside(
        demo_db, folder, monkeypatch, capsys):
    real = os.replace
    locked = folder / "bao-cao.pdf"  # the second of the set: the workbook was already renamed

    def windows_replace(src, dst):
        if Path(dst) == locked and Path(src).name.startswith(".~bao-cao"):
            raise PermissionError(13, "being used by another process", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", windows_replace)
    assert main(argv(demo_db, folder)) == 1
    err = capsys.readouterr().err
    assert f"Tệp {locked} đang mở trong một chương trình khác" in err
    assert "không tệp cũ nào bị thay" in err
    now = contents(folder)
    assert {n: now[n] for n in OLD} == OLD  # every old file at its name, the workbook too
    kept = sorted(n for n in now if "(mới" in n)
    assert len(kept) == 3 and all(n in err for n in kept)
    assert not [n for n in now if n.startswith(".~")]


def test_a_folder_in_the_way_refuses_the_whole_set(demo_db, folder, capsys):
    (folder / "goi.zip").unlink()
    (folder / "goi.zip").mkdir()
    assert main(argv(demo_db, folder)) == 1
    assert "goi.zip" in capsys.readouterr().err
    now = contents_files(folder)
    assert now == {n: d for n, d in OLD.items() if n != "goi.zip"}


def contents_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


DIES = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    real = os.replace
    count = [0]
    usb = Path(sys.argv[-1]).parent  # the export's folder (the last argument: the package)
    def dying_replace(src, dst):
        real(src, dst)
        if Path(dst).parent == usb and not Path(dst).name.startswith(".~"):
            count[0] += 1
            if count[0] == 2:       # the power goes off after two of the three renames
                os._exit(9)
    os.replace = dying_replace
    from desktop.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_an_interruption_between_renames_is_completed_with_the_new_files(demo_db, folder):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", DIES, *argv(demo_db, folder)],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 9
    journals = list(folder.glob(".~thidua-bo-tep-*.json"))
    assert len(journals) == 1  # the set was complete on the disk before the first rename
    assert contents(folder)["goi.zip"] == OLD["goi.zip"]  # the cut left two new, one old
    assert recover_sets(folder) == 1  # what the next export into this folder does first
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)
