"""What every command shares: Vietnamese argparse, output helpers, the database named by --db.

`open_db(args, write=...)` is the one way a command opens its database; it returns the
`Database` handle that the office actions (desktop/actions) take as their first argument.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

TYPE_CHECKING = False  # typing, json and unicodedata are imported where they are used
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from ..actions.database import Database
    from ..actions.periods import Location

_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s"
    ),
}


def _translate(text: str) -> str:
    return _ARGPARSE_VI.get(text, text)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size gives it ($COLUMNS, else the
    terminal's, else 80), without importing shutil and the compression modules it loads."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's own layout (the width it would take: the terminal's less 2). argparse
    makes one for every argument added, and its own way to the width imports shutil."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


class Parser(argparse.ArgumentParser):
    """argparse in Vietnamese; a wrong command line exits with status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi dòng lệnh: {message}\n")


def warn_before_sending(plan: Any, office_name: str, signer_name: str) -> None:
    """Print what should be checked before an official document leaves the office (the
    window asks; the command line says it on stderr and goes on)."""
    from ..domain.official import export_warnings

    for text in export_warnings(plan, office_name, signer_name):
        print(f"Cảnh báo: {text}", file=sys.stderr)


def iso_date(text: str) -> Any:
    """A day on the command line: YYYY-MM-DD, or dd/mm/yyyy as everywhere else
    (domain.values.parse_day, the one reading of a typed day)."""
    from ..domain.errors import ValueProblem
    from ..domain.values import parse_day

    try:
        return parse_day(text)
    except ValueProblem as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def width(text: str) -> int:
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in header]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(width(row[i]) for row in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print("  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_json(data: object) -> None:
    """Strict JSON always: a number that is not finite (only a database written elsewhere
    can hold one) is null, never NaN or Infinity, which JSON does not have."""
    import json

    print(json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False))


def _finite(data: object) -> object:
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    return data


def configure_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def db_location(args: argparse.Namespace) -> Location:
    """The database the command works on: --db (a file or a PostgreSQL server's address),
    else the user's default file."""
    from ..actions.periods import Location, parse_location  # light: no SQLAlchemy
    from ..paths import default_db_path

    return parse_location(args.db) if args.db else Location(file=default_db_path())


def db_path(args: argparse.Namespace) -> Path:
    """The SQLite file of --db; for a server, where its files live on this PC."""
    return db_location(args).local_path()


def open_db(
    args: argparse.Namespace, *, write: bool, create: bool = False, backup: bool = True
) -> Database:
    """Open the database of `args` (imported here: `thidua --help` loads no SQLAlchemy),
    with the cycle collector paused: the modules imported and the handle live as long as
    the command (desktop/collector.py)."""
    from ..collector import collection_paused

    with collection_paused():
        from ..actions.database import open_database

        return open_database(db_location(args), write=write, create=create, backup=backup)
