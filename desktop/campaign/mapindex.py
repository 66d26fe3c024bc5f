"""Ids of one location's map across its decks: lookups by id, duplicates reported."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.campaign.fields import Fields
from desktop.campaign.model import Connection, InterDeckLink, MapTerminal, Poi, Room
from desktop.campaign.problems import ProblemLog
from desktop.campaign.yamlfile import YamlMap


class MapIndex:
    """Rooms, connections, links, terminals and POIs of a location by id (first one wins)."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log
        self.rooms: dict[str, Room] = {}
        self.connections: dict[str, Connection] = {}
        self.links: dict[str, InterDeckLink] = {}
        self.terminals: dict[str, MapTerminal] = {}
        self.pois: dict[str, Poi] = {}
        self.where: dict[tuple[str, str], tuple[str, int]] = {}

    def claim(self, kind: str, item_id: str, file: str, line: int) -> bool:
        """Reserve `item_id` for a `kind` of item; a duplicate is a problem and returns False."""
        if (kind, item_id) in self.where:
            first_file, first_line = self.where[(kind, item_id)]
            self.log.add(
                file, line, f"duplicate {kind} id {item_id!r} (first at {first_file}:{first_line})"
            )
            return False
        self.where[(kind, item_id)] = (file, line)
        return True

    def line_of(self, kind: str, item_id: str) -> tuple[str, int]:
        """Where the item with this id was written."""
        return self.where.get((kind, item_id), ("", 0))


@dataclass(frozen=True, slots=True)
class DeckScope:
    """What reading one deck file needs: its file, id, own rooms and the location's index."""

    file: str
    deck_id: str
    rooms: dict[str, Room]
    index: MapIndex

    @property
    def log(self) -> ProblemLog:
        return self.index.log

    def fields(self, record: YamlMap, kind: str) -> Fields:
        """Fields of one record, labelled with its kind (and id once known)."""
        return Fields(record, self.file, self.log, kind)

    def known_room(self, fields: Fields, key: str, room_id: str) -> bool:
        """True if `room_id` is a room of this deck; else a problem on `key`."""
        if room_id in self.rooms:
            return True
        fields.problem(key, f"{key} {room_id!r} is not a room of deck {self.deck_id!r}")
        return False
