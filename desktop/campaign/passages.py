"""Passages of a deck file: connections (with or without a door), older `doors`, deck links."""

from __future__ import annotations

from desktop.campaign.fields import Fields
from desktop.campaign.mapindex import DeckScope
from desktop.campaign.model import DOOR_STATUSES, DOOR_TYPES, Connection, InterDeckLink


def read_connections(deck: Fields, scope: DeckScope) -> tuple[Connection, ...]:
    """The deck's `connections` and its older `doors`, each a Connection between two rooms."""
    found: list[Connection] = []
    for record in deck.records("connections"):
        fields = scope.fields(record, "connection")
        connection = _passage(fields, scope, ("from", "to", "door_type", "door_status"))
        if connection is not None:
            found.append(connection)
    for record in deck.records("doors"):
        fields = scope.fields(record, "door")
        door = _passage(fields, scope, ("room_a", "room_b", "type", "status"))
        if door is not None:
            found.append(door)
    return tuple(found)


Keys = tuple[str, str, str, str]


def _passage(fields: Fields, scope: DeckScope, keys: Keys) -> Connection | None:
    """One connection; `keys` name its from, to, door type and door status fields."""
    from_key, to_key, type_key, status_key = keys
    passage_id = fields.required_text("id")
    if passage_id is None:
        return None
    fields.label = f"{fields.label} {passage_id!r}"
    from_room = fields.required_text(from_key)
    to_room = fields.required_text(to_key)
    legacy = type_key == "type"
    door_type = ""
    if legacy or fields.has(type_key):
        door_type = fields.choice(type_key, DOOR_TYPES, "standard")
    status = fields.choice(status_key, DOOR_STATUSES, "CLOSED") if door_type else "CLOSED"
    if from_room is None or to_room is None:
        return None
    known_from = scope.known_room(fields, from_key, from_room)
    known_to = scope.known_room(fields, to_key, to_room)
    claimed = scope.index.claim("connection", passage_id, scope.file, fields.line())
    if not (known_from and known_to and claimed):
        return None
    connection = Connection(
        passage_id,
        from_room,
        to_room,
        scope.deck_id,
        door_type=door_type,
        door_status=status,
        position=fields.point("position"),  # on a wall between its rooms
    )
    scope.index.connections[passage_id] = connection
    return connection


def read_links(deck: Fields, scope: DeckScope) -> tuple[InterDeckLink, ...]:
    """The deck's `inter_deck_connections` (their far ends are checked once all decks are read)."""
    found: list[InterDeckLink] = []
    for record in deck.records("inter_deck_connections"):
        fields = scope.fields(record, "inter-deck connection")
        link = _link(fields, scope)
        if link is not None:
            found.append(link)
    return tuple(found)


def _link(fields: Fields, scope: DeckScope) -> InterDeckLink | None:
    link_id = fields.required_text("id")
    if link_id is None:
        return None
    fields.label = f"inter-deck connection {link_id!r}"
    from_room = fields.required_text("from_room")
    to_deck = fields.required_text("to_deck")
    to_room = fields.required_text("to_room")
    kind = fields.text("type")
    status = fields.text("status")
    if from_room is None or to_deck is None or to_room is None:
        return None
    if not scope.known_room(fields, "from_room", from_room):
        return None
    if not scope.index.claim("inter-deck connection", link_id, scope.file, fields.line()):
        return None
    link = InterDeckLink(link_id, from_room, to_deck, to_room, kind, status, scope.deck_id)
    scope.index.links[link_id] = link
    return link
