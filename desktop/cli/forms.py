"""Commands for the Excel forms: `template` and `import`."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..collector import collection_paused
from ..domain.errors import DomainError
from ..domain.vnformat import number
from .support import iso_date, open_db, print_table


def add_commands(sub: Any, command: Callable[[str], Callable[[Any], Any]]) -> None:
    c = sub.add_parser("template")
    c.add_argument("--period", required=True, metavar="KỲ")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--unit", metavar="MÃ", help="một đơn vị")
    g.add_argument("--all", action="store_true", help="mọi đơn vị đang hoạt động")
    c.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="ĐƯỜNG_DẪN",
        help="tệp .xlsx (một đơn vị) hoặc thư mục",
    )
    command("template")(cmd_template)

    c = sub.add_parser("import")
    c.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp .xlsx hoặc thư mục")
    c.add_argument(
        "--received", type=iso_date, metavar="YYYY-MM-DD", help="ngày nhận (mặc định: hôm nay)"
    )
    c.add_argument(
        "--channel", choices=["email", "usb", "paper", "other"], default="other", help="kênh nhận"
    )
    c.add_argument("--replace", action="store_true", help="thay thế báo cáo đã có")
    command("import")(cmd_import)

    c = sub.add_parser("evidence")
    c.add_argument("action", choices=["list", "add", "remove"])
    c.add_argument("--period", required=True, metavar="KỲ")
    c.add_argument("--unit", required=True, metavar="MÃ")
    c.add_argument("--file", type=Path, metavar="TỆP", help="tệp minh chứng (add)")
    c.add_argument("--number", default="", metavar="SỐ_HIỆU", help="số hiệu văn bản")
    c.add_argument("--title", default="", metavar="TÊN", help="tên văn bản")
    c.add_argument("--issued", type=iso_date, metavar="YYYY-MM-DD", help="ngày ban hành")
    c.add_argument("--summary", default="", metavar="TRÍCH_YẾU", help="trích yếu")
    c.add_argument("--id", type=int, metavar="N", help="mã minh chứng (remove)")
    command("evidence")(cmd_evidence)


def cmd_template(args: argparse.Namespace) -> int:
    from ..actions.form_templates import template_basis
    from ..exchange.form_template import form_filename, write_form
    from ..version import __version__

    with open_db(args, write=False) as db:
        basis = template_basis(db, args.period)
    plan, units, office_name = basis.plan, basis.units, basis.office_name
    period = plan.period(args.period)
    if args.unit:
        chosen = [u for u in units if u.code == args.unit]
        if not chosen:
            raise DomainError(f"Không có đơn vị mã '{args.unit}' trong kế hoạch.")
    else:
        chosen = [u for u in units if u.active_on(period.deadline)]
    out: Path = args.output
    many = bool(args.all) or out.is_dir() or out.suffix.lower() != ".xlsx"
    if many:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError(f"Không tạo được thư mục {out}: {exc.strerror}") from None
    now = dt.datetime.now().replace(microsecond=0)
    written = []
    for u in chosen:
        target = out / form_filename(plan, period, u) if many else out
        try:
            write_form(
                plan,
                period,
                u,
                target,
                office_name=office_name,
                app_version=__version__,
                generated_at=now,
            )
        except OSError as exc:
            raise DomainError(f"Không ghi được {target}: {exc.strerror}") from None
        written.append(target)
    for t in written:
        print(t)
    print(f"Đã tạo {number(len(written))} biểu mẫu cho kỳ {period.label}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with collection_paused():  # the modules' objects live as long as the process
        from ..actions.database import open_database  # noqa: F401 (for open_db)
        from ..actions.forms import batch_summary, collect_files, import_forms

    files = collect_files(args.files)
    if not files:
        raise DomainError("Không có tệp .xlsx nào để nhập.")
    with open_db(args, write=True) as db:
        outcomes = import_forms(
            db, files, received_on=args.received, channel=args.channel, replace=args.replace
        )
    for o in outcomes:
        print(o.message())
    good = sum(1 for o in outcomes if o.ok)
    print("\n" + batch_summary(outcomes))
    return 0 if good == len(outcomes) else 1


def cmd_evidence(args: argparse.Namespace) -> int:
    from ..actions.evidence import (
        add_evidence,
        evidence_target,
        list_evidence,
        remove_evidence,
    )
    from ..domain.vnformat import day

    with open_db(args, write=args.action != "list") as db:
        target = evidence_target(db, args.unit, args.period)
        sub_id = target.submission_id
        if sub_id is None:
            raise DomainError(f"{target.unit_name} chưa có báo cáo cho kỳ {target.period_label}.")
        items = list_evidence(db, sub_id)
        if args.action == "add":
            if args.file is None:
                raise DomainError("Cần --file TỆP để thêm minh chứng.")
            info = add_evidence(
                db,
                sub_id,
                args.file,
                doc_number=args.number,
                title=args.title,
                issued_on=args.issued,
                summary=args.summary,
            )
            print(
                f"Đã đính kèm minh chứng “{info.title}” ({info.file_name}, "
                f"SHA-256 {info.sha256[:12]}…) vào báo cáo của {target.unit_name}."
            )
            return 0
        if args.action == "remove":
            if args.id is None or args.id not in {e.id for e in items}:
                raise DomainError(
                    f"Không có minh chứng mã {args.id} trong báo cáo của {target.unit_name}."
                )
            info = remove_evidence(db, args.id)
            print(f"Đã gỡ minh chứng “{info.title}”.")
            return 0
    print_table(
        ["Mã", "Số hiệu", "Tên văn bản", "Ngày ban hành", "Trích yếu", "Tệp", "Cỡ (byte)"],
        [
            [e.id, e.doc_number, e.title, day(e.issued_on), e.summary, e.file_name, e.size]
            for e in items
        ],
    )
    return 0
