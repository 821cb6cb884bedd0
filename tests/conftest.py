"""Shared test set-up: Qt offscreen, an isolated data folder, a demo database."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
os.environ.setdefault("LANG", "C.UTF-8")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# Hypothesis' default 200 ms deadline per example, and its too-slow health check, are timing
# assertions: on a shared, loaded machine they fail tests whose behaviour is right. The suite
# asserts no timing, so every property test runs without them (a test's own @settings still
# narrows the number of examples).
settings.register_profile(
    "no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("no-timing")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs, settings and default databases go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("THIDUA_DATA_DIR", str(folder))
    monkeypatch.delenv("THIDUA_STAFF", raising=False)
    return folder


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.store.database import Database
    from desktop.store.demo import build_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    with Database.open(path, create=True, backup=False) as db:
        build_demo(db)
    return path


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: Path) -> Path:
    """A fresh copy of the demo database (desktop.store.demo) in tmp_path; returns its path."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """With THIDUA_REQUIRE_TOOLS=1 (CI), a test skipped because a tool is missing
    (LibreOffice, poppler) fails: CI installs them, so a skip would hide a broken set-up."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("THIDUA_REQUIRE_TOOLS") == "1":
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        if "not installed" in reason:
            report.outcome = "failed"
            report.longrepr = f"required tool missing in CI: {reason}"


# ---- the same tests on SQLite and on PostgreSQL ---------------------------------------------
ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """The session's throw-away PostgreSQL server (tests/pg_server.py)."""
    from pg_server import PgServer, pg_bin_dir

    bin_dir = pg_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    server = PgServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_db(engine_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a new, empty database goes, on each engine: a file path or a server URL."""
    if engine_kind == "sqlite":
        return str(tmp_path / "new.db")
    server = request.getfixturevalue("pg_server")
    name = server.new_database()
    request.addfinalizer(lambda: server.drop(name))
    return str(server.url(name))


@pytest.fixture(scope="session")
def _pg_demo_template(pg_server, _demo_template: Path) -> str:  # type: ignore[no-untyped-def]
    """The demo database moved up to the server once; each test gets a copy of it."""
    from desktop.actions.server import move_file_to_server

    name = pg_server.new_database()
    move_file_to_server(_demo_template, pg_server.url(name))
    return str(name)


@pytest.fixture
def demo_target(engine_kind: str, tmp_path: Path, _demo_template: Path,
                request: pytest.FixtureRequest) -> str:
    """A fresh demo database on each engine: the file's path, or the server's URL."""
    if engine_kind == "sqlite":
        path = tmp_path / "demo.db"
        shutil.copyfile(_demo_template, path)
        return str(path)
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("_pg_demo_template")
    name = server.new_database(template=template)
    request.addfinalizer(lambda: server.drop(name))
    return str(server.url(name))
