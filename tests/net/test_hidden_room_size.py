"""Over HTTP: with one room revealed, a door on the wall it shares with a hidden room says
nothing of how large the hidden room is or where along that wall it lies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
from aiohttp.test_utils import TestClient

from desktop.campaign.model import Campaign, frozen_map
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.model.factory import SHIP, build_campaign
from tests.net.conftest import GM_HEADERS, TOKEN

Client = Callable[..., Awaitable[TestClient[Any, Any]]]
# The hidden vault beside the revealed medbay (5, 2, 4x3): the wall x=9 is theirs to share.
VAULTS = ((9, 2, 4, 3), (9, 2, 4, 2), (9, 3, 4, 2), (9, 2, 2, 3), (9, 4, 3, 1), (9, 2, 4, 5))


def _with_vault(campaign: Campaign, x: int, y: int, width: int, height: int) -> Campaign:
    location = campaign.locations[SHIP]
    lmap = location.map
    assert lmap is not None
    vault = replace(lmap.rooms["r-vault"], x=x, y=y, width=width, height=height)
    rooms = {**lmap.rooms, "r-vault": vault}
    decks = tuple(replace(d, rooms=tuple(rooms[r.id] for r in d.rooms)) for d in lmap.decks)
    new_map = replace(lmap, decks=decks, rooms=frozen_map(rooms))
    return replace(
        campaign, locations=frozen_map({**campaign.locations, SHIP: replace(location, map=new_map)})
    )


async def _player_bytes(aiohttp_client: Client, campaign: Campaign) -> bytes:
    client = await aiohttp_client(create_app(Store(campaign), gm_token=TOKEN))
    for path, body in (
        ("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP}),
        ("/api/gm/encounter/toggle-room/", {"room_id": "r-med", "visible": True}),
    ):
        assert (await client.post(path, json=body, headers=GM_HEADERS)).status == 200
    raw: bytes = await (await client.get("/api/active-view/")).read()
    return raw


async def test_the_player_bytes_are_the_same_whatever_the_hidden_rooms_size(
    aiohttp_client: Client, tmp_path: Path
) -> None:
    campaign = build_campaign(tmp_path / "campaign")
    seen = [await _player_bytes(aiohttp_client, _with_vault(campaign, *v)) for v in VAULTS]
    doors = orjson.loads(seen[0])["encounter_map"]["doors"]
    assert "blast_door" in {d["type"] for d in doors}  # the medbay's door into the vault is sent
    for vault, raw in zip(VAULTS[1:], seen[1:], strict=True):
        assert raw == seen[0], vault
