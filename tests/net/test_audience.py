"""The revision a display sees counts only the frames of its audience (API.md "Audiences"):
hidden GM changes never move it, on the stream, in the ETag or in replies to its writes."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from tests.model.factory import DERELICT, SHIP
from tests.net.conftest import gm_post
from tests.net.sse_reader import StreamReader

STREAM = "/api/active-view/stream/"
HIDDEN_EDITS = [  # GM changes no player can see
    ("/api/gm/encounter/toggle-room/", {"room_id": "r-hold", "location_slug": DERELICT}),
    ("/api/gm/charon/location/", {"location_path": "deep/space"}),
    ("/api/gm/encounter/toggle-room/", {"room_id": "r-engine", "visible": True}),
    ("/api/gm/encounter/set-door-status/", {"connection_id": "c-eng-reac", "door_status": "OPEN"}),
    ("/api/gm/charon/story/send/", {"content": "A note on a channel not shown."}),
]


async def _etag(client: TestClient[Any, Any]) -> str:
    response = await client.get("/api/active-view/")
    assert response.status == 200
    return response.headers["ETag"]


async def test_hidden_gm_changes_do_not_advance_the_player_revision(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-bridge"})
    reyes = {"type": "player", "name": "Reyes", "x": 1, "y": 1}
    token = await gm_post(client, "/api/gm/encounter/place-token/", reyes)
    async with client.get(STREAM) as response:
        reader = StreamReader(response)
        (first,) = await reader.events(1)
        tag = await _etag(client)
        assert tag == f'"{first.revision}"'
        gm_revision = store.state.revision
        for path, body in HIDDEN_EDITS:
            await gm_post(client, path, body)
        assert store.state.revision == gm_revision + len(HIDDEN_EDITS)  # the GM's own count
        quiet = await client.get("/api/active-view/", headers={"If-None-Match": tag})
        assert quiet.status == 304  # nothing new for players: the same revision
        move = {"token_id": token["token_id"], "x": 2, "y": 1}
        reply = await client.post("/api/gm/encounter/move-token/", json=move)  # a player write
        answer = await reply.json()
        assert reply.status == 200, answer
        assert answer["revision"] == first.revision + 1  # the frame with the move, no more
        (moved,) = await reader.events(1)
        assert moved.revision == answer["revision"]
        assert await _etag(client) == f'"{moved.revision}"'
        await gm_post(client, "/api/gm/broadcast/", {"content": "Seen by all"})
        (seen,) = await reader.events(1)
        assert seen.revision == moved.revision + 1
