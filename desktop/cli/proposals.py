"""`thidua proposals ...`: commendation proposals (đề nghị khen thưởng) of a review.

    thidua proposals list    --review R [--format table|json]
    thidua proposals add     --review R (--collective MÃ | --individual TÊN --position CV
                             [--unit MÃ] [--leader]) [--award TEXT] [--achievements TEXT]
                             [--document TÊN[=TỆP]]...
    thidua proposals remove  --review R --id N
    thidua proposals check   --review R [--format table|json]
    thidua proposals suggest --review R [--format table|json]
    thidua proposals export  --review R [--xlsx TỆP] [--pdf TỆP] [--number N] [--date D]

`check` exits 0 when it could check (the breaches are its output), like `thidua check`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.vnformat import number
from .support import Parser, iso_date, open_db, print_json, print_table, warn_before_sending

if TYPE_CHECKING:
    from ..actions.database import Database

Handler = Callable[[argparse.Namespace], int]


def add_commands(subparsers: Any, command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    p = subparsers.add_parser("proposals")
    sub = p.add_subparsers(
        dest="proposals_command", metavar="VIỆC", parser_class=Parser, required=True
    )

    def with_review(name: str, what: str) -> Parser:
        c: Parser = sub.add_parser(name, help=what)
        c.add_argument(
            "--review",
            required=True,
            metavar="KỲ",
            help="kỳ xét khen thưởng: mã kỳ báo cáo (ví dụ 2023; xem 'thidua periods')",
        )
        c.set_defaults(proposals_parser=c)
        return c

    c = with_review("list", "liệt kê các đề nghị khen thưởng của một kỳ xét")
    c.add_argument("--format", choices=["table", "json"], default="table")

    c = with_review("add", "thêm một tập thể hoặc cá nhân được đề nghị khen thưởng")
    who = c.add_mutually_exclusive_group(required=True)
    who.add_argument("--collective", metavar="MÃ_ĐƠN_VỊ", help="tập thể: mã đơn vị")
    who.add_argument("--individual", metavar="HỌ_TÊN", help="cá nhân: họ và tên")
    c.add_argument(
        "--position", metavar="CHỨC_VỤ", help="chức vụ của cá nhân (bắt buộc với --individual)"
    )
    c.add_argument("--unit", metavar="MÃ", help="đơn vị công tác của cá nhân")
    c.add_argument(
        "--leader",
        action="store_true",
        help="cá nhân là lãnh đạo, quản lý (tính vào tỷ lệ lãnh đạo tối đa)",
    )
    c.add_argument(
        "--award",
        metavar="HÌNH_THỨC",
        help="hình thức khen thưởng (mặc định: hình thức duy nhất của kỳ xét)",
    )
    c.add_argument("--achievements", metavar="THÀNH_TÍCH", default="", help="tóm tắt thành tích")
    c.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="TÊN[=TỆP]",
        help="thành phần hồ sơ đã có (tên, phần đầu của tên hoặc số thứ tự), "
        "kèm tệp nếu có; dùng nhiều lần",
    )

    c = with_review("edit", "sửa một đề nghị khen thưởng và hồ sơ của nó")
    c.add_argument("--id", type=int, required=True, metavar="SỐ", help="số của đề nghị (xem list)")
    c.add_argument("--name", metavar="HỌ_TÊN", help="họ và tên mới của cá nhân")
    c.add_argument("--position", metavar="CHỨC_VỤ", help="chức vụ mới của cá nhân")
    lead = c.add_mutually_exclusive_group()
    lead.add_argument(
        "--leader", dest="leader", action="store_const", const=True, help="là lãnh đạo, quản lý"
    )
    lead.add_argument(
        "--not-leader",
        dest="leader",
        action="store_const",
        const=False,
        help="không phải lãnh đạo, quản lý",
    )
    c.add_argument("--achievements", metavar="THÀNH_TÍCH", help="tóm tắt thành tích mới")
    c.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="TÊN[=TỆP]",
        help="thành phần hồ sơ nay đã có, kèm tệp nếu có; dùng nhiều lần",
    )
    c.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar="TÊN",
        help="thành phần hồ sơ nay ghi là còn thiếu; dùng nhiều lần",
    )

    c = with_review("remove", "xóa một đề nghị khen thưởng")
    c.add_argument("--id", type=int, required=True, metavar="SỐ", help="số của đề nghị (xem list)")

    c = with_review("check", "kiểm tra hạn mức, tỷ lệ lãnh đạo, kết quả thi đua, hồ sơ, trùng lặp")
    c.add_argument("--format", choices=["table", "json"], default="table")

    c = with_review("suggest", "gợi ý các đơn vị đạt, xếp hạng cao, chưa được đề nghị")
    c.add_argument("--format", choices=["table", "json"], default="table")

    c = with_review("export", "xuất danh sách đề nghị khen thưởng (Excel, PDF)")
    c.add_argument("--xlsx", type=Path, metavar="TỆP")
    c.add_argument("--pdf", type=Path, metavar="TỆP")
    c.add_argument(
        "--number",
        default="",
        metavar="SỐ",
        help="số văn bản của danh sách (để trống để văn thư điền khi vào sổ)",
    )
    c.add_argument(
        "--date", type=iso_date, metavar="YYYY-MM-DD", help="ngày ký danh sách (mặc định: hôm nay)"
    )

    command("proposals")(cmd_proposals)


def cmd_proposals(args: argparse.Namespace) -> int:
    handler = {
        "list": _list,
        "add": _add,
        "edit": _edit,
        "remove": _remove,
        "check": _check,
        "suggest": _suggest,
        "export": _export,
    }[args.proposals_command]
    return handler(args)


def _open(args: argparse.Namespace, *, write: bool) -> Database:
    return open_db(args, write=write)


def _who(p: Any) -> str:
    from ..domain.proposals import KIND_LABELS

    return f"{KIND_LABELS.get(p.kind, p.kind)} {p.label}"


# --------------------------------------------------------------------------- list


def _list(args: argparse.Namespace) -> int:
    from ..actions.proposals import list_proposals
    from ..domain.proposals import KIND_LABELS, as_mapping, documents_text

    with _open(args, write=False) as db:
        plan, proposals = list_proposals(db, args.review)
    label = plan.period(args.review).label
    if args.format == "json":
        print_json(
            {
                "plan": plan.code,
                "review": args.review,
                "review_label": label,
                "proposals": [as_mapping(p) for p in proposals],
            }
        )
        return 0
    print(f"Đề nghị khen thưởng kỳ {label}: {number(len(proposals))}")
    if not proposals:
        return 0
    print_table(
        ["Số", "Loại", "Tập thể / cá nhân", "Đơn vị", "Lãnh đạo", "Hình thức", "Hồ sơ"],
        [
            [
                p.id,
                KIND_LABELS.get(p.kind, p.kind),
                p.unit_name if p.is_collective else f"{p.person_name}, {p.position}",
                p.unit_code or "",
                "x" if p.is_leader else "",
                p.award,
                documents_text(plan, p),
            ]
            for p in proposals
        ],
    )
    return 0


# --------------------------------------------------------------------------- add / edit / remove


def _documents(args: argparse.Namespace) -> dict[str, Path | None]:
    out: dict[str, Path | None] = {}
    for item in args.document:
        name, sep, file = item.partition("=")
        if not name.strip() or (sep and not file.strip()):
            args.proposals_parser.error(f"--document '{item}': cần TÊN hoặc TÊN=TỆP")
        out[name.strip()] = Path(file.strip()) if sep else None
    return out


def _add(args: argparse.Namespace) -> int:
    from ..actions.proposals import add_collective, add_individual, check_review

    parser: Parser = args.proposals_parser
    if args.collective is not None:
        extra = [
            flag
            for flag, v in (
                ("--position", args.position),
                ("--unit", args.unit),
                ("--leader", args.leader),
            )
            if v
        ]
        if extra:
            parser.error(f"{', '.join(extra)} chỉ dùng cho cá nhân (--individual)")
    elif not (args.position or "").strip():
        parser.error("--individual cần --position CHỨC_VỤ")
    documents = _documents(args)

    with _open(args, write=True) as db:
        if args.collective is not None:
            p = add_collective(
                db,
                args.review,
                args.collective,
                award=args.award,
                achievements=args.achievements,
                documents=documents,
            )
        else:
            p = add_individual(
                db,
                args.review,
                args.individual,
                args.position,
                unit_code=args.unit,
                is_leader=args.leader,
                award=args.award,
                achievements=args.achievements,
                documents=documents,
            )
        plan, result = check_review(db, args.review)
        label = plan.period(args.review).label
    print(f"Đã thêm đề nghị số {p.id}: {_who(p)} — «{p.award}», kỳ {label}.")
    for b in result.breaches_for(p.id):
        print(f"  Lưu ý [{b.rule}, mục {b.source or '—'}]: {b.message}")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from ..actions.proposals import check_review, edit_proposal

    changes = [(name, True, file) for name, file in _documents(args).items()]
    changes += [(name.strip(), False, None) for name in args.missing]
    if not changes and all(
        v is None for v in (args.name, args.position, args.leader, args.achievements)
    ):
        args.proposals_parser.error("hãy chỉ ra ít nhất một điều cần sửa")
    with _open(args, write=True) as db:
        p = edit_proposal(
            db,
            args.review,
            args.id,
            person_name=args.name,
            position=args.position,
            is_leader=args.leader,
            achievements=args.achievements,
            documents=changes,
        )
        _plan, result = check_review(db, args.review)
    print(f"Đã lưu đề nghị số {p.id}: {_who(p)} — «{p.award}».")
    for b in result.breaches_for(p.id):
        print(f"  Lưu ý [{b.rule}, mục {b.source or '—'}]: {b.message}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from ..actions.proposals import remove_proposal

    with _open(args, write=True) as db:
        p = remove_proposal(db, args.review, args.id)
    print(f"Đã xóa đề nghị số {p.id}: {_who(p)} — «{p.award}».")
    return 0


# --------------------------------------------------------------------------- check


def check_json(result: Any, plan: Any) -> dict[str, Any]:
    from ..domain.proposals import as_mapping

    return {
        "plan": result.plan_code,
        "review": result.review,
        "review_label": result.review_label,
        "ok": result.ok,
        "quotas": [
            {
                "award": u.quota.award,
                "block": u.quota.block,
                "source": u.quota.source,
                "collectives": {"proposed": u.collectives, "max": u.quota.collectives},
                "individuals": {"proposed": u.individuals, "max": u.quota.individuals},
                "leaders": {
                    "proposed": u.leaders,
                    "max_share": u.quota.leader_share_max,
                    "max": u.leaders_allowed,
                },
            }
            for u in result.usage
        ],
        "proposals": [
            {**as_mapping(p), "breaches": [str(b.rule) for b in result.breaches_for(p.id)]}
            for p in result.proposals
        ],
        "breaches": [
            {
                "rule": str(b.rule),
                "source": b.source,
                "message": b.message,
                "proposals": list(b.proposal_ids),
            }
            for b in result.breaches
        ],
        "summary": {
            "proposals": len(result.proposals),
            "collectives": sum(1 for p in result.proposals if p.is_collective),
            "individuals": sum(1 for p in result.proposals if not p.is_collective),
            "breaches": len(result.breaches),
        },
    }


def _left(v: int | None) -> str:
    return "không giới hạn" if v is None else str(v)


def _used(n: int, limit: int | None) -> str:
    """'3/5', or '3 (không giới hạn)' when the plan fixes no number."""
    return f"{number(n)} (không giới hạn)" if limit is None else f"{number(n)}/{limit}"


def _check(args: argparse.Namespace) -> int:
    from ..actions.proposals import check_review
    from ..domain.proposals import RULE_LABELS, block_label

    with _open(args, write=False) as db:
        plan, result = check_review(db, args.review)
    if args.format == "json":
        print_json(check_json(result, plan))
        return 0
    print(
        f"Kiểm tra đề nghị khen thưởng kỳ {result.review_label} ({number(len(result.proposals))} "
        f"đề nghị)\n"
    )
    rows = []
    for u in result.usage:
        leaders = str(u.leaders)
        if u.quota.leader_share_max is not None:
            leaders += f" (tối đa {u.leaders_allowed}; {number(u.quota.leader_share_max)} %)"
        rows.append(
            [
                u.quota.award,
                block_label(plan, u.quota.block),
                _used(u.collectives, u.quota.collectives),
                _used(u.individuals, u.quota.individuals),
                leaders,
                u.quota.source,
            ]
        )
    print_table(
        ["Hình thức", "Khối", "Tập thể / tối đa", "Cá nhân / tối đa", "Lãnh đạo", "Căn cứ"], rows
    )
    print()
    if result.ok:
        print("Không có vi phạm: các đề nghị đúng hạn mức, tỷ lệ, tiêu chuẩn và đủ hồ sơ.")
        return 0
    print(f"Có {number(len(result.breaches))} vi phạm:")
    for n, b in enumerate(result.breaches, start=1):
        ids = ", ".join(str(i) for i in b.proposal_ids)
        print(
            f"{number(n)}. [{b.rule}] {RULE_LABELS.get(b.rule, b.rule)} — mục {b.source or '—'} "
            f"— đề nghị số {ids}"
        )
        print(f"   {b.message}")
    return 0


# --------------------------------------------------------------------------- suggest


def _suggest(args: argparse.Namespace) -> int:
    from ..actions.proposals import load_state
    from ..domain.proposals import block_label

    with _open(args, write=False) as db:
        state = load_state(db, args.review)
    plan, suggestions, usage, label = state.plan, state.suggestions, state.usage(), state.label
    if args.format == "json":
        print_json(
            {
                "plan": plan.code,
                "review": args.review,
                "review_label": label,
                "remaining": [
                    {
                        "award": u.quota.award,
                        "block": u.quota.block,
                        "collectives": u.remaining_collectives,
                        "individuals": u.remaining_individuals,
                    }
                    for u in usage
                ],
                "suggestions": [
                    {
                        "award": x.award,
                        "block": x.block,
                        "unit": x.unit_code,
                        "name": x.unit_name,
                        "kind": x.unit_kind,
                        "rank": x.rank,
                        "score": round(x.score, 2) if x.score is not None else None,
                        "source": x.source,
                    }
                    for x in suggestions
                ],
            }
        )
        return 0
    print(
        f"Gợi ý tập thể đề nghị khen thưởng kỳ {label} "
        "(đơn vị đạt tiêu chuẩn, xếp hạng cao, chưa được đề nghị):\n"
    )
    for u in usage:
        scope = f"«{u.quota.award}»" + (
            f", {block_label(plan, u.quota.block)}" if u.quota.block else ""
        )
        print(
            f"- {scope}: còn {_left(u.remaining_collectives)} tập thể, "
            f"{_left(u.remaining_individuals)} cá nhân (mục {u.quota.source or '—'})"
        )
    print()
    if not suggestions:
        print("Không có đơn vị nào để gợi ý.")
        return 0
    print_table(
        ["Hình thức", "Khối", "Hạng", "Mã", "Đơn vị", "Điểm"],
        [
            [
                x.award,
                block_label(plan, x.block),
                x.rank or "",
                x.unit_code,
                x.unit_name,
                number(x.score, 2) if x.score is not None else "",
            ]
            for x in suggestions
        ],
    )
    return 0


# --------------------------------------------------------------------------- export


def _export(args: argparse.Namespace) -> int:
    from ..actions.proposals import proposal_list, write_proposal_list

    if args.xlsx is None and args.pdf is None:
        args.proposals_parser.error("cần --xlsx TỆP và/hoặc --pdf TỆP")
    with _open(args, write=False) as db:
        data = proposal_list(db, args.review)
    data = dataclasses.replace(data, number=args.number, generated_on=args.date or dt.date.today())
    result = data.check
    if args.pdf is not None:
        warn_before_sending(data.plan, data.office.name, data.office.signer_name)
    for path, kind in ((args.xlsx, "xlsx"), (args.pdf, "pdf")):
        if path is None:
            continue
        write_proposal_list(data, kind, path)  # type: ignore[arg-type]
        print(f"Đã ghi {path}")
    if not result.ok:
        print(
            f"Lưu ý: danh sách còn {number(len(result.breaches))} vi phạm; xem "
            f"'thidua proposals check --review {args.review}'."
        )
    return 0
