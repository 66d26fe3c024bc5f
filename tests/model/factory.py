"""A campaign built directly from objects: a two-deck ship, a map-less place, a derelict."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from desktop.campaign.model import (
    Block,
    Campaign,
    Connection,
    CrewMember,
    Deck,
    Grid,
    InterDeckLink,
    Location,
    LocationMap,
    MapTerminal,
    Message,
    Npc,
    Poi,
    Room,
    SessionLog,
    Ship,
    ShipSystem,
    Span,
    Terminal,
    TokenImage,
    frozen_map,
)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

SHIP = "tempest"  # two decks
OUTPOST = "outpost"  # no map
DERELICT = "derelict"  # one deck

# Rooms of the upper deck: the vault is the hidden one tests look for in the player bytes.
UPPER_ROOMS = (
    Room("r-bridge", "Command Deck", 0, 0, 5, 4, "upper", "Screens glow."),
    Room("r-corr", "Spinal Corridor", 5, 0, 8, 2, "upper"),
    Room("r-med", "Medbay", 5, 2, 4, 3, "upper", "Beds.", "WARNING"),
    Room("r-vault", "Secret Vault", 9, 2, 4, 3, "upper", "Gold bars."),
    Room("r-cargo", "Cargo Bay", 13, 0, 5, 5, "upper"),
)
LOWER_ROOMS = (
    Room("r-engine", "Engine Room", 0, 0, 5, 5, "lower"),
    Room("r-reactor", "Reactor Core", 5, 0, 5, 5, "lower", "Hot."),
)
UPPER_CONNECTIONS = (
    Connection("c-bridge-corr", "r-bridge", "r-corr", "upper", "standard", "CLOSED"),
    Connection("c-corr-med", "r-corr", "r-med", "upper"),  # a passage
    Connection("c-med-vault", "r-med", "r-vault", "upper", "blast_door", "LOCKED"),
    Connection("c-corr-cargo", "r-corr", "r-cargo", "upper", "airlock", "OPEN"),
    Connection("c-vault-cargo", "r-vault", "r-cargo", "upper", "standard", "CLOSED"),
)
LOWER_CONNECTIONS = (
    Connection("c-eng-reac", "r-engine", "r-reactor", "lower", "emergency", "SEALED"),
)


def _ship_map(background: Path) -> LocationMap:
    upper = Deck(
        "upper",
        "Upper Deck",
        1,
        "galaxy/tempest/map/upper.yaml",
        Grid(20, 12),
        UPPER_ROOMS,
        UPPER_CONNECTIONS,
        (
            InterDeckLink(
                "l-ladder", "r-cargo", "lower", "r-engine", "ladder", "OPERATIONAL", "upper"
            ),
        ),
        (
            MapTerminal("t-med", "r-med", 6.5, 3.0, "med-term", "Med Console", "upper"),
            MapTerminal(
                "t-vault", "r-vault", 10.0, 3.0, "vault-term", "Vault Console", "upper", True
            ),
        ),
        (
            Poi("p-kit", "item", "r-med", 7.0, 4.0, "Med Kit", "upper", "kit", "", "Bandages."),
            Poi("p-cache", "item", "r-bridge", 1.0, 1.0, "Hidden Cache", "upper", hidden=True),
            Poi("p-gold", "objective", "r-vault", 11.0, 4.0, "Gold Pile", "upper"),
        ),
        default=True,
        background=background,
    )
    lower = Deck(
        "lower",
        "Lower Deck",
        0,
        "galaxy/tempest/map/lower.yaml",
        Grid(10, 10),
        LOWER_ROOMS,
        LOWER_CONNECTIONS,
        (),
        (),
        (Poi("p-core", "hazard", "r-reactor", 7.0, 2.0, "Unstable Core", "lower"),),
    )
    decks = (lower, upper)
    return _index("Tempest Plans", decks, "upper")


def _index(name: str, decks: tuple[Deck, ...], default: str) -> LocationMap:
    return LocationMap(
        name,
        decks,
        default,
        frozen_map({r.id: r for d in decks for r in d.rooms}),
        frozen_map({c.id: c for d in decks for c in d.connections}),
        frozen_map({k.id: k for d in decks for k in d.links}),
        frozen_map({t.id: t for d in decks for t in d.terminals}),
        frozen_map({p.id: p for d in decks for p in d.pois}),
    )


def _derelict_map() -> LocationMap:
    deck = Deck(
        "main",
        "Main",
        0,
        "galaxy/derelict/map/main.yaml",
        Grid(8, 8),
        (
            Room("r-hold", "Derelict Hold", 0, 0, 3, 3, "main"),
            Room("r-lab", "Derelict Lab", 3, 0, 3, 3, "main"),
        ),
        (Connection("c-hold-lab", "r-hold", "r-lab", "main", "standard", "CLOSED"),),
    )
    return _index("Derelict", (deck,), "main")


def _mail() -> tuple[Terminal, ...]:
    body = (Block("p", (Span("Patient "), Span("stable", ("strong",)))),)
    inbox = Message(
        "m1", "2183-01-02 10:00:00", "HIGH", "Lab results", "Lab", "Dr. Kade", body, "m1.md"
    )
    sent = Message(
        "m2", "2183-01-02 11:00:00", "LOW", "Re: results", "Dr. Kade", "Lab", (), "m2.md"
    )
    vault = Message(
        "m3", "2183-01-03 09:00:00", "CRITICAL", "VAULT CODE 4471", "Boss", "Vault", (), "m3.md"
    )
    return (
        Terminal(
            "med-term", "Sickbay Terminal", "Dr. Kade", "T-1", "PUBLIC", "", (inbox,), (sent,)
        ),
        Terminal("vault-term", "Vault Terminal", "Vault", "T-2", "CLASSIFIED", "", (vault,), ()),
    )


def build_campaign(root: Path) -> Campaign:
    """The test campaign; portraits and token images are real tiny files under root."""
    root.mkdir(parents=True, exist_ok=True)
    files = {}
    for name in ("kade.png", "reyes.png", "alien.png", "crate.png", "upper.png"):
        files[name] = root / name
        files[name].write_bytes(PNG)
    terminals = _mail()
    locations = {
        SHIP: Location(
            SHIP,
            "ISV Tempest",
            "ship",
            "adrift",
            "A derelict hauler.",
            "galaxy/tempest",
            "",
            (),
            _ship_map(files["upper.png"]),
            terminals,
        ),
        OUTPOST: Location(
            OUTPOST, "Rimward Outpost", "base", "quiet", "A dusty outpost.", "galaxy/outpost", ""
        ),
        DERELICT: Location(
            DERELICT,
            "Derelict Husk",
            "station",
            "dead",
            "",
            "galaxy/derelict",
            "",
            (),
            _derelict_map(),
        ),
    }
    npcs = {
        "kade": Npc(
            "kade",
            "Dr. Kade",
            "Medic",
            description="Is secretly the killer.",
            portrait=files["kade.png"],
        ),
        "ghost": Npc("ghost", "The Whisper", "Unknown", description="NPC-DESC-SECRET"),
    }
    crew = (
        CrewMember(
            "reyes",
            "Reyes",
            "Pilot",
            "Teamster",
            files["reyes.png"],
            frozen_map({"str": 30}),
            frozen_map({"fear": 25}),
            2,
            {"current": 10, "max": 12},
        ),
    )
    ship = Ship(
        "Hadal",
        "Hauler",
        4,
        6,
        (30, 40),
        (5, 8),
        (
            ShipSystem("life_support"),
            ShipSystem("engines", "STRESSED", 70, "Leaking"),
            ShipSystem("comms"),
        ),
    )
    sessions = (
        SessionLog("s1.md", 1, "2183-01-01", "Arrival", (Block("h1", (Span("Day one"),)),)),
    )
    images = {
        "token:alien": TokenImage("token:alien", "Alien", "creature", files["alien.png"]),
        "token:crate": TokenImage("token:crate", "Crate", "object", files["crate.png"]),
        "npc:kade": TokenImage("npc:kade", "Dr. Kade", "npc", files["kade.png"]),
        "crew:reyes": TokenImage("crew:reyes", "Reyes", "player", files["reyes.png"]),
    }
    return Campaign(
        root,
        "Test Campaign",
        frozen_map(locations),
        (SHIP, OUTPOST, DERELICT),
        frozen_map(npcs),
        crew,
        ship,
        sessions,
        frozen_map(images),
    )


def seeded_ids(seed: int) -> Callable[[], str]:
    """Reproducible opaque ids, shaped like the real ones."""
    rng = random.Random(seed)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return lambda: "".join(rng.choices(alphabet, k=11))


def ticking_clock(start: float = 1_700_000_000.0) -> Callable[[], float]:
    """A clock that advances one second per reading."""
    now = [start]

    def clock() -> float:
        now[0] += 1.0
        return now[0]

    return clock
