"""Players read names and the ship's voice, never ids, slugs, channel keys or coordinates."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.campaign.model import Campaign, Location, LocationMap, frozen_map
from desktop.model import actions as A
from desktop.model.errors import DomainError
from desktop.model.names import counted, humanise, shown_name
from desktop.model.store import Store

from .conftest import open_ship, place
from .factory import SHIP, build_campaign

COORDINATES = re.compile(r"\(\s*-?\d+\s*,\s*-?\d+\s*\)|\bcell\b", re.IGNORECASE)


def test_names_that_only_repeat_an_id_are_made_readable() -> None:
    assert humanise("bridge_terminal") == "Bridge Terminal"
    assert humanise("encounter-lantern_station") == "Encounter Lantern Station"
    assert shown_name("bridge_terminal", "bridge_terminal") == "Bridge Terminal"
    assert shown_name("Ops Console", "bridge_terminal") == "Ops Console"
    assert shown_name("", "poi_hale_cache") == "Poi Hale Cache"
    assert shown_name("t-med", "x", "t-med") == "T Med"


def _nameless(campaign: Campaign) -> Campaign:
    """The test campaign as a folder written without names: every name is its id."""
    ship = campaign.locations[SHIP]
    lmap = ship.map
    assert lmap is not None
    decks = tuple(
        replace(
            d,
            name=d.id,
            rooms=tuple(replace(r, name=r.id) for r in d.rooms),
            terminals=tuple(replace(t, name=t.terminal_slug) for t in d.terminals),
            pois=tuple(replace(p, name=p.id) for p in d.pois),
        )
        for d in lmap.decks
    )
    rooms = {r.id: r for d in decks for r in d.rooms}
    new_map = LocationMap(
        lmap.name,
        decks,
        lmap.default_deck_id,
        frozen_map(rooms),
        lmap.connections,
        lmap.links,
        frozen_map({t.id: t for d in decks for t in d.terminals}),
        frozen_map({p.id: p for d in decks for p in d.pois}),
    )
    terminals = tuple(replace(t, name=t.slug) for t in ship.terminals)
    location: Location = replace(ship, name=SHIP, map=new_map, terminals=terminals)
    npcs = {k: replace(n, name=n.id) for k, n in campaign.npcs.items()}
    crew = tuple(replace(c, name=c.id) for c in campaign.crew)
    locations = {**campaign.locations, SHIP: location}
    return replace(campaign, locations=frozen_map(locations), npcs=frozen_map(npcs), crew=crew)


def test_a_campaign_without_names_shows_readable_ones(tmp_path: Path) -> None:
    store = Store(_nameless(build_campaign(tmp_path)))
    open_ship(store, "r-med", "r-bridge")
    store.dispatch(A.ShowTerminal(SHIP, "med-term"))
    store.dispatch(A.TogglePortrait("kade"))
    snap = store.player_frame().snapshot
    emap = snap["encounter_map"]
    assert isinstance(emap, dict)
    assert [r["name"] for r in emap["rooms"]] == ["R Bridge", "R Med"]
    assert [t["name"] for t in emap["terminals"]] == ["Med Term"]
    assert [p["name"] for p in emap["pois"]] == ["P Kit"]
    assert snap["location_name"] == "Tempest"
    assert snap["encounter_deck_name"] == "Upper"
    assert snap["terminal"]["name"] == "Med Term"  # type: ignore[index]
    assert snap["encounter_npc_data"]["kade"]["name"] == "Kade"  # type: ignore[index]
    assert snap["charon_active_channel"] == "encounter-tempest"  # a key for writes
    assert snap["charon_channel_name"] == "Tempest"  # what the header shows
    store.dispatch(A.SwitchView("BRIDGE"))
    snap = store.player_frame().snapshot
    assert snap["charon_channel_name"] == "Bridge"
    assert [c["name"] for c in snap["crew"]] == ["Reyes"]  # type: ignore[union-attr]


def _refusals(store: Store) -> list[str]:
    """Every refusal a player can meet when moving a token."""
    open_ship(store, "r-bridge", "r-corr")
    mine = place(store, 1, 1)
    place(store, 2, 1)
    npc = place(store, 3, 1, "npc", "Kade")
    hidden = place(store, 1, 2)
    store.dispatch(A.UpdateTokenStatus(hidden, ("hidden",)))
    vault = place(store, 10, 3)
    attempts = [
        A.MoveToken("no-such-token", 1, 3),
        A.MoveToken(hidden, 1, 3),
        A.MoveToken(vault, 1, 3),
        A.MoveToken(npc, 3, 2),
        A.MoveToken(mine, 1, 1, deck_id="lower"),
        A.MoveToken(mine, 2, 2, location_slug="derelict"),
        A.MoveToken(mine, 6, 3),  # the hidden medbay
        A.MoveToken(mine, 19, 11),  # outside every room
        A.MoveToken(mine, 2, 1),  # occupied
        A.MarkMailRead("m1"),
    ]
    found = []
    for action in attempts:
        with pytest.raises(DomainError) as refused:
            store.dispatch(action, actor=A.PLAYER)
        found.append(refused.value.message)
    return found


def test_player_refusals_speak_like_the_ship(store: Store) -> None:
    refusals = _refusals(store)
    assert refusals[1] == refusals[2] == refusals[0]  # hidden reads as not there
    assert "ACCESS DENIED \u2014 AREA NOT SURVEYED" in refusals
    ids = set(store.campaign.locations) | {"no-such-token", "lower", "derelict", "npc", "m1"}
    ids |= {r for loc in store.campaign.locations.values() if loc.map for r in loc.map.rooms}
    for text in refusals:
        assert text == text.upper(), text
        assert not COORDINATES.search(text), text
        for ident in ids:
            assert not re.search(rf"\b{re.escape(ident)}\b", text, re.IGNORECASE), (ident, text)


def test_counts_read_in_the_right_number() -> None:
    assert [counted(1, "window"), counted(2, "window"), counted(0, "room")] == [
        "1 window",
        "2 windows",
        "0 rooms",
    ]
    assert counted(3, "mouse", "mice") == "3 mice"
