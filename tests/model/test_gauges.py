"""Hull, armor, crew health and stress set by the GM reach the players (issue 12, defect 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.errors import InvalidInput, NotFound
from desktop.model.store import Store
from desktop.storage.persistence import StateFile


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(sample_campaign_path())


def bridge(campaign: Campaign) -> Store:
    """The players look at the bridge: the ship and crew are in their snapshot."""
    store = Store(campaign)
    store.dispatch(A.SwitchView("BRIDGE"))
    return store


def crew(store: Store, crew_id: str) -> dict[str, object]:
    members = store.player_frame().snapshot["crew"]
    return next(m for m in members if m["id"] == crew_id)


def test_hull_and_armor_reach_the_bridge_and_undo_takes_them_back(campaign: Campaign) -> None:
    store = bridge(campaign)
    hull_max = campaign.ship.hull[1] if campaign.ship else 0
    store.dispatch(A.SetGauge("hull", 7))
    store.dispatch(A.SetGauge("armor", 2))
    ship = store.player_frame().snapshot["ship"]
    assert ship["hull"] == {"current": 7, "max": hull_max}
    assert ship["armor"]["current"] == 2
    assert store.undo_label == "Set armor"
    store.undo()
    store.undo()
    assert store.player_frame().snapshot["ship"]["hull"]["current"] == campaign.ship.hull[0]  # type: ignore[union-attr]
    assert store.state.gauges == {}


def test_crew_health_keeps_the_campaigns_shape_and_stress_is_a_number(campaign: Campaign) -> None:
    store = bridge(campaign)
    member = campaign.crew[0]
    before = crew(store, member.id)
    assert isinstance(before["health"], dict)
    store.dispatch(A.SetGauge("health", 3, member.id))
    store.dispatch(A.SetGauge("stress", 9, member.id))
    after = crew(store, member.id)
    assert after["health"] == {**before["health"], "current": 3}  # type: ignore[dict-item]
    assert after["stress"] == 9
    assert store.undo_label == f"Set {member.name}'s stress"


def test_bad_gauges_are_refused_with_the_reason_and_nothing_changes(campaign: Campaign) -> None:
    store = bridge(campaign)
    revision = store.state.revision
    health_max = crew(store, campaign.crew[0].id)["health"]["max"]  # type: ignore[index]
    with pytest.raises(InvalidInput, match="between 0 and"):
        store.dispatch(A.SetGauge("health", health_max + 1, campaign.crew[0].id))
    with pytest.raises(InvalidInput, match="between 0 and"):
        store.dispatch(A.SetGauge("hull", -1))
    with pytest.raises(NotFound):
        store.dispatch(A.SetGauge("stress", 2, "nobody"))
    with pytest.raises(InvalidInput, match="missing field 'crew_id'"):
        A.SetGauge.from_body({"gauge": "health", "value": 3})
    assert store.state.revision == revision


def test_gauges_survive_a_restart(tmp_path: Path, campaign: Campaign) -> None:
    path = tmp_path / "table.sqlite"
    first = StateFile(path)
    store = Store(campaign, first.load())
    first.attach(store)
    store.dispatch(A.SetGauge("hull", 5))
    store.dispatch(A.SetGauge("stress", 11, campaign.crew[1].id))
    first.close()
    second = StateFile(path)
    try:
        loaded = second.load()
    finally:
        second.close()
    assert loaded is not None
    assert loaded.gauges == store.state.gauges
