"""Nothing of the sample that players read on the bridge (session logs, ship systems) gives away
what the campaign hides: no hidden marker by name, no "hidden"/"not found yet", no GM notes."""

from __future__ import annotations

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as a
from desktop.model.store import Store

GIVEAWAYS = ("hidden", "not found", "gm note", "secret")


def test_the_bridge_gives_no_secret_of_the_sample_away() -> None:
    campaign = load_campaign(sample_campaign_path())
    store = Store(campaign)
    store.dispatch(a.SwitchView("BRIDGE"))
    seen = store.player_frame().data.decode("utf-8").casefold()
    assert "session_number" in seen and "it sings back" in seen  # the logs are there
    hidden = [
        marker.name
        for location in campaign.locations.values()
        if location.map is not None
        for marker in (*location.map.terminals.values(), *location.map.pois.values())
        if marker.hidden
    ]
    assert hidden  # the sample hides things (Hale's cache, the suit uplink)
    words = [*GIVEAWAYS, *(name.casefold() for name in hidden), "cache"]
    assert [word for word in words if word in seen] == []
