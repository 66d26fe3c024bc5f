"""Rooms and doors from walls: walls and portals are laid on cell edges (an edge is closed when
the segment between the two cells' centres crosses one), each connected region of cells that
does not reach the map's edge is a room, and each closed portal between two rooms is a door."""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from desktop.mapimport.uvtt import MapImportError, Point, Portal

Cell = tuple[int, int]
Edge = tuple[str, int, int]  # ("v", x, y): the line x between (x-1, y) and (x, y); "h": line y
OUTSIDE = -1
EPS = 1e-9
MAX_ROOMS = 2_000  # a deck of more rooms is no deck a GM drew


@dataclass(frozen=True, slots=True)
class Door:
    """A portal between two rooms (indices into the rooms found), at its bounds' centre."""

    portal: int
    room_a: int
    room_b: int
    position: Point


@dataclass(frozen=True, slots=True)
class Layout:
    """Rooms as sets of cells (top-left first), the doors between them, and the portals that
    are not doors (windows: `closed: false`; portals to the outside or within one room)."""

    rooms: tuple[frozenset[Cell], ...]
    doors: tuple[Door, ...]
    windows: tuple[int, ...]
    loose: tuple[int, ...]


def find_rooms(
    width: int, height: int, walls: Sequence[Sequence[Point]], portals: Sequence[Portal]
) -> Layout:
    closed: set[Edge] = set()
    for line in walls:
        for p, q in pairwise(line):
            closed.update(crossed_edges(p, q, width, height))
    by_portal = [set(crossed_edges(p.a, p.b, width, height)) for p in portals]
    for edges in by_portal:
        closed.update(edges)
    region = _regions(width, height, closed)
    rooms, number = _rooms(region)
    if len(rooms) > MAX_ROOMS:
        raise MapImportError(f"the walls make {len(rooms):,} rooms: at most {MAX_ROOMS:,}")
    doors: list[Door] = []
    windows: list[int] = []
    loose: list[int] = []
    seen: set[tuple[int, int, Point]] = set()  # one door per place between two rooms
    for index, (portal, edges) in enumerate(zip(portals, by_portal, strict=True)):
        if not portal.closed:
            windows.append(index)
            continue
        pair = _joined(edges, region, number, width, height)
        if pair is None:
            loose.append(index)
        elif (pair[0], pair[1], portal.centre) not in seen:
            seen.add((pair[0], pair[1], portal.centre))
            doors.append(Door(index, pair[0], pair[1], portal.centre))
    return Layout(tuple(rooms), tuple(doors), tuple(windows), tuple(loose))


def crossed_edges(p: Point, q: Point, width: int, height: int) -> Iterator[Edge]:
    """The cell edges (inside or bounding the grid) that the segment p-q closes: only those
    near where it crosses each row and column of cell centres (linear in its length)."""
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    xs = range(max(0, math.floor(x0 - 0.5)), min(width, math.ceil(x1 + 0.5)) + 1)
    ys = range(max(0, math.floor(y0 - 0.5)), min(height, math.ceil(y1 + 0.5)) + 1)
    for y in ys:  # "v": the centre-to-centre segment of row y, at height y + 0.5
        for x in _near(p, q, y + 0.5, 1):
            if x in xs and y < height and _meets(p, q, (x - 0.5, y + 0.5), (x + 0.5, y + 0.5)):
                yield "v", x, y
    for x in xs:  # "h": the centre-to-centre segment of column x, at x + 0.5
        for y in _near(p, q, x + 0.5, 0):
            if y in ys and x < width and _meets(p, q, (x + 0.5, y - 0.5), (x + 0.5, y + 0.5)):
                yield "h", x, y


def _near(p: Point, q: Point, level: float, axis: int) -> range:
    """The cells along the other axis around where p-q crosses the line `axis` = level."""
    span = q[axis] - p[axis]
    if span == 0:
        return range(0)  # along the line (or beside it): it crosses no segment on it properly
    t = (level - p[axis]) / span
    if not -EPS <= t <= 1 + EPS:
        return range(0)
    other = 1 - axis
    at = math.floor(p[other] + t * (q[other] - p[other]) + 0.5)
    return range(at - 1, at + 2)


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _meets(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segment p-q crosses r-s (the segment between two cell centres) properly: a wall
    along a row of cell centres, or one that stops exactly on that segment, closes nothing."""
    d1, d2 = _cross(r, s, p), _cross(r, s, q)
    d3, d4 = _cross(p, q, r), _cross(p, q, s)
    return d1 * d2 < -EPS and d3 * d4 < -EPS


def _steps(x: int, y: int) -> Iterator[tuple[Cell, Edge]]:
    yield (x - 1, y), ("v", x, y)
    yield (x + 1, y), ("v", x + 1, y)
    yield (x, y - 1), ("h", x, y)
    yield (x, y + 1), ("h", x, y + 1)


def _regions(width: int, height: int, closed: set[Edge]) -> dict[Cell, int]:
    """cell -> region number; OUTSIDE for every region that reaches the map's edge."""
    region: dict[Cell, int] = {}
    count = 0
    for start in ((x, y) for y in range(height) for x in range(width)):
        if start in region:
            continue
        members, open_edge = [start], False
        region[start] = count
        queue = deque([start])
        while queue:
            x, y = queue.popleft()
            for cell, edge in _steps(x, y):
                if edge in closed:
                    continue
                if not (0 <= cell[0] < width and 0 <= cell[1] < height):
                    open_edge = True
                elif cell not in region:
                    region[cell] = count
                    members.append(cell)
                    queue.append(cell)
        if open_edge:
            for cell in members:
                region[cell] = OUTSIDE
        count += 1
    return region


def _rooms(region: dict[Cell, int]) -> tuple[list[frozenset[Cell]], dict[int, int]]:
    """The enclosed regions in the order of their top-left cell, and region -> room index."""
    cells: dict[int, list[Cell]] = {}
    for cell, number in region.items():
        if number != OUTSIDE:
            cells.setdefault(number, []).append(cell)
    ordered = sorted(cells, key=lambda n: min((y, x) for x, y in cells[n]))
    return [frozenset(cells[n]) for n in ordered], {n: i for i, n in enumerate(ordered)}


def _joined(
    edges: set[Edge], region: dict[Cell, int], number: dict[int, int], width: int, height: int
) -> tuple[int, int] | None:
    """The two rooms a portal separates most often along its edges, else None."""
    pairs: Counter[tuple[int, int]] = Counter()
    for kind, x, y in edges:
        a, b = ((x - 1, y), (x, y)) if kind == "v" else ((x, y - 1), (x, y))
        ra, rb = region.get(a, OUTSIDE), region.get(b, OUTSIDE)
        if ra != OUTSIDE and rb != OUTSIDE and ra != rb:
            first, second = sorted((number[ra], number[rb]))
            pairs[(first, second)] += 1
    return pairs.most_common(1)[0][0] if pairs else None
