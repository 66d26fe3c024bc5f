"""Typed, immutable map objects of a campaign: decks, rooms, doors, links, markers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.campaign.cells import cell_index
from desktop.campaign.frozen import frozen_map


@dataclass(frozen=True, slots=True)
class Grid:
    """Size of a deck in cells, and pixels per cell in the background image."""

    width: int
    height: int
    unit_size: int = 40


@dataclass(frozen=True, slots=True)
class Room:
    """A rectangle of cells on a deck (top-left origin), or the `cells` it names (an L-shape, a
    room of an imported map); x, y, width and height are then the cells' bounding box."""

    id: str
    name: str
    x: int
    y: int
    width: int
    height: int
    deck_id: str
    description: str = ""
    status: str = "OPERATIONAL"
    shape: frozenset[tuple[int, int]] = frozenset()  # empty: the whole rectangle

    def contains(self, cx: int, cy: int) -> bool:
        if self.shape:
            return (cx, cy) in self.shape
        return self.x <= cx < self.x + self.width and self.y <= cy < self.y + self.height

    def cells(self) -> Iterator[tuple[int, int]]:
        """Every cell of the room (row by row for a rectangle)."""
        if self.shape:
            yield from sorted(self.shape, key=lambda cell: (cell[1], cell[0]))
            return
        for cy in range(self.y, self.y + self.height):
            for cx in range(self.x, self.x + self.width):
                yield cx, cy

    @property
    def area(self) -> int:
        """How many cells the room covers."""
        return len(self.shape) if self.shape else max(self.width, 0) * max(self.height, 0)


@dataclass(frozen=True, slots=True)
class Connection:
    """A passage between two rooms; with a door_type it has a door whose id is this id."""

    id: str
    from_room: str
    to_room: str
    deck_id: str
    door_type: str = ""  # "" means an open passage without a door
    door_status: str = "CLOSED"
    position: tuple[float, float] | None = None  # where the door is (an imported map's portal)

    @property
    def has_door(self) -> bool:
        return bool(self.door_type)


@dataclass(frozen=True, slots=True)
class InterDeckLink:
    """A ladder, lift, hatch or stair from a room of this deck to a room of another deck."""

    id: str
    from_room: str
    to_deck: str
    to_room: str
    type: str
    status: str
    deck_id: str


@dataclass(frozen=True, slots=True)
class MapTerminal:
    """A terminal placed on a deck map (its mail lives in the location's comms)."""

    id: str
    room: str
    x: float
    y: float
    terminal_slug: str
    name: str
    deck_id: str
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Poi:
    """A point of interest on a deck: objective, item, hazard, npc or player."""

    id: str
    type: str
    room: str
    x: float
    y: float
    name: str
    deck_id: str
    icon: str = ""
    status: str = ""
    description: str = ""
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Deck:
    """One deck of a map: grid, rooms, connections, links, terminals, points of interest."""

    id: str
    name: str
    level: int
    file: str  # relative to the campaign folder
    grid: Grid | None  # None: a stub file, "no map yet"
    rooms: tuple[Room, ...] = ()
    connections: tuple[Connection, ...] = ()
    links: tuple[InterDeckLink, ...] = ()
    terminals: tuple[MapTerminal, ...] = ()
    pois: tuple[Poi, ...] = ()
    description: str = ""
    default: bool = False
    background: Path | None = None  # absolute path of the image beside the deck file
    # room id -> the file of its piece of the background (desktop/campaign/pieces.py)
    pieces: Mapping[str, Path] = field(default_factory=frozen_map, repr=False)
    # cell -> room, built once; the first room listed wins where rooms overlap
    _cells: dict[tuple[int, int], Room] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_cells", cell_index(self.rooms))

    @property
    def indexed(self) -> bool:
        """True when every cell of the rooms is in the cell index (not too many to index)."""
        return bool(self._cells) or not self.rooms

    def cells(self) -> Mapping[tuple[int, int], Room]:
        """cell -> the first room listed that holds it (empty when not indexed)."""
        return self._cells

    def room_at(self, cx: int, cy: int) -> Room | None:
        """The room holding cell (cx, cy), if any (O(1) through the cell index)."""
        if self.indexed:
            return self._cells.get((cx, cy))
        for room in self.rooms:  # rooms too large to index
            if room.contains(cx, cy):
                return room
        return None


@dataclass(frozen=True, slots=True)
class LocationMap:
    """A location's map: its decks in level order and lookups by id across decks."""

    name: str
    decks: tuple[Deck, ...]
    default_deck_id: str
    rooms: Mapping[str, Room] = field(default_factory=frozen_map)
    connections: Mapping[str, Connection] = field(default_factory=frozen_map)
    links: Mapping[str, InterDeckLink] = field(default_factory=frozen_map)
    terminals: Mapping[str, MapTerminal] = field(default_factory=frozen_map)
    pois: Mapping[str, Poi] = field(default_factory=frozen_map)

    def deck(self, deck_id: str) -> Deck | None:
        for deck in self.decks:
            if deck.id == deck_id:
                return deck
        return None

    def deck_by_level(self, level: int) -> Deck | None:
        for deck in self.decks:
            if deck.level == level:
                return deck
        return None

    def marker(self, marker_id: str) -> Poi | MapTerminal | None:
        """The point of interest or terminal marker of that id."""
        return self.pois.get(marker_id) or self.terminals.get(marker_id)
