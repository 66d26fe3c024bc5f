"""What the table keeps about each display: its settings, and the handouts shown.

A display is named by the random id its page keeps (`?display=<id>`, API.md "Displays").
Its settings live in the table state (saved with it), so they survive restarts and
reconnects; what is only true while it is connected (address, user agent) is the server's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

DISPLAY_ID = re.compile(r"[A-Za-z0-9_-]{6,64}")
DISPLAY_KINDS: tuple[str, ...] = ("tv", "tablet")
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)
CAMERA_MODES: tuple[str, ...] = ("fit", "follow", "frame", "locked")


def is_display_id(value: object) -> bool:
    """Whether value is a display id of API.md's form."""
    return isinstance(value, str) and DISPLAY_ID.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Camera:
    """How a display frames the map, in cells.

    fit: the revealed rooms (the default). follow: `target` (a token id; "" the party's
    tokens). frame: the rectangle x, y, w, h the GM drew. locked: a fixed view whose top-left
    cell is x, y (whole cells), one cell 25.4 mm on a screen of `diagonal` inches.
    """

    mode: str = "fit"
    target: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    diagonal: float = 0.0  # inches, for locked; 0: the browser's 96 px to the inch


@dataclass(frozen=True, slots=True)
class DisplaySettings:
    """What the GM set for one display ("" kind: not set, the page's own guess counts)."""

    name: str = ""
    kind: str = ""
    character: str = ""  # a crew id, or "" for none
    rotation: int = 0
    camera: Camera = Camera()


@dataclass(frozen=True, slots=True)
class Handout:
    """An image or short text the GM showed (to some displays, or all)."""

    id: str
    title: str
    text: str = ""
    image: str = ""  # a handout file's key in the campaign ("" none)
    shown_at: float = 0.0  # seconds since the epoch
    clear_after: float = 0.0  # seconds the TV shows it; 0: until tapped


@dataclass(frozen=True, slots=True)
class Ping:
    """A ring pulsing on a cell of the shown deck."""

    id: str
    x: int
    y: int
    at: float


def carried_over(
    displays: Mapping[str, DisplaySettings], into: Mapping[str, DisplaySettings]
) -> dict[str, DisplaySettings]:
    """The table's displays in another campaign's table (`into`). The screens are the table's:
    each keeps its name, kind and rotation; a character and a camera belong to the campaign
    left behind (its crew, its map). A display the other table knows keeps its settings there."""
    kept = {d: DisplaySettings(s.name, s.kind, rotation=s.rotation) for d, s in displays.items()}
    return {**kept, **into}
