"""The deck editor draws a two-deck map with the mouse (rooms, an L-shape, a door, a corridor,
a ladder, a hidden marker), saves it, and the campaign read back is what was drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.cli import main
from desktop.mapedit.files import draft_of
from desktop.ui.map.editor.canvas import CELL
from desktop.ui.map.editor.window import DeckEditor
from desktop.ui.window.main_window import MainWindow
from tests.ui.map.gestures import click, drag


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    (root / "galaxy" / "tug").mkdir(parents=True)
    (root / "galaxy" / "tug" / "location.yaml").write_text("name: Salvage Tug\ntype: ship\n")
    terminal = root / "galaxy" / "tug" / "comms" / "helm"
    terminal.mkdir(parents=True)
    (terminal / "terminal.yaml").write_text(
        "owner: Captain\nterminal_id: HELM-1\naccess_level: PUBLIC\nname: Helm console\n"
    )
    return root


def at(editor: DeckEditor, x: int, y: int) -> object:
    return editor.canvas.mapFromScene(QPointF((x + 0.5) * CELL, (y + 0.5) * CELL))


def paint(editor: DeckEditor, a: tuple[int, int], b: tuple[int, int]) -> None:
    drag(editor.canvas, at(editor, *a), at(editor, *b))  # type: ignore[arg-type]


def tap(editor: DeckEditor, x: int, y: int) -> None:
    click(editor.canvas, at(editor, x, y))  # type: ignore[arg-type]


def test_draw_save_and_reload_a_two_deck_map(qtbot: QtBot, folder: Path) -> None:
    campaign = folder
    location = load_campaign(campaign).locations["tug"]
    editor = DeckEditor(location, campaign / location.path / "map")
    qtbot.addWidget(editor)
    editor.show()
    lower = editor.new_deck("Lower Deck", 14, 9)
    editor.set_tool("room")
    paint(editor, (1, 1), (4, 3))  # room 1
    paint(editor, (5, 1), (8, 3))  # room 2, sharing room 1's wall
    paint(editor, (5, 3), (5, 6))  # drawn from inside room 2: room 2 becomes an L
    paint(editor, (10, 5), (12, 7))  # room 3, apart
    editor.set_tool("select")
    tap(editor, 0, 8)  # nothing selected: the next drag draws a new room
    editor.set_tool("room")
    paint(editor, (11, 7), (12, 8))  # a new room over room 3's corner takes two cells...
    editor.set_tool("erase")
    paint(editor, (11, 7), (12, 8))  # ...then erased whole: it is gone
    deck = editor.draft.deck(lower)
    assert [len(r.cells) for r in deck.rooms] == [12, 15, 7]  # room 3 lost two cells to it
    room1, room2, room3 = (r.id for r in deck.rooms)
    editor.set_tool("door")
    tap(editor, 2, 2)
    tap(editor, 6, 2)
    editor.set_tool("corridor")
    tap(editor, 5, 6)
    tap(editor, 10, 5)
    editor.set_tool("select")
    tap(editor, 2, 2)
    editor.rename_selected("Airlock")
    editor.set_status("WARNING")
    upper = editor.new_deck("Upper Deck", 10, 6)
    editor.set_tool("room")
    paint(editor, (1, 1), (4, 4))
    editor.set_tool("move")
    paint(editor, (1, 1), (2, 1))  # dragged one cell right
    room4 = editor.draft.deck(upper).rooms[0].id
    assert min(editor.draft.deck(upper).rooms[0].cells) == (2, 1)
    editor.set_tool("hidden marker")
    tap(editor, 3, 3)
    editor.set_tool("ladder")
    editor.show_deck(lower)
    tap(editor, 2, 2)
    editor.show_deck(upper)
    tap(editor, 4, 2)
    editor.canvas.ask_terminal = lambda: editor.terminals[0]  # the dialog's choice
    editor.set_tool("terminal")
    tap(editor, 3, 2)
    editor.set_tool("marker")
    tap(editor, 4, 4)
    editor.undo()  # the last marker goes again
    drawn = editor.draft
    deck = drawn.deck(lower)
    assert [(d.from_room, d.to_room, d.door_type) for d in deck.doors] == [
        (room1, room2, "standard"),
        (room2, room3, ""),
    ]
    assert [(k.from_room, k.to_deck, k.to_room) for k in deck.links] == [(room1, upper, room4)]
    assert [(m.hidden, m.room, m.terminal_slug) for m in drawn.deck(upper).markers] == [
        (False, room4, "helm"),
        (True, room4, ""),
    ]
    assert deck.room(room1) is not None and deck.room(room1).name == "Airlock"  # type: ignore[union-attr]
    editor.save()

    loaded = load_campaign(campaign)
    assert loaded.problems == ()
    assert draft_of(loaded.locations["tug"]) == drawn
    assert main(["check", str(campaign)]) == 0


def test_file_menu_opens_the_editor_in_the_map_view(window: MainWindow) -> None:
    """Edit deck map… puts the editor in the map's place (the map view's edit mode); Done
    brings the map back."""
    panel = window.map_panel
    window.focus.set("nowhere", "")
    window.menus.edit_map.trigger()
    assert window.findChildren(DeckEditor) == []  # no such location: a message instead
    assert "Choose a location" in window.statusBar().currentMessage()
    campaign = window.store.campaign
    slug = next(s for s, loc in campaign.locations.items() if loc.has_map)
    window.focus.set(slug, "")
    window.menus.edit_map.trigger()
    (editor,) = window.findChildren(DeckEditor)
    assert panel.stack.currentWidget() is editor and not panel.tabs.isVisibleTo(panel)
    panel.sync()  # a table change while editing leaves the editor in place
    assert panel.stack.currentWidget() is editor
    location = campaign.locations[slug]
    assert editor.draft == draft_of(location) and len(editor.draft.decks) >= 1
    assert editor.decks.count() == len(editor.draft.decks)
    editor.closed.emit()  # Done
    assert panel.stack.currentWidget() is panel.view and panel.editor is None


def tool_button(editor: DeckEditor, text: str) -> QToolButton:
    found = [b for b in editor.findChildren(QToolButton) if b.text() == text]
    assert len(found) == 1, f"one {text!r} button on the editor's toolbars"
    return found[0]


def test_the_toolbar_buttons_switch_the_tool_and_a_room_gets_drawn(
    qtbot: QtBot, folder: Path
) -> None:
    """The GM clicks the toolbar's Room button (not a call in code): the tool switches, without
    an error dialog, and a drag draws a room; Door then joins two rooms."""
    location = load_campaign(folder).locations["tug"]
    editor = DeckEditor(location, folder / location.path / "map")
    qtbot.addWidget(editor)
    editor.show()
    deck = editor.new_deck("Lower Deck", 14, 9)
    for text in ("Room", "Door", "Select", "Room"):
        qtbot.mouseClick(tool_button(editor, text), Qt.MouseButton.LeftButton)
        assert editor.canvas.tool == text.lower()
        assert tool_button(editor, text).isChecked()
    paint(editor, (1, 1), (4, 3))
    paint(editor, (5, 1), (8, 3))
    assert [len(r.cells) for r in editor.draft.deck(deck).rooms] == [12, 12]
    qtbot.mouseClick(tool_button(editor, "Door"), Qt.MouseButton.LeftButton)
    tap(editor, 2, 2)
    tap(editor, 6, 2)
    assert len(editor.draft.deck(deck).doors) == 1
