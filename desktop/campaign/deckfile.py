"""One deck file (or single map file): its grid and rooms, then passages and markers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from desktop.campaign.cells import MAX_INDEXED_CELLS, Cell, bounding_box, overlaps
from desktop.campaign.fields import Fields
from desktop.campaign.images import BACKGROUND_SUFFIXES, background_beside
from desktop.campaign.links import inside
from desktop.campaign.mapindex import DeckScope, MapIndex
from desktop.campaign.markers import read_pois, read_terminals
from desktop.campaign.model import ROOM_STATUSES, Deck, Grid, Room
from desktop.campaign.passages import read_connections, read_links
from desktop.campaign.pieces import piece_paths
from desktop.campaign.yamlfile import YamlList, YamlMap, read_yaml

MAX_GRID_CELLS = 10_000  # cells a side; a far larger grid stalls the GM map (not shown)


@dataclass(frozen=True, slots=True)
class DeckEntry:
    """What a manifest says about a deck (for a single map: what the file's name implies)."""

    id: str
    name: str
    level: int
    path: Path
    default: bool = False
    description: str = ""
    single: bool = False  # a single map file: its own `name`/`level` keys may refine these
    line: int = 0  # of the entry in the manifest


def read_deck(entry: DeckEntry, index: MapIndex) -> Deck:
    """The deck in `entry.path`; a stub (grid None) when the file has no grid or no rooms."""
    log = index.log
    file = log.rel(entry.path)
    data = read_yaml(entry.path, log)
    stub = Deck(
        entry.id,
        entry.name,
        entry.level,
        file,
        None,
        description=entry.description,
        default=entry.default,
        background=background_beside(entry.path, log),
    )
    if not isinstance(data, YamlMap):
        if data is not None:
            log.add(file, 1, "a deck file must be a mapping of grid, rooms, connections, ...")
        return stub
    return _filled(stub, Fields(data, file, log), DeckScope(file, entry.id, {}, index), entry)


def _filled(stub: Deck, deck: Fields, scope: DeckScope, entry: DeckEntry) -> Deck:
    """The stub with what the deck file holds."""
    stub = replace(stub, background=_background(deck, entry.path) or stub.background)
    grid = _grid(deck)
    rooms = _rooms(deck, scope, grid)
    if rooms and not deck.has("grid"):
        deck.problem(None, "rooms without a grid: the deck shows no map until it has one")
    name, level = stub.name, stub.level
    if entry.single:
        name, level = deck.text("name", name), deck.integer("level", level)
    filled = replace(
        stub,
        name=name,
        level=level,
        grid=grid if rooms else None,
        rooms=rooms,
        connections=read_connections(deck, scope),
        links=read_links(deck, scope),
        terminals=read_terminals(deck, scope),
        pois=read_pois(deck, scope),
        pieces=piece_paths(stub.background, grid, rooms),
    )
    _report_overlaps(filled, deck, scope)
    return filled


def _background(deck: Fields, deck_file: Path) -> Path | None:
    """`background: {image: <file beside the deck>, ...}` (else the picture named like the
    deck file is its background); a missing or outside file is a problem."""
    data = deck.mapping("background")
    if data is None:
        return None
    written = Fields(data, deck.file, deck.log, "background").required_text("image")
    if written is None:
        return None
    relative = PurePosixPath(written.replace("\\", "/"))
    path = deck_file.parent.joinpath(*relative.parts)
    if relative.is_absolute() or ".." in relative.parts or not inside(path, deck.log):
        deck.problem("background", f"background image {written!r} is outside the map folder")
        return None
    if path.suffix.lower() not in BACKGROUND_SUFFIXES or not path.is_file():
        deck.problem("background", f"background image not found: {written}")
        return None
    return path.resolve()


def _grid(deck: Fields) -> Grid | None:
    data = deck.mapping("grid")
    if data is None:
        return None
    grid = Fields(data, deck.file, deck.log, "grid")
    width = grid.required_int("width", minimum=1, maximum=MAX_GRID_CELLS)
    height = grid.required_int("height", minimum=1, maximum=MAX_GRID_CELLS)
    unit_size = grid.integer("unit_size", 40, minimum=1)
    if width is None or height is None:
        return None
    return Grid(width, height, unit_size)


def _rooms(deck: Fields, scope: DeckScope, grid: Grid | None) -> tuple[Room, ...]:
    rooms: list[Room] = []
    for record in deck.records("rooms"):
        room = _room(scope.fields(record, "room"), scope, grid)
        if room is not None:
            rooms.append(room)
            scope.rooms[room.id] = room
            scope.index.rooms[room.id] = room
    return tuple(rooms)


def _report_overlaps(deck: Deck, fields: Fields, scope: DeckScope) -> None:
    """Each room that covers a cell of a room listed before it, once per such pair."""
    if not deck.indexed:
        message = f"the rooms cover more than {MAX_INDEXED_CELLS:,} cells: overlaps are not checked"
        fields.problem("rooms", message)
        return
    for first, second in overlaps(deck.rooms, deck.cells()):
        file, line = scope.index.line_of("room", second.id)
        scope.log.add(file, line, f"room {second.id!r} overlaps room {first.id!r}")


def _room(fields: Fields, scope: DeckScope, grid: Grid | None) -> Room | None:
    room_id = fields.required_text("id")
    if room_id is None:
        return None
    fields.label = f"room {room_id!r}"
    if fields.has("cells"):
        shape = _read_cells(fields)
        if not shape:
            return None
        box: tuple[int | None, ...] = bounding_box(shape)
    else:
        shape = frozenset()
        box = (fields.required_int("x"), fields.required_int("y"))
        box += (fields.required_int("width", minimum=1), fields.required_int("height", minimum=1))
    status = fields.choice("status", ROOM_STATUSES, "OPERATIONAL")
    x, y, width, height = box
    if x is None or y is None or width is None or height is None:
        return None
    if not scope.index.claim("room", room_id, scope.file, fields.line()):
        return None
    name, description = fields.text("name", room_id), fields.text("description")
    room = Room(room_id, name, x, y, width, height, scope.deck_id, description, status, shape)
    if grid is not None and not _inside(room, grid):
        fields.problem(
            None,
            f"outside the {grid.width}x{grid.height} grid (x {x}, y {y}, {width}x{height})",
        )
    return room


def _inside(room: Room, grid: Grid) -> bool:
    return (
        room.x >= 0
        and room.y >= 0
        and room.x + room.width <= grid.width
        and room.y + room.height <= grid.height
    )


def _read_cells(fields: Fields) -> frozenset[Cell]:
    """A room's `cells: [[x, y], ...]`; each item that is not two whole numbers is a problem
    (then the room is left out: empty)."""
    value = fields.data.get("cells")
    if not isinstance(value, YamlList) or not value:
        fields.problem("cells", "cells must be a list of [x, y] cells")
        return frozenset()
    found: set[Cell] = set()
    for index, item in enumerate(value):
        if (
            not isinstance(item, YamlList)
            or len(item) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in item)
        ):
            line = value.line_at(index)
            fields.log.add(
                fields.file, line, f"{fields.label}: a cell must be [x, y], not {item!r}"
            )
            return frozenset()
        found.add((int(item[0]), int(item[1])))  # type: ignore[call-overload]
    if len(found) > MAX_INDEXED_CELLS:
        fields.problem("cells", f"more than {MAX_INDEXED_CELLS:,} cells")
        return frozenset()
    return frozenset(found)
