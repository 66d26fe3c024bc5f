"""Campaign names with "&" read whole in menus, actions and tabs ("Galley & Mess", not
"Galley _Mess"): Qt takes a lone "&" in an action's text for a keyboard mnemonic."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow


def shown(text: str) -> str:
    """The text as Qt draws it in a menu: "&&" is one "&", a lone "&x" is an underlined x."""
    return re.sub(r"&(.)", r"\1", text)


def entries(menu: QMenu | None) -> list[str]:
    assert menu is not None
    return [shown(action.text()) for action in menu.actions() if not action.isSeparator()]


def test_a_door_and_a_room_menu_keep_the_ampersand(window: MainWindow) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    door = scene.doors["door_comms"]
    door_menu = view.context_menu_at(view.mapFromScene(door.scenePos()))
    assert any("Comms & Sensors" in text for text in entries(door_menu)), entries(door_menu)
    room = scene.rooms["galley"]
    room_menu = view.context_menu_at(view.mapFromScene(room.sceneBoundingRect().center()))
    assert entries(room_menu)[0] == "Galley & Mess"


def test_undo_names_the_room_with_its_ampersand(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.ToggleRoom("galley"))
    qtbot.waitUntil(lambda: "Galley" in window.menus.undo.text())
    assert shown(window.menus.undo.text()).endswith(" Galley & Mess")
