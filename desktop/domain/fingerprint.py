"""The fingerprint of an office's public key, as people read it aloud to compare:
eight groups of four hexadecimal digits of its SHA-256 ("3F2A 9C01 …")."""

from __future__ import annotations

import hashlib


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))
