"""Where doors and links sit on a deck plan, in cells (pure; the GM window uses it too)."""

from __future__ import annotations

from typing import Protocol


class Rect(Protocol):
    """Anything with a cell rectangle (a campaign Room)."""

    @property
    def x(self) -> int: ...
    @property
    def y(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


DoorGeometry = tuple[float, float, str, float]  # x, y of the middle, "h" | "v", length


def _overlap(a0: int, a1: int, b0: int, b1: int) -> tuple[int, int]:
    return max(a0, b0), min(a1, b1)


def door_geometry(a: Rect, b: Rect) -> DoorGeometry:
    """The door between two rooms: the middle of their shared wall, its orientation, its length.

    Rooms side by side share a vertical wall ("v"); rooms above each other a horizontal one
    ("h"). Rooms that do not touch get a one-cell door halfway between their centres, across
    the axis that separates them most.
    """
    lo, hi = _overlap(a.y, a.y + a.height, b.y, b.y + b.height)
    if hi > lo and (a.x + a.width == b.x or b.x + b.width == a.x):
        wall = b.x if a.x + a.width == b.x else a.x
        return float(wall), (lo + hi) / 2, "v", float(hi - lo)
    lo, hi = _overlap(a.x, a.x + a.width, b.x, b.x + b.width)
    if hi > lo and (a.y + a.height == b.y or b.y + b.height == a.y):
        wall = b.y if a.y + a.height == b.y else a.y
        return (lo + hi) / 2, float(wall), "h", float(hi - lo)
    ax, ay = center(a)
    bx, by = center(b)
    orientation = "v" if abs(bx - ax) >= abs(by - ay) else "h"
    return (ax + bx) / 2, (ay + by) / 2, orientation, 1.0


def center(room: Rect) -> tuple[float, float]:
    """The middle of a room, in cells."""
    return room.x + room.width / 2, room.y + room.height / 2


def link_position(room: Rect, index: int) -> tuple[float, float]:
    """Where the index-th inter-deck link of a room is drawn: the centre, then along a row."""
    cx, cy = center(room)
    if index == 0:
        return cx, cy
    step = (index + 1) // 2 * (1 if index % 2 else -1)
    x = min(max(cx + step, room.x + 0.5), room.x + room.width - 0.5)
    return x, cy


def compact(value: float) -> float | int:
    """A coordinate as JSON writes it shortest: 4 rather than 4.0."""
    return int(value) if float(value).is_integer() else value
