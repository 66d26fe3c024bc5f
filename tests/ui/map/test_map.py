"""The map: deliberate reveals, door menus, token drags and drops, redraws from the store."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.token_mime import TokenTemplate, encode
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP
from tests.ui.map.gestures import cell_point, click, double_click, drag, drop_on


def revealed(store: Store, room: str) -> bool:
    return room in store.state.locations[SHIP].revealed


def menu_action(menu: QMenu | None, text: str) -> None:
    assert menu is not None
    for action in menu.actions():
        if action.text() == text:
            action.trigger()
            return
        if action.menu() is not None:
            for sub in action.menu().actions():
                if sub.text() == text:
                    sub.trigger()
                    return
    raise AssertionError(f"no menu entry {text!r} in {[x.text() for x in menu.actions()]}")


def test_single_click_selects_but_never_reveals(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    view = window.map_panel.view
    click(view, cell_point(view, 10, 5))  # inside Crew Quarters (hidden)
    assert window.map_panel.scene.rooms["crew_quarters"].isSelected()
    QApplication.processEvents()
    assert not revealed(store, "crew_quarters")


def test_double_click_reveals_and_redraws(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    view = window.map_panel.view
    double_click(view, cell_point(view, 10, 5))
    qtbot.waitUntil(lambda: revealed(store, "crew_quarters"))
    item = window.map_panel.scene.rooms["crew_quarters"]
    qtbot.waitUntil(lambda: item.shape_data.revealed)
    assert "Reveal Crew Quarters" in window.menus.undo.text()


def test_r_key_reveals_the_selected_room(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    view = window.map_panel.view
    click(view, cell_point(view, 10, 12))  # Medbay
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_R)
    room = window.map_panel.scene.rooms["medbay"]
    qtbot.waitUntil(lambda: revealed(store, "medbay") and room.shape_data.revealed)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: not revealed(store, "medbay"))


def test_door_menu_sets_the_status(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    door = scene.doors["door_suit_locker"]
    menu = view.context_menu_at(view.mapFromScene(door.scenePos()))
    menu_action(menu, "Sealed")
    assert store.state.locations[SHIP].door_status["door_suit_locker"] == "SEALED"
    qtbot.waitUntil(lambda: door.shape_data.status == "SEALED")


def test_room_menu_sets_runtime_status(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    view = window.map_panel.view
    menu_action(view.context_menu_at(cell_point(view, 2, 8)), "Hazard")
    assert store.state.locations[SHIP].room_status["airlock"] == "HAZARD"
    room = window.map_panel.scene.rooms["airlock"]
    qtbot.waitUntil(lambda: room.shape_data.status == "HAZARD")


def test_store_change_from_outside_redraws_the_map(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SetDoorStatus("door_medbay", "LOCKED"))  # as the server would
    door = window.map_panel.scene.doors["door_medbay"]
    qtbot.waitUntil(lambda: door.shape_data.status == "LOCKED")
    store.dispatch(a.PlaceToken("creature", "Rime crawler", 10, 8, "token:rime_crawler"))
    qtbot.waitUntil(lambda: len(window.map_panel.scene.tokens) == 1)


def _drop(window: MainWindow, data: QMimeData, x: int, y: int) -> None:
    view = window.map_panel.view
    pos = QPointF(cell_point(view, x, y))
    assert drop_on(view.viewport(), pos, data) == (True, True)


def test_palette_drop_places_a_token_at_the_drop_cell(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    template = TokenTemplate("creature", "Rime crawler", "token:rime_crawler")
    _drop(window, encode(template), 12, 9)
    tokens = store.state.locations[SHIP].tokens
    assert [(t.name, t.x, t.y, t.deck_id, t.room_id) for t in tokens.values()] == [
        ("Rime crawler 1", 12, 9, "deck_1", "d1_corridor")
    ]
    qtbot.waitUntil(lambda: len(window.map_panel.scene.tokens) == 1)


def test_drop_outside_rooms_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _drop(window, encode(TokenTemplate("object", "Crate")), 0, 0)
    assert store.state.locations[SHIP].tokens == {}
    assert window.statusBar().currentMessage().startswith("Refused:")


def test_palette_drag_payload_is_what_the_palette_offers(window: MainWindow) -> None:
    palette = window.tokens.palette_list
    names = [t.name for t in palette.templates()]
    assert "Kesh" in " ".join(names) or len(names) > 4
    data = encode(palette.templates()[0])
    assert data.hasFormat("application/x-gm-terminal-token")


def _place(store: Store, x: int, y: int, name: str = "Marlowe") -> str:
    store.dispatch(a.PlaceToken("player", name, x, y, "crew:marlowe"))
    return str(store.last_reply["token_id"])


def test_dragging_a_token_moves_it_with_one_undo_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    token_id = _place(store, 9, 8)
    qtbot.waitUntil(lambda: token_id in window.map_panel.scene.tokens)
    revision = store.state.revision
    view = window.map_panel.view
    drag(view, cell_point(view, 9, 8), cell_point(view, 15, 9), steps=12)
    token = store.state.locations[SHIP].tokens[token_id]
    assert (token.x, token.y) == (15, 9)
    assert store.state.revision == revision + 1
    item = window.map_panel.scene.tokens[token_id]
    qtbot.waitUntil(lambda: (item.shape_data.x, item.shape_data.y) == (15, 9))
    window.menus.undo.trigger()
    token = store.state.locations[SHIP].tokens[token_id]
    assert (token.x, token.y) == (9, 8)


def test_refused_drag_snaps_back(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    token_id = _place(store, 9, 8)
    qtbot.waitUntil(lambda: token_id in window.map_panel.scene.tokens)
    item = window.map_panel.scene.tokens[token_id]
    home = item.pos()
    view = window.map_panel.view
    drag(view, cell_point(view, 9, 8), cell_point(view, 9, 1))  # outside every room
    assert (store.state.locations[SHIP].tokens[token_id].y) == 8
    qtbot.waitUntil(lambda: item.pos() == home)
    assert "Refused" in window.statusBar().currentMessage()


def test_token_menu_statuses_and_remove(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    token_id = _place(store, 9, 8)
    qtbot.waitUntil(lambda: token_id in window.map_panel.scene.tokens)
    view = window.map_panel.view
    menu_action(view.context_menu_at(cell_point(view, 9, 8)), "Wounded")
    assert store.state.locations[SHIP].tokens[token_id].statuses == ("wounded",)
    item = window.map_panel.scene.tokens[token_id]
    qtbot.waitUntil(lambda: item.shape_data.statuses == ("wounded",))
    menu_action(view.context_menu_at(cell_point(view, 9, 8)), "Dead")
    assert store.state.locations[SHIP].tokens[token_id].statuses == ("wounded", "dead")
    menu_action(view.context_menu_at(cell_point(view, 9, 8)), "Remove token")
    assert token_id not in store.state.locations[SHIP].tokens
    qtbot.waitUntil(lambda: token_id not in window.map_panel.scene.tokens)


def test_take_ladder_moves_the_token_to_the_other_deck(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    token_id = _place(store, 19, 11)  # in the upper ladder well
    qtbot.waitUntil(lambda: token_id in window.map_panel.scene.tokens)
    view = window.map_panel.view
    menu_action(view.context_menu_at(cell_point(view, 19, 11)), "Take ladder to Engineering Deck")
    token = store.state.locations[SHIP].tokens[token_id]
    assert token.deck_id == "deck_2"
    assert token.room_id == "d2_ladder_well"
    qtbot.waitUntil(lambda: token_id not in window.map_panel.scene.tokens)


def test_hidden_poi_can_be_revealed(
    qtbot: QtBot, window: MainWindow, store: Store, campaign
) -> None:  # type: ignore[no-untyped-def]
    secret = [m for m in window.map_panel.scene.markers.values() if m.shape_data.secret]
    if not secret:
        window.focus.set(SHIP, "deck_2")
        qtbot.waitUntil(lambda: window.map_panel.scene.picture.deck_id == "deck_2")
        secret = [m for m in window.map_panel.scene.markers.values() if m.shape_data.secret]
    assert secret, "the sample campaign has a hidden point of interest"
    marker = secret[0]
    view = window.map_panel.view
    menu_action(view.context_menu_at(view.mapFromScene(marker.scenePos())), "Reveal to players")
    assert marker.shape_data.id in store.state.locations[SHIP].revealed_pois
    qtbot.waitUntil(lambda: not marker.shape_data.concealed)
