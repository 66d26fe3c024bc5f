"""Finding the location, deck, room and token an encounter write acts on."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.campaign.model import Campaign, Deck, Location, LocationMap, MapTerminal, Poi
from desktop.model.actions.base import Action
from desktop.model.errors import Conflict, NotFound
from desktop.model.state import LocationState, TableState, Token, with_locations


def fresh_location_state(location: Location) -> LocationState:
    """A location as on its first visit: every room hidden, the default deck."""
    return LocationState(deck_id=location.map.default_deck_id if location.map else "")


def location_state(state: TableState, location: Location) -> LocationState:
    """The table's state of a location (fresh if it was never visited)."""
    found = state.locations.get(location.slug)
    return found if found is not None else fresh_location_state(location)


def with_location(state: TableState, slug: str, lstate: LocationState) -> TableState:
    """state with one location's state replaced (the same object if nothing changed)."""
    if state.locations.get(slug) is lstate:
        return state
    locations = dict(state.locations)
    locations[slug] = lstate
    return with_locations(state, locations)


def find_location(campaign: Campaign, slug: str) -> Location:
    """The location of that slug, or NotFound."""
    location = campaign.location(slug)
    if location is None:
        raise NotFound(f"unknown location '{slug}'")
    return location


@dataclass(frozen=True, slots=True)
class Place:
    """The location an encounter write acts on, and its table state."""

    location: Location
    lstate: LocationState

    @property
    def slug(self) -> str:
        return self.location.slug

    @property
    def map(self) -> LocationMap | None:
        return self.location.map

    def deck(self, deck_id: str = "") -> Deck:
        """The named deck (NotFound), else the deck shown here (Conflict without a map)."""
        lmap = self.location.map
        if deck_id:
            found = lmap.deck(deck_id) if lmap else None
            if found is None:
                raise NotFound(f"unknown deck '{deck_id}' at '{self.slug}'")
            return found
        if lmap is None or not lmap.decks:
            raise Conflict(f"location '{self.slug}' has no map")
        found = lmap.deck(self.lstate.deck_id) or lmap.deck(lmap.default_deck_id)
        return found if found is not None else lmap.decks[0]

    def marker(self, marker_id: str) -> Poi | MapTerminal:
        """The point of interest or terminal marker of that id here, or NotFound."""
        found = self.map.marker(marker_id) if self.map else None
        if found is None:
            raise NotFound(f"unknown point of interest '{marker_id}' at '{self.slug}'")
        return found


def place_of(state: TableState, campaign: Campaign, location_slug: str) -> Place:
    """The named location (NotFound), else the shown one (Conflict when none is open)."""
    if location_slug:
        location = find_location(campaign, location_slug)
    else:
        if not state.location_slug:
            raise Conflict("no location open: open one or name it with 'location_slug'")
        shown = campaign.location(state.location_slug)
        if shown is None:
            raise Conflict(f"location '{state.location_slug}' is no longer in the campaign")
        location = shown
    return Place(location, location_state(state, location))


@dataclass(frozen=True, slots=True, kw_only=True)
class OnDeck(Action):
    """An encounter write: at the named location (else the shown one), on the named deck (else
    the shown one). Both are keyword-only fields, read from the body like the others."""

    location_slug: str = ""
    deck_id: str = ""

    def place(self, state: TableState, campaign: Campaign) -> Place:
        """The place it acts on; an unknown deck is a 404 even where the ids do not need it."""
        place = place_of(state, campaign, self.location_slug)
        if self.deck_id:
            place.deck(self.deck_id)
        return place


def find_token(
    state: TableState, campaign: Campaign, token_id: str, location_slug: str
) -> tuple[Place, Token]:
    """The token and its place: in the named location, else the shown one, else any."""
    if location_slug:
        place = place_of(state, campaign, location_slug)
        token = place.lstate.tokens.get(token_id)
        if token is None:
            raise NotFound(f"unknown token '{token_id}' at '{location_slug}'")
        return place, token
    shown = state.locations.get(state.location_slug)
    if shown is not None and token_id in shown.tokens:  # most often: on the shown deck
        location = campaign.location(state.location_slug)
        if location is not None:
            return Place(location, shown), shown.tokens[token_id]
    slugs = [state.location_slug] if state.location_slug else []
    slugs += [s for s in state.locations if s != state.location_slug]
    for slug in slugs:
        lstate = state.locations.get(slug)
        location = campaign.location(slug)
        if lstate is not None and location is not None and token_id in lstate.tokens:
            return Place(location, lstate), lstate.tokens[token_id]
    raise NotFound(f"unknown token '{token_id}'")
