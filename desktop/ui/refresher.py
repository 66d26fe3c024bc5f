"""One store subscriber for every view: coalesces changes into one re-sync per loop turn."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.model.state import TableState
from desktop.model.store import VIEWS, Store

FRAME_MS = 16  # a burst of changes re-syncs (and repaints) at most once a frame


class ViewRefresher(QObject):
    """Subscribes at VIEWS; after any number of changes in a turn, emits `refreshed` once.

    A change after a quiet spell re-syncs at the next turn; changes in quick succession at most
    once per FRAME_MS, leaving the loop to the displays' writes.
    """

    refreshed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = False
        self._last = 0.0
        self._unsubscribe: Callable[[], None] | None = None
        self.attach(store)

    def attach(self, store: Store) -> None:
        """Follow another store (a campaign switch); the old subscription ends."""
        self.detach()
        self._unsubscribe = store.subscribe(self._on_change, VIEWS)
        self.schedule()

    def detach(self) -> None:
        """Stop following the store (the window closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_change(self, _state: TableState) -> None:
        # Runs inside Store.dispatch: never touch widgets here, only schedule.
        self.schedule()

    def schedule(self) -> None:
        """Ask for one re-sync at the next turn of the event loop."""
        if not self._pending:
            self._pending = True
            wait = self._last + FRAME_MS / 1000 - time.monotonic()
            QTimer.singleShot(max(0, round(wait * 1000)), self._flush)

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
