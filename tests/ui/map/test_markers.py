"""Markers on the GM map: their names as the TV shows them, and their context menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.picture.shapes import CELL, MarkerShape
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP
from tests.ui.map.gestures import cell_point
from tests.ui.map.test_map import menu_action


def _drawn(name: str) -> QImage:
    scene = QGraphicsScene()
    scene.addItem(MarkerItem("poi:x", MarkerShape("x", "poi", "item", name, "r", 2.5, 2.5)))
    image = QImage(int(CELL * 5), int(CELL * 5), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(0, 0, CELL * 5, CELL * 5))
    painter.end()
    return image


def test_a_marker_shows_its_name_on_the_gm_map(qtbot: QtBot) -> None:
    assert _drawn("TRAUMA KIT") != _drawn("WWWWWWWW")
    assert _drawn("TRAUMA KIT") == _drawn("TRAUMA KIT")


def _marker_point(window: MainWindow, key: str) -> QPoint:
    view = window.map_panel.view
    return view.mapFromScene(window.map_panel.scene.markers[key].scenePos())


def _answer_rename(qtbot: QtBot, text: str) -> None:
    def dialog() -> QInputDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "RenameDialog"]
        visible = [w for w in found if isinstance(w, QInputDialog) and w.isVisible()]
        return visible[0] if visible else None

    qtbot.waitUntil(lambda: dialog() is not None)
    box = dialog()
    assert box is not None
    box.setTextValue(text)
    box.accept()


def test_a_marker_menu_renames_removes_and_hides_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.ToggleRoom("medbay", True))
    view, key = window.map_panel.view, "poi:poi_trauma_kit"
    qtbot.waitUntil(lambda: key in window.map_panel.scene.markers)
    menu = view.context_menu_at(_marker_point(window, key))
    assert menu is not None
    assert [x.text() for x in menu.actions() if x.text()][1:] == [
        "Hide from players",
        "Rename…",
        "Remove from map",
    ]
    menu_action(menu, "Rename…")
    _answer_rename(qtbot, "First-aid locker")
    assert store.state.locations[SHIP].marker_names == {"poi_trauma_kit": "First-aid locker"}
    pois = store.player_frame().snapshot["encounter_map"]["pois"]  # type: ignore[index]
    assert "First-aid locker" in [p["name"] for p in pois]
    qtbot.waitUntil(
        lambda: window.map_panel.scene.markers[key].shape_data.name == "First-aid locker"
    )
    menu_action(view.context_menu_at(_marker_point(window, key)), "Remove from map")
    assert store.state.locations[SHIP].removed_markers == {"poi_trauma_kit"}
    qtbot.waitUntil(lambda: key not in window.map_panel.scene.markers)
    assert store.undo_label == "Remove TRAUMA KIT"
    window.menus.undo.trigger()
    qtbot.waitUntil(lambda: key in window.map_panel.scene.markers)


def test_a_terminal_menu_still_shows_its_mail(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    view = window.map_panel.view
    key = next(k for k in window.map_panel.scene.markers if k.startswith("terminal:"))
    menu = view.context_menu_at(_marker_point(window, key))
    menu_action(menu, "Show terminal on displays")
    assert store.state.overlay_terminal != ""


def _room_description(store: Store, room_id: str) -> str:
    rooms = store.player_frame().snapshot["encounter_map"]["rooms"]  # type: ignore[index]
    return str(next(r for r in rooms if r["id"] == room_id)["description"])


def test_a_room_menu_shows_or_hides_its_description_for_players(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    view = window.map_panel.view
    assert _room_description(store, "airlock") != ""
    menu = view.context_menu_at(cell_point(view, 2, 8))  # inside the port airlock
    menu_action(menu, "Hide description from players")
    assert _room_description(store, "airlock") == ""
    qtbot.waitUntil(
        lambda: not window.map_panel.scene.rooms["airlock"].shape_data.description_shown
    )
    menu = view.context_menu_at(cell_point(view, 2, 8))
    menu_action(menu, "Show description to players")
    assert _room_description(store, "airlock") != ""


def test_any_marker_can_be_hidden_from_players_from_its_menu(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    key = "poi:poi_docking_collar"  # in the port airlock, shown by the campaign
    pois = store.player_frame().snapshot["encounter_map"]["pois"]  # type: ignore[index]
    assert "poi_docking_collar" in [p["id"] for p in pois]
    menu_action(
        window.map_panel.view.context_menu_at(_marker_point(window, key)), "Hide from players"
    )
    pois = store.player_frame().snapshot["encounter_map"]["pois"]  # type: ignore[index]
    assert "poi_docking_collar" not in [p["id"] for p in pois]
    qtbot.waitUntil(lambda: window.map_panel.scene.markers[key].shape_data.concealed)
    menu_action(
        window.map_panel.view.context_menu_at(_marker_point(window, key)), "Reveal to players"
    )
    pois = store.player_frame().snapshot["encounter_map"]["pois"]  # type: ignore[index]
    assert "poi_docking_collar" in [p["id"] for p in pois]
