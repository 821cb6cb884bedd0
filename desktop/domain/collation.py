"""Vietnamese sort order as a plain Python key (no Qt, no ICU).

`vn_key(text)` sorts the way QCollator for vi_VN does in numeric mode: letters in the
Vietnamese alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …), tones compared only when
the letters are equal (none < huyền < hỏi < ngã < sắc < nặng), then lower case before
upper case; runs of digits compare as numbers (Xã Số 2 before Xã Số 10); spaces and
punctuation before digits, digits before letters. A key is three strings that Python
compares by itself, so sorting thousands of rows costs no call through Qt per comparison
(strings, not tuples of tuples: comparing two "Xã Số …" names is then one string
comparison, some thirty times quicker than seven nested tuples).
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

SortKey = tuple[str, str, str]


def warm(texts: Iterable[str]) -> None:
    """Compute the keys of `texts` now (in a worker thread): the window's sort later finds
    them cached instead of computing thousands on the GUI thread."""
    for text in texts:
        vn_key(text)


@lru_cache(maxsize=65536)
def vn_key(text: str) -> SortKey:
    """(letters, tones, cases), each a string compared by code points. A letter, a space
    or a punctuation mark is three characters (its class, then its rank in two 16-bit
    halves); a run of digits is its class, its length and its digits, so that equal
    lengths compare digit by digit and a shorter number sorts first."""
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFD", text)):
        base = token[0]
        if base.isdigit():
            digits = str(int(token))
            primary.append(_NUMBER + chr(len(digits)) + digits)
            secondary.append(_ZERO)
            tertiary.append(_ZERO)
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
            primary.append(_item(3, _RANK[lower]))
        elif base.isspace():
            primary.append(_item(0, 0))
        elif lower.isalpha():
            primary.append(_item(3, 100 + ord(lower[0])))
        else:
            primary.append(_item(1, _PUNCTUATION.get(base, 100 + ord(base))))
        secondary.append(chr(tone))
        tertiary.append(_ZERO if letter == lower else _ONE)
    return "".join(primary), "".join(secondary), "".join(tertiary)


_NUMBER = chr(2 + 1)  # the class of a run of digits (classes are shifted by one: no NUL)
_ZERO, _ONE = chr(0), chr(1)


def _item(kind: int, rank: int) -> str:
    return chr(kind + 1) + chr(rank >> 16) + chr(rank & 0xFFFF)
