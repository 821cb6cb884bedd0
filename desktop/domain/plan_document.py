"""A plan back as a plan document, and that document as TOML: what `parse_plan` reads,
so that a plan edited in one office is saved to a .toml another office starts from
(`thidua init --plan-file`, or the first-run wizard).

    text = plan_toml(plan)                       # parse_plan(tomllib.loads(text)) == plan
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .plan import Plan


def plan_document(plan: Plan) -> dict[str, Any]:
    """The plan as the dict a plan file holds (the inverse of plan_schema.parse_plan)."""
    head: dict[str, Any] = {
        "code": plan.code, "number": plan.number, "issuer": plan.issuer,
    }
    if plan.issued_on is not None:
        head["issued_on"] = plan.issued_on
    head.update(title=plan.title, level=plan.level, area=plan.area, place=plan.place)
    head.update({k: v for k, v in plan.extras.items() if isinstance(v, str)})
    head["unit_kinds"] = list(plan.unit_kinds)
    if plan.dossier:
        head["dossier"] = list(plan.dossier)
    if plan.source_note:
        head["source_note"] = plan.source_note
    doc: dict[str, Any] = {"plan": head}
    doc["blocks"] = [{"code": b.code, "name": b.name} for b in plan.blocks]
    units = []
    for u in plan.units:
        d: dict[str, Any] = {"code": u.code, "name": u.name, "kind": u.kind}
        for key in ("block", "active_from", "active_to", "merged_into"):
            if getattr(u, key) is not None:
                d[key] = getattr(u, key)
        if u.former_names:
            d["former_names"] = [{"name": n, "until": until} for n, until in u.former_names]
        units.append(d)
    doc["units"] = units
    indicators = []
    for i in plan.indicators:
        d = {"code": i.code, "name": i.name, "kind": i.kind.value,
             "unit_kinds": list(i.unit_kinds)}
        if i.short:
            d["short"] = i.short
        if i.measure:
            d["measure"] = i.measure
        if i.numerator_label:
            d["numerator"] = i.numerator_label
        if i.denominator_label:
            d["denominator"] = i.denominator_label
        if i.maximum is not None:
            d["maximum"] = i.maximum
        if i.source:
            d["source"] = i.source
        indicators.append(d)
    doc["indicators"] = indicators
    criteria = []
    for c in plan.criteria:
        d = {"code": c.code, "name": c.name, "indicator": c.indicator, "op": c.op.value}
        if c.short:
            d["short"] = c.short
        if c.threshold is not None:
            d["threshold"] = c.threshold
        d["unit_kinds"] = list(c.unit_kinds)
        if not c.mandatory:
            d["mandatory"] = False
        if c.periods:
            d["periods"] = list(c.periods)
        d["source"] = c.source
        criteria.append(d)
    doc["criteria"] = criteria
    doc["periods"] = [
        {"code": p.code, "label": p.label, "starts": p.starts, "ends": p.ends,
         "deadline": p.deadline, "review": p.review.value}
        for p in plan.periods
    ]
    quotas = []
    for q in plan.quotas:
        d = {"review": q.review, "award": q.award}
        for key in ("block", "collectives", "individuals", "leader_share_max"):
            if getattr(q, key) is not None:
                d[key] = getattr(q, key)
        if q.source:
            d["source"] = q.source
        quotas.append(d)
    doc["quotas"] = quotas
    if plan.ranking is not None:
        doc["ranking"] = {"indicator": plan.ranking.indicator,
                          "descending": plan.ranking.descending}
        if plan.ranking.source:
            doc["ranking"]["source"] = plan.ranking.source
    return doc


def plan_toml(plan: Plan, note: str = "") -> str:
    """The plan as the text of a .toml plan file, headed by `note` (comment lines)."""
    lines = [f"# {line}".rstrip() for line in note.splitlines()] if note else []
    lines += ["", "[plan]"] if lines else ["[plan]"]
    doc = plan_document(plan)
    lines += [f"{k} = {_value(v)}" for k, v in doc["plan"].items()]
    for key in ("blocks", "units", "indicators", "criteria", "periods", "quotas"):
        for item in doc[key]:
            lines += ["", f"[[{key}]]"]
            nested = {k: v for k, v in item.items() if _is_tables(v)}
            lines += [f"{k} = {_value(v)}" for k, v in item.items() if k not in nested]
            for sub, rows in nested.items():
                for row in rows:
                    lines += [f"[[{key}.{sub}]]"]
                    lines += [f"{k} = {_value(v)}" for k, v in row.items()]
    if "ranking" in doc:
        lines += ["", "[ranking]"] + [f"{k} = {_value(v)}" for k, v in doc["ranking"].items()]
    return "\n".join(lines) + "\n"


def _is_tables(v: object) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, Mapping) for x in v)


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a TOML basic string is a JSON string
    if isinstance(v, Sequence):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {v!r} in a plan file")
