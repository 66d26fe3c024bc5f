"""One deck's shapes, computed once: its rooms, the doors and corridors between them, the
ladders and lifts to other decks, and where its markers sit (in cells, frozen values).

The player projection, the GM snapshot and the GM map all draw from a DeckGeometry; what
each audience may see is chosen afterwards (deckmap.py for the displays). The primitives —
where a door sits on a wall, how a corridor bends, how markers move apart — are in
geometry.py. Map import will add image layers and polygon rooms here: a room is an area
with an outline, a deck has a background picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.campaign.model import Deck, LocationMap, Room, frozen_map
from desktop.model.geometry import (
    DoorEnd,
    Passage,
    Point,
    alone_ends,
    deck_passages,
    link_position,
    spread,
)


@dataclass(frozen=True, slots=True)
class RoomArea:
    """Where a room is: a rectangle of cells, or the cells it names (an L-shape, an imported
    room; x, y, width, height are then their box). A polygon may come later."""

    id: str
    x: int
    y: int
    width: int
    height: int
    shape: frozenset[tuple[int, int]] = frozenset()  # its cells; empty: the whole rectangle

    @property
    def outline(self) -> tuple[Point, ...]:
        """The box's walls as a closed polygon, clockwise from the top-left corner (a room of
        cells: their bounding box)."""
        x0, y0, x1, y1 = self.x, self.y, self.x + self.width, self.y + self.height
        return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


@dataclass(frozen=True, slots=True)
class DoorPlace:
    """A connection as drawn: its door(s) and corridor, and what it is in the campaign."""

    id: str  # the connection's id
    type: str  # standard, airlock, blast_door, emergency, or passage (no door)
    status: str  # the campaign's status (OPEN for a passage); the table may override it
    from_room: str
    to_room: str
    way: Passage
    # On a shared wall: the door placed from each room's side alone (from_room's, to_room's),
    # where players see it while the other room is hidden (geometry.alone_ends).
    alone: tuple[DoorEnd, DoorEnd] | None = None


@dataclass(frozen=True, slots=True)
class LinkPlace:
    """A ladder, lift, hatch or stair in a room of this deck, and where it leads."""

    key: str  # the link's id; "<id>:in" for one written only on the far deck
    type: str
    status: str
    room_id: str
    x: float
    y: float
    far_deck: str
    far_deck_name: str
    far_room: str
    direction: str  # "up" or "down"


@dataclass(frozen=True, slots=True)
class MarkerPlace:
    """A terminal or point of interest where the campaign puts it (before moving apart)."""

    key: str  # "terminal:<id>" or "poi:<id>"
    id: str
    room_id: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class SeenDoor:
    """A door as the displays draw it: its symbol(s) and the corridor they see."""

    ends: tuple[DoorEnd, ...]
    corridor: tuple[Point, ...] = ()


@dataclass(frozen=True, slots=True)
class DeckGeometry:
    """Everything on one deck that has a place, in cells; see deck_geometry()."""

    deck_id: str
    width: int
    height: int
    unit_size: int
    background: Path | None
    rooms: Mapping[str, RoomArea]
    doors: Mapping[str, DoorPlace]  # in the deck's order of connections
    links: Mapping[str, LinkPlace]  # by key; already moved apart in their rooms
    markers: Mapping[str, MarkerPlace]  # terminals, then points of interest

    def placed(self, keys: Iterable[str]) -> dict[str, Point]:
        """Where the given markers are drawn: moved apart room by room, after the room's links
        and in the order given (terminals before points of interest), so that none covers
        another. Only the markers given take part: one left out makes no room for itself."""
        by_room: dict[str, list[MarkerPlace]] = {}
        for key in keys:
            marker = self.markers[key]
            by_room.setdefault(marker.room_id, []).append(marker)
        found: dict[str, Point] = {}
        for room_id, markers in by_room.items():
            links = [(k.x, k.y) for k in self.links.values() if k.room_id == room_id]
            points = spread([*links, *((m.x, m.y) for m in markers)], self.rooms.get(room_id))
            for marker, point in zip(markers, points[len(links) :], strict=True):
                found[marker.key] = point
        return found

    def seen_doors(self, revealed: Set[str]) -> dict[str, SeenDoor]:
        """The doors that touch a revealed room, as players see them (in the deck's order).

        Between two revealed rooms: the whole passage. Toward a room players cannot see, the
        door is placed from the revealed room's side alone: a corridor's door with a stub of
        fixed length; a door on a shared wall where `DoorPlace.alone` puts it."""
        seen: dict[str, SeenDoor] = {}
        for door in self.doors.values():
            shown_a, shown_b = door.from_room in revealed, door.to_room in revealed
            way = door.way
            if shown_a and shown_b:
                ends = (way.a,) if way.b is None else (way.a, way.b)
                seen[door.id] = SeenDoor(ends, way.corridor)
            elif way.b is not None and (shown_a or shown_b):
                near = way.a if shown_a else way.b
                seen[door.id] = SeenDoor((near,), near.stub())
            elif door.alone is not None and (shown_a or shown_b):
                seen[door.id] = SeenDoor((door.alone[0 if shown_a else 1],))
        return seen


_CACHE: dict[tuple[int, int], tuple[LocationMap, Deck, DeckGeometry]] = {}


def deck_geometry(lmap: LocationMap, deck: Deck) -> DeckGeometry:
    """The geometry of a deck of a map, built once per (map, deck) object: campaign objects
    never change, a new campaign brings new ones."""
    key = (id(lmap), id(deck))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is lmap and cached[1] is deck:
        return cached[2]
    if len(_CACHE) > 64:
        _CACHE.clear()
    geometry = _build(lmap, deck)
    _CACHE[key] = (lmap, deck, geometry)
    return geometry


def _build(lmap: LocationMap, deck: Deck) -> DeckGeometry:
    grid = deck.grid
    rooms = {r.id: RoomArea(r.id, r.x, r.y, r.width, r.height, r.shape) for r in deck.rooms}
    return DeckGeometry(
        deck_id=deck.id,
        width=grid.width if grid else 0,
        height=grid.height if grid else 0,
        unit_size=grid.unit_size if grid else 40,
        background=deck.background,
        rooms=frozen_map(rooms),
        doors=frozen_map(_doors(deck)),
        links=frozen_map(_links(lmap, deck, rooms)),
        markers=frozen_map(_markers(deck)),
    )


def _doors(deck: Deck) -> dict[str, DoorPlace]:
    rooms: dict[str, Room] = {r.id: r for r in deck.rooms}
    ways = deck_passages(rooms, [(c.id, c.from_room, c.to_room) for c in deck.connections])
    placed = {
        c.id: _placed(rooms[c.from_room], c.position)
        for c in deck.connections
        if c.position is not None and c.id in ways
    }
    found = [(c, placed.get(c.id, ways[c.id])) for c in deck.connections if c.id in ways]
    shared = [(c.id, c.from_room, c.to_room, w) for c, w in found if c.id not in placed]
    alone = alone_ends(rooms, shared)
    doors: dict[str, DoorPlace] = {}
    for conn, way in found:
        status = conn.door_status if conn.has_door else "OPEN"
        kind = conn.door_type or "passage"
        ends = None
        if conn.id in placed:  # where the campaign puts it: no other room's extent in it
            end = way.a
            ends = (end, DoorEnd(end.x, end.y, end.orientation, -end.nx, -end.ny))
        elif way.b is None:
            ends = (alone[(conn.id, conn.from_room)], alone[(conn.id, conn.to_room)])
        doors[conn.id] = DoorPlace(conn.id, kind, status, conn.from_room, conn.to_room, way, ends)
    return doors


def _placed(room: Room, at: Point) -> Passage:
    """A door where the campaign puts it (an imported portal): on a vertical wall when it sits
    on a vertical grid line, facing out of its first room."""
    x, y = at
    if abs(x - round(x)) < 1e-6 <= abs(y - round(y)):
        nx = 1 if room.contains(round(x) - 1, math.floor(y)) else -1
        return Passage(DoorEnd(x, y, "v", nx, 0), None, (), 1.0)
    ny = 1 if room.contains(math.floor(x), round(y) - 1) else -1
    return Passage(DoorEnd(x, y, "h", 0, ny), None, (), 1.0)


LinkEnd = tuple[str, str, str, str, str, str]  # key, type, status, room here, far deck, far room


def _link_ends(lmap: LocationMap, deck: Deck) -> list[LinkEnd]:
    """The links that touch this deck: its own, then those written only on the far deck."""
    found = [(k.id, k.type, k.status, k.from_room, k.to_deck, k.to_room) for k in deck.links]
    here = {(k.from_room, k.to_deck) for k in deck.links}
    for other in lmap.decks:
        for k in other.links if other.id != deck.id else ():
            if k.to_deck == deck.id and (k.to_room, other.id) not in here:
                found.append((k.id + ":in", k.type, k.status, k.to_room, other.id, k.from_room))
    return found


def _links(lmap: LocationMap, deck: Deck, rooms: Mapping[str, RoomArea]) -> dict[str, LinkPlace]:
    """Each link in its room: the first in the middle, the next ones along a row (a slot per
    link of the room), then moved apart like markers."""
    slots: dict[str, int] = {}
    links: list[LinkPlace] = []
    for key, kind, status, room_id, far_deck, far_room in _link_ends(lmap, deck):
        room = rooms.get(room_id)
        if room is None:
            continue
        slot = slots[room_id] = slots.get(room_id, -1) + 1
        x, y = link_position(room, slot)
        far = lmap.deck(far_deck)
        up = far is not None and far.level > deck.level
        name = far.name if far is not None else far_deck
        links.append(
            LinkPlace(key, kind, status, room_id, x, y, far_deck, name, far_room, _UP_DOWN[up])
        )
    return {k.key: k for k in _spread_links(links, rooms)}


_UP_DOWN = {True: "up", False: "down"}


def _spread_links(links: list[LinkPlace], rooms: Mapping[str, RoomArea]) -> list[LinkPlace]:
    by_room: dict[str, list[int]] = {}
    for i, link in enumerate(links):
        by_room.setdefault(link.room_id, []).append(i)
    moved = list(links)
    for room_id, indices in by_room.items():
        points = spread([(links[i].x, links[i].y) for i in indices], rooms.get(room_id))
        for i, (x, y) in zip(indices, points, strict=True):
            if (x, y) != (links[i].x, links[i].y):
                moved[i] = replace(links[i], x=x, y=y)
    return moved


def _markers(deck: Deck) -> dict[str, MarkerPlace]:
    found = [(f"terminal:{t.id}", t.id, t.room, t.x, t.y) for t in deck.terminals]
    found += [(f"poi:{p.id}", p.id, p.room, p.x, p.y) for p in deck.pois]
    return {key: MarkerPlace(key, mid, room, x, y) for key, mid, room, x, y in found}
