"""Turn a plan document (the dict read from a TOML file) into a validated Plan.

Every problem is reported in Vietnamese with where it is, e.g.
"criteria[3] (XA_HSCV): chỉ tiêu 'HSCV' không có trong kế hoạch".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import PlanError
from .plan import (
    Block,
    Criterion,
    Indicator,
    IndicatorKind,
    Operator,
    Period,
    Plan,
    Quota,
    Ranking,
    ReviewKind,
    Unit,
    UnitKind,
)
from .plan_rules import (
    CODE_RE,
    code_problem,
    count_problem,
    number_problem,
    operator_problem,
    period_problem,
    share_problem,
)

# [plan] keys kept as they are: the office settings a new database starts with
EXTRA_KEYS = ("parent_body", "province", "office", "office_short", "signer_authority",
              "signer_title", "dossier_source", "dossier_by")


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

SHORT_MAX = 40  # characters of a short name (a table header)


def _maximum(
    d: Mapping[str, Any], kind: IndicatorKind, where: str, problems: _Problems
) -> float | None:
    """`maximum`: the scale of a score ("thang điểm 100") or the cap of a count."""
    raw = d.get("maximum")
    if raw is None:
        return None
    if kind not in (IndicatorKind.SCORE, IndicatorKind.COUNT):
        problems.add(where, "'maximum' chỉ dùng cho chỉ tiêu điểm hoặc số lượng")
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        problems.add(where, "'maximum' phải là một số hữu hạn")
        return None
    if raw <= 0:
        problems.add(where, f"'maximum' phải lớn hơn 0 (đang là {raw})")
        return None
    return float(raw)


def parse_plan(doc: Mapping[str, Any], origin: str = "kế hoạch") -> Plan:
    """Validate a plan document and build the Plan; raise PlanError listing every problem."""
    problems = _Problems()
    head = doc.get("plan")
    if not isinstance(head, Mapping):
        raise PlanError(f"{origin}: thiếu mục [plan]")

    def text(m: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        v = m.get(key, "")
        if not isinstance(v, str) or (required and not v.strip()):
            problems.add(where, f"thiếu hoặc sai trường '{key}' (cần một chuỗi)")
            return ""
        return v.strip()

    def date(m: Mapping[str, Any], key: str, where: str, required: bool = True) -> dt.date | None:
        v = m.get(key)
        if v is None and not required:
            return None
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return v
        if isinstance(v, str):
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                pass
        problems.add(where, f"trường '{key}' phải là ngày (YYYY-MM-DD)")
        return None

    def kinds(m: Mapping[str, Any], where: str, allowed: Sequence[str]) -> tuple[str, ...]:
        v = m.get("unit_kinds")
        if not isinstance(v, list) or not v:
            problems.add(where, "thiếu danh sách 'unit_kinds'")
            return ()
        out = []
        for k in v:
            if k not in allowed:
                problems.add(where, f"loại đơn vị '{k}' không có trong kế hoạch")
            else:
                out.append(str(k))
        return tuple(out)

    def short_text(m: Mapping[str, Any], where: str) -> str:
        v = text(m, "short", where, required=False)
        if len(v) > SHORT_MAX:
            problems.add(where, f"tên ngắn '{v}' dài quá {SHORT_MAX} ký tự "
                                "(tên ngắn dùng làm tiêu đề cột)")
            return ""
        return v

    code = text(head, "code", "[plan]")
    unit_kinds_raw = head.get("unit_kinds", [])
    valid_kinds = {k.value for k in UnitKind}
    plan_kinds: list[str] = []
    if not isinstance(unit_kinds_raw, list) or not unit_kinds_raw:
        problems.add("[plan]", "thiếu danh sách 'unit_kinds'")
    else:
        for k in unit_kinds_raw:
            if k not in valid_kinds:
                problems.add("[plan]", f"loại đơn vị không hợp lệ '{k}'")
            else:
                plan_kinds.append(k)

    blocks: list[Block] = []
    for i, b in enumerate(_list(doc, "blocks", problems)):
        where = f"blocks[{i}]"
        blocks.append(Block(code=text(b, "code", where), name=text(b, "name", where)))
    block_codes = _unique([b.code for b in blocks], "blocks", problems)

    indicators: list[Indicator] = []
    for i, d in enumerate(_list(doc, "indicators", problems)):
        where = f"indicators[{i}] ({d.get('code', '?')})"
        kind_raw = d.get("kind")
        try:
            kind = IndicatorKind(str(kind_raw))
        except ValueError:
            problems.add(where, f"loại chỉ tiêu không hợp lệ '{kind_raw}'")
            kind = IndicatorKind.COUNT
        indicators.append(
            Indicator(
                code=text(d, "code", where),
                name=text(d, "name", where),
                kind=kind,
                unit_kinds=kinds(d, where, plan_kinds),
                measure=text(d, "measure", where, required=False),
                numerator_label=text(d, "numerator", where, required=kind is IndicatorKind.RATIO),
                denominator_label=text(
                    d, "denominator", where, required=kind is IndicatorKind.RATIO
                ),
                source=text(d, "source", where, required=False),
                maximum=_maximum(d, kind, where, problems),
                short=short_text(d, where),
            )
        )
    if not indicators:
        problems.add(origin, "kế hoạch không có chỉ tiêu nào")
    _unique([i.code for i in indicators], "indicators", problems)
    by_code = {i.code: i for i in indicators}

    criteria: list[Criterion] = []
    for i, d in enumerate(_list(doc, "criteria", problems)):
        where = f"criteria[{i}] ({d.get('code', '?')})"
        ind_code = text(d, "indicator", where)
        ind = by_code.get(ind_code)
        if ind_code and ind is None:
            problems.add(where, f"chỉ tiêu '{ind_code}' không có trong kế hoạch")
        op_raw = d.get("op")
        try:
            op = Operator(str(op_raw))
        except ValueError:
            problems.add(
                where, f"toán tử không hợp lệ '{op_raw}' (chỉ nhận >=, >, <=, =, true, by)"
            )
            op = Operator.GE
        threshold: float | dt.date | None = None
        raw = d.get("threshold")
        if op.numeric:
            why = number_problem(
                ind.kind if ind is not None else IndicatorKind.COUNT,
                raw,
                ind.maximum if ind is not None else None,
            )
            if why is not None:
                problems.add(where, why)
            elif isinstance(raw, int | float):
                threshold = float(raw)
        elif op is Operator.BY:
            threshold = date(d, "threshold", where)
        if ind is not None and (why := operator_problem(ind.kind, op)) is not None:
            problems.add(where, why)
        ckinds = kinds(d, where, plan_kinds)
        if ind is not None:
            for k in ckinds:
                if k not in ind.unit_kinds:
                    problems.add(
                        where, f"chỉ tiêu '{ind.code}' không áp dụng cho loại đơn vị '{k}'"
                    )
        mandatory = d.get("mandatory", True)
        if not isinstance(mandatory, bool):
            problems.add(where, "'mandatory' phải là true hoặc false")
            mandatory = True
        only = d.get("periods", [])
        if not isinstance(only, list) or not all(isinstance(x, str) for x in only):
            problems.add(where, "'periods' phải là danh sách mã kỳ báo cáo")
            only = []
        criteria.append(
            Criterion(
                code=text(d, "code", where),
                name=text(d, "name", where),
                indicator=ind_code,
                op=op,
                threshold=threshold,
                unit_kinds=ckinds,
                mandatory=mandatory,
                source=text(d, "source", where),
                periods=tuple(only),
                short=short_text(d, where),
            )
        )
    _unique([c.code for c in criteria], "criteria", problems)

    periods: list[Period] = []
    for i, d in enumerate(_list(doc, "periods", problems)):
        where = f"periods[{i}] ({d.get('code', '?')})"
        review_raw = d.get("review", "year")
        try:
            review = ReviewKind(review_raw)
        except ValueError:
            problems.add(where, f"loại kỳ không hợp lệ '{review_raw}'")
            review = ReviewKind.YEAR
        starts = date(d, "starts", where)
        ends = date(d, "ends", where)
        deadline = date(d, "deadline", where)
        if starts and ends and deadline:
            why = period_problem(str(d.get("label", "")) or "?", starts, ends, deadline)
            if why is not None:
                problems.add(where, why)
            periods.append(
                Period(
                    code=text(d, "code", where),
                    label=text(d, "label", where),
                    deadline=deadline,
                    starts=starts,
                    ends=ends,
                    review=review,
                )
            )
    if not periods:
        problems.add(origin, "kế hoạch không có kỳ báo cáo nào")
    period_codes = _unique([p.code for p in periods], "periods", problems)
    for i, c in enumerate(criteria):
        for code_ in c.periods:
            if code_ not in period_codes:
                problems.add(f"criteria[{i}] ({c.code})",
                             f"kỳ '{code_}' ('periods') không có trong kế hoạch")

    units: list[Unit] = []
    for i, d in enumerate(_list(doc, "units", problems)):
        where = f"units[{i}] ({d.get('code', '?')})"
        unit_kind = text(d, "kind", where)
        if unit_kind and unit_kind not in plan_kinds:
            problems.add(where, f"loại đơn vị '{unit_kind}' không có trong kế hoạch")
        block = d.get("block")
        if block is not None and block not in block_codes:
            problems.add(where, f"khối '{block}' không có trong kế hoạch")
        active_from = date(d, "active_from", where, required=False)
        active_to = date(d, "active_to", where, required=False)
        if active_from and active_to and active_from > active_to:
            problems.add(where, "'active_from' sau 'active_to'")
        merged_into = d.get("merged_into")
        if merged_into is not None and (not isinstance(merged_into, str) or not merged_into):
            problems.add(where, "'merged_into' phải là mã của một đơn vị")
            merged_into = None
        if merged_into is not None and active_to is None:
            problems.add(where, "đơn vị đã sáp nhập ('merged_into') cần 'active_to'")
        former: list[tuple[str, dt.date]] = []
        for j, f in enumerate(_list(d, "former_names", problems)):
            fwhere = f"{where}.former_names[{j}]"
            fname, until = text(f, "name", fwhere), date(f, "until", fwhere)
            if fname and until:
                if former and until <= former[-1][1]:
                    problems.add(fwhere, "các tên cũ phải xếp theo thứ tự ngày 'until' tăng dần")
                former.append((fname, until))
        units.append(
            Unit(
                code=text(d, "code", where),
                name=text(d, "name", where),
                kind=unit_kind,
                block=block,
                active_from=active_from,
                active_to=active_to,
                merged_into=merged_into,
                former_names=tuple(former),
            )
        )
    unit_codes = _unique([u.code for u in units], "units", problems)
    for i, u in enumerate(units):
        if u.merged_into is not None and u.merged_into not in unit_codes:
            problems.add(f"units[{i}] ({u.code})",
                         f"đơn vị '{u.merged_into}' ('merged_into') không có trong kế hoạch")
        elif u.merged_into == u.code:
            problems.add(f"units[{i}] ({u.code})", "đơn vị không thể sáp nhập vào chính nó")

    quotas: list[Quota] = []
    for i, d in enumerate(_list(doc, "quotas", problems)):
        where = f"quotas[{i}]"
        review_code = text(d, "review", where)
        if review_code and review_code not in period_codes:
            problems.add(where, f"kỳ '{review_code}' không có trong kế hoạch")
        block = d.get("block")
        if block is not None and block not in block_codes:
            problems.add(where, f"khối '{block}' không có trong kế hoạch")
        counts: dict[str, int | None] = {}
        for key in ("collectives", "individuals"):
            v = d.get(key)
            if v is not None and (not isinstance(v, int) or count_problem(key, v) is not None):
                problems.add(where, f"'{key}' phải là số nguyên không âm")
                v = None
            counts[key] = v
        share = d.get("leader_share_max")
        if share_problem(share) is not None:
            problems.add(where, "'leader_share_max' phải là phần trăm từ 0 đến 100")
            share = None
        quotas.append(
            Quota(
                review=review_code,
                award=text(d, "award", where),
                collectives=counts["collectives"],
                individuals=counts["individuals"],
                block=block,
                leader_share_max=float(share) if share is not None else None,
                source=text(d, "source", where),
            )
        )

    ranking: Ranking | None = None
    rk = doc.get("ranking")
    if rk is not None:
        if not isinstance(rk, Mapping):
            problems.add("[ranking]", "phải là một bảng")
        else:
            ind_code = text(rk, "indicator", "[ranking]")
            if ind_code and ind_code not in by_code:
                problems.add("[ranking]", f"chỉ tiêu '{ind_code}' không có trong kế hoạch")
            ranking = Ranking(
                indicator=ind_code,
                descending=bool(rk.get("descending", True)),
                source=text(rk, "source", "[ranking]", required=False),
            )

    dossier = head.get("dossier", [])
    if not isinstance(dossier, list) or not all(isinstance(x, str) for x in dossier):
        problems.add("[plan]", "'dossier' phải là danh sách chuỗi")
        dossier = []

    if problems.items:
        lines = "\n".join(f"  - {p}" for p in problems.items)
        raise PlanError(f"{origin}: kế hoạch không hợp lệ:\n{lines}")

    return Plan(
        code=code,
        number=text(head, "number", "[plan]"),
        issuer=text(head, "issuer", "[plan]"),
        issued_on=date(head, "issued_on", "[plan]", required=False),
        title=text(head, "title", "[plan]"),
        level=text(head, "level", "[plan]"),
        area=text(head, "area", "[plan]"),
        place=text(head, "place", "[plan]"),
        unit_kinds=tuple(plan_kinds),
        indicators=tuple(indicators),
        criteria=tuple(criteria),
        periods=tuple(periods),
        units=tuple(units),
        quotas=tuple(quotas),
        blocks=tuple(blocks),
        ranking=ranking,
        dossier=tuple(dossier),
        source_note=text(head, "source_note", "[plan]", required=False),
        extras={k: v for k, v in head.items() if k in EXTRA_KEYS and isinstance(v, str)},
    )


def _list(doc: Mapping[str, Any], key: str, problems: _Problems) -> list[Mapping[str, Any]]:
    v = doc.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, Mapping) for x in v):
        problems.add(f"[[{key}]]", "phải là danh sách các bảng")
        return []
    return v


def _unique(codes: list[str], what: str, problems: _Problems) -> set[str]:
    seen: set[str] = set()
    for c in codes:
        if c and not CODE_RE.match(c):
            problems.add(f"[[{what}]]", code_problem(c) or "")
        if c in seen:
            problems.add(f"[[{what}]]", f"mã '{c}' bị trùng")
        seen.add(c)
    return seen
