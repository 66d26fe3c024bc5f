"""A map edited while a session runs: after the reload, a revealed room whose cells changed is
hidden again (players see nothing of the edit until the GM reveals it); a room only renamed,
and every untouched room, stays revealed."""

from __future__ import annotations

from dataclasses import replace

from desktop.campaign.model import Campaign, Room
from desktop.model.store import Store

from .conftest import open_ship
from .factory import SHIP


def edited(campaign: Campaign, room_id: str, change: dict[str, object]) -> Campaign:
    location = campaign.locations[SHIP]
    lmap = location.map
    assert lmap is not None
    new: Room = replace(lmap.rooms[room_id], **change)  # type: ignore[arg-type]
    decks = tuple(
        replace(d, rooms=tuple(new if r.id == room_id else r for r in d.rooms)) for d in lmap.decks
    )
    rooms = {**lmap.rooms, room_id: new}
    return replace(
        campaign,
        locations={
            **campaign.locations,
            SHIP: replace(location, map=replace(lmap, decks=decks, rooms=rooms)),
        },
    )


def test_an_edited_room_is_hidden_again_after_the_reload(store: Store, campaign: Campaign) -> None:
    open_ship(store, "r-med")
    revealed = store.state.locations[SHIP].revealed
    assert "r-med" in revealed and len(revealed) >= 1
    lmap = campaign.locations[SHIP].map
    assert lmap is not None
    med = lmap.rooms["r-med"]
    grown = edited(campaign, "r-med", {"width": med.width + 1})
    state = store.replace_campaign(grown)
    assert state.locations[SHIP].revealed == revealed - {"r-med"}
    renamed = edited(grown, "r-med", {"name": "Sick bay"})
    store.replace_campaign(grown)
    open_ship(store, "r-med")
    before = store.state.locations[SHIP].revealed
    state = store.replace_campaign(renamed)
    assert state.locations[SHIP].revealed == before
