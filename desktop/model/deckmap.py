"""A deck plan as players see it (revealed rooms only, opaque doors) and as the GM sees it."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.campaign.model import (
    Connection,
    Deck,
    InterDeckLink,
    Location,
    LocationMap,
    MapTerminal,
    Poi,
    Room,
)
from desktop.model.geometry import (
    DoorEnd,
    Passage,
    Point,
    compact,
    deck_passages,
    link_position,
    spread,
)
from desktop.model.media import opaque_id
from desktop.model.names import shown_name
from desktop.model.state import LocationState

Json = dict[str, object]
PlayerMap = tuple[Json, Json, Json]  # encounter_map, encounter_room_visibility, door statuses


def _grid(deck: Deck) -> Json:
    grid = deck.grid
    if grid is None:
        return {"width": 0, "height": 0, "unit_size": 40}
    return {"width": grid.width, "height": grid.height, "unit_size": grid.unit_size}


def marker_shown(item: Poi | MapTerminal, lstate: LocationState) -> bool:
    """Whether players may see a marker (in a revealed room): the campaign's `hidden` sets how
    it starts, the GM's toggles since decide."""
    if item.hidden:
        return item.id in lstate.revealed_pois
    return item.id not in lstate.hidden_pois


def _room(room: Room, lstate: LocationState) -> Json:
    fields: Json = {
        "id": room.id,
        "name": room.name,
        "x": room.x,
        "y": room.y,
        "width": room.width,
        "height": room.height,
        "status": lstate.room_status.get(room.id, room.status),
        "description": room.description,
    }
    if room.shape:  # not a rectangle: the cells it covers (x, y, width, height: their box)
        fields["cells"] = [[cx, cy] for cx, cy in room.cells()]
    return fields


def _player_room(room: Room, lstate: LocationState, told: bool) -> Json:
    """A revealed room as players get it: its description only while the GM lets them read it."""
    fields = _room(room, lstate)
    fields["name"] = shown_name(room.name, room.id)
    if not told:
        fields["description"] = ""
    return fields


def door_status(conn: Connection, lstate: LocationState) -> str:
    """A door's status now (the GM's override, else the campaign's); OPEN for a passage."""
    return lstate.door_status.get(conn.id, conn.door_status) if conn.has_door else "OPEN"


def _end(end: DoorEnd) -> Json:
    return {"x": compact(end.x), "y": compact(end.y), "orientation": end.orientation}


def _path(points: tuple[Point, ...]) -> list[list[float | int]]:
    return [[compact(x), compact(y)] for x, y in points]


def _door(conn: Connection, way: Passage, lstate: LocationState) -> Json:
    ends = [way.a] if way.b is None else [way.a, way.b]
    return {
        "type": conn.door_type or "passage",
        "status": door_status(conn, lstate),
        **_end(way.a),
        "length": compact(way.length),
        "ends": [_end(e) for e in ends],
        "corridor": _path(way.corridor),
    }


def _player_door(
    door_id: str, conn: Connection, way: Passage, shown_a: bool, shown_b: bool
) -> Json:
    """A door as players get it: where its symbols and corridor are, and its kind. Its status
    is in encounter_door_status. Neither the rooms it joins nor the length of a shared wall
    are sent; toward a room players cannot see, only a stub of fixed length leaves the door,
    so nothing tells where that room is."""
    corridor: tuple[Point, ...] = ()
    if way.b is None:
        ends = [way.a]
    elif shown_a and shown_b:
        ends, corridor = [way.a, way.b], way.corridor
    else:
        near = way.a if shown_a else way.b
        ends, corridor = [near], near.stub()
    return {
        "id": door_id,
        "type": conn.door_type or "passage",
        **_end(ends[0]),
        "ends": [_end(e) for e in ends],
        "corridor": _path(corridor),
    }


def passages(lmap: LocationMap, deck: Deck) -> dict[str, Passage]:
    """How the deck's connections are drawn (desktop/model/geometry.py), by connection id."""
    return deck_passages(lmap.rooms, [(c.id, c.from_room, c.to_room) for c in deck.connections])


def _links(lmap: LocationMap, deck: Deck) -> list[tuple[str, str, str, str, str, str]]:
    """(key, type, status, room here, far deck, far room) for the links that touch this deck."""
    found = [(k.id, k.type, k.status, k.from_room, k.to_deck, k.to_room) for k in deck.links]
    here = {(k.from_room, k.to_deck) for k in deck.links}
    for other in lmap.decks:
        if other.id == deck.id:
            continue
        for k in other.links:
            if k.to_deck == deck.id and (k.to_room, other.id) not in here:
                found.append((k.id + ":in", k.type, k.status, k.to_room, other.id, k.from_room))
    return found


def _direction(lmap: LocationMap, deck: Deck, far_deck: str) -> str:
    far = lmap.deck(far_deck)
    return "up" if far is not None and far.level > deck.level else "down"


def _player_doors(location: Location, deck: Deck, lstate: LocationState) -> tuple[list[Json], Json]:
    """The doors of the deck that touch a revealed room, and their statuses by opaque id."""
    lmap = location.map
    assert lmap is not None
    revealed = lstate.revealed
    doors: list[Json] = []
    statuses: Json = {}
    ways = passages(lmap, deck)
    for conn in deck.connections:
        a, b, way = lmap.rooms.get(conn.from_room), lmap.rooms.get(conn.to_room), ways.get(conn.id)
        if a is None or b is None or way is None:
            continue
        if a.id not in revealed and b.id not in revealed:
            continue
        door_id = opaque_id("door", location.slug, conn.id)
        doors.append(_player_door(door_id, conn, way, a.id in revealed, b.id in revealed))
        statuses[door_id] = door_status(conn, lstate)
    return doors, statuses


def _player_links(location: Location, deck: Deck, lstate: LocationState) -> list[Json]:
    """Ladders and lifts in revealed rooms, without their far end."""
    lmap = location.map
    assert lmap is not None
    links: list[Json] = []
    per_room: dict[str, int] = {}
    for key, kind, status, room_id, far_deck, _far_room in _links(lmap, deck):
        room = lmap.rooms.get(room_id)
        if room is None or room_id not in lstate.revealed:
            continue
        x, y = link_position(room, per_room.setdefault(room_id, 0))
        per_room[room_id] += 1
        links.append(
            {
                "id": opaque_id("link", location.slug, key),
                "type": kind,
                "status": status,
                "room_id": room_id,
                "x": compact(x),
                "y": compact(y),
                "direction": _direction(lmap, deck, far_deck),
            }
        )
    return links


def _player_terminals(deck: Deck, lstate: LocationState) -> list[Json]:
    names, gone = lstate.marker_names, lstate.removed_markers
    return [
        {
            "id": t.id,
            "name": names.get(t.id) or shown_name(t.name, t.id, t.terminal_slug),
            "room_id": t.room,
            "x": compact(t.x),
            "y": compact(t.y),
        }
        for t in deck.terminals
        if t.room in lstate.revealed and marker_shown(t, lstate) and t.id not in gone
    ]


def _player_pois(deck: Deck, lstate: LocationState) -> list[Json]:
    names, gone = lstate.marker_names, lstate.removed_markers
    return [
        {
            "id": p.id,
            "type": p.type,
            "name": names.get(p.id) or shown_name(p.name, p.id),
            "room_id": p.room,
            "x": compact(p.x),
            "y": compact(p.y),
            "icon": p.icon,
            "status": p.status,
            "description": p.description,
        }
        for p in deck.pois
        if p.room in lstate.revealed and marker_shown(p, lstate) and p.id not in gone
    ]


def player_map(location: Location, deck: Deck, lstate: LocationState) -> PlayerMap:
    """The current deck for players: revealed rooms only, doors without the room behind,
    markers moved apart where they would overlap."""
    lmap = location.map
    assert lmap is not None
    rooms = [r for r in deck.rooms if r.id in lstate.revealed]
    untold = lstate.hidden_descriptions
    doors, statuses = _player_doors(location, deck, lstate)
    links = _player_links(location, deck, lstate)
    terminals = _player_terminals(deck, lstate)
    pois = _player_pois(deck, lstate)
    spread_markers(lmap.rooms, [*links, *terminals, *pois])
    encounter_map: Json = {
        "grid": _grid(deck),
        "rooms": [_player_room(r, lstate, r.id not in untold) for r in rooms],
        "doors": doors,
        "links": links,
        "terminals": terminals,
        "pois": pois,
    }
    return encounter_map, {r.id: True for r in rooms}, statuses


def spread_markers(rooms: Mapping[str, Room], markers: list[Json]) -> None:
    """Move apart, room by room, the markers (links, terminals, POIs, in that order of
    precedence) that would overlap: a ladder and a hazard in one cell both stay readable."""
    by_room: dict[str, list[Json]] = {}
    for marker in markers:
        by_room.setdefault(str(marker["room_id"]), []).append(marker)
    for room_id, found in by_room.items():
        points = [(float(m["x"]), float(m["y"])) for m in found]  # type: ignore[arg-type]
        for marker, (x, y) in zip(found, spread(points, rooms.get(room_id)), strict=True):
            marker["x"], marker["y"] = compact(x), compact(y)


def gm_map(location: Location, deck: Deck, lstate: LocationState) -> Json:
    """The current deck for the GM: every room and door, real ids, far ends, hidden things."""
    lmap = location.map
    assert lmap is not None
    revealed, untold = lstate.revealed, lstate.hidden_descriptions
    names, gone = lstate.marker_names, lstate.removed_markers
    doors = []
    ways = passages(lmap, deck)
    for conn in deck.connections:
        way = ways.get(conn.id)
        if way is not None:
            fields = {"id": conn.id, "from": conn.from_room, "to": conn.to_room}
            doors.append({**fields, **_door(conn, way, lstate)})
    links = [_gm_link(lmap, deck, k) for k in deck.links]
    return {
        "grid": _grid(deck),
        "rooms": [
            {
                **_room(r, lstate),
                "revealed": r.id in revealed,
                "description_shown": r.id not in untold,
            }
            for r in deck.rooms
        ],
        "doors": doors,
        "links": links,
        "terminals": [
            {
                "id": t.id,
                "name": names.get(t.id, t.name),
                "room_id": t.room,
                "x": t.x,
                "y": t.y,
                "terminal_slug": t.terminal_slug,
                "hidden": t.hidden,
                "revealed": marker_shown(t, lstate),
            }
            for t in deck.terminals
            if t.id not in gone
        ],
        "pois": [
            {
                "id": p.id,
                "type": p.type,
                "name": names.get(p.id, p.name),
                "room_id": p.room,
                "x": p.x,
                "y": p.y,
                "icon": p.icon,
                "status": p.status,
                "description": p.description,
                "hidden": p.hidden,
                "revealed": marker_shown(p, lstate),
            }
            for p in deck.pois
            if p.id not in gone
        ],
    }


def _gm_link(lmap: LocationMap, deck: Deck, link: InterDeckLink) -> Json:
    room = lmap.rooms.get(link.from_room)
    x, y = link_position(room, 0) if room is not None else (0.0, 0.0)
    return {
        "id": link.id,
        "type": link.type,
        "status": link.status,
        "room_id": link.from_room,
        "x": x,
        "y": y,
        "direction": _direction(lmap, deck, link.to_deck),
        "to_deck": link.to_deck,
        "to_room": link.to_room,
    }
