"""The crew's ship: ship.yaml with its hull, armor and systems."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.model import SYSTEM_STATUSES, Ship, ShipSystem, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, read_optional_yaml

_SHIP_KEYS = ("name", "class", "crew_count", "crew_capacity", "hull", "armor", "systems")


def read_ship(campaign_dir: Path, log: ProblemLog) -> Ship | None:
    """The ship of ship.yaml, or None when there is none."""
    path = campaign_dir / "ship.yaml"
    data = read_optional_yaml(path, log)
    if data is None:
        return None
    file = log.rel(path)
    top = data.get("ship") if isinstance(data, YamlMap) else None
    if not isinstance(top, YamlMap):
        log.add(file, 1, "expected a mapping with a 'ship' mapping")
        return None
    fields = Fields(top, file, log, "ship")
    return Ship(
        name=fields.text("name", "Ship"),
        ship_class=fields.text("class"),
        crew_count=fields.integer("crew_count", 0, minimum=0),
        crew_capacity=fields.integer("crew_capacity", 0, minimum=0),
        hull=_gauge(fields, "hull"),
        armor=_gauge(fields, "armor"),
        systems=_systems(fields),
        extra=frozen_map(fields.extra(_SHIP_KEYS)),
    )


def _gauge(fields: Fields, key: str) -> tuple[int, int]:
    """(current, max) of a `{current, max}` mapping."""
    data = fields.mapping(key)
    if data is None:
        return (0, 0)
    gauge = Fields(data, fields.file, fields.log, f"ship {key}")
    return gauge.integer("current", 0), gauge.integer("max", 0)


def _systems(fields: Fields) -> tuple[ShipSystem, ...]:
    systems: list[ShipSystem] = []
    for name, system in fields.named("systems", "system"):
        systems.append(
            ShipSystem(
                name,
                status=system.choice("status", SYSTEM_STATUSES, "ONLINE"),
                condition=system.integer("condition", 100, minimum=0),
                info=system.text("info"),
            )
        )
    return tuple(systems)
