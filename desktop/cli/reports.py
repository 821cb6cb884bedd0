"""Commands of the reports to the province: export, office settings, import-package.

thidua export --period P [--xlsx FILE] [--pdf FILE] [--package FILE] [--number N] [--date D]
thidua office [--format json] [--set KEY=VALUE ...]
thidua import-package FILE... [--replace] [--received YYYY-MM-DD] [--channel KÊNH]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..collector import collection_paused
from ..domain.errors import ValueProblem
from ..domain.values import parse_flag
from .support import iso_date, open_db, print_json, print_table, warn_before_sending

Handler = Callable[[argparse.Namespace], int]


def add_commands(sub: Any, command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    c = sub.add_parser("export")
    c.add_argument("--period", required=True, metavar="KỲ")
    c.add_argument("--xlsx", type=Path, metavar="TỆP", help="bảng tổng hợp Excel (.xlsx)")
    c.add_argument("--pdf", type=Path, metavar="TỆP", help="báo cáo chính thức (.pdf)")
    c.add_argument("--package", type=Path, metavar="TỆP", help="gói dữ liệu gửi cấp trên (.zip)")
    c.add_argument(
        "--number",
        default="",
        metavar="SỐ",
        help="số văn bản của báo cáo (để trống để văn thư điền khi vào sổ)",
    )
    c.add_argument(
        "--date", type=iso_date, metavar="YYYY-MM-DD", help="ngày ký báo cáo (mặc định: hôm nay)"
    )
    c.set_defaults(export_parser=c)
    command("export")(cmd_export)

    c = sub.add_parser("office")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.add_argument(
        "--set",
        dest="assignments",
        nargs="+",
        action="extend",
        default=[],
        metavar="KHÓA=GIÁ_TRỊ",
        help="đổi thiết lập (name, short_name, parent_body, place, area, province, "
        "signer_authority, signer_title, signer_name, doc_number_prefix, "
        "recipients phân cách bằng dấu ;)",
    )
    command("office")(cmd_office)

    c = sub.add_parser("import-package")
    c.add_argument("files", nargs="+", type=Path, metavar="TỆP")
    c.add_argument(
        "--replace", action="store_true", help="thay thế số liệu đã nhập của cùng huyện, cùng kỳ"
    )
    c.add_argument(
        "--received",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="ngày nhận gói (mặc định: ngày huyện lập gói)",
    )
    c.add_argument("--channel", choices=["email", "usb", "paper", "other"], default="other")
    c.add_argument("--trust-new", action="store_true",
                   help="tin cậy đơn vị gửi gói lần đầu (sau khi đã đối chiếu dấu vân tay)")
    c.add_argument("--allow-unsigned", action="store_true",
                   help="nhập cả gói chưa ký của phiên bản cũ (chỉ khi chắc chắn nguồn gốc)")
    command("import-package")(cmd_import_package)
    c = sub.add_parser("trust")
    c.add_argument("--forget", metavar="MÃ", help="bỏ tin cậy khóa của một đơn vị")
    command("trust")(cmd_trust)


def cmd_export(args: argparse.Namespace) -> int:
    with collection_paused():  # the modules' objects live as long as the process
        from ..actions.exports import load_export_input, write_exports

    if not (args.xlsx or args.pdf or args.package):
        args.export_parser.error("cần ít nhất một trong các tham số --xlsx, --pdf, --package")
    with open_db(args, write=False) as db:
        inp = load_export_input(db, args.period)
    if args.pdf or args.package:
        warn_before_sending(inp.plan, inp.office.name, inp.office.signer_name)
    targets = [(kind, Path(p)) for kind, p in
               (("xlsx", args.xlsx), ("pdf", args.pdf), ("package", args.package)) if p]
    write_exports(inp, targets, number=args.number, on=args.date)  # all of them, or none
    said = {"xlsx": "bảng tổng hợp Excel", "pdf": "báo cáo PDF", "package": "gói dữ liệu"}
    for kind, path in targets:
        print(f"Đã ghi {said[kind]}: {path}")
    return 0


def cmd_office(args: argparse.Namespace) -> int:
    from ..actions.office import change_office, read_office
    from ..domain.office import OFFICE_FIELDS, parse_assignments

    if args.assignments:
        changes = parse_assignments(args.assignments)  # refuses before the database opens
        with open_db(args, write=True) as db:
            changed = change_office(db, changes)
        settings = changed.settings
        if changed.changes:
            print("Đã cập nhật thông tin cơ quan:")
            for line in changed.changes:
                print(f"  - {line}")
        else:
            print("Không có thay đổi nào.")
    else:
        with open_db(args, write=False) as db:
            settings = read_office(db)
    data = settings.as_dict()
    if args.format == "json":
        print_json(data)
    elif not args.assignments:
        rows = [
            [key, OFFICE_FIELDS[key][0], "; ".join(value) if isinstance(value, list) else value]
            for key, value in data.items()
        ]
        print_table(["Khóa", "Thiết lập", "Giá trị"], rows)
    return 0


def is_yes(answer: str) -> bool:
    """A terminal's answer to a [c/K] question: 'c' (the prompt's letter), 'y'/'yes', or
    Có in every spelling domain.values.parse_flag takes (any case, with or without its
    diacritics, composed or not, as terminals send it); anything else, blank included,
    is the default K (no)."""
    if answer.strip().casefold() in ("c", "y", "yes"):
        return True
    try:
        return parse_flag(answer)
    except ValueProblem:
        return False


def _confirm(question: str) -> bool:
    """Ask on a terminal (a script without one answers no: it passes the flags instead)."""
    if not sys.stdin.isatty():
        return False
    try:
        return is_yes(input(f"{question} [c/K] "))
    except EOFError:
        return False


def cmd_import_package(args: argparse.Namespace) -> int:
    from ..actions.packages import import_packages, read_package
    from ..actions.trust import NEW, UNSIGNED, package_signers

    packages = [read_package(f) for f in args.files]  # every package verified first
    trust_new: set[str] = set()
    allow_unsigned = bool(args.allow_unsigned)
    with open_db(args, write=True, create=True) as db:
        signers = package_signers(db, packages)
        for sg in signers:
            if sg.status == NEW and sg.office_code not in trust_new and (
                    args.trust_new or _confirm(
                        f"{sg.office_name} gửi gói lần đầu ({sg.file}). Dấu vân tay khóa: "
                        f"{sg.fingerprint}. Đã đối chiếu với đơn vị đó và tin cậy?")):
                trust_new.add(sg.office_code)
            if sg.status == UNSIGNED and not allow_unsigned:
                allow_unsigned = _confirm(
                    f"Gói {sg.file} không có chữ ký (phiên bản cũ). Vẫn nhập?")
        results = import_packages(
            db, packages, trust_new=trust_new, allow_unsigned=allow_unsigned,
            replace=args.replace, received_on=args.received, channel=args.channel,
        )
    for sg in signers:
        if sg.status == NEW and sg.office_code in trust_new:
            print(f"Đã tin cậy {sg.office_name}: dấu vân tay {sg.fingerprint}.")
            trust_new.discard(sg.office_code)
    for r in results:
        verb = "Đã thay thế" if r.replaced else "Đã nhập"
        print(
            f"{verb} số liệu {r.unit_name} ({r.unit_code}), kỳ {r.period_label}: "
            f"{r.units_submitted}/{r.units_expected} đơn vị báo cáo — {r.file.name}"
        )
        for line in r.changes:
            print(f"    {line}")
    if results and results[0].created_plan:
        print(f"Đã tạo kế hoạch cấp tỉnh '{results[0].plan_code}' từ gói đầu tiên.")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from ..actions.trust import forget, trust_list

    if args.forget:
        with open_db(args, write=True) as db:
            gone = forget(db, args.forget)
        print(f"Đã bỏ tin cậy khóa của {gone.name} ({gone.code}); gói sau của đơn vị này sẽ "
              "được hỏi lại.")
        return 0
    with open_db(args, write=False) as db:
        listing = trust_list(db)
    print(f"Dấu vân tay khóa ký của cơ quan này: {listing.own_fingerprint or '(chưa có)'}")
    if not listing.offices:
        print("Chưa tin cậy đơn vị nào.")
        return 0
    print_table(["Mã", "Đơn vị", "Dấu vân tay", "Tin cậy từ"],
                [[o.code, o.name, o.fingerprint, f"{o.first_seen_at:%d/%m/%Y}"]
                 for o in listing.offices])
    return 0
