"""Vietnamese sort order as a plain Python key (no Qt, no ICU).

`vn_key(text)` sorts the way QCollator for vi_VN does in numeric mode: letters in the
Vietnamese alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …), tones compared only when
the letters are equal (none < huyền < hỏi < ngã < sắc < nặng), then lower case before
upper case; runs of digits compare as numbers (Xã Số 2 before Xã Số 10); spaces and
punctuation before digits, digits before letters. A key is a tuple that Python compares
by itself, so sorting thousands of rows costs no call through Qt per comparison.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_PUNCTUATION = {ch: i for i, ch in enumerate("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$")}
_TOKEN = re.compile(r"\d+|.[\u0300-\u036f]*", re.S)

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


def warm(texts: Iterable[str]) -> None:
    """Compute the keys of `texts` now (in a worker thread): the window's sort later finds
    them cached instead of computing thousands on the GUI thread."""
    for text in texts:
        vn_key(text)


@lru_cache(maxsize=65536)
def vn_key(text: str) -> SortKey:
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFD", text)):
        base = token[0]
        if base.isdigit():
            primary.append((2, int(token)))
            secondary.append(0)
            tertiary.append(0)
            continue
        tone = 0
        letter = base
        for mark in token[1:]:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                letter += mark
        letter = unicodedata.normalize("NFC", letter)
        lower = letter.lower()
        if lower in _RANK:
            primary.append((3, _RANK[lower]))
        elif base.isspace():
            primary.append((0, 0))
        elif lower.isalpha():
            primary.append((3, 100 + ord(lower[0])))
        else:
            primary.append((1, _PUNCTUATION.get(base, 100 + ord(base))))
        secondary.append(tone)
        tertiary.append(0 if letter == lower else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)
