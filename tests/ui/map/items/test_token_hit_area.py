"""A token's name, drawn as wide as its row leaves room for, is not a target: a right-click on
the door beside it still opens the door's menu (the 60-action window session)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.window.main_window import MainWindow


def test_a_door_next_to_a_token_keeps_its_menu(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    for name, x, y in (("Ines Marlowe", 2, 8), ("Dr. Halvard Sunde", 5, 8), ("QUILL", 9, 8)):
        store.dispatch(a.PlaceToken("player", name, x, y, f"crew:{name.split()[-1].lower()}"))
    scene, view = window.map_panel.scene, window.map_panel.view
    qtbot.waitUntil(lambda: len(scene.tokens) == 3)
    qtbot.wait(50)
    door = scene.doors["door_quarters"]
    menu = view.context_menu_at(view.mapFromScene(door.scenePos()))
    assert menu is not None
    assert "Locked" in [action.text() for action in menu.actions()]
