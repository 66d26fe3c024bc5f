"""Typed, immutable campaign objects: what a campaign folder holds, read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from desktop.campaign.frozen import frozen_map as frozen_map
from desktop.campaign.mapmodel import Connection as Connection
from desktop.campaign.mapmodel import Deck as Deck
from desktop.campaign.mapmodel import Grid as Grid
from desktop.campaign.mapmodel import InterDeckLink as InterDeckLink
from desktop.campaign.mapmodel import LocationMap as LocationMap
from desktop.campaign.mapmodel import MapTerminal as MapTerminal
from desktop.campaign.mapmodel import Poi as Poi
from desktop.campaign.mapmodel import Room as Room
from desktop.campaign.panic import PanicTable
from desktop.campaign.presets import Presets
from desktop.campaign.soundfile import SoundFile, SoundLoop
from desktop.campaign.starmodel import StarMap
from desktop.campaign.voice import DEFAULT_VOICE, CharonVoice

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

    def ship_location(self) -> str:
        """The slug of the party's ship as a place: the location of type ship named as
        ship.yaml names the ship, else the only location of type ship; "" when none is."""
        ships = [loc for loc in self.locations.values() if loc.type.lower() == "ship"]
        named = [loc for loc in ships if self.ship is not None and loc.name == self.ship.name]
        found = named or (ships if len(ships) == 1 else [])
        return found[0].slug if found else ""
