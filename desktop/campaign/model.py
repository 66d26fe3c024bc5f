"""Typed, immutable campaign objects: what a campaign folder holds, read once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar

from desktop.campaign.cells import cell_index
from desktop.campaign.panic import PanicTable
from desktop.campaign.presets import Presets
from desktop.campaign.soundfile import SoundFile, SoundLoop
from desktop.campaign.starmodel import StarMap
from desktop.campaign.voice import DEFAULT_VOICE, CharonVoice

K = TypeVar("K")
V = TypeVar("V")

RoomStatus = Literal["OPERATIONAL", "WARNING", "HAZARD", "OFFLINE"]
DoorStatus = Literal["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"]
DoorType = Literal["standard", "airlock", "blast_door", "emergency"]
SystemStatus = Literal["ONLINE", "STRESSED", "DAMAGED", "CRITICAL", "OFFLINE"]
Priority = Literal["LOW", "NORMAL", "HIGH", "CRITICAL"]
AccessLevel = Literal["PUBLIC", "RESTRICTED", "CLASSIFIED"]

ROOM_STATUSES: tuple[str, ...] = ("OPERATIONAL", "WARNING", "HAZARD", "OFFLINE")
DOOR_STATUSES: tuple[str, ...] = ("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED")
DOOR_TYPES: tuple[str, ...] = ("standard", "airlock", "blast_door", "emergency")
SYSTEM_STATUSES: tuple[str, ...] = ("ONLINE", "STRESSED", "DAMAGED", "CRITICAL", "OFFLINE")
PRIORITIES: tuple[str, ...] = ("LOW", "NORMAL", "HIGH", "CRITICAL")


def frozen_map(items: Mapping[K, V] | None = None) -> Mapping[K, V]:
    """A read-only view of a fresh dict (campaign objects never change after loading)."""
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while reading a campaign: `FILE:LINE: message`."""

    file: str  # path relative to the campaign folder, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


# --- Markdown bodies as safe structure (never HTML) -------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """An inline run of text with its marks (`strong`, `em`, `code`, `strike`) and a link."""

    text: str
    marks: tuple[str, ...] = ()
    href: str = ""  # only for links; the display shows the text, never follows it


@dataclass(frozen=True, slots=True)
class Block:
    """A block of a Markdown body: kind is `p`, `h1`..`h6`, `li`, `quote`, `code` or `hr`."""

    kind: str
    spans: tuple[Span, ...] = ()
    ordered: bool = False  # for `li`: part of a numbered list
    depth: int = 0  # nesting depth for `li` and `quote`


# --- Maps ----------------------------------------------------------------------------------------


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


# --- Mail and terminals --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    """One mail message (Markdown with YAML front matter)."""

    message_id: str
    timestamp: str
    priority: str
    subject: str
    sender: str
    recipient: str
    body: tuple[Block, ...]
    file: str
    conversation_id: str = ""
    in_reply_to: str = ""
    read: bool = False


@dataclass(frozen=True, slots=True)
class Terminal:
    """A comm terminal of a location; inbox and sent are derived from its owner."""

    slug: str
    name: str
    owner: str
    terminal_id: str
    access_level: str
    description: str
    inbox: tuple[Message, ...] = ()
    sent: tuple[Message, ...] = ()


# --- Locations -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """A folder under galaxy/ with a location.yaml; slug is the folder name."""

    slug: str
    name: str
    type: str
    status: str
    description: str
    path: str  # folder relative to the campaign folder
    parent: str  # parent slug, "" at the top
    children: tuple[str, ...] = ()
    map: LocationMap | None = None
    terminals: tuple[Terminal, ...] = ()
    messages: tuple[Message, ...] = ()  # every message of the location, both layouts
    extra: Mapping[str, object] = field(default_factory=frozen_map)

    @property
    def has_map(self) -> bool:
        return self.map is not None and any(d.grid is not None for d in self.map.decks)

    def terminal(self, slug: str) -> Terminal | None:
        for terminal in self.terminals:
            if terminal.slug == slug:
                return terminal
        return None


# --- People and the ship -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Npc:
    """A non-player character; description and notes are for the GM only."""

    id: str
    name: str
    role: str = ""
    faction: str = ""
    location: str = ""
    status: str = ""
    description: str = ""
    portrait: Path | None = None  # absolute path of an existing image file
    extra: Mapping[str, object] = field(default_factory=frozen_map)  # other keys, GM only


@dataclass(frozen=True, slots=True)
class CrewMember:
    """A player character's dossier."""

    id: str
    name: str
    role: str = ""
    char_class: str = ""
    portrait: Path | None = None
    stats: Mapping[str, object] = field(default_factory=frozen_map)
    saves: Mapping[str, object] = field(default_factory=frozen_map)
    stress: object = None
    health: object = None
    extra: Mapping[str, object] = field(default_factory=frozen_map)


@dataclass(frozen=True, slots=True)
class ShipSystem:
    """One system of the ship as the campaign describes it."""

    name: str
    status: str = "ONLINE"
    condition: int = 100
    info: str = ""


@dataclass(frozen=True, slots=True)
class Ship:
    """The crew's ship."""

    name: str
    ship_class: str = ""
    crew_count: int = 0
    crew_capacity: int = 0
    hull: tuple[int, int] = (0, 0)  # current, max
    armor: tuple[int, int] = (0, 0)
    systems: tuple[ShipSystem, ...] = ()
    extra: Mapping[str, object] = field(default_factory=frozen_map)  # other keys of ship.yaml


@dataclass(frozen=True, slots=True)
class SessionLog:
    """A session log (Markdown with front matter)."""

    file: str
    session_number: int
    date: str
    title: str
    body: tuple[Block, ...]
    extra: Mapping[str, object] = field(default_factory=frozen_map)


@dataclass(frozen=True, slots=True)
class TokenImage:
    """An image usable for tokens: crew and NPC portraits, campaign/tokens/*.png|svg."""

    id: str  # stable key, e.g. "token:alien" / "npc:vasquez" / "crew:reyes"
    name: str
    kind: str  # "player", "npc", "creature" or "object"
    path: Path


# --- The whole campaign --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HandoutFile:
    """A handout of the campaign's handouts/ folder: a picture or a short text."""

    key: str  # the file's name without its suffix
    title: str
    image: Path | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Campaign:
    """A campaign folder, fully read: lookups by slug and id, and the problems found."""

    root: Path
    name: str
    locations: Mapping[str, Location]  # by slug, in folder order (parents before children)
    top_level: tuple[str, ...]  # slugs of the locations directly under galaxy/
    npcs: Mapping[str, Npc]
    crew: tuple[CrewMember, ...]
    ship: Ship | None
    sessions: tuple[SessionLog, ...]
    token_images: Mapping[str, TokenImage]
    problems: tuple[Problem, ...] = ()
    panic: PanicTable | None = None  # campaign/panic.yaml
    sounds: Mapping[str, SoundFile] = field(default_factory=frozen_map)  # campaign/sounds/
    sound_loops: tuple[SoundLoop, ...] = ()  # sounds.yaml
    presets: Presets = field(default_factory=Presets)  # campaign/warden.yaml
    star_map: StarMap = field(default_factory=StarMap)
    voice: CharonVoice = DEFAULT_VOICE  # the ship computer's, from campaign/charon.yaml
    handouts: Mapping[str, HandoutFile] = field(default_factory=dict)  # handouts/, by key

    def location(self, slug: str) -> Location | None:
        return self.locations.get(slug)
