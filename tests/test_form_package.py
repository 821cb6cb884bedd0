"""A returned form's package is unpacked once (xlsx_safety.unpack_package): stored and
deflated members straight from the bytes, anything else through zipfile, with the very
same contents and the very same refusals either way."""

from __future__ import annotations

import datetime as dt
import io
import struct
import tomllib
import zipfile
from pathlib import Path

import pytest
from form_filling import fill

from desktop.domain.plan import Plan
from desktop.domain.plan_schema import parse_plan
from desktop.exchange.form_reader import FormRejected, read_form
from desktop.exchange.form_template import form_filename, write_form
from desktop.exchange.xlsx_safety import UnsafePackage, unpack_package

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plan() -> Plan:
    with (ROOT / "resources/plans/ninh-son-2022.toml").open("rb") as fh:
        return parse_plan(tomllib.load(fh))


@pytest.fixture()
def form(plan: Plan, tmp_path: Path) -> Path:
    unit = next(u for u in plan.units if u.code == "22813")
    period = plan.period("2023")
    path = tmp_path / form_filename(plan, period, unit)
    write_form(
        plan,
        period,
        unit,
        path,
        office_name="Phòng Văn hóa và Thông tin",
        app_version="0.1.0",
        generated_at=dt.datetime(2023, 11, 1, 8, 0),
    )
    fill(path, {"HSCV_MANG": (35, 60), "SANG_KIEN": 2, "DANG_KY_TD": "Có"})
    return path


def repacked(src: Path, out: Path, method: int) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", method) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    return out


@pytest.mark.parametrize(
    "method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
)
def test_every_compression_zipfile_reads_gives_the_same_members_and_form(
    plan: Plan, form: Path, tmp_path: Path, method: int
) -> None:
    path = repacked(form, tmp_path / f"m{method}.xlsx", method)
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert unpack_package(data) == {name: zf.read(name) for name in zf.namelist()}
    original = read_form(form, plan)
    assert original.filled == 3
    again = read_form(path, plan)
    assert (again.unit, again.period, again.values) == (
        original.unit,
        original.period,
        original.values,
    )


def _patch_local_and_central(data: bytes, member: str, patch) -> bytes:  # type: ignore[no-untyped-def]
    """`patch(buffer, offset_of_header)` applied to the member's local header and its
    central directory entry (the zip's own structures, as a damaged file has them)."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(member)
    patch(buf, info.header_offset, local=True)
    central = buf.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", buf, central + 28)[0]
        if bytes(buf[central + 46 : central + 46 + name_len]) == member.encode():
            patch(buf, central, local=False)
            break
        central = buf.find(b"PK\x01\x02", central + 4)
    return bytes(buf)


def test_a_member_that_says_it_is_encrypted_is_refused_as_a_password(
    plan: Plan, form: Path, tmp_path: Path
) -> None:
    def encrypted(buf: bytearray, at: int, local: bool) -> None:
        flags_at = at + (6 if local else 8)
        flags = struct.unpack_from("<H", buf, flags_at)[0]
        struct.pack_into("<H", buf, flags_at, flags | 0x1)

    data = _patch_local_and_central(form.read_bytes(), "xl/worksheets/sheet1.xml", encrypted)
    with pytest.raises(UnsafePackage, match="đặt mật khẩu"):
        unpack_package(data)
    path = tmp_path / "locked.xlsx"
    path.write_bytes(data)
    with pytest.raises(FormRejected, match="đặt mật khẩu"):
        read_form(path, plan)


@pytest.mark.parametrize("delta", [7, -7])
def test_a_member_whose_stated_size_is_wrong_reads_as_zipfile_reads_it(
    plan: Plan, form: Path, tmp_path: Path, delta: int
) -> None:
    """Stated larger than it is, the member is read whole (its CRC matches), as zipfile
    reads it; stated smaller, what is read fails its CRC: refused as damaged."""

    def resized(buf: bytearray, at: int, local: bool) -> None:
        size_at = at + (22 if local else 24)  # the uncompressed size
        size = struct.unpack_from("<L", buf, size_at)[0]
        struct.pack_into("<L", buf, size_at, size + delta)

    data = _patch_local_and_central(form.read_bytes(), "xl/worksheets/sheet1.xml", resized)
    path = tmp_path / "resized.xlsx"
    path.write_bytes(data)
    if delta > 0:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert unpack_package(data) == {name: zf.read(name) for name in zf.namelist()}
        assert read_form(path, plan).values == read_form(form, plan).values
        return
    with pytest.raises(UnsafePackage, match="bị hỏng hoặc không đầy đủ"):
        unpack_package(data)
    with pytest.raises(FormRejected, match="bị hỏng hoặc không đầy đủ"):
        read_form(path, plan)


@pytest.mark.parametrize("change", ["crc", "smaller"])
def test_a_member_met_before_is_taken_again_only_with_the_very_same_crc_and_size(
    plan: Plan, form: Path, tmp_path: Path, change: str
) -> None:
    """The members of a form already read (the theme, the styles: the same in every form
    of a batch) are not unpacked again; one with the same packed bytes but another CRC or
    a smaller stated size is a damaged member, refused as before."""

    def damaged(buf: bytearray, at: int, local: bool) -> None:
        if change == "crc":
            crc_at = at + (14 if local else 16)
            struct.pack_into("<L", buf, crc_at, struct.unpack_from("<L", buf, crc_at)[0] ^ 1)
        else:
            size_at = at + (22 if local else 24)
            struct.pack_into("<L", buf, size_at, struct.unpack_from("<L", buf, size_at)[0] - 7)

    good = form.read_bytes()
    first = unpack_package(good)
    assert unpack_package(good) == first  # the second time from what the first one checked
    data = _patch_local_and_central(good, "xl/theme/theme1.xml", damaged)
    with pytest.raises(UnsafePackage, match="bị hỏng hoặc không đầy đủ"):
        unpack_package(data)
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(data)
    with pytest.raises(FormRejected, match="bị hỏng hoặc không đầy đủ"):
        read_form(path, plan)
