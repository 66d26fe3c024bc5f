"""What of a draft players have not seen, named for the GM: rooms not revealed, NPCs not on a
display, mail not opened; once players have seen it, no warning."""

from __future__ import annotations

import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.charon.exposure import gm_only
from desktop.model.state import LocationState, TableState, mail_key


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


def test_an_unrevealed_room_and_an_unseen_npc_are_named(sample: Campaign) -> None:
    text = "LIO FARRANT, ICE CUTTER. LOCATION LANTERN STATION, COLD STORAGE. STATUS INJURED."
    assert gm_only(text, sample, TableState()) == (
        "Cold Storage (not revealed)",
        "Lio Farrant (not seen by the players)",
    )


def test_what_players_have_seen_is_clean(sample: Campaign) -> None:
    station = LocationState("", revealed=frozenset({"cold_storage"}))
    state = TableState(locations={"lantern_station": station}, portraits=("farrant",))
    text = "LIO FARRANT. LOCATION LANTERN STATION, COLD STORAGE."
    assert gm_only(text, sample, state) == ()
    assert gm_only("ENGINES: STRESSED, CONDITION 64%.", sample, TableState()) == ()


def test_unopened_mail_is_named_until_opened(sample: Campaign) -> None:
    station = sample.location("lantern_station")
    assert station is not None
    mail = station.messages[0]
    text = f"{mail.subject}. FROM {mail.sender}."
    assert f"mail “{mail.subject}” (not opened)" in gm_only(text, sample, TableState())
    opened = TableState(read_mail=frozenset({mail_key("lantern_station", mail.message_id)}))
    assert not any("mail" in found for found in gm_only(text, sample, opened))
