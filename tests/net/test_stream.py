"""The snapshot stream: exact bytes, order, keepalives, Last-Event-ID, GM role."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from tests.model.factory import OUTPOST, SHIP
from tests.net.conftest import GM_HEADERS, TOKEN, ClientFactory, gm_post
from tests.net.sse_reader import RETRY, StreamReader, event_bytes

STREAM = "/api/active-view/stream/"


async def test_headers_and_first_bytes_exact(client: TestClient[Any, Any], store: Store) -> None:
    async with client.get(STREAM) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/event-stream"
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["X-Accel-Buffering"] == "no"
        frame = store.player_frame()
        expected = RETRY + event_bytes(frame.revision, frame.data)
        assert await response.content.readexactly(len(expected)) == expected


async def test_each_change_is_one_exact_event(client: TestClient[Any, Any], store: Store) -> None:
    async with client.get(STREAM) as response:
        reader = StreamReader(response)
        await reader.events(1)
        await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
        frame = store.player_frame()
        (event,) = await reader.events(1)
        assert event.revision == frame.revision
        assert reader.raw.endswith(event_bytes(frame.revision, frame.data))
        assert event.snapshot["view_type"] == "BRIDGE"


async def test_new_client_gets_the_current_snapshot_first(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-bridge"})
    async with client.get(STREAM) as response:
        (first,) = await StreamReader(response).events(1)
    assert first.revision == store.player_frame().revision
    assert first.data == store.player_frame().data
    assert first.snapshot["encounter_room_visibility"] == {"r-bridge": True}


async def test_last_event_id_is_tolerated(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    for last_id in ("0", "999999", "not-a-number", ""):
        async with client.get(STREAM, headers={"Last-Event-ID": last_id}) as response:
            assert response.status == 200
            (first,) = await StreamReader(response).events(1)
            assert first.revision == store.player_frame().revision


async def test_changes_players_cannot_see_send_nothing(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    async with client.get(STREAM) as response:
        reader = StreamReader(response)
        (first,) = await reader.events(1)
        hidden_edit = {"room_id": "r-hold", "location_slug": "derelict"}
        await gm_post(client, "/api/gm/encounter/toggle-room/", hidden_edit)
        await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-med"})
        (event,) = await reader.events(1)
        assert event.snapshot["encounter_room_visibility"] == {"r-med": True}
        assert event.revision == first.revision + 1  # the hidden edit never shows in it


async def test_revisions_only_rise(client: TestClient[Any, Any], store: Store) -> None:
    async with client.get(STREAM) as response:
        reader = StreamReader(response)
        await reader.events(1)
        for index in range(6):
            await gm_post(client, "/api/gm/broadcast/", {"content": f"message {index}"})
        events = await reader.until_revision(store.player_frame().revision)
    revisions = [e.revision for e in events]
    assert revisions == sorted(set(revisions))  # bursts may be coalesced, never reordered
    assert revisions[-1] == store.player_frame().revision
    assert events[-1].snapshot["broadcasts"][-1]["content"] == "message 5"


async def test_keepalive_comment_when_idle(make_client: ClientFactory, store: Store) -> None:
    client = await make_client(Broadcaster(store, keepalive=0.1, tick=0.02))
    async with client.get(STREAM) as response:
        raw = await StreamReader(response).until(b": keepalive\n\n")
    assert b"\n\n: keepalive\n\n" in raw


async def test_gm_role_needs_the_token(client: TestClient[Any, Any]) -> None:
    async with client.get(STREAM, params={"role": "gm"}) as response:
        assert response.status == 401
        assert await response.json() == {"error": "GM token required"}
    async with client.get(STREAM, params={"role": "gm", "token": "wrong"}) as response:
        assert response.status == 401


async def test_gm_stream_sends_every_change(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    async with client.get(STREAM, params={"role": "gm", "token": TOKEN}) as response:
        reader = StreamReader(response)
        (first,) = await reader.events(1)
        assert b"Secret Vault" in first.data  # the GM sees hidden rooms
        edit = {"room_id": "r-hold", "location_slug": "derelict"}
        await gm_post(client, "/api/gm/encounter/toggle-room/", edit)
        (event,) = await reader.events(1)
        assert event.revision == store.state.revision


async def test_gm_stream_with_header_token(client: TestClient[Any, Any]) -> None:
    async with client.get(STREAM, params={"role": "gm"}, headers=GM_HEADERS) as response:
        assert response.status == 200


async def test_displays_lists_connected_streams(client: TestClient[Any, Any]) -> None:
    headers = {"User-Agent": "TableTV/1.0"}
    async with client.get(STREAM, headers=headers) as response:
        await StreamReader(response).events(1)
        view = {"view_type": "ENCOUNTER", "location_slug": OUTPOST}
        await gm_post(client, "/api/gm/switch-view/", view)
        listing = await (await client.get("/api/gm/displays/", headers=GM_HEADERS)).json()
    (display,) = listing["displays"]
    assert display["address"] == "127.0.0.1"
    assert display["user_agent"] == "TableTV/1.0"
    assert display["connected_since"] > 0
    assert display["last_revision"] >= 0
