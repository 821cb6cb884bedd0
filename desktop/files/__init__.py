"""Files in and out, whole or not at all, with storage failures named: used by store
(backups, the database file) and exchange (exports, forms, packages) alike, which may not
import each other. No database, no Qt; the words are desktop.domain.storage's."""

from .sets import Recovered, recover_pending, recover_sets, write_set
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
