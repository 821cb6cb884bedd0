"""Frozen dataclasses made in bulk (domain.records.made) are what their own __init__
makes: every field, in order, with the same value, equality, hash and repr; a field
added to a class and forgotten by a bulk read fails here."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.period_report import SubmissionInfo, UnitReport
from desktop.domain.plan import Unit
from desktop.domain.records import made
from desktop.store import plain_reads
from desktop.store.database import Database
from desktop.store.plans import session_rows


def same_as_init(obj: object) -> None:
    assert dataclasses.is_dataclass(obj) and not isinstance(obj, type)
    names = [f.name for f in dataclasses.fields(obj)]
    assert list(vars(obj)) == names  # every field, none more, in the class's order
    by_init = dataclasses.replace(obj)  # type: ignore[type-var]
    assert vars(by_init) == vars(obj) and by_init == obj and repr(by_init) == repr(obj)


def test_made_is_the_init_of_a_frozen_dataclass() -> None:
    fields = {"code": "X1", "name": "Xã Một", "kind": "commune", "block": None,
              "active_from": None, "active_to": None, "merged_into": None,
              "former_names": ()}
    unit = made(Unit, dict(fields))
    assert unit == Unit(**fields) and hash(unit) == hash(Unit(**fields))
    same_as_init(unit)
    with pytest.raises(dataclasses.FrozenInstanceError):
        unit.name = "Xã Hai"  # type: ignore[misc]


def test_a_period_read_in_bulk_is_made_as_by_init(demo_target: str) -> None:
    with Database.open(demo_target, backup=False) as db, db.reading() as s:
        rows = session_rows(s)
        report = plain_reads.evaluate(rows, "2023")
        units = plain_reads.units(rows, report.period.ends)
        subs = plain_reads.submissions(rows, plain_reads.period_id(rows, "2023") or 0)
    assert units and subs and report.units
    for u in units:
        same_as_init(u)
    for sub in subs.values():
        assert isinstance(sub, SubmissionInfo)
        same_as_init(sub)
    for r in report.units:
        assert isinstance(r, UnitReport)
        same_as_init(r)
        same_as_init(r.unit)
