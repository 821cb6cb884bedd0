"""The command line (DESIGN.md section 6). Messages for people are Vietnamese.

Exit status: 0 done; 1 the work was refused or failed; 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from ..collector import collection_paused
from ..domain.errors import DomainError
from ..version import __version__
from .support import (
    Parser,
    configure_stdout,
    db_location,
    db_path,
    open_db,
    print_json,
    print_table,
)

TYPE_CHECKING = False  # typing itself is not imported at a command's start
if TYPE_CHECKING:
    from typing import Any

    _SubParsers = argparse._SubParsersAction[Parser]
else:
    _SubParsers = argparse._SubParsersAction

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}

# Every command of `thidua`, in the order `thidua --help` lists them: its name, the module
# of desktop/cli that adds its arguments and holds its handler, and its line in the help.
# A command's module is imported, and its arguments built, only when that command is run
# (or its --help asked): `thidua periods` loads no other command's code, the window's
# start no command's at all. A module adds its commands with `sub.add_parser(NAME)`; the
# help line is the one here.
COMMAND_LIST: tuple[tuple[str, str, str], ...] = (
    ("demo", "commands", "tạo cơ sở dữ liệu mẫu (kế hoạch Ninh Sơn, 8 xã) và in đường dẫn"),
    ("init", "commands", "tạo cơ sở dữ liệu từ một kế hoạch mẫu"),
    ("plans", "commands", "liệt kê các kế hoạch mẫu"),
    ("periods", "commands", "liệt kê các kỳ báo cáo"),
    ("check", "commands", "kiểm tra, đánh giá và xếp hạng một kỳ báo cáo"),
    ("review", "commands", "chấp nhận hoặc trả lại báo cáo của một đơn vị"),
    ("backup", "commands", "sao lưu cơ sở dữ liệu"),
    ("restore", "commands", "khôi phục cơ sở dữ liệu từ một bản sao lưu"),
    ("staff", "commands", "tên cán bộ làm việc trên máy này (ghi vào lịch sử thay đổi)"),
    ("move-to-server", "commands",
     "chuyển dữ liệu lên máy chủ: chép toàn bộ tệp SQLite vào cơ sở dữ liệu PostgreSQL "
     "còn trống chỉ ra bằng --db"),
    ("template", "forms", "tạo biểu mẫu Excel cho đơn vị điền báo cáo"),
    ("import", "forms", "nhập các biểu mẫu Excel đơn vị gửi về"),
    ("evidence", "forms", "minh chứng đính kèm báo cáo của một đơn vị"),
    ("export", "reports", "xuất báo cáo tổng hợp gửi cấp trên: Excel, PDF, gói dữ liệu (.zip)"),
    ("office", "reports", "xem hoặc sửa thông tin cơ quan báo cáo và người ký"),
    ("import-package", "reports", "(cấp tỉnh) nhập gói dữ liệu của các huyện để tổng hợp"),
    ("trust", "reports", "dấu vân tay khóa của cơ quan này và các đơn vị đã tin cậy"),
    ("proposals", "proposals",
     "đề nghị khen thưởng: thêm, sửa, xóa, kiểm tra hạn mức, gợi ý, xuất danh sách"),
    ("units", "units", "danh sách đơn vị; thêm, sửa, sáp nhập, nhập, xuất"),
    ("plan", "plan", "lưu kế hoạch (đã sửa, kèm đơn vị) thành tệp .toml"),
)


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


def _registered_once(name: str) -> Callable[[Handler], Handler]:
    """`command` for a module loaded when its command is chosen: a handler already in
    COMMANDS (put there beforehand, as the tests do) stays."""

    def register(fn: Handler) -> Handler:
        return COMMANDS.setdefault(name, fn)

    return register


AddCommands = Callable[["Any", Callable[[str], Callable[[Handler], Handler]]], None]


def _add_commands_of(module: str) -> AddCommands:
    """The `add_commands` of a module of desktop/cli, imported now (the imports written
    out, for the layer test and PyInstaller, which read them)."""
    if module == "commands":
        return _core_arguments
    if module == "forms":
        from . import forms

        return forms.add_commands
    if module == "reports":
        from . import reports

        return reports.add_commands
    if module == "proposals":
        from . import proposals

        return proposals.add_commands
    if module == "units":
        from . import units

        return units.add_commands
    if module == "plan":
        from . import plan

        return plan.add_commands
    raise KeyError(module)


class _Unused:
    """What a module's `add_commands` gets for a command of that module that is not run:
    every call (add_argument, a group, set_defaults, sub-commands) is taken and ignored,
    so that only the command run has its arguments built."""

    def __getattr__(self, _name: str) -> Callable[..., _Unused]:
        return self._ignored

    def _ignored(self, *_args: object, **_kwargs: object) -> _Unused:
        return self


class _Listed:
    """What a module's `add_commands` adds its commands to: `add_parser(NAME)` gives the
    parser listed under NAME (with its help line from COMMAND_LIST) for the commands being
    built, an `_Unused` for the module's others."""

    def __init__(self, commands: _Commands, building: Collection[str]) -> None:
        self._commands = commands
        self._building = building

    def add_parser(self, name: str) -> Parser | _Unused:
        if name not in self._building:
            return _Unused()
        return self._commands.parser_of(name)


class _Commands(_SubParsers):
    """The sub-commands. Each is listed with its help line (for `thidua --help` and the
    choices argparse checks); the parser of the command chosen is made, and its
    arguments added, when argparse reaches it, before that parser reads the rest of the
    command line: `thidua periods` builds two parsers, not twenty-one."""

    def add_parser(self, name: str, **kwargs: Any) -> Parser:
        help_line = kwargs.pop("help")
        assert not kwargs, kwargs  # build_parser gives the help line only
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_line))
        # a listed choice (argparse checks the name against these keys); made by parser_of
        self._name_parser_map[name] = None  # type: ignore[assignment]
        return None  # type: ignore[return-value]  # build_parser takes nothing back

    def parser_of(self, name: str) -> Parser:
        """The parser of the listed command NAME, made on first use (as argparse's own
        add_parser makes it: its prog is `thidua NAME`)."""
        parser: Parser | None = self._name_parser_map[name]
        if parser is None:
            parser = self._name_parser_map[name] = self._parser_class(
                prog=f"{self._prog_prefix} {name}"
            )
        return parser

    def build(self, names: Collection[str]) -> None:
        """Add the arguments of the listed commands NAMES (once each), from their modules."""
        built: set[str] = self.__dict__.setdefault("built", set())
        todo = [name for name in names if name not in built]
        for module in dict.fromkeys(_MODULE_OF[name] for name in todo):
            wanted = [name for name in todo if _MODULE_OF[name] == module]
            _add_commands_of(module)(_Listed(self, wanted), _registered_once)
        for name in todo:
            self.parser_of(name)  # a command without arguments (demo) has its parser too
            built.add(name)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        self.build([values[0]])  # a listed name: argparse checked the choice
        super().__call__(parser, namespace, values, option_string)


_MODULE_OF = {name: module for name, module, _help in COMMAND_LIST}


def build_parser() -> Parser:
    p = Parser(prog="thidua", description="ThiĐua CĐS — Phong trào thi đua Chuyển đổi số")
    p.add_argument(
        "--db", metavar="TỆP|ĐỊA_CHỈ",
        help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng) hoặc máy chủ "
        "PostgreSQL: postgresql+psycopg://tên:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu",
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"ThiĐua CĐS {__version__}",
        help="hiện phiên bản rồi thoát",
    )
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser,
                           action=_Commands)
    for name, _module, what in COMMAND_LIST:
        sub.add_parser(name, help=what)
    return p


def all_commands_parser() -> Parser:
    """The parser with every command's arguments built (for tests and documentation)."""
    p = build_parser()
    action = next(a for a in p._actions if isinstance(a, _Commands))
    action.build(_MODULE_OF)
    return p


def _core_arguments(sub: Any, _command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    """The arguments of the core commands (their handlers are below)."""
    c = sub.add_parser("init")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--plan", metavar="MÃ", help="mã kế hoạch mẫu (xem 'thidua plans')")
    g.add_argument("--plan-file", type=Path, metavar="TỆP", help="tệp kế hoạch .toml đã sửa")
    for name in ("plans", "periods"):
        c = sub.add_parser(name)
        c.add_argument("--format", choices=["table", "json"], default="table")
    c = sub.add_parser("check")
    c.add_argument("--period", required=True, metavar="KỲ")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c = sub.add_parser("review")
    c.add_argument("--period", required=True, metavar="KỲ")
    c.add_argument("--unit", required=True, metavar="MÃ")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", action="store_true", help="chấp nhận báo cáo")
    g.add_argument(
        "--return", dest="return_reason", metavar="LÝ_DO", help="trả lại để sửa, kèm lý do"
    )
    c = sub.add_parser("backup")
    c.add_argument("dir", nargs="?", type=Path, metavar="THƯ_MỤC")
    c = sub.add_parser("restore")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("file", type=Path, metavar="TỆP", nargs="?")
    g.add_argument("--latest-good", action="store_true",
                   help="khôi phục bản sao lưu còn tốt mới nhất")
    c = sub.add_parser("staff")
    c.add_argument("--set", dest="name", metavar="HỌ_TÊN", help="đặt tên cán bộ cho máy này")
    c = sub.add_parser("move-to-server")
    c.add_argument("file", type=Path, metavar="TỆP")


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from ..actions.new_database import create_demo
    from ..actions.server import Location
    from ..paths import data_dir

    where = db_location(args) if args.db else Location(file=data_dir() / "demo.db")
    path = where.file
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise DomainError(f"Tệp {path} đã tồn tại; hãy chọn --db khác hoặc xóa tệp đó trước.")
    print(create_demo(where).label)
    return 0


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    from ..actions.new_database import create_database
    from ..domain.vnformat import number
    from ..plan_catalog import load_bundled, load_plan_file

    plan = load_plan_file(args.plan_file) if args.plan_file else load_bundled(args.plan)
    created = create_database(db_location(args), plan)
    print(
        f"Đã tạo cơ sở dữ liệu {created.label} từ kế hoạch {created.plan_code} "
        f"({number(created.units)} đơn vị)."
    )
    if not plan.units:
        print(
            "Kế hoạch không liệt kê đơn vị nào: hãy thêm các đơn vị báo cáo bằng "
            "'thidua units add' hoặc nhập cả danh sách bằng 'thidua units import TỆP' "
            "(Excel/CSV với các cột Mã, Tên đơn vị, Loại)."
        )
    return 0


@command("plans")
def cmd_plans(args: argparse.Namespace) -> int:
    from ..plan_catalog import bundled_codes, load_bundled

    plans = [load_bundled(code) for code in bundled_codes()]
    if args.format == "json":
        print_json(
            [
                {
                    "code": p.code,
                    "title": p.title,
                    "issuer": p.issuer,
                    "level": p.level,
                    "units": len(p.units),
                    "periods": [x.code for x in p.periods],
                }
                for p in plans
            ]
        )
    else:
        print_table(
            ["Mã", "Cơ quan ban hành", "Đơn vị", "Kỳ"],
            [[p.code, p.issuer, len(p.units), len(p.periods)] for p in plans],
        )
    return 0


@command("periods")
def cmd_periods(args: argparse.Namespace) -> int:
    with collection_paused():  # the modules' objects live as long as the process
        from ..actions.periods import list_periods
        from ..domain.vnformat import day

    with open_db(args, write=False) as db:
        periods = list_periods(db)
    if args.format == "json":
        print_json(
            [
                {
                    "code": p.code,
                    "label": p.label,
                    "deadline": p.deadline.isoformat(),
                    "starts": p.starts.isoformat(),
                    "ends": p.ends.isoformat(),
                    "review": p.review.value,
                }
                for p in periods
            ]
        )
    else:
        print_table(
            ["Mã", "Kỳ báo cáo", "Hạn nộp"],
            [[p.code, p.label, day(p.deadline)] for p in periods],
        )
    return 0


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    with collection_paused():  # the modules' objects live as long as the process
        from ..actions.periods import evaluate_period
        from ..domain.period_report import REVIEW_STATE_LABELS, json_chunks
        from ..domain.vnformat import day, number, percent

    with open_db(args, write=False) as db:
        report = evaluate_period(db, args.period)
    if args.format == "json":
        for chunk in json_chunks(report):  # compact, one unit at a time (see json_chunks)
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
        return 0
    print(f"{report.plan.title}")
    print(f"Kỳ: {report.period.label} — hạn nộp {day(report.period.deadline)}\n")
    rows = []
    for u in report.units:
        sub = u.submission
        failed = ", ".join(
            r.code for r in u.criteria if r.criterion.mandatory and r.outcome != "pass"
        )
        rows.append(
            [
                u.rank or "",
                u.unit.code,
                u.unit.name,
                u.verdict,
                day(sub.received_on) if sub else "—",
                u.late_days or "",
                REVIEW_STATE_LABELS.get(sub.state, "") if sub else "",
                failed,
            ]
        )
    rows.sort(key=lambda r: (r[0] == "", r[0] if r[0] != "" else 0, r[1]))
    print_table(
        [
            "Hạng",
            "Mã",
            "Đơn vị",
            "Kết quả",
            "Ngày nhận",
            "Trễ (ngày)",
            "Xét duyệt",
            "Tiêu chí chưa đạt",
        ],
        rows,
    )
    sm = report.summary
    print(
        f"\nPhải nộp {number(sm.expected)}, đã nộp {number(sm.submitted)} "
        f"(đúng hạn {number(sm.on_time)}, trễ {number(sm.late)}); "
        f"đạt {number(sm.passed)}, không đạt {number(sm.failed)}, "
        f"chưa đủ số liệu {number(sm.incomplete)}, "
        f"chưa nộp {number(sm.not_submitted)}."
    )
    print("\nChỉ tiêu toàn địa bàn:")
    agg_rows = []
    for a in report.aggregates:
        ind = report.plan.indicator(a.code)
        if a.kind.value == "ratio":
            shown = (
                f"{percent(a.exact)} ({number(a.numerator or 0)}/{number(a.denominator or 0)})"
                if a.value is not None
                else "—"
            )
        elif a.kind.value == "bool":
            shown = f"{a.yes}/{a.units_reporting} đơn vị có"
        elif a.kind.value == "date":
            shown = f"{day(a.earliest)} – {day(a.latest)}"
        elif a.kind.value in ("percent", "score") and a.value is not None:
            shown = (
                f"TB {percent(a.value)}, thấp nhất {percent(a.minimum)}, "
                f"cao nhất {percent(a.maximum)}"
            )
        else:
            shown = "—" if a.value is None else number(a.value)
        agg_rows.append([a.code, ind.name[:60], shown, a.units_reporting])
    print_table(["Mã", "Chỉ tiêu", "Toàn địa bàn", "Số đơn vị báo cáo"], agg_rows)
    return 0


@command("review")
def cmd_review(args: argparse.Namespace) -> int:
    from ..actions.review import review_submission

    accept = bool(args.accept)
    reason = args.return_reason or ""
    with open_db(args, write=True) as db:
        done = review_submission(db, args.unit, args.period, accept=accept, reason_text=reason)
    name, label = done.unit_name, done.period_label
    if accept:
        print(f"Đã chấp nhận báo cáo của {name}, kỳ {label}.")
    else:
        print(f"Đã trả lại báo cáo của {name}, kỳ {label}, để sửa: {reason}")
    return 0


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    from ..actions.maintenance import backup

    where = db_location(args)
    if where.is_server:  # a portable file, verified table by table
        with open_db(args, write=True) as db:
            print(backup(db, args.dir).message)
        return 0
    print(backup(db_path(args), args.dir).message)
    return 0


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from ..actions.maintenance import restore

    if db_location(args).is_server:
        with open_db(args, write=True) as db:
            print(restore(db, args.file, latest_good=args.latest_good).message)
        return 0
    print(restore(db_path(args), args.file, latest_good=args.latest_good).message)
    return 0


@command("staff")
def cmd_staff(args: argparse.Namespace) -> int:
    from ..actions.server import set_staff_name, staff_name

    if args.name is not None:
        print(f"Từ nay lịch sử thay đổi ghi tên: {set_staff_name(args.name)}")
        return 0
    print(staff_name() or "Chưa đặt tên cán bộ cho máy này; dùng 'thidua staff --set \"Họ tên\"'.")
    return 0


@command("move-to-server")
def cmd_move_to_server(args: argparse.Namespace) -> int:
    from ..actions.server import move_file_to_server
    from ..domain.vnformat import number

    copied = move_file_to_server(args.file, db_location(args))
    print(f"Đã chuyển {args.file} lên {copied.target}: {number(len(copied.checks))} bảng, "
          f"{number(copied.rows)} dòng, từng bảng đã được đối chiếu với tệp gốc.")
    return 0


def explained(exc: DomainError, args: argparse.Namespace) -> str:
    from ..actions.maintenance import DatabaseDamaged

    if isinstance(exc, DatabaseDamaged) and exc.latest is not None:
        return (f"{exc.message}\nĐể khôi phục: thidua --db \"{db_path(args)}\" restore "
                "--latest-good")
    return exc.message


def storage_refusal(exc: BaseException, args: argparse.Namespace) -> str | None:
    """A failure of the disk or of the database file, named (None: a bug)."""
    from ..actions.maintenance import recognized

    known = recognized(exc, db_path(args))
    return None if known is None else explained(known, args)


def run_gui(args: argparse.Namespace) -> int:
    from ..app import main as app_main

    if args.db:
        where = db_location(args)
        return app_main(where if where.is_server else where.local_path())
    return app_main(None)


def main(argv: Sequence[str] | None = None) -> int:
    configure_stdout()
    # The command's start (its module imported, its arguments parsed: objects that live as
    # long as the process) with the cycle collector paused; what exists then is frozen out
    # of every later collection, the last one at exit included (desktop/collector.py).
    with collection_paused():
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)  # the window finishes interrupted exports itself
        from ..actions.startup import finish_interrupted_exports

        for message in finish_interrupted_exports():
            print(message, file=sys.stderr)
        return COMMANDS[args.command](args)
    except DomainError as exc:
        print(f"Lỗi: {explained(exc, args)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - a person never sees a traceback
        # The log file is set up only here: logging and the data folder cost a command's
        # start more than its own work (`thidua periods`), and only this branch writes.
        from ..logs import paths_of, setup_logging

        log = setup_logging()
        named = storage_refusal(exc, args)
        if named is not None:
            log.warning("command %s refused by the storage: %s", args.command, named,
                        exc_info=exc)
            print(f"Lỗi: {named}", file=sys.stderr)
            return 1
        log.exception("unexpected error in command %s (files: %s)", args.command,
                      ", ".join(paths_of(args)) or "-")
        from ..paths import log_dir

        print(
            "Lỗi không mong đợi; chi tiết đã ghi vào "
            f"{log_dir() / 'thidua.log'}. Không có thay đổi nào được ghi dở.",
            file=sys.stderr,
        )
        return 1
