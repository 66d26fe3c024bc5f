"""The main window's docks and sizes: how a dock is made, the default layout, and the details
Qt's defaults get wrong on a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QTabBar, QWidget

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


def new_dock(
    window: QMainWindow, title: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    """A movable, closable, floatable dock titled in capitals, added to `area` of `window`."""
    dock = QDockWidget(title.upper(), window)
    dock.setObjectName(f"Dock{title.replace(' ', '')}")
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(area, dock)
    return dock


class WideScrollArea(QScrollArea):
    """Scrolls up and down only: never narrower than its panel needs (and its scroll bar), as
    the panel unscrolled was, so its dock column keeps its width and its tabs fit."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        width = inner.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the panel's minimum may have changed: the dock asks again
        return super().eventFilter(watched, event)


def scrolled(widget: QWidget, wide: bool = False) -> QScrollArea:
    """A panel that may be taller than its dock (the Displays panel's QR code and list);
    `wide`: never narrower than the panel's own minimum."""
    area = WideScrollArea() if wide else QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def size_docks(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Give the map most of the room at any window size (when no layout was saved)."""
    d, width, height = docks, window.width(), window.height()
    # Wide enough for whole place and NPC names at 1366 px; the map keeps the rest.
    left = min(340, max(280, width // 5))
    right = min(430, max(330, width // 4.4))
    window.resizeDocks([d["campaign"], d["tokens"]], [left, int(right)], Qt.Orientation.Horizontal)
    window.resizeDocks(
        [d["campaign"], d["portraits"]], [height // 2, height // 2], Qt.Orientation.Vertical
    )
    window.resizeDocks(
        [d["tokens"], d["charon"]],
        [height * 3 // 5, height * 2 // 5],
        Qt.Orientation.Vertical,
    )
    whole_tab_titles(window)


def fit_first_size(window: QMainWindow, width: int, height: int) -> None:
    """Resize to the preferred first size, never wider or taller than the screen's free area
    (a laptop's 1366x768 is smaller; a restored geometry is clamped by Qt itself)."""
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    window.resize(width, height)
