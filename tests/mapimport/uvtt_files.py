"""Universal VTT files made in the tests: walls, portals and a picture painted per room."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from pathlib import Path

from PIL import Image

Pt = tuple[float, float]

# A 12x8-cell map (origin shifted in the file): rooms A (x 1-5), B (an L: x 5-8, and x 8-11
# below y 4) and C (x 8-11, y 1-4); a door A-B and a door B-C, a window B-C, a freestanding
# portal inside A and a door in the outer wall of A (neither joins two rooms).
WIDTH, HEIGHT = 12, 8
WALLS: list[list[Pt]] = [
    [(1, 1), (11, 1), (11, 7), (1, 7), (1, 6)],  # outer box, the gap (1,5)-(1,6) is a door
    [(1, 5), (1, 1)],
    [(5, 1), (5, 3)],
    [(5, 4), (5, 7)],  # door A-B in (5,3)-(5,4)
    [(8, 1), (8, 2)],
    [(8, 3), (8, 4)],  # door B-C in (8,2)-(8,3)
    [(8, 4), (9, 4)],
    [(10, 4), (11, 4)],  # window B-C in (9,4)-(10,4)
]
PORTALS: list[tuple[Pt, Pt, dict[str, object]]] = [
    ((5, 3), (5, 4), {"closed": True}),
    ((8, 2), (8, 3), {"closed": True, "freestanding": False}),
    ((9, 4), (10, 4), {"closed": False}),
    ((2, 3), (3, 3), {"closed": True, "freestanding": True}),
    ((1, 5), (1, 6), {"closed": True}),
]
ROOM_COLOURS = {"A": (200, 30, 30), "B": (30, 200, 30), "C": (30, 30, 200)}
OUTSIDE = (90, 90, 90)


def room_of(cx: int, cy: int) -> str:
    """Which test room holds a cell ("" outside the building)."""
    if not (1 <= cx < 11 and 1 <= cy < 7):
        return ""
    if cx < 5:
        return "A"
    if cx < 8 or cy >= 4:
        return "B"
    return "C"


def painted(width: int = WIDTH, height: int = HEIGHT, ppg: int = 20) -> Image.Image:
    """Each room in its own colour, the rest grey."""
    image = Image.new("RGB", (width * ppg, height * ppg), OUTSIDE)
    for cy in range(height):
        for cx in range(width):
            colour = ROOM_COLOURS.get(room_of(cx, cy))
            if colour:
                image.paste(colour, (cx * ppg, cy * ppg, (cx + 1) * ppg, (cy + 1) * ppg))
    return image


def encoded(image: Image.Image, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, format=kind)
    return out.getvalue()


def header_only_png(width: int, height: int) -> bytes:
    """A PNG that says it is width x height pixels (no pixel data: never decoded)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def uvtt(
    picture: bytes | None = None,
    origin: Pt = (0.0, 0.0),
    ppg: int = 20,
    version: float = 0.3,
    size: tuple[int, int] = (WIDTH, HEIGHT),
) -> dict[str, object]:
    """The test map as a UVTT document; coordinates shifted by `origin` (a cropped export)."""
    ox, oy = origin

    def point(p: Pt) -> dict[str, float]:
        return {"x": p[0] + ox, "y": p[1] + oy}

    portals = [
        {
            "position": point(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)),
            "bounds": [point(a), point(b)],
            "rotation": 0,
            **extra,
        }
        for a, b, extra in PORTALS
    ]
    image = picture if picture is not None else encoded(painted(ppg=ppg))
    doc: dict[str, object] = {
        "format": version,
        "resolution": {
            "map_origin": {"x": ox, "y": oy},
            "map_size": {"x": size[0], "y": size[1]},
            "pixels_per_grid": ppg,
        },
        "line_of_sight": [[point(p) for p in line] for line in WALLS[:-2]],
        "portals": portals,
        "environment": {"baked_lighting": True, "ambient_light": "ffffffff"},
        "lights": [{"position": point((3, 3)), "range": 4, "intensity": 1, "color": "ffeeaa77"}],
        "image": base64.b64encode(image).decode(),
    }
    if version >= 0.3:
        doc["objects_line_of_sight"] = [[point(p) for p in line] for line in WALLS[-2:]]
    else:
        doc["line_of_sight"] = [[point(p) for p in line] for line in WALLS]
    return doc


def write_uvtt(path: Path, doc: dict[str, object]) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path
