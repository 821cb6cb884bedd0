"""What every start of the window and of `thidua` does first, before any database is
opened (light: no database modules are imported for it)."""

from __future__ import annotations

TYPE_CHECKING = False  # every command's start imports this module: not even typing
if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from ..store.first_figures import FirstFigures

__all__ = ["finish_interrupted_exports", "first_figures"]


def finish_interrupted_exports() -> list[str]:
    """The export sets an interrupted program left unfinished, rolled forward (every new
    file in place) or back (every old one kept), so that a person never finds a mix; what
    was done, for people."""
    from ..paths import pending_sets_dir

    try:  # one directory read when nothing was interrupted (every command's start)
        folder = pending_sets_dir()
        if not folder.is_dir() or not any(folder.glob("*.json")):
            return []
    except OSError:
        return []
    from ..files import recover_pending

    return [done.message for done in recover_pending()]


def first_figures(path: Path, today: dt.date | None = None) -> FirstFigures | None:
    """The counts a person reads first (units expected, submitted, on time, late, still
    missing) of the period the window opens on, read from the file with plain sqlite3 in
    a few milliseconds, before the database is opened for work. None when the file cannot
    be read so (being written, of another version, damaged, not a database): opening it
    then says why, and the figures come with the evaluation."""
    import datetime

    from ..store import first_figures as reads

    try:
        return reads.read(path, today or datetime.date.today())
    except Exception as exc:  # noqa: BLE001 - a preview only: the open names every problem
        import logging

        logging.getLogger("thidua.actions.startup").debug(
            "first figures of %s not read: %r", path, exc
        )
        return None
