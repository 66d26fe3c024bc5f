"""What the map draws, independent of where it came from (the GM state or a player snapshot).

The map scene syncs from a MapPicture; two builders produce one: from the table state for the
GM's focus (everything, hidden things marked) and from a player snapshot (exactly what the
displays get). Shapes are frozen values: an item is touched only when its shape changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound="DataclassInstance")


def fill(cls: type[S], value_of: Callable[[str, str], object], **given: Any) -> S:
    """A shape whose fields without a default, unless `given`, are `value_of(name, type)`
    (the builders read them from a model object or a snapshot item of the same names)."""
    values = {
        f.name: value_of(f.name, str(f.type))
        for f in fields(cls)
        if f.name not in given and f.default is MISSING and f.default_factory is MISSING
    }
    return cls(**values, **given)


@dataclass(frozen=True, slots=True)
class RoomShape:
    """A room rectangle in cells."""

    id: str
    name: str
    x: int
    y: int
    width: int
    height: int
    status: str
    revealed: bool
    has_description: bool = False
    description_shown: bool = True  # players read it once the room is revealed
    cells: tuple[tuple[int, int], ...] = ()  # a room of cells (an L-shape); empty: the rectangle
    atmosphere: tuple[str, ...] = ()  # dark, flickering, smoke, vacuum (beside the status)


@dataclass(frozen=True, slots=True)
class DoorShape:
    """A door or passage on the wall between two rooms; (x, y) is its middle, in cells. Rooms
    that do not touch are joined by a corridor with a door on each wall (desktop/model/geometry)."""

    id: str
    type: str  # standard, airlock, blast_door, emergency or passage
    status: str
    x: float
    y: float
    orientation: str  # "v" vertical wall, "h" horizontal wall
    length: float
    name: str = ""  # for the GM: "Airlock: Port Airlock ↔ Suit Locker"
    far: tuple[float, float, str] | None = None  # rooms apart: the door on the other room's wall
    corridor: tuple[tuple[float, float], ...] = ()  # wall to wall (or a stub), in cells


@dataclass(frozen=True, slots=True)
class LinkShape:
    """A ladder, lift, hatch or stair to another deck, drawn in its room."""

    id: str
    type: str
    status: str
    room_id: str
    x: float
    y: float
    to_deck: str = ""  # "" when the far end is unknown (player preview)
    to_deck_name: str = ""
    to_room: str = ""


@dataclass(frozen=True, slots=True)
class MarkerShape:
    """A terminal or point of interest."""

    id: str
    kind: str  # "terminal" or "poi"
    type: str  # for a POI: objective, item, hazard, npc, player; "terminal" otherwise
    name: str
    room_id: str
    x: float
    y: float
    secret: bool = False  # marked hidden in the campaign (the GM reveals it)
    concealed: bool = False  # secret and not revealed yet
    terminal_slug: str = ""


@dataclass(frozen=True, slots=True)
class TokenShape:
    """A token on the deck."""

    id: str
    type: str
    name: str
    x: int
    y: int
    statuses: tuple[str, ...]
    image: Path | None
    room_id: str


@dataclass(frozen=True, slots=True)
class FrameShape:
    """A display's GM frame (its camera in "frame" mode), in cells of the deck it shows."""

    id: str  # the display's id
    name: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class MapPicture:
    """Everything the map scene draws for one deck."""

    deck_id: str
    width: int
    height: int
    rooms: dict[str, RoomShape] = field(default_factory=dict)
    doors: dict[str, DoorShape] = field(default_factory=dict)
    links: dict[str, LinkShape] = field(default_factory=dict)
    markers: dict[str, MarkerShape] = field(default_factory=dict)
    tokens: dict[str, TokenShape] = field(default_factory=dict)
    background: Path | None = None
    frames: dict[str, FrameShape] = field(default_factory=dict)
    # The deck the displays show (a ping lands on it); display names by id, for the menus.
    on_displays: bool = False
    displays: dict[str, str] = field(default_factory=dict)


EMPTY_PICTURE = MapPicture(deck_id="", width=0, height=0)

# Scene units per grid cell: the map scene draws one cell as CELL x CELL.
CELL = 32.0
