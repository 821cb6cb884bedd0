"""The user's data folder: worked out on Linux without platformdirs, the same folder
platformdirs names (paths.user_data_dir), whatever the environment says."""

from __future__ import annotations

import os
import sys

import pytest

from desktop import paths

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="elsewhere paths asks platformdirs itself"
)

ENVIRONMENTS = [
    {},
    {"XDG_DATA_HOME": "/srv/du lieu"},
    {"XDG_DATA_HOME": "/srv/data/"},
    {"XDG_DATA_HOME": ""},
    {"XDG_DATA_HOME": "relative/data"},
    {"XDG_DATA_HOME": "~/data"},
    {"HOME": "/home/cán bộ"},
    {"HOME": "/home/clerk/"},
    {"HOME": "relative-home"},
    {"HOME": ""},
    {"HOME": "relative-home", "XDG_DATA_HOME": "/x/y"},
]


@linux_only
@pytest.mark.parametrize("env", ENVIRONMENTS, ids=repr)
def test_the_data_folder_is_platformdirs_own(env, monkeypatch):
    from platformdirs import user_data_dir

    for name in ("XDG_DATA_HOME", "THIDUA_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    want = user_data_dir(paths.APP_NAME, paths.APP_AUTHOR)
    assert paths.user_data_dir() == want
    assert paths.data_dir() == paths.Path(want)
    assert paths.default_db_path() == paths.Path(want) / "thidua.db"


@linux_only
def test_without_home_the_account_home_is_used(monkeypatch):
    from platformdirs import user_data_dir

    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    assert paths.user_data_dir() == user_data_dir(paths.APP_NAME, paths.APP_AUTHOR)


def test_the_override_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "dữ liệu"))
    assert paths.data_dir() == tmp_path / "dữ liệu"
    assert paths.log_dir() == tmp_path / "dữ liệu" / "logs"


def test_elsewhere_platformdirs_is_asked(monkeypatch):
    """On Windows (known folders: %LOCALAPPDATA%\\ThiDuaCDS\\ThiDuaCDS) and macOS the
    folder is platformdirs' answer itself."""
    import platformdirs

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(
        platformdirs,
        "user_data_dir",
        lambda name, author: os.path.join("C:\\Users\\a\\AppData\\Local", author, name),
    )
    assert paths.user_data_dir() == os.path.join(
        "C:\\Users\\a\\AppData\\Local", "ThiDuaCDS", "ThiDuaCDS"
    )
