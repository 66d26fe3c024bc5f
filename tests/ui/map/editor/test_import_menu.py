"""File > Import map… in the GM window: the chooser opens where the GM's maps are (the last
folder used, remembered; at first the campaign folder), and after the import the status bar
says what was made, and that the campaign's problems are in the Problems dock."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.model.store import Store
from desktop.ui.map.editor.image_dialog import NewMapDialog
from desktop.ui.map.editor.import_dialog import ImportMapDialog
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings
from tests.mapimport.uvtt_files import uvtt, write_uvtt

CREW = """\
crew:
  - id: vance
    name: Odile Vance
    portrait: campaign/crew/images/vance.png   # no such file: one problem
"""


def _chooser(window: MainWindow, qtbot: QtBot, action: QAction | None = None) -> QFileDialog:
    (action or window.menus.import_map).trigger()
    found: list[QFileDialog] = []
    qtbot.waitUntil(
        lambda: (
            bool(found.extend(d for d in window.findChildren(QFileDialog) if d.isVisible()))
            or bool(found)
        )
    )
    return found[0]


def test_import_from_the_menu(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    (root / "galaxy" / "tug").mkdir(parents=True)
    (root / "galaxy" / "tug" / "location.yaml").write_text("name: Salvage Tug\ntype: ship\n")
    (root / "campaign").mkdir()
    (root / "campaign" / "crew.yaml").write_text(CREW)
    maps = tmp_path / "downloads" / "maps"
    maps.mkdir(parents=True)
    file = write_uvtt(maps / "cargo_hold.uvtt", uvtt())
    store = Store(load_campaign(root))
    problems = len(store.campaign.problems)
    assert problems == 1
    settings = tmp_path / "settings.ini"
    WindowSettings(settings).remember_table_ready_shown()
    services = WindowServices(
        reload_campaign=lambda: store.replace_campaign(load_campaign(root)),
        settings_path=settings,
    )
    window = MainWindow(store, services)
    qtbot.addWidget(window)
    window.show()
    window.focus.set("tug", "")
    window.refresher.flush()

    chooser = _chooser(window, qtbot)
    assert Path(chooser.directory().absolutePath()) == root  # not the app's working folder
    chooser.selectFile(str(file))
    chooser.accept()
    (dialog,) = window.findChildren(ImportMapDialog)
    dialog.run()
    said = (
        "Imported 'Cargo Hold': 3 rooms, 2 doors on deck 1; "
        "1 campaign problem: see the Problems dock"
    )
    assert window.statusBar().currentMessage() == said
    window.refresher.flush()  # the window catches up with the reloaded campaign
    assert window.statusBar().currentMessage() == said
    assert window.store.campaign.locations["tug"].map is not None

    chooser = _chooser(window, qtbot)  # the next import starts where this one came from
    assert Path(chooser.directory().absolutePath()) == maps
    chooser.reject()
    assert WindowSettings(settings).last_folder("import-map") == maps

    # File > New map from image…: its own folder (pictures are kept apart from VTT files).
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    Image.new("RGB", (200, 100), "grey").save(pictures / "wreck.png")
    chooser = _chooser(window, qtbot, window.menus.new_map)
    assert Path(chooser.directory().absolutePath()) == root
    chooser.selectFile(str(pictures / "wreck.png"))
    chooser.accept()
    assert [d.isVisible() for d in window.findChildren(NewMapDialog)] == [True]
    window.findChildren(NewMapDialog)[0].reject()
    chooser = _chooser(window, qtbot, window.menus.new_map)
    assert Path(chooser.directory().absolutePath()) == pictures
    chooser.reject()
    window.refresher.detach()
    window.close()
