"""Store errors, with messages for people."""

from __future__ import annotations

from ..domain.errors import DomainError


class StoreError(DomainError):
    """A database could not be opened or a change was refused."""


class DatabaseLocked(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class NotADatabase(StoreError):
    pass
