"""A campaign written the original system's way loads, and `check` names exactly its two
deliberate mistakes (two crew portraits that lead nowhere)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.campaign import load_campaign

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"


def test_check_lists_the_counts_and_the_two_wrong_portraits(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "check", str(ORIGINAL)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:8] == [
        "locations: 3",
        "maps: 1",
        "decks: 2",
        "rooms: 11",
        "doors: 10",
        "terminals: 2",
        "messages: 4",
        "npcs: 3",
    ]
    problems = [line for line in lines if line.startswith("campaign/")]
    assert problems == [
        "campaign/crew.yaml:6: crew 'vance': image file not found: "
        "campaign/crew/images/vance_portrait.png",
        "campaign/crew.yaml:15: crew 'okoro': image file not found: "
        "/data/campaign/crew/img/okoro.jpg",
    ]


def test_the_original_campaign_keeps_its_shape() -> None:
    campaign = load_campaign(ORIGINAL)
    relay = campaign.location("relay_nine")
    assert relay is not None and relay.map is not None
    rooms = list(relay.map.rooms.values())
    for i, a in enumerate(rooms):  # separate boxes: no two rooms of a deck touch
        for b in rooms[i + 1 :]:
            if a.deck_id == b.deck_id:
                apart_x = a.x + a.width < b.x or b.x + b.width < a.x
                apart_y = a.y + a.height < b.y or b.y + b.height < a.y
                assert apart_x or apart_y, (a.id, b.id)
    doors = [c for c in relay.map.connections.values() if c.door_type]
    assert {c.door_type for c in doors} == {"standard", "airlock", "blast_door", "emergency"}
    assert {c.door_status for c in doors} == {"OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"}
    assert any(not c.door_type for c in relay.map.connections.values())  # a bare passage
    assert [k.type for k in relay.map.links.values()] == ["ladder", "ladder"]
    assert campaign.crew[0].health == {"current": 12, "max": 16}
    assert [c.portrait is not None for c in campaign.crew] == [False, False, True, True]
    assert [n.portrait is not None for n in campaign.npcs.values()] == [True, True, False]
    assert {t.slug: t.name for t in relay.terminals}["ops_terminal"] == "ops_terminal"
