"""On the wire: player refusals cannot tell hidden from absent, doors follow through_doors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.activity import ActivityEvent
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.model.factory import SHIP
from tests.net.conftest import TOKEN, gm_post

MOVE = "/api/gm/encounter/move-token/"


async def _table(client: TestClient[Any, Any], *rooms: str) -> dict[str, str]:
    """The ship shown with rooms revealed; Reyes (a player token) and a hidden Lurker."""
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    for room in rooms:
        await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": room})
    place = "/api/gm/encounter/place-token/"
    reyes = await gm_post(client, place, {"type": "player", "name": "Reyes", "x": 1, "y": 1})
    lurker = await gm_post(client, place, {"type": "creature", "name": "Lurker", "x": 2, "y": 1})
    status = {"token_id": lurker["token_id"], "status": ["hidden"]}
    await gm_post(client, "/api/gm/encounter/update-token-status/", status)
    return {"reyes": reyes["token_id"], "lurker": lurker["token_id"]}


async def _player(client: TestClient[Any, Any], path: str, body: object) -> tuple[int, Any]:
    response = await client.post(path, json=body)
    return response.status, await response.json()


async def test_a_move_onto_a_hidden_token_is_taken_and_the_gm_is_told(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> None:
    heard: list[ActivityEvent] = []
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, activity=heard.append))
    ids = await _table(client, "r-bridge")
    status, body = await _player(client, MOVE, {"token_id": ids["reyes"], "x": 2, "y": 1})
    assert status == 200, body
    assert set(body) == {"success", "revision"}  # nothing about what shares the cell
    tokens = store.state.locations[SHIP].tokens
    assert (tokens[ids["reyes"]].x, tokens[ids["lurker"]].x) == (2, 2)
    assert "Lurker" in heard[-1].text and "hidden" in heard[-1].text
    player = await (await client.get("/api/active-view/")).read()
    assert b"Lurker" not in player and ids["lurker"].encode() not in player


async def test_moving_a_hidden_token_reads_like_moving_none(
    client: TestClient[Any, Any], store: Store
) -> None:
    ids = await _table(client, "r-bridge")
    hidden = await _player(client, MOVE, {"token_id": ids["lurker"], "x": 3, "y": 1})
    absent = await _player(client, MOVE, {"token_id": "no-such-token", "x": 3, "y": 1})
    assert hidden == absent and hidden[0] == 404


async def test_a_question_to_a_made_up_or_inactive_channel_gets_the_same_answer(
    client: TestClient[Any, Any],
) -> None:
    await _table(client)
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    answers = [
        await _player(client, f"/api/charon/{channel}/submit/", {"query": "Hello?"})
        for channel in ("bridge", "story", "encounter-atlantis", "nowhere")
    ]
    assert all(answer == answers[0] for answer in answers), answers
    assert answers[0][0] == 403
    taken = await _player(client, f"/api/charon/encounter-{SHIP}/submit/", {"query": "Hello?"})
    assert taken[0] == 200


async def test_through_doors_on_the_wire(client: TestClient[Any, Any], store: Store) -> None:
    ids = await _table(client, "r-bridge", "r-corr")
    await gm_post(client, "/api/gm/player-permissions/", {"through_doors": "open"})
    assert store.gm_snapshot()["through_doors"] == "open"
    status, body = await _player(client, MOVE, {"token_id": ids["reyes"], "x": 6, "y": 0})
    assert status == 403
    assert body == {"error": "ROUTE BLOCKED \u2014 NO PASSABLE DOOR ON THE WAY"}
    bad = await client.post(
        "/api/gm/player-permissions/",
        json={"through_doors": "sometimes"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert bad.status == 400 and "through_doors" in (await bad.json())["error"]
    await gm_post(client, "/api/gm/player-permissions/", {"through_doors": "unlocked"})
    status, body = await _player(client, MOVE, {"token_id": ids["reyes"], "x": 6, "y": 0})
    assert status == 200, body  # the door is only CLOSED
    assert store.state.locations[SHIP].tokens[ids["reyes"]].room_id == "r-corr"
