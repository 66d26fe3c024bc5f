"""A place without a map (a moon, a planet) is a place like any other: the GM looks at it and
shows it (players get its location card, API.md), and the tree does not grey it out."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow

TITHE = "tithe"


def test_the_gm_looks_at_and_shows_a_place_without_a_map(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    tree = window.tree
    item = tree._locations[TITHE]
    mapped = tree._locations["lantern_station"]
    assert item.foreground(0) == mapped.foreground(0)  # not greyed out
    tree.location_chosen.emit(TITHE)  # a click on "Tithe"
    QApplication.processEvents()
    window.sync()
    assert window.focus.location_slug == TITHE  # the window stays on it
    bar = window.map_panel.bar
    qtbot.waitUntil(lambda: bar.title.text() == "Tithe")
    assert "location card" in window.map_panel.placeholder.text()
    bar.show_button.click()
    qtbot.waitUntil(lambda: store.state.location_slug == TITHE)
    assert store.state.view_type == "ENCOUNTER"
    assert b"Tithe" in store.player_frame().data


def test_show_to_players_from_the_tree_menu(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.tree.location_show_requested.emit(TITHE)
    qtbot.waitUntil(lambda: store.state.location_slug == TITHE)
    assert store.state.view_type == "ENCOUNTER"
