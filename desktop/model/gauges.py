"""Hull, armor and each crew member's health and stress: the campaign's value, the GM's over it.

A campaign writes a gauge as a number or as `{current, max}` (the original system nested crew
health that way); the GM's value replaces `current` and keeps the campaign's shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.campaign.model import Campaign, CrewMember
from desktop.model.state import CREW_GAUGES, SHIP_GAUGES, TableState, gauge_key

NO_MAX = 999  # the highest value a gauge without a campaign maximum takes


@dataclass(frozen=True, slots=True)
class Gauge:
    """A gauge's current value and its maximum (None: the campaign gives none)."""

    current: int
    maximum: int | None = None

    @property
    def limit(self) -> int:
        return self.maximum if self.maximum is not None else NO_MAX


def campaign_gauge(campaign: Campaign, gauge: str, crew_id: str = "") -> Gauge | None:
    """The campaign's value of a gauge; None when there is no such ship or crew member."""
    if gauge in SHIP_GAUGES and not crew_id:
        ship = campaign.ship
        if ship is None:
            return None
        current, maximum = ship.hull if gauge == "hull" else ship.armor
        return Gauge(current, maximum or None)
    member = crew_member(campaign, crew_id) if gauge in CREW_GAUGES else None
    if member is None:
        return None
    written = {"health": member.health, "stress": member.stress}
    return _gauge_of(written[gauge] if gauge in written else member.extra.get(gauge))


def current_gauge(
    state: TableState, campaign: Campaign, gauge: str, crew_id: str = ""
) -> Gauge | None:
    """The gauge as the table has it now: the GM's value over the campaign's."""
    base = campaign_gauge(campaign, gauge, crew_id)
    value = state.gauges.get(gauge_key(gauge, crew_id))
    if base is None or value is None:
        return base
    return Gauge(value, base.maximum)


def crew_member(campaign: Campaign, crew_id: str) -> CrewMember | None:
    return next((m for m in campaign.crew if m.id == crew_id), None)


def with_current(plain: object, value: int | None) -> object:
    """A campaign gauge value (number or {current, max}) with the GM's current value."""
    if value is None:
        return plain
    if isinstance(plain, Mapping) and "current" in plain:
        return {**plain, "current": value}
    return value


def _gauge_of(value: object) -> Gauge:
    if isinstance(value, Mapping):
        current, maximum = value.get("current"), value.get("max")
        return Gauge(_whole(current), _whole(maximum) or None)
    return Gauge(_whole(value))


def _whole(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return 0
