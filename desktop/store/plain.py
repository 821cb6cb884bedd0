"""Plain rows: a table read through Core, for reads that need no ORM objects.

Evaluating a province's period reads thousands of units and over 100,000 values;
as plain rows they skip the ORM's identity map, result processing and, in a fresh
process, its one-off mapper set-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Table, select
from sqlalchemy.orm import Session

from .models import Base


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def plain_rows(
    session: Session, model: type[Base], *, order_by: Sequence[str] = (), **where: object
) -> CursorResult[Any]:
    """The rows of `model`'s table where each column equals its value, in the
    session's transaction; a row reads like the object (`row.code`)."""
    table = table_of(model)
    return session.connection().execute(
        select(table)
        .where(*(table.c[k] == v for k, v in where.items()))
        .order_by(*(table.c[k] for k in order_by))
    )
