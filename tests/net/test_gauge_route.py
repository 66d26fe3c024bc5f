"""POST /api/gm/gauge/: hull, armor, crew health and stress over HTTP (issue 12, defect 9)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.store import Store
from desktop.net.server import create_app

TOKEN = "gm-gauge-token"
GM = {"Authorization": f"Bearer {TOKEN}"}


async def test_the_gm_sets_gauges_and_bad_input_is_a_clear_400(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]],
) -> None:
    store = Store(load_campaign(sample_campaign_path()))
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    await client.post("/api/gm/switch-view/", json={"view_type": "BRIDGE"}, headers=GM)
    reply = await client.post("/api/gm/gauge/", json={"gauge": "hull", "value": 4}, headers=GM)
    assert reply.status == 200, await reply.text()
    crew_id = store.campaign.crew[0].id
    body = {"gauge": "stress", "value": 12, "crew_id": crew_id}
    assert (await client.post("/api/gm/gauge/", json=body, headers=GM)).status == 200
    snapshot = await (await client.get("/api/active-view/")).json()
    assert snapshot["ship"]["hull"]["current"] == 4
    assert next(m for m in snapshot["crew"] if m["id"] == crew_id)["stress"] == 12
    revision = store.state.revision
    bad = await client.post("/api/gm/gauge/", json={"gauge": "hull", "value": -3}, headers=GM)
    assert bad.status == 400 and "between 0 and" in (await bad.json())["error"]
    odd = await client.post("/api/gm/gauge/", json={"gauge": "morale", "value": 1}, headers=GM)
    assert odd.status == 400 and "gauge" in (await odd.json())["error"]
    player = await client.post("/api/gm/gauge/", json={"gauge": "hull", "value": 1})
    assert player.status == 401
    assert store.state.revision == revision
