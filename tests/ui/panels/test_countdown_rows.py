"""The Alerts dock's countdowns: each with its own Pause / +1 min / Cancel, in view without
scrolling at the default and the laptop size; one at zero turns red, reads 00:00 and marks the
dock's tab, and the dock stops ticking."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTabBar, QToolButton
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.look import colors
from desktop.ui.services import WindowServices
from tests.ui.laptop import open_window, whole_in


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)], ids=["1440x900", "1366x768"])
def test_each_countdown_has_its_controls_in_view(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> None:
    w = open_window(qtbot, store, services, size)
    w.docks["alerts"].raise_()
    panel = w.alerts
    qtbot.waitUntil(panel.isVisible)
    store.dispatch(a.StartTimer("SELF-DESTRUCT", 600))
    store.dispatch(a.StartTimer("O2 RESERVE", 2700))
    qtbot.waitUntil(lambda: len(panel.rows) == 2)
    first, second = panel.rows.values()
    qtbot.waitUntil(lambda: "O2 RESERVE" in second.text.text() and second.cancel.isVisible())
    qtbot.waitUntil(lambda: second.cancel.mapTo(panel, QPoint(0, 0)).y() > 0)  # laid out
    assert panel.verticalScrollBar().value() == 0
    for row in (first, second):
        for control in (row.pause, row.add, row.cancel):
            where = control.mapTo(panel.viewport(), QPoint(0, 0))
            assert whole_in(control, panel), (
                row.text.text(),
                control.text(),
                where,
                panel.viewport().size(),
            )
    # Each countdown's buttons on their own row, under its name.
    assert first.cancel.mapTo(panel, QPoint(0, 0)).y() < second.text.mapTo(panel, QPoint(0, 0)).y()
    second.pause.click()
    assert store.state.warden.timers[second.timer_id].paused
    assert not store.state.warden.timers[first.timer_id].paused
    w.close()


def test_a_countdown_at_zero_turns_red_and_marks_the_tab(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = open_window(qtbot, store, services, (1366, 768))
    w.docks["charon"].raise_()  # the Alerts dock behind another tab: the mark still shows
    store.dispatch(a.SetCharonMode("QUERY"))  # its tab counts too: "SHIP COMPUTER · 3"
    channel = store.state.charon_channel
    for question in ("WHERE IS THE CAPTAIN?", "IS THE REACTOR STABLE?"):
        store.dispatch(a.SubmitQuestion(channel, question), actor="player")
    store.dispatch(a.QueueDraft(channel, "THE CAPTAIN IS ON THE BRIDGE."))
    panel = w.alerts
    store.dispatch(a.StartTimer("SELF-DESTRUCT", 600))
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    [row] = panel.rows.values()
    assert w.docks["alerts"].windowTitle() == "ALERTS"
    dim = row.text.palette().color(QPalette.ColorRole.WindowText).name()
    later = round(time.time() * 1000) + 11 * 60_000
    panel.now_ms = lambda: later  # eleven minutes on
    qtbot.waitUntil(lambda: row.ended, timeout=10_000)
    assert row.text.text() == "SELF-DESTRUCT  00:00"
    red = row.text.palette().color(QPalette.ColorRole.WindowText).name()
    assert red == colors.RED and red != dim
    assert w.docks["alerts"].windowTitle() == "ALERTS !"
    qtbot.wait(50)  # the tab bars take the new titles
    scrolling = [  # the mark fits: every tab still whole at a laptop's size
        bar.tabText(0)
        for bar in w.findChildren(QTabBar)
        if bar.isVisible() and any(b.isVisible() for b in bar.findChildren(QToolButton))
    ]
    assert scrolling == []
    assert not panel._tick.isActive()  # nothing left to count: no more ticks
    panel.now_ms = lambda: round(time.time() * 1000)  # back to now
    row.add.click()  # a minute more: counting again, the mark goes
    qtbot.waitUntil(lambda: not row.ended)
    assert w.docks["alerts"].windowTitle() == "ALERTS"
    assert panel._tick.isActive()
    w.close()
