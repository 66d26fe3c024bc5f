"""The deck editor draws doors and corridors where the GM map will: a door on the shared
wall, and between rooms apart a corridor from wall to wall (never a line from room centre to
room centre across the deck)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGraphicsLineItem
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.model.store import Store
from desktop.ui.map.editor.window import DeckEditor
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.picture.state import StatePictureBuilder
from tests.ui.map.editor.test_deck_editor import folder, paint, tap

__all__ = ["folder"]


def test_editor_draws_the_maps_doors_and_corridors(qtbot: QtBot, folder: Path) -> None:
    location = load_campaign(folder).locations["tug"]
    editor = DeckEditor(location, folder / location.path / "map")
    qtbot.addWidget(editor)
    editor.show()
    deck = editor.new_deck("Lower Deck", 16, 10)
    editor.set_tool("room")
    paint(editor, (1, 1), (3, 3))  # a
    editor.set_tool("select")
    tap(editor, 0, 9)
    editor.set_tool("room")
    paint(editor, (4, 1), (6, 2))  # b, on a's east wall
    editor.set_tool("select")
    tap(editor, 0, 9)
    editor.set_tool("room")
    paint(editor, (10, 6), (13, 8))  # c, far off: a corridor with a bend
    editor.set_tool("door")
    tap(editor, 2, 2)
    tap(editor, 5, 1)
    editor.set_tool("corridor")
    tap(editor, 2, 2)
    tap(editor, 11, 7)
    drawn = {
        item.shape_data.id: item.shape_data
        for item in editor.canvas.scene().items()
        if isinstance(item, DoorItem)
    }
    corridor = next(s for s in drawn.values() if s.type == "passage")
    assert len(corridor.corridor) >= 3  # wall to wall, with a right-angle bend
    lines = [i.line() for i in editor.canvas.scene().items() if isinstance(i, QGraphicsLineItem)]
    assert all(line.dx() == 0 or line.dy() == 0 for line in lines)  # no slanted join
    editor.save()

    campaign = load_campaign(folder)
    assert campaign.problems == ()
    gm_map = StatePictureBuilder().build(Store(campaign).state, campaign, "tug", deck)
    assert drawn == gm_map.doors
