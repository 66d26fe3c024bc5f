"""The rules for a player (no GM token) moving a token."""

from __future__ import annotations

from desktop.campaign.model import Campaign, Deck
from desktop.model.actions.places import Place, place_of
from desktop.model.errors import Forbidden, NotFound
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
    if place is None or token is None:
        raise NotFound(f"unknown token '{token_id}'")
    if location_slug and location_slug != place.slug:
        raise Forbidden("players may only move tokens at the shown location")
    deck = place.deck()
    if not player_sees(state, place, deck, token):
        raise Forbidden("players may only move tokens they can see")
    if token.type not in state.movable_types:
        raise Forbidden(f"players may not move {token.type} tokens")
    if deck_id and deck_id != deck.id:
        raise Forbidden("players may not move tokens to another deck")
    room = deck.room_at(x, y)
    if room is None or room.id not in place.lstate.revealed:
        raise Forbidden(f"players may only move tokens into a revealed room (cell ({x}, {y}))")
    return place, token, deck
