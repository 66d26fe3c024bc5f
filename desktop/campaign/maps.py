"""A location's `map/` folder: a manifest of decks or a single map file, checked as a whole."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path, PurePosixPath

from desktop.campaign.deckfile import DeckEntry, read_deck
from desktop.campaign.fields import Fields
from desktop.campaign.folders import files
from desktop.campaign.mapindex import MapIndex
from desktop.campaign.model import Deck, LocationMap, frozen_map
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap, read_yaml

MANIFEST = "manifest.yaml"
DECK_SUFFIXES = (".yaml", ".yml")
EXTRA_SUFFIX = ".extra.yaml"  # what an import kept beside a deck: never read, never a deck


def is_deck_file(path: Path) -> bool:
    """A YAML file of a map folder that can be a deck (not the manifest, not an extras file)."""
    return path.name != MANIFEST and not path.name.endswith(EXTRA_SUFFIX)


def read_map(
    map_dir: Path, location_name: str, terminal_slugs: Collection[str], log: ProblemLog
) -> LocationMap | None:
    """The map in `map_dir`, or None when it holds no deck file at all."""
    deck_files = [p for p in files(map_dir, log, DECK_SUFFIXES) if is_deck_file(p)]
    manifest = map_dir / MANIFEST
    if manifest.is_file():
        name, entries, listed = _manifest_entries(manifest, deck_files, location_name, log)
    else:
        name, entries = location_name, _single_entries(map_dir, deck_files, location_name, log)
        listed = [entry.id for entry in entries]
    if not entries:
        return None
    default = next((entry.id for entry in entries if entry.default), entries[0].id)
    entries = [replace(entry, default=entry.id == default) for entry in entries]
    index = MapIndex(log)
    decks = [read_deck(entry, index) for entry in entries]  # each builds its cell index once
    _check_links(decks, listed, index)
    _check_terminal_slugs(decks, terminal_slugs, index)
    return LocationMap(
        name=name,
        decks=tuple(sorted(decks, key=lambda deck: deck.level)),
        default_deck_id=default,
        rooms=frozen_map(index.rooms),
        connections=frozen_map(index.connections),
        links=frozen_map(index.links),
        terminals=frozen_map(index.terminals),
        pois=frozen_map(index.pois),
    )


def _single_entries(
    map_dir: Path, deck_files: list[Path], location_name: str, log: ProblemLog
) -> list[DeckEntry]:
    """A single map file is one deck named after the location; several files are reported."""
    if len(deck_files) > 1:
        names = ", ".join(path.name for path in deck_files)
        log.add(map_dir, 0, f"several map files ({names}) but no {MANIFEST} listing them")
    return [
        DeckEntry(path.stem, location_name, level, path, default=level == 1, single=True)
        for level, path in enumerate(deck_files, start=1)
    ]


def _manifest_entries(
    manifest: Path, deck_files: list[Path], location_name: str, log: ProblemLog
) -> tuple[str, list[DeckEntry], list[str]]:
    """(map name, decks whose files exist, every deck id listed) from a manifest."""
    data = read_yaml(manifest, log)
    file = log.rel(manifest)
    if not isinstance(data, YamlMap):
        if data is not None:
            log.add(file, 1, "a manifest must be a mapping with name, total_decks and decks")
        return location_name, [], []
    fields = Fields(data, file, log)
    entries: list[DeckEntry] = []
    listed: list[str] = []
    records = fields.records("decks")
    if not fields.has("decks"):
        fields.problem(None, "missing decks")
    for position, record in enumerate(records, start=1):
        entry = _manifest_deck(Fields(record, file, log, "deck"), manifest.parent, position)
        if entry is None or entry.id in listed:
            if entry is not None:
                log.add(file, record.line, f"deck {entry.id!r} is listed twice")
            continue
        listed.append(entry.id)
        if entry.path.is_file():
            entries.append(entry)
        else:
            log.add(file, record.line_of("file"), f"deck file not found: {entry.path.name}")
    _check_manifest(fields, records, entries, deck_files)
    return fields.text("name", location_name), entries, listed


def _manifest_deck(fields: Fields, map_dir: Path, position: int) -> DeckEntry | None:
    deck_id = fields.required_text("id")
    if deck_id is None:
        return None
    fields.label = f"deck {deck_id!r}"
    written = fields.required_text("file")
    level = fields.integer("level", position)
    entry_name = fields.text("name", deck_id)
    default, description = fields.flag("default"), fields.text("description")
    if written is None:
        return None
    relative = PurePosixPath(written.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts:
        fields.problem("file", f"deck file {written!r} is outside the map folder")
        return None
    path = map_dir.joinpath(*relative.parts)
    return DeckEntry(deck_id, entry_name, level, path, default, description, line=fields.line())


def _check_manifest(
    fields: Fields, records: list[YamlMap], entries: list[DeckEntry], deck_files: list[Path]
) -> None:
    """total_decks, a single default, unique levels, and deck files the manifest forgot."""
    total = fields.integer("total_decks", len(records))
    if total != len(records):
        fields.problem("total_decks", f"total_decks is {total} but {len(records)} decks are listed")
    defaults = [entry for entry in entries if entry.default]
    for entry in defaults[1:]:
        message = f"deck {entry.id!r}: {defaults[0].id!r} is already the default deck"
        fields.log.add(fields.file, entry.line, message)
    levels: dict[int, str] = {}
    for entry in entries:
        if entry.level in levels:
            message = f"deck {entry.id!r}: level {entry.level} is also deck {levels[entry.level]!r}"
            fields.log.add(fields.file, entry.line, message)
        levels.setdefault(entry.level, entry.id)
    used = {entry.path for entry in entries}
    for path in deck_files:
        if path not in used:
            fields.problem("decks", f"deck file {path.name} is not listed in decks")


def _check_links(decks: list[Deck], listed: list[str], index: MapIndex) -> None:
    """Every inter-deck link must lead to a listed deck and a room on it."""
    loaded = {deck.id for deck in decks}
    for deck in decks:
        for link in deck.links:
            file, line = index.line_of("inter-deck connection", link.id)
            label = f"inter-deck connection {link.id!r}"
            room = index.rooms.get(link.to_room)
            if link.to_deck not in listed:
                index.log.add(file, line, f"{label}: to_deck {link.to_deck!r} is not a deck here")
            elif link.to_deck in loaded and (room is None or room.deck_id != link.to_deck):
                message = f"to_room {link.to_room!r} is not a room of deck {link.to_deck!r}"
                index.log.add(file, line, f"{label}: {message}")


def _check_terminal_slugs(decks: list[Deck], slugs: Collection[str], index: MapIndex) -> None:
    """A terminal on the map should name a terminal of the location's comms."""
    for deck in decks:
        for terminal in deck.terminals:
            if terminal.terminal_slug not in slugs:
                file, line = index.line_of("terminal", terminal.id)
                message = f"terminal_slug {terminal.terminal_slug!r} names no terminal in comms/"
                index.log.add(file, line, f"terminal {terminal.id!r}: {message}")
