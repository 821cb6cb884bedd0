"""Where things live. No side effects on import: folders are created by callers.

The data folder is the user's data folder (platformdirs' rule, see user_data_dir), or
the THIDUA_DATA_DIR environment variable. Resources are found from source and from a
PyInstaller bundle.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP_NAME = "ThiDuaCDS"
APP_AUTHOR = "ThiDuaCDS"


def repo_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return repo_root().joinpath("resources", *parts)


def forms_path(*parts: str) -> Path:
    return repo_root().joinpath("forms", *parts)


def data_dir() -> Path:
    override = os.environ.get("THIDUA_DATA_DIR")
    if override:
        return Path(override)
    return Path(user_data_dir())


def user_data_dir() -> str:
    """platformdirs.user_data_dir(APP_NAME, APP_AUTHOR). On Linux worked out here the way
    platformdirs does it (the XDG base directory rule: $XDG_DATA_HOME when absolute, else
    ~/.local/share), which spares every command's start importing platformdirs (a
    sixth of `thidua periods`); elsewhere (Windows' known folders, macOS, Android) asked
    of platformdirs itself. tests/test_paths.py holds both to the same answers."""
    if sys.platform.startswith("linux") and not _maybe_android():
        base = os.environ.get("XDG_DATA_HOME", "")
        if not posixpath.isabs(base):
            base = _home_joined("~/.local/share")
        return os.path.join(base, APP_NAME)
    from platformdirs import user_data_dir as platform_data_dir

    return platform_data_dir(APP_NAME, APP_AUTHOR)


def _maybe_android() -> bool:
    """What makes platformdirs look for Android's folders instead of the XDG ones."""
    return hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )


def _home_joined(path: str) -> str:
    """`~/...` under the home folder, as platformdirs expands it on Linux: a relative
    $HOME counts as unset (the account's home folder from the password database)."""
    home = os.environ.get("HOME")
    if home is not None and not posixpath.isabs(home):
        expanded = path
        try:
            import pwd

            expanded = pwd.getpwuid(os.getuid()).pw_dir.rstrip("/") + path[1:] or "/"
        except (ImportError, KeyError):
            pass
    else:
        expanded = os.path.expanduser(path)
    if not posixpath.isabs(expanded):
        raise RuntimeError(
            f"could not determine the home directory for {path!r}, set an absolute HOME or "
            "XDG variable"
        )
    return expanded


def default_db_path() -> Path:
    return data_dir() / "thidua.db"


def pending_sets_dir() -> Path:
    """Notes of export sets being written (desktop.files.sets), to finish them at the
    next start when the program was interrupted."""
    return data_dir() / "bo-tep-dang-ghi"


def log_dir() -> Path:
    return data_dir() / "logs"


def backups_dir(db_path: Path) -> Path:
    """Automatic backups stand beside the database, in '<name>-backups'."""
    return db_path.parent / f"{db_path.stem}-backups"


def evidence_dir(db_path: Path) -> Path:
    """Evidence files are stored beside the database, under their SHA-256."""
    return db_path.parent / f"{db_path.stem}-evidence"
