"""Reading a Universal VTT file (`.dd2vtt`, `.df2vtt`, `.uvtt`, format 0.2 or 0.3) into plain
shapes in grid cells, relative to the picture's top-left (a cropped export's `map_origin` is
subtracted). Every fault is a MapImportError with a message for the GM, never a traceback."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

SUFFIXES = (".dd2vtt", ".df2vtt", ".uvtt")
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_CELLS_A_SIDE = 1_000
MAX_POINTS = 2_000_000
MAX_CELLS = 250_000  # cells of the whole map (500x500): rooms are found cell by cell
MAX_WALL_LENGTH = 200_000  # cells crossed by all the walls and portals together
MAX_PORTALS = 5_000
KNOWN_KEYS = frozenset(
    {"format", "resolution", "line_of_sight", "objects_line_of_sight", "portals", "image"}
)

Point = tuple[float, float]


class MapImportError(Exception):
    """A file that cannot be imported; the message says why, for the GM."""


@dataclass(frozen=True, slots=True)
class Portal:
    """A door or window: its two ends (from `bounds`), in cells."""

    a: Point
    b: Point
    closed: bool = True
    freestanding: bool = False

    @property
    def centre(self) -> Point:
        return (self.a[0] + self.b[0]) / 2, (self.a[1] + self.b[1]) / 2


@dataclass(frozen=True, slots=True)
class UvttMap:
    """What an import uses: the grid, walls as polylines, portals, the picture's bytes, and
    everything else (lights, environment, unknown keys) to keep beside the deck."""

    version: float
    width: int  # cells
    height: int
    pixels_per_grid: int
    origin: Point
    walls: tuple[tuple[Point, ...], ...]
    portals: tuple[Portal, ...]
    image: bytes
    extra: dict[str, object] = field(default_factory=dict)


def read_uvtt(path: Path) -> UvttMap:
    """The map in the file; MapImportError naming the problem when it cannot be read."""
    if path.suffix.lower() not in SUFFIXES:
        raise MapImportError(f"not a Universal VTT file (expected {', '.join(SUFFIXES)})")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise MapImportError(f"the file is {size // 2**20} MB; at most 512 MB can be imported")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MapImportError("not a text file (a Universal VTT file is JSON)") from None
    except OSError as error:
        raise MapImportError(f"cannot read the file: {error.strerror or error}") from None
    return parse_uvtt(text)


def parse_uvtt(text: str) -> UvttMap:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) - 1 or error.msg.startswith("Unterminated string"):
            raise MapImportError("the file ends too early (truncated?)") from None
        raise MapImportError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise MapImportError("not a Universal VTT file (nested too deeply)") from None
    if not isinstance(data, dict):
        raise MapImportError("not a Universal VTT file (the JSON is not an object)")
    version = _version(data.get("format"))
    width, height, ppg, origin = _resolution(data.get("resolution"))
    counter = [0]
    walls = tuple(
        _shift(line, origin)
        for key in ("line_of_sight", "objects_line_of_sight")
        for line in _polylines(data.get(key), key, counter)
    )
    # Copies of one portal are one portal.
    portals = tuple(
        dict.fromkeys(_portal(i, n, origin) for n, i in enumerate(_list(data, "portals")))
    )
    if len(portals) > MAX_PORTALS:
        raise MapImportError(f"{len(portals):,} portals: at most {MAX_PORTALS:,}")
    _check_length(walls, portals)
    extra = {key: value for key, value in data.items() if key not in KNOWN_KEYS}
    return UvttMap(version, width, height, ppg, origin, walls, portals, _image(data), extra)


def _version(value: object) -> float:
    if value is None:
        raise MapImportError("not a Universal VTT file (no `format`)")
    if not _is_number(value) or not 0.1 <= float(value) < 1:  # type: ignore[arg-type]
        raise MapImportError(f"format {value!r} is not a Universal VTT version this app reads")
    return float(value)  # type: ignore[arg-type]


def _resolution(value: object) -> tuple[int, int, int, Point]:
    if not isinstance(value, dict):
        raise MapImportError("`resolution` is missing or not an object")
    size = _point(value.get("map_size"), "resolution.map_size")
    origin = _point(value.get("map_origin", {"x": 0, "y": 0}), "resolution.map_origin")
    ppg = value.get("pixels_per_grid")
    if not _is_number(ppg) or not 1 <= float(ppg) <= 10_000:  # type: ignore[arg-type]
        raise MapImportError(
            f"resolution.pixels_per_grid must be a number from 1 to 10000: {ppg!r}"
        )
    width, height = round(size[0]), round(size[1])
    if not (1 <= width <= MAX_CELLS_A_SIDE and 1 <= height <= MAX_CELLS_A_SIDE):
        message = f"resolution.map_size {size[0]:g}x{size[1]:g} cells: each side must be 1 to"
        raise MapImportError(f"{message} {MAX_CELLS_A_SIDE}")
    if width * height > MAX_CELLS:
        raise MapImportError(
            f"resolution.map_size {width}x{height} cells: at most {MAX_CELLS:,} cells in all"
        )
    return width, height, round(float(ppg)), origin  # type: ignore[arg-type]


def _check_length(walls: tuple[tuple[Point, ...], ...], portals: tuple[Portal, ...]) -> None:
    """Refuse walls and portals that would take too long to lay on the grid."""
    segments = [(p, q) for line in walls for p, q in pairwise(line)]
    segments += [(portal.a, portal.b) for portal in portals]
    length = sum(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p, q in segments)
    if length > MAX_WALL_LENGTH:
        raise MapImportError(
            f"walls and portals {length:,.0f} cells long in all: at most {MAX_WALL_LENGTH:,}"
        )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _point(value: object, what: str) -> Point:
    if isinstance(value, dict) and _is_number(value.get("x")) and _is_number(value.get("y")):
        x, y = float(value["x"]), float(value["y"])
        if abs(x) < 1e7 and abs(y) < 1e7:
            return x, y
    raise MapImportError(f"{what} must be a point {{x, y}} of numbers, not {_quote(value)}")


def _quote(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _list(data: dict[str, object], key: str) -> list[object]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MapImportError(f"`{key}` must be a list, not {_quote(value)}")
    return value


def _polylines(value: object, key: str, counter: list[int]) -> list[list[Point]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise MapImportError(f"`{key}` must be a list of lines, not {_quote(value)}")
    lines: list[list[Point]] = []
    for n, line in enumerate(value):
        if not isinstance(line, list):
            raise MapImportError(f"{key}[{n}] must be a list of points, not {_quote(line)}")
        counter[0] += len(line)
        if counter[0] > MAX_POINTS:
            raise MapImportError(f"more than {MAX_POINTS:,} wall points")
        lines.append([_point(p, f"{key}[{n}] point") for p in line])
    return lines


def _shift(line: list[Point], origin: Point) -> tuple[Point, ...]:
    return tuple((x - origin[0], y - origin[1]) for x, y in line)


def _portal(item: object, n: int, origin: Point) -> Portal:
    if not isinstance(item, dict):
        raise MapImportError(f"portals[{n}] must be an object, not {_quote(item)}")
    bounds = item.get("bounds")
    if not isinstance(bounds, list) or len(bounds) != 2:
        raise MapImportError(f"portals[{n}].bounds must be a list of two points")
    (ax, ay), (bx, by) = (_point(p, f"portals[{n}].bounds point") for p in bounds)
    a, b = (ax - origin[0], ay - origin[1]), (bx - origin[0], by - origin[1])
    closed, free = item.get("closed", True), item.get("freestanding", False)
    return Portal(a, b, closed is not False, free is True)


def _image(data: dict[str, object]) -> bytes:
    value = data.get("image")
    if not isinstance(value, str) or not value.strip():
        raise MapImportError("the file holds no picture (`image` is missing or empty)")
    text = "".join(value.split())  # line breaks some writers put in long base64
    if text.startswith("data:") and "," in text:  # a data: URL
        text = text.split(",", 1)[1]
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise MapImportError("the picture is not valid base64 (`image`)") from None
