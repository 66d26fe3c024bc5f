"""A room's piece of the deck picture: its box, exactly at cell edges, other cells cleared."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from desktop.campaign.loader import load_campaign
from desktop.cli import main
from desktop.mapimport.pieces import cut_piece, find_piece, warm_pieces
from tests.mapimport.uvtt_files import OUTSIDE, ROOM_COLOURS, room_of, uvtt, write_uvtt


def test_each_piece_holds_its_room_only(
    campaign: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt())
    assert (
        main(["import-map", str(file), "--campaign", str(campaign), "--location", "outpost"]) == 0
    )
    lmap = load_campaign(campaign).locations["outpost"].map
    assert lmap is not None
    deck = lmap.decks[0]
    for room in deck.rooms:
        path = deck.pieces[room.id]
        assert path.is_relative_to(tmp_path / "cache") and not path.exists()
        assert find_piece(load_campaign(campaign), path) is not None
        assert cut_piece(deck, room, path)
        letter = room_of(*next(room.cells()))
        with Image.open(path) as piece:
            assert piece.size == (room.width * 20, room.height * 20)
            for cy in range(room.height):
                for cx in range(room.width):
                    r, g, b, a = piece.getpixel((cx * 20 + 10, cy * 20 + 10))  # type: ignore[misc]
                    inside = room.contains(room.x + cx, room.y + cy)
                    assert (a == 255 and (r, g, b) == ROOM_COLOURS[letter]) if inside else a == 0
            found = {(r, g, b) for _n, (r, g, b, a) in piece.getcolors(1 << 16) if a}  # type: ignore[union-attr, misc]
            assert found == {ROOM_COLOURS[letter]}
            assert OUTSIDE not in found
    assert find_piece(load_campaign(campaign), tmp_path / "elsewhere.png") is None


def test_displays_asking_for_one_piece_at_once_all_get_it(
    campaign: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TV and a tablet reveal the same room: both cut its piece at the same moment (the
    tablet's picture went missing when both wrote one partial file)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt())
    assert (
        main(["import-map", str(file), "--campaign", str(campaign), "--location", "outpost"]) == 0
    )
    lmap = load_campaign(campaign).locations["outpost"].map
    assert lmap is not None
    deck = lmap.decks[0]
    room = max(deck.rooms, key=lambda r: r.area)
    start = threading.Barrier(6)

    def cut() -> bool:
        start.wait()
        return cut_piece(deck, room, deck.pieces[room.id])

    for _round in range(5):
        deck.pieces[room.id].unlink(missing_ok=True)
        with ThreadPoolExecutor(6) as pool:
            results = list(pool.map(lambda _n: cut(), range(6)))
        assert results == [True] * 6
        with Image.open(deck.pieces[room.id]) as piece:
            piece.load()
    assert not [p for p in deck.pieces[room.id].parent.iterdir() if p.suffix == ".partial"]


def test_a_table_opening_cuts_every_piece_beforehand(
    campaign: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    file = write_uvtt(tmp_path / "hold.uvtt", uvtt())
    assert (
        main(["import-map", str(file), "--campaign", str(campaign), "--location", "outpost"]) == 0
    )
    loaded = load_campaign(campaign)
    lmap = loaded.locations["outpost"].map
    assert lmap is not None
    pieces = list(lmap.decks[0].pieces.values())
    assert len(pieces) == 3 and not any(p.exists() for p in pieces)
    warm_pieces(loaded).join(30)
    assert all(p.is_file() for p in pieces)
