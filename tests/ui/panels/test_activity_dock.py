"""The Activity dock tells the GM what is new even behind another tab (issue 12, defect 6)."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from desktop.model.activity import REFUSED, ActivityEvent
from desktop.ui.window.main_window import MainWindow


def test_news_behind_a_tab_are_counted_on_it_and_shown_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock = window.docks["activity"]
    window.docks["tokens"].raise_()
    qtbot.waitUntil(lambda: window.activity.visibleRegion().isEmpty())
    text = "Refused move of Marlowe: the door to the Captain's Cabin is locked"
    window.report_activity(ActivityEvent(REFUSED, text, time.time()))
    assert dock.windowTitle() == "ACTIVITY · 1"
    assert window.statusBar().currentMessage() == f"Players: {text}"
    window.report_activity(ActivityEvent(REFUSED, text, time.time()))
    assert dock.windowTitle() == "ACTIVITY · 2"
    dock.raise_()
    qtbot.waitUntil(lambda: dock.windowTitle() == "ACTIVITY")
    assert window.activity.texts()[0].endswith(f"{text} (\u00d72)")  # the same refusal: one row


def test_long_rows_wrap_whole_at_the_docks_width(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    dock = window.docks["activity"]
    dock.raise_()
    qtbot.waitUntil(lambda: not window.activity.visibleRegion().isEmpty())
    texts = [
        "Display joined: Chrome at 192.168.100.200 (the tablet by the window, second table)",
        "Refused move of Dr. Halvard Sunde: ROUTE BLOCKED \u2014 NO PASSABLE DOOR ON THE WAY",
    ]
    for text in texts:
        window.report_activity(ActivityEvent(REFUSED, text, time.time()))
    tree = window.activity.list
    qtbot.wait(50)
    width = tree.viewport().width()
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        rect = tree.visualItemRect(item)
        column = tree.header().sectionSize(2)
        assert tree.header().sectionViewportPosition(2) + column <= width  # no sideways scroll
        need = tree.fontMetrics().boundingRect(
            0, 0, column - 12, 10_000, Qt.TextFlag.TextWordWrap, item.text(2)
        )  # the theme pads an item by 3 px above and below, 2 px each side; Qt's margins
        assert need.height() + 6 <= rect.height(), item.text(2)
