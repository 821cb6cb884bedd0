"""The cycle collector paused around bulk work: what that work built is frozen out of
later collections (the first collection after the pause would otherwise walk all of it
at once, holding the GIL and freezing the window), and is still freed when dropped."""

from __future__ import annotations

import gc
import weakref

from desktop.store.collector import collection_paused


class Piece:
    pass


def test_what_was_built_while_paused_is_frozen_and_still_freed() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with collection_paused():
        assert not gc.isenabled()
        built = [Piece() for _ in range(5000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + 5000
    assert not any(p is built[0] for p in gc.get_objects(generation=0))
    probe = weakref.ref(built[0])
    del built
    assert probe() is None  # frozen is not kept: reference counting frees it


def test_a_paused_collector_stays_paused_after_nested_work() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


class Linked:
    def __init__(self) -> None:
        self.other: Linked | None = None


def test_deferred_collection_frees_the_cycles_made_meanwhile_and_freezes_nothing() -> None:
    from desktop.collector import collection_deferred

    assert gc.isenabled()
    gc.collect()
    before = gc.get_freeze_count()
    with collection_deferred():
        assert not gc.isenabled()
        a, b = Linked(), Linked()
        a.other, b.other = b, a
        probe = weakref.ref(a)
        kept = [Piece() for _ in range(1000)]
        del a, b
        assert probe() is not None  # a cycle: reference counting alone keeps it
    assert gc.isenabled()
    assert probe() is None  # collected when the collector came back
    assert gc.get_freeze_count() == before
    assert len(kept) == 1000


def test_a_deferred_collection_inside_a_paused_one_leaves_the_collector_paused() -> None:
    from desktop.collector import collection_deferred

    gc.disable()
    try:
        with collection_deferred():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
