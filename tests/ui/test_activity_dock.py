"""The Activity dock tells the GM what is new even behind another tab (issue 12, defect 6)."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from desktop.model.activity import REFUSED, ActivityEvent
from desktop.ui.main_window import MainWindow


def test_news_behind_a_tab_are_counted_on_it_and_shown_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock = window.docks["activity"]
    window.docks["tokens"].raise_()
    qtbot.waitUntil(lambda: window.activity.visibleRegion().isEmpty())
    text = "Refused move of Marlowe: the door to the Captain's Cabin is locked"
    window.report_activity(ActivityEvent(REFUSED, text, time.time()))
    assert dock.windowTitle() == "ACTIVITY (1 NEW)"
    assert window.statusBar().currentMessage() == f"Players: {text}"
    window.report_activity(ActivityEvent(REFUSED, text, time.time()))
    assert dock.windowTitle() == "ACTIVITY (2 NEW)"
    dock.raise_()
    qtbot.waitUntil(lambda: dock.windowTitle() == "ACTIVITY")
    assert window.activity.texts()[0].endswith(text)
