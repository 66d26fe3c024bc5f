"""The five map items on hand-made shapes: one base gives each its cache, its z order and the
rule that only a changed shape touches the item."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene
from pytestqt.qtbot import QtBot

from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.items.base import ShapeItem
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.items.link import LinkItem
from desktop.ui.map.items.marker import MarkerItem
from desktop.ui.map.items.room import RoomItem
from desktop.ui.map.items.token import TokenItem
from desktop.ui.map.picture.shapes import (
    CELL,
    DoorShape,
    LinkShape,
    MarkerShape,
    RoomShape,
    TokenShape,
)

ROOM = RoomShape("galley", "Galley", 2, 3, 4, 3, "OPERATIONAL", revealed=False)
DOOR = DoorShape("d1", "standard", "CLOSED", 6.0, 4.5, "v", 1.0, name="Galley door")
LINK = LinkShape("l1", "ladder", "OPERATIONAL", "galley", 3.5, 4.5, to_deck_name="Deck 2")
MARKER = MarkerShape("poi:k", "poi", "item", "Trauma kit", "galley", 4.0, 4.0)
TOKEN = TokenShape("t1", "pc", "Okafor", 3, 4, (), None, "galley")


def make(shape: object) -> ShapeItem[object]:
    if isinstance(shape, RoomShape):
        return RoomItem(shape)  # type: ignore[return-value]
    if isinstance(shape, DoorShape):
        return DoorItem(shape)  # type: ignore[return-value]
    if isinstance(shape, LinkShape):
        return LinkItem(shape)  # type: ignore[return-value]
    if isinstance(shape, MarkerShape):
        return MarkerItem(shape.id, shape)  # type: ignore[return-value]
    assert isinstance(shape, TokenShape)
    return TokenItem(shape, ImageCache())  # type: ignore[return-value]


CHANGES = [
    (ROOM, replace(ROOM, revealed=True), "Galley — revealed"),
    (DOOR, replace(DOOR, status="LOCKED"), "Galley door — locked"),
    (LINK, replace(LINK, status="DAMAGED"), "(damaged)"),
    (MARKER, replace(MARKER, name="Med kit"), "Item: Med kit"),
    (TOKEN, replace(TOKEN, statuses=("wounded",)), "(wounded)"),
]


@pytest.mark.parametrize(("shape", "changed", "tip"), CHANGES, ids=lambda v: type(v).__name__)
def test_an_item_shows_a_changed_shape_and_ignores_the_same_one(
    qtbot: QtBot, shape: object, changed: object, tip: str
) -> None:
    scene = QGraphicsScene()
    item = make(shape)
    scene.addItem(item)
    assert item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    before = item.toolTip()
    item.set_shape(shape)
    assert item.toolTip() == before and item.shape_data is shape
    item.set_shape(changed)
    assert item.shape_data is changed and tip in item.toolTip()


def test_items_stack_rooms_under_links_doors_markers_and_tokens(qtbot: QtBot) -> None:
    z = [make(s).zValue() for s in (ROOM, LINK, DOOR, MARKER, TOKEN)]
    assert z == sorted(z) and len(set(z)) == 5


def test_an_item_sits_where_its_shape_says(qtbot: QtBot) -> None:
    room = make(ROOM)
    assert (room.pos().x(), room.pos().y()) == (2 * CELL, 3 * CELL)
    room.set_shape(replace(ROOM, x=5))
    assert room.pos().x() == 5 * CELL
    token = make(TOKEN)
    assert (token.pos().x(), token.pos().y()) == (3.5 * CELL, 4.5 * CELL)


def test_a_room_of_cells_is_hit_and_drawn_only_on_its_cells(qtbot: QtBot) -> None:
    """An L-shaped room (an imported one) takes no click in the corner of its box that is not
    its own: the room whose cells those are gets it."""
    cells = ((0, 0), (1, 0), (0, 1))
    scene = QGraphicsScene()
    room = RoomItem(RoomShape("ell", "Ell", 0, 0, 2, 2, "OPERATIONAL", True, cells=cells))
    corner = RoomItem(RoomShape("nook", "Nook", 1, 1, 1, 1, "OPERATIONAL", True))
    scene.addItem(room)
    scene.addItem(corner)
    corner.setZValue(-1)  # below the ell: only the ell's shape decides
    inside, missing = (CELL * 0.5, CELL * 1.5), (CELL * 1.5, CELL * 1.5)
    assert room.shape().contains(room.mapFromScene(*inside))
    assert not room.shape().contains(room.mapFromScene(*missing))
    hit = [i for i in scene.items(QPointF(*missing)) if isinstance(i, RoomItem)]
    assert [i.room_id for i in hit] == ["nook"]


def test_a_room_of_cells_names_itself_on_its_own_cells(qtbot: QtBot) -> None:
    """An L whose box's top-left cell is another room's: the name starts on the L's top row."""
    cells = ((1, 0), (1, 1), (0, 1))
    room = RoomItem(RoomShape("ell", "Ell", 0, 0, 2, 2, "OPERATIONAL", True, cells=cells))
    assert room.shape().contains(room._label_at)
    assert room._label_at.x() >= CELL  # not over cell (0, 0)
