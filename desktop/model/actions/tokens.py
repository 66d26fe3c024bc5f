"""Tokens on a deck: place, move (GM or player), remove, rename, statuses, clear."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Annotated, Self

from desktop.campaign.model import Campaign, Deck, Room
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.displays import check_bound
from desktop.model.actions.fields import Alias, MaxLen, Name, OneOf, check_str
from desktop.model.actions.places import (
    Place,
    find_token,
    location_state,
    place_of,
    with_location,
)
from desktop.model.actions.player_moves import check_player_free, check_player_move
from desktop.model.errors import Conflict, InvalidInput, NotFound
from desktop.model.state import (
    TOKEN_STATUSES,
    TOKEN_TYPES,
    LocationState,
    TableState,
    Token,
    with_cell,
    with_tokens,
)


def room_for_cell(deck: Deck, x: int, y: int) -> Room:
    """The room holding the cell, or InvalidInput."""
    room = deck.room_at(x, y)
    if room is None:
        raise InvalidInput(f"cell ({x}, {y}) is outside every room of deck '{deck.id}'")
    return room


def check_free(lstate: LocationState, deck_id: str, x: int, y: int, moving: str = "") -> None:
    """Conflict when another token occupies the cell."""
    for token in lstate.tokens.values():
        if token.x == x and token.y == y and token.deck_id == deck_id and token.id != moving:
            raise Conflict(f"cell ({x}, {y}) is occupied by another token")


def _with_tokens(state: TableState, place: Place, tokens: dict[str, Token]) -> TableState:
    return with_location(state, place.slug, with_tokens(place.lstate, tokens))


def image_id(campaign: Campaign, value: str) -> str:
    """A campaign token-image id for value: the id itself, or an older URL naming its file."""
    if not value or value in campaign.token_images:
        return value
    name = PurePosixPath(value.split("?")[0]).name
    for image in campaign.token_images.values():
        if name and image.path.name == name:
            return image.id
    raise NotFound(f"unknown token image '{value}'")


def find_for_gm(
    state: TableState, campaign: Campaign, token_id: str, location_slug: str
) -> tuple[Place, Token, TableState]:
    """The token, its place, and the state to change: tokens a campaign change left without
    a room (`unplaced`) are found too, and taken out of that list."""
    try:
        place, token = find_token(state, campaign, token_id, location_slug)
        return place, token, state
    except NotFound:
        for slug, token in state.unplaced:
            location = campaign.location(slug)
            if token.id == token_id and location and location_slug in ("", slug):
                rest = tuple(u for u in state.unplaced if u[1].id != token_id)
                base = replace(state, unplaced=rest)
                return Place(location, location_state(base, location)), token, base
        raise


def _new_token_id(state: TableState, ctx: ActionContext) -> str:
    while True:
        token_id = ctx.new_id()
        if all(token_id not in ls.tokens for ls in state.locations.values()):
            return token_id


@dataclass(frozen=True, slots=True)
class PlaceToken(Action):
    """A new token on a deck; the cell decides the room (room_id is ignored)."""

    type: Annotated[str, OneOf(TOKEN_TYPES)]
    name: Name
    x: int
    y: int
    image: Annotated[str, Alias("image_url"), MaxLen(1000)] = ""
    location_slug: str = ""
    deck_id: str = ""
    level: int | None = None

    def check(self, body: Mapping[str, object]) -> Self:
        if body.get("room_id") is not None:  # accepted for compatibility: the cell decides
            check_str(body["room_id"], "room_id")
        return self

    @property
    def label(self) -> str:
        return f"Place {self.name or self.type}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        deck = place.deck(self.deck_id)
        if not self.deck_id and self.level is not None and place.map is not None:
            by_level = place.map.deck_by_level(self.level)
            if by_level is None:
                raise NotFound(f"unknown deck level {self.level} at '{place.slug}'")
            deck = by_level
        image = image_id(campaign, self.image)
        room = room_for_cell(deck, self.x, self.y)
        check_free(place.lstate, deck.id, self.x, self.y)
        token_id = _new_token_id(state, ctx)
        token = Token(token_id, self.type, self.name, self.x, self.y, deck.id, room.id, (), image)
        ctx.reply["token_id"] = token_id
        return _with_tokens(state, place, {**place.lstate.tokens, token_id: token})


@dataclass(frozen=True, slots=True)
class MoveToken(Action):
    """Move a token (to another deck with deck_id: GM only); the cell decides the room."""

    player_allowed = True

    token_id: str
    x: int
    y: int
    deck_id: str = ""
    location_slug: str = ""

    @property
    def label(self) -> str:
        return "Move token"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        if ctx.is_player:
            place, token, deck = check_player_move(
                state, campaign, self.token_id, self.x, self.y, self.deck_id, self.location_slug
            )
            check_bound(state, ctx, token)
            base = state
        else:
            place, token, base = find_for_gm(state, campaign, self.token_id, self.location_slug)
            own = place.map.deck(token.deck_id) if place.map else None
            deck = place.deck(self.deck_id) if self.deck_id or own is None else own
        room = room_for_cell(deck, self.x, self.y)
        if (token.x, token.y, token.deck_id, token.room_id) == (self.x, self.y, deck.id, room.id):
            return state
        check = check_player_free if ctx.is_player else check_free
        check(place.lstate, deck.id, self.x, self.y, token.id)
        moved = with_cell(token, self.x, self.y, deck.id, room.id)
        return _with_tokens(base, place, {**place.lstate.tokens, token.id: moved})


@dataclass(frozen=True, slots=True)
class RemoveToken(Action):
    """Take a token off the map."""

    token_id: str
    location_slug: str = ""

    @property
    def label(self) -> str:
        return "Remove token"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place, token, base = find_for_gm(state, campaign, self.token_id, self.location_slug)
        if base is not state:
            return base  # it was unplaced: gone now
        tokens = {k: v for k, v in place.lstate.tokens.items() if k != token.id}
        return _with_tokens(state, place, tokens)


@dataclass(frozen=True, slots=True)
class RenameToken(Action):
    """Give a token another name."""

    token_id: str
    name: Name
    location_slug: str = ""

    @property
    def label(self) -> str:
        return f"Rename token to {self.name}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place, token = find_token(state, campaign, self.token_id, self.location_slug)
        if token.name == self.name:
            return state
        tokens = {**place.lstate.tokens, token.id: replace(token, name=self.name)}
        return _with_tokens(state, place, tokens)


@dataclass(frozen=True, slots=True)
class UpdateTokenStatus(Action):
    """Set a token's statuses: wounded, dead, panicked, stunned, hidden."""

    token_id: str
    status: Annotated[tuple[str, ...], OneOf(TOKEN_STATUSES)]
    location_slug: str = ""

    @property
    def label(self) -> str:
        return f"Token status {', '.join(self.status) or 'none'}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place, token = find_token(state, campaign, self.token_id, self.location_slug)
        statuses = tuple(s for s in TOKEN_STATUSES if s in self.status)
        if token.statuses == statuses:
            return state
        tokens = {**place.lstate.tokens, token.id: replace(token, statuses=statuses)}
        return _with_tokens(state, place, tokens)


@dataclass(frozen=True, slots=True)
class ClearTokens(Action):
    """Remove every token of a deck (the shown one unless named)."""

    location_slug: str = ""
    deck_id: str = ""

    @property
    def label(self) -> str:
        return "Clear tokens"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        deck = place.deck(self.deck_id)
        tokens = {k: t for k, t in place.lstate.tokens.items() if t.deck_id != deck.id}
        if len(tokens) == len(place.lstate.tokens):
            return state
        return _with_tokens(state, place, tokens)
