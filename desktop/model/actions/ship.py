"""The ship: GM overrides of its systems, merged over ship.yaml."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from desktop.campaign.model import SYSTEM_STATUSES, Campaign, ShipSystem
from desktop.model.actions.base import Action, ActionContext
from desktop.model.actions.fields import MAX_MESSAGE, Lines, MaxLen, OneOf, Range
from desktop.model.errors import NotFound
from desktop.model.state import SystemOverride, TableState


def find_system(campaign: Campaign, name: str) -> ShipSystem:
    """The ship.yaml system of that name, or NotFound."""
    if campaign.ship is None:
        raise NotFound("the campaign has no ship")
    for system in campaign.ship.systems:
        if system.name == name:
            return system
    raise NotFound(f"unknown ship system '{name}'")


@dataclass(frozen=True, slots=True)
class SetShipSystem(Action):
    """Override a ship system's status, and its condition and info when given.

    Under another status than ship.yaml's, the campaign's condition and text no longer apply:
    players see only what the GM gave (a CRITICAL system must not read "nominal" at 91 %).
    """

    system: str
    status: Annotated[str, OneOf(SYSTEM_STATUSES)]
    condition: Annotated[int | None, Range(0, 100)] = None
    info: Annotated[str | None, MaxLen(MAX_MESSAGE), Lines()] = None

    @property
    def label(self) -> str:
        return f"{self.system} {self.status.lower()}"

    def apply(self, state: TableState, campaign: Campaign, ctx: ActionContext) -> TableState:
        base = find_system(campaign, self.system)
        old = state.ship.get(self.system, SystemOverride())
        status = None if self.status == base.status else self.status
        condition = old.condition if self.condition is None else self.condition
        info = old.info if self.info is None else self.info
        if status is None:  # the campaign's status: its own condition and text fit it again
            condition = None if condition == base.condition else condition
            info = None if info == base.info else info
        new = SystemOverride(status, condition, info)
        if new == old:
            return state
        ship = {k: v for k, v in state.ship.items() if k != self.system}
        if new != SystemOverride():
            ship[self.system] = new
        return replace(state, ship=ship)
