"""The names the GM reads for what actions name by id: rooms, doors, decks, places, NPCs.

Undo and redo carry them ("Undo Door Airlock: Port Airlock ↔ Suit Locker locked"); an id the
campaign does not know stays as it is.
"""

from __future__ import annotations

from desktop.campaign.model import Campaign, Location, LocationMap


def door_name(door_type: str, room_a: str, room_b: str) -> str:
    """A door as the GM reads it: its kind and the rooms it joins, never its id."""
    return f"{door_type.replace('_', ' ').capitalize()}: {room_a} ↔ {room_b}"


def _maps(campaign: Campaign, slug: str) -> list[tuple[Location, LocationMap]]:
    return [
        (location, location.map)
        for location in campaign.locations.values()
        if location.map is not None and slug in ("", location.slug)
    ]


def room_label(campaign: Campaign, room_id: str, slug: str = "") -> str:
    for _location, lmap in _maps(campaign, slug):
        room = lmap.rooms.get(room_id)
        if room is not None:
            return room.name
    return room_id


def door_label(campaign: Campaign, connection_id: str, slug: str = "") -> str:
    for _location, lmap in _maps(campaign, slug):
        conn = lmap.connections.get(connection_id)
        if conn is not None:
            a, b = lmap.rooms.get(conn.from_room), lmap.rooms.get(conn.to_room)
            names = (a.name if a else conn.from_room, b.name if b else conn.to_room)
            return door_name(conn.door_type or "passage", *names)
    return connection_id


def marker_label(campaign: Campaign, marker_id: str, slug: str = "") -> str:
    for _location, lmap in _maps(campaign, slug):
        marker = lmap.marker(marker_id)
        if marker is not None:
            return marker.name
    return marker_id


def deck_label(campaign: Campaign, deck_id: str, slug: str = "") -> str:
    for _location, lmap in _maps(campaign, slug):
        deck = lmap.deck(deck_id)
        if deck is not None and deck.id == deck_id:
            return deck.name
    return deck_id


def location_label(campaign: Campaign, slug: str) -> str:
    location = campaign.location(slug)
    return location.name if location is not None else slug
