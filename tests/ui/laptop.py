"""The GM window opened at a screen's size as a GM meets it (past the first start), and whether
a widget is drawn whole in a scroll area's visible part: shared by the laptop-size tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings


def open_window(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> MainWindow:
    WindowSettings(services.settings_path).remember_table_ready_shown()
    w = MainWindow(store, services)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the first-size dock layout runs one turn after showing
    return w


def whole_in(widget: QWidget, area: QScrollArea) -> bool:
    """The widget drawn whole inside the scroll area's visible part (nothing to scroll to)."""
    port = area.viewport()
    top_left = widget.mapTo(port, QPoint(0, 0))
    return widget.isVisible() and port.rect().contains(QRect(top_left, widget.size()))
