"""Files in and out, whole or not at all, with storage failures named: used by store
(backups, the database file) and exchange (exports, forms, packages) alike, which may not
import each other. No database, no Qt; the words are desktop.domain.storage's."""

from .whole import (
    beside_name,
    describe,
    replace_or_keep,
    temporary_beside,
    write_bytes_whole,
    write_whole,
)

__all__ = [
    "Recovered",
    "beside_name",
    "describe",
    "recover_pending",
    "recover_sets",
    "replace_or_keep",
    "temporary_beside",
    "write_bytes_whole",
    "write_set",
    "write_whole",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .sets import Recovered, recover_pending, recover_sets, write_set

_OF_SETS = frozenset(("Recovered", "recover_pending", "recover_sets", "write_set"))


def __getattr__(name: str) -> object:
    """The export sets' names (desktop.files.sets), loaded when first asked for: a backup
    taken on opening the database writes a file whole and needs none of them."""
    if name in _OF_SETS:
        from . import sets

        return getattr(sets, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
