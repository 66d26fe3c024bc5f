"""Where each room's piece of a deck's background picture is kept: one file per room, named by
what it is cut from (the picture's path, size and time, the grid, the room's cells), so a piece
is cut once and found again on later starts. Cutting is desktop/mapimport/pieces.py's."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import platformdirs

from desktop.campaign.model import Grid, Room, frozen_map

APP_NAME = "gm-terminal"


def pieces_dir() -> Path:
    """The cache folder of the pieces (the user's cache folder, never the campaign's)."""
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "pieces"


def piece_paths(
    background: Path | None, grid: Grid | None, rooms: Sequence[Room]
) -> Mapping[str, Path]:
    """room id -> its piece's file (cut or not yet); empty without a background."""
    if background is None or grid is None or not rooms:
        return frozen_map()
    try:
        stat = background.stat()
    except OSError:
        return frozen_map()
    folder = pieces_dir()
    source = f"{background}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\x1f{grid.width}x{grid.height}"
    found: dict[str, Path] = {}
    for room in rooms:
        digest = hashlib.sha256(source.encode())
        digest.update(repr(list(room.cells())).encode())
        found[room.id] = folder / f"{digest.hexdigest()[:32]}.png"
    return frozen_map(found)
