"""Several files written as one set (an export's workbook, PDF and package): afterwards
every target holds its new content, or every target its old one, never a mix, even when
the program is killed or the power cut between two of them.

    write_set([(p1, xlsx, "tệp Excel"), (p2, pdf, "tệp PDF")])
    done = recover_pending()      # at every start of the window and of `thidua`

How: a note of intent is written into the program's data folder (paths.pending_sets_dir)
before anything else; the new files are written beside their targets; a journal beside
them then records that all are complete (the point of no return); the renames follow.
After an interruption, `recover_pending` finds the note: with the journal the set is
rolled forward (the new files renamed into place), without it rolled back (the
temporary files removed: the targets were never touched). A note whose folder is not
reachable (a USB stick not plugged in) waits for a later start; one whose writer is still
running (another copy of the program, exporting now) holds its lock and is left alone.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import storage as words
from ..domain.storage import StorageError
from ..paths import pending_sets_dir
from .whole import beside_name, describe, fsync, temporary_beside, write_bytes_whole

if TYPE_CHECKING:  # filelock is imported when a set is written or recovered: a command
    # that writes no file (`thidua check`) starts without it
    from filelock import FileLock

log = logging.getLogger("thidua.files")

JOURNAL_PREFIX = ".~thidua-bo-tep-"
Item = tuple[Path, Path, Path]  # (tmp, target, old)


@dataclass(frozen=True)
class Recovered:
    targets: tuple[Path, ...]
    forward: bool  # True: the new files were put in place; False: the old ones kept

    @property
    def message(self) -> str:
        names = ", ".join(str(t) for t in self.targets)
        if self.forward:
            return (
                f"Lần xuất trước bị gián đoạn giữa chừng; đã hoàn tất: các tệp mới đã ở "
                f"đúng chỗ ({names})."
            )
        return (
            f"Lần xuất trước bị gián đoạn trước khi thay tệp; các tệp cũ được giữ "
            f"nguyên ({names}) và các tệp tạm đã được xóa."
        )


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # FAT32 sticks have no hard links
        shutil.copyfile(src, dst)


def _items(data: object) -> list[Item]:
    rows = data if isinstance(data, list) else []
    return [(Path(r["tmp"]), Path(r["target"]), Path(r["old"])) for r in rows]


def _roll_forward(items: list[Item]) -> None:
    for tmp, target, old in items:
        if tmp.exists():
            os.replace(tmp, target)
        old.unlink(missing_ok=True)


def _roll_back(items: list[Item]) -> None:
    for tmp, _target, old in items:
        tmp.unlink(missing_ok=True)
        old.unlink(missing_ok=True)


def recover_sets(folder: Path) -> int:
    """Finish the sets of `folder` whose renames were interrupted (their journal exists
    only once every new file was complete): completed with their new files. How many."""
    done = 0
    try:
        journals = sorted(Path(folder).glob(f"{JOURNAL_PREFIX}*.json"))
    except OSError:
        return 0
    for journal in journals:
        try:
            items = _items(json.loads(journal.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        _roll_forward(items)
        journal.unlink(missing_ok=True)
        done += 1
    return done


def recover_pending() -> list[Recovered]:
    """Every set left unfinished by an interrupted program, rolled forward or back.
    Failures are logged, never raised: a start must not be refused for them."""
    folder = pending_sets_dir()
    try:
        notes = sorted(folder.glob("*.json")) if folder.is_dir() else []
    except OSError:
        return []
    found = []
    for note in notes:
        try:
            data = json.loads(note.read_text("utf-8"))
            items = _items(data.get("items"))
            journal = Path(data["journal"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("unreadable note of an export set %s: %s", note, exc)
            continue
        if items and not items[0][1].parent.is_dir():
            log.info("export set %s waits: its folder is not reachable", note)
            continue
        lock = _note_lock(note)
        try:
            lock.acquire(timeout=0)
        except (_timeout(), OSError):  # its writer is alive: being written right now
            continue
        try:
            forward = journal.exists()
            if forward:
                _roll_forward(items)
                journal.unlink(missing_ok=True)
            else:
                _roll_back(items)
            note.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not finish the export set %s: %s", note, exc)
            continue
        finally:
            _release(lock)
        done = Recovered(tuple(target for _tmp, target, _old in items), forward)
        log.warning(
            "interrupted export set %s %s",
            note.name,
            "rolled forward" if forward else "rolled back",
        )
        found.append(done)
    return found


def _timeout() -> type[Exception]:
    from filelock import Timeout

    return Timeout


def _note_lock(note: Path) -> FileLock:
    # held by the writer while it writes the set; the system drops it when the writer dies
    from filelock import FileLock

    return FileLock(str(note) + ".lock", thread_local=False)


def _release(lock: FileLock) -> None:
    lock.release()
    try:
        Path(lock.lock_file).unlink(missing_ok=True)
    except OSError:
        pass


def _write_note(items: list[Item], journal: Path) -> tuple[Path, FileLock] | None:
    """The note of intent in the data folder, locked while this process writes the set
    (None when that folder cannot be written: the journal beside the files still lets
    the next export there finish the set)."""
    note = pending_sets_dir() / f"{uuid.uuid4().hex}.json"
    data = {
        "journal": str(journal),
        "items": [{"tmp": str(t), "target": str(p), "old": str(o)} for t, p, o in items],
    }
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        lock = _note_lock(note)
        lock.acquire(timeout=0)
    except (OSError, _timeout()) as exc:
        log.warning("no note of intent for an export set (%s)", exc)
        return None
    try:
        write_bytes_whole(
            note, json.dumps(data, ensure_ascii=False).encode("utf-8"), "nhật ký ghi tệp"
        )
    except (OSError, StorageError) as exc:
        log.warning("no note of intent for an export set (%s)", exc)
        _release(lock)
        return None
    return note, lock


def _forget_note(noted: tuple[Path, FileLock] | None) -> None:
    if noted is not None:
        noted[0].unlink(missing_ok=True)
        _release(noted[1])


def _plan(items: list[tuple[Path, bytes, str]]) -> list[Item]:
    planned = []
    for path, _data, what in items:
        path = Path(path)
        try:
            tmp = temporary_beside(path)
            os.fsencode(tmp)
        except UnicodeError as exc:
            raise describe(exc, path, what) from None
        planned.append((tmp, path, path.with_name(f".~{path.name}.cu")))
    return planned


def write_set(items: list[tuple[Path, bytes, str]]) -> list[Path]:
    """Write several files as one: afterwards every target holds its new content, or every
    target its old one — never a mix. (path, data, what) per file.

    When one target cannot be replaced (Windows: open in Excel), the ones already renamed
    get their old content back, every new file is kept beside its target under another
    name, and StorageError(IN_USE) names them."""
    if not items:
        return []
    for path, _data, _what in items:
        recover_sets(Path(path).parent)
    written = _plan(items)
    folder = written[0][1].parent
    journal = folder / f"{JOURNAL_PREFIX}{uuid.uuid4().hex[:8]}.json"
    noted = _write_note(written, journal)
    try:
        _write_new_files(written, items)
        for _tmp, target, old in written:
            if target.exists():
                _link_or_copy(target, old)
        write_bytes_whole(
            journal,
            json.dumps(
                [{"tmp": str(t), "target": str(p), "old": str(o)} for t, p, o in written],
                ensure_ascii=False,
            ).encode("utf-8"),
            "nhật ký ghi tệp",
        )
    except BaseException:
        _roll_back(written)
        _forget_note(noted)
        raise
    try:
        _rename_all(written, items)
    finally:
        journal.unlink(missing_ok=True)
        _forget_note(noted)
    return [target for _tmp, target, _old in written]


def _write_new_files(written: list[Item], items: list[tuple[Path, bytes, str]]) -> None:
    for (tmp, path, _old), (_p, data, what) in zip(written, items, strict=True):
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            if path.exists() and not os.access(path, os.W_OK):
                raise PermissionError(errno.EACCES, "read-only", str(path))
            tmp.write_bytes(data)
            fsync(tmp)
        except (OSError, UnicodeError) as exc:
            raise describe(exc, path, what) from None


def _rename_all(written: list[Item], items: list[tuple[Path, bytes, str]]) -> None:
    replaced: list[int] = []
    try:
        for n, (tmp, target, _old) in enumerate(written):
            try:
                os.replace(tmp, target)
            except PermissionError as exc:
                raise _keep_set_beside(written, replaced, n, exc, items[n][2]) from None
            except OSError as exc:
                raise describe(exc, target, items[n][2]) from None
            replaced.append(n)
    except BaseException:
        for n in replaced:  # back to the old content; the new file beside it
            tmp, target, old = written[n]
            os.replace(target, tmp)
            if old.exists():
                os.replace(old, target)
        _roll_back(written)
        raise
    for _tmp, _target, old in written:
        old.unlink(missing_ok=True)


def _keep_set_beside(
    written: list[Item], replaced: list[int], failed: int, exc: PermissionError, what: str
) -> StorageError:
    """Undo the renames done, keep every new file beside its target; the error to raise."""
    target = written[failed][1]
    if not target.exists() or not os.access(target, os.W_OK):
        return describe(exc, target, what)
    for n in replaced:
        tmp, tgt, old = written[n]
        if old.exists():
            os.replace(tgt, tmp)
            os.replace(old, tgt)
    replaced.clear()
    kept = []
    for tmp, tgt, old in written:
        beside = beside_name(tgt)
        os.replace(tmp, beside)
        kept.append(beside)
        old.unlink(missing_ok=True)
    return words.set_in_use(target, kept, failed)


__all__ = ["JOURNAL_PREFIX", "Recovered", "recover_pending", "recover_sets", "write_set"]
