"""The table state: immutable values that only Store.dispatch replaces.

Mappings inside these dataclasses are plain dicts for speed; they are never mutated after a
state is built — an action builds new dicts for what it changes and shares the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from desktop.model.display_state import DisplaySettings, Handout, Ping
from desktop.model.starstate import StarState
from desktop.model.warden import WardenState

VIEW_TYPES: tuple[str, ...] = ("STANDBY", "BRIDGE", "ENCOUNTER", "CHARON_TERMINAL")
TOKEN_TYPES: tuple[str, ...] = ("player", "npc", "creature", "object")
TOKEN_STATUSES: tuple[str, ...] = ("wounded", "dead", "panicked", "stunned", "hidden")
CHARON_MODES: tuple[str, ...] = ("DISPLAY", "QUERY")
DEFAULT_MOVABLE_TYPES: tuple[str, ...] = ("player",)
THROUGH_DOORS: tuple[str, ...] = ("open", "unlocked", "any")  # which doors a player move crosses


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

    @property
    def crew_id(self) -> str:
        """The crew member it was placed for ("" none): its image is that member's."""
        return self.image[5:] if self.image.startswith("crew:") else ""


@dataclass(frozen=True, slots=True)
class LocationState:
    """What the table did at one location: reveals, doors, room statuses, tokens, markers."""

    deck_id: str  # the deck players see when this location is shown
    revealed: frozenset[str] = frozenset()  # room ids; a room not in the set is hidden
    door_status: dict[str, str] = field(default_factory=dict)  # connection id -> status override
    room_status: dict[str, str] = field(default_factory=dict)  # room id -> runtime status
    revealed_pois: frozenset[str] = frozenset()  # ids of campaign-hidden POIs/terminals shown
    tokens: dict[str, Token] = field(default_factory=dict)  # by token id, all decks
    hidden_pois: frozenset[str] = frozenset()  # ids of POIs/terminals the GM hid (campaign: shown)
    hidden_descriptions: frozenset[str] = frozenset()  # room ids whose description players lack
    marker_names: dict[str, str] = field(default_factory=dict)  # POI/terminal id -> GM's name
    removed_markers: frozenset[str] = frozenset()  # POI/terminal ids the GM removed


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
    drafted: bool = False  # a question a draft was queued for: never drafted again (GM-only)
    display: str = ""  # the display a player question came from ("" anonymous; GM-only)


@dataclass(frozen=True, slots=True)
class CharonDraft:
    """A reply drafted for the GM to approve, edit or reject; never on a display as it is."""

    id: str
    query_id: str  # the player question it answers; "" for one drafted from the GM's prompt
    content: str
    created_at: float  # seconds since the epoch
    note: str = ""  # why the language model was not used, when one is configured


@dataclass(frozen=True, slots=True)
class CharonState:
    """The ship computer: mode, dialog, context path, one conversation and drafts per channel."""

    mode: str = "DISPLAY"
    dialog_open: bool = False
    location_path: str = ""
    conversations: dict[str, tuple[CharonEntry, ...]] = field(default_factory=dict)
    drafts: dict[str, tuple[CharonDraft, ...]] = field(default_factory=dict)


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
    overlay_message: str = ""  # the message of the overlaid terminal open on every display
    ship: dict[str, SystemOverride] = field(default_factory=dict)
    broadcasts: tuple[Broadcast, ...] = ()
    charon: CharonState = field(default_factory=CharonState)
    hold: bool = False
    movable_types: tuple[str, ...] = DEFAULT_MOVABLE_TYPES
    unplaced: tuple[tuple[str, Token], ...] = ()  # (location slug, token) a campaign change left
    read_mail: frozenset[str] = frozenset()  # "<location slug>/<message id>" opened on a display
    through_doors: str = "unlocked"  # THROUGH_DOORS: open only, not locked/sealed, or any
    # The revision each audience of displays has seen ("everyone" today): it counts only the
    # frames that audience got, so hidden GM changes never show in it (Store.player_frame).
    audience_revisions: dict[str, int] = field(default_factory=dict, compare=False)
    # The GM's current values of hull, armor and each crew member's health and stress, over
    # the campaign's (keys from gauge_key: "hull", "armor", "crew/<id>/health", ...).
    gauges: dict[str, int] = field(default_factory=dict)
    # Each known display's settings, by its id (API.md "Displays").
    displays: dict[str, DisplaySettings] = field(default_factory=dict)
    # Content aimed at some displays only: its audience key (audience.py) -> their ids.
    targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    handouts: tuple[Handout, ...] = ()  # shown, oldest first (the page's history)
    pings: tuple[Ping, ...] = ()  # rings on cells, newest last
    star: StarState = field(default_factory=StarState)  # the star map at the table
    # Countdowns, alerts, room atmosphere, crew conditions, the GM's dice (warden.py).
    warden: WardenState = field(default_factory=WardenState)

    @property
    def charon_channel(self) -> str:
        """The active ship-computer channel: it follows the view."""
        if self.view_type == "BRIDGE":
            return "bridge"
        if self.view_type == "ENCOUNTER" and self.location_slug:
            return f"encounter-{self.location_slug}"
        return "story"


SHIP_GAUGES = ("hull", "armor")
CREW_GAUGES = ("health", "stress", "wounds", "min_stress")


def gauge_key(gauge: str, crew_id: str = "") -> str:
    """How a gauge is kept in TableState.gauges: "hull", "armor", "crew/<id>/health"."""
    return f"crew/{crew_id}/{gauge}" if crew_id else gauge


def mail_key(location_slug: str, message_id: str) -> str:
    """How a mail opened on a display is kept in TableState.read_mail."""
    return f"{location_slug}/{message_id}"


def _fast_replace(cls: type[Any], *changed: str) -> Callable[..., Any]:
    """A fast dataclasses.replace(old, **changed) for one frozen slots dataclass and one set of
    changed fields, for the hot paths below. Like the __init__ dataclasses generates, its code
    is written from the fields, one line a slot: a brand-new object filled slot by slot
    without going through the frozen guard once per field (most of the cost of a copy). A
    field added to the class needs nothing here."""
    names = [f.name for f in fields(cls)]
    env: dict[str, Any] = {"new_": cls.__new__, "cls": cls}
    env.update({f"set_{name}": cls.__dict__[name].__set__ for name in names})
    body = [f"    set_{n}(new, {n if n in changed else 'old.' + n})" for n in names]
    code = "\n".join([f"def copy(old, {', '.join(changed)}):", "    new = new_(cls)", *body])
    exec(code + "\n    return new", env)  # the same technique as dataclasses' own __init__
    copy: Callable[..., Any] = env["copy"]
    return copy


_copy_locations = _fast_replace(TableState, "locations")
_copy_revision = _fast_replace(TableState, "revision")
_copy_revisions = _fast_replace(TableState, "revision", "audience_revisions")
_copy_tokens = _fast_replace(LocationState, "tokens")
_copy_cell = _fast_replace(Token, "x", "y", "deck_id", "room_id")


def with_locations(s: TableState, locations: dict[str, LocationState]) -> TableState:
    """s with other location states (a fast dataclasses.replace for the hottest path)."""
    new: TableState = _copy_locations(s, locations)
    return new


def with_revision(
    s: TableState, revision: int, audiences: dict[str, int] | None = None
) -> TableState:
    """s at another revision (and with the audiences' revisions, when given)."""
    new: TableState = (
        _copy_revision(s, revision)
        if audiences is None
        else _copy_revisions(s, revision, audiences)
    )
    return new


def with_tokens(ls: LocationState, tokens: dict[str, Token]) -> LocationState:
    """ls with other tokens."""
    new: LocationState = _copy_tokens(ls, tokens)
    return new


def with_cell(t: Token, x: int, y: int, deck_id: str, room_id: str) -> Token:
    """t moved to another cell (a token move's fast dataclasses.replace)."""
    new: Token = _copy_cell(t, x, y, deck_id, room_id)
    return new


Changed = tuple[Token, ...] | None
_last_change: tuple[dict[str, Token], dict[str, Token], Changed] = ({}, {}, ())


def changed_tokens(old: dict[str, Token], new: dict[str, Token]) -> Changed:
    """The tokens of new that differ from old, when both hold the same ids in the same order
    (None otherwise). Tokens are keyed by their id, which is what makes this cheap; the state
    file, the frame and the undo history ask about the same change, so the last answer is kept.
    """
    global _last_change
    last = _last_change
    if last[0] is old and last[1] is new:
        return last[2]
    found = _changed_tokens(old, new)
    _last_change = (old, new, found)
    return found


def _changed_tokens(old: dict[str, Token], new: dict[str, Token]) -> Changed:
    if len(old) != len(new):
        return None
    pairs = [(t, o) for t, o in zip(new.values(), old.values(), strict=True) if t is not o]
    for t, o in pairs:
        if t.id != o.id:
            return None
    return tuple([t for t, _ in pairs])
