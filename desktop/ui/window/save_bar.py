"""A red bar across the top of the window while the table cannot be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from desktop.ui.look.colors import RED, RED_DIM


class SaveFailureBar(QToolBar):
    """Hidden while every change is saved; "Table not saved: <reason>" when one was not.

    `show_status(reason)` is safe to call from the store's commit (same thread): an empty
    reason hides the bar again.
    """

    status_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Save status", parent)
        self.setObjectName("SaveFailureBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not in the toolbar menu: it is no choice
        self.label = QLabel("")
        self.label.setObjectName("SaveFailureText")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(
            f"background: {RED_DIM}; color: white; border: 2px solid {RED};"
            " padding: 6px 10px; font-weight: bold;"
        )
        self.addWidget(self.label)
        self.setVisible(False)

    def show_status(self, reason: str) -> None:
        self.label.setText(f"Table not saved: {reason}" if reason else "")
        self.setVisible(bool(reason))
        self.status_changed.emit(reason)


def add_save_bar(window: QMainWindow) -> SaveFailureBar:
    """The bar on a row of its own under the window's toolbar."""
    bar = SaveFailureBar(window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
