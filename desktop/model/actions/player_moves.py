"""The rules for a player (no GM token) moving a token.

Refusals read like the ship talking to the crew: never an id, a slug or a cell, and the same
answer for a token that is hidden and one that is not there.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.campaign.model import Campaign, Deck
from desktop.model.actions.places import Place, place_of
from desktop.model.errors import Conflict, Forbidden, NotFound
from desktop.model.state import TableState, Token


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
    return place, token, deck


NO_SIGNAL = "SIGNAL LOST \u2014 NO SUCH MARKER ON THIS DECK"
NOT_SURVEYED = "ACCESS DENIED \u2014 AREA NOT SURVEYED"
OCCUPIED = "MOVE BLOCKED \u2014 SPACE OCCUPIED"


def player_check_free(check: Callable[[], None]) -> None:
    """A cell check for a player move: the refusal without the cell's coordinates."""
    try:
        check()
    except Conflict:
        raise Conflict(OCCUPIED) from None
