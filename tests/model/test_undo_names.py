"""Undo and redo name rooms, doors, decks, places and terminals as the GM reads them, never by
id (issue 12, defect 9)."""

from __future__ import annotations

import pytest

from desktop.campaign.loader import load_campaign
from desktop.campaign.model import Campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model import actions as A
from desktop.model.store import Store

SHIP, STATION = "hadal_wren", "lantern_station"


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(sample_campaign_path())


@pytest.mark.parametrize(
    ("action", "label"),
    [
        (
            A.SetDoorStatus("door_airlock_inner", "LOCKED", location_slug=SHIP),
            "Airlock: Port Airlock ↔ Suit Locker locked",
        ),
        (
            A.SetRoomStatus("engineering", "WARNING", location_slug=SHIP, deck_id="deck_2"),
            "Engineering warning",
        ),
        (A.SwitchLevel("deck_2", location_slug=SHIP), "Switch to Engineering Deck"),
        (A.ShowTerminal(STATION, "kesh_lab"), "Show Kesh Lab Terminal"),
        (A.ResetLocation(SHIP), "Reset SV Hadal Wren"),
    ],
)
def test_the_undo_label_names_things(campaign: Campaign, action: A.Action, label: str) -> None:
    store = Store(campaign)
    store.dispatch(A.SwitchView("ENCOUNTER", SHIP))
    store.dispatch(A.ToggleRoom("airlock", True))  # something for the reset to undo
    store.dispatch(action)
    assert store.undo_label == label
