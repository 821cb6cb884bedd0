"""Rules of an official document's heading that are not layout (Nghị định 30/2020/NĐ-CP).

    document_number("5", "/BC-VHTT")          -> "05/BC-VHTT"
    document_number("5/BC", "/BC-VHTT")       -> "05/BC-VHTT"   (the type code not doubled)
    document_number("5", "/BC-VHTT", "DS")    -> "05/DS-VHTT"   (a list: Danh sách)
    office_with_area("Phòng Văn hóa và Thông tin", "huyện Ninh Sơn")
                                              -> "Phòng Văn hóa và Thông tin huyện Ninh Sơn"
    export_warnings(plan, office_name, signer_name) -> what to confirm before sending

No Qt, no database: the PDF writers, the command line and the window call these.
"""

from __future__ import annotations

import re
import unicodedata

from .plan import Plan

# the office a new database starts with, by the level of the plan's collecting body
DISTRICT_DEFAULT_OFFICE = "Phòng Văn hóa và Thông tin"
PROVINCE_DEFAULT_OFFICE = "Sở Khoa học và Công nghệ"
DISTRICT_LEVELS = frozenset({"huyện", "quận", "thị xã"})

_NUMBER = re.compile(r"^\s*(\d+)\s*(?:/\s*(.*?))?\s*$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _with_type(prefix: str, type_code: str) -> str:
    """'/BC-VHTT' with type 'DS' -> '/DS-VHTT'; a prefix without a type code is kept."""
    body = prefix.strip().lstrip("/")
    if not body:
        return ""
    head, sep, tail = body.partition("-")
    if sep and head.isupper() and head.isalpha():
        return f"/{type_code}-{tail}"
    return f"/{body}"


def document_number(number: str, prefix: str, type_code: str = "BC") -> str:
    """The text after "Số: ": the number (two digits at least) and the document's symbol.

    ``prefix`` is the office's symbol ("/BC-VHTT"); ``type_code`` the kind of document
    (BC báo cáo, DS danh sách). A number the officer typed with its own symbol ("5/BC",
    "12/BC-VHTT") keeps it, completed from the prefix when only the type code was given. An
    empty number leaves room for the one the office's clerk writes by hand."""
    symbol = _with_type(prefix, type_code)
    text = _nfc(number).strip()
    if not text:
        return f"{' ' * 8}{symbol}"
    match = _NUMBER.match(text)
    if match is None:
        return text  # not a number: printed as the officer wrote it
    digits, own = match.group(1), (match.group(2) or "").strip()
    digits = f"{int(digits):02d}"
    if not own:
        return f"{digits}{symbol}"
    own_type = own.split("-", 1)[0]
    if "-" not in own and symbol.lstrip("/").split("-", 1)[0] == own_type:
        return f"{digits}{symbol}"  # "5/BC" with "/BC-VHTT": the office's symbol
    if "-" not in own and symbol:
        tail = symbol.lstrip("/").partition("-")[2]
        return f"{digits}/{own}-{tail}" if tail else f"{digits}/{own}"
    return f"{digits}/{own}"


def office_with_area(name: str, area: str) -> str:
    """The office followed by its area, once: 'Phòng Văn hóa và Thông tin huyện Ninh Sơn';
    a name already holding the area ('... huyện Ninh Sơn') is not extended."""
    name, area = _nfc(name).strip(), _nfc(area).strip()
    if not area or area.casefold() in name.casefold():
        return name
    return f"{name} {area}"


def default_addressee(plan: Plan) -> str:
    """Whom the report goes to when the office has not said: the body that issued the plan
    and asked for the reports (its "Chủ tịch" aside: the report goes to the committee), or,
    for a department's own plan, the committee above the department (its parent body)."""
    issuer = _nfc(plan.issuer).strip()
    parent = _nfc(str(plan.extras.get("parent_body", ""))).strip()
    if issuer.casefold().startswith("sở ") and parent:
        # a department's own plan: the department reports to the committee above it
        return re.sub(r"^UBND\s+", "Ủy ban nhân dân ", parent)
    return re.sub(r"^Chủ tịch\s+", "", issuer)


def export_warnings(plan: Plan, office_name: str, signer_name: str) -> list[str]:
    """What to confirm before an official document leaves the office (empty: nothing)."""
    out: list[str] = []
    if not signer_name.strip():
        out.append(
            "Chưa có họ và tên người ký: văn bản sẽ in trống dòng tên dưới chữ ký. "
            "Hãy nhập người ký trong Thông tin cơ quan (thidua office --set signer_name=...)."
        )
    level = _nfc(plan.level).strip().lower()
    name = _nfc(office_name).strip()
    district = level in DISTRICT_LEVELS
    if (name == DISTRICT_DEFAULT_OFFICE and not district) or (
        name == PROVINCE_DEFAULT_OFFICE and district
    ):
        which = "cấp huyện" if name == DISTRICT_DEFAULT_OFFICE else "cấp tỉnh"
        out.append(
            f"Cơ quan báo cáo vẫn là “{name}”, tên mặc định của {which}, trong khi kế hoạch "
            f"“{plan.code}” do cơ quan cấp {level or 'khác'} tổ chức. Hãy sửa Thông tin cơ quan "
            "(tên cơ quan, cơ quan chủ quản, người ký) trước khi gửi."
        )
    return out
