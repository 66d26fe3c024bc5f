"""Reading a system map (a star and its bodies) and an orbit map (a planet, its moons,
stations and surface sites)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.problems import ProblemLog
from desktop.campaign.starfields import StarFields, slug_of, top_mapping
from desktop.campaign.starmodel import (
    Belt,
    Body,
    Camera,
    OrbitMap,
    Planet,
    Rings,
    Satellite,
    Star,
    SurfaceSite,
    SystemMap,
    Texture,
)

_SYSTEM_CAMERA = Camera(position=(0.0, 90.0, 160.0))
_ORBIT_CAMERA = Camera(position=(0.0, 14.0, 34.0))
BELT_TYPES = ("asteroid_belt", "belt", "debris_field", "ring_belt")


class BodyReader:
    """Reads the system and orbit maps; `known` are the slugs a `location_slug` may name."""

    def __init__(self, known: Collection[str], log: ProblemLog) -> None:
        self.known = known
        self.log = log

    # --- system maps ---------------------------------------------------------------------------

    def system_map(self, path: Path, key: str, orbits: Mapping[str, OrbitMap]) -> SystemMap | None:
        top = top_mapping(path, self.log, "a star and its bodies")
        if top is None:
            return None
        time = top.part("time")
        bodies = tuple(
            self._body(item, f"{key}/{ident}", slug, self._orbit_key(key, slug, item, orbits))
            for item, ident, slug in top.named_items("bodies", "body", self.known)
        )
        return SystemMap(
            key=key,
            file=top.file,
            star=self._star(top),
            camera=top.camera(_SYSTEM_CAMERA),
            current_day=time.number("current_day", 0.0) or 0.0,
            speed_multiplier=time.number("speed_multiplier", 1.0) or 0.0,
            bodies=bodies,
        )

    def _star(self, top: StarFields) -> Star:
        star = top.part("star")
        return Star(
            name=star.text("name", "Star"),
            type=star.text("type", "star"),
            color=star.color("color", 0xFFE9B0),
            size=star.positive("size", 5.0),
            corona_intensity=star.number("corona_intensity", 1.0) or 0.0,
            light_color=star.optional_color("light_color"),
        )

    @staticmethod
    def _orbit_key(system: str, slug: str, item: Fields, orbits: Mapping[str, OrbitMap]) -> str:
        for folder in (slug, slug_of(item.text("name"))):
            if folder and f"{system}/{folder}" in orbits:
                return f"{system}/{folder}"
        return ""

    def _body(self, item: StarFields, key: str, slug: str, orbit_map: str) -> Body:
        kind = item.text("type", "planet")
        rings = None
        if item.flag("has_rings"):
            size = item.positive("size", 1.0)
            rings = Rings(
                inner=item.positive("ring_inner", size * 1.4),
                outer=item.positive("ring_outer", size * 2.2),
                color=item.color("ring_color", 0xC8B89A),
            )
        belt = self._belt(item) if kind in BELT_TYPES else None
        return Body(
            key=key,
            name=item.text("name"),
            type=kind,
            orbit=item.orbit(),
            size=item.positive("size", 1.0),
            color=item.color("color", 0x9A8F80),
            atmosphere_color=item.optional_color("atmosphere_color"),
            atmosphere_intensity=item.number("atmosphere_intensity", 0.0) or 0.0,
            rings=rings,
            belt=belt,
            tidally_locked=item.flag("tidally_locked"),
            clickable=item.flag("clickable", True),
            location_slug=slug,
            info=item.info(),
            hidden=item.flag("hidden"),
            orbit_map=orbit_map,
        )

    @staticmethod
    def _belt(item: StarFields) -> Belt:
        radius = item.number("orbital_radius", 40.0) or 40.0
        return Belt(
            inner=item.positive("inner_radius", radius * 0.9),
            outer=item.positive("outer_radius", radius * 1.1),
            particle_count=max(0, min(item.integer("particle_count", 600, minimum=0), 5000)),
            opacity=item.number("opacity", 0.7) or 0.0,
        )

    # --- orbit maps ----------------------------------------------------------------------------

    def orbit_map(self, path: Path, key: str) -> OrbitMap | None:
        top = top_mapping(path, self.log, "a planet and its moons")
        if top is None:
            return None
        satellites = [
            self._satellite(item, f"{key}/{ident}", slug, "moon")
            for item, ident, slug in top.named_items("moons", "moon", self.known)
        ]
        satellites += [
            self._satellite(item, f"{key}/{ident}", slug, "station")
            for item, ident, slug in top.named_items("orbital_stations", "station", self.known)
        ]
        sites = tuple(
            self._site(item, f"{key}/{ident}", slug)
            for item, ident, slug in top.named_items("surface_markers", "surface site", self.known)
        )
        return OrbitMap(
            key=key,
            file=top.file,
            system=key.split("/", 1)[0],
            planet=self._planet(top),
            camera=top.camera(_ORBIT_CAMERA),
            satellites=tuple(satellites),
            sites=sites,
        )

    def _planet(self, top: StarFields) -> Planet:
        planet = top.part("planet")
        return Planet(
            name=planet.text("name", "Planet"),
            type=planet.text("type", "planet"),
            size=planet.positive("size", 5.0),
            rotation_speed=planet.number("rotation_speed", 0.002) or 0.0,
            axial_tilt=planet.number("axial_tilt", 0.0) or 0.0,
            texture=planet.texture() or Texture(),
        )

    def _satellite(self, item: StarFields, key: str, slug: str, kind: str) -> Satellite:
        return Satellite(
            key=key,
            kind=kind,
            name=item.text("name"),
            orbit=item.orbit(),
            size=item.positive("size", 0.6),
            color=item.color("color", 0xA0A0A0 if kind == "moon" else 0xC8D0D8),
            icon_type=item.text("icon_type", "station" if kind == "station" else ""),
            texture=item.texture(),
            clickable=item.flag("clickable", True),
            has_facilities=item.flag("has_facilities"),
            location_slug=slug,
            info=item.info(),
            hidden=item.flag("hidden"),
        )

    @staticmethod
    def _site(item: StarFields, key: str, slug: str) -> SurfaceSite:
        return SurfaceSite(
            key=key,
            name=item.text("name"),
            latitude=item.number("latitude", 0.0) or 0.0,
            longitude=item.number("longitude", 0.0) or 0.0,
            marker_type=item.text("marker_type"),
            location_slug=slug,
            info=item.info(),
            hidden=item.flag("hidden"),
        )
