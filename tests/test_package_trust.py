"""Packages bounded and signed (issue 17): refused before being read whole when too large,
too many members, nested too deep; signed with the office's Ed25519 key; the province
trusts an office's key once confirmed; a package changed after export is refused even with
its checksums recomputed; unsigned packages only with an explicit confirmation."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.cli import main
from desktop.domain.province import PackageRefused
from desktop.exchange.package import read_package
from desktop.exchange.package_guard import MAX_JSON_DEPTH, MAX_MEMBERS, sign
from desktop.store.database import Database
from desktop.store.models import SubmissionRow, TrustedOfficeRow, UnitRow


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def package(demo_db: Path, tmp_path: Path) -> Path:
    pkg = tmp_path / "ninh-son.zip"
    code, _o, err = run("--db", demo_db, "export", "--period", "2023", "--package", pkg)
    assert code == 0, err
    return pkg


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def rezip(dst: Path, m: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(dst, "w", compression=method) as z:
        for name, data in m.items():
            z.writestr(name, data)
    return dst


def recompute(m: dict[str, bytes]) -> None:
    """What someone who changed a member does to get past the checksums."""
    manifest = json.loads(m["manifest.json"])
    manifest["sha256"] = {n: hashlib.sha256(d).hexdigest() for n, d in m.items()
                          if n not in ("manifest.json", "signature.json")}
    m["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()


def stored(prov: Path) -> tuple[int, int, int]:
    if not prov.exists():
        return (0, 0, 0)
    with Database.open(prov, write=False) as d, d.reading() as s:
        return (s.scalar(select(func.count(UnitRow.id))) or 0,
                s.scalar(select(func.count(SubmissionRow.id))) or 0,
                s.scalar(select(func.count(TrustedOfficeRow.id))) or 0)


# ---------------------------------------------------------------------------- signature


def test_the_package_is_signed_with_the_office_key(package: Path, demo_db: Path) -> None:
    assert "signature.json" in members(package)
    content = read_package(package)
    assert len(content.public_key) == 32
    code, out, _e = run("--db", demo_db, "trust")
    assert code == 0
    from desktop.domain.fingerprint import fingerprint

    assert fingerprint(content.public_key) in out


def test_a_new_office_is_asked_then_remembered(package: Path, tmp_path: Path) -> None:
    prov = tmp_path / "tinh.db"
    code, _o, err = run("--db", prov, "import-package", package)
    assert code == 1
    fp = read_package(package).public_key
    from desktop.domain.fingerprint import fingerprint

    assert "gửi gói lần đầu" in err and fingerprint(fp) in err and "--trust-new" in err
    assert stored(prov) == (0, 0, 0)
    code, out, err = run("--db", prov, "import-package", "--trust-new", package)
    assert code == 0, err
    assert f"Đã tin cậy Huyện Ninh Sơn: dấu vân tay {fingerprint(fp)}" in out
    assert stored(prov) == (1, 1, 1)
    code, out, _e = run("--db", prov, "trust")
    assert "huyen-ninh-son" in out and fingerprint(fp) in out
    # the next package of the same office needs no confirmation
    code, _o, err = run("--db", prov, "import-package", "--replace", package)
    assert code == 0, err


def test_a_package_changed_after_export_is_refused_even_with_new_checksums(
        package: Path, tmp_path: Path) -> None:
    prov = tmp_path / "tinh.db"
    m = members(package)
    m["data.json"] = m["data.json"].replace(b'"numerator": 3257', b'"numerator": 4000')
    assert m["data.json"] != members(package)["data.json"]
    recompute(m)
    bad = rezip(tmp_path / "sua.zip", m)
    code, _o, err = run("--db", prov, "import-package", "--trust-new", bad)
    assert code == 1
    assert "chữ ký không khớp với nội dung" in err and "Không có gì được ghi" in err
    assert stored(prov) == (0, 0, 0)


def test_a_package_signed_with_another_key_is_refused(package: Path, tmp_path: Path) -> None:
    prov = tmp_path / "tinh.db"
    assert run("--db", prov, "import-package", "--trust-new", package)[0] == 0
    before = stored(prov)
    m = members(package)
    m["data.json"] = m["data.json"].replace(b'"numerator": 3257', b'"numerator": 4000')
    recompute(m)
    other = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization

    raw = other.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                              serialization.NoEncryption())
    m["signature.json"] = sign(m["manifest.json"], raw)  # a valid signature, a foreign key
    forged = rezip(tmp_path / "gia.zip", m)
    assert read_package(forged).public_key != read_package(package).public_key
    code, _o, err = run("--db", prov, "import-package", "--trust-new", "--replace", forged)
    assert code == 1
    assert "khóa khác với khóa đã tin cậy của Huyện Ninh Sơn" in err
    assert stored(prov) == before


def first_version(m: dict[str, bytes]) -> None:
    """As a version before signing wrote it: format 1, no signature.json."""
    del m["signature.json"]
    data = json.loads(m["data.json"])
    data["format_version"] = "1"
    m["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    manifest = json.loads(m["manifest.json"])
    manifest["format_version"] = "1"
    m["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    recompute(m)


def test_signed_packages_say_format_2(package: Path) -> None:
    m = members(package)
    assert json.loads(m["manifest.json"])["format_version"] == "2"
    assert json.loads(m["data.json"])["format_version"] == "2"
    assert "signature.json" in m


def test_a_signature_removed_from_a_format_2_package_is_refused_even_if_allowed_unsigned(
        package: Path, tmp_path: Path) -> None:
    prov = tmp_path / "tinh.db"
    m = members(package)
    del m["signature.json"]
    stripped = rezip(tmp_path / "go.zip", m)
    code, _o, err = run("--db", prov, "import-package", "--allow-unsigned", "--trust-new",
                        stripped)
    assert code == 1
    assert "gói định dạng 2 (có chữ ký) nhưng thiếu signature.json" in err
    assert "Không có gì được ghi" in err
    assert stored(prov) == (0, 0, 0)


def test_an_unsigned_package_needs_an_explicit_confirmation(package: Path,
                                                            tmp_path: Path) -> None:
    prov = tmp_path / "tinh.db"
    m = members(package)
    first_version(m)
    old = rezip(tmp_path / "cu.zip", m)
    code, _o, err = run("--db", prov, "import-package", "--trust-new", old)
    assert code == 1 and "không có chữ ký" in err and "--allow-unsigned" in err
    assert stored(prov) == (0, 0, 0)
    code, _o, err = run("--db", prov, "import-package", "--allow-unsigned", old)
    assert code == 0, err
    assert stored(prov) == (1, 1, 0)  # imported; no key to remember


def test_a_broken_signature_is_named(package: Path, tmp_path: Path) -> None:
    m = members(package)
    doc = json.loads(m["signature.json"])
    doc["signature"] = base64.b64encode(b"\0" * 64).decode()
    m["signature.json"] = json.dumps(doc).encode()
    with pytest.raises(PackageRefused, match="chữ ký không khớp"):
        read_package(rezip(tmp_path / "x.zip", m))


# ---------------------------------------------------------------------------- bounds


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    huge = tmp_path / "lon.zip"
    with huge.open("wb") as fh:
        fh.truncate(101 * 1024 * 1024)  # sparse: 101 MB on paper
    read_whole = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read_whole.append(self) or b"")
    with pytest.raises(PackageRefused, match="tệp lớn 101 MB, quá giới hạn 100 MB"):
        read_package(huge)
    assert read_whole == []


def test_too_many_members_is_refused(package: Path, tmp_path: Path) -> None:
    m = members(package)
    for n in range(MAX_MEMBERS):
        m[f"them-{n}.csv"] = b"x"
    recompute(m)
    with pytest.raises(PackageRefused, match=f"quá giới hạn {MAX_MEMBERS}"):
        read_package(rezip(tmp_path / "nhieu.zip", m))


def test_a_member_too_large_is_refused(package: Path, tmp_path: Path) -> None:
    m = members(package)
    m["lon.csv"] = b"a" * (51 * 1024 * 1024)
    with pytest.raises(PackageRefused, match="lon.csv lớn 51 MB khi giải nén, quá giới hạn 50 MB"):
        read_package(rezip(tmp_path / "mot-tp-lon.zip", m))


def test_a_zip_bomb_is_refused(package: Path, tmp_path: Path) -> None:
    m = members(package)
    m["bom.csv"] = b"\0" * (8 * 1024 * 1024)  # compresses about a thousand times
    with pytest.raises(PackageRefused, match="bom zip"):
        read_package(rezip(tmp_path / "bom.zip", m))


def test_members_nested_too_deep_are_refused(package: Path, tmp_path: Path) -> None:
    m = members(package)
    m["a/b/c/d/sau.csv"] = b"x"
    recompute(m)
    with pytest.raises(PackageRefused, match="lồng 4 tầng thư mục"):
        read_package(rezip(tmp_path / "sau.zip", m))
    m = members(package)
    m["goi-trong.zip"] = members(package)["data.json"]
    recompute(m)
    with pytest.raises(PackageRefused, match="gói lồng bên trong"):
        read_package(rezip(tmp_path / "long.zip", m))


def test_json_nested_too_deep_is_refused(package: Path, tmp_path: Path) -> None:
    m = members(package)
    m["data.json"] = b"[" * 100000 + b"]" * 100000
    manifest = json.loads(m["manifest.json"])
    manifest["format_version"] = "1"  # unsigned: read as far as data.json
    m["manifest.json"] = json.dumps(manifest).encode()
    recompute(m)
    del m["signature.json"]
    with pytest.raises(PackageRefused, match=f"data.json lồng quá {MAX_JSON_DEPTH} tầng"):
        read_package(rezip(tmp_path / "json.zip", m))
