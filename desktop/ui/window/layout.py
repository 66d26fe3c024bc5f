"""Layout details of the main window that Qt's defaults get wrong on a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar


def whole_tab_titles(window: QMainWindow) -> None:
    """Dock tabs show whole titles ("SHIP COMPUTER (1 WAITING)"), scrolling when they must:
    an elided "SHIP COMPUTER (1 WAITI…" hides the very number the GM needs."""
    for bar in window.findChildren(QTabBar):
        if bar.elideMode() != Qt.TextElideMode.ElideNone:
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
