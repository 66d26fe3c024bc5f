"""The door rule for player moves is set in the Tokens dock (issue 12, defect 6)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.model import actions as a
from desktop.model.errors import Forbidden
from desktop.model.store import Store
from desktop.ui.panels.permissions import THROUGH_DOORS_LABELS
from desktop.ui.window.main_window import MainWindow

SHIP = "hadal_wren"


def choose(window: MainWindow, label: str) -> None:
    combo = window.tokens.permissions.doors
    index = combo.findText(label)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what picking the entry with the mouse emits


def test_the_door_rule_decides_whether_a_tablet_may_move_through_a_locked_door(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    combo = window.tokens.permissions.doors
    assert combo.currentText() == THROUGH_DOORS_LABELS["unlocked"]  # the default
    store.dispatch(a.ToggleRoom("captains_cabin", True))  # behind a LOCKED door
    store.dispatch(a.PlaceToken("player", "Marlowe", 10, 8, "crew:marlowe"))
    token = str(store.last_reply["token_id"])
    into_cabin = a.MoveToken(token, 15, 5)
    with pytest.raises(Forbidden):
        store.dispatch(into_cabin, actor="player")
    choose(window, "through any door")
    assert store.state.through_doors == "any"
    store.dispatch(into_cabin, actor="player")
    assert store.state.locations[SHIP].tokens[token].room_id == "captains_cabin"
    assert store.undo_label == "Player permissions"
    window.menus.undo.trigger()
    qtbot.waitUntil(lambda: combo.currentText() == THROUGH_DOORS_LABELS["unlocked"])
    store.dispatch(a.SetPlayerPermissions(None, "open"))  # from the HTTP API: the dock follows
    qtbot.waitUntil(lambda: combo.currentText() == THROUGH_DOORS_LABELS["open"])
