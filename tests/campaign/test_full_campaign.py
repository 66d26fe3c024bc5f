"""A campaign using every key of the format loads completely and without problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign import CampaignError, campaign_counts, load_campaign
from desktop.campaign.model import Campaign


@pytest.fixture
def campaign(full_campaign: Path) -> Campaign:
    return load_campaign(full_campaign)


def test_loads_without_problems(campaign: Campaign) -> None:
    assert [str(p) for p in campaign.problems] == []


def test_counts(campaign: Campaign) -> None:
    assert campaign_counts(campaign) == {
        "locations": 8,
        "maps": 2,
        "decks": 5,
        "rooms": 7,
        "doors": 6,
        "terminals": 3,
        "messages": 4,
        "npcs": 3,
        "star systems": 0,
    }


def test_name_from_campaign_yaml(campaign: Campaign) -> None:
    assert campaign.name == "The Long Dark"


def test_name_defaults_to_folder(builder) -> None:
    assert load_campaign(builder.root).name == "camp"


def test_location_tree_any_depth_parents_first(campaign: Campaign) -> None:
    slugs = list(campaign.locations)
    assert campaign.top_level == ("rim", "sol")
    assert slugs.index("sol") < slugs.index("earth") < slugs.index("orbital") < slugs.index("lab")
    orbital = campaign.locations["orbital"]
    assert orbital.parent == "earth"
    assert orbital.children == ("lab",)
    assert campaign.locations["sol"].children == ("derelict", "earth", "outpost")
    assert orbital.path == "galaxy/sol/earth/orbital"
    assert campaign.location("lab") is not None and campaign.location("lab").parent == "orbital"


def test_location_below_a_plain_folder(campaign: Campaign) -> None:
    assert campaign.locations["rim"].children == ("beacon",)
    assert campaign.locations["beacon"].path == "galaxy/rim/sector9/beacon"


def test_location_keys(campaign: Campaign) -> None:
    sol = campaign.locations["sol"]
    assert (sol.name, sol.type, sol.status, sol.description) == ("Sol", "system", "CALM", "Home.")
    assert dict(sol.extra) == {"danger": "low"}
    assert not sol.has_map and sol.map is None


def test_ship(campaign: Campaign) -> None:
    ship = campaign.ship
    assert ship is not None
    assert (ship.name, ship.ship_class, ship.crew_count, ship.crew_capacity) == (
        "SV Tern",
        "Hauler",
        2,
        6,
    )
    assert ship.hull == (30, 40) and ship.armor == (5, 8)
    engines, comms = ship.systems
    assert (engines.name, engines.status, engines.condition, engines.info) == (
        "engines",
        "STRESSED",
        60,
        "Port bell cracked",
    )
    assert comms.status == "OFFLINE" and comms.condition == 0
    assert ship.extra["registry"] == "VR-1"


def test_crew(campaign: Campaign) -> None:
    ana, bo = campaign.crew
    assert (ana.id, ana.name, ana.role, ana.char_class) == (
        "ana",
        "Ana Ruiz",
        "Captain",
        "Teamster",
    )
    assert ana.portrait == campaign.root / "campaign/crew/ana.png"
    assert dict(ana.stats) == {"strength": 30, "speed": 35}
    assert dict(ana.saves) == {"sanity": 30, "fear": 40}
    assert ana.stress == 2 and ana.health == {"current": 10, "max": 12}
    assert ana.extra["skills"] == ["Piloting"]
    assert bo.portrait is None and bo.health == 8


def test_npcs_and_portraits(campaign: Campaign) -> None:
    vex, ola, ghost = campaign.npcs.values()
    assert (vex.id, vex.name, vex.role, vex.faction, vex.location, vex.status) == (
        "vex",
        "Dr. Vex",
        "Scientist",
        "Combine",
        "orbital",
        "ALIVE",
    )
    assert vex.description == "Knows too much."
    assert vex.extra["notes"] == "GM only"
    assert vex.portrait == campaign.root / "campaign/NPCs/images/vex.png"  # old /data/ URL
    assert ola.portrait == campaign.root / "campaign/NPCs/images/ola.png"  # relative to campaign/
    assert ghost.portrait is None


def test_sessions(campaign: Campaign) -> None:
    first, second = campaign.sessions
    assert (first.session_number, first.date, first.title) == (1, "2025-01-05", "The Signal")
    assert (second.session_number, second.date, second.title) == (2, "2025-01-12", "Into the Dark")
    assert second.extra["players"] == ["Ana", "Bo"]
    assert second.body[0].kind == "h1"
    assert [s.text for s in second.body[1].spans] == ["The crew ", "boarded", " the station."]
    assert second.file == "campaign/sessions/session_02.md"


def test_token_images(campaign: Campaign) -> None:
    kinds = {image.id: (image.kind, image.name) for image in campaign.token_images.values()}
    assert kinds == {
        "crew:ana": ("player", "Ana Ruiz"),
        "npc:vex": ("npc", "Dr. Vex"),
        "npc:ola": ("npc", "Ola"),
        "token:alien": ("creature", "Alien"),
        "token:drone": ("creature", "Drone"),
        "token:crate": ("object", "Crate"),
    }
    assert campaign.token_images["token:crate"].path.is_file()


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="campaign folder not found"):
        load_campaign(tmp_path / "nowhere")


def test_file_instead_of_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(CampaignError, match="not a folder"):
        load_campaign(tmp_path / "file")


def test_folder_without_galaxy_or_campaign_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="not a campaign folder"):
        load_campaign(tmp_path)
