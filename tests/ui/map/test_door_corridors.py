"""The GM map draws a campaign of separate rooms as the displays do: a corridor from wall to
wall with a door on each wall (the geometry of desktop/model/geometry.py), never a door
floating between the rooms; a click on a room beside a corridor still reaches the room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from desktop.campaign import load_campaign
from desktop.model.geometry import MARKER_SPACING
from desktop.model.state import TableState
from desktop.ui.map.items.door import DoorItem
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.map.picture.state import StatePictureBuilder

ORIGINAL = Path(__file__).resolve().parents[2] / "fixtures" / "original_campaign"


def test_separate_rooms_get_a_corridor_and_a_door_on_each_wall(qapp: QApplication) -> None:
    campaign = load_campaign(ORIGINAL)
    picture = StatePictureBuilder().build(TableState(), campaign, "relay_nine", "upper")
    rooms = picture.rooms
    door = picture.doors["c_dock_hub"]  # the collar (x 1..5) and the hub (x 9..15) apart
    assert (door.x, door.y, door.orientation) == (5, 10.5, "v")
    assert door.far == (9, 10.5, "v")
    assert door.corridor == ((5, 10.5), (9, 10.5))
    for shape in picture.doors.values():  # every door sits on a wall of one of its rooms
        walls = {
            (r.x, r.x + r.width, r.y, r.y + r.height)
            for r in rooms.values()
            if r.x <= shape.x <= r.x + r.width and r.y <= shape.y <= r.y + r.height
        }
        assert any(shape.x in (x0, x1) or shape.y in (y0, y1) for x0, x1, y0, y1 in walls)

    item = DoorItem(door)
    scene = QGraphicsScene()
    scene.addItem(item)
    hit = item.shape()
    assert hit.contains(QPointF(2 * CELL, 0))  # halfway along the corridor
    assert hit.contains(QPointF(4 * CELL, 0))  # the hub's door
    assert not hit.contains(QPointF(4 * CELL, 2 * CELL))  # inside the hub, beside the door
    bounds = item.mapRectToScene(item.boundingRect())
    assert bounds.contains(QRectF(5 * CELL, 10 * CELL, 4 * CELL, CELL))
    image = QImage(800, 400, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    assert image.pixel(400, 200) != 0 or any(
        image.pixel(x, y) != 0 for x in range(0, 800, 20) for y in range(0, 400, 20)
    )


def test_markers_sharing_a_cell_are_apart_as_on_the_displays(qapp: QApplication) -> None:
    campaign = load_campaign(ORIGINAL)
    picture = StatePictureBuilder().build(TableState(), campaign, "relay_nine", "upper")
    hub = [m for m in picture.markers.values() if m.room_id == "hub"]
    assert [m.id for m in hub] == ["poi_leak", "poi_log"]  # both at (12.5, 10.5) in the file
    (a, b) = hub
    assert max(abs(a.x - b.x), abs(a.y - b.y)) >= MARKER_SPACING
    ops = [m for m in picture.markers.values() if m.room_id == "ops"]
    assert len({(m.x, m.y) for m in ops}) == 2  # the terminal and the strongbox
