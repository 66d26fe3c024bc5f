"""Where doors, corridors, links and markers sit on a deck plan, in cells: the pure primitives
that deck_geometry.py puts together once per deck (the displays, the GM snapshot and the GM
map all draw from that)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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


# --- passages: doors on walls, corridors between rooms that do not touch ---------------------

STUB = 1.0  # cells of corridor drawn beyond the door of a revealed room when the far one is not
MARKER_SPACING = 0.8  # centre to centre: the largest marker icon is 0.72 cells wide
NAME_BAND = 2.0  # cells at the top of a room kept for its name (less in a low room)

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class DoorEnd:
    """A door symbol on a room's wall: its middle, the wall's direction, the way out."""

    x: float
    y: float
    orientation: str  # "v": on a vertical wall, "h": on a horizontal one
    nx: int  # the wall's outward normal (out of the room the door belongs to)
    ny: int

    def stub(self) -> tuple[Point, ...]:
        """A corridor of fixed length out of this door (the far room is not to be shown)."""
        return ((self.x, self.y), (self.x + self.nx * STUB, self.y + self.ny * STUB))


@dataclass(frozen=True, slots=True)
class Passage:
    """How a connection is drawn: one door on a shared wall, or a door on each room's wall
    joined by a corridor from wall to wall (rooms that do not touch)."""

    a: DoorEnd  # on room a's wall (the shared wall when the rooms touch)
    b: DoorEnd | None  # on room b's wall; None when the rooms touch
    corridor: tuple[Point, ...] = ()  # wall to wall, straight or with right-angle bends
    length: float = 1.0  # the shared wall's length (rooms that touch)


def _gap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Cells between two intervals (negative: they overlap)."""
    return max(b0 - a1, a0 - b1)


def wall_end(room: Rect, nx: int, ny: int, share: float) -> DoorEnd:
    """A door on a room's wall facing (nx, ny), `share` of the way along it."""
    if nx:
        x = room.x + (room.width if nx > 0 else 0)
        return DoorEnd(x, room.y + room.height * share, "v", nx, 0)
    y = room.y + (room.height if ny > 0 else 0)
    return DoorEnd(room.x + room.width * share, y, "h", 0, ny)


def _sign(value: float) -> int:
    return 1 if value > 0 else -1


Side = tuple[int, int]


def _sides(a: Rect, b: Rect) -> tuple[Side, Side] | None:
    """The walls a corridor from a to b leaves and enters (None: the rooms touch or overlap)."""
    gx = _gap(a.x, a.x + a.width, b.x, b.x + b.width)
    gy = _gap(a.y, a.y + a.height, b.y, b.y + b.height)
    (ax, ay), (bx, by) = center(a), center(b)
    if (gx == 0 and gy < 0) or (gy == 0 and gx < 0) or (gx < 0 and gy < 0):
        return None
    if gx < 0:  # one above the other
        return (0, _sign(by - ay)), (0, _sign(ay - by))
    if gy < 0:  # side by side
        return (_sign(bx - ax), 0), (_sign(ax - bx), 0)
    if gx >= gy:  # diagonal: out of a sideways, into b from above or below
        return (_sign(bx - ax), 0), (0, _sign(ay - by))
    return (0, _sign(by - ay)), (_sign(ax - bx), 0)


def _corridor(p: DoorEnd, q: DoorEnd) -> tuple[Point, ...]:
    """Wall to wall with right angles: straight, a jog halfway, or one bend."""
    if p.orientation == q.orientation == "h":
        mid = (p.y + q.y) / 2
        path = [(p.x, p.y), (p.x, mid), (q.x, mid), (q.x, q.y)]
    elif p.orientation == q.orientation == "v":
        mid = (p.x + q.x) / 2
        path = [(p.x, p.y), (mid, p.y), (mid, q.y), (q.x, q.y)]
    elif p.orientation == "v":
        path = [(p.x, p.y), (q.x, p.y), (q.x, q.y)]
    else:
        path = [(p.x, p.y), (p.x, q.y), (q.x, q.y)]
    return _simplify(path)


def deck_passages(
    rooms: Mapping[str, Rect], connections: Iterable[tuple[str, str, str]]
) -> dict[str, Passage]:
    """How every connection (id, room, room) of a deck is drawn.

    Rooms that share a wall get one door in the middle of the shared part. Otherwise a corridor
    leaves a door on the wall of each room that faces the other; the doors on one wall are
    spread evenly along it (in the order of where they lead, so corridors do not cross there).
    Where a door sits depends on its own room, and on the other rooms only through that order:
    a door of a revealed room says nothing of the size or place of a hidden one.
    """
    found: dict[str, Passage] = {}
    walls: dict[tuple[str, Side], list[tuple[float, str, int]]] = {}
    plans: dict[str, tuple[Rect, Rect, Side, Side, str, str]] = {}
    for conn_id, ra, rb in connections:
        a, b = rooms.get(ra), rooms.get(rb)
        if a is None or b is None:
            continue
        sides = _sides(a, b)
        if sides is None:
            x, y, orientation, length = door_geometry(a, b)
            (ax, ay), (bx, by) = center(a), center(b)
            nx, ny = (_sign(bx - ax), 0) if orientation == "v" else (0, _sign(by - ay))
            found[conn_id] = Passage(DoorEnd(x, y, orientation, nx, ny), None, (), length)
            continue
        plans[conn_id] = (a, b, sides[0], sides[1], ra, rb)
        for index, (room_id, side, other) in enumerate(((ra, sides[0], b), (rb, sides[1], a))):
            along = center(other)[1] if side[0] else center(other)[0]
            walls.setdefault((room_id, side), []).append((along, conn_id, index))
    share: dict[tuple[str, int], float] = {}
    for ends in walls.values():
        ends.sort()
        for i, (_along, conn_id, index) in enumerate(ends):
            share[(conn_id, index)] = (i + 1) / (len(ends) + 1)
    for conn_id, (a, b, side_a, side_b, _ra, _rb) in plans.items():
        p = wall_end(a, *side_a, share[(conn_id, 0)])
        q = wall_end(b, *side_b, share[(conn_id, 1)])
        found[conn_id] = Passage(p, q, _corridor(p, q))
    return found


def alone_ends(
    rooms: Mapping[str, Rect], ways: Iterable[tuple[str, str, str, Passage]]
) -> dict[tuple[str, str], DoorEnd]:
    """Each door on a shared wall placed from one of its rooms' side alone, for both rooms:
    by (connection id, room id). The doors through shared walls of one wall of a room are
    spread evenly along it (in the order of where they lead; on half cells). Players see a
    door there while the room behind it is hidden: the middle of the shared part of the wall
    would tell how large that room is and where it lies."""
    walls: dict[tuple[str, int, int], list[tuple[float, str]]] = {}
    for conn_id, ra, rb, way in ways:
        if way.b is not None:
            continue
        along = way.a.y if way.a.orientation == "v" else way.a.x
        for room_id, sign in ((ra, 1), (rb, -1)):
            side = (room_id, way.a.nx * sign, way.a.ny * sign)
            walls.setdefault(side, []).append((along, conn_id))
    found: dict[tuple[str, str], DoorEnd] = {}
    for (room_id, nx, ny), ends in walls.items():
        ends.sort()
        room = rooms[room_id]
        for i, (_along, conn_id) in enumerate(ends):
            end = wall_end(room, nx, ny, (i + 1) / (len(ends) + 1))
            found[(conn_id, room_id)] = _on_half_cells(end, room)
    return found


def _on_half_cells(end: DoorEnd, room: Rect) -> DoorEnd:
    """The door moved along its wall to the nearest half cell, kept half a cell from corners."""
    if end.orientation == "v":
        y = min(max(round(end.y * 2) / 2, room.y + 0.5), room.y + room.height - 0.5)
        return DoorEnd(end.x, y, end.orientation, end.nx, end.ny)
    x = min(max(round(end.x * 2) / 2, room.x + 0.5), room.x + room.width - 0.5)
    return DoorEnd(x, end.y, end.orientation, end.nx, end.ny)


def passage(a: Rect, b: Rect) -> Passage:
    """The door(s) and corridor of a single connection between rooms a and b."""
    return deck_passages({"a": a, "b": b}, [("c", "a", "b")])["c"]


def _simplify(path: list[Point]) -> tuple[Point, ...]:
    """The path without repeated points and without points in the middle of a straight run."""
    points: list[Point] = []
    for p in path:
        if points and points[-1] == p:
            continue
        if len(points) >= 2:
            (x0, y0), (x1, y1) = points[-2], points[-1]
            if (x0 == x1 == p[0]) or (y0 == y1 == p[1]):
                points[-1] = p
                continue
        points.append(p)
    return tuple(points)


def spread(points: list[Point], room: Rect | None) -> list[Point]:
    """Marker positions moved apart (in order: the first keeps its place) so that no two are
    closer than MARKER_SPACING, staying inside the room and below the band at its top where
    the room's name is written; a crowded room keeps the rest."""
    result: list[Point] = []
    placed = _Placed()
    for p in points:
        if room is not None:
            p = (p[0], max(p[1], min(_top(room), room.y + room.height - MARKER_SPACING / 2)))
        spot = _free_spot(p, placed, room)
        placed.add(spot)
        result.append(spot)
    return result


def _top(room: Rect) -> float:
    """The highest a marker's centre may sit: under the room's name."""
    return room.y + min(NAME_BAND, room.height * 0.62)


class _Placed:
    """Markers placed so far, in buckets of MARKER_SPACING: a spot is checked against the nine
    buckets around it, not against every marker (3,000 markers in one room stay quick)."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[int, int], list[Point]] = {}

    @staticmethod
    def _key(p: Point) -> tuple[int, int]:
        return math.floor(p[0] / MARKER_SPACING), math.floor(p[1] / MARKER_SPACING)

    def add(self, p: Point) -> None:
        self.buckets.setdefault(self._key(p), []).append(p)

    def clear(self, p: Point) -> bool:
        """True if no marker placed so far is closer than MARKER_SPACING (in x and in y)."""
        kx, ky = self._key(p)
        for dx, dy in _AROUND:
            for q in self.buckets.get((kx + dx, ky + dy), ()):
                if max(abs(p[0] - q[0]), abs(p[1] - q[1])) < MARKER_SPACING:
                    return False
        return True


_AROUND = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, -1), (-1, 1), (1, 1))


def _free_spot(p: Point, placed: _Placed, room: Rect | None) -> Point:
    if placed.clear(p):
        return p
    step = MARKER_SPACING
    for ring in range(1, 6):
        spots = [
            (p[0] + i * step, p[1] + j * step)
            for j in range(-ring, ring + 1)
            for i in range(-ring, ring + 1)
            if max(abs(i), abs(j)) == ring
        ]
        spots.sort(key=lambda s: (abs(s[1] - p[1]), abs(s[0] - p[0]), s[0], s[1]))
        for spot in spots:
            if (room is None or _inside(spot, room)) and placed.clear(spot):
                return (round(spot[0], 3), round(spot[1], 3))
    return p


def _inside(p: Point, room: Rect) -> bool:
    margin = MARKER_SPACING / 2
    return (
        room.x + margin <= p[0] <= room.x + room.width - margin
        and _top(room) <= p[1] <= room.y + room.height - margin
    )
