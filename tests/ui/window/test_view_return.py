"""The view buttons bring the players back to what they last saw; "Show to players" is one step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP


def test_encounter_returns_to_the_place_players_last_saw_not_the_gm_focus(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    switcher = window.switcher
    switcher.buttons["BRIDGE"].click()
    assert store.state.view_type == "BRIDGE"
    window.router.choose_location("lantern_station")  # the GM only browses another place
    qtbot.waitUntil(lambda: "Lantern" in window.map_panel.bar.title.text())
    switcher.buttons["ENCOUNTER"].click()
    state = store.state
    assert (state.view_type, state.location_slug) == ("ENCOUNTER", SHIP)
    assert "lantern_station" not in state.locations
    assert window.focus.location_slug == "lantern_station"  # the GM keeps looking there
    qtbot.waitUntil(lambda: switcher.buttons["ENCOUNTER"].isChecked())


def test_encounter_returns_to_the_deck_players_last_saw(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.switcher.buttons["BRIDGE"].click()
    window.map_panel.tabs.setCurrentIndex(1)  # the GM browses the engineering deck
    assert window.focus.deck_id == "deck_2"
    window.switcher.buttons["ENCOUNTER"].click()
    assert store.state.view_type == "ENCOUNTER"
    assert store.state.locations[SHIP].deck_id == "deck_1"
    qtbot.waitUntil(lambda: "PREPARING" in window.map_panel.bar.live_text)


def test_show_to_players_is_one_undo_step_for_the_view_and_the_deck(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.switcher.buttons["BRIDGE"].click()
    window.map_panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(window.map_panel.bar.show_button.isEnabled)
    revision = store.state.revision
    window.map_panel.bar.show_button.click()
    state = store.state
    assert (state.view_type, state.locations[SHIP].deck_id) == ("ENCOUNTER", "deck_2")
    assert state.revision == revision + 1
    qtbot.waitUntil(lambda: window.menus.undo.isEnabled())
    window.menus.undo.trigger()
    assert store.state.view_type == "BRIDGE"
    assert store.state.locations[SHIP].deck_id == "deck_1"
