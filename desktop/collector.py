"""Pausing Python's cycle collector around bounded bulk work, and around importing the
modules of a command (tens of thousands of objects that live as long as the process:
rescanning them while they are made is a tenth to a fifth of the imports' time).

Evaluating a province's period or reading an Excel form allocates hundreds of
thousands of small objects, none of them cyclic; the cycle collector would rescan
them again and again (a third of the time of a `check`, a twentieth of an import).
The work is bounded (one period, one file), so pausing the collector costs no memory
that is not freed right after, when it is restored.

When the collector is restored, the objects allocated meanwhile are frozen (gc.freeze:
kept out of every later collection) instead of being left in the youngest generation:
otherwise the first collection after the pause walks all of them at once — 0.1 to 0.4 s
for a province's periods — holding the GIL, so that the window, whose worker thread ran
the evaluation, stops answering for that long. Frozen objects are still freed as soon
as nothing refers to them (reference counting); only a reference cycle among them
would wait until the next unfreeze, and this work makes none.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


@contextmanager
def collection_deferred() -> Iterator[None]:
    """The collector paused around bounded work that makes reference cycles of its own and
    keeps little of what it allocates (the official PDF: reportlab's document, canvas,
    frames and flowables refer to one another), restored with one collection of the
    youngest generation: what the work allocated and still holds, its cycles freed there.
    Not frozen, which would keep those cycles for good (a window exports many times)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)
