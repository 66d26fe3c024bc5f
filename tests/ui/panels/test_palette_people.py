"""The token palette: every character (portrait or not), who is placed and where, no silent
duplicates, distinct creature names."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store
from desktop.ui.map.token_mime import TokenTemplate, encode
from desktop.ui.services import WindowServices
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.move_question import COPY_LABEL, MOVE_LABEL
from tests.ui.conftest import SHIP
from tests.ui.map.test_map import _drop

MARLOWE = TokenTemplate("player", "Ines Marlowe", "crew:marlowe")


def _item(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    palette = window.tokens.palette_list
    for index in range(palette.count()):
        item = palette.item(index)
        if item.data(Qt.ItemDataRole.UserRole).name == name:
            return item
    raise AssertionError(f"{name} is not in the palette")


def _answer(qtbot: QtBot, label: str) -> None:
    def box() -> QMessageBox:
        found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "MoveOrCopy"]
        assert found and found[0].isVisible()
        assert isinstance(found[0], QMessageBox)
        return found[0]

    qtbot.waitUntil(lambda: bool(box()))
    button = next(b for b in box().buttons() if b.text() == label)
    button.click()


def test_every_crew_member_and_npc_is_in_the_palette_even_without_a_portrait(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "campaign"
    shutil.copytree(sample_campaign_path(), folder)
    crew = folder / "campaign" / "crew.yaml"
    crew.write_text(
        crew.read_text().replace("campaign/crew/images/marlowe.png", "portraits/marlowe.png")
    )
    npcs = folder / "campaign" / "npcs.yaml"
    npcs.write_text(npcs.read_text().replace('    portrait: "campaign/NPCs/images/roe.png"\n', ""))
    campaign = load_campaign(folder)
    window = MainWindow(Store(campaign), WindowServices(settings_path=tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    names = {(t.type, t.name) for t in window.tokens.palette_list.templates()}
    assert {("player", m.name) for m in campaign.crew} <= names
    assert {("npc", n.name) for n in campaign.npcs.values()} <= names
    marlowe = _item(window, "Ines Marlowe").data(Qt.ItemDataRole.UserRole)
    assert marlowe == TokenTemplate("player", "Ines Marlowe", "")  # initials, no image
    lines = [window.problems.list.item(i).text() for i in range(window.problems.list.count())]
    assert any("campaign/crew.yaml" in line and "portraits/marlowe.png" in line for line in lines)
    assert window.docks["problems"].isVisible()
    window.close()


def test_the_palette_marks_a_placed_character_and_a_click_centres_the_map_on_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    item = _item(window, "Ines Marlowe")
    assert "◉" not in item.text()
    store.dispatch(a.PlaceToken("player", "Ines Marlowe", 3, 7, "crew:marlowe", SHIP, "deck_2"))
    token_id = str(store.last_reply["token_id"])
    qtbot.waitUntil(lambda: item.text() == "Ines Marlowe\n◉ Engineering")
    assert "Hadal Wren" in item.toolTip() and "Engineering" in item.toolTip()
    palette = window.tokens.palette_list
    palette.itemClicked.emit(item)
    assert (window.focus.location_slug, window.focus.deck_id) == (SHIP, "deck_2")
    scene = window.map_panel.scene
    qtbot.waitUntil(lambda: token_id in scene.tokens and scene.tokens[token_id].isSelected())
    view = window.map_panel.view
    at = view.mapFromScene(scene.tokens[token_id].sceneBoundingRect().center())
    centre = view.viewport().rect().center()
    for token, middle, bar in (
        (at.x(), centre.x(), view.horizontalScrollBar()),
        (at.y(), centre.y(), view.verticalScrollBar()),
    ):  # centred, or scrolled as far toward the token as the map goes
        limit = bar.minimum() if token < middle else bar.maximum()
        assert abs(token - middle) <= 2 or bar.value() == limit, (token, middle, bar.value())


def test_dropping_a_placed_character_asks_and_moves_it_in_one_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.PlaceToken("player", "Ines Marlowe", 12, 9, "crew:marlowe", SHIP, "deck_1"))
    token_id = str(store.last_reply["token_id"])
    qtbot.waitUntil(lambda: _item(window, "Ines Marlowe").text().count("◉") == 1)
    revision = store.state.revision
    _drop(window, encode(MARLOWE), 13, 9)
    _answer(qtbot, MOVE_LABEL)
    tokens = store.state.locations[SHIP].tokens
    assert [(t.id, t.x, t.y) for t in tokens.values()] == [(token_id, 13, 9)]
    assert store.state.revision == revision + 1
    store.undo()
    assert [(t.x, t.y) for t in store.state.locations[SHIP].tokens.values()] == [(12, 9)]


def test_moving_a_character_from_another_location_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.SwitchView("ENCOUNTER", "lantern_station"))
    store.dispatch(a.PlaceToken("player", "Ines Marlowe", 2, 7, "crew:marlowe", "lantern_station"))
    store.dispatch(a.SwitchView("ENCOUNTER", SHIP))
    qtbot.waitUntil(lambda: _item(window, "Ines Marlowe").text().count("↗") == 1)
    _drop(window, encode(MARLOWE), 12, 9)
    _answer(qtbot, MOVE_LABEL)
    assert store.state.locations["lantern_station"].tokens == {}
    assert [t.name for t in store.state.locations[SHIP].tokens.values()] == ["Ines Marlowe"]
    assert store.undo_label == "Move Ines Marlowe here"
    store.undo()
    assert store.state.locations[SHIP].tokens == {}
    assert len(store.state.locations["lantern_station"].tokens) == 1


def test_creature_copies_get_distinct_names_the_gm_can_change(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    hollowed = TokenTemplate("creature", "hollowed", "token:hollowed")
    _drop(window, encode(hollowed), 12, 9)
    _drop(window, encode(hollowed), 13, 9)
    tokens = store.state.locations[SHIP].tokens
    assert sorted(t.name for t in tokens.values()) == ["hollowed 1", "hollowed 2"]
    first = next(t.id for t in tokens.values() if t.name == "hollowed 1")
    window.map_panel.view.intents.token_rename_requested.emit(first, "Hollowed (burnt)")
    names = sorted(t.name for t in store.state.locations[SHIP].tokens.values())
    assert names == ["Hollowed (burnt)", "hollowed 2"]


def test_the_gm_may_still_place_a_second_token_or_cancel(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.dispatch(a.PlaceToken("player", "Ines Marlowe", 12, 9, "crew:marlowe", SHIP, "deck_1"))
    revision = store.state.revision
    _drop(window, encode(MARLOWE), 13, 9)
    _answer(qtbot, "Cancel")
    assert store.state.revision == revision
    _drop(window, encode(MARLOWE), 13, 9)
    _answer(qtbot, COPY_LABEL)
    tokens = store.state.locations[SHIP].tokens.values()
    assert sorted((t.name, t.x) for t in tokens) == [("Ines Marlowe", 12), ("Ines Marlowe", 13)]


def test_the_palette_gives_rooms_only_for_the_location_the_gm_looks_at(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Placed at the station while the GM prepares the ship: the ship's palette names the
    station, never a station room as if it were aboard."""
    store.dispatch(a.PlaceToken("player", "Ines Marlowe", 2, 7, "crew:marlowe", "lantern_station"))
    window.focus.set(SHIP, "deck_1")
    item = _item(window, "Ines Marlowe")
    qtbot.waitUntil(lambda: item.text() == "Ines Marlowe\n↗ Lantern Station")
    window.focus.set("lantern_station", "")
    qtbot.waitUntil(lambda: item.text().startswith("Ines Marlowe\n◉ "))
    assert "Lantern Station" not in item.text()
