"""Over HTTP, on the original-style campaign: a door toward a hidden room is the door and a
stub, and nothing of the hidden room is in the bytes."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web
from aiohttp.test_utils import TestClient

from desktop.campaign import load_campaign
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.net.conftest import GM_HEADERS, TOKEN

ORIGINAL = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
E = "/api/gm/encounter/"


async def test_one_end_hidden_sends_no_coordinate_of_the_hidden_room(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]],
) -> None:
    store = Store(load_campaign(ORIGINAL))
    app: web.Application = create_app(store, gm_token=TOKEN)
    client = await aiohttp_client(app)
    for path, body in (
        ("/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": "relay_nine"}),
        (E + "toggle-room/", {"room_id": "dock", "visible": True}),
    ):
        assert (await client.post(path, json=body, headers=GM_HEADERS)).status == 200
    raw = await (await client.get("/api/active-view/")).read()
    door = rb'\{"id":"[A-Za-z0-9_-]{11}","type":"airlock","x":5,"y":10.5,"orientation":"v",'
    door += (
        rb'"ends":\[\{"x":5,"y":10.5,"orientation":"v"\}\],"corridor":\[\[5,10.5\],\[6,10.5\]\]\}'
    )
    assert re.search(door, raw), raw  # the collar's door and a one-cell stub toward the hub
    assert b'"doors":[{' in raw and raw.count(b'"type":"airlock"') == 1
    emap = orjson.loads(raw)["encounter_map"]
    hub = (9, 7, 15, 14)  # the hidden hub: x0, y0, x1, y1
    numbers = {float(e[k]) for d in emap["doors"] for e in d["ends"] for k in ("x", "y")}
    numbers |= {float(v) for d in emap["doors"] for point in d["corridor"] for v in point}
    assert not numbers & {9.0, 15.0, 14.0, 12.0}  # its walls' x, its bottom, its middle
    for door_json in emap["doors"]:
        for x, y in door_json["corridor"]:
            assert not (hub[0] <= x <= hub[2] and hub[1] <= y <= hub[3])
    assert b"Central Hub" not in raw and b'"hub"' not in raw and b"c_dock_hub" not in raw
    # revealed, the hub brings its own door and the whole corridor
    await client.post(
        E + "toggle-room/", json={"room_id": "hub", "visible": True}, headers=GM_HEADERS
    )
    raw = await (await client.get("/api/active-view/")).read()
    corridor = (
        rb'"ends":\[\{"x":5,"y":10.5,"orientation":"v"\},\{"x":9,"y":10.5,"orientation":"v"\}\],'
    )
    corridor += rb'"corridor":\[\[5,10.5\],\[9,10.5\]\]'
    assert re.search(corridor, raw)
