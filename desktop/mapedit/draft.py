"""A map being drawn: decks of rooms (sets of cells), doors and corridors, ladders and lifts,
terminals and markers, as frozen values (an edit makes a new MapDraft)."""

from __future__ import annotations

from dataclasses import dataclass, replace

Cell = tuple[int, int]


@dataclass(frozen=True, slots=True)
class DraftRoom:
    id: str
    name: str
    cells: frozenset[Cell]
    status: str = "OPERATIONAL"
    description: str = ""


@dataclass(frozen=True, slots=True)
class DraftDoor:
    """A connection: a door on a shared wall or, between rooms that do not touch, a corridor;
    door_type "" is an open passage."""

    id: str
    from_room: str
    to_room: str
    door_type: str = "standard"
    door_status: str = "CLOSED"
    position: tuple[float, float] | None = None  # where an imported door is


@dataclass(frozen=True, slots=True)
class DraftLink:
    """A ladder, lift, hatch or stair from a room of this deck to a room of another deck."""

    id: str
    from_room: str
    to_deck: str
    to_room: str
    type: str = "ladder"
    status: str = "OPERATIONAL"


@dataclass(frozen=True, slots=True)
class DraftMarker:
    """A terminal (terminal_slug set) or a point of interest (poi_type set) in a room."""

    id: str
    room: str
    x: float
    y: float
    name: str
    hidden: bool = False
    poi_type: str = ""
    terminal_slug: str = ""


@dataclass(frozen=True, slots=True)
class DraftDeck:
    id: str
    name: str
    level: int
    width: int
    height: int
    unit_size: int = 40
    rooms: tuple[DraftRoom, ...] = ()
    doors: tuple[DraftDoor, ...] = ()
    links: tuple[DraftLink, ...] = ()
    markers: tuple[DraftMarker, ...] = ()

    def room(self, room_id: str) -> DraftRoom | None:
        return next((r for r in self.rooms if r.id == room_id), None)

    def holder(self, cell: Cell) -> DraftRoom | None:
        return next((r for r in self.rooms if cell in r.cells), None)


@dataclass(frozen=True, slots=True)
class MapDraft:
    """A location's map: its name and decks (in level order)."""

    name: str
    decks: tuple[DraftDeck, ...] = ()

    def deck(self, deck_id: str) -> DraftDeck:
        found = next((d for d in self.decks if d.id == deck_id), None)
        if found is None:
            raise KeyError(f"no deck {deck_id!r}")
        return found

    def with_deck(self, deck: DraftDeck) -> MapDraft:
        # Terminals before points of interest, as a deck file lists them (a draft read back
        # from the files equals the one drawn).
        markers = sorted(deck.markers, key=lambda m: not m.terminal_slug)
        deck = replace(deck, markers=tuple(markers))
        decks = [deck if d.id == deck.id else d for d in self.decks]
        if all(d.id != deck.id for d in self.decks):
            decks.append(deck)
        return replace(self, decks=tuple(sorted(decks, key=lambda d: d.level)))

    def ids(self) -> set[str]:
        """Every room, connection, link and marker id of the map (unique across its decks)."""
        found: set[str] = set()
        for deck in self.decks:
            for group in (deck.rooms, deck.doors, deck.links, deck.markers):
                found.update(item.id for item in group)
        return found

    def free_id(self, stem: str) -> str:
        used = self.ids()
        n = 1
        while f"{stem}-{n}" in used:
            n += 1
        return f"{stem}-{n}"
