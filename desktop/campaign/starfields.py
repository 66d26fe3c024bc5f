"""The values star maps are made of, read from one YAML mapping: colours, points, cameras."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from types import MappingProxyType

from desktop.campaign.fields import Fields, describe, plain
from desktop.campaign.problems import ProblemLog
from desktop.campaign.starmodel import Camera, Info, Orbit, Texture, Vec3
from desktop.campaign.yamlfile import YamlList, YamlMap, read_yaml

_HEX = re.compile(r"(?:#|0x)([0-9a-fA-F]{6})")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug_of(name: str) -> str:
    """A folder-style slug of a name ("Kessel Drift" -> "kessel_drift")."""
    return _SLUG.sub("_", name.casefold()).strip("_")


class StarFields(Fields):
    """Fields with the star maps' kinds of value; a wrong value is a problem and the default."""

    def color(self, key: str, default: int) -> int:
        found = self.optional_color(key)
        return default if found is None else found

    def optional_color(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFFFF:
            return value
        if isinstance(value, str):
            match = _HEX.fullmatch(value.strip())
            if match:
                return int(match.group(1), 16)
        self.problem(key, f"{key} must be a colour written 0xRRGGBB, not {describe(value)}")
        return None

    def vec3(self, key: str, default: Vec3 = (0.0, 0.0, 0.0)) -> Vec3:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, YamlList) and len(value) == 3 and all(map(_is_number, value)):
            x, y, z = (float(part) for part in value)  # type: ignore[arg-type]
            return (x, y, z)
        if isinstance(value, YamlMap) and all(_is_number(value.get(k)) for k in "xyz"):
            return (float(value["x"]), float(value["y"]), float(value["z"]))  # type: ignore[arg-type]
        self.problem(key, f"{key} must be three numbers [x, y, z], not {describe(value)}")
        return default

    def positive(self, key: str, default: float) -> float:
        value = self.number(key, default)
        if value is None or value <= 0:
            if value is not None:
                self.problem(key, f"{key} must be more than 0, not {value:g}")
            return default
        return value

    def info(self) -> Info:
        """`info: {description, population, ...}` as text by key (free text, for players)."""
        found = self.mapping("info")
        if found is None:
            return MappingProxyType({})
        shown = {str(k): _text(plain(v)) for k, v in found.items() if v is not None}
        return MappingProxyType(shown)

    def camera(self, default: Camera) -> Camera:
        data = self.mapping("camera")
        if data is None:
            return default
        cam = StarFields(data, self.file, self.log, self.label)
        limits = cam.data.get("zoom_limits")
        zoom: tuple[float, float] | None = None
        if isinstance(limits, YamlList) and len(limits) == 2 and all(map(_is_number, limits)):
            zoom = (float(limits[0]), float(limits[1]))  # type: ignore[arg-type]
        elif isinstance(limits, YamlMap) and all(_is_number(limits.get(k)) for k in ("min", "max")):
            zoom = (float(limits["min"]), float(limits["max"]))  # type: ignore[arg-type]
        elif limits is not None:
            cam.problem("zoom_limits", f"zoom_limits must be [near, far], not {describe(limits)}")
        return Camera(
            position=cam.vec3("position", default.position),
            look_at=cam.vec3("lookAt", default.look_at),
            fov=cam.positive("fov", default.fov),
            zoom_limits=zoom,
        )

    def orbit(self) -> Orbit:
        return Orbit(
            radius=self.number("orbital_radius", 10.0) or 0.0,
            period=self.number("orbital_period", 0.0) or 0.0,
            angle=self.number("orbital_angle", 0.0) or 0.0,
            inclination=self.number("inclination", 0.0) or 0.0,
        )

    def texture(self) -> Texture | None:
        data = self.mapping("texture_config")
        if data is None:
            return None
        tex = StarFields(data, self.file, self.log, self.label)
        base = Texture()
        return Texture(
            type=tex.text("type", base.type),
            primary=tex.color("primary_color", base.primary),
            secondary=tex.color("secondary_color", base.secondary),
            tertiary=tex.optional_color("tertiary_color"),
            cloud_layer=tex.flag("cloud_layer"),
            cloud_color=tex.color("cloud_color", base.cloud_color),
            cloud_opacity=tex.number("cloud_opacity", base.cloud_opacity) or 0.0,
            noise_scale=tex.positive("noise_scale", base.noise_scale),
        )

    def part(self, key: str) -> StarFields:
        """The nested mapping `key` as StarFields labelled `key` (missing or wrong: empty, so
        every value takes its default)."""
        data = self.mapping(key) or YamlMap(self.line())
        return StarFields(data, self.file, self.log, key)

    def named_items(self, key: str, what: str, known: Collection[str]) -> list[NamedItem]:
        """(fields, id, slug) of each named item of a list: its id is its `location_slug` (which
        must be in `known`), else its name; a second item of the same id is a problem, skipped."""
        found: list[NamedItem] = []
        seen: set[str] = set()
        for record in self.records(key):
            item = StarFields(record, self.file, self.log)
            name = item.required_text("name")
            if name is None:
                continue
            item.label = f"{what} {name!r}"
            slug = item.text("location_slug")
            if slug and slug not in known:
                item.problem("location_slug", f"location_slug {slug!r} is not a location")
            ident = slug or name
            if ident in seen:
                item.problem("name", f"a second {what} {ident!r}: skipped")
                continue
            seen.add(ident)
            found.append((item, ident, slug))
        return found


NamedItem = tuple[StarFields, str, str]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def top_mapping(path: Path, log: ProblemLog, what: str) -> StarFields | None:
    """The file's mapping as StarFields; anything else (not empty) is a problem."""
    data = read_yaml(path, log)
    if isinstance(data, YamlMap):
        return StarFields(data, log.rel(path), log)
    if data is not None:
        log.add(path, 1, f"{path.name} must be a mapping with {what}")
    return None
