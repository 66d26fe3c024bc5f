"""Markers moved apart (geometry.spread) give what checking every pair gives, for crowds too."""

from __future__ import annotations

import random

from desktop.campaign.model import Room
from desktop.model.geometry import MARKER_SPACING, NAME_BAND, spread

Point = tuple[float, float]


def reference(points: list[Point], room: Room | None) -> list[Point]:
    """The rule written plainly: each marker against every marker placed before it."""

    def clear(p: Point, placed: list[Point]) -> bool:
        return all(max(abs(p[0] - q[0]), abs(p[1] - q[1])) >= MARKER_SPACING for q in placed)

    def inside(p: Point, r: Room) -> bool:
        top = r.y + min(NAME_BAND, r.height * 0.62)
        margin = MARKER_SPACING / 2
        return (
            r.x + margin <= p[0] <= r.x + r.width - margin
            and top <= p[1] <= r.y + r.height - margin
        )

    placed: list[Point] = []
    for p in points:
        if room is not None:
            top = room.y + min(NAME_BAND, room.height * 0.62)
            p = (p[0], max(p[1], min(top, room.y + room.height - MARKER_SPACING / 2)))
        spot = p
        if not clear(p, placed):
            for ring in range(1, 6):
                spots = sorted(
                    ((p[0] + i * MARKER_SPACING, p[1] + j * MARKER_SPACING)
                     for j in range(-ring, ring + 1) for i in range(-ring, ring + 1)
                     if max(abs(i), abs(j)) == ring),
                    key=lambda s: (abs(s[1] - p[1]), abs(s[0] - p[0]), s[0], s[1]),
                )  # fmt: skip
                found = [s for s in spots if (room is None or inside(s, room)) and clear(s, placed)]
                if found:
                    spot = (round(found[0][0], 3), round(found[0][1], 3))
                    break
        placed.append(spot)
    return placed


def test_spread_matches_the_plain_rule_on_random_rooms() -> None:
    rng = random.Random(13)
    for _ in range(200):
        room = Room(
            "r",
            "R",
            rng.randint(-3, 3),
            rng.randint(-3, 3),
            rng.randint(1, 8),
            rng.randint(1, 8),
            "d",
        )
        count = rng.randint(1, 40)
        points = [
            (rng.choice([room.x + 0.5, room.x + rng.random() * room.width, -1.37]),
             rng.choice([room.y + 1.0, room.y + rng.random() * room.height, 2.4]))
            for _ in range(count)
        ]  # fmt: skip
        assert spread(points, room) == reference(points, room)
        assert spread(points, None) == reference(points, None)


def test_three_thousand_markers_in_one_room() -> None:
    room = Room("r", "R", 0, 0, 20, 20, "d")
    points = [(float(i % 20), float(i // 20 % 20)) for i in range(3_000)]
    placed = spread(points, room)
    assert len(placed) == 3_000
    assert placed[:400] == reference(points[:400], room)
