"""Decks written to hurt: thousands of overlapping or repeated rooms give a bounded report."""

from __future__ import annotations

from pathlib import Path

from desktop.campaign import load_campaign
from desktop.campaign.deckfile import MAX_GRID_CELLS
from desktop.campaign.problems import MAX_LISTED
from desktop.cli import main

DECK = "galaxy/s/map/plan.yaml"


def deck(builder, rooms: list[str], grid: str = "{width: 10, height: 10}") -> Path:
    builder.location("s", "S")
    lines = [f"grid: {grid}", "rooms:", *(f"  - {room}" for room in rooms)]
    return builder.write(DECK, "\n".join(lines) + "\n")


def stacked(count: int) -> list[str]:
    return [f"{{id: r{i}, x: 0, y: 0, width: 1, height: 1}}" for i in range(count)]


def test_three_thousand_stacked_rooms_give_at_most_a_hundred_lines_and_a_count(
    builder, capsys
) -> None:
    deck(builder, stacked(3000))
    assert main(["check", str(builder.root)]) == 1
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if line.startswith(DECK)]
    assert len(listed) == MAX_LISTED + 1
    assert listed[0] == f"{DECK}:4: room 'r1' overlaps room 'r0'"
    assert listed[-1] == f"{DECK}:104: 2,899 more problems in this file are not listed"
    assert out[-1] == f"{MAX_LISTED + 1} problems in {builder.root}"


def test_each_overlapping_pair_once_and_the_earliest_room_it_covers(builder) -> None:
    deck(
        builder,
        [
            "{id: a, x: 0, y: 0, width: 4, height: 4}",
            "{id: b, x: 1, y: 1, width: 4, height: 4}",  # covers a (and nothing listed before)
            "{id: c, x: 3, y: 3, width: 4, height: 4}",  # covers a at (3,3), b elsewhere
            "{id: d, x: 8, y: 8, width: 2, height: 2}",
        ],
    )
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        f"{DECK}:4: room 'b' overlaps room 'a'",
        f"{DECK}:5: room 'c' overlaps room 'a'",
        f"{DECK}:5: room 'c' overlaps room 'b'",
    ]
    plan = load_campaign(builder.root).locations["s"].map.decks[0]  # type: ignore[union-attr]
    assert plan.room_at(3, 3).id == "a" and plan.room_at(4, 4).id == "b"  # type: ignore[union-attr]


def test_ten_thousand_repeated_ids_give_a_bounded_report(builder) -> None:
    rooms = [
        f"{{id: same, x: {i % 100}, y: {i // 100}, width: 1, height: 1}}" for i in range(10_000)
    ]
    deck(builder, rooms, grid="{width: 100, height: 100}")
    campaign = load_campaign(builder.root)
    assert len(campaign.problems) == MAX_LISTED + 1
    assert str(campaign.problems[-1]).endswith("9,899 more problems in this file are not listed")
    assert [room.id for room in campaign.locations["s"].map.decks[0].rooms] == ["same"]  # type: ignore[union-attr]


def test_ten_thousand_rooms_in_one_column_load_without_problems(builder) -> None:
    rooms = [f"{{id: r{i}, x: 0, y: {i}, width: 1, height: 1}}" for i in range(10_000)]
    deck(builder, rooms, grid="{width: 1, height: 10000}")
    campaign = load_campaign(builder.root)
    assert campaign.problems == ()
    plan = campaign.locations["s"].map.decks[0]  # type: ignore[union-attr]
    assert len(plan.rooms) == 10_000 and plan.room_at(0, 9_999).id == "r9999"  # type: ignore[union-attr]


def test_rooms_too_big_to_index_are_said_so_once(builder) -> None:
    rooms = [f"{{id: r{i}, x: 0, y: 0, width: 1000, height: 1000}}" for i in range(3)]
    deck(builder, rooms, grid="{width: 1000, height: 1000}")
    assert [str(p) for p in load_campaign(builder.root).problems] == [
        f"{DECK}:2: the rooms cover more than 1,000,000 cells: overlaps are not checked"
    ]


def test_a_grid_of_a_million_cells_a_side_is_refused(builder) -> None:
    deck(builder, ["{id: a, x: 0, y: 0, width: 2, height: 2}"], grid="{width: 1000000, height: 4}")
    campaign = load_campaign(builder.root)
    assert [str(p) for p in campaign.problems] == [
        f"{DECK}:1: grid: width must be at most {MAX_GRID_CELLS}, not 1000000"
    ]
    plan = campaign.locations["s"].map.decks[0]  # type: ignore[union-attr]
    assert plan.grid is None  # the deck shows "no map yet" rather than a million columns
