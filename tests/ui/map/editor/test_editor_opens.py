"""The deck editor opens where the GM is looking, and its Rename dialog starts on the name."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.ui.map.editor.window import DeckEditor
from desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import SHIP


def test_editor_opens_on_the_deck_the_map_shows(window: MainWindow) -> None:
    window.focus.set(SHIP, "deck_2")
    window.menus.edit_map.trigger()
    (editor,) = window.findChildren(DeckEditor)
    assert editor.canvas.deck_id == "deck_2"
    assert editor.decks.currentData() == "deck_2"
    assert editor.decks.currentText().endswith(
        window.store.campaign.locations[SHIP].map.deck("deck_2").name  # type: ignore[union-attr]
    )


def test_rename_starts_on_the_current_name_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.focus.set(SHIP, "deck_1")
    window.menus.edit_map.trigger()
    (editor,) = window.findChildren(DeckEditor)
    room = editor.draft.deck("deck_1").rooms[0]
    editor.canvas.selected = room.id
    editor.ask_rename()
    dialog = next(d for d in editor.findChildren(QInputDialog) if d.isVisible())
    line = dialog.findChild(QLineEdit)
    assert line is not None
    qtbot.waitUntil(lambda: line.selectedText() == room.name)
    assert line.text() == room.name
    line.selectAll()
    line.insert("Cold Store")  # typing replaces the whole name
    dialog.accept()
    assert editor.draft.deck("deck_1").rooms[0].name == "Cold Store"
