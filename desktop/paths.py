"""Where things live. No side effects on import: folders are created by callers.

The data folder comes from platformdirs, or from the THIDUA_DATA_DIR environment
variable. Resources are found from source and from a PyInstaller bundle.
"""

from __future__ import annotations

import os
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
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


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
