"""Layout details of the main window that Qt's defaults get wrong on a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

# The docks by use, each group one tab bar short enough to show every tab whole at 1366 px:
# finding and preparing (left, top), what the players see (left, bottom), the map's tokens and
# people (right, top), and what the GM reaches for while the table plays (right, bottom).
TAB_GROUPS = (
    ("campaign", "problems"),
    ("portraits", "displays"),
    ("tokens", "ship", "crew", "activity", "star_map"),
    ("charon", "dice", "alerts", "sound", "broadcast"),
)
IN_FRONT = ("campaign", "portraits", "tokens", "charon")


def arrange_docks(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The default layout: two columns of two tab groups each (TAB_GROUPS)."""
    window.splitDockWidget(docks["campaign"], docks["portraits"], Qt.Orientation.Vertical)
    window.splitDockWidget(docks["tokens"], docks["charon"], Qt.Orientation.Vertical)
    for group in TAB_GROUPS:
        for name in group[1:]:
            window.tabifyDockWidget(docks[group[0]], docks[name])
    for name in IN_FRONT:
        docks[name].raise_()


def whole_tab_titles(window: QMainWindow) -> None:
    """Dock tabs show whole titles ("SHIP COMPUTER · 1"), scrolling when they must: an
    elided "SHIP COMPUTER …" hides the very number the GM needs."""
    for bar in window.findChildren(QTabBar):
        if bar.elideMode() != Qt.TextElideMode.ElideNone:
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
