"""The `star_map` part of the snapshots: what players see of the star maps, filtered here.

A thing the GM hides (or the campaign starts hidden) is not in the player snapshot at all, nor
is anything only reachable through it: a hidden system's routes, its system map and the orbit
maps below it; a hidden body's orbit map. The GM snapshot has everything with `hidden` flags.
Colours go out as `#rrggbb`. See docs/snapshot.md, "star_map".
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.campaign.model import Campaign, Location
from desktop.campaign.starmodel import (
    Body,
    Camera,
    Galaxy,
    Info,
    Orbit,
    OrbitMap,
    Route,
    Satellite,
    StarMap,
    StarSystem,
    SurfaceSite,
    SystemMap,
    Texture,
)
from desktop.model.starstate import StarState

Json = dict[str, object]


def hex_color(value: int | None) -> str | None:
    return None if value is None else f"#{value:06x}"


def _camera(camera: Camera) -> Json:
    return {
        "position": list(camera.position),
        "look_at": list(camera.look_at),
        "fov": camera.fov,
        "zoom_limits": list(camera.zoom_limits) if camera.zoom_limits else None,
    }


def _orbit(orbit: Orbit) -> Json:
    return {
        "radius": orbit.radius,
        "period": orbit.period,
        "angle": orbit.angle,
        "inclination": orbit.inclination,
    }


def _texture(texture: Texture | None) -> Json | None:
    if texture is None:
        return None
    return {
        "type": texture.type,
        "primary": hex_color(texture.primary),
        "secondary": hex_color(texture.secondary),
        "tertiary": hex_color(texture.tertiary),
        "clouds": texture.cloud_layer,
        "cloud_color": hex_color(texture.cloud_color),
        "cloud_opacity": texture.cloud_opacity,
        "noise_scale": texture.noise_scale,
    }


class StarView:
    """Builds the star map of one snapshot; `gm` keeps hidden things, flagged."""

    def __init__(self, star_map: StarMap, star: StarState, gm: bool = False) -> None:
        self.map = star_map
        self.star = star
        self.gm = gm

    def _shown(self, key: str, hidden: bool) -> bool:
        return self.gm or self.star.visible(key, hidden)

    def _flags(self, key: str, hidden: bool, info: Info) -> Json:
        """The fields every thing has: its key, its info, and (GM only) whether it is hidden."""
        flags: Json = {"key": key, "info": dict(info)}
        if self.gm:
            flags["hidden"] = not self.star.visible(key, hidden)
        return flags

    # --- the galaxy ------------------------------------------------------------------------------

    def systems_shown(self) -> dict[str, StarSystem]:
        galaxy = self.map.galaxy
        systems = galaxy.systems if galaxy else ()
        return {s.key: s for s in systems if self._shown(s.key, s.hidden)}

    def galaxy(self, galaxy: Galaxy, shown: Mapping[str, StarSystem]) -> Json:
        return {
            "camera": _camera(galaxy.camera),
            "ambient": {
                "color": hex_color(galaxy.ambient_color),
                "intensity": galaxy.ambient_intensity,
            },
            "systems": [self._system(s) for s in shown.values()],
            "nebulae": [
                {
                    "key": n.key,
                    "name": n.name,
                    "position": list(n.position),
                    "color": hex_color(n.color),
                    "size": n.size,
                    "particle_count": n.particle_count,
                    "opacity": n.opacity,
                    **({"hidden": not self.star.visible(n.key, n.hidden)} if self.gm else {}),
                }
                for n in galaxy.nebulae
                if self._shown(n.key, n.hidden)
            ],
            "routes": [self._route(r) for r in galaxy.routes if self._route_shown(r, shown)],
        }

    def _route_shown(self, route: Route, shown: Mapping[str, StarSystem]) -> bool:
        return (
            route.source in shown and route.target in shown and self._shown(route.key, route.hidden)
        )

    def _system(self, system: StarSystem) -> Json:
        return {
            **self._flags(system.key, system.hidden, system.info),
            "star_id": system.location_slug or system.name,
            "name": system.name,
            "position": list(system.position),
            "color": hex_color(system.color),
            "size": system.size,
            "type": system.type,
            "label": system.label,
            "system_map": system.system_map,
        }

    def _route(self, route: Route) -> Json:
        return {
            **self._flags(route.key, route.hidden, route.info),
            "from": route.source,
            "to": route.target,
            "color": hex_color(route.color),
            "route_type": route.route_type,
            "travel_time_days": route.travel_time_days,
        }

    # --- systems and orbits ----------------------------------------------------------------------

    def system_map(self, system: SystemMap) -> Json:
        star = system.star
        return {
            "key": system.key,
            "star": {
                "name": star.name,
                "type": star.type,
                "color": hex_color(star.color),
                "size": star.size,
                "corona_intensity": star.corona_intensity,
                "light_color": hex_color(star.light_color),
            },
            "camera": _camera(system.camera),
            "day": system.current_day,
            "speed": system.speed_multiplier,
            "bodies": [self._body(b) for b in system.bodies if self._shown(b.key, b.hidden)],
        }

    def _body(self, body: Body) -> Json:
        rings, belt, tint = body.rings, body.belt, body.atmosphere_color
        return {
            **self._flags(body.key, body.hidden, body.info),
            "name": body.name,
            "type": body.type,
            "orbit": _orbit(body.orbit),
            "size": body.size,
            "color": hex_color(body.color),
            "atmosphere": None
            if tint is None
            else {"color": hex_color(tint), "intensity": body.atmosphere_intensity},
            "rings": None
            if rings is None
            else {"inner": rings.inner, "outer": rings.outer, "color": hex_color(rings.color)},
            "belt": None
            if belt is None
            else {
                "inner": belt.inner,
                "outer": belt.outer,
                "particle_count": belt.particle_count,
                "opacity": belt.opacity,
            },
            "tidally_locked": body.tidally_locked,
            "clickable": body.clickable,
            "orbit_map": body.orbit_map,
        }

    def orbit_map(self, orbit: OrbitMap) -> Json:
        planet = orbit.planet
        return {
            "key": orbit.key,
            "system": orbit.system,
            "planet": {
                "name": planet.name,
                "type": planet.type,
                "size": planet.size,
                "rotation_speed": planet.rotation_speed,
                "axial_tilt": planet.axial_tilt,
                "texture": _texture(planet.texture),
            },
            "camera": _camera(orbit.camera),
            "moons": [self._satellite(s) for s in self._satellites(orbit, "moon")],
            "stations": [self._satellite(s) for s in self._satellites(orbit, "station")],
            "sites": [self._site(s) for s in orbit.sites if self._shown(s.key, s.hidden)],
        }

    def _satellites(self, orbit: OrbitMap, kind: str) -> list[Satellite]:
        return [s for s in orbit.satellites if s.kind == kind and self._shown(s.key, s.hidden)]

    def _satellite(self, item: Satellite) -> Json:
        return {
            **self._flags(item.key, item.hidden, item.info),
            "name": item.name,
            "orbit": _orbit(item.orbit),
            "size": item.size,
            "color": hex_color(item.color),
            "icon_type": item.icon_type,
            "texture": _texture(item.texture),
            "clickable": item.clickable,
            "has_facilities": item.has_facilities,
        }

    def _site(self, site: SurfaceSite) -> Json:
        return {
            **self._flags(site.key, site.hidden, site.info),
            "name": site.name,
            "latitude": site.latitude,
            "longitude": site.longitude,
            "marker_type": site.marker_type,
        }

    # --- the whole part --------------------------------------------------------------------------

    def snapshot(self, view: str) -> Json | None:
        """The star map with `view` ("" the galaxy, "system:<key>", "orbit:<key>") in front;
        None when the campaign has no star map."""
        if self.map.empty:
            return None
        shown = self.systems_shown()
        owners = {s.system_map: s.key for s in self.map.galaxy.systems} if self.map.galaxy else {}
        systems = {
            key: self.system_map(found)
            for key, found in self.map.systems.items()
            if owners.get(key, key) in shown or key not in owners
        }
        orbits = {
            key: self.orbit_map(found)
            for key, found in self.map.orbits.items()
            if self._orbit_reachable(found, systems)
        }
        part: Json = {
            "view": _view(view, systems, orbits),
            "shows": self.star.shows,
            "galaxy": self.galaxy(self.map.galaxy, shown) if self.map.galaxy else None,
            "systems": systems,
            "orbits": orbits,
        }
        part["ship"] = self._ship(part)
        return part

    def _orbit_reachable(self, orbit: OrbitMap, systems: Mapping[str, Json]) -> bool:
        system = self.map.systems.get(orbit.system)
        if system is None:
            return True  # an orbit map without a system map: only its place shows it
        if orbit.system not in systems:
            return False
        body = next((b for b in system.bodies if b.orbit_map == orbit.key), None)
        return body is None or self._shown(body.key, body.hidden)

    def _ship(self, part: Json) -> Json:
        """The ship where players see it, and its course from there up to the first system
        they do not see: a ship placed nowhere, or a jump across a hidden stop, would tell
        them of what is hidden."""
        keys = _keys(part)
        star = self.star
        if star.ship_at not in keys:
            return {"at": "", "course": []}
        course: list[str] = []
        for key in star.course:
            if key not in keys:
                break
            course.append(key)
        cut = len(course) < len(star.course)
        return {"at": star.ship_at, "course": [] if cut and len(course) < 2 else course}


def _keys(part: Json) -> set[str]:
    """The keys of every thing in a star_map part."""
    found: set[str] = set()
    galaxy = part.get("galaxy")
    if isinstance(galaxy, dict):
        found.update(s["key"] for s in galaxy["systems"])
    for system in part["systems"].values():  # type: ignore[attr-defined]
        found.update(b["key"] for b in system["bodies"])
    for orbit in part["orbits"].values():  # type: ignore[attr-defined]
        found.update(s["key"] for s in orbit["moons"] + orbit["stations"] + orbit["sites"])
    return found


def _view(view: str, systems: Mapping[str, Json], orbits: Mapping[str, Json]) -> Json:
    level, _, key = view.partition(":")
    if (level == "system" and key in systems) or (level == "orbit" and key in orbits):
        return {"level": level, "key": key}
    return {"level": "galaxy", "key": ""}


def location_view(star_map: StarMap, location: Location | None) -> tuple[str, str]:
    """(view, key of the place's own thing) a place without a deck plan shows: a system's map,
    or the orbit map of a planet or of the planet a moon or station circles; ("", "") none."""
    if location is None or (location.map is not None and location.map.decks):
        return "", ""
    slug = location.slug
    owners = {s.system_map: s.key for s in star_map.galaxy.systems} if star_map.galaxy else {}
    for key, orbit in star_map.orbits.items():
        found = next((s.key for s in orbit.satellites if s.location_slug == slug), None)
        if found is not None:
            return f"orbit:{key}", found
        if key.endswith("/" + slug):
            system = star_map.systems.get(orbit.system)
            bodies = system.bodies if system else ()
            return f"orbit:{key}", next((b.key for b in bodies if b.orbit_map == key), "")
    for key, system in star_map.systems.items():
        if key == slug:
            return f"system:{key}", owners.get(key, "")
        found = next((b.key for b in system.bodies if b.location_slug == slug), None)
        if found is not None:
            return f"system:{key}", found
    for item in star_map.galaxy.systems if star_map.galaxy else ():
        if item.location_slug == slug and item.system_map:
            return f"system:{item.system_map}", item.key
    return "", ""


def place_star_map(campaign: Campaign, star: StarState, location: Location | None) -> Json:
    """{"star_map": ...} of an ENCOUNTER: the place's map while players may see the place
    itself (a hidden moon shows its location card, not its planet's orbit), else None."""
    view, focus = location_view(campaign.star_map, location)
    part = StarView(campaign.star_map, star).snapshot(view) if view else None
    if part is not None and (
        part["view"] == _view("", {}, {}) or (focus and focus not in _keys(part))
    ):
        part = None
    return {"star_map": part}


def star_map_part(campaign: Campaign, star: StarState, view: str, gm: bool = False) -> Json:
    """{"star_map": ...} of a snapshot."""
    return {"star_map": StarView(campaign.star_map, star, gm).snapshot(view)}
