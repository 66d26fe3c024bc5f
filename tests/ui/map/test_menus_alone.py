"""The map's context menus on hand-made items (no window, no store): what each offers for its
shape, and the intent each entry emits."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.intents import MapIntents
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.items.room import RoomItem
from desktop.ui.map.items.token import TokenItem
from desktop.ui.map.menus import door_menu, marker_menu, room_menu, token_menu
from desktop.ui.map.picture.shapes import (
    DoorShape,
    LinkShape,
    MapPicture,
    MarkerShape,
    RoomShape,
    TokenShape,
)

TOKEN = TokenShape("t1", "pc", "Okafor", 3, 4, ("wounded",), None, "galley")
LADDER = LinkShape("l1", "ladder", "OK", "galley", 3.5, 4.5, "deck_2", "Deck 2", "hold")
PICTURE = MapPicture("deck_1", 20, 12, links={"l1": LADDER})


def texts(menu: QMenu | None) -> list[str]:
    assert menu is not None
    found = []
    for action in menu.actions():
        found.append(action.text())
        if action.menu() is not None:
            found += [f"  {sub.text()}" for sub in action.menu().actions()]
    return [text for text in found if text]


def entry(menu: QMenu, text: str) -> None:
    for action in menu.actions():
        if action.text() == text:
            action.trigger()
            return
    raise AssertionError(f"no entry {text!r} in {texts(menu)}")


def test_the_token_menu_offers_statuses_rename_ladders_and_remove(qtbot: QtBot) -> None:
    parent, intents = QWidget(), MapIntents()
    qtbot.addWidget(parent)
    menu = token_menu(parent, TokenItem(TOKEN, ImageCache()), PICTURE, intents)
    assert texts(menu) == [
        "Okafor",
        "Wounded",
        "Dead",
        "Panicked",
        "Stunned",
        "Hidden",
        "Rename…",
        "Take ladder to Deck 2",
        "Remove token",
    ]
    checked = [a.text() for a in menu.actions() if a.isCheckable() and a.isChecked()]
    assert checked == ["Wounded"]
    with qtbot.waitSignal(intents.token_status_requested) as status:
        entry(menu, "Stunned")
    assert status.args == ["t1", ("wounded", "stunned")]
    with qtbot.waitSignal(intents.token_ladder_requested) as ladder:
        entry(menu, "Take ladder to Deck 2")
    assert ladder.args == ["t1", "deck_2", "hold"]


def test_a_token_in_a_room_without_a_ladder_is_offered_none(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    elsewhere = replace(TOKEN, room_id="bridge")
    menu = token_menu(parent, TokenItem(elsewhere, ImageCache()), PICTURE, MapIntents())
    assert not [t for t in texts(menu) if t.startswith("Take")]


def test_the_door_menu_checks_the_status_and_a_passage_has_none(qtbot: QtBot) -> None:
    parent, intents = QWidget(), MapIntents()
    qtbot.addWidget(parent)
    door = DoorShape("d1", "airlock", "LOCKED", 6.0, 4.5, "v", 1.0, name="Airlock: A ↔ B")
    menu = door_menu(parent, DoorItem(door), intents)
    assert menu is not None
    assert texts(menu) == ["Airlock: A ↔ B", "Open", "Closed", "Locked", "Sealed", "Damaged"]
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Locked"]
    with qtbot.waitSignal(intents.door_status_requested) as asked:
        entry(menu, "Open")
    assert asked.args == ["d1", "OPEN"]
    assert door_menu(parent, DoorItem(replace(door, type="passage")), intents) is None


def test_room_and_marker_menus_reveal_what_players_do_not_see(qtbot: QtBot) -> None:
    parent, intents = QWidget(), MapIntents()
    qtbot.addWidget(parent)
    room = RoomShape("galley", "Galley", 2, 3, 4, 3, "HAZARD", revealed=False)
    menu = room_menu(parent, RoomItem(room), intents)
    assert "Reveal to players" in texts(menu) and "  Hazard" in texts(menu)
    with qtbot.waitSignal(intents.rooms_visibility_requested) as shown:
        entry(menu, "Reveal to players")
    assert shown.args == [{"galley": True}]
    kit = MarkerShape("kit", "poi", "item", "Kit", "galley", 3.0, 4.0, secret=True, concealed=True)
    menu = marker_menu(parent, MarkerItem("poi:kit", kit), intents)
    assert texts(menu)[:2] == ["Kit", "Reveal to players"]
    with qtbot.waitSignal(intents.poi_visibility_requested) as visible:
        entry(menu, "Reveal to players")
    assert visible.args == ["kit", True]
    menu = marker_menu(parent, MarkerItem("poi:kit", replace(kit, concealed=False)), intents)
    with qtbot.waitSignal(intents.poi_visibility_requested) as hidden:
        entry(menu, "Hide from players")
    assert hidden.args == ["kit", False]
