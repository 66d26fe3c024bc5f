""" "Ping here" on the GM map: to every display, or to one chosen by name in a submenu; only on
the deck the displays show."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.audience import content_key
from desktop.model.store import Store
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.window.main_window import MainWindow
from tests.ui.map.test_menus_alone import entry, texts

TV, TABLET = "tv-bridge-01", "tablet-okafor"


def _named(store: Store) -> None:
    store.dispatch(a.SetDisplay.from_body({"name": "Bridge TV"}, display=TV))
    store.dispatch(a.SetDisplay.from_body({"name": "Okafor's tablet"}, display=TABLET))


def _menu_at(window: MainWindow, x: int, y: int) -> QMenu | None:
    view = window.map_panel.view
    return view.context_menu_at(view.mapFromScene(QPointF((x + 0.5) * CELL, (y + 0.5) * CELL)))


def _submenu(menu: QMenu, title: str) -> QMenu:
    for action in menu.actions():
        if action.text() == title and action.menu() is not None:
            sub: QMenu = action.menu()
            return sub
    raise AssertionError(f"no submenu {title!r} in {texts(menu)}")


def test_ping_here_pings_the_cell_on_every_display(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _named(store)
    qtbot.waitUntil(lambda: len(window.map_panel.scene.picture.displays) == 2)
    room = window.map_panel.scene.rooms["airlock"].shape_data
    x, y = room.x + 1, room.y + 1
    menu = _menu_at(window, x, y)
    assert menu is not None
    found = texts(menu)
    assert "Ping here" in found
    assert found[found.index("Ping here on") + 1 :] == ["  Bridge TV", "  Okafor's tablet"]
    entry(menu, "Ping here")
    qtbot.waitUntil(lambda: len(store.state.pings) == 1)
    ping = store.state.pings[0]
    assert (ping.x, ping.y) == (x, y)
    assert content_key("ping", ping.id) not in store.state.targets  # every display


def test_ping_here_on_one_display_aims_it_there(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _named(store)
    qtbot.waitUntil(lambda: len(window.map_panel.scene.picture.displays) == 2)
    menu = _menu_at(window, 0, 0)  # the floor outside any room
    assert menu is not None
    entry(_submenu(menu, "Ping here on"), "Okafor's tablet")
    qtbot.waitUntil(lambda: len(store.state.pings) == 1)
    ping = store.state.pings[0]
    assert (ping.x, ping.y) == (0, 0)
    assert store.state.targets[content_key("ping", ping.id)] == (TABLET,)


def test_no_ping_on_a_deck_the_displays_do_not_show(qtbot: QtBot, window: MainWindow) -> None:
    window.focus.set("hadal_wren", "deck_2")
    qtbot.waitUntil(lambda: window.map_panel.scene.picture.deck_id == "deck_2")
    room = next(iter(window.map_panel.scene.rooms.values())).shape_data
    menu = _menu_at(window, room.x, room.y)
    assert menu is not None
    assert not [t for t in texts(menu) if t.startswith("Ping")]
    assert _menu_at(window, 0, 0) is None
