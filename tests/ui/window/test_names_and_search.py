"""Human names in the GM window and the campaign tree's search box (issue 12, defect 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.state import TableState
from desktop.ui.panels.location_tree import LocationTree
from desktop.ui.window.main_window import MainWindow


def test_door_menu_and_tooltip_name_the_rooms_it_joins(window: MainWindow) -> None:
    view, scene = window.map_panel.view, window.map_panel.scene
    door = scene.doors["door_airlock_inner"]
    menu = view.context_menu_at(view.mapFromScene(door.scenePos()))
    assert menu is not None
    title = menu.actions()[0].text()
    assert title == "Airlock: Port Airlock ↔ Suit Locker"
    assert "door_" not in door.toolTip() and "Port Airlock ↔ Suit Locker" in door.toolTip()


def test_a_campaign_folder_named_data_takes_its_parent_folders_name(tmp_path: Path) -> None:
    folder = tmp_path / "Singing Ice" / "data"
    shutil.copytree(sample_campaign_path(), folder)
    (folder / "campaign.yaml").unlink()
    campaign = load_campaign(folder)
    assert campaign.name == "Singing Ice"


def test_search_box_filters_the_campaign_tree_and_enter_looks_at_the_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree, search = window.tree, window.campaign_panel.search
    assert "lantern_station" in tree.shown_locations()
    qtbot.keyClicks(search, "lantern")
    shown = tree.shown_locations()
    assert "lantern_station" in shown
    assert "hadal_wren" not in shown and "tithe" not in shown
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.focus.location_slug == "lantern_station"
    search.clear()
    assert "hadal_wren" in tree.shown_locations()


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.campaign_panel.focus_search()
    assert window.campaign_panel.search.hasFocus()


def test_an_unnamed_terminal_shows_in_the_tree_by_the_name_players_read(
    qtbot: QtBot,
) -> None:
    original = Path(__file__).resolve().parents[2] / "fixtures" / "original_campaign"
    tree = LocationTree()
    qtbot.addWidget(tree)
    tree.sync(TableState(), load_campaign(original), "")
    texts: list[str] = []
    for n in range(tree.topLevelItemCount()):
        stack = [tree.topLevelItem(n)]
        while stack:
            item = stack.pop()
            texts.append(item.text(0))
            stack.extend(item.child(i) for i in range(item.childCount()))
    assert "⌸ Ops Terminal" in texts
    assert not [t for t in texts if "_" in t], texts
