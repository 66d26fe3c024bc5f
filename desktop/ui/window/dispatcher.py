"""The one place the window changes the table: refused actions show in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.model.actions.base import Action
from desktop.model.errors import DomainError
from desktop.model.store import Store

log = logging.getLogger(__name__)

ERROR_TIMEOUT_MS = 8000
INFO_TIMEOUT_MS = 4000


class Dispatcher(QObject):
    """Dispatches GM actions, undo and redo; a DomainError becomes a status-bar message."""

    message_shown = Signal(str, int)  # text, timeout in ms
    refused = Signal(str)  # the reason an action, undo or redo was refused

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    def dispatch(self, action: Action) -> bool:
        """Apply an action as the GM; False (and the reason shown) when it was refused."""
        try:
            self._store.dispatch(action)
        except DomainError as error:
            self._refuse(error.message)
            return False
        return True

    def undo(self) -> bool:
        """Undo the GM's last change."""
        return self._step(self._store.undo, self._store.undo_label, "Undone")

    def redo(self) -> bool:
        """Redo the change undone last."""
        return self._step(self._store.redo, self._store.redo_label, "Redone")

    def _step(self, step: Callable[[], object], label: str | None, done: str) -> bool:
        try:
            step()
        except DomainError as error:
            self._refuse(error.message)
            return False
        self.message_shown.emit(f"{done}: {label}" if label else done, INFO_TIMEOUT_MS)
        return True

    def refuse(self, message: str) -> None:
        """Show why a request never became an action (a bad dice expression, say)."""
        self._refuse(message)

    def _refuse(self, message: str) -> None:
        log.info("refused: %s", message)
        self.refused.emit(message)
        self.message_shown.emit(f"Refused: {message}", ERROR_TIMEOUT_MS)
