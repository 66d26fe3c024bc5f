"""One store subscriber for every view: coalesces changes into one re-sync, after the displays."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.model.state import TableState
from desktop.model.store import VIEWS, Store

FRAME = 0.016  # seconds: a burst of changes re-syncs (and repaints) at most once a frame
BURST_GAP = 0.004  # seconds: changes closer than this come from a script, not a person


class ViewRefresher(QObject):
    """Subscribes at VIEWS; after any number of changes in a turn, emits `refreshed` once.

    The re-sync is queued on the running event loop, behind the broadcaster's flush that the
    same change scheduled (the store notifies BROADCAST before VIEWS, and the loop runs its
    callbacks in order): the displays get their frame first, the GM's window right after.
    A change at human pace re-syncs at once; changes in a burst at most once per FRAME,
    leaving the loop to the displays' writes.
    """

    refreshed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = False
        self._last = float("-inf")  # when the last re-sync ran
        self._last_change = float("-inf")
        self._unsubscribe: Callable[[], None] | None = store.subscribe(self._on_change, VIEWS)
        self.schedule()

    def detach(self) -> None:
        """Stop following the store (the window closes); a re-sync still queued does nothing."""
        self._pending = False
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_change(self, _state: TableState) -> None:
        # Runs inside Store.dispatch: never touch widgets here, only schedule.
        self.schedule()

    def schedule(self) -> None:
        """Ask for one re-sync: at once after the displays' flush, or at the next frame."""
        now = time.monotonic()
        burst = now - self._last_change < BURST_GAP
        self._last_change = now
        if self._pending:
            return
        self._pending = True
        wait = max(0.0, self._last + FRAME - now) if burst else 0.0
        loop = asyncio.get_running_loop()  # Qt's, through qasync (in tests too: qloop)
        if wait > 0:
            loop.call_later(wait, self._flush)
        else:
            loop.call_soon(self._flush)

    def flush(self) -> None:
        """Re-sync now if a change is pending (tests and benchmarks)."""
        if self._pending:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._last = time.monotonic()
        self.refreshed.emit()
