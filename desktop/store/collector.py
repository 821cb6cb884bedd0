"""Pausing Python's cycle collector around bounded bulk work.

Evaluating a province's period or reading an Excel form allocates hundreds of
thousands of small objects, none of them cyclic; the cycle collector would rescan
them again and again (a third of the time of a `check`, a twentieth of an import).
The work is bounded (one period, one file), so pausing the collector costs no memory
that is not freed right after, when it is restored.
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
            gc.enable()
