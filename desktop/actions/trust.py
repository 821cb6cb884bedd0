"""Who signed a package, and whether the province trusts that office.

    signers = package_signers(db, contents)          # read only: one Signer per package
    results = actions.packages.import_packages(db, contents, trust_new={"huyen-ninh-son"})

An office is trusted with the key of the first package it sent, once a person confirmed
its fingerprint (the command line's --trust-new, or the window's question); from then on
a package of that office signed with any other key is refused. A package without a
signature (made by a version before signing) is imported only with an explicit
confirmation (--allow-unsigned, or the window's question).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..domain.fingerprint import fingerprint
from ..domain.province import PackageContent, PackageRefused, district_identity
from ..store.database import Database
from ..store.keys import (
    TrustedOffice,
    forget_office,
    own_fingerprint,
    remember_office,
    trusted_office,
    trusted_offices,
)

TRUSTED, NEW, OTHER_KEY, UNSIGNED = "trusted", "new", "other_key", "unsigned"


@dataclass(frozen=True)
class Signer:
    file: str
    office_code: str
    office_name: str
    status: str  # TRUSTED | NEW | OTHER_KEY | UNSIGNED
    fingerprint: str = ""
    known_fingerprint: str = ""
    first_seen: str = ""  # dd/mm/yyyy the trusted key was first accepted

    @property
    def refusal(self) -> str:
        """Why the package is not imported as it is (empty for a trusted one)."""
        end = " Không có gì được ghi vào cơ sở dữ liệu."
        if self.status == OTHER_KEY:
            return (f"Gói {self.file}: được ký bằng một khóa khác với khóa đã tin cậy của "
                    f"{self.office_name} (đã tin cậy từ {self.first_seen}: "
                    f"{self.known_fingerprint}; trong gói: {self.fingerprint}). Gói có thể đã "
                    f"bị sửa hoặc không do {self.office_name} lập; hãy liên hệ đơn vị đó."
                    + end)
        if self.status == NEW:
            return (f"Gói {self.file}: {self.office_name} gửi gói lần đầu, ký bằng khóa có dấu "
                    f"vân tay {self.fingerprint}. Hãy gọi cho {self.office_name} để đối chiếu "
                    "dấu vân tay (lệnh 'thidua trust' ở máy của họ), rồi nhập lại với "
                    "--trust-new." + end)
        if self.status == UNSIGNED:
            return (f"Gói {self.file}: không có chữ ký (lập bằng phiên bản ThiĐua CĐS cũ), nên "
                    f"không xác minh được gói do {self.office_name} lập và chưa bị sửa. Chỉ "
                    "nhập khi chắc chắn về nguồn gốc: thêm --allow-unsigned." + end)
        return ""


def office_of(content: PackageContent) -> tuple[str, str]:
    man, data = content.manifest, content.data
    office = data.get("office") or man.get("office") or {}
    plan = man.get("plan") or {}
    area = plan.get("area", "") if isinstance(plan, dict) else ""
    return district_identity(office if isinstance(office, dict) else {}, str(area))


def signer_in(session: Session, content: PackageContent) -> Signer:
    code, name = office_of(content)
    if not content.public_key:
        return Signer(content.name, code, name, UNSIGNED)
    fp = fingerprint(content.public_key)
    known = trusted_office(session, code)
    if known is None:
        return Signer(content.name, code, name, NEW, fp)
    status = TRUSTED if known.public_key == content.public_key else OTHER_KEY
    return Signer(content.name, code, name, status, fp, known.fingerprint,
                  f"{known.first_seen_at:%d/%m/%Y}")


def package_signers(db: Database, contents: Sequence[PackageContent]) -> list[Signer]:
    with db.reading() as s:
        return [signer_in(s, c) for c in contents]


def package_signer(db: Database, content: PackageContent) -> Signer:
    return package_signers(db, [content])[0]


def check_and_remember(session: Session, contents: Sequence[PackageContent], *,
                       trust_new: Collection[str], allow_unsigned: bool) -> list[Signer]:
    """In the import's transaction: refuse what is not trusted, remember the offices
    confirmed as new. PackageRefused names the first package refused."""
    signers = [signer_in(session, c) for c in contents]
    for sg in signers:
        if sg.status == OTHER_KEY:
            raise PackageRefused(sg.refusal)
        if sg.status == NEW and sg.office_code not in trust_new:
            raise PackageRefused(sg.refusal)
        if sg.status == UNSIGNED and not allow_unsigned:
            raise PackageRefused(sg.refusal)
    remembered: set[str] = set()
    for sg, c in zip(signers, contents, strict=True):
        if sg.status == NEW and sg.office_code not in remembered:
            remember_office(session, sg.office_code, sg.office_name, c.public_key)
            remembered.add(sg.office_code)
    return signers


@dataclass(frozen=True)
class TrustList:
    own_fingerprint: str
    offices: list[TrustedOffice]


def trust_list(db: Database) -> TrustList:
    with db.reading() as s:
        return TrustList(own_fingerprint(s), trusted_offices(s))


def forget(db: Database, code: str) -> TrustedOffice:
    """Stop trusting an office's key (it made a new one): its next package is asked again."""
    with db.transaction(f"Bỏ tin cậy khóa của đơn vị {code}") as s:
        gone = forget_office(s, code)
    if gone is None:
        raise PackageRefused(f"Chưa tin cậy đơn vị nào có mã {code} (xem 'thidua trust').")
    return gone
