"""Competition ranking: equal values share a rank, the next rank skips (1, 2, 2, 4)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def competition_ranks(
    values: Mapping[K, float | None], descending: bool = True
) -> dict[K, int | None]:
    """Rank every key by its value; keys without a value are unranked (None)."""
    present = [(k, round(v, 9)) for k, v in values.items() if v is not None]
    present.sort(key=lambda kv: kv[1], reverse=descending)
    ranks: dict[K, int | None] = {k: None for k in values}
    previous: float | None = None
    rank = 0
    for position, (key, value) in enumerate(present, start=1):
        if value != previous:
            rank = position
            previous = value
        ranks[key] = rank
    return ranks
