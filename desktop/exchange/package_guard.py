"""Reading a package safely, and its signature.

A package comes from outside (a USB stick, an e-mail): before anything is read whole it
is measured against the limits below, from the zip's own directory; every member is then
read no further than its limit, whatever its header claims. The JSON members are checked
for nesting depth before they are parsed.

The signature: `signature.json` beside `manifest.json` holds the office's Ed25519 public
key and its signature over the exact bytes of manifest.json, which lists the SHA-256 of
every other member. A package changed after export therefore fails the signature even
when its checksums were recomputed; re-signed with another key, it no longer matches the
key the province trusts for that office.
"""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path, PurePosixPath

MAX_PACKAGE_BYTES = 100 * 1024 * 1024  # a district package is a few hundred kilobytes
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 64
MAX_PATH_DEPTH = 3  # folders inside the package
MAX_RATIO = 200  # uncompressed / compressed, above a megabyte: a zip bomb
MAX_JSON_DEPTH = 40
SIGNATURE = "signature.json"
ALGORITHM = "Ed25519"


class Refusal(Exception):
    """Why a package is refused (Vietnamese, without the file name)."""


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def unsafe(name: str) -> bool:
    """A member path that could land outside a folder it were extracted to."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    if len(name) > 1 and name[1] == ":":  # C:...
        return True
    parts = PurePosixPath(name).parts
    return any(p in ("..", "") for p in parts) or name.endswith("/")


def open_bounded(path: Path) -> zipfile.ZipFile:
    """The zip, after its size, member count, member sizes, compression ratios and path
    depths were checked from its directory; Refusal naming the first limit passed."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Refusal(f"không đọc được tệp ({exc.strerror or exc}).") from None
    if size > MAX_PACKAGE_BYTES:
        raise Refusal(f"tệp lớn {_mb(size)}, quá giới hạn {_mb(MAX_PACKAGE_BYTES)} của một gói "
                      "dữ liệu.")
    try:
        zf = zipfile.ZipFile(path)
    except OSError as exc:
        raise Refusal(f"không đọc được tệp ({exc.strerror or exc}).") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise Refusal("không phải tệp .zip hợp lệ hoặc tệp đã bị hỏng.") from None
    try:
        _check_directory(zf.infolist())
    except Refusal:
        zf.close()
        raise
    return zf


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise Refusal(f"có {len(infos)} thành phần, quá giới hạn {MAX_MEMBERS} của một gói.")
    names = [i.filename for i in infos]
    for n in names:
        if unsafe(n):
            raise Refusal(f"có thành phần với đường dẫn không an toàn “{n}” (ra ngoài thư mục "
                          "của gói).")
        depth = len(PurePosixPath(n).parts) - 1
        if depth > MAX_PATH_DEPTH:
            raise Refusal(f"thành phần “{n}” lồng {depth} tầng thư mục, quá giới hạn "
                          f"{MAX_PATH_DEPTH} tầng.")
    if len(set(names)) != len(names):
        raise Refusal("có hai thành phần trùng tên.")
    total = 0
    for i in infos:
        if i.file_size > MAX_MEMBER_BYTES:
            raise Refusal(f"thành phần {i.filename} lớn {_mb(i.file_size)} khi giải nén, quá "
                          f"giới hạn {_mb(MAX_MEMBER_BYTES)}.")
        if i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise Refusal(f"thành phần {i.filename} nén {i.file_size // max(i.compress_size, 1)}"
                          " lần, bất thường (tệp có thể là “bom zip”).")
        total += i.file_size
    if total > MAX_TOTAL_BYTES:
        raise Refusal(f"tổng dung lượng giải nén {_mb(total)}, quá giới hạn "
                      f"{_mb(MAX_TOTAL_BYTES)}.")
    for i in infos:
        if i.filename.lower().endswith(".zip"):
            raise Refusal(f"có gói lồng bên trong (“{i.filename}”); một gói dữ liệu không chứa "
                          "tệp .zip.")


def read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A member, read no further than MAX_MEMBER_BYTES whatever its header says."""
    try:
        with zf.open(name) as fh:
            data = fh.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, KeyError):
        raise Refusal(f"thành phần {name} bị hỏng, không đọc được.") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise Refusal(f"thành phần {name} lớn hơn giới hạn {_mb(MAX_MEMBER_BYTES)}.")
    return data


def json_depth(data: bytes) -> int:
    """How deep the arrays and objects of a JSON text nest (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def load_json(name: str, data: bytes) -> object:
    if json_depth(data) > MAX_JSON_DEPTH:
        raise Refusal(f"{name} lồng quá {MAX_JSON_DEPTH} tầng, không phải dữ liệu của ThiĐua CĐS.")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise Refusal(f"{name} không phải JSON hợp lệ.") from None


# ---------------------------------------------------------------------------- signature


def sign(manifest_bytes: bytes, private_key: bytes) -> bytes:
    """signature.json for these manifest bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(private_key)
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    doc = {
        "algorithm": ALGORITHM,
        "signed": "manifest.json",
        "public_key": base64.b64encode(public).decode("ascii"),
        "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii"),
    }
    return json.dumps(doc, indent=1).encode("utf-8")


def verify(manifest_bytes: bytes, signature_bytes: bytes) -> bytes:
    """The signer's public key, once its signature over the manifest is checked."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    doc = load_json(SIGNATURE, signature_bytes)
    if not isinstance(doc, dict) or doc.get("algorithm") != ALGORITHM:
        raise Refusal(f"{SIGNATURE} không đúng dạng (cần chữ ký {ALGORITHM}).")
    try:
        public = base64.b64decode(str(doc.get("public_key", "")), validate=True)
        signature = base64.b64decode(str(doc.get("signature", "")), validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, manifest_bytes)
    except InvalidSignature:
        raise Refusal("chữ ký không khớp với nội dung: gói đã bị sửa sau khi huyện xuất "
                      "(kể cả khi mã kiểm tra trong manifest.json đã được tính lại).") from None
    except ValueError:
        raise Refusal(f"{SIGNATURE} hỏng (khóa hoặc chữ ký không đọc được).") from None
    return public
