"""GM map labels as the TV keeps them: marker names never cover one another, and a token's
name is whole wherever its row leaves it the room (issue 12, defects 5 and 7)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.campaign import load_campaign
from desktop.model.state import TableState
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.picture.shapes import CELL, TokenShape
from desktop.ui.map.picture.state import StatePictureBuilder
from desktop.ui.map.scene import MapScene

ORIGINAL = Path(__file__).resolve().parents[2] / "fixtures" / "original_campaign"
SAMPLE_DECK = ("hadal_wren", "deck_1")


def _scene(qtbot: QtBot, tokens: dict[str, TokenShape] | None = None) -> MapScene:
    campaign = load_campaign(ORIGINAL)
    picture = StatePictureBuilder().build(TableState(), campaign, "relay_nine", "upper")
    if tokens is not None:
        picture = dataclasses.replace(picture, tokens=tokens)
    scene = MapScene(ImageCache())
    scene.sync(picture)
    return scene


def test_marker_labels_on_the_gm_map_never_cover_one_another(qtbot: QtBot) -> None:
    scene = _scene(qtbot)
    labels = {k: m.mapRectToScene(m.label_rect()) for k, m in scene.markers.items()}
    assert len(labels) >= 5
    keys = sorted(labels)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            shared = labels[a].intersected(labels[b])
            assert shared.isEmpty(), f"the labels of {a} and {b} overlap: {shared}"


def _token(key: str, name: str, x: int, y: int) -> TokenShape:
    return TokenShape(key, "player", name, x, y, (), None, "hub")


def test_a_token_name_is_whole_where_its_row_leaves_room(qtbot: QtBot) -> None:
    # The hub spans x 9..15: Rook alone on his row, two others side by side on another.
    tokens = {
        "rook": _token("rook", "Rook Adeyemi", 10, 8),
        "a": _token("a", "Halvard Sunde", 10, 12),
        "b": _token("b", "Juno Castellane", 11, 12),
    }
    scene = _scene(qtbot, tokens)
    assert scene.tokens["rook"].label_text() == "Rook Adeyemi"
    a, b = scene.tokens["a"], scene.tokens["b"]
    assert a.label_text() != "Halvard Sunde"  # one cell apart: cut short, never run together
    ra = a.mapRectToScene(a.label_rect())
    rb = b.mapRectToScene(b.label_rect())
    assert ra.intersected(rb).isEmpty()


def test_a_marker_name_keeps_off_a_token_on_its_cell_below(qtbot: QtBot) -> None:
    empty = _scene(qtbot)
    before = empty.markers["poi:poi_safe"]
    spot = before.mapRectToScene(before.label_rect()).center()  # the strongbox's name
    x, y = int(spot.x() // CELL), int(spot.y() // CELL)
    scene = _scene(qtbot, {"t": _token("t", "Crawler", x, y)})
    marker, token = scene.markers["poi:poi_safe"], scene.tokens["t"]
    name = marker.mapRectToScene(marker.label_rect())
    assert not name.intersects(token.mapRectToScene(token.disc_rect()))


def test_a_name_cut_short_keeps_a_word_the_gm_knows_them_by(qtbot: QtBot) -> None:
    """Side by side, "Dr. Halvard Sunde" and "Ines Marlowe" read as a whole word each (their
    first name, or their surname), never "Dr. …" or "Ines…"."""
    tokens = {
        "a": _token("a", "Dr. Halvard Sunde", 10, 12),
        "b": _token("b", "Ines Marlowe", 11, 12),
        "c": _token("c", "Juno Castellane", 12, 12),
    }
    scene = _scene(qtbot, tokens)
    shown = {key: scene.tokens[key].label_text() for key in tokens}
    assert shown["a"] in ("Halvard", "Sunde", "Halvard Sunde"), shown
    assert shown["b"] in ("Ines", "Marlowe"), shown
    assert shown["c"] in ("Juno", "Castellane"), shown


def test_two_markers_on_one_cell_keep_their_names_apart_around_tokens(qtbot: QtBot) -> None:
    """The hub's WARDEN'S LOG and BRINE LEAK share a cell: with two crew in the hub, wherever
    they stand, the two names never run into each other (one may lie over a token first)."""
    hub = [(x, y) for x in range(9, 15) for y in range(7, 14)]
    for spot in hub:
        tokens = {
            "a": _token("a", "Ani Petrosyan", 9, 9),
            "b": _token("b", "Bram Hollis", *spot),
        }
        scene = _scene(qtbot, tokens)
        log, leak = scene.markers["poi:poi_log"], scene.markers["poi:poi_leak"]
        shared = log.mapRectToScene(log.label_rect()).intersected(
            leak.mapRectToScene(leak.label_rect())
        )
        assert shared.isEmpty(), f"with Bram at {spot} the names overlap: {shared}"
