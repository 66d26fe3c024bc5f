"""The star map in the snapshots: hidden things never sent, the ship's course, the shown view."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from desktop.campaign import load_campaign, sample_campaign_path
from desktop.campaign.model import Campaign
from desktop.model import actions as A
from desktop.model.codec import meta_out, state_in
from desktop.model.errors import Conflict, NotFound
from desktop.model.store import Store

from .conftest import make_store


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


@pytest.fixture
def store(sample: Campaign) -> Store:
    made = make_store(sample)  # checks both snapshots against the schema after every change
    made.dispatch(A.SwitchView(view_type="BRIDGE"))
    return made


def star(store: Store) -> Any:
    return store.player_frame().snapshot["star_map"]


def names(part: Any) -> list[str]:
    return [s["name"] for s in part["galaxy"]["systems"]]


def test_the_bridge_sends_the_galaxy_without_hidden_systems(store: Store) -> None:
    part = star(store)
    assert names(part) == [
        "Vesper Reach",
        "Cinder Verge",
        "Marrow Gate",
        "Ossuary Drift",
        "Hollow Crown",
        "Thule Anchorage",
    ]
    assert part["view"] == {"level": "galaxy", "key": ""}
    assert b"Nadir" not in store.player_frame().data  # nor its route, nor its info
    assert all("Nadir" not in (r["from"], r["to"]) for r in part["galaxy"]["routes"])
    assert sorted(part["systems"]) == ["cinder_verge", "vesper_reach"]
    assert "hidden" not in orjson.dumps(part).decode()
    gm = store.gm_snapshot()["star_map"]
    assert [s["name"] for s in gm["galaxy"]["systems"] if s["hidden"]] == ["Nadir"]


def test_revealing_and_hiding_a_system(store: Store) -> None:
    store.dispatch(A.SetStarVisibility(key="Nadir", visible=True))
    assert "Nadir" in names(star(store))
    assert any(r["to"] == "Nadir" for r in star(store)["galaxy"]["routes"])
    store.dispatch(A.SetStarVisibility(key="vesper_reach", visible=False))
    part = star(store)
    assert "Vesper Reach" not in names(part)
    text = orjson.dumps(part)
    for gone in (b"Vesper", b"Gallowmere", b"Tithe", b"Lantern", b"Bellwether"):
        assert gone not in text
    assert sorted(part["systems"]) == ["cinder_verge"] and part["orbits"] == {}
    store.undo()
    assert "Vesper Reach" in names(star(store))


def test_a_hidden_moon_is_left_out_of_its_orbit_map(store: Store) -> None:
    store.dispatch(A.SetStarVisibility(key="vesper_reach/gallowmere/tithe", visible=False))
    orbit = star(store)["orbits"]["vesper_reach/gallowmere"]
    assert [m["name"] for m in orbit["moons"]] == ["Penance"]
    store.dispatch(A.SetStarVisibility(key="vesper_reach/gallowmere", visible=False))
    assert star(store)["orbits"] == {}
    assert "Gallowmere" not in [b["name"] for b in star(store)["systems"]["vesper_reach"]["bodies"]]


def test_the_ship_course_follows_the_routes(store: Store) -> None:
    store.dispatch(A.SetShipCourse(at="vesper_reach", to="Ossuary Drift"))
    ship = star(store)["ship"]
    assert ship == {
        "at": "vesper_reach",
        "course": ["vesper_reach", "Marrow Gate", "Ossuary Drift"],
    }
    store.dispatch(A.SetShipCourse(at="vesper_reach/gallowmere", to="Nadir"))
    ship = star(store)["ship"]  # Nadir is hidden: the course stops short of it
    assert ship == {"at": "vesper_reach/gallowmere", "course": ["vesper_reach", "Thule Anchorage"]}
    assert b"Nadir" not in store.player_frame().data


def test_show_a_view_counts_each_show(store: Store) -> None:
    store.dispatch(A.ShowStarView(view="orbit:vesper_reach/gallowmere"))
    store.dispatch(A.ShowStarView(view="orbit:vesper_reach/gallowmere"))
    part = star(store)
    assert part["view"] == {"level": "orbit", "key": "vesper_reach/gallowmere"}
    assert part["shows"] == 2
    with pytest.raises(NotFound, match="unknown star-map view 'system:nowhere'"):
        store.dispatch(A.ShowStarView(view="system:nowhere"))
    with pytest.raises(NotFound, match="unknown star-map thing 'nope'"):
        store.dispatch(A.SetStarVisibility(key="nope", visible=True))


def test_an_encounter_at_a_planet_without_a_deck_plan_shows_its_orbit_map(store: Store) -> None:
    store.dispatch(A.SwitchView(view_type="ENCOUNTER", location_slug="gallowmere"))
    assert star(store)["view"] == {"level": "orbit", "key": "vesper_reach/gallowmere"}
    store.dispatch(A.SwitchView(view_type="ENCOUNTER", location_slug="vesper_reach"))
    assert star(store)["view"] == {"level": "system", "key": "vesper_reach"}
    store.dispatch(A.SwitchView(view_type="ENCOUNTER", location_slug="tithe"))
    assert star(store)["view"] == {"level": "orbit", "key": "vesper_reach/gallowmere"}
    store.dispatch(A.SetStarVisibility(key="vesper_reach/gallowmere/tithe", visible=False))
    assert star(store) is None  # a hidden moon shows its card, not its planet's orbit
    assert store.player_frame().snapshot["location_card"]["name"] == "Tithe"
    store.dispatch(A.SwitchView(view_type="ENCOUNTER", location_slug="lantern_station"))
    assert star(store) is None  # a deck plan: the map, not the stars


def test_the_star_state_survives_the_state_file(store: Store) -> None:
    store.dispatch(A.SetStarVisibility(key="Nadir", visible=True))
    store.dispatch(A.SetShipCourse(at="vesper_reach", to="Marrow Gate"))
    store.dispatch(A.ShowStarView(view="system:cinder_verge"))
    meta = orjson.loads(orjson.dumps(meta_out(store.state)))
    back = state_in(meta, store.state.revision, {}, (), {})
    assert back.star == store.state.star


def test_a_course_through_hidden_systems_tells_players_nothing_of_them(store: Store) -> None:
    """Players see the course only from a place they see, and only up to the first system
    they do not: never a ship placed nowhere, never a jump across a hidden stop."""
    store.dispatch(A.SetStarVisibility(key="cinder_verge", visible=False))
    store.dispatch(A.SetShipCourse(at="cinder_verge", to="Nadir"))  # from a hidden system
    assert star(store)["ship"] == {"at": "", "course": []}
    store.dispatch(A.SetShipCourse(at="vesper_reach", to="Hollow Crown"))  # through one
    gm = store.gm_snapshot()["star_map"]["ship"]
    assert "cinder_verge" in gm["course"], "the route must go through the hidden system"
    assert star(store)["ship"] == {"at": "vesper_reach", "course": []}


def test_a_hidden_view_cannot_be_shown_and_the_displays_hear_nothing(store: Store) -> None:
    """Showing a system or an orbit players do not see is refused, naming why; the displays'
    frame does not change (a show of nothing flew them to the galaxy and said that the GM
    had tried to show them something hidden)."""
    store.dispatch(A.SetStarVisibility(key="cinder_verge", visible=False))
    store.dispatch(A.SetStarVisibility(key="vesper_reach/gallowmere", visible=False))
    before = store.player_frame()
    for view in ("system:cinder_verge", "orbit:vesper_reach/gallowmere"):
        with pytest.raises(Conflict, match="hidden from players: reveal it first"):
            store.dispatch(A.ShowStarView(view=view))
    assert store.player_frame().data == before.data
    store.dispatch(A.ShowStarView(view="system:vesper_reach"))  # a seen one still shows
    assert star(store)["view"] == {"level": "system", "key": "vesper_reach"}
