"""Hull, armor, crew health and stress: the GM sets their current values (undoable)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, Self

from desktop.campaign.model import Campaign
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import OneOf
from desktop.model.errors import InvalidInput, NotFound
from desktop.model.gauges import campaign_gauge, crew_member
from desktop.model.state import CREW_GAUGES, SHIP_GAUGES, TableState, gauge_key


@dataclass(frozen=True, slots=True)
class SetGauge(Action):
    """Set the ship's hull or armor, or a crew member's health or stress (with crew_id)."""

    gauge: Annotated[str, OneOf(SHIP_GAUGES + CREW_GAUGES)]
    value: int
    crew_id: str = ""

    def check(self, body: Mapping[str, object]) -> Self:
        if self.gauge not in CREW_GAUGES:
            return replace(self, crew_id="") if self.crew_id else self
        if not self.crew_id:
            raise InvalidInput(f"missing field 'crew_id' (whose {self.gauge})")
        return self

    @property
    def label(self) -> str:
        return f"Set {self.gauge}"

    def describe(self, campaign: Campaign) -> str:
        member = crew_member(campaign, self.crew_id) if self.crew_id else None
        return f"Set {member.name}'s {self.gauge}" if member else self.label

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        base = campaign_gauge(campaign, self.gauge, self.crew_id)
        if base is None:
            what = f"crew member '{self.crew_id}'" if self.crew_id else "ship"
            raise NotFound(f"the campaign has no such {what}")
        if not 0 <= self.value <= base.limit:
            raise InvalidInput(f"{self.gauge} must be between 0 and {base.limit}")
        key = gauge_key(self.gauge, self.crew_id)
        gauges = {k: v for k, v in state.gauges.items() if k != key}
        if self.value != base.current:  # the campaign's own value needs no override
            gauges[key] = self.value
        return state if gauges == state.gauges else replace(state, gauges=gauges)
