"""Who collects, who signs: the office settings a plan implies, from its level.

A district plan is run by the district's Phòng Văn hóa và Thông tin; a province (or
centrally-run city) plan by the province's department in charge of digital
transformation (Sở Thông tin và Truyền thông in the seeds' years, Sở Khoa học và Công
nghệ since the merger of 01/3/2025); a department's own plan by that department; a
commune's plan by its people's committee. A plan file may name its office outright
([plan] office, office_short, signer_authority, signer_title): that wins.

    defaults = office_defaults(plan)      # {"name": ..., "signer_title": ..., ...}
"""

from __future__ import annotations

from .plan import Plan
from .unit_list import fold

# folded level -> (office, short name, signer authority, signer title)
_BY_LEVEL: dict[str, tuple[str, str, str, str]] = {
    "huyen": ("Phòng Văn hóa và Thông tin", "VHTT", "KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
    "tinh": ("Sở Khoa học và Công nghệ", "SKHCN", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    "so": ("Sở Khoa học và Công nghệ", "SKHCN", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    "xa": ("Ủy ban nhân dân", "UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
}
_ALIASES = {"thanh pho": "tinh", "thi xa": "huyen", "quan": "huyen", "nganh": "so",
            "phuong": "xa", "dac khu": "xa"}


def _level(plan: Plan) -> str:
    level = fold(plan.level or "")
    return _ALIASES.get(level, level)


def _department_of(issuer: str) -> str:
    """'Sở Khoa học và Công nghệ tỉnh Điện Biên' -> 'Sở Khoa học và Công nghệ'."""
    for marker in (" tỉnh ", " thành phố "):
        if marker in issuer:
            return issuer.split(marker, 1)[0].strip()
    return issuer.strip()


def office_defaults(plan: Plan) -> dict[str, object]:
    """The office settings (store.office field names) a new database starts with."""
    level = _level(plan)
    name, short, authority, title = _BY_LEVEL.get(level, _BY_LEVEL["huyen"])
    parent = str(plan.extras.get("parent_body", ""))
    if level == "so" and plan.issuer:
        name = _department_of(plan.issuer)
        # its documents are numbered '665/KH-SKHCN': the part after the dash is its short name
        tail = plan.number.rsplit("-", 1)[-1].strip() if "-" in plan.number else ""
        short = tail if tail.isalnum() and tail.upper() == tail and tail != "UBND" else short
    if level == "xa":
        name = f"Ủy ban nhân dân {plan.area}".strip()
    extras = plan.extras
    name = str(extras.get("office", name))
    short = str(extras.get("office_short", short))
    authority = str(extras.get("signer_authority", authority))
    title = str(extras.get("signer_title", title))
    if level == "so" and not parent:
        parent = f"UBND {extras.get('province', '')}".strip()
    return {
        "name": name,
        "short_name": short,
        "parent_body": parent,
        "place": plan.place,
        "area": plan.area,
        "province": str(extras.get("province", "")),
        "signer_authority": authority,
        "signer_title": title,
        "doc_number_prefix": f"/BC-{short}",
        "recipients": [
            "Như trên",
            f"{parent} (b/c)" if parent else "Lãnh đạo (b/c)",
            f"Lưu: VT, {short}",
        ],
    }
