"""`thidua units`: list the units, and add, edit, merge, import or export them.

    thidua units [--format json] [--on YYYY-MM-DD]
    thidua units add --code C --name N --kind K [--block B] [--from DATE]
    thidua units edit CODE [--name N] [--renamed-on DATE] [--kind K] [--block B] [--from DATE]
    thidua units merge CODE... --on DATE (--into CODE [--name N] | --new-code C --new-name N)
    thidua units import FILE [--dry-run]
    thidua units export FILE [--on DATE]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.vnformat import number
from .support import iso_date, open_db, print_json, print_table


def add_commands(sub: Any, command: Callable[[str], Callable[[Any], Any]]) -> None:
    c = sub.add_parser("units")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD",
                   help="tên các đơn vị tại ngày này (mặc định: hôm nay)")
    actions = c.add_subparsers(dest="units_action", metavar="VIỆC", parser_class=type(c))

    a = actions.add_parser("add", help="thêm một đơn vị")
    a.add_argument("--code", required=True, metavar="MÃ")
    a.add_argument("--name", required=True, metavar="TÊN")
    a.add_argument("--kind", required=True, metavar="LOẠI",
                   help="commune, department, enterprise, district (hoặc 'xã', 'phòng'…)")
    a.add_argument("--block", metavar="KHỐI")
    a.add_argument("--from", dest="active_from", type=iso_date, metavar="YYYY-MM-DD",
                   help="hoạt động từ ngày")

    e = actions.add_parser("edit", help="sửa tên, loại, khối hoặc ngày bắt đầu của một đơn vị")
    e.add_argument("code", metavar="MÃ")
    e.add_argument("--new-code", metavar="MÃ_MỚI", help="đổi mã (khi đơn vị chưa có báo cáo)")
    e.add_argument("--name", metavar="TÊN")
    e.add_argument("--renamed-on", type=iso_date, metavar="YYYY-MM-DD",
                   help="ngày tên mới có hiệu lực (báo cáo các kỳ trước giữ tên cũ)")
    e.add_argument("--kind", metavar="LOẠI")
    e.add_argument("--block", metavar="KHỐI", help="'' để bỏ khối")
    e.add_argument("--from", dest="active_from", type=iso_date, metavar="YYYY-MM-DD")

    m = actions.add_parser("merge", help="sáp nhập các đơn vị từ một ngày")
    m.add_argument("codes", nargs="+", metavar="MÃ")
    m.add_argument("--on", dest="merge_on", required=True, type=iso_date, metavar="YYYY-MM-DD",
                   help="ngày đơn vị sau sáp nhập bắt đầu hoạt động")
    g = m.add_mutually_exclusive_group(required=True)
    g.add_argument("--into", metavar="MÃ", help="sáp nhập vào đơn vị sẵn có (giữ mã)")
    g.add_argument("--new-code", metavar="MÃ", help="mã của đơn vị mới")
    m.add_argument("--name", metavar="TÊN", help="tên mới của đơn vị nhận sáp nhập")
    m.add_argument("--new-name", metavar="TÊN", help="tên đơn vị mới (với --new-code)")
    m.add_argument("--kind", metavar="LOẠI", help="loại đơn vị mới (mặc định: như các đơn vị cũ)")
    m.add_argument("--block", metavar="KHỐI", help="khối của đơn vị mới")

    i = actions.add_parser("import", help="nhập danh sách đơn vị từ Excel (.xlsx) hoặc CSV")
    i.add_argument("file", type=Path, metavar="TỆP")
    i.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    x = actions.add_parser("export", help="xuất danh sách đơn vị ra Excel (.xlsx) hoặc CSV")
    x.add_argument("file", type=Path, metavar="TỆP")
    x.add_argument("--on", dest="export_on", type=iso_date, metavar="YYYY-MM-DD",
                   help="tên các đơn vị tại ngày này (mặc định: hôm nay)")
    command("units")(cmd_units)


def cmd_units(args: argparse.Namespace) -> int:
    handler = {
        None: _list, "add": _add, "edit": _edit, "merge": _merge, "import": _import,
        "export": _export,
    }[args.units_action]
    return handler(args)


def _kind(text: str | None) -> str | None:
    from ..domain.unit_list import parse_kind

    return parse_kind(text) if text else None


def _list(args: argparse.Namespace) -> int:
    from ..actions.units import units_on
    from ..domain.plan import UNIT_KIND_LABELS

    on = args.on or dt.date.today()
    with open_db(args, write=False) as db:
        units = units_on(db, on)
    if args.format == "json":
        print_json([
            {
                "code": u.code,
                "name": u.name,
                "kind": u.kind,
                "block": u.block,
                "active": u.active_on(on),
                "active_from": u.active_from.isoformat() if u.active_from else None,
                "active_to": u.active_to.isoformat() if u.active_to else None,
                "merged_into": u.merged_into,
            }
            for u in units
        ])
    else:
        print_table(
            ["Mã", "Tên đơn vị", "Loại", "Khối", "Hoạt động"],
            [[u.code, u.name, UNIT_KIND_LABELS.get(u.kind, u.kind), u.block or "",
              "Có" if u.active_on(on) else "Không"] for u in units],
        )
    return 0


def _add(args: argparse.Namespace) -> int:
    from ..actions.units import UnitData, add_unit

    kind = _kind(args.kind)
    assert kind is not None
    with open_db(args, write=True) as db:
        code = add_unit(db, UnitData(args.code, args.name, kind, args.block or None,
                                     args.active_from))
    print(f"Đã thêm đơn vị {code} — {args.name.strip()}.")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from ..actions.units import change_unit

    extra = {} if args.block is None else {"block": args.block or None}
    with open_db(args, write=True) as db:
        print(change_unit(db, args.code, new_code=args.new_code, name=args.name,
                          kind=_kind(args.kind), active_from=args.active_from,
                          renamed_on=args.renamed_on, **extra))
    return 0


def _merge(args: argparse.Namespace) -> int:
    from ..actions.units import UnitData, merge_units, units_on

    new_unit = None
    if args.new_code:
        if not args.new_name:
            raise DomainError("--new-code cần --new-name (tên đơn vị mới).")
        new_unit = UnitData(args.new_code, args.new_name, _kind(args.kind) or "",
                            args.block or None)
    elif args.new_name:
        raise DomainError("--new-name chỉ dùng với --new-code; đổi tên đơn vị nhận sáp "
                          "nhập bằng --name.")
    with open_db(args, write=True) as db:
        code = merge_units(db, args.codes, args.merge_on, into=args.into, new_unit=new_unit,
                           new_name=args.name)
        name = {u.code: u.name for u in units_on(db, args.merge_on)}.get(code, code)
    others = ", ".join(c for c in args.codes if c != code)
    print(f"Đã sáp nhập {others} vào {code} — {name} từ ngày {args.merge_on:%d/%m/%Y}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..actions.units import import_unit_list

    with open_db(args, write=True) as db:
        changes = import_unit_list(db, args.file, dry_run=args.dry_run)
    print(changes.summary + (" (chỉ kiểm tra, chưa ghi)" if args.dry_run else ""))
    for line in changes.renamed:
        print(f"  Đổi tên: {line}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..actions.units import export_unit_list

    with open_db(args, write=False) as db:
        count = export_unit_list(db, args.file, args.export_on)
    print(f"Đã xuất {number(count)} đơn vị vào {args.file}.")
    return 0
