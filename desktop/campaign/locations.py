"""The location tree under `galaxy/`: every folder with a location.yaml, at any depth."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.campaign.fields import Fields
from desktop.campaign.folders import subfolders
from desktop.campaign.mail import read_comms
from desktop.campaign.maps import read_map
from desktop.campaign.model import Location, LocationMap, Message, Terminal, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, read_yaml

LOCATION_FILE = "location.yaml"
_KNOWN_KEYS = ("name", "type", "status", "description")
_NOT_LOCATIONS = frozenset({"map", "comms"})  # folders of a location that hold its parts


@dataclass
class _Node:
    """A location read but not yet frozen (its children come later)."""

    slug: str
    folder: Path
    parent: str
    children: list[str] = field(default_factory=list)


class LocationTree:
    """Reads every location under a galaxy folder, parents before children."""

    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root
        self.log = log
        self.nodes: dict[str, _Node] = {}
        self.locations: dict[str, Location] = {}
        self.top_level: list[str] = []

    def read(self) -> tuple[dict[str, Location], tuple[str, ...]]:
        """(locations by slug in folder order, slugs of the top-level ones)."""
        galaxy = self.root / "galaxy"
        if galaxy.is_dir():
            self.top_level = self._walk(galaxy, None, inside_location=False)
        ordered = {slug: self.locations[slug] for slug in self.nodes}
        return ordered, tuple(self.top_level)

    def _walk(self, folder: Path, parent: _Node | None, inside_location: bool) -> list[str]:
        """Slugs of the locations found below `folder` (not below their own children)."""
        found: list[str] = []
        for sub in subfolders(folder, self.log):
            if inside_location and sub.name in _NOT_LOCATIONS:
                continue
            if (sub / LOCATION_FILE).is_file():
                node = self._add(sub, parent)
                if node is not None:
                    found.append(node.slug)
                    node.children = self._walk(sub, node, inside_location=True)
                    self.locations[node.slug] = self._location(node)
                    continue
            found.extend(self._walk(sub, parent, inside_location=False))
        return found

    def _add(self, folder: Path, parent: _Node | None) -> _Node | None:
        slug = folder.name
        first = self.nodes.get(slug)
        if first is not None:
            message = f"duplicate location slug {slug!r} (also {self.log.rel(first.folder)})"
            self.log.add(folder / LOCATION_FILE, 0, message + "; this one is skipped")
            return None
        node = _Node(slug, folder, parent.slug if parent else "")
        self.nodes[slug] = node
        return node

    def _location(self, node: _Node) -> Location:
        path = node.folder / LOCATION_FILE
        data = read_yaml(path, self.log)
        file = self.log.rel(path)
        if data is not None and not isinstance(data, YamlMap):
            self.log.add(file, 1, "location.yaml must be a mapping of name, type, status, ...")
        fields = Fields(data if isinstance(data, YamlMap) else YamlMap(1), file, self.log)
        name = fields.text("name", node.slug)
        terminals, messages = self._comms(node.folder)
        return Location(
            slug=node.slug,
            name=name,
            type=fields.text("type"),
            status=fields.text("status"),
            description=fields.text("description"),
            path=self.log.rel(node.folder),
            parent=node.parent,
            children=tuple(node.children),
            map=self._map(node.folder, name, terminals),
            terminals=terminals,
            messages=messages,
            extra=frozen_map(fields.extra(_KNOWN_KEYS)),
        )

    def _comms(self, folder: Path) -> tuple[tuple[Terminal, ...], tuple[Message, ...]]:
        comms = folder / "comms"
        return read_comms(comms, self.log) if comms.is_dir() else ((), ())

    def _map(self, folder: Path, name: str, terminals: tuple[Terminal, ...]) -> LocationMap | None:
        map_dir = folder / "map"
        if not map_dir.is_dir():
            return None
        return read_map(map_dir, name, {terminal.slug for terminal in terminals}, self.log)
