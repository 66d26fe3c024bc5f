"""The rules for a player (no GM token) moving a token.

Refusals read like the ship talking to the crew: never an id, a slug or a cell, and the same
answer for a token that is hidden and one that is not there. A cell whose only token is hidden
from players reads as empty (the move is taken; both tokens share the cell). A move into
another room needs a path of revealed rooms joined by doors the GM's `through_doors` lets
through.
"""

from __future__ import annotations

from collections import deque

from desktop.campaign.model import Campaign, Deck
from desktop.model.actions.places import Place, place_of
from desktop.model.deckmap import door_status
from desktop.model.errors import Conflict, Forbidden, NotFound
from desktop.model.state import LocationState, TableState, Token

CLOSED_TO = {  # the door statuses each through_doors rule does not cross
    "open": frozenset({"CLOSED", "LOCKED", "SEALED", "DAMAGED"}),
    "unlocked": frozenset({"LOCKED", "SEALED"}),
    "any": frozenset(),
}


def player_sees(state: TableState, place: Place, deck: Deck, token: Token) -> bool:
    """Is the token on the shown deck, in a revealed room, not hidden?"""
    return (
        state.view_type == "ENCOUNTER"
        and place.slug == state.location_slug
        and token.deck_id == deck.id
        and token.room_id in place.lstate.revealed
        and not token.hidden
    )


def check_player_move(
    state: TableState,
    campaign: Campaign,
    token_id: str,
    x: int,
    y: int,
    deck_id: str,
    location_slug: str,
) -> tuple[Place, Token, Deck]:
    """The place, token and deck of an allowed player move; NotFound, then Forbidden."""
    shown = state.location_slug
    place = place_of(state, campaign, "") if campaign.location(shown) else None
    token = place.lstate.tokens.get(token_id) if place else None
    deck = place.deck() if place else None
    if place is None or token is None or deck is None:
        raise NotFound(NO_SIGNAL)
    if not player_sees(state, place, deck, token):
        raise NotFound(NO_SIGNAL)  # hidden reads as not there
    if location_slug and location_slug != place.slug:
        raise Forbidden("ACCESS DENIED \u2014 OUTSIDE THIS LOCATION")
    if token.type not in state.movable_types:
        raise Forbidden("ACCESS DENIED \u2014 CREW MAY NOT MOVE THIS MARKER")
    if deck_id and deck_id != deck.id:
        raise Forbidden("ACCESS DENIED \u2014 DECK TRANSFER NOT AUTHORISED")
    room = deck.room_at(x, y)
    if room is None or room.id not in place.lstate.revealed:
        raise Forbidden(NOT_SURVEYED)
    if room.id != token.room_id and not reachable(
        deck, place.lstate, token.room_id, room.id, state.through_doors
    ):
        raise Forbidden(NO_ROUTE)
    return place, token, deck


def reachable(deck: Deck, lstate: LocationState, start: str, goal: str, rule: str) -> bool:
    """Is there a path of revealed rooms from start to goal through doors the rule crosses?"""
    ways = _ways(deck, lstate.door_status, rule)
    seen, todo = {start}, deque([start])
    while todo:
        room = todo.popleft()
        if room == goal:
            return True
        for other in ways.get(room, ()):
            if other not in seen and other in lstate.revealed:
                seen.add(other)
                todo.append(other)
    return False


Ways = dict[str, list[str]]
_last_ways: tuple[Deck, dict[str, str], str, Ways] | None = None


def _ways(deck: Deck, overrides: dict[str, str], rule: str) -> Ways:
    """Room -> the rooms its passable doors lead to; the last answer is kept (moves repeat)."""
    global _last_ways
    last = _last_ways
    if last is not None and last[0] is deck and last[1] is overrides and last[2] == rule:
        return last[3]
    closed = CLOSED_TO[rule]
    lstate = LocationState("", door_status=overrides)
    ways: Ways = {}
    for conn in deck.connections:
        if door_status(conn, lstate) not in closed:
            ways.setdefault(conn.from_room, []).append(conn.to_room)
            ways.setdefault(conn.to_room, []).append(conn.from_room)
    _last_ways = (deck, overrides, rule, ways)
    return ways


NO_SIGNAL = "SIGNAL LOST \u2014 NO SUCH MARKER ON THIS DECK"
NOT_SURVEYED = "ACCESS DENIED \u2014 AREA NOT SURVEYED"
OCCUPIED = "MOVE BLOCKED \u2014 SPACE OCCUPIED"
NO_ROUTE = "ROUTE BLOCKED \u2014 NO PASSABLE DOOR ON THE WAY"


def check_player_free(lstate: LocationState, deck_id: str, x: int, y: int, moving: str) -> None:
    """Conflict when a token the players can see holds the cell; hidden ones do not count."""
    for token in lstate.tokens.values():
        here = (token.x, token.y, token.deck_id) == (x, y, deck_id)
        if here and token.id != moving and not token.hidden:
            raise Conflict(OCCUPIED)
