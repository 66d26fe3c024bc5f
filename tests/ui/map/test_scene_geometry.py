"""The GM map and the GM snapshot never drift apart: on the sample and the original-style
campaign, on every deck, every door, corridor, link and marker item of the GM map's scene
sits where the GM snapshot (the deck's one geometry, desktop/model/deck_geometry.py) says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign, Deck, Location
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.store import Store
from desktop.ui.look.image_cache import ImageCache
from desktop.ui.map.picture.shapes import CELL
from desktop.ui.map.picture.state import StatePictureBuilder
from desktop.ui.map.scene import MapScene

ORIGINAL = Path(__file__).resolve().parents[2] / "fixtures" / "original_campaign"
Json = dict[str, object]


def _decks(campaign: Campaign) -> Iterator[tuple[Location, Deck]]:
    for location in campaign.locations.values():
        for deck in location.map.decks if location.map else ():
            if deck.grid is not None:
                yield location, deck


def _gm_map(store: Store, location: Location, deck: Deck, reveal: bool) -> Json:
    store.dispatch(A.SwitchView("ENCOUNTER", location.slug))
    store.dispatch(A.SwitchLevel(deck.id, location_slug=location.slug))
    for room in deck.rooms if reveal else ():
        store.dispatch(A.ToggleRoom(room.id, True, location_slug=location.slug))
    emap = store.gm_snapshot()["encounter_map"]
    assert isinstance(emap, dict)
    return emap


def _cells(scene_x: float, scene_y: float) -> tuple[float, float]:
    return round(scene_x / CELL, 6), round(scene_y / CELL, 6)


def _num(x: object, y: object) -> tuple[float, float]:
    assert isinstance(x, int | float) and isinstance(y, int | float)
    return round(float(x), 6), round(float(y), 6)


def _check_deck(scene: MapScene, emap: Json) -> None:
    doors = {d["id"]: d for d in emap["doors"]}  # type: ignore[attr-defined]
    assert set(scene.doors) == set(doors)
    for door_id, item in scene.doors.items():
        door, shape = doors[door_id], item.shape_data
        assert _cells(item.pos().x(), item.pos().y()) == _num(door["x"], door["y"]), door_id
        ends = [(*_num(e["x"], e["y"]), e["orientation"]) for e in door["ends"]]
        far = shape.far
        drawn = [(*_num(shape.x, shape.y), shape.orientation)]
        drawn += [] if far is None else [(*_num(far[0], far[1]), far[2])]
        assert drawn == ends, door_id
        assert [_num(x, y) for x, y in shape.corridor] == [
            _num(x, y) for x, y in door["corridor"]
        ], door_id
    links = {k["id"]: k for k in emap["links"]}  # type: ignore[attr-defined]
    assert set(scene.links) == set(links)
    for link_id, link_item in scene.links.items():
        link = links[link_id]
        assert _cells(link_item.pos().x(), link_item.pos().y()) == _num(link["x"], link["y"])
        assert (link_item.shape_data.to_deck, link_item.shape_data.to_room) == (
            link["to_deck"],
            link["to_room"],
        )
    markers = {f"terminal:{m['id']}": m for m in emap["terminals"]}  # type: ignore[attr-defined]
    markers |= {f"poi:{m['id']}": m for m in emap["pois"]}  # type: ignore[attr-defined]
    assert set(scene.markers) == set(markers)
    for key, marker_item in scene.markers.items():
        marker = markers[key]
        assert _cells(marker_item.pos().x(), marker_item.pos().y()) == _num(
            marker["x"], marker["y"]
        ), key


@pytest.mark.parametrize("folder", [sample_campaign_path(), ORIGINAL], ids=["sample", "original"])
@pytest.mark.parametrize("reveal", [False, True], ids=["hidden", "revealed"])
def test_every_item_of_the_gm_map_sits_where_the_gm_snapshot_says(
    qapp: QApplication, folder: Path, reveal: bool
) -> None:
    campaign = load_campaign(folder)
    decks = list(_decks(campaign))
    assert len(decks) >= 2
    builder, scene = StatePictureBuilder(), MapScene(ImageCache())
    for location, deck in decks:
        store = Store(campaign)
        emap = _gm_map(store, location, deck, reveal)
        scene.sync(builder.build(store.state, campaign, location.slug, deck.id))
        _check_deck(scene, emap)
