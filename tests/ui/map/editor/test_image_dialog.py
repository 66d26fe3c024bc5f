"""File > New map from image…: a cell dragged over the picture sets the grid (live overlay);
Create cuts the picture to whole cells beside a new deck and opens the editor on it; a room
drawn there and saved reads back, `check` clean."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsLineItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.cli import main
from desktop.ui.map.editor.canvas import CELL
from desktop.ui.map.editor.image_dialog import NewMapDialog
from tests.ui.map.gestures import drag


def test_a_cell_dragged_sets_the_grid_and_the_editor_draws_on_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = tmp_path / "campaign"
    (root / "galaxy" / "tug").mkdir(parents=True)
    (root / "galaxy" / "tug" / "location.yaml").write_text("name: Salvage Tug\ntype: ship\n")
    picture = Image.new("RGB", (400, 300), (40, 50, 60))
    draw = ImageDraw.Draw(picture)
    for x in range(10, 400, 37):
        draw.line((x, 0, x, 300), fill=(200, 200, 200))
    file = tmp_path / "scan.png"
    picture.save(file)
    location = load_campaign(root).locations["tug"]
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = NewMapDialog(file, location, root / location.path / "map", parent)
    dialog.show()
    view = dialog.view
    start, end = view.mapFromScene(QPointF(47, 47)), view.mapFromScene(QPointF(84, 84))
    drag(view, start, end)
    assert view.grid is not None and round(view.grid.cell) == 37
    assert (round(view.grid.x), round(view.grid.y)) == (10, 10)
    lines = [i for i in view.scene().items() if isinstance(i, QGraphicsLineItem)]
    assert len(lines) == (10 + 1) + (7 + 1)  # 10 x 7 whole cells, drawn over the picture
    editor = dialog.make_deck()
    assert editor is not None
    qtbot.addWidget(editor)
    (deck,) = editor.draft.decks
    assert (deck.width, deck.height, deck.unit_size) == (10, 7, 37)
    with Image.open(root / location.path / "map" / f"{deck.id}.png") as saved:
        assert saved.size == (370, 259)
    canvas = editor.canvas
    a = canvas.mapFromScene(QPointF(1.5 * CELL, 1.5 * CELL))
    b = canvas.mapFromScene(QPointF(4.5 * CELL, 3.5 * CELL))
    drag(canvas, a, b)
    editor.save()
    loaded = load_campaign(root)
    assert loaded.problems == ()
    lmap = loaded.locations["tug"].map
    assert lmap is not None and lmap.decks[0].background is not None
    assert [(r.x, r.y, r.width, r.height) for r in lmap.decks[0].rooms] == [(1, 1, 4, 3)]
    assert main(["check", str(root)]) == 0
