"""Maps: manifests of decks, single map files, stubs, legacy doors, lookups by id and cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign import load_campaign
from desktop.campaign.model import Campaign, Connection, Deck, Grid, LocationMap, Room


@pytest.fixture
def campaign(full_campaign: Path) -> Campaign:
    return load_campaign(full_campaign)


def station(campaign: Campaign) -> LocationMap:
    found = campaign.locations["orbital"].map
    assert found is not None
    return found


def test_manifest_decks_in_level_order_with_default(campaign: Campaign) -> None:
    the_map = station(campaign)
    assert the_map.name == "Orbital Nine"
    assert [(d.id, d.name, d.level) for d in the_map.decks] == [
        ("lower", "Lower Deck", 1),
        ("upper", "Upper Deck", 2),
    ]
    assert the_map.default_deck_id == "lower"
    assert [d.default for d in the_map.decks] == [True, False]
    upper = the_map.deck("upper")
    assert upper is not None and upper.description == "Command"
    assert the_map.deck_by_level(1) is the_map.deck("lower")
    assert upper.file == "galaxy/sol/earth/orbital/map/upper.yaml"


def test_first_deck_is_default_without_a_flag(builder) -> None:
    builder.location("s", "S")
    builder.write(
        "galaxy/s/map/manifest.yaml",
        "name: S\ntotal_decks: 2\ndecks:\n"
        "  - {id: b, name: B, file: b.yaml, level: 2}\n"
        "  - {id: a, name: A, file: a.yaml, level: 1}\n",
    )
    for deck in ("a", "b"):
        builder.write(f"galaxy/s/map/{deck}.yaml", "grid: {width: 2, height: 2}\n")
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None and the_map.default_deck_id == "b"


def test_grid_rooms_and_statuses(campaign: Campaign) -> None:
    upper = station(campaign).deck("upper")
    assert upper is not None
    assert upper.grid == Grid(20, 10, 32)
    assert station(campaign).deck("lower").grid == Grid(12, 8, 40)  # type: ignore[union-attr]
    assert upper.rooms[0] == Room("bridge", "Bridge", 0, 0, 5, 4, "upper", "Dark.", "WARNING")
    assert upper.rooms[1].status == "OPERATIONAL"
    assert [r.id for r in upper.rooms] == ["bridge", "hall", "office"]


def test_connections_with_and_without_doors(campaign: Campaign) -> None:
    the_map = station(campaign)
    assert the_map.connections["d1"] == Connection(
        "d1", "bridge", "hall", "upper", "standard", "OPEN"
    )
    assert the_map.connections["d2"].door_type == "airlock"
    assert the_map.connections["d2"].door_status == "CLOSED"  # the default
    assert not the_map.connections["p1"].has_door
    assert the_map.connections["d3"].door_status == "LOCKED"
    assert the_map.connections["d4"].deck_id == "lower"


def test_inter_deck_links(campaign: Campaign) -> None:
    link = station(campaign).links["lift1"]
    assert (link.from_room, link.to_deck, link.to_room, link.type, link.status, link.deck_id) == (
        "hall",
        "lower",
        "bay",
        "lift",
        "ONLINE",
        "upper",
    )
    assert station(campaign).links["lift2"].to_deck == "upper"


def test_terminals_with_position_and_hidden(campaign: Campaign) -> None:
    t1 = station(campaign).terminals["t1"]
    assert (t1.room, t1.x, t1.y, t1.terminal_slug, t1.name, t1.hidden) == (
        "office",
        6.5,
        3.0,
        "ops",
        "Ops Console",
        False,
    )
    assert station(campaign).terminals["t2"].hidden


def test_points_of_interest(campaign: Campaign) -> None:
    cache = station(campaign).pois["cache"]
    assert (cache.type, cache.room, cache.x, cache.y, cache.name) == (
        "item",
        "office",
        7.0,
        4.5,
        "Hidden Cache",
    )
    assert (cache.icon, cache.status, cache.description, cache.hidden) == (
        "box",
        "sealed",
        "Under the floor.",
        True,
    )
    goal = station(campaign).pois["goal"]
    assert goal.type == "objective" and not goal.hidden and goal.icon == ""
    assert station(campaign).pois["spill"].deck_id == "lower"


def test_lookups_by_id_across_decks(campaign: Campaign) -> None:
    the_map = station(campaign)
    assert set(the_map.rooms) == {"bridge", "hall", "office", "bay", "engine"}
    assert the_map.rooms["engine"].deck_id == "lower"
    assert set(the_map.pois) == {"cache", "goal", "spill"}


def test_room_at(campaign: Campaign) -> None:
    upper = station(campaign).deck("upper")
    assert upper is not None
    assert upper.room_at(0, 0).id == "bridge"  # type: ignore[union-attr]
    assert upper.room_at(4, 3).id == "bridge"  # type: ignore[union-attr]
    assert upper.room_at(5, 3).id == "office"  # type: ignore[union-attr]
    assert upper.room_at(14, 1).id == "hall"  # type: ignore[union-attr]
    assert upper.room_at(15, 1) is None
    assert upper.room_at(9, 3) is None
    assert upper.room_at(-1, 0) is None


def test_room_at_with_many_rooms_and_overlaps() -> None:
    rooms = tuple(Room(f"r{i}", "R", i * 2, 0, 2, 3, "d") for i in range(500))
    deck = Deck("d", "D", 1, "d.yaml", Grid(1000, 3), rooms=rooms)
    assert deck.room_at(999, 2).id == "r499"  # type: ignore[union-attr]
    assert deck.room_at(1000, 0) is None
    first = Room("a", "A", 0, 0, 4, 4, "d")
    second = Room("b", "B", 2, 2, 4, 4, "d")
    overlapping = Deck("d", "D", 1, "d.yaml", Grid(10, 10), rooms=(first, second))
    assert overlapping.room_at(3, 3) is first  # the first listed wins, as before


def test_background_image_beside_deck_file(campaign: Campaign) -> None:
    the_map = station(campaign)
    upper, lower = the_map.deck("upper"), the_map.deck("lower")
    assert upper is not None and lower is not None
    assert upper.background == campaign.root / "galaxy/sol/earth/orbital/map/upper.png"
    assert lower.background is None


@pytest.mark.parametrize("suffix", [".jpg", ".webp"])
def test_background_jpg_and_webp(builder, suffix: str) -> None:
    builder.location("s", "S")
    builder.write("galaxy/s/map/plan.yaml", "grid: {width: 2, height: 2}\n")
    builder.image(f"galaxy/s/map/plan{suffix}")
    the_map = load_campaign(builder.root).locations["s"].map
    assert the_map is not None
    assert the_map.decks[0].background == builder.root / f"galaxy/s/map/plan{suffix}"


def test_single_map_file_is_one_deck(campaign: Campaign) -> None:
    lab = campaign.locations["lab"]
    assert lab.map is not None and lab.has_map
    (deck,) = lab.map.decks
    assert (deck.id, deck.name, deck.level, deck.default) == ("lab", "Lab Floor", 1, True)
    assert lab.map.default_deck_id == "lab"
    assert lab.map.name == "The Lab"


def test_legacy_doors_become_connections(campaign: Campaign) -> None:
    lab = campaign.locations["lab"].map
    assert lab is not None
    old1, old2 = lab.decks[0].connections
    assert old1 == Connection("old1", "bench", "store", "lab", "blast_door", "SEALED")
    assert (old2.door_type, old2.door_status) == ("standard", "CLOSED")


def test_stub_maps_mean_no_map_yet(campaign: Campaign) -> None:
    for slug in ("derelict", "outpost"):  # a grid but no rooms; an empty file
        location = campaign.locations[slug]
        assert location.map is not None and not location.has_map
        (deck,) = location.map.decks
        assert deck.grid is None and deck.rooms == ()
        assert deck.room_at(0, 0) is None


def test_map_folder_without_deck_files_is_no_map(builder) -> None:
    builder.location("s", "S")
    builder.image("galaxy/s/map/picture.png")
    location = load_campaign(builder.root).locations["s"]
    assert location.map is None and not location.has_map
