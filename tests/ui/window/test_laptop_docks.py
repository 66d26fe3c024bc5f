"""Every dock tab in view at laptop sizes, counts and all (the GM's walk: "SHIP COMPUTER (1
WAITING)" pushed DICE off the tab bar and cut its own title)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QLabel, QTabBar, QToolButton
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from tests.ui.laptop import open_window, whole_in

SIZES = [(1366, 768), (1440, 900)]


def _busy_table(store: Store) -> None:
    """Two questions waiting, a draft to approve, player moves unseen."""
    store.dispatch(a.SetCharonMode("QUERY"))
    channel = store.state.charon_channel
    for question in ("WHERE IS THE CAPTAIN?", "IS THE REACTOR STABLE?"):
        store.dispatch(a.SubmitQuestion(channel, question), actor="player")
    store.dispatch(a.QueueDraft(channel, "THE CAPTAIN IS ON THE BRIDGE."))


def _tabs(w: MainWindow) -> dict[str, tuple[QTabBar, int]]:
    """Each tabbed dock's title -> its tab bar and index."""
    found = {}
    for bar in w.findChildren(QTabBar):
        if bar.isVisible():
            found.update({bar.tabText(i): (bar, i) for i in range(bar.count())})
    return found


@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1440x900"])
def test_every_dock_tab_is_whole_and_in_view(
    qtbot: QtBot, store: Store, services: WindowServices, size: tuple[int, int]
) -> None:
    w = open_window(qtbot, store, services, size)
    _busy_table(store)
    w.activity.unseen_changed.emit(12)
    qtbot.waitUntil(lambda: w.docks["charon"].windowTitle() == "SHIP COMPUTER · 3")
    assert w.docks["activity"].windowTitle() == "ACTIVITY · 12"
    tip = w.docks["charon"].toolTip()
    assert tip == "2 player questions waiting for an answer\n1 draft waiting for your approval"
    # The tab bars take the new titles in a later turn of the loop (on a busy machine, later).
    qtbot.waitUntil(lambda: not _cut_tabs(w))
    tabs = _tabs(w)
    shown = [d for d in w.docks.values() if not d.isHidden()]
    tabbed = [d for d in shown if w.tabifiedDockWidgets(d)]
    assert {d.windowTitle() for d in tabbed} <= set(tabs)
    assert _cut_tabs(w) == []
    scrolling = [
        bar.tabText(0)
        for bar in w.findChildren(QTabBar)
        if bar.isVisible() and any(b.isVisible() for b in bar.findChildren(QToolButton))
    ]
    assert scrolling == []
    w.close()


def _cut_tabs(w: MainWindow) -> list[tuple[str, QRect, QRect]]:
    """The dock tabs not whole in their bar, or too narrow for their title."""
    cut = []
    for title, (bar, index) in _tabs(w).items():
        rect = bar.tabRect(index)
        whole = rect.left() >= 0 and rect.right() <= bar.rect().right()
        if not whole or bar.fontMetrics().horizontalAdvance(title) > rect.width() - 8:
            cut.append((title, rect, bar.rect()))
    return cut


def test_the_alerts_dock_keeps_stand_down_in_view_beside_the_alert_far_from_cancel(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = open_window(qtbot, store, services, (1366, 768))
    w.docks["alerts"].raise_()
    panel = w.alerts
    qtbot.waitUntil(panel.isVisible)
    w.alerts.alert_buttons["red_alert"].click()
    qtbot.waitUntil(lambda: "RED ALERT" in panel.active.text())
    assert panel.verticalScrollBar().value() == 0
    for key in ("red_alert", "intruder"):
        assert whole_in(panel.alert_buttons[key], panel), key
    assert whole_in(panel.stand_down, panel) and whole_in(panel.active, panel)
    stand_down = panel.stand_down.mapTo(panel, QPoint(0, 0))
    active = panel.active.mapTo(panel, QPoint(0, 0))
    assert abs(stand_down.y() - active.y()) < panel.stand_down.height()  # one row
    store.dispatch(a.StartTimer("SELF-DESTRUCT", 600))
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    [row] = panel.rows.values()
    qtbot.waitUntil(lambda: row.cancel.isVisible() and row.cancel.mapTo(panel, QPoint()).y() > 0)
    cancel = row.cancel.mapTo(panel, QPoint(0, 0))
    assert abs(cancel.y() - stand_down.y()) > 3 * panel.stand_down.height()
    panel.stand_down.click()
    assert store.state.warden.alerts == ()
    w.close()


def test_red_alert_shows_outside_the_alerts_dock_and_stands_down_in_one_click(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = open_window(qtbot, store, services, (1366, 768))
    w.docks["charon"].raise_()
    badge = w.alert_badge
    assert not badge.isVisible()
    store.dispatch(a.SetAlert("red_alert", True))
    qtbot.waitUntil(badge.isVisible)
    assert "RED ALERT" in badge.text() and "Stand down" in badge.text()
    assert w.statusBar().isAncestorOf(badge)
    assert w.alerts.visibleRegion().isEmpty()  # seen without the Alerts tab in front
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    assert store.state.warden.alerts == ()
    qtbot.waitUntil(lambda: not badge.isVisible())
    w.close()


def test_every_crew_vital_fits_the_crew_dock(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = open_window(qtbot, store, services, (1366, 768))
    w.docks["crew"].raise_()
    panel = w.crew
    qtbot.waitUntil(panel.isVisible)
    port = panel.viewport()
    assert panel.spins
    for (crew_id, gauge), spin in panel.spins.items():
        left = spin.mapTo(port, QPoint(0, 0)).x()
        assert left >= 0 and left + spin.width() <= port.width(), (crew_id, gauge)
        assert spin.width() >= spin.minimumSizeHint().width(), (crew_id, gauge)
    captions = [c for c in panel.findChildren(QLabel) if c.objectName() in ("Caption", "Heading")]
    for caption in captions:
        left = caption.mapTo(port, QPoint(0, 0)).x()
        assert left + caption.width() <= port.width(), caption.text()
        assert caption.fontMetrics().horizontalAdvance(caption.text()) <= caption.width()
    w.close()


def test_a_layout_saved_before_the_tab_groups_opens_as_the_new_default(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    first = open_window(qtbot, store, services, (1366, 768))
    first.tabifyDockWidget(first.docks["charon"], first.docks["star_map"])  # as it was
    settings = QSettings(str(services.settings_path), QSettings.Format.IniFormat)
    settings.setValue("window/state", first.saveState())  # an earlier version's layout
    settings.sync()
    first.hide()
    second = MainWindow(store, services)
    qtbot.addWidget(second)
    tabbed = {d.objectName() for d in second.tabifiedDockWidgets(second.docks["star_map"])}
    assert "DockTokens" in tabbed and "DockShipcomputer" not in tabbed
    first.close()


@pytest.mark.parametrize("busy", [False, True], ids=["quiet", "busy"])
def test_the_window_fits_a_laptop_screen(
    qtbot: QtBot, store: Store, services: WindowServices, busy: bool
) -> None:
    """Every dock in its default place, the window can still be as small as a 1366x768 screen
    (a dock's minimum height stacked in a column made it 858 px tall: the bottom was cut)."""
    if busy:
        _busy_table(store)
    w = open_window(qtbot, store, services, (1366, 768))
    need = w.minimumSizeHint().expandedTo(w.minimumSize())
    assert need.width() <= 1366 and need.height() <= 768, need
