"""A draft as the campaign reader will read it back once saved: campaign map objects, from
which the deck geometry (desktop/model/deck_geometry.py) places doors, corridors and ladders,
so the editor draws them where the GM map and the displays will."""

from __future__ import annotations

from desktop.campaign.cells import bounding_box
from desktop.campaign.model import (
    Connection,
    Deck,
    Grid,
    InterDeckLink,
    LocationMap,
    MapTerminal,
    Poi,
    Room,
)
from desktop.mapedit.draft import DraftDeck, DraftRoom, MapDraft


def campaign_map(draft: MapDraft) -> LocationMap:
    decks = tuple(campaign_deck(deck) for deck in draft.decks)
    return LocationMap(draft.name, decks, decks[0].id if decks else "")


def campaign_deck(deck: DraftDeck) -> Deck:
    rooms = tuple(_room(room, deck.id) for room in deck.rooms if room.cells)
    connections = tuple(
        Connection(d.id, d.from_room, d.to_room, deck.id, d.door_type, d.door_status, d.position)
        for d in deck.doors
    )
    links = tuple(
        InterDeckLink(k.id, k.from_room, k.to_deck, k.to_room, k.type, k.status, deck.id)
        for k in deck.links
    )
    terminals = tuple(
        MapTerminal(m.id, m.room, m.x, m.y, m.terminal_slug, m.name, deck.id, m.hidden)
        for m in deck.markers
        if m.terminal_slug
    )
    pois = tuple(
        Poi(m.id, m.poi_type, m.room, m.x, m.y, m.name, deck.id, hidden=m.hidden)
        for m in deck.markers
        if not m.terminal_slug
    )
    grid = Grid(deck.width, deck.height, deck.unit_size)
    return Deck(
        deck.id,
        deck.name,
        deck.level,
        f"{deck.id}.yaml",
        grid,
        rooms,
        connections,
        links,
        terminals,
        pois,
    )


def _room(room: DraftRoom, deck_id: str) -> Room:
    """A rectangle as x, y, width, height; other rooms by their cells (as a deck file says)."""
    x, y, width, height = bounding_box(room.cells)
    shape = frozenset() if len(room.cells) == width * height else room.cells
    box = (x, y, width, height)
    return Room(room.id, room.name, *box, deck_id, room.description, room.status, shape)
