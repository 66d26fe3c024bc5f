"""The map at a location: decks, room reveals, doors, room statuses, markers, descriptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Self

from desktop.campaign.model import DOOR_STATUSES, ROOM_STATUSES, Campaign, Room
from desktop.model import naming
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import OneOf
from desktop.model.actions.places import OnDeck, Place, place_of, with_location
from desktop.model.deckmap import marker_shown
from desktop.model.errors import InvalidInput, NotFound
from desktop.model.state import LocationState, TableState
from desktop.model.warden import without_atmosphere


def _commit(state: TableState, place: Place, lstate: LocationState) -> TableState:
    return state if lstate is place.lstate else with_location(state, place.slug, lstate)


def _room(place: Place, room_id: str) -> Room:
    room = place.map.rooms.get(room_id) if place.map else None
    if room is None:
        raise NotFound(f"unknown room '{room_id}' at '{place.slug}'")
    return room


_VERB = {True: "Reveal", False: "Hide", None: "Toggle"}


@dataclass(frozen=True, slots=True)
class SwitchLevel(Action):
    """Choose the deck players see at a location (deck_id decides; level only without it)."""

    deck_id: str
    level: int | None = None
    location_slug: str = ""

    def check(self, body: Mapping[str, object]) -> Self:
        if not self.deck_id and self.level is None:
            raise InvalidInput("field 'deck_id' must not be empty")
        return self

    @property
    def label(self) -> str:
        return f"Switch to deck {self.deck_id or self.level}"

    def describe(self, campaign: Campaign) -> str:
        if not self.deck_id:
            return self.label
        return f"Switch to {naming.deck_label(campaign, self.deck_id, self.location_slug)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        if self.deck_id or self.level is None:
            deck = place.deck(self.deck_id)
        else:
            found = place.map.deck_by_level(self.level) if place.map else None
            if found is None:
                raise NotFound(f"unknown deck level {self.level} at '{place.slug}'")
            deck = found
        if deck.id == place.lstate.deck_id:
            return state
        return with_location(state, place.slug, replace(place.lstate, deck_id=deck.id))


@dataclass(frozen=True, slots=True)
class ToggleRoom(OnDeck):
    """Reveal, hide or flip one room."""

    room_id: str
    visible: bool | None = None

    @property
    def label(self) -> str:
        return f"{_VERB[self.visible]} {self.room_id}"

    def describe(self, campaign: Campaign) -> str:
        room = naming.room_label(campaign, self.room_id, self.location_slug)
        return f"{_VERB[self.visible]} {room}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        _room(place, self.room_id)
        shown = self.room_id in place.lstate.revealed
        want = (not shown) if self.visible is None else self.visible
        if want == shown:
            return state
        revealed = place.lstate.revealed
        revealed = revealed | {self.room_id} if want else revealed - {self.room_id}
        return _commit(state, place, replace(place.lstate, revealed=revealed))


@dataclass(frozen=True, slots=True)
class SetRoomVisibility(OnDeck):
    """Reveal or hide several rooms at once."""

    room_visibility: tuple[tuple[str, bool], ...]

    @property
    def label(self) -> str:
        return f"Set visibility of {len(self.room_visibility)} rooms"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        for room_id, _visible in self.room_visibility:
            _room(place, room_id)
        show = {r for r, v in self.room_visibility if v}
        hide = {r for r, v in self.room_visibility if not v}
        revealed = (place.lstate.revealed | show) - hide
        if revealed == place.lstate.revealed:
            return state
        return _commit(state, place, replace(place.lstate, revealed=frozenset(revealed)))


@dataclass(frozen=True, slots=True)
class SetDoorStatus(OnDeck):
    """Open, close, lock, seal or break a door."""

    connection_id: str
    door_status: Annotated[str, OneOf(DOOR_STATUSES)]

    @property
    def label(self) -> str:
        return f"Door {self.connection_id} {self.door_status.lower()}"

    def describe(self, campaign: Campaign) -> str:
        door = naming.door_label(campaign, self.connection_id, self.location_slug)
        return f"{door} {self.door_status.lower()}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        conn = place.map.connections.get(self.connection_id) if place.map else None
        if conn is None or not conn.has_door:
            raise NotFound(f"unknown door '{self.connection_id}' at '{place.slug}'")
        overrides = _override(place.lstate.door_status, conn.id, self.door_status, conn.door_status)
        if overrides == place.lstate.door_status:
            return state
        return _commit(state, place, replace(place.lstate, door_status=overrides))


@dataclass(frozen=True, slots=True)
class SetRoomStatus(OnDeck):
    """A runtime room status (a fire starts): OPERATIONAL, WARNING, HAZARD, OFFLINE."""

    room_id: str
    status: Annotated[str, OneOf(ROOM_STATUSES)]

    @property
    def label(self) -> str:
        return f"Room {self.room_id} {self.status.lower()}"

    def describe(self, campaign: Campaign) -> str:
        room = naming.room_label(campaign, self.room_id, self.location_slug)
        return f"{room} {self.status.lower()}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        room = _room(place, self.room_id)
        overrides = _override(place.lstate.room_status, room.id, self.status, room.status)
        if overrides == place.lstate.room_status:
            return state
        return _commit(state, place, replace(place.lstate, room_status=overrides))


@dataclass(frozen=True, slots=True)
class TogglePoi(OnDeck):
    """Show, hide or flip any point of interest or terminal marker (the campaign's `hidden`
    only sets how it starts)."""

    poi_id: str
    visible: bool | None = None

    @property
    def label(self) -> str:
        return f"{_VERB[self.visible]} {self.poi_id}"

    def describe(self, campaign: Campaign) -> str:
        name = naming.marker_label(campaign, self.poi_id, self.location_slug)
        return f"{_VERB[self.visible]} {name}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        item = place.marker(self.poi_id)
        lstate = place.lstate
        shown = marker_shown(item, lstate)
        want = (not shown) if self.visible is None else self.visible
        if want == shown:
            return state
        # one of two sets, by how the campaign starts it: the other never holds this id
        if item.hidden:
            pois = lstate.revealed_pois
            pois = pois | {item.id} if want else pois - {item.id}
            return _commit(state, place, replace(lstate, revealed_pois=pois))
        hidden = lstate.hidden_pois
        hidden = hidden - {item.id} if want else hidden | {item.id}
        return _commit(state, place, replace(lstate, hidden_pois=hidden))


@dataclass(frozen=True, slots=True)
class SetRoomDescription(OnDeck):
    """Show or hide a room's description for players (shown by default once revealed)."""

    room_id: str
    shown: bool

    @property
    def label(self) -> str:
        return f"{'Show' if self.shown else 'Hide'} description of {self.room_id}"

    def describe(self, campaign: Campaign) -> str:
        room = naming.room_label(campaign, self.room_id, self.location_slug)
        return f"{'Show' if self.shown else 'Hide'} description of {room}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        room = _room(place, self.room_id)
        hidden = place.lstate.hidden_descriptions
        hidden = hidden - {room.id} if self.shown else hidden | {room.id}
        if hidden == place.lstate.hidden_descriptions:
            return state
        return _commit(state, place, replace(place.lstate, hidden_descriptions=hidden))


@dataclass(frozen=True, slots=True)
class ResetLocation(Action):
    """Hide every room and hidden POI, restore doors and room statuses, remove the tokens."""

    location_slug: str = ""

    @property
    def label(self) -> str:
        return f"Reset {self.location_slug or 'location'}"

    def describe(self, campaign: Campaign) -> str:
        if not self.location_slug:
            return self.label
        return f"Reset {naming.location_label(campaign, self.location_slug)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        fresh = LocationState(deck_id=place.lstate.deck_id)
        warden = without_atmosphere(state.warden, place.slug)  # the rooms' air comes back too
        if fresh == place.lstate and warden is state.warden:
            return state
        return _commit(replace(state, warden=warden), place, fresh)


def _override(overrides: dict[str, str], key: str, value: str, campaign: str) -> dict[str, str]:
    """A new override map: `value` for `key`, dropped when it is the campaign's own value."""
    changed = dict(overrides)
    if value == campaign:
        changed.pop(key, None)
    else:
        changed[key] = value
    return changed
