"""Things placed in a deck's rooms: terminals and points of interest."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.campaign.fields import Fields
from desktop.campaign.mapindex import DeckScope
from desktop.campaign.model import MapTerminal, Poi, Room

POI_TYPES: tuple[str, ...] = ("objective", "item", "hazard", "npc", "player")


def read_terminals(deck: Fields, scope: DeckScope) -> tuple[MapTerminal, ...]:
    """The deck's `terminals`, each in a room of the deck."""
    found: list[MapTerminal] = []
    for fields, (item_id, room, x, y) in _placed(deck, scope, "terminals", "terminal"):
        slug = fields.text("terminal_slug", item_id)
        terminal = MapTerminal(
            item_id,
            room,
            x,
            y,
            terminal_slug=slug,
            name=fields.text("name", slug),
            deck_id=scope.deck_id,
            hidden=fields.flag("hidden"),
        )
        scope.index.terminals[item_id] = terminal
        found.append(terminal)
    return tuple(found)


def read_pois(deck: Fields, scope: DeckScope) -> tuple[Poi, ...]:
    """The deck's `poi` list (points of interest), each in a room of the deck."""
    found: list[Poi] = []
    for fields, (item_id, room, x, y) in _placed(deck, scope, "poi", "point of interest"):
        poi = Poi(
            item_id,
            fields.choice("type", POI_TYPES, "item"),
            room,
            x,
            y,
            name=fields.text("name", item_id),
            deck_id=scope.deck_id,
            icon=fields.text("icon"),
            status=fields.text("status"),
            description=fields.text("description"),
            hidden=fields.flag("hidden"),
        )
        scope.index.pois[item_id] = poi
        found.append(poi)
    return tuple(found)


def _placed(
    deck: Fields, scope: DeckScope, key: str, kind: str
) -> Iterator[tuple[Fields, tuple[str, str, float, float]]]:
    """The records of the deck's `key` list that can be placed, with their (id, room, x, y)."""
    for record in deck.records(key):
        fields = scope.fields(record, kind)
        placed = _placement(fields, scope, kind)
        if placed is not None:
            yield fields, placed


def _placement(fields: Fields, scope: DeckScope, kind: str) -> tuple[str, str, float, float] | None:
    """(id, room, x, y) of a placed thing; None (with problems) when it cannot be placed."""
    item_id = fields.required_text("id")
    if item_id is None:
        return None
    fields.label = f"{kind} {item_id!r}"
    room_id = fields.required_text("room")
    if room_id is None or not scope.known_room(fields, "room", room_id):
        return None
    if not scope.index.claim(kind, item_id, scope.file, fields.line()):
        return None
    x, y = _position(fields, scope.rooms[room_id])
    return item_id, room_id, x, y


def _position(fields: Fields, room: Room) -> tuple[float, float]:
    """The position written, or the room's centre (a missing or bad one is a problem)."""
    centre = (room.x + room.width / 2, room.y + room.height / 2)
    if not fields.has("position"):
        fields.problem(None, "missing position")
        return centre
    return fields.point("position") or centre
