"""Deck geometry: corridors between rooms that do not touch, stubs toward hidden rooms, markers
kept apart — on the original-style test campaign."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign, LocationMap, Room, frozen_map
from desktop.model import actions as A
from desktop.model.geometry import MARKER_SPACING, STUB, Passage, deck_passages, passage
from desktop.model.store import Store

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
RELAY = "relay_nine"


@pytest.fixture(scope="module")
def original() -> Campaign:
    return load_campaign(ORIGINAL)


def room(x: int, y: int, w: int, h: int, rid: str = "r") -> Room:
    return Room(rid, rid, x, y, w, h, "d")


def on_wall(point: tuple[float, float], r: Room) -> bool:
    x, y = point
    inside_x, inside_y = r.x <= x <= r.x + r.width, r.y <= y <= r.y + r.height
    on_x = x in (r.x, r.x + r.width)
    on_y = y in (r.y, r.y + r.height)
    return (on_x and inside_y) or (on_y and inside_x)


def test_rooms_that_share_a_wall_get_one_door_and_no_corridor() -> None:
    way = passage(room(0, 0, 4, 4), room(4, 1, 3, 5))
    assert way == Passage(way.a, None, (), 3.0)
    assert (way.a.x, way.a.y, way.a.orientation) == (4.0, 2.5, "v")


@pytest.mark.parametrize(
    ("b", "bends"),
    [
        (room(10, 2, 3, 3), 2),  # side by side: a jog halfway
        (room(1, 9, 2, 3), 0),  # one below the other, lined up: straight
        (room(10, 9, 3, 3), 1),  # diagonal: one bend
        (room(-8, -7, 3, 3), 1),
    ],
)
def test_a_corridor_runs_from_wall_to_wall_with_a_door_on_each(b: Room, bends: int) -> None:
    a = room(0, 0, 4, 4)
    way = passage(a, b)
    assert way.b is not None
    assert way.corridor[0] == (way.a.x, way.a.y) and way.corridor[-1] == (way.b.x, way.b.y)
    assert on_wall(way.corridor[0], a) and on_wall(way.corridor[-1], b)
    assert len(way.corridor) - 2 == bends
    for (x0, y0), (x1, y1) in zip(way.corridor, way.corridor[1:], strict=False):
        assert x0 == x1 or y0 == y1  # right angles only


def test_doors_on_one_wall_are_spread_along_it() -> None:
    hub = room(0, 0, 4, 6, "hub")
    rooms = {"hub": hub, "n": room(8, -4, 2, 2, "n"), "e": room(8, 2, 2, 2, "e")}
    rooms["s"] = room(8, 9, 2, 2, "s")
    ways = deck_passages(rooms, [("1", "hub", "s"), ("2", "hub", "n"), ("3", "hub", "e")])
    ends = sorted(w.a.y for w in ways.values())
    assert ends == [1.5, 3.0, 4.5]  # a quarter, half, three quarters: in the order they lead
    assert ways["2"].a.y == 1.5 and ways["1"].a.y == 4.5


def test_a_stub_leaves_the_door_straight_out_by_a_fixed_length() -> None:
    way = passage(room(0, 0, 4, 4), room(9, 1, 3, 2))
    assert way.a.stub() == ((4.0, 2.0), (4.0 + STUB, 2.0))


def _player_map(campaign: Campaign, *rooms: str) -> dict[str, object]:
    store = Store(campaign)
    store.dispatch(A.SwitchView("ENCOUNTER", RELAY))
    for room_id in rooms:
        store.dispatch(A.ToggleRoom(room_id, True))
    found = store.player_frame().snapshot["encounter_map"]
    assert isinstance(found, dict)
    return found


def _points(emap: dict[str, object]) -> list[tuple[float, float]]:
    doors: list[dict[str, object]] = emap["doors"]  # type: ignore[assignment]
    points = [(float(e["x"]), float(e["y"])) for d in doors for e in d["ends"]]  # type: ignore[attr-defined]
    points += [(float(x), float(y)) for d in doors for x, y in d["corridor"]]  # type: ignore[attr-defined]
    return points


def test_toward_a_hidden_room_only_the_door_and_a_stub(original: Campaign) -> None:
    emap = _player_map(original, "hub")
    lmap = original.locations[RELAY].map
    assert lmap is not None
    hidden = [r for r in lmap.rooms.values() if r.deck_id == "upper" and r.id != "hub"]
    for door in emap["doors"]:  # type: ignore[attr-defined]
        assert len(door["ends"]) == 1
        corridor = door["corridor"]
        assert len(corridor) == 2
        (x0, y0), (x1, y1) = corridor
        assert abs(x1 - x0) + abs(y1 - y0) == STUB
    hub = lmap.rooms["hub"]
    for point in _points(emap):
        assert on_wall(point, hub) or not any(
            r.x <= point[0] <= r.x + r.width and r.y <= point[1] <= r.y + r.height for r in hidden
        ), point


def _moved(campaign: Campaign, dx: int, keep: str) -> Campaign:
    """The campaign with every upper-deck room but `keep` moved dx cells right (further away
    from the hub on that side, or nearer, but on the same side of it)."""
    location = campaign.locations[RELAY]
    lmap = location.map
    assert lmap is not None
    rooms = {
        k: (r if r.id == keep or r.deck_id != "upper" else replace(r, x=r.x + dx))
        for k, r in lmap.rooms.items()
    }
    decks = tuple(replace(d, rooms=tuple(rooms[r.id] for r in d.rooms)) for d in lmap.decks)
    new_map: LocationMap = replace(lmap, decks=decks, rooms=frozen_map(rooms))
    locations = {**campaign.locations, RELAY: replace(location, map=new_map)}
    return replace(campaign, locations=frozen_map(locations))


def test_where_a_hidden_room_is_never_reaches_the_players(original: Campaign) -> None:
    """The hub's doors and stubs are the same bytes wherever its hidden neighbours are."""
    here = orjson.dumps(_player_map(original, "hub")["doors"])
    there = orjson.dumps(_player_map(_moved(original, 2, "hub"), "hub")["doors"])
    assert here == there
    both = orjson.dumps(_player_map(original, "hub", "lab")["doors"])
    assert both != here  # revealed, the lab's door and the corridor to it appear


def test_markers_sharing_a_cell_are_moved_apart_inside_their_room(original: Campaign) -> None:
    emap = _player_map(original, "hub", "ops", "shaft_a")
    lmap = original.locations[RELAY].map
    assert lmap is not None
    markers = [*emap["links"], *emap["terminals"], *emap["pois"]]  # type: ignore[misc]
    assert len(markers) == 5  # ladder; ops terminal; leak, log, strongbox
    for i, m in enumerate(markers):
        r = lmap.rooms[m["room_id"]]
        assert r.x < m["x"] < r.x + r.width and r.y < m["y"] < r.y + r.height
        for other in markers[i + 1 :]:
            gap = max(abs(m["x"] - other["x"]), abs(m["y"] - other["y"]))
            assert gap >= MARKER_SPACING, (m["id"], other["id"])
