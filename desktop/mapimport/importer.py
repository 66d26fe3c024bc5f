"""`gm-terminal import-map`: a Universal VTT file made a deck of a location, in our format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.campaign.cells import bounding_box
from desktop.campaign.loader import load_campaign
from desktop.campaign.problems import CampaignError
from desktop.campaign.yamlfile import MAX_FILE_BYTES
from desktop.mapimport.deckout import DeckPlan, manifest_data, plan_deck
from desktop.mapimport.inplace import MANIFEST, update_file
from desktop.mapimport.picture import GridPicture, decode, on_grid
from desktop.mapimport.rooms import Layout, find_rooms
from desktop.mapimport.uvtt import MapImportError, UvttMap, read_uvtt
from desktop.mapimport.yamlout import write_atomically, yaml_text

Json = dict[str, object]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import made, for the summary line; warnings for the GM to read."""

    deck_file: str  # relative to the campaign folder
    rooms: int
    doors: int
    picture: tuple[int, int]
    pixels_per_cell: int
    kept: str  # what the extras file holds ("" when nothing was kept)
    warnings: tuple[str, ...]
    deck_name: str = ""
    level: int = 0

    def summary(self) -> str:
        rel = self.deck_file
        width, height = self.picture
        text = (
            f"{rel}: {count(self.rooms, 'room')}, {count(self.doors, 'door')}, "
            f"picture {width}x{height} px ({self.pixels_per_cell} px a cell)"
        )
        return f"{text}; kept beside the deck: {self.kept}" if self.kept else text

    def confirmation(self) -> str:
        """What the window says once the deck is written: what was made, and where."""
        text = (
            f"Imported {self.deck_name!r}: {count(self.rooms, 'room')}, "
            f"{count(self.doors, 'door')} on deck {self.level}"
        )
        return "; ".join([text, *self.warnings])


def count(n: int, noun: str, nouns: str = "") -> str:
    """'1 room', '2 rooms' (nouns: an irregular plural); the window says it with
    desktop.model.names.counted (map import stays free of the table's model)."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read, its picture laid on the grid and its rooms found: what an import writes
    (and what File > Import map… previews)."""

    uvtt: UvttMap
    picture: GridPicture
    layout: Layout


def prepare(file: Path) -> Prepared:
    uvtt = read_uvtt(file)
    picture = on_grid(decode(uvtt.image), uvtt.width, uvtt.height, uvtt.pixels_per_grid)
    return Prepared(uvtt, picture, find_rooms(uvtt.width, uvtt.height, uvtt.walls, uvtt.portals))


def import_map(
    file: Path,
    campaign_dir: Path,
    slug: str,
    name: str = "",
    level: int | None = None,
    prepared: Prepared | None = None,
) -> ImportResult:
    """Read, check and convert everything first; only then write (nothing half-written)."""
    ready = prepared or prepare(file)
    uvtt, picture, layout = ready.uvtt, ready.picture, ready.layout
    try:
        campaign = load_campaign(campaign_dir)
    except CampaignError as error:
        raise MapImportError(str(error)) from None
    location = campaign.locations.get(slug)
    if location is None:
        raise MapImportError(f"no location {slug!r} in {campaign_dir}")
    plan = plan_deck(campaign.root, location, name or _title(file.stem), level)
    deck, extra = deck_data(plan, uvtt, layout, picture), extra_data(uvtt, layout)
    notes = list(picture.warnings)
    if not layout.rooms:
        notes.append("no enclosed rooms were found: draw them in the deck editor")
    _write(plan, file, uvtt, _deck_text(plan, file, uvtt, deck), extra, picture)
    return ImportResult(
        plan.deck_file.relative_to(campaign.root).as_posix(),
        len(layout.rooms),
        len(layout.doors),
        picture.image.size,
        picture.pixels_per_cell,
        _kept(plan, extra),
        tuple(notes),
        plan.name,
        plan.level,
    )


def _title(stem: str) -> str:
    return stem.replace("_", " ").replace("-", " ").strip().title() or "Imported deck"


def deck_data(plan: DeckPlan, uvtt: UvttMap, layout: Layout, picture: GridPicture) -> Json:
    room_ids = [plan.unique(f"room-{n}") for n in range(1, len(layout.rooms) + 1)]
    rooms = [
        _room(rid, n, cells)
        for n, (rid, cells) in enumerate(zip(room_ids, layout.rooms, strict=True), 1)
    ]
    doors = [
        {
            "id": plan.unique(f"door-{n}"),
            "from": room_ids[door.room_a],
            "to": room_ids[door.room_b],
            "door_type": "standard",
            "door_status": "CLOSED",
            "position": {"x": round(door.position[0], 3), "y": round(door.position[1], 3)},
        }
        for n, door in enumerate(layout.doors, start=1)
    ]
    return {
        "name": plan.name,
        "grid": {"width": uvtt.width, "height": uvtt.height, "unit_size": picture.pixels_per_cell},
        "background": {
            "image": f"{plan.deck_id}.png",
            "pixels_per_cell": picture.pixels_per_cell,
            "origin": [0, 0],
        },
        "rooms": rooms,
        "connections": doors,
    }


def _room(room_id: str, number: int, cells: frozenset[tuple[int, int]]) -> Json:
    x, y, width, height = bounding_box(cells)
    room: Json = {"id": room_id, "name": f"Room {number}"}
    if len(cells) == width * height:
        return {**room, "x": x, "y": y, "width": width, "height": height}
    return {**room, "cells": [[cx, cy] for cx, cy in sorted(cells, key=lambda c: (c[1], c[0]))]}


def extra_data(uvtt: UvttMap, layout: Layout) -> Json:
    """Lights, environment, unknown keys, windows and portals that are not doors."""
    extra: Json = dict(uvtt.extra)
    for key, indices in (("windows", layout.windows), ("portals_not_doors", layout.loose)):
        if indices:
            extra[key] = [_portal(uvtt, i) for i in indices]
    return extra


def _portal(uvtt: UvttMap, index: int) -> Json:
    portal = uvtt.portals[index]
    ends = [[round(v, 3) for v in portal.a], [round(v, 3) for v in portal.b]]
    return {"bounds": ends, "closed": portal.closed, "freestanding": portal.freestanding}


def _kept(plan: DeckPlan, extra: Json) -> str:
    if not extra:
        return ""
    parts = []
    for key, value in extra.items():
        words = key.replace("_", " ")
        if isinstance(value, list):
            words = count(len(value), _ONE.get(key, words.removesuffix("s")), words)
        parts.append(words)
    return f"{', '.join(parts)} in map/{plan.deck_id}.extra.yaml"


_ONE = {"portals_not_doors": "portal not a door"}


def _deck_text(plan: DeckPlan, source: Path, uvtt: UvttMap, deck: Json) -> bytes:
    """The deck file's bytes; MapImportError when the campaign loader would not read them."""
    header = (
        f"Imported by gm-terminal import-map from {source.name} (Universal VTT {uvtt.version:g}).\n"
        "Rooms are named Room 1, Room 2, ...: rename them here or in the deck editor."
    )
    text = yaml_text(deck, header).encode()
    if len(text) > MAX_FILE_BYTES:
        raise MapImportError(
            f"the deck would be {len(text) >> 20} MB, over the {MAX_FILE_BYTES >> 20} MB"
            f" a campaign file may be: not written ({plan.deck_file.name})"
        )
    return text


def _write(
    plan: DeckPlan, source: Path, uvtt: UvttMap, deck: bytes, extra: Json, picture: GridPicture
) -> None:
    plan.map_dir.mkdir(parents=True, exist_ok=True)
    picture.image.save(plan.map_dir / f"{plan.deck_id}.png", format="PNG", compress_level=1)
    write_atomically(plan.deck_file, deck)
    if extra:
        note = f"What {source.name} holds that the map does not use (gm-terminal check skips it)."
        path = plan.map_dir / f"{plan.deck_id}.extra.yaml"
        write_atomically(path, yaml_text(extra, note).encode())
    update_file(plan.map_dir / "manifest.yaml", manifest_data(plan), MANIFEST)
