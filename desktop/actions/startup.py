"""What every start of the window and of `thidua` does first, before any database is
opened (light: no database modules are imported for it)."""

from __future__ import annotations

__all__ = ["finish_interrupted_exports"]


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
