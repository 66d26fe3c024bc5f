"""What an import adds to a location's `map/` folder: the deck file, its picture, the extras
kept beside it, and the manifest that lists the decks (created, or extended)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from desktop.campaign.links import within
from desktop.campaign.maps import is_deck_file
from desktop.campaign.model import Location
from desktop.mapimport.uvtt import MapImportError


@dataclass
class DeckPlan:
    """Where a new deck goes: its id, name and level, and the map folder's manifest entries."""

    map_dir: Path
    deck_id: str
    name: str
    level: int
    map_name: str
    entries: list[dict[str, object]] = field(default_factory=list)
    taken_ids: set[str] = field(default_factory=set)

    @property
    def deck_file(self) -> Path:
        return self.map_dir / f"{self.deck_id}.yaml"

    def unique(self, stem: str) -> str:
        """`<deck id>-<stem>`, unused by any room, connection or marker of the location."""
        found = f"{self.deck_id}-{stem}"
        self.taken_ids.add(found)
        return found


def plan_deck(root: Path, location: Location, name: str, level: int | None) -> DeckPlan:
    """The deck to add to the location's map; MapImportError when the level is taken."""
    map_dir = root / location.path / "map"
    if within(root, map_dir) is None:  # the loader would refuse it: never write through it
        folder = map_dir.relative_to(root).as_posix()
        raise MapImportError(f"{folder} is a link leading outside the campaign folder")
    lmap = location.map
    entries = _manifest_entries(map_dir, location)
    levels = {int(str(e.get("level", i + 1))): str(e.get("id")) for i, e in enumerate(entries)}
    if level is None:
        level = max(levels, default=0) + 1
    elif level in levels:
        raise MapImportError(
            f"deck level {level} is already deck {levels[level]!r} of {location.slug}"
        )
    used = {str(e.get("id")) for e in entries} | {p.stem for p in map_dir.glob("*.y*ml")}
    deck_id = _free(_slug(name) or f"deck-{level}", used)
    taken: set[str] = set()
    if lmap is not None:
        for ids in (lmap.rooms, lmap.connections, lmap.links, lmap.terminals, lmap.pois):
            taken.update(ids)
    map_name = lmap.name if lmap is not None else location.name
    return DeckPlan(map_dir, deck_id, name, level, map_name, entries, taken)


def _manifest_entries(map_dir: Path, location: Location) -> list[dict[str, object]]:
    """The decks a manifest lists; a single map file becomes deck 1 of a new manifest."""
    manifest = map_dir / "manifest.yaml"
    if manifest.is_file():
        try:
            data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            raise MapImportError(f"{manifest.name} of {location.slug} cannot be read") from None
        decks = data.get("decks") if isinstance(data, dict) else None
        if not isinstance(decks, list):
            raise MapImportError(f"{manifest.name} of {location.slug} lists no decks")
        return [dict(d) for d in decks if isinstance(d, dict)]
    found = (
        sorted(map_dir.glob("*.yaml")) + sorted(map_dir.glob("*.yml")) if map_dir.is_dir() else []
    )
    singles = [path for path in found if is_deck_file(path)]
    return [
        {"id": path.stem, "name": location.name, "file": path.name, "level": level}
        for level, path in enumerate(singles, start=1)
    ]


def manifest_data(plan: DeckPlan) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": plan.deck_id,
        "name": plan.name,
        "file": plan.deck_file.name,
        "level": plan.level,
    }
    decks = [*plan.entries, entry]
    if not any(d.get("default") for d in decks):
        decks[0]["default"] = True
    return {"name": plan.map_name, "total_decks": len(decks), "decks": decks}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def _free(stem: str, used: set[str]) -> str:
    if stem not in used:
        return stem
    n = 2
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"
