"""Which room holds each cell of a deck, and which rooms overlap: linear in the cells covered."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol, TypeVar

Cell = tuple[int, int]


class _Cells(Protocol):
    """A room as far as cells go (desktop/campaign/model.py's Room is one)."""

    @property
    def id(self) -> str: ...
    @property
    def area(self) -> int: ...
    def cells(self) -> Iterator[Cell]: ...


Room = TypeVar("Room", bound=_Cells)

MAX_INDEXED_CELLS = 1_000_000


def cell_index(rooms: Sequence[Room]) -> dict[Cell, Room]:
    """Every cell of the rooms mapped to the first room listed that holds it.

    Empty when the rooms cover more than MAX_INDEXED_CELLS cells (overlaps counted each time).
    """
    if covered(rooms) > MAX_INDEXED_CELLS:
        return {}
    cells: dict[Cell, Room] = {}
    for room in reversed(rooms):
        for cell in room.cells():
            cells[cell] = room
    return cells


def covered(rooms: Sequence[Room]) -> int:
    """How many cells the rooms cover, each room counted whole."""
    return sum(room.area for room in rooms)


def overlaps(rooms: Sequence[Room], cells: Mapping[Cell, Room]) -> Iterator[tuple[Room, Room]]:
    """(earlier, later) once for each room and each earlier room that holds one of its cells.

    One pass over each room's cells in the index (the first room listed holds a cell), so
    3,000 rooms on one cell give 2,999 pairs, not 4.5 million.
    """
    for room in rooms:
        met: set[str] = set()
        for cell in room.cells():
            holder = cells.get(cell)
            if holder is not None and holder is not room and holder.id not in met:
                met.add(holder.id)
                yield holder, room


def bounding_box(cells: frozenset[Cell]) -> tuple[int, int, int, int]:
    """(x, y, width, height) of the smallest rectangle holding the cells."""
    xs = [x for x, _ in cells]
    ys = [y for _, y in cells]
    return min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
