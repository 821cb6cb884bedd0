"""The collecting office's settings: who reports, from where, who signs.

They head every report: the parent body and office name at the top left, "Số: <n><prefix>",
the place of the date line, the signer and the recipients ("Nơi nhận"). The database keeps
them (desktop.store.office); the exports read them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from .errors import DomainError
from .official import DISTRICT_DEFAULT_OFFICE

# key -> (label shown to people, maximum length)
OFFICE_FIELDS: dict[str, tuple[str, int]] = {
    "name": ("Tên cơ quan báo cáo", 200),
    "short_name": ("Tên viết tắt", 40),
    "parent_body": ("Cơ quan chủ quản", 200),
    "place": ("Địa danh (dòng ngày tháng)", 100),
    "area": ("Địa bàn", 200),
    "province": ("Tỉnh, thành phố", 200),
    "signer_authority": ("Thẩm quyền ký (KT., TL., TM.)", 100),
    "signer_title": ("Chức vụ người ký", 100),
    "signer_name": ("Họ và tên người ký", 100),
    "doc_number_prefix": ("Ký hiệu văn bản (sau số)", 40),
    "addressee": ("Kính gửi (cơ quan nhận báo cáo; trống: cơ quan ban hành kế hoạch)", 200),
    "recipients": ("Nơi nhận (phân cách bằng dấu ;)", 2000),
    "second_backup_dir": ("Thư mục sao lưu thứ hai (USB, ổ đĩa khác)", 1000),
}

# Settings of this office's computer, not printed and not sent in packages.
LOCAL_FIELDS = ("second_backup_dir",)


@dataclass(frozen=True)
class OfficeSettings:
    name: str = DISTRICT_DEFAULT_OFFICE
    short_name: str = "VHTT"
    parent_body: str = ""
    place: str = ""
    area: str = ""
    province: str = ""
    signer_authority: str = "KT. TRƯỞNG PHÒNG"
    signer_title: str = "PHÓ TRƯỞNG PHÒNG"
    signer_name: str = ""
    doc_number_prefix: str = "/BC-VHTT"
    addressee: str = ""  # "Kính gửi:"; empty: the body that issued the plan
    recipients: tuple[str, ...] = ()
    second_backup_dir: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            key: (list(self.recipients) if key == "recipients" else getattr(self, key))
            for key in OFFICE_FIELDS
        }


def split_recipients(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


# What a report cannot do without: the window's form requires these fields.
OFFICE_REQUIRED = ("name", "short_name", "parent_body", "place", "signer_title", "signer_name")


def clean_office(data: OfficeSettings) -> OfficeSettings:
    """Trimmed data, or DomainError naming every required field left empty or too long."""
    values: dict[str, Any] = {}
    for f in fields(OfficeSettings):
        v = getattr(data, f.name)
        values[f.name] = " ".join(v.split()) if isinstance(v, str) else v
    values["recipients"] = tuple(r.strip() for r in data.recipients if r.strip())
    missing = [OFFICE_FIELDS[k][0] for k in OFFICE_REQUIRED if not values[k]]
    if missing:
        raise DomainError("Thông tin cơ quan còn thiếu: " + ", ".join(missing) + ".")
    too_long = [
        OFFICE_FIELDS[k][0]
        for k, v in values.items()
        if isinstance(v, str) and len(v) > OFFICE_FIELDS[k][1]
    ]
    if too_long:
        raise DomainError("Quá dài: " + ", ".join(too_long) + ".")
    return OfficeSettings(**values)


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """['name=Phòng X', 'place=Ninh Sơn'] -> {'name': 'Phòng X', ...}; refuses what is wrong."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise DomainError(f"'{item}' không đúng dạng KHÓA=GIÁ_TRỊ.")
        if key not in OFFICE_FIELDS:
            raise DomainError(
                f"Không có thiết lập '{key}'. Các thiết lập có: {', '.join(OFFICE_FIELDS)}."
            )
        out[key] = value.strip()
    return out
