"""Reading the star maps: `galaxy/star_map.yaml`, `galaxy/<system>/system_map.yaml` and
`galaxy/<system>/<body>/orbit_map.yaml` (CAMPAIGN-FORMAT.md "Star maps").

A missing file means no such map. What is wrong inside one is a `FILE:LINE` problem: an
unknown `location_slug` (neither a location nor a star-map folder), a route naming a system
the galaxy does not have, a colour that is not 0xRRGGBB. A system map belongs to the galaxy
system whose `location_slug` (else whose name, as a slug) is its folder's name; an orbit map
to the system map's body named so by its folder.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from desktop.campaign.folders import subfolders
from desktop.campaign.problems import ProblemLog
from desktop.campaign.starbodies import BodyReader
from desktop.campaign.starfields import StarFields, slug_of, top_mapping
from desktop.campaign.starmodel import (
    Camera,
    Galaxy,
    Nebula,
    OrbitMap,
    Route,
    StarMap,
    StarSystem,
    SystemMap,
)

STAR_MAP = "star_map.yaml"
SYSTEM_MAP = "system_map.yaml"
ORBIT_MAP = "orbit_map.yaml"
SYSTEM_TYPES = ("star", "nebula", "station", "planet")
_GALAXY_CAMERA = Camera(position=(0.0, 120.0, 260.0))


def read_star_map(root: Path, locations: Collection[str], log: ProblemLog) -> StarMap:
    """The campaign's star maps; `locations` are the slugs a `location_slug` may name."""
    galaxy_dir = root / "galaxy"
    if not galaxy_dir.is_dir():
        return StarMap()
    quiet = ProblemLog(root)  # the location tree reports unreadable folders already
    tops = subfolders(galaxy_dir, quiet)
    system_dirs = [d for d in tops if (d / SYSTEM_MAP).is_file()]
    orbit_dirs = [b for d in tops for b in subfolders(d, quiet) if (b / ORBIT_MAP).is_file()]
    known = {*locations, *(d.name for d in system_dirs), *(d.name for d in orbit_dirs)}
    bodies = BodyReader(known, log)
    orbits = _by_key(
        bodies.orbit_map(d / ORBIT_MAP, f"{d.parent.name}/{d.name}") for d in orbit_dirs
    )
    systems = _by_key(bodies.system_map(d / SYSTEM_MAP, d.name, orbits) for d in system_dirs)
    star_file = galaxy_dir / STAR_MAP
    galaxy = _GalaxyReader(known, systems, log).read(star_file) if star_file.is_file() else None
    return StarMap(galaxy, MappingProxyType(systems), MappingProxyType(orbits))


M = TypeVar("M", SystemMap, OrbitMap)


def _by_key(maps: Iterable[M | None]) -> dict[str, M]:
    return {found.key: found for found in maps if found is not None}


class _GalaxyReader:
    def __init__(self, known: Collection[str], systems: dict[str, SystemMap], log: ProblemLog):
        self.known = known
        self.system_maps = systems
        self.log = log

    def read(self, path: Path) -> Galaxy | None:
        top = top_mapping(path, self.log, "systems, nebulae and routes")
        if top is None:
            return None
        ambient = top.part("ambient_light")
        systems = self._systems(top)
        return Galaxy(
            file=top.file,
            camera=top.camera(_GALAXY_CAMERA),
            ambient_color=ambient.color("color", 0x404060),
            ambient_intensity=ambient.number("intensity", 0.6) or 0.0,
            systems=systems,
            nebulae=tuple(
                self._nebula(StarFields(r, top.file, self.log)) for r in top.records("nebulae")
            ),
            routes=self._routes(top, systems),
        )

    def _systems(self, top: StarFields) -> tuple[StarSystem, ...]:
        found: dict[str, StarSystem] = {}
        for item, key, slug in top.named_items("systems", "system", self.known):
            name = item.text("name")
            found[key] = StarSystem(
                key=key,
                name=name,
                position=item.vec3("position"),
                color=item.color("color", 0xFFF4D6),
                size=item.positive("size", 2.0),
                type=item.choice("type", SYSTEM_TYPES, "star"),
                label=item.flag("label", True),
                location_slug=slug,
                info=item.info(),
                hidden=item.flag("hidden"),
                system_map=self._system_map(slug, name),
                line=item.line(),
            )
        return tuple(found.values())

    def _system_map(self, slug: str, name: str) -> str:
        for candidate in (slug, slug_of(name)):
            if candidate and candidate in self.system_maps:
                return candidate
        return ""

    def _nebula(self, item: StarFields) -> Nebula:
        name = item.text("name", "Nebula")
        return Nebula(
            key=f"nebula:{name}",
            name=name,
            position=item.vec3("position"),
            color=item.color("color", 0x6A4C9C),
            size=item.positive("size", 30.0),
            particle_count=max(0, min(item.integer("particle_count", 400, minimum=0), 5000)),
            opacity=item.number("opacity", 0.5) or 0.0,
            type=item.text("type"),
            hidden=item.flag("hidden"),
        )

    def _routes(self, top: StarFields, systems: tuple[StarSystem, ...]) -> tuple[Route, ...]:
        routes: list[Route] = []
        for record in top.records("routes"):
            item = StarFields(record, top.file, self.log)
            ends = [self._end(item, side, systems) for side in ("from", "to")]
            source, target = ends
            if source is None or target is None:
                continue
            days = item.number("travel_time_days", None)
            routes.append(
                Route(
                    key=f"route:{source}>{target}",
                    source=source,
                    target=target,
                    color=item.color("color", 0x3FA8A0),
                    route_type=item.text("route_type"),
                    travel_time_days=days,
                    info=item.info(),
                    hidden=item.flag("hidden"),
                )
            )
        return tuple(routes)

    def _end(self, item: StarFields, side: str, systems: tuple[StarSystem, ...]) -> str | None:
        """The key of the system a route's `from`/`to` (or `from_slug`/`to_slug`) names."""
        slug, name = item.text(f"{side}_slug"), item.text(side)
        for system in systems:
            if slug and slug in (system.key, system.location_slug):
                return system.key
        for system in systems:
            if name and name.casefold() == system.name.casefold():
                return system.key
        named = slug or name
        key = f"{side}_slug" if slug else side
        if not named:
            item.problem(None, f"route without {side!r}: skipped")
        else:
            item.problem(key, f"route {side} {named!r}: no such system in systems")
        return None
