"""File > Import map…: the preview shows what will be made; Import writes the deck; a bad
file is one message, no dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGraphicsPixmapItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.ui.map.editor.import_dialog import open_import
from tests.mapimport.uvtt_files import uvtt, write_uvtt


def test_preview_then_import(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    (root / "galaxy" / "tug").mkdir(parents=True)
    (root / "galaxy" / "tug" / "location.yaml").write_text("name: Salvage Tug\ntype: ship\n")
    file = write_uvtt(tmp_path / "cargo_hold.df2vtt", uvtt(origin=(1.0, 1.0)))
    parent = QWidget()
    qtbot.addWidget(parent)
    told: list[tuple[str, bool]] = []
    dialog = open_import(parent, file, load_campaign(root), "tug", lambda *a: told.append(a))
    assert dialog is not None
    assert dialog.summary.text() == "3 rooms, 2 doors, 1 window; 12x8 cells"
    assert dialog.location.currentData() == "tug" and dialog.name.text() == "Cargo Hold"
    assert any(isinstance(i, QGraphicsPixmapItem) for i in dialog.view.scene().items())
    dialog.run()
    assert told == [("Imported 'Cargo Hold': 3 rooms, 2 doors on deck 1", True)]
    assert load_campaign(root).problems == ()

    broken = tmp_path / "broken.uvtt"
    broken.write_text(file.read_text()[:100])
    told.clear()
    assert (
        open_import(parent, broken, load_campaign(root), "tug", lambda *a: told.append(a)) is None
    )
    assert told == [("broken.uvtt: the file ends too early (truncated?)", False)]
