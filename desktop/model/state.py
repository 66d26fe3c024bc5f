"""The table state: immutable values that only Store.dispatch replaces.

Mappings inside these dataclasses are plain dicts for speed; they are never mutated after a
state is built — an action builds new dicts for what it changes and shares the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

VIEW_TYPES: tuple[str, ...] = ("STANDBY", "BRIDGE", "ENCOUNTER", "CHARON_TERMINAL")
TOKEN_TYPES: tuple[str, ...] = ("player", "npc", "creature", "object")
TOKEN_STATUSES: tuple[str, ...] = ("wounded", "dead", "panicked", "stunned", "hidden")
CHARON_MODES: tuple[str, ...] = ("DISPLAY", "QUERY")
DEFAULT_MOVABLE_TYPES: tuple[str, ...] = ("player",)


@dataclass(frozen=True, slots=True)
class Token:
    """A token on a deck of a location, in the room that holds its cell."""

    id: str  # opaque and random, never sequential
    type: str  # one of TOKEN_TYPES
    name: str
    x: int
    y: int
    deck_id: str
    room_id: str  # derived from the cell; "" only for tokens a campaign change left unplaced
    statuses: tuple[str, ...] = ()  # subset of TOKEN_STATUSES, in that order
    image: str = ""  # a TokenImage id of the campaign, or ""

    @property
    def hidden(self) -> bool:
        return "hidden" in self.statuses


@dataclass(frozen=True, slots=True)
class LocationState:
    """What the table did at one location: reveals, doors, room statuses, tokens."""

    deck_id: str  # the deck players see when this location is shown
    revealed: frozenset[str] = frozenset()  # room ids; a room not in the set is hidden
    door_status: dict[str, str] = field(default_factory=dict)  # connection id -> status override
    room_status: dict[str, str] = field(default_factory=dict)  # room id -> runtime status
    revealed_pois: frozenset[str] = frozenset()  # ids of campaign-hidden POIs/terminals shown
    tokens: dict[str, Token] = field(default_factory=dict)  # by token id, all decks


@dataclass(frozen=True, slots=True)
class SystemOverride:
    """A GM override of one ship system, merged over ship.yaml (None: keep the campaign's)."""

    status: str | None = None
    condition: int | None = None
    info: str | None = None


@dataclass(frozen=True, slots=True)
class Broadcast:
    """A broadcast message shown on every display."""

    id: str
    content: str
    sender: str
    priority: str  # LOW, NORMAL, HIGH, CRITICAL
    timestamp: float  # seconds since the epoch


@dataclass(frozen=True, slots=True)
class CharonEntry:
    """One line of a ship-computer conversation: the computer speaking, or a player question."""

    id: str
    role: str  # "charon" or "player"
    content: str
    timestamp: float
    in_reply_to: str = ""  # for an answer: the question's id
    pending: bool = False  # a player question that awaits the GM


@dataclass(frozen=True, slots=True)
class CharonState:
    """The ship computer: mode, dialog, context path and one conversation per channel."""

    mode: str = "DISPLAY"
    dialog_open: bool = False
    location_path: str = ""
    conversations: dict[str, tuple[CharonEntry, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TableState:
    """Everything the table shares; `revision` rises by one with every change, across restarts."""

    revision: int = 0
    view_type: str = "STANDBY"
    location_slug: str = ""  # the location shown in ENCOUNTER ("" none)
    locations: dict[str, LocationState] = field(default_factory=dict)
    portraits: tuple[str, ...] = ()  # NPC ids shown now, in order
    overlay_location: str = ""
    overlay_terminal: str = ""
    ship: dict[str, SystemOverride] = field(default_factory=dict)
    broadcasts: tuple[Broadcast, ...] = ()
    charon: CharonState = field(default_factory=CharonState)
    hold: bool = False
    movable_types: tuple[str, ...] = DEFAULT_MOVABLE_TYPES
    unplaced: tuple[tuple[str, Token], ...] = ()  # (location slug, token) a campaign change left

    @property
    def charon_channel(self) -> str:
        """The active ship-computer channel: it follows the view."""
        if self.view_type == "BRIDGE":
            return "bridge"
        if self.view_type == "ENCOUNTER" and self.location_slug:
            return f"encounter-{self.location_slug}"
        return "story"


def with_locations(s: TableState, locations: dict[str, LocationState]) -> TableState:
    """s with other location states (a fast dataclasses.replace for the hottest path)."""
    return TableState(
        s.revision,
        s.view_type,
        s.location_slug,
        locations,
        s.portraits,
        s.overlay_location,
        s.overlay_terminal,
        s.ship,
        s.broadcasts,
        s.charon,
        s.hold,
        s.movable_types,
        s.unplaced,
    )


def with_revision(s: TableState, revision: int) -> TableState:
    """s at another revision."""
    return TableState(
        revision,
        s.view_type,
        s.location_slug,
        s.locations,
        s.portraits,
        s.overlay_location,
        s.overlay_terminal,
        s.ship,
        s.broadcasts,
        s.charon,
        s.hold,
        s.movable_types,
        s.unplaced,
    )


def with_tokens(ls: LocationState, tokens: dict[str, Token]) -> LocationState:
    """ls with other tokens."""
    return LocationState(
        ls.deck_id, ls.revealed, ls.door_status, ls.room_status, ls.revealed_pois, tokens
    )


def changed_tokens(old: dict[str, Token], new: dict[str, Token]) -> list[Token] | None:
    """The tokens of new that differ from old, when both hold the same ids in the same order
    (None otherwise). Tokens are keyed by their id, which is what makes this cheap."""
    if len(old) != len(new):
        return None
    pairs = [(t, o) for t, o in zip(new.values(), old.values(), strict=True) if t is not o]
    for t, o in pairs:
        if t.id != o.id:
            return None
    return [t for t, _ in pairs]
