"""The window at laptop sizes: whole names, a palette of several rows, a map that follows the
window, a legend beside the map and not on it (issue 12, defect 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.settings import WindowSettings
from tests.e2e.window_layout_check import cut_tree_items, layout_report

SIZES = [(1366, 768), (1440, 900)]
SHIP = "hadal_wren"


@pytest.fixture(scope="module")
def troubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with two portraits that point at missing files (two long problem lines)."""
    folder = tmp_path_factory.mktemp("layout") / "campaign"
    shutil.copytree(sample_campaign_path(), folder)
    npcs = folder / "campaign" / "npcs.yaml"
    text = npcs.read_text(encoding="utf-8")
    text = text.replace(
        "NPCs/images/kesh.png", "NPCs/images/portraits_from_the_old_system/kesh.png"
    )
    text = text.replace("NPCs/images/brandt.png", "NPCs/images/missing_brandt_portrait.png")
    npcs.write_text(text, encoding="utf-8")
    return folder


def open_at(
    qtbot: QtBot, store: Store, services: WindowServices, width: int, height: int
) -> MainWindow:
    WindowSettings(services.settings_path).remember_table_ready_shown()
    w = MainWindow(store, services)
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    w.focus.set(SHIP, "deck_1")
    qtbot.waitUntil(lambda: "airlock" in w.map_panel.scene.rooms)
    qtbot.wait(50)  # the first-size dock layout runs one turn after showing
    return w


def cut_list_items(widget: QListWidget, icon_height: int) -> list[str]:
    """Item texts that, word-wrapped in the item's rect as Qt lays it out, do not fit."""
    metrics = widget.fontMetrics()
    cut = []
    option = QStyleOptionViewItem()
    widget.initViewItemOption(option)
    for index in range(widget.count()):
        item = widget.item(index)
        rect = widget.visualItemRect(item)
        # The height Qt gives the item's text is its delegate's size hint (within the cell).
        hint = widget.itemDelegate().sizeHint(option, widget.indexFromItem(item))
        # Qt's text margins (the focus frame's on each side, and the icon's spacing).
        width, height = rect.width() - 10, min(rect.height(), hint.height()) - icon_height - 10
        text = item.text()
        need = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        if need.height() > height or need.width() > width:
            cut.append(text)
    return cut


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_names_are_whole_at_laptop_sizes(
    qtbot: QtBot, services: WindowServices, troubled: Path, width: int, height: int
) -> None:
    store = Store(load_campaign(troubled))
    store.dispatch(a.SwitchView("ENCOUNTER", SHIP))
    # Placed characters carry the room they are in, under their name, in the palette.
    store.dispatch(a.PlaceToken("player", "Juno Castellane", 15, 5, "crew:castellane"))
    store.dispatch(a.PlaceToken("player", "Dr. Halvard Sunde", 9, 12, "crew:sunde"))
    store.dispatch(a.PlaceToken("player", "Rook Adeyemi", 2, 8, "crew:adeyemi"))
    w = open_at(qtbot, store, services, width, height)
    assert cut_tree_items(w.tree) == []
    w.focus.set(SHIP, "deck_2")  # the longest deck line: "SHIP · Engineering Deck · deck 2 of 2"
    qtbot.waitUntil(lambda: "deck 2 of 2" in w.map_panel.bar.subtitle.text())
    assert layout_report(w)["focus_bar_cut"] == []
    # Every NPC's name in the Portraits dock is drawn whole (wrapped if it must).
    for row in w.portraits.rows.values():
        label = row.name
        need = label.fontMetrics().boundingRect(
            0, 0, label.width(), 10_000, Qt.TextFlag.TextWordWrap, label.text()
        )
        assert need.height() <= label.height() and need.width() <= label.width(), label.text()
    # The palette: more than two rows in sight, each name whole in its cell.
    palette = w.tokens.palette_list
    grid = palette.gridSize()
    assert palette.viewport().height() > 2.5 * grid.height()
    assert cut_list_items(palette, palette.iconSize().height()) == []
    # The problems: each whole, wrapped to the list's width.
    w.docks["problems"].raise_()
    problems = w.problems.list
    assert problems.count() >= 2
    qtbot.waitUntil(lambda: problems.isVisible())
    for index in range(problems.count()):
        item = problems.item(index)
        rect = problems.visualItemRect(item)
        need = problems.fontMetrics().boundingRect(
            0, 0, rect.width(), 10_000, Qt.TextFlag.TextWordWrap, item.text()
        )
        assert need.height() <= rect.height() + 2, item.text()
    w.close()


def test_the_map_refits_when_the_window_grows_unless_zoomed_by_hand(
    qtbot: QtBot, store: Store, services: WindowServices
) -> None:
    w = open_at(qtbot, store, services, *SIZES[0])
    view = w.map_panel.view
    small = view.transform().m11()
    w.resize(*SIZES[1])
    qtbot.waitUntil(lambda: view.transform().m11() > small * 1.05)
    grown = view.transform().m11()
    view.zoom_by(1.5)  # the GM zooms by hand: the window's size no longer decides
    zoomed = view.transform().m11()
    assert zoomed > grown
    w.resize(*SIZES[0])
    qtbot.waitUntil(lambda: view.viewport().width() < 800)
    assert view.transform().m11() == pytest.approx(zoomed)
    view.fit()  # Fit: follow the window again
    w.resize(*SIZES[1])
    qtbot.waitUntil(lambda: view.transform().m11() == pytest.approx(grown, rel=0.02))
    w.close()


@pytest.mark.parametrize(("width", "height"), [*SIZES, (1920, 1080)])
def test_the_legend_sits_beside_the_map_never_on_it(
    qtbot: QtBot, store: Store, services: WindowServices, width: int, height: int
) -> None:
    w = open_at(qtbot, store, services, width, height)
    panel = w.map_panel
    legend, view = panel.legend, panel.view
    assert legend.isVisible() and legend.shown_labels()
    assert not legend.geometry().intersects(panel.stack.geometry())
    assert legend.parent() is panel and view.isAncestorOf(legend) is False
    w.close()
