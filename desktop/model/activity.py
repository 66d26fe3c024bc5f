"""What the players did, as plain values: the server reports them, the GM window lists them.

Neither Qt nor aiohttp: `desktop.net` builds events from player writes and display streams,
the composition root hands them to the window (which never imports the server).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.campaign.model import Campaign
from desktop.model.actions import (
    Action,
    HideTerminal,
    MarkMailRead,
    MoveToken,
    SubmitQuestion,
    ToggleDialog,
)
from desktop.model.names import shown_name
from desktop.model.state import TableState, Token

MOVE = "move"
QUESTION = "question"
JOINED = "joined"
LEFT = "left"
REFUSED = "refused"
WRITE = "write"


@dataclass(frozen=True, slots=True)
class ActivityEvent:
    """One thing a player or a display did; `text` is what the GM reads (names, never ids)."""

    kind: str  # MOVE, QUESTION, JOINED, LEFT, REFUSED, WRITE
    text: str
    at: float  # seconds since the epoch
    token_id: str = ""  # MOVE: the token moved, where it is now
    location_slug: str = ""
    deck_id: str = ""


ActivitySink = Callable[[ActivityEvent], None]


def ignore_activity(_event: ActivityEvent) -> None:
    """The sink when nobody listens (tests, a server without a window)."""


def player_write_event(
    action: Action, state: TableState, campaign: Campaign, at: float
) -> ActivityEvent:
    """A player write the server took, described after it was applied."""
    if isinstance(action, MoveToken):
        return _move_event(action, state, campaign, at)
    if isinstance(action, SubmitQuestion):
        return ActivityEvent(QUESTION, f"Question to the ship computer: “{action.query}”", at)
    if isinstance(action, HideTerminal):
        return ActivityEvent(WRITE, "A display closed the terminal", at)
    if isinstance(action, ToggleDialog):
        return ActivityEvent(WRITE, "A display closed the ship-computer dialog", at)
    if isinstance(action, MarkMailRead):
        return ActivityEvent(WRITE, _mail_text(action, state, campaign), at)
    return ActivityEvent(WRITE, f"A display: {action.describe(campaign)}", at)


def refused_event(what: str, reason: str, at: float) -> ActivityEvent:
    """A player write the server refused, with its reason."""
    return ActivityEvent(REFUSED, f"Refused {what}: {reason}", at)


def refused_action_text(action: Action | None, state: TableState, campaign: Campaign) -> str:
    """What the player tried, in names: "move of Marlowe", "a question"."""
    if isinstance(action, MoveToken):
        token = _token(state, action.token_id)
        return f"move of {token.name}" if token is not None else "a move"
    if isinstance(action, SubmitQuestion):
        return "a question"
    if action is None:
        return "a player write"
    return action.describe(campaign).lower()


def display_event(
    joined: bool, address: str, user_agent: str, at: float, name: str = ""
) -> ActivityEvent:
    """A display opened or closed its stream: by the name the GM gave it, if any."""
    device = f"{_device(user_agent)} at {address}"
    verb = "joined" if joined else "left"
    who = f"{name} ({device})" if name else device
    return ActivityEvent(JOINED if joined else LEFT, f"Display {verb}: {who}", at)


def _move_event(
    action: MoveToken, state: TableState, campaign: Campaign, at: float
) -> ActivityEvent:
    slug = state.location_slug
    token = _token(state, action.token_id)
    if token is None:
        return ActivityEvent(MOVE, "A player moved a token", at)
    location = campaign.location(slug)
    room = location.map.rooms.get(token.room_id) if location and location.map else None
    where = room.name if room is not None else "another cell"
    text = f"{token.name} moved to {where}"
    hidden = [t.name for t in _sharing(state, token) if t.hidden]
    if hidden:  # the player could not know: the move was taken, the GM hears of it
        text += f", onto the cell of hidden {', '.join(hidden)}"
    return ActivityEvent(MOVE, text, at, token.id, slug, token.deck_id)


def _mail_text(action: MarkMailRead, state: TableState, campaign: Campaign) -> str:
    """ "A display opened mail “Subject” on Terminal" (the mail was found, or it was refused)."""
    location = campaign.location(state.overlay_location)
    terminal = location.terminal(state.overlay_terminal) if location else None
    mails = (*terminal.inbox, *terminal.sent) if terminal else ()
    subject = next((m.subject for m in mails if m.message_id == action.message_id), "")
    if terminal is None or not subject:
        return "A display opened a mail"
    name = shown_name(terminal.name, terminal.slug, terminal.terminal_id)
    return f"A display opened mail \u201c{subject}\u201d on {name}"


def _sharing(state: TableState, token: Token) -> list[Token]:
    place = state.locations.get(state.location_slug)
    others = place.tokens.values() if place is not None else ()
    cell = (token.x, token.y, token.deck_id)
    return [t for t in others if t.id != token.id and (t.x, t.y, t.deck_id) == cell]


def _token(state: TableState, token_id: str) -> Token | None:
    place = state.locations.get(state.location_slug)
    return place.tokens.get(token_id) if place is not None else None


def _device(user_agent: str) -> str:
    ua = user_agent.lower()
    for needle, name in (
        ("ipad", "iPad"),
        ("tablet", "tablet"),
        ("android", "Android"),
        ("iphone", "iPhone"),
        ("smart-tv", "TV"),
        ("smarttv", "TV"),
        ("firefox", "Firefox"),
        ("chrome", "Chrome"),
        ("safari", "Safari"),
    ):
        if needle in ua:
            return name
    return "a browser"


class ActivityFanout:
    """One sink that hands each event to every listener (the window, when there is one)."""

    def __init__(self) -> None:
        self._listeners: list[ActivitySink] = []

    def add(self, listener: ActivitySink) -> None:
        self._listeners.append(listener)

    def clear(self) -> None:
        self._listeners.clear()

    def __call__(self, event: ActivityEvent) -> None:
        for listener in list(self._listeners):
            listener(event)
