"""Fixture campaigns written into tmp_path: a builder, and one campaign using every key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

# The smallest valid PNG (1x1, transparent): enough for "an image file exists".
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'


class CampaignBuilder:
    """Writes a campaign folder file by file; YAML is written as given so lines are known."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, text: str) -> Path:
        """Write `text` (dedented, leading newline dropped) to `rel`."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def image(self, rel: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".svg":
            path.write_text(SVG, encoding="utf-8")
        else:
            path.write_bytes(PNG)
        return path

    def location(self, folder: str, name: str, kind: str = "station", **extra: str) -> Path:
        lines = [f"name: {name}", f"type: {kind}"]
        lines += [f"{key}: {value}" for key, value in extra.items()]
        return self.write(f"galaxy/{folder}/location.yaml", "\n".join(lines) + "\n")

    def message(self, rel: str, front: str, body: str = "Body.\n") -> Path:
        return self.write(rel, "---\n" + textwrap.dedent(front).lstrip("\n") + "---\n" + body)


@pytest.fixture
def builder(tmp_path: Path) -> CampaignBuilder:
    """An empty campaign folder (with a campaign/ folder so it counts as one)."""
    made = CampaignBuilder(tmp_path / "camp")
    (made.root / "campaign").mkdir()
    (made.root / "galaxy").mkdir()
    return made


@pytest.fixture
def full_campaign(builder: CampaignBuilder) -> Path:
    """A campaign that uses every key of the format, with no problem in it."""
    write_people(builder)
    write_galaxy(builder)
    write_station_map(builder)
    write_mail(builder)
    return builder.root


def write_people(b: CampaignBuilder) -> None:
    b.write("campaign.yaml", "name: The Long Dark\n")
    b.write(
        "campaign/ship.yaml",
        """
        ship:
          name: SV Tern
          class: Hauler
          crew_count: 2
          crew_capacity: 6
          hull: {current: 30, max: 40}
          armor: {current: 5, max: 8}
          systems:
            engines: {status: STRESSED, condition: 60, info: Port bell cracked}
            comms: {status: OFFLINE, condition: 0, info: ""}
          registry: VR-1
        """,
    )
    b.write(
        "campaign/crew.yaml",
        """
        crew:
          - id: ana
            name: Ana Ruiz
            role: Captain
            class: Teamster
            portrait: crew/ana.png
            stats: {strength: 30, speed: 35}
            saves: {sanity: 30, fear: 40}
            stress: 2
            health: {current: 10, max: 12}
            skills: [Piloting]
          - id: bo
            name: Bo
            role: Medic
            class: Scientist
            stats: {}
            saves: {}
            stress: 0
            health: 8
        """,
    )
    b.image("campaign/crew/ana.png")
    b.write(
        "campaign/npcs.yaml",
        """
        npcs:
          - id: vex
            name: Dr. Vex
            role: Scientist
            faction: Combine
            location: orbital
            portrait: /data/campaign/NPCs/images/vex.png
            status: ALIVE
            description: Knows too much.
            notes: GM only
          - id: ola
            name: Ola
            role: Guard
            portrait: NPCs/images/ola.png
          - id: ghost
            name: The Ghost
            role: Unknown
        """,
    )
    b.image("campaign/NPCs/images/vex.png")
    b.image("campaign/NPCs/images/ola.png")
    b.write(
        "campaign/sessions/session_02.md",
        """
        ---
        session_number: 2
        date: 2025-01-12
        title: Into the Dark
        players: [Ana, Bo]
        ---
        # Recap
        The crew **boarded** the station.
        """,
    )
    b.write(
        "campaign/sessions/session_01.md",
        """
        ---
        session_number: 1
        date: "2025-01-05"
        title: The Signal
        ---
        A signal.
        """,
    )
    b.image("campaign/tokens/alien.png")
    b.image("campaign/tokens/creatures/drone.svg")
    b.image("campaign/tokens/objects/crate.png")


def write_galaxy(b: CampaignBuilder) -> None:
    b.location("sol", "Sol", "system", status="CALM", description="Home.", danger="low")
    b.location("sol/earth", "Earth", "planet")
    b.location("sol/earth/orbital", "Orbital Nine", "station", status="LOCKDOWN")
    b.location("sol/earth/orbital/lab", "The Lab", "room")
    b.write(
        "galaxy/sol/earth/orbital/lab/map/lab.yaml",
        """
        name: Lab Floor
        grid: {width: 6, height: 4}
        rooms:
          - {id: bench, name: Bench, x: 0, y: 0, width: 3, height: 4}
          - {id: store, name: Store, x: 3, y: 0, width: 3, height: 4, status: HAZARD}
        doors:
          - {id: old1, type: blast_door, room_a: bench, room_b: store, status: SEALED}
          - {id: old2, room_a: store, room_b: bench}
        """,
    )
    b.location("sol/derelict", "Derelict", "ship")
    b.write("galaxy/sol/derelict/map/derelict.yaml", "grid: {width: 10, height: 10}\n")
    b.location("sol/outpost", "Outpost", "base")
    b.write("galaxy/sol/outpost/map/outpost.yaml", "# nothing drawn yet\n")
    b.location("rim", "The Rim", "system")
    b.write("galaxy/rim/notes/readme.txt", "not a location\n")
    b.location("rim/sector9/beacon", "Beacon", "station")  # below a plain folder


def write_station_map(b: CampaignBuilder) -> None:
    base = "galaxy/sol/earth/orbital/map"
    b.write(
        f"{base}/manifest.yaml",
        """
        name: Orbital Nine
        total_decks: 2
        decks:
          - id: upper
            name: Upper Deck
            file: upper.yaml
            level: 2
            description: Command
          - id: lower
            name: Lower Deck
            file: lower.yaml
            level: 1
            default: true
        """,
    )
    b.write(
        f"{base}/upper.yaml",
        """
        grid: {width: 20, height: 10, unit_size: 32}
        rooms:
          - {id: bridge, name: Bridge, x: 0, y: 0, width: 5, height: 4,
             description: Dark., status: WARNING}
          - {id: hall, name: Hall, x: 5, y: 0, width: 10, height: 2}
          - {id: office, name: Office, x: 5, y: 2, width: 4, height: 3, status: OFFLINE}
        connections:
          - {id: d1, from: bridge, to: hall, door_type: standard, door_status: OPEN}
          - {id: d2, from: hall, to: office, door_type: airlock}
          - {id: p1, from: bridge, to: office}
          - {id: d3, from: office, to: bridge, door_type: emergency, door_status: LOCKED}
        inter_deck_connections:
          - {id: lift1, from_room: hall, to_deck: lower, to_room: bay, type: lift, status: ONLINE}
        terminals:
          - id: t1
            room: office
            position: {x: 6.5, y: 3}
            terminal_slug: ops
            name: Ops Console
          - {id: t2, room: bridge, position: {x: 1, y: 1}, terminal_slug: lab, name: Lab Link,
             hidden: true}
        poi:
          - id: cache
            type: item
            room: office
            position: {x: 7, y: 4.5}
            name: Hidden Cache
            icon: box
            status: sealed
            description: Under the floor.
            hidden: true
          - {id: goal, type: objective, room: bridge, position: {x: 2, y: 2}, name: Black Box}
        """,
    )
    b.write(
        f"{base}/lower.yaml",
        """
        grid: {width: 12, height: 8}
        rooms:
          - {id: bay, name: Cargo Bay, x: 0, y: 0, width: 6, height: 8}
          - {id: engine, name: Engine, x: 6, y: 0, width: 6, height: 8, status: HAZARD}
        connections:
          - {id: d4, from: bay, to: engine, door_type: blast_door, door_status: DAMAGED}
        inter_deck_connections:
          - {id: lift2, from_room: bay, to_deck: upper, to_room: hall, type: lift, status: ONLINE}
        poi:
          - {id: spill, type: hazard, room: engine, position: {x: 8, y: 3}, name: Coolant}
        """,
    )
    b.image(f"{base}/upper.png")


def write_mail(b: CampaignBuilder) -> None:
    comms = "galaxy/sol/earth/orbital/comms"
    b.write(
        f"{comms}/ops/terminal.yaml",
        """
        owner: Dr. Vex
        terminal_id: OPS-1
        access_level: RESTRICTED
        description: Operations console
        name: Ops Console
        """,
    )
    b.write(
        f"{comms}/lab/terminal.yaml",
        "owner: Lab Tech\nterminal_id: LAB-2\naccess_level: CLASSIFIED\ndescription: Lab\n",
    )
    b.message(
        f"{comms}/messages/001.md",
        """
        timestamp: "2183-06-01 08:00:00"
        priority: HIGH
        subject: Samples
        from: Lab Tech
        to: Dr. Vex
        message_id: m1
        conversation_id: c1
        read: true
        """,
        "The samples are **ready**.\n<script>alert(1)</script>\n",
    )
    b.message(
        f"{comms}/messages/002.md",
        """
        timestamp: 2183-06-01 09:30:00
        priority: CRITICAL
        subject: "Re: Samples"
        from: Dr. Vex
        to: Lab Tech, Security
        message_id: m2
        conversation_id: c1
        in_reply_to: m1
        """,
    )
    outpost = "galaxy/sol/outpost/comms/jones"
    b.write(
        f"{outpost}/terminal.yaml",
        "owner: Jones\nterminal_id: J-1\naccess_level: PUBLIC\ndescription: Old terminal\n",
    )
    b.message(
        f"{outpost}/inbox/smith/001.md",
        """
        timestamp: "2183-05-01 10:00:00"
        priority: LOW
        subject: Shift
        from: Smith
        to: Jones
        message_id: o1
        """,
    )
    b.message(
        f"{outpost}/sent/smith/002.md",
        """
        timestamp: "2183-05-02 10:00:00"
        priority: NORMAL
        subject: Re Shift
        from: Jones
        to: Smith
        message_id: o2
        """,
    )
