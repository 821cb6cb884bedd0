"""Files dropped on the main window (`DropsForms`), handed to its exchange actions."""

from __future__ import annotations

from typing import Any, Protocol


class DropHandler(Protocol):
    def drag(self, event: Any) -> bool: ...

    def drop(self, event: Any) -> bool: ...


class DropsForms:
    """Mixin for a main window (first among its bases): .xlsx files or folders dragged
    onto it go to `drops` (exchange_actions.install sets it). Overrides of the drag
    events, which Qt calls for drags only: an event filter on the window was called for
    each of its events (about 570 at an F5), each a Python call waiting for the GIL."""

    drops: DropHandler | None = None

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if self.drops is None or not self.drops.drag(event):
            super().dragEnterEvent(event)  # type: ignore[misc]

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if self.drops is None or not self.drops.drag(event):
            super().dragMoveEvent(event)  # type: ignore[misc]

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        if self.drops is None or not self.drops.drop(event):
            super().dropEvent(event)  # type: ignore[misc]
