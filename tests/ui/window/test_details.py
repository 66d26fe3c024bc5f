"""Smaller behaviours: renaming, tree menus, unplaced tokens, zoom, coalesced re-syncs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.campaign.model import Campaign
from desktop.model import actions as a
from desktop.model.state import LocationState, TableState, Token
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP
from tests.ui.map.gestures import cell_point, drag
from tests.ui.map.test_map import menu_action


def test_rename_token_through_a_non_blocking_dialog(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.PlaceToken("npc", "Stranger", 9, 8))
    token_id = str(store.last_reply["token_id"])
    qtbot.waitUntil(lambda: token_id in window.map_panel.scene.tokens)
    view = window.map_panel.view
    menu_action(view.context_menu_at(cell_point(view, 9, 8)), "Rename…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QInputDialog)))
    (dialog,) = [d for d in view.findChildren(QInputDialog) if d.isVisible()]
    dialog.setTextValue("Overseer Brandt")
    dialog.accept()
    assert store.state.locations[SHIP].tokens[token_id].name == "Overseer Brandt"
    item = window.map_panel.scene.tokens[token_id]
    qtbot.waitUntil(lambda: item.shape_data.name == "Overseer Brandt")


def test_passages_have_no_door_menu(window: MainWindow) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    passage = next(d for d in scene.doors.values() if d.is_passage)
    menu = view.context_menu_at(view.mapFromScene(passage.scenePos()))
    assert menu is None or "Sealed" not in [x.text() for x in menu.actions()]


def test_unplaced_tokens_are_listed(
    qtbot: QtBot, campaign: Campaign, services: WindowServices
) -> None:
    lost = Token("tok1", "npc", "Lost technician", 3, 3, "deck_1", "")
    state = TableState(unplaced=((SHIP, lost),), locations={SHIP: LocationState("deck_1")})
    window = MainWindow(Store(campaign, state), services)
    qtbot.addWidget(window)
    texts = [window.tokens.unplaced.item(i).text() for i in range(window.tokens.unplaced.count())]
    assert any("Lost technician" in t for t in texts)
    window.displays.timer.stop()


def test_wheel_zooms_the_map(qtbot: QtBot, window: MainWindow) -> None:
    view = window.map_panel.view
    before = view.transform().m11()
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() > before
    window.menus.fit.trigger()
    assert view.transform().m11() != 0


def test_a_touchpad_pinch_zooms_the_map(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    view = window.map_panel.view
    pos = QPointF(view.viewport().rect().center())
    before = view.transform().m11()

    def pinch(value: float) -> None:
        event = QNativeGestureEvent(
            Qt.NativeGestureType.ZoomNativeGesture,
            QPointingDevice.primaryPointingDevice(),
            2,
            pos,
            pos,
            QPointF(view.viewport().mapToGlobal(pos.toPoint())),
            value,
            QPointF(0, 0),
        )
        QApplication.sendEvent(view.viewport(), event)

    pinch(0.25)  # fingers apart: closer
    assert view.transform().m11() == pytest.approx(before * 1.25)
    pinch(-0.2)  # together: farther
    assert view.transform().m11() == pytest.approx(before * 1.25 * 0.8)


def test_a_touch_screen_pinch_zooms_the_map(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QGestureEvent, QPinchGesture

    view = window.map_panel.view
    before = view.transform().m11()
    pinch = QPinchGesture()
    pinch.setScaleFactor(1.5)  # fingers apart by half again
    QApplication.sendEvent(view.viewport(), QGestureEvent([pinch]))
    assert view.transform().m11() == pytest.approx(before * 1.5)


def test_dragging_the_empty_floor_pans_the_map_without_scroll_bars(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.map_panel.view
    view.zoom_by(3.0)  # zoomed in: the deck is larger than the view
    assert not view.horizontalScrollBar().isVisible()
    assert not view.verticalScrollBar().isVisible()
    assert view.viewport().width() == view.width()  # the map has the whole width
    view.centerOn(view.sceneRect().topLeft())  # the deck's top-left: empty floor in sight
    area = view.viewport().rect()
    floor = next(
        QPoint(x, y)
        for y in range(10, area.height(), 20)
        for x in range(10, area.width(), 20)
        if view.itemAt(QPoint(x, y)) is None
    )
    before = view.mapToScene(area.center())
    drag(view, floor, floor - QPoint(120, 90))  # drag the floor up-left: the view goes down-right
    after = view.mapToScene(area.center())
    scale = view.transform().m11()
    assert after.x() - before.x() == pytest.approx(120 / scale, abs=2)
    assert after.y() - before.y() == pytest.approx(90 / scale, abs=2)


def test_many_changes_in_one_turn_resync_once(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    QApplication.processEvents()
    calls: list[int] = []
    window.refresher.refreshed.connect(lambda: calls.append(store.state.revision))
    for status in ("OPEN", "CLOSED", "LOCKED", "SEALED"):
        store.dispatch(a.SetDoorStatus("door_medbay", status))
    qtbot.waitUntil(lambda: len(calls) == 1)
    QApplication.processEvents()
    assert calls == [store.state.revision]
    assert window.map_panel.scene.doors["door_medbay"].shape_data.status == "SEALED"


def test_tree_menu_shows_a_location_to_players(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.tree.location_show_requested.emit("lantern_station")
    assert (store.state.view_type, store.state.location_slug) == ("ENCOUNTER", "lantern_station")
    assert window.focus.location_slug == "lantern_station"


def test_refused_toggle_shows_the_truth_again(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    from desktop.model.errors import Conflict

    def refuse(action: object, actor: str = "gm") -> object:
        raise Conflict("not now")

    store.dispatch = refuse  # type: ignore[method-assign]
    box = window.tokens.permissions.boxes["creature"]
    box.click()
    assert box.isChecked()  # the click itself ticks it...
    qtbot.waitUntil(lambda: not box.isChecked())  # ...and the re-sync puts the truth back
    assert window.statusBar().currentMessage() == "Refused: not now"


def test_a_resync_still_queued_when_the_window_closes_does_nothing(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    QApplication.processEvents()
    calls: list[int] = []
    window.refresher.refreshed.connect(lambda: calls.append(store.state.revision))
    queued = window.refresher._flush
    ran: list[bool] = []
    # The queued re-sync's timer takes this method when it is scheduled: seeing it run is seeing
    # the re-sync come due (no fixed wait for nothing to happen).
    window.refresher._flush = lambda: (queued(), ran.append(True))  # type: ignore[method-assign]
    store.dispatch(a.SetDoorStatus("door_medbay", "LOCKED"))  # queues a re-sync
    window.close()
    qtbot.waitUntil(lambda: ran == [True])
    assert calls == []
