"""One deck geometry: the displays and the GM snapshot place every door, corridor, link and
marker where the deck's one DeckGeometry puts it — on the sample and the original-style
campaign, every deck, everything revealed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign, Connection, Deck, Location, LocationMap, Room
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.deck_geometry import deck_geometry
from desktop.model.geometry import compact
from desktop.model.store import Store

from .factory import SHIP, build_campaign

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
Json = dict[str, object]


def _decks(campaign: Campaign) -> Iterator[tuple[Location, Deck]]:
    for location in campaign.locations.values():
        if location.map is not None:
            for deck in location.map.decks:
                if deck.grid is not None:
                    yield location, deck


def _all_shown(campaign: Campaign, location: Location, deck: Deck) -> Store:
    store = Store(campaign)
    store.dispatch(A.SwitchView("ENCOUNTER", location.slug))
    store.dispatch(A.SwitchLevel(deck.id, location_slug=location.slug))
    for room in deck.rooms:
        store.dispatch(A.ToggleRoom(room.id, True, location_slug=location.slug))
    for marker in (*deck.terminals, *deck.pois):
        store.dispatch(A.TogglePoi(marker.id, True, location_slug=location.slug))
    return store


def _ends(doors: object) -> list[object]:
    assert isinstance(doors, list)
    return sorted(([d["ends"], d["corridor"]] for d in doors), key=repr)


def _spots(items: object) -> list[tuple[object, object, object]]:
    assert isinstance(items, list)
    return sorted((i["room_id"], i["x"], i["y"]) for i in items)


def _maps(store: Store) -> tuple[Json, Json]:
    player = store.player_frame().snapshot["encounter_map"]
    gm = store.gm_snapshot()["encounter_map"]
    assert isinstance(player, dict) and isinstance(gm, dict)
    return player, gm


@pytest.mark.parametrize("folder", [sample_campaign_path(), ORIGINAL], ids=["sample", "original"])
def test_players_and_the_gm_snapshot_place_everything_alike(folder: Path) -> None:
    campaign = load_campaign(folder)
    decks = list(_decks(campaign))
    assert decks
    for location, deck in decks:
        player, gm = _maps(_all_shown(campaign, location, deck))
        where = (location.slug, deck.id)
        assert _ends(player["doors"]) == _ends(gm["doors"]), where
        assert _spots(player["links"]) == _spots(gm["links"]), where
        for kind in ("terminals", "pois"):
            assert _spots(player[kind]) == _spots(gm[kind]), (where, kind)
        geometry = deck_geometry(location.map, deck)  # type: ignore[arg-type]
        links = [(k.room_id, compact(k.x), compact(k.y)) for k in geometry.links.values()]
        assert _spots(gm["links"]) == sorted(links), where


def test_the_gm_snapshot_shows_a_link_written_only_on_the_other_deck(tmp_path: Path) -> None:
    """The ladder is written on the upper deck only; on the lower deck the GM snapshot has it
    in its room, leading up, as the displays and the GM map do."""
    store = Store(build_campaign(tmp_path))
    store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    store.dispatch(A.SwitchLevel("lower", location_slug=SHIP))
    store.dispatch(A.ToggleRoom("r-engine", True, location_slug=SHIP))
    player, gm = _maps(store)
    assert gm["links"] == [
        {
            "id": "l-ladder:in",
            "type": "ladder",
            "status": "OPERATIONAL",
            "room_id": "r-engine",
            "x": 2.5,
            "y": 2.5,
            "direction": "up",
            "to_deck": "upper",
            "to_room": "r-cargo",
        }
    ]
    assert _spots(player["links"]) == _spots(gm["links"])


def _room(x: int, y: int, w: int, h: int, rid: str) -> Room:
    return Room(rid, rid, x, y, w, h, "d")


def test_a_door_into_a_hidden_room_sits_on_the_revealed_rooms_wall() -> None:
    """Toward a hidden neighbour the door is spread along the revealed room's own wall (with
    the wall's other doors through shared walls, on half cells); both revealed, it is in the
    middle of the shared part, and the wall's other doors stay where they were."""
    rooms = (
        _room(0, 0, 4, 6, "hall"),
        _room(4, 0, 3, 2, "north"),
        _room(4, 3, 3, 9, "south"),
    )
    connections = (
        Connection("c1", "hall", "north", "d", "standard"),
        Connection("c2", "south", "hall", "d"),
    )
    deck = Deck("d", "D", 0, "d.yaml", None, rooms, connections)
    geometry = deck_geometry(LocationMap("m", (deck,), "d"), deck)
    seen = geometry.seen_doors({"hall"})
    assert [(e.x, e.y, e.orientation) for s in seen.values() for e in s.ends] == [
        (4.0, 2.0, "v"),
        (4.0, 4.0, "v"),
    ]
    both = geometry.seen_doors({"hall", "south"})
    assert [(e.x, e.y) for e in both["c2"].ends] == [(4.0, 4.5)]  # the middle of y 3..6
    assert [(e.x, e.y) for e in both["c1"].ends] == [(4.0, 2.0)]  # the other door stays put
