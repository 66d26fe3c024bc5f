"""Preparing versus showing: the focus, the LIVE marker, the player preview."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP
from tests.ui.map.gestures import cell_point, double_click


def test_marker_says_live_only_for_what_players_see(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    bar = window.map_panel.bar
    qtbot.waitUntil(lambda: bar.live_text.startswith("● LIVE"))
    window.map_panel.tabs.setCurrentIndex(1)  # the GM looks at the engineering deck
    qtbot.waitUntil(lambda: "PREPARING" in bar.live_text)
    assert window.focus.deck_id == "deck_2"
    assert store.state.locations[SHIP].deck_id == "deck_1"  # players still see deck 1
    bar.show_button.click()
    assert store.state.locations[SHIP].deck_id == "deck_2"
    qtbot.waitUntil(lambda: bar.live_text.startswith("● LIVE"))


def test_show_to_players_from_another_location(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.router.choose_location("lantern_station")
    bar = window.map_panel.bar
    qtbot.waitUntil(lambda: "PREPARING" in bar.live_text and "Lantern" in bar.title.text())
    bar.show_button.click()
    assert (store.state.view_type, store.state.location_slug) == ("ENCOUNTER", "lantern_station")
    qtbot.waitUntil(lambda: bar.live_text.startswith("● LIVE"))


def test_editing_an_unseen_deck_leaves_the_player_frame_unchanged(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    before = store.player_frame().data
    window.map_panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.map_panel.scene.picture.deck_id == "deck_2")
    view = window.map_panel.view
    room = next(iter(window.map_panel.scene.rooms.values())).shape_data
    double_click(view, cell_point(view, room.x, room.y + 1))
    assert room.id in store.state.locations[SHIP].revealed  # the GM's edit happened
    store.dispatch(
        a.PlaceToken(
            "creature", "Hollowed", room.x, room.y + 1, deck_id="deck_2", location_slug=SHIP
        )
    )
    assert store.player_frame().data == before


def test_hold_freezes_the_displays(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    bar = window.map_panel.bar
    bar.hold_button.click()
    assert store.state.hold
    qtbot.waitUntil(lambda: "HOLD" in bar.live_text)
    frozen = store.player_frame().data
    store.dispatch(a.ToggleRoom("bridge", True))
    assert store.player_frame().data == frozen
    window.menus.hold.trigger()
    assert not store.state.hold


def test_player_preview_shows_no_hidden_room_or_token(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.PlaceToken("player", "Marlowe", 9, 8, "crew:marlowe"))
    store.dispatch(a.PlaceToken("npc", "Sneak", 10, 9))
    sneak = str(store.last_reply["token_id"])
    store.dispatch(a.UpdateTokenStatus(sneak, ("hidden",)))
    store.dispatch(a.PlaceToken("creature", "Lurker", 25, 6))  # on the hidden bridge
    scene = window.map_panel.scene
    qtbot.waitUntil(lambda: len(scene.tokens) == 3)
    window.menus.preview.trigger()
    revealed = store.state.locations[SHIP].revealed
    qtbot.waitUntil(lambda: set(scene.rooms) == set(revealed))
    assert all(item.shape_data.revealed for item in scene.rooms.values())
    assert [t.shape_data.name for t in scene.tokens.values()] == ["Marlowe"]
    assert not any(m.shape_data.room_id not in revealed for m in scene.markers.values())
    assert "PLAYER PREVIEW" in window.map_panel.bar.subtitle.text()
    # the preview draws the player snapshot itself
    snapshot = store.player_frame().snapshot
    assert set(scene.doors) == {d["id"] for d in snapshot["encounter_map"]["doors"]}  # type: ignore[index]
    window.menus.preview.trigger()
    qtbot.waitUntil(lambda: len(scene.tokens) == 3)


def test_preview_of_a_place_not_shown_is_what_players_would_see(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.router.choose_location("lantern_station")
    window.map_panel.set_preview(True)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.map_panel.scene.picture.width > 0)
    assert window.map_panel.scene.rooms == {}  # nothing revealed there yet
    assert "(if shown)" in window.map_panel.bar.subtitle.text()
