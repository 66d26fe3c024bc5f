"""The GM's own names for markers (points of interest, terminals), and markers removed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.campaign.model import Campaign
from desktop.model import naming
from desktop.model.actions.base import ActionContext
from desktop.model.actions.fields import Name
from desktop.model.actions.places import OnDeck, with_location
from desktop.model.errors import Conflict
from desktop.model.state import TableState


@dataclass(frozen=True, slots=True)
class RenameMarker(OnDeck):
    """Give a marker the name players read (the campaign's own name drops the override)."""

    poi_id: str
    name: Name

    @property
    def label(self) -> str:
        return f"Rename {self.poi_id} to {self.name}"

    def describe(self, campaign: Campaign) -> str:
        marker = naming.marker_label(campaign, self.poi_id, self.location_slug)
        return f"Rename {marker} to {self.name}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        marker = place.marker(self.poi_id)
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
class RemoveMarker(OnDeck):
    """Take a marker off the map for this table (undo, or Reset location, brings it back)."""

    poi_id: str

    @property
    def label(self) -> str:
        return f"Remove {self.poi_id}"

    def describe(self, campaign: Campaign) -> str:
        return f"Remove {naming.marker_label(campaign, self.poi_id, self.location_slug)}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        place = self.place(state, campaign)
        place.marker(self.poi_id)
        lstate = place.lstate
        if self.poi_id in lstate.removed_markers:
            return state
        gone = lstate.removed_markers | {self.poi_id}
        return with_location(state, place.slug, replace(lstate, removed_markers=gone))
