"""Plain rows: a table read through Core, for reads that need no ORM objects.

Evaluating a province's period reads thousands of units and over 100,000 values;
as plain rows they skip the ORM's identity map, result processing and, in a fresh
process, its one-off mapper set-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Select, Table, bindparam, select
from sqlalchemy.orm import Session

from .models import Base


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def plain_rows(
    session: Session, model: type[Base], *, order_by: Sequence[str] = (), **where: object
) -> CursorResult[Any]:
    """The rows of `model`'s table where each column equals its value, in the
    session's transaction; a row reads like the object (`row.code`)."""
    # None compares as IS NULL (as `column == None` does), every other value is bound
    keys = tuple((k, v is None) for k, v in where.items())
    statement = _statement(model, keys, tuple(order_by))
    params = {f"w_{k}": v for k, v in where.items() if v is not None}
    return session.connection().execute(statement, params)


_Shape = tuple[type[Base], tuple[tuple[str, bool], ...], tuple[str, ...]]
_STATEMENTS: dict[_Shape, Select[Any]] = {}


def _statement(
    model: type[Base], keys: tuple[tuple[str, bool], ...], order_by: tuple[str, ...]
) -> Select[Any]:
    """The SELECT of `model`'s rows by `keys` (bound parameters), built once per shape:
    an import runs the same few per file, and building one costs more than running it."""
    found = _STATEMENTS.get((model, keys, order_by))
    if found is None:
        table = table_of(model)
        found = (
            select(table)
            .where(
                *(
                    table.c[k].is_(None) if null else table.c[k] == bindparam(f"w_{k}")
                    for k, null in keys
                )
            )
            .order_by(*(table.c[k] for k in order_by))
        )
        _STATEMENTS[(model, keys, order_by)] = found
    return found
