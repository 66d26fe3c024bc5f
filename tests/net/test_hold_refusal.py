"""On hold, the displays keep their frame: a player write that would change what they show is
refused (409, in the ship's voice), nothing changes, and the GM's activity log says so."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.activity import REFUSED, ActivityEvent
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.model.factory import SHIP
from tests.net.conftest import TOKEN, gm_post

ON_HOLD = {"error": "STAND BY \u2014 DISPLAYS ON HOLD"}


async def _table(client: TestClient[Any, Any]) -> str:
    """The ship shown, the bridge revealed, Reyes on it, the terminal open, questions taken."""
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-bridge"})
    place = {"type": "player", "name": "Reyes", "x": 1, "y": 1}
    reyes = await gm_post(client, "/api/gm/encounter/place-token/", place)
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    return str(reyes["token_id"])


async def test_player_writes_on_hold_are_refused_and_logged(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> None:
    heard: list[ActivityEvent] = []
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, activity=heard.append))
    reyes = await _table(client)
    await gm_post(client, "/api/gm/hold/", {"hold": True})
    before, frame = store.state, store.player_frame().data
    writes = [
        ("/api/gm/encounter/move-token/", {"token_id": reyes, "x": 2, "y": 1}),
        (f"/api/charon/encounter-{SHIP}/submit/", {"query": "Where are we?"}),
        ("/api/terminal/hide/", {}),
        ("/api/terminal/read/", {"message_id": "m-1"}),
        ("/api/gm/charon/toggle-dialog/", {"open": False}),
    ]
    for path, body in writes:
        heard.clear()
        reply = await client.post(path, json=body)
        assert (reply.status, await reply.json()) == (409, ON_HOLD), path
        assert [event.kind for event in heard] == [REFUSED], path
        assert "DISPLAYS ON HOLD" in heard[0].text
    assert store.state == before and store.player_frame().data == frame
    await gm_post(client, "/api/gm/hold/", {"hold": False})
    moved = await client.post("/api/gm/encounter/move-token/", json=writes[0][1])
    assert moved.status == 200
    assert store.state.locations[SHIP].tokens[reyes].x == 2


async def test_the_refused_move_names_the_token(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> None:
    heard: list[ActivityEvent] = []
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, activity=heard.append))
    reyes = await _table(client)
    await gm_post(client, "/api/gm/hold/", {"hold": True})
    await client.post("/api/gm/encounter/move-token/", json={"token_id": reyes, "x": 2, "y": 1})
    assert heard[-1].text == "Refused move of Reyes: STAND BY \u2014 DISPLAYS ON HOLD"


async def test_the_gm_still_writes_on_hold(client: TestClient[Any, Any], store: Store) -> None:
    reyes = await _table(client)
    await gm_post(client, "/api/gm/hold/", {"hold": True})
    await gm_post(client, "/api/gm/encounter/move-token/", {"token_id": reyes, "x": 2, "y": 1})
    assert store.state.locations[SHIP].tokens[reyes].x == 2
