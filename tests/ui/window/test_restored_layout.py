"""A layout saved by an earlier run (a squeezed campaign dock, an activity count in a tab) opens
with whole place names and whole dock tab titles at laptop sizes (the GM's walk, 1440x900)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTabBar
from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings
from tests.e2e.window_layout_check import cut_tabs, cut_tree_items


def _open(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> MainWindow:
    w = MainWindow(store, services)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the dock layout settles one turn after showing
    return w


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)], ids=["1440x900", "1366x768"])
def test_a_squeezed_saved_layout_opens_readable(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> None:
    WindowSettings(services.settings_path).remember_table_ready_shown()
    first = _open(qtbot, store, services, size)
    docks = first.docks
    first.tree.setMinimumWidth(0)  # as an earlier version let it be
    for bar in first.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideRight)
    qtbot.wait(50)
    first.resizeDocks([docks["campaign"]], [120], Qt.Orientation.Horizontal)
    first.tabifyDockWidget(docks["tokens"], docks["displays"])  # a layout of an earlier version
    if size[0] == 1440:  # as the GM found it: "Vespe…", "Gal…"
        qtbot.waitUntil(lambda: cut_tree_items(first.tree) != [])
    first.close()
    second = _open(qtbot, store, services, size)
    second.activity.unseen_changed.emit(2)  # "ACTIVITY · 2"
    second.docks["tokens"].raise_()
    qtbot.wait(50)
    assert cut_tree_items(second.tree) == []
    assert cut_tabs(second) == []
    # No dock tab bar cuts its titles when its column narrows: it scrolls instead.
    bars = [bar for bar in second.findChildren(QTabBar) if bar.isVisible()]
    assert [bar.elideMode() for bar in bars] == [Qt.TextElideMode.ElideNone] * len(bars)
    second.close()


def test_the_dock_separator_is_wide_enough_to_grab(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = _open(qtbot, store, services, (1440, 900))
    extent = w.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, w)
    assert extent >= 5
    w.close()
