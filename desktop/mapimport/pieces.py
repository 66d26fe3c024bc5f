"""Cutting a room's piece of a deck's background: the room's bounding box of the picture, with
every cell that is not the room's made transparent, exactly at cell edges. Nothing of another
room's pixels is in a piece, not even scaled down or blurred."""

from __future__ import annotations

import io
import logging
import threading
from pathlib import Path

from PIL import Image, ImageDraw

from desktop.campaign.model import Campaign, Deck, Room
from desktop.mapimport.yamlout import write_atomically

log = logging.getLogger(__name__)


def find_piece(campaign: Campaign, path: Path) -> tuple[Deck, Room] | None:
    """The deck and room whose piece `path` is, if it is one of this campaign's."""
    for location in campaign.locations.values():
        if location.map is None:
            continue
        for deck in location.map.decks:
            for room_id, piece in deck.pieces.items():
                if piece == path:
                    room = location.map.rooms.get(room_id)
                    return (deck, room) if room is not None else None
    return None


_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def cut_piece(deck: Deck, room: Room, path: Path) -> bool:
    """Make sure the room's piece is at `path` (an existing file is kept); False when the
    deck's picture cannot be read. The picture is decoded once and kept for the next pieces
    (a 4,000 px picture costs its decoding once, not once per room); one deck is cut by one
    thread at a time."""
    if path.is_file():
        return True
    if deck.background is None or deck.grid is None:
        return False
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(deck.background, threading.Lock())
    with lock:
        if path.is_file():  # another display's request cut it meanwhile
            return True
        try:
            picture = _decoded(deck.background)
            _write(_cut(picture, deck.grid.width, deck.grid.height, room), path)
        except (OSError, ValueError, Image.DecompressionBombError):
            return False
    return True


_DECODED: dict[tuple[Path, int, int], Image.Image] = {}
KEPT_PICTURES = 2  # decoded deck pictures kept (a 4,000 px picture is 48 MB decoded)


def _decoded(background: Path) -> Image.Image:
    stat = background.stat()
    key = (background, stat.st_size, stat.st_mtime_ns)
    with _LOCKS_GUARD:
        found = _DECODED.get(key)
    if found is not None:
        return found
    with Image.open(background) as opened:
        opened.load()
        picture = opened.copy()
    with _LOCKS_GUARD:
        while len(_DECODED) >= KEPT_PICTURES:
            _DECODED.pop(next(iter(_DECODED)))
        _DECODED[key] = picture
    return picture


def _write(piece: Image.Image, path: Path) -> None:
    out = io.BytesIO()
    piece.save(out, format="PNG", compress_level=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, out.getvalue())


def _cut(picture: Image.Image, width: int, height: int, room: Room) -> Image.Image:
    """The room's box of the picture (cell edges at the picture's scale), other cells cleared."""
    sx, sy = picture.width / width, picture.height / height

    def edge_x(cx: int) -> int:
        return round(cx * sx)

    def edge_y(cy: int) -> int:
        return round(cy * sy)

    box = (
        edge_x(room.x),
        edge_y(room.y),
        edge_x(room.x + room.width),
        edge_y(room.y + room.height),
    )
    piece = picture.crop(box).convert("RGBA")
    if not room.shape:
        return piece
    mask = Image.new("L", piece.size, 0)
    draw = ImageDraw.Draw(mask)
    for cx, cy in room.cells():
        x0, y0 = edge_x(cx) - box[0], edge_y(cy) - box[1]
        x1, y1 = edge_x(cx + 1) - box[0] - 1, edge_y(cy + 1) - box[1] - 1
        draw.rectangle((x0, y0, x1, y1), fill=255)
    clear = Image.new("RGBA", piece.size, (0, 0, 0, 0))
    return Image.composite(piece, clear, mask)


def warm_pieces(campaign: Campaign) -> threading.Thread:
    """Cut every missing piece of the campaign's decks in a background thread (when a table
    opens or reloads): a first reveal then finds its piece made, and the server is not busy
    cutting while it pushes the reveal. Returns the (daemon) thread, started."""

    def run() -> None:
        for location in campaign.locations.values():
            for deck in location.map.decks if location.map is not None else ():
                for room in deck.rooms:
                    path = deck.pieces.get(room.id)
                    if path is not None:
                        try:
                            cut_piece(deck, room, path)
                        except OSError as error:  # a full disk: the pieces wait for a request
                            log.warning("cannot cut the piece of %s: %s", room.id, error)
                            return

    thread = threading.Thread(target=run, name="map-pieces", daemon=True)
    thread.start()
    return thread
