"""Is this file a sound .xlsx, before any XML parser reads it?

Size, member count, zip bomb ratios, encrypted or unknown compression, DOCTYPE/ENTITY
declarations (also hidden in UTF-16) and foreign encodings are refused with a
Vietnamese reason (`UnsafePackage.reason`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000


class UnsafePackage(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_ALLOWED_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16"}
_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""")


def check_package(data: bytes) -> zipfile.ZipFile:
    """The zip of a sound xlsx, or UnsafePackage; run before any XML parser sees it."""
    return _checked(data, None)


def unpack_package(data: bytes) -> dict[str, bytes]:
    """Every member of a sound xlsx by name, unpacked once (the check reads them all), or
    UnsafePackage; what read_book reads the workbook from."""
    parts: dict[str, bytes] = {}
    _checked(data, parts).close()
    return parts


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader
_PLAIN_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _packed(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A stored or deflated member's packed bytes straight from `data` (what zipfile's
    ZipExtFile reads for it, a fraction of its cost per member: a form has ten); None for
    anything else (encrypted, another method, an odd local header), left to zipfile. A
    truncated member raises zipfile.BadZipFile."""
    if info.compress_type not in _PLAIN_METHODS or info.flag_bits & 0x61:
        return None  # encrypted (0x1), patched (0x20), strongly encrypted (0x40)
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size:
        return None
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04":
        return None
    name_len, extra_len = fields[10], fields[11]
    name_at = start + _LOCAL_HEADER.size
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        if data[name_at : name_at + name_len].decode(encoding) != info.orig_filename:
            return None
    except UnicodeDecodeError:
        return None
    at = name_at + name_len + extra_len
    packed = data[at : at + info.compress_size]
    if len(packed) != info.compress_size:
        raise zipfile.BadZipFile("truncated member")
    return packed


def _unpacked(info: zipfile.ZipInfo, packed: bytes) -> bytes:
    """A member's bytes from its packed bytes (what zipfile gives); a damaged member, or
    one whose CRC does not match, raises zipfile.BadZipFile or zlib.error."""
    if info.compress_type == zipfile.ZIP_DEFLATED:
        raw = zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
    else:
        raw = packed
    raw = raw[: info.file_size]  # as zipfile: at most the size stated, its CRC must match
    if zlib.crc32(raw) != info.CRC:
        raise zipfile.BadZipFile("bad CRC-32")
    return raw


# Members already unpacked and checked, by their packed bytes, method, CRC and size: the
# forms of a batch share most of theirs (theme, styles, workbook, relationships), and the
# same packed bytes unpack to the same member, which passes the same checks.
_CHECKED: dict[tuple[int, int, int, bytes], bytes] = {}
_CHECKED_LIMIT = 4 * 1024 * 1024  # bytes held, members and keys
_checked_bytes = 0


def _remember(key: tuple[int, int, int, bytes], raw: bytes) -> None:
    global _checked_bytes
    size = len(raw) + len(key[3])
    if size > _CHECKED_LIMIT // 8:
        return
    if _checked_bytes + size > _CHECKED_LIMIT:
        _CHECKED.clear()
        _checked_bytes = 0
    _CHECKED[key] = raw
    _checked_bytes += size


def _checked(data: bytes, parts: dict[str, bytes] | None) -> zipfile.ZipFile:

    def reject(reason: str) -> UnsafePackage:
        return UnsafePackage(reason)

    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise reject(
            "không phải tệp .xlsx (tệp Excel cũ .xls hoặc tệp có đặt mật khẩu); "
            "hãy mở bằng Excel và lưu lại dạng .xlsx, không đặt mật khẩu"
        )
    if data[:4] != b"PK\x03\x04":
        raise reject("không phải tệp Excel .xlsx (sai định dạng tệp)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise reject(
            "tệp .xlsx bị hỏng hoặc không đầy đủ (có thể bị cắt cụt khi sao chép)"
        ) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise reject(f"tệp nén có quá nhiều thành phần ({len(infos)}), không phải biểu mẫu")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise reject(
                f"dung lượng sau giải nén quá lớn ({total / 1048576:.0f} MB, tối đa "
                f"{MAX_UNPACKED_BYTES // 1048576} MB); nghi là tệp nén độc hại (zip bomb)"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
                raise reject(
                    f"tỷ lệ nén bất thường ({ratio:.0f} lần, thành phần {info.filename}); "
                    "nghi là tệp nén độc hại (zip bomb)"
                )
        if total > 1024 * 1024 and total > MAX_RATIO * max(packed, 1):
            raise reject(
                f"tỷ lệ nén bất thường ({total / max(packed, 1):.0f} lần); "
                "nghi là tệp nén độc hại (zip bomb)"
            )
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names:
            raise reject("không phải tệp Excel .xlsx (thiếu [Content_Types].xml)")
        for info in infos:
            if info.is_dir():
                continue
            key = None
            try:
                content = _packed(data, info)
                if content is None:  # anything unusual: zipfile's own reading and refusals
                    with zf.open(info) as fh:
                        raw = fh.read(info.file_size + 1)
                else:
                    key = (info.compress_type, info.CRC, info.file_size, content)
                    known = _CHECKED.get(key)
                    if known is not None:  # the very member met before: checked then
                        if parts is not None:
                            parts[info.filename] = known
                        continue
                    raw = _unpacked(info, content)
            except NotImplementedError:
                raise reject("tệp nén dùng kiểu nén không được hỗ trợ") from None
            except RuntimeError:  # encrypted member
                raise reject("tệp có đặt mật khẩu; hãy lưu lại không đặt mật khẩu") from None
            except Exception:  # BadZipFile (bad CRC), zlib.error, EOFError...
                raise reject(
                    "tệp .xlsx bị hỏng hoặc không đầy đủ (có thể bị cắt cụt khi sao chép)"
                ) from None
            probe = raw.replace(b"\x00", b"")  # UTF-16/32 text reads as ASCII this way
            # a declaration starts '<!' (in any case after it): most members have none, and
            # are not lowered whole to look for one
            low = probe.lower() if probe.find(b"<!") >= 0 else b""
            if low.find(b"<!doctype") >= 0 or low.find(b"<!entity") >= 0:
                raise reject(
                    f"tệp chứa khai báo DOCTYPE/ENTITY trong {info.filename} "
                    "(không được phép, có thể là tệp độc hại)"
                )
            m = _ENCODING_RE.match(probe[:300])
            if m and m.group(1).decode("ascii", "replace").lower() not in _ALLOWED_ENCODINGS:
                raise reject(
                    f"thành phần {info.filename} dùng bảng mã không được hỗ trợ "
                    f"({m.group(1).decode('ascii', 'replace')})"
                )
            if key is not None:
                _remember(key, raw)
            if parts is not None:
                parts[info.filename] = raw
    except BaseException:
        zf.close()
        raise
    return zf
