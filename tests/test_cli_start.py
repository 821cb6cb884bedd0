"""A command's start loads what that command needs and nothing else: the modules of the
other commands, the data folder's library, logging and the evaluation stay unloaded.

Each probe runs `thidua` in a fresh interpreter and fails when a module named here is
imported again at the start (an import moved back to a module's top).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import commands

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("LOADED", " ".join(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""

OTHER_COMMANDS = [
    "desktop.cli.forms",
    "desktop.cli.reports",
    "desktop.cli.proposals",
    "desktop.cli.units",
    "desktop.cli.plan",
]
# what `thidua periods` on a file has no use for
NOT_FOR_PERIODS = [
    *OTHER_COMMANDS,
    "platformdirs",  # the data folder is worked out by desktop.paths on Linux
    "logging",  # set up only when a command fails unexpectedly
    "desktop.logs",
    "desktop.files",  # loaded only when a file operation fails or an export set waits
    "uuid",
    "hashlib",  # a server's stand-in path only
    "shutil",  # argparse's way to the terminal's width
    "typing",
    "json",  # --format json only
    "decimal",  # the rounding is done in integers; a day needs neither
    "fractions",
    "desktop.domain.period_report",  # the evaluation: `check` only
    "desktop.store.plain_reads",  # the plan and its submissions: the periods alone are read
    "desktop.domain.plan",  # (store.plain_periods, domain.period)
    "desktop.domain.plan_rules",
    "desktop.domain.evaluation",
    "desktop.domain.values",
    "desktop.domain.office",
    "sqlalchemy",
    "filelock",
    "alembic",
]
NOT_FOR_CHECK = [
    "desktop.domain.plan_rules",  # the plan read is checked by domain.plan_numbers alone
    "decimal",
    "fractions",
    *OTHER_COMMANDS,
    "platformdirs",
    "logging",
    "desktop.files",
    "uuid",
    "hashlib",
    "shutil",
    "desktop.domain.office",
    "sqlalchemy",
    "filelock",
    "alembic",
    "openpyxl",
    "reportlab",
]

# what `thidua import` has no use for (opening for writing, its backup and the reader's
# refusal of a file included)
NOT_FOR_IMPORT = [
    "desktop.cli.reports",
    "desktop.cli.proposals",
    "desktop.cli.units",
    "desktop.cli.plan",
    "desktop.actions.new_database",  # creating a database (Created)
    "desktop.actions.form_templates",  # the blank forms' basis (TemplateBasis)
    "desktop.files.sets",  # export sets (Recovered): the backup is written whole
    "desktop.domain.period_report",
    "desktop.domain.plan_rules",
    "sqlalchemy",
    "alembic",
    "openpyxl",
    "reportlab",
]


def started(tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """`thidua ARGV` in a fresh interpreter with the user's default data folder (a home
    folder of its own): what it printed, and every module loaded when it ended."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("THIDUA_DATA_DIR", "XDG_DATA_HOME", "COLUMNS")
    }
    env.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("LOADED "))
    return done, set(line.split()[1:])


def loaded_of(modules: set[str], names: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_periods_loads_only_what_it_needs(demo_db, tmp_path):
    done, modules = started(tmp_path, "--db", str(demo_db), "periods")
    assert done.returncode == 0 and "Năm 2023 (sơ kết)" in done.stdout, done.stderr
    assert loaded_of(modules, NOT_FOR_PERIODS) == []


def test_periods_json_loads_json_only_for_its_output(demo_db, tmp_path):
    done, modules = started(tmp_path, "--db", str(demo_db), "periods", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)[1]["code"] == "2023"
    assert "json" in modules
    assert loaded_of(modules, [m for m in NOT_FOR_PERIODS if m != "json"]) == []


def test_check_loads_no_other_command_nor_the_data_folder_library(demo_db, tmp_path):
    done, modules = started(
        tmp_path, "--db", str(demo_db), "check", "--period", "2023", "--format", "json"
    )
    assert done.returncode == 0 and json.loads(done.stdout)["period"] == "2023"
    assert loaded_of(modules, NOT_FOR_CHECK) == []


def test_import_loads_neither_the_orm_nor_what_creating_or_templates_need(demo_db, tmp_path):
    not_a_form = tmp_path / "BaoCao.xlsx"
    not_a_form.write_bytes(b"not a workbook")
    done, modules = started(
        tmp_path, "--db", str(demo_db), "import", str(not_a_form),
        "--received", "2023-12-10", "--channel", "usb",
    )
    assert done.returncode == 1 and "BaoCao.xlsx" in done.stdout, done.stderr
    assert "desktop.store.backup" in modules  # the automatic backup was taken
    assert loaded_of(modules, NOT_FOR_IMPORT) == []


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["import", "--help"], "desktop.cli.forms"),
        (["export", "--help"], "desktop.cli.reports"),
        (["proposals", "list", "--help"], "desktop.cli.proposals"),
        (["units", "add", "--help"], "desktop.cli.units"),
        (["plan", "export", "--help"], "desktop.cli.plan"),
    ],
)
def test_a_command_loads_its_own_module_only(argv, module, tmp_path):
    done, modules = started(tmp_path, *argv)
    assert done.returncode == 0 and "cách dùng: thidua" in done.stdout
    assert loaded_of(modules, OTHER_COMMANDS) == [module]


def test_the_help_lists_every_command_without_loading_them(tmp_path):
    done, modules = started(tmp_path, "--help")
    assert done.returncode == 0
    for name, _module, what in commands.COMMAND_LIST:
        assert name in done.stdout and what.split()[0] in done.stdout
    assert loaded_of(modules, OTHER_COMMANDS) == []


def test_every_listed_command_is_added_by_its_module_with_a_handler():
    """COMMAND_LIST and the modules agree: each module adds exactly the commands listed
    for it (a command added but not listed, or listed but not added, fails here)."""

    class Recorder:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def add_parser(self, name: str) -> commands.Parser:
            self.asked.append(name)
            return commands.Parser(prog=f"thidua {name}")

    for module in {m for _n, m, _w in commands.COMMAND_LIST}:
        recorder = Recorder()
        commands._add_commands_of(module)(recorder, commands._registered_once)
        asked = recorder.asked
        listed = [n for n, m, _w in commands.COMMAND_LIST if m == module]
        if module == "commands":  # `demo` takes no argument: nothing to add
            listed.remove("demo")
        assert sorted(asked) == sorted(listed), module
    parser = commands.all_commands_parser()
    assert (
        parser.parse_args(
            ["--db", "x.db", "proposals", "list", "--review", "2023"]
        ).proposals_command
        == "list"
    )
    assert set(commands.COMMANDS) == {n for n, _m, _w in commands.COMMAND_LIST}


def test_the_terminal_width_is_argparse_own(monkeypatch):
    """The help is laid out to the width argparse would take (shutil's reading of
    $COLUMNS and the terminal), without importing shutil."""
    import argparse
    import shutil

    from desktop.cli.support import _Formatter

    for columns in ("100", "37", "", "abc", "-5"):
        monkeypatch.setenv("COLUMNS", columns)
        assert _Formatter("thidua")._width == argparse.HelpFormatter("thidua")._width
    monkeypatch.delenv("COLUMNS")
    assert _Formatter("thidua")._width == shutil.get_terminal_size().columns - 2
