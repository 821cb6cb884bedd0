"""Frozen dataclass instances made in bulk: a province's check reads 20,000 units and
submissions and reports on each, and a frozen dataclass's __init__ sets every field
through object.__setattr__ (one call each), four times what the instance costs.

`made(cls, fields)` gives what cls(**fields) gives for a frozen dataclass without
__post_init__ when `fields` names every field in order: the same instance dictionary,
so the same fields, equality, hash and repr (tests/test_records.py holds each bulk
read to its class's own __init__).
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")

_new: Callable[[Any], Any] = object.__new__
_set = object.__setattr__


def made(cls: type[T], fields: dict[str, Any]) -> T:
    """cls(**fields), for a frozen dataclass given all its fields (see the module)."""
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    return obj  # type: ignore[no-any-return]
