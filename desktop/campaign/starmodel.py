"""Star maps as typed, immutable objects: the galaxy, its systems' maps, their planets' orbits.

Every thing a player may see carries a `key` unique in the whole star map (what the GM hides
or reveals): a system's key is its `location_slug` (else its name); a nebula's is
`nebula:<name>`; a route's `route:<from>><to>`; a body's `<system key>/<body id>`; a moon's,
station's or surface site's `<system key>/<body id>/<id>` (an id is the `location_slug`, else
the name). `hidden` is what the campaign says at the start (the original showed everything).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Vec3 = tuple[float, float, float]
Info = Mapping[str, str]


def _no_info() -> Info:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Camera:
    """Where a view's camera starts: its position, the point it looks at, its field of view."""

    position: Vec3 = (0.0, 60.0, 120.0)
    look_at: Vec3 = (0.0, 0.0, 0.0)
    fov: float = 60.0
    zoom_limits: tuple[float, float] | None = None  # (nearest, farthest) distance


@dataclass(frozen=True, slots=True)
class StarSystem:
    """A system (or a lone station or planet) on the galaxy map."""

    key: str
    name: str
    position: Vec3
    color: int
    size: float
    type: str  # star, nebula, station, planet
    label: bool = True
    location_slug: str = ""
    info: Info = field(default_factory=_no_info)
    hidden: bool = False
    system_map: str = ""  # key of its SystemMap ("" when it has none)
    line: int = 0


@dataclass(frozen=True, slots=True)
class Nebula:
    key: str
    name: str
    position: Vec3
    color: int
    size: float
    particle_count: int
    opacity: float
    type: str = ""
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Route:
    """A travel route between two systems (by their keys)."""

    key: str
    source: str
    target: str
    color: int
    route_type: str = ""
    travel_time_days: float | None = None
    info: Info = field(default_factory=_no_info)
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Galaxy:
    file: str
    camera: Camera
    ambient_color: int
    ambient_intensity: float
    systems: tuple[StarSystem, ...] = ()
    nebulae: tuple[Nebula, ...] = ()
    routes: tuple[Route, ...] = ()


@dataclass(frozen=True, slots=True)
class Star:
    name: str
    type: str
    color: int
    size: float
    corona_intensity: float = 1.0
    light_color: int | None = None


@dataclass(frozen=True, slots=True)
class Orbit:
    """Where a thing circles its parent: radius, period (days), start angle, tilt (degrees)."""

    radius: float
    period: float
    angle: float = 0.0
    inclination: float = 0.0


@dataclass(frozen=True, slots=True)
class Rings:
    inner: float
    outer: float
    color: int


@dataclass(frozen=True, slots=True)
class Belt:
    inner: float
    outer: float
    particle_count: int
    opacity: float


@dataclass(frozen=True, slots=True)
class Body:
    """A planet, gas giant, belt, moon or station of a system map."""

    key: str
    name: str
    type: str
    orbit: Orbit
    size: float
    color: int
    atmosphere_color: int | None = None
    atmosphere_intensity: float = 0.0
    rings: Rings | None = None
    belt: Belt | None = None
    tidally_locked: bool = False
    clickable: bool = True
    location_slug: str = ""
    info: Info = field(default_factory=_no_info)
    hidden: bool = False
    orbit_map: str = ""  # key of its OrbitMap ("" when it has none)


@dataclass(frozen=True, slots=True)
class SystemMap:
    key: str  # the system's key (its folder's name)
    file: str
    star: Star
    camera: Camera
    current_day: float = 0.0
    speed_multiplier: float = 1.0
    bodies: tuple[Body, ...] = ()


@dataclass(frozen=True, slots=True)
class Texture:
    """How a planet's surface is painted (the page makes the picture from these)."""

    type: str = "rocky"
    primary: int = 0x7A6A58
    secondary: int = 0x4A3F35
    tertiary: int | None = None
    cloud_layer: bool = False
    cloud_color: int = 0xFFFFFF
    cloud_opacity: float = 0.4
    noise_scale: float = 4.0


@dataclass(frozen=True, slots=True)
class Planet:
    name: str
    type: str
    size: float
    rotation_speed: float
    axial_tilt: float
    texture: Texture


@dataclass(frozen=True, slots=True)
class Satellite:
    """A moon or an orbital station around an orbit map's planet."""

    key: str
    kind: str  # "moon" or "station"
    name: str
    orbit: Orbit
    size: float
    color: int = 0xA0A0A0
    icon_type: str = ""  # stations: station, defense_platform, ...
    texture: Texture | None = None
    clickable: bool = True
    has_facilities: bool = False
    location_slug: str = ""
    info: Info = field(default_factory=_no_info)
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class SurfaceSite:
    key: str
    name: str
    latitude: float
    longitude: float
    marker_type: str = ""
    location_slug: str = ""
    info: Info = field(default_factory=_no_info)
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class OrbitMap:
    key: str  # "<system key>/<body id>"
    file: str
    system: str  # the system map's key
    planet: Planet
    camera: Camera
    satellites: tuple[Satellite, ...] = ()
    sites: tuple[SurfaceSite, ...] = ()


@dataclass(frozen=True, slots=True)
class StarMap:
    """The three kinds of map of a campaign (each may be missing)."""

    galaxy: Galaxy | None = None
    systems: Mapping[str, SystemMap] = field(default_factory=lambda: MappingProxyType({}))
    orbits: Mapping[str, OrbitMap] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def empty(self) -> bool:
        return self.galaxy is None and not self.systems and not self.orbits
