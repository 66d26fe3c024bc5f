"""A deck plan as players see it (revealed rooms only, opaque doors) and as the GM sees it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.campaign.model import Connection, Deck, Location, MapTerminal, Poi, Room
from desktop.model.deck_geometry import (
    DeckGeometry,
    DoorPlace,
    LinkPlace,
    SeenDoor,
    deck_geometry,
)
from desktop.model.geometry import DoorEnd, Point, compact
from desktop.model.media import media_url, opaque_id
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


def _status(door: DoorPlace, lstate: LocationState) -> str:
    return "OPEN" if door.type == "passage" else lstate.door_status.get(door.id, door.status)


def _end(end: DoorEnd) -> Json:
    return {"x": compact(end.x), "y": compact(end.y), "orientation": end.orientation}


def _path(points: tuple[Point, ...]) -> list[list[float | int]]:
    return [[compact(x), compact(y)] for x, y in points]


def _door(door: DoorPlace, lstate: LocationState) -> Json:
    way = door.way
    ends = [way.a] if way.b is None else [way.a, way.b]
    return {
        "type": door.type,
        "status": _status(door, lstate),
        **_end(way.a),
        "length": compact(way.length),
        "ends": [_end(e) for e in ends],
        "corridor": _path(way.corridor),
    }


def _player_door(door_id: str, kind: str, seen: SeenDoor) -> Json:
    """A door as players get it: where its symbols and corridor are, and its kind. Its status
    is in encounter_door_status. Neither the rooms it joins nor the length of a shared wall
    are sent; toward a room players cannot see, the door is placed from the revealed room's
    side alone (DeckGeometry.seen_doors), so nothing tells where that room is or how large."""
    return {
        "id": door_id,
        "type": kind,
        **_end(seen.ends[0]),
        "ends": [_end(e) for e in seen.ends],
        "corridor": _path(seen.corridor),
    }


def geometry_of(location: Location, deck: Deck) -> DeckGeometry:
    """The deck's shapes (desktop/model/deck_geometry.py), built once per deck."""
    lmap = location.map
    assert lmap is not None
    return deck_geometry(lmap, deck)


def _player_doors(location: Location, deck: Deck, lstate: LocationState) -> tuple[list[Json], Json]:
    """The doors of the deck that touch a revealed room, and their statuses by opaque id."""
    geometry = geometry_of(location, deck)
    doors: list[Json] = []
    statuses: Json = {}
    for conn_id, seen in geometry.seen_doors(lstate.revealed).items():
        door_id = opaque_id("door", location.slug, conn_id)
        doors.append(_player_door(door_id, geometry.doors[conn_id].type, seen))
        statuses[door_id] = _status(geometry.doors[conn_id], lstate)
    return doors, statuses


def _player_links(location: Location, deck: Deck, lstate: LocationState) -> list[Json]:
    """Ladders and lifts in revealed rooms, without their far end."""
    return [
        {
            "id": opaque_id("link", location.slug, k.key),
            "type": k.type,
            "status": k.status,
            "room_id": k.room_id,
            "x": compact(k.x),
            "y": compact(k.y),
            "direction": k.direction,
        }
        for k in geometry_of(location, deck).links.values()
        if k.room_id in lstate.revealed
    ]


def _shown_markers(deck: Deck, lstate: LocationState) -> list[str]:
    """The markers players see: in a revealed room, shown, not removed (geometry keys)."""
    gone, revealed = lstate.removed_markers, lstate.revealed
    found: list[tuple[str, MapTerminal | Poi]] = [(f"terminal:{t.id}", t) for t in deck.terminals]
    found += [(f"poi:{p.id}", p) for p in deck.pois]
    return [
        key
        for key, m in found
        if m.room in revealed and marker_shown(m, lstate) and m.id not in gone
    ]


def _kept_markers(deck: Deck, lstate: LocationState) -> list[str]:
    """The markers the GM sees: all but those the GM removed (geometry keys)."""
    gone = lstate.removed_markers
    keys = [f"terminal:{t.id}" for t in deck.terminals if t.id not in gone]
    return keys + [f"poi:{p.id}" for p in deck.pois if p.id not in gone]


def _at(places: Mapping[str, Point], key: str) -> Json:
    x, y = places[key]
    return {"x": compact(x), "y": compact(y)}


def _terminal(t: MapTerminal, name: str, at: Mapping[str, Point]) -> Json:
    """A terminal marker as players get it (the GM's has more after these)."""
    return {"id": t.id, "name": name, "room_id": t.room, **_at(at, f"terminal:{t.id}")}


def _poi(p: Poi, name: str, at: Mapping[str, Point]) -> Json:
    """A point of interest as players get it (the GM's has more after these)."""
    return {
        "id": p.id,
        "type": p.type,
        "name": name,
        "room_id": p.room,
        **_at(at, f"poi:{p.id}"),
        "icon": p.icon,
        "status": p.status,
        "description": p.description,
    }


def _player_terminals(deck: Deck, lstate: LocationState, at: Mapping[str, Point]) -> list[Json]:
    names = lstate.marker_names
    return [
        _terminal(t, names.get(t.id) or shown_name(t.name, t.id, t.terminal_slug), at)
        for t in deck.terminals
        if f"terminal:{t.id}" in at
    ]


def _player_pois(deck: Deck, lstate: LocationState, at: Mapping[str, Point]) -> list[Json]:
    names = lstate.marker_names
    return [
        _poi(p, names.get(p.id) or shown_name(p.name, p.id), at)
        for p in deck.pois
        if f"poi:{p.id}" in at
    ]


def player_map(
    location: Location, deck: Deck, lstate: LocationState, media: dict[str, Path] | None = None
) -> PlayerMap:
    """The current deck for players: revealed rooms only, doors without the room behind,
    markers moved apart where they would overlap (among the markers players see). A revealed
    room of a deck with a picture names its own piece of it (recorded in media); no other
    room's piece is ever named."""
    rooms = [r for r in deck.rooms if r.id in lstate.revealed]
    untold = lstate.hidden_descriptions
    doors, statuses = _player_doors(location, deck, lstate)
    at = geometry_of(location, deck).placed(_shown_markers(deck, lstate))
    shown = [_player_room(r, lstate, r.id not in untold) for r in rooms]
    for room, fields in zip(rooms, shown, strict=True):
        url = media_url(deck.pieces.get(room.id), media) if media is not None else ""
        if url:
            fields["picture"] = url
    encounter_map: Json = {
        "grid": _grid(deck),
        "rooms": shown,
        "doors": doors,
        "links": _player_links(location, deck, lstate),
        "terminals": _player_terminals(deck, lstate, at),
        "pois": _player_pois(deck, lstate, at),
    }
    return encounter_map, {r.id: True for r in rooms}, statuses


def gm_map(location: Location, deck: Deck, lstate: LocationState) -> Json:
    """The current deck for the GM: every room and door, real ids, far ends, hidden things;
    everything where the GM map draws it (the deck's one geometry)."""
    revealed, untold = lstate.revealed, lstate.hidden_descriptions
    geometry = geometry_of(location, deck)
    at = geometry.placed(_kept_markers(deck, lstate))
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
        "doors": [
            {"id": d.id, "from": d.from_room, "to": d.to_room, **_door(d, lstate)}
            for d in geometry.doors.values()
        ],
        "links": [_gm_link(k) for k in geometry.links.values()],
        "terminals": _gm_terminals(deck, lstate, at),
        "pois": _gm_pois(deck, lstate, at),
    }


def _gm_terminals(deck: Deck, lstate: LocationState, at: Mapping[str, Point]) -> list[Json]:
    names = lstate.marker_names
    return [
        {
            **_terminal(t, names.get(t.id, t.name), at),
            "terminal_slug": t.terminal_slug,
            "hidden": t.hidden,
            "revealed": marker_shown(t, lstate),
        }
        for t in deck.terminals
        if f"terminal:{t.id}" in at
    ]


def _gm_pois(deck: Deck, lstate: LocationState, at: Mapping[str, Point]) -> list[Json]:
    names = lstate.marker_names
    return [
        {
            **_poi(p, names.get(p.id, p.name), at),
            "hidden": p.hidden,
            "revealed": marker_shown(p, lstate),
        }
        for p in deck.pois
        if f"poi:{p.id}" in at
    ]


def _gm_link(link: LinkPlace) -> Json:
    return {
        "id": link.key,
        "type": link.type,
        "status": link.status,
        "room_id": link.room_id,
        "x": compact(link.x),
        "y": compact(link.y),
        "direction": link.direction,
        "to_deck": link.far_deck,
        "to_room": link.far_room,
    }
