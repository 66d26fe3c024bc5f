"""A display's GM frame on the GM map: drawn where its camera is, named, dragged and resized with
the mouse; releasing sets that display's camera, and its own frame carries the rectangle."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.window.main_window import MainWindow
from tests.ui.map.gestures import drag

TV = "tv-bridge-01"


def _frame_camera(store: Store) -> dict[str, object]:
    """The camera in the bytes the TV's page is sent."""
    line = store.player_frame(TV).data.decode().strip().removeprefix("data: ")
    camera: dict[str, object] = json.loads(line)["display"]["camera"]
    return camera


def _camera(store: Store) -> tuple[str, float, float, float, float]:
    c = store.state.displays[TV].camera
    return c.mode, c.x, c.y, c.w, c.h


def _framed(window: MainWindow, store: Store) -> None:
    frame = {"mode": "frame", "x": 2, "y": 1, "w": 8, "h": 5}
    store.dispatch(a.SetDisplay.from_body({"name": "Bridge TV", "camera": frame}, display=TV))


def test_the_frame_is_drawn_named_where_the_camera_is(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _framed(window, store)
    scene = window.map_panel.scene
    qtbot.waitUntil(lambda: TV in scene.frames)
    item = scene.frames[TV]
    assert item.shape_data.name == "Bridge TV"
    assert (item.pos().x(), item.pos().y()) == (2 * CELL, 1 * CELL)
    assert item.rect_cells() == (2.0, 1.0, 8.0, 5.0)
    # Another deck than the displays show: no frame there.
    window.focus.set("hadal_wren", "deck_2")
    qtbot.waitUntil(lambda: not scene.frames)


def test_dragging_the_frame_moves_the_display_camera(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _framed(window, store)
    view, scene = window.map_panel.view, window.map_panel.scene
    qtbot.waitUntil(lambda: TV in scene.frames)
    # Grab its top edge, a little right of the name tab, and carry it 3 cells right, 2 down.
    start = QPointF(6.5 * CELL, 1 * CELL)
    end = start + QPointF(3 * CELL, 2 * CELL)
    drag(view, view.mapFromScene(start), view.mapFromScene(end))
    qtbot.waitUntil(lambda: _camera(store) == ("frame", 5.0, 3.0, 8.0, 5.0))
    assert _frame_camera(store) == {
        "mode": "frame",
        "target": "",
        "x": 5.0,
        "y": 3.0,
        "w": 8.0,
        "h": 5.0,
        "diagonal": 0.0,
    }
    qtbot.waitUntil(lambda: scene.frames[TV].rect_cells() == (5.0, 3.0, 8.0, 5.0))


def test_dragging_the_corner_resizes_the_display_camera(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _framed(window, store)
    view, scene = window.map_panel.view, window.map_panel.scene
    qtbot.waitUntil(lambda: TV in scene.frames)
    corner = QPointF(10 * CELL, 6 * CELL)  # (2 + 8, 1 + 5) cells
    end = corner + QPointF(4 * CELL, 2 * CELL)
    drag(view, view.mapFromScene(corner), view.mapFromScene(end))
    qtbot.waitUntil(lambda: _camera(store) == ("frame", 2.0, 1.0, 12.0, 7.0))
    camera = _frame_camera(store)
    assert (camera["x"], camera["y"], camera["w"], camera["h"]) == (2.0, 1.0, 12.0, 7.0)


def test_a_press_inside_the_frame_still_reaches_the_room_under_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _framed(window, store)
    view, scene = window.map_panel.view, window.map_panel.scene
    qtbot.waitUntil(lambda: TV in scene.frames)
    inside = view.mapFromScene(QPointF(6 * CELL, 3.5 * CELL))
    assert scene.item_kind(view.itemAt(inside)) != "frame"


def test_a_resize_stops_at_two_cells(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    _framed(window, store)
    view, scene = window.map_panel.view, window.map_panel.scene
    qtbot.waitUntil(lambda: TV in scene.frames)
    corner = QPointF(10 * CELL, 6 * CELL)
    drag(view, view.mapFromScene(corner), view.mapFromScene(QPointF(0, 0)))
    qtbot.waitUntil(lambda: _camera(store) == ("frame", 2.0, 1.0, 2.0, 2.0))
