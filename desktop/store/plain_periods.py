"""The plan's reporting periods read with plain SQL, and the way every plain read runs on
a SQLite file (`sqlite_rows`): the part of plain_reads.py (which re-exports it) that
`thidua periods` needs, so that listing the periods builds none of the plan's other
classes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from ..domain.period import Period, ReviewKind
from .errors import NO_PLAN, StoreError
from .stored_days import stored_day as _day

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    # (statement, parameters) -> rows
    Rows = Callable[[str, Mapping[str, object]], Iterable[Sequence[Any]]]
# Rows are fetched in batches: fetching a province's 100,000 values at once holds the GIL
# for one call of ~0.15 s, freezing the window whose worker thread this runs on; between
# batches the GUI thread gets its turn (and row by row would be slow).
FETCH_BATCH = 4000


def sqlite_rows(con: sqlite3.Connection) -> Rows:
    def rows(sql: str, params: Mapping[str, object]) -> Iterator[Sequence[Any]]:
        cursor = con.execute(sql, params)
        while batch := cursor.fetchmany(FETCH_BATCH):
            yield from batch

    return rows


def plan_id(rows: Rows) -> int:
    found = list(rows('SELECT id FROM "plan" ORDER BY id LIMIT 1', {}))
    if not found:
        raise StoreError(NO_PLAN)
    return int(found[0][0])


def periods(rows: Rows, pid: int | None = None) -> tuple[Period, ...]:
    """The plan's periods in the plan's order (start, deadline, code)."""
    pid = plan_id(rows) if pid is None else pid
    found = rows(
        "SELECT code, label, deadline, starts, ends, review FROM period "
        "WHERE plan_id = :pid ORDER BY starts, deadline, code",
        {"pid": pid},
    )
    return tuple(
        Period(
            code=code,
            label=label,
            deadline=_day(deadline),  # type: ignore[arg-type]  # NOT NULL columns
            starts=_day(starts),  # type: ignore[arg-type]
            ends=_day(ends),  # type: ignore[arg-type]
            review=ReviewKind(review),
        )
        for code, label, deadline, starts, ends, review in found
    )
