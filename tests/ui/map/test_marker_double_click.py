"""A double-click on a marker or a terminal icon in a hidden room reveals the room, as a
double-click on the room itself does (the GM's walk: the icon swallowed the gesture)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP
from tests.ui.map.gestures import double_click


@pytest.mark.parametrize("kind", ["terminal:", "poi:"])
def test_double_click_on_a_marker_reveals_its_room(
    qtbot: QtBot, window: MainWindow, store: Store, kind: str
) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    revealed = store.state.locations[SHIP].revealed
    hidden = [
        (marker.scenePos(), room)
        for key, marker in scene.markers.items()
        if key.startswith(kind)
        for room in scene.rooms.values()
        if room.sceneBoundingRect().contains(marker.scenePos()) and room.room_id not in revealed
    ]
    where, room = hidden[0]
    double_click(view, view.mapFromScene(where))
    qtbot.waitUntil(lambda: room.room_id in store.state.locations[SHIP].revealed)
