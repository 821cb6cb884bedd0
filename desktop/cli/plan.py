"""`thidua plan export FILE`: the plan as it stands (edits and units included) saved to a
.toml plan file for another office."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.vnformat import number
from .support import open_db


def add_commands(sub: Any, command: Callable[[str], Callable[[Any], Any]]) -> None:
    c = sub.add_parser("plan")
    actions = c.add_subparsers(dest="plan_action", metavar="VIỆC", parser_class=type(c),
                               required=True)
    x = actions.add_parser("export", help="lưu kế hoạch thành tệp .toml cho cơ quan khác")
    x.add_argument("file", type=Path, metavar="TỆP")
    command("plan")(cmd_plan)


def cmd_plan(args: argparse.Namespace) -> int:
    from ..actions.plan_file import save_plan_file

    with open_db(args, write=False) as db:
        saved = save_plan_file(db, args.file)
    print(f"Đã lưu kế hoạch {saved.code} ({number(saved.units)} đơn vị) vào {saved.path}.")
    if saved.renamed_from:
        print(f"Mã kế hoạch trong tệp là '{saved.code}' (theo tên tệp; cơ sở dữ liệu vẫn "
              f"giữ mã '{saved.renamed_from}').")
    return 0
