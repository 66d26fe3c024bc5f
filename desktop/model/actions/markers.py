"""The GM's own names for markers (points of interest, terminals), and markers removed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.campaign.model import Campaign, MapTerminal, Poi
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import Name
from desktop.model.actions.places import Place, place_of, with_location
from desktop.model.errors import Conflict, NotFound
from desktop.model.state import TableState


def _marker(place: Place, marker_id: str, deck_id: str) -> Poi | MapTerminal:
    if deck_id:
        place.deck(deck_id)  # an unknown deck is a 404 even where the id does not need it
    lmap = place.map
    found = (lmap.pois.get(marker_id) or lmap.terminals.get(marker_id)) if lmap else None
    if found is None:
        raise NotFound(f"unknown point of interest '{marker_id}' at '{place.slug}'")
    return found


def _marker_name(campaign: Campaign, marker_id: str, location_slug: str) -> str:
    for location in campaign.locations.values():
        lmap = location.map
        found = (lmap.pois.get(marker_id) or lmap.terminals.get(marker_id)) if lmap else None
        if found is not None and location_slug in ("", location.slug):
            return found.name
    return marker_id


@dataclass(frozen=True, slots=True)
class RenameMarker(Action):
    """Give a marker the name players read (the campaign's own name drops the override)."""

    poi_id: str
    name: Name
    location_slug: str = ""
    deck_id: str = ""

    @property
    def label(self) -> str:
        return f"Rename {self.poi_id} to {self.name}"

    def describe(self, campaign: Campaign) -> str:
        return f"Rename {_marker_name(campaign, self.poi_id, self.location_slug)} to {self.name}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        marker = _marker(place, self.poi_id, self.deck_id)
        lstate = place.lstate
        if self.poi_id in lstate.removed_markers:
            raise Conflict(f"point of interest '{marker.name}' was removed")
        names = {k: v for k, v in lstate.marker_names.items() if k != self.poi_id}
        if self.name != marker.name:
            names[self.poi_id] = self.name
        if names == lstate.marker_names:
            return state
        return with_location(state, place.slug, replace(lstate, marker_names=names))


@dataclass(frozen=True, slots=True)
class RemoveMarker(Action):
    """Take a marker off the map for this table (undo, or Reset location, brings it back)."""

    poi_id: str
    location_slug: str = ""
    deck_id: str = ""

    @property
    def label(self) -> str:
        return f"Remove {self.poi_id}"

    def describe(self, campaign: Campaign) -> str:
        return f"Remove {_marker_name(campaign, self.poi_id, self.location_slug)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = place_of(state, campaign, self.location_slug)
        _marker(place, self.poi_id, self.deck_id)
        lstate = place.lstate
        if self.poi_id in lstate.removed_markers:
            return state
        gone = lstate.removed_markers | {self.poi_id}
        return with_location(state, place.slug, replace(lstate, removed_markers=gone))
