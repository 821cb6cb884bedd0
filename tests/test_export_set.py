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
from desktop.files import recover_sets

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
    return [
        "--db",
        str(db),
        "export",
        "--period",
        "2023",
        "--xlsx",
        str(folder / "bang.xlsx"),
        "--pdf",
        str(folder / "bao-cao.pdf"),
        "--package",
        str(folder / "goi.zip"),
    ]


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def all_new(folder: Path) -> bool:
    c = contents(folder)
    return (
        c["bang.xlsx"][:2] == b"PK"
        and c["bao-cao.pdf"][:4] == b"%PDF"
        and c["goi.zip"][:2] == b"PK"
    )


def test_an_export_replaces_the_three_files_together(demo_db, folder, capsys):
    assert main(argv(demo_db, folder)) == 0
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)


def test_one_file_open_in_excel_keeps_every_old_file_and_every_new_one_beside(
    demo_db, folder, monkeypatch, capsys
):
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
    out = subprocess.run(
        [sys.executable, "-c", DIES, *argv(demo_db, folder)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 9
    journals = list(folder.glob(".~thidua-bo-tep-*.json"))
    assert len(journals) == 1  # the set was complete on the disk before the first rename
    assert contents(folder)["goi.zip"] == OLD["goi.zip"]  # the cut left two new, one old
    assert recover_sets(folder) == 1  # what the next export into this folder does first
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)


# ---- killed for real in the middle of a set; the next start finishes it ------------------------

PAUSES = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import desktop.files.sets as sets
    where, argv = sys.argv[1], sys.argv[2:]
    usb = Path(argv[-1]).parent  # the export's folder (the last argument: the package)
    count = [0]

    def pause():
        print("HALF", flush=True)
        time.sleep(600)            # SIGKILLed by the test here

    if where == "renames":         # after two of the three renames
        real = os.replace
        def replace(src, dst):
            real(src, dst)
            if Path(dst).parent == usb and not Path(dst).name.startswith(".~"):
                count[0] += 1
                if count[0] == 2:
                    pause()
        os.replace = replace
    else:                          # two of the three new files written, none renamed
        real_fsync = sets.fsync
        def fsync(path):
            real_fsync(path)
            if Path(path).parent == usb:
                count[0] += 1
                if count[0] == 2:
                    pause()
        sets.fsync = fsync
    from desktop.cli import main
    sys.exit(main(argv))
""")


def killed_export(demo_db: Path, folder: Path, where: str) -> None:
    import signal

    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSES, where, *argv(demo_db, folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "HALF"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL


def thidua(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_killed_between_renames_the_next_command_puts_every_new_file_in_place(demo_db, folder):
    killed_export(demo_db, folder, "renames")
    now = contents_files(folder)
    assert now["goi.zip"] == OLD["goi.zip"] and now["bang.xlsx"] != OLD["bang.xlsx"]  # a mix
    out = thidua("--db", str(demo_db), "units")  # any command, not an export
    assert out.returncode == 0, out.stderr
    assert "Lần xuất trước bị gián đoạn giữa chừng; đã hoàn tất" in out.stderr
    assert str(folder / "goi.zip") in out.stderr
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)  # nothing hidden left
    again = thidua("--db", str(demo_db), "units")
    assert "gián đoạn" not in again.stderr  # finished once


def test_killed_while_writing_the_new_files_the_next_command_keeps_every_old_one(demo_db, folder):
    killed_export(demo_db, folder, "writing")
    assert (
        contents_files(folder) != OLD
        and {n: d for n, d in contents_files(folder).items() if n in OLD} == OLD
    )  # temporaries
    out = thidua("--db", str(demo_db), "units")
    assert out.returncode == 0, out.stderr
    assert "các tệp cũ được giữ nguyên" in out.stderr
    assert contents(folder) == OLD  # the old set, and no temporary file left beside it


def test_killed_between_renames_the_next_window_start_puts_every_new_file_in_place(
    qtbot, demo_db, folder, monkeypatch
):
    from desktop.ui import errors
    from desktop.ui.main_window import MainWindow

    killed_export(demo_db, folder, "renames")
    assert contents_files(folder)["goi.zip"] == OLD["goi.zip"]
    said: list[str] = []
    monkeypatch.setattr(errors, "show_info", lambda _p, text, *a, **k: said.append(text))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.database_opened, timeout=30000):
        w.start(demo_db)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "Lần xuất trước bị gián đoạn giữa chừng; đã hoàn tất" in said[0]
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)
    w.close()


def test_a_set_being_written_by_a_running_program_is_left_alone(demo_db, folder):
    """Another copy of the program, exporting right now (its note is locked): a command
    started meanwhile does not touch that set."""
    import signal

    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSES, "writing", *argv(demo_db, folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "HALF"
        during = contents_files(folder)
        out = thidua("--db", str(demo_db), "units")
        assert out.returncode == 0 and "gián đoạn" not in out.stderr
        assert contents_files(folder) == during  # its temporary files are still there
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)


def test_a_set_on_a_stick_not_plugged_in_at_the_next_start_waits_for_a_later_one(
    demo_db, folder, tmp_path
):
    killed_export(demo_db, folder, "renames")
    mixed = contents(folder)
    away = tmp_path / "rut-ra"
    folder.rename(away)  # the stick pulled out before the next start
    out = thidua("--db", str(demo_db), "units")
    assert out.returncode == 0 and "gián đoạn" not in out.stderr
    assert contents(away) == mixed  # untouched while away
    away.rename(folder)  # plugged in again
    out = thidua("--db", str(demo_db), "units")
    assert "đã hoàn tất" in out.stderr
    assert sorted(contents(folder)) == sorted(OLD) and all_new(folder)
