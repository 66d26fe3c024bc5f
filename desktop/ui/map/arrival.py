"""Where a token arrives when it takes a ladder: a free cell of the far room."""

from __future__ import annotations

from desktop.campaign.model import Room
from desktop.model.state import LocationState


def arrival_cell(room: Room, deck_id: str, loc: LocationState | None) -> tuple[int, int] | None:
    """The free cell of room nearest its centre, or None when the room is full."""
    taken = {(t.x, t.y) for t in (loc.tokens.values() if loc else ()) if t.deck_id == deck_id}
    cx, cy = room.x + (room.width - 1) / 2, room.y + (room.height - 1) / 2
    cells = [
        (x, y)
        for x in range(room.x, room.x + room.width)
        for y in range(room.y, room.y + room.height)
        if (x, y) not in taken
    ]
    if not cells:
        return None
    return min(cells, key=lambda c: (abs(c[0] - cx) + abs(c[1] - cy), c[1], c[0]))
