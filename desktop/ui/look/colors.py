"""The console's colours, shared by the stylesheet and the map's painted items."""

from __future__ import annotations

from PySide6.QtGui import QColor

BG = "#07090a"
PANEL = "#0e1314"
PANEL_ALT = "#131a1b"
BORDER = "#24393a"
TEAL = "#5f9c96"
TEAL_BRIGHT = "#8fd3c7"
TEAL_DIM = "#2f4d4b"
AMBER = "#d49a55"
AMBER_DIM = "#6b4d2a"
RED = "#c8594c"
RED_DIM = "#5e2a25"
GREEN = "#7ccf8a"
TEXT = "#cfd8d4"
TEXT_DIM = "#7d8e8b"
GREY = "#56605f"
GRID_LINE = "#121c1c"  # TEAL_DIM at 27 % over BG, opaque (fast to draw)
GRID_FRAME = "#203433"

ROOM_STATUS = {
    "OPERATIONAL": TEAL,
    "WARNING": AMBER,
    "HAZARD": RED,
    "OFFLINE": GREY,
}

DOOR_STATUS = {
    "OPEN": GREEN,
    "CLOSED": TEAL,
    "LOCKED": AMBER,
    "SEALED": RED,
    "DAMAGED": "#e07b39",
}

TOKEN_TYPE = {
    "player": TEAL_BRIGHT,
    "npc": AMBER,
    "creature": RED,
    "object": TEXT_DIM,
}


def qcolor(name: str, alpha: int = 255) -> QColor:
    """A QColor from a hex name with an alpha (0-255)."""
    color = QColor(name)
    color.setAlpha(alpha)
    return color
