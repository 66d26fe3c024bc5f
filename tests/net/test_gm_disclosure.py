"""Over HTTP: the GM holds back markers and descriptions, players mark mail read, ship text."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from tests.model.factory import SHIP
from tests.net.conftest import GM_HEADERS, gm_post
from tests.net.sse_reader import StreamReader

ENCOUNTER = "/api/gm/encounter/"
POI = ENCOUNTER + "toggle-poi/"
DESCRIPTION = ENCOUNTER + "room-description/"
SYSTEM = "/api/gm/ship-status/toggle/"
# beside the Med Console: the two markers are kept MARKER_SPACING apart
MED_KIT = b'{"id":"p-kit","type":"item","name":"Med Kit","room_id":"r-med","x":7.8,"y":4,'
MEDBAY = b'{"id":"r-med","name":"Medbay","x":5,"y":2,"width":4,"height":3,"status":"WARNING",'


async def snapshot_bytes(client: TestClient[Any, Any]) -> bytes:
    return await (await client.get("/api/active-view/")).read()


async def open_medbay(client: TestClient[Any, Any]) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, ENCOUNTER + "toggle-room/", {"room_id": "r-med", "visible": True})


async def test_toggle_poi_hides_and_shows_a_campaign_visible_marker(
    client: TestClient[Any, Any], store: Store
) -> None:
    await open_medbay(client)
    async with client.get("/api/active-view/stream/") as response:
        reader = StreamReader(response)
        await reader.events(1)
        assert MED_KIT + b'"icon":"kit","status":"","description":"Bandages."}' in reader.raw
        hide = await gm_post(client, POI, {"poi_id": "p-kit", "visible": False})
        events = await reader.until_revision(hide["revision"])
        assert b'"pois":[]' in events[-1].data
        for raw in (events[-1].data, await snapshot_bytes(client)):
            assert b"Med Kit" not in raw and b"Bandages." not in raw and b"p-kit" not in raw
        body = {"poi_id": "t-med", "visible": False}
        await gm_post(client, POI, body)
        assert b'"terminals":[]' in await snapshot_bytes(client)
        show = await gm_post(client, POI, {"poi_id": "p-kit", "visible": True})
        events = await reader.until_revision(show["revision"])
        alone = MED_KIT.replace(
            b'"x":7.8', b'"x":7'
        )  # the terminal hidden: nothing to make room for
        assert alone in events[-1].data
    unknown = await client.post(POI, json={"poi_id": "p-none"}, headers=GM_HEADERS)
    assert unknown.status == 404


async def test_room_description_write_holds_the_text_back(client: TestClient[Any, Any]) -> None:
    await open_medbay(client)
    assert MEDBAY + b'"description":"Beds."}' in await snapshot_bytes(client)
    body = {"room_id": "r-med", "shown": False}
    reply = await gm_post(client, DESCRIPTION, body)
    assert reply == {"success": True, "revision": reply["revision"]}
    raw = await snapshot_bytes(client)
    assert MEDBAY + b'"description":""}' in raw and b"Beds." not in raw
    bad = await client.post(
        DESCRIPTION,
        json={"room_id": "r-med", "shown": "no"},
        headers=GM_HEADERS,
    )
    assert bad.status == 400 and "'shown'" in (await bad.json())["error"]
    missing = await client.post(DESCRIPTION, json={"room_id": "r-med"}, headers=GM_HEADERS)
    assert await missing.json() == {"error": "missing field 'shown'"}
    assert (await client.post(DESCRIPTION, json=body)).status == 401
    await gm_post(client, DESCRIPTION, {"room_id": "r-med", "shown": True})
    assert MEDBAY + b'"description":"Beds."}' in await snapshot_bytes(client)


async def test_a_player_marks_a_mail_read_for_every_display(
    client: TestClient[Any, Any], store: Store
) -> None:
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    mail = b'{"id":"m1","timestamp":"2183-01-02 10:00:00","priority":"HIGH","subject":"Lab results'
    mail += b'","from":"Lab","to":"Dr. Kade","read":'
    async with client.get("/api/active-view/stream/") as response:
        reader = StreamReader(response)
        await reader.events(1)
        assert mail + b"false" in reader.raw
        reply = await client.post("/api/terminal/read/", json={"message_id": "m1"})  # no token
        assert reply.status == 200
        answer = await reply.json()
        events = await reader.until_revision(answer["revision"])
        assert mail + b"true" in events[-1].data
    assert mail + b"true" in await snapshot_bytes(client)
    revision = store.state.revision
    again = await client.post("/api/terminal/read/", json={"message_id": "m1"})
    assert (await again.json())["revision"] == revision  # nothing new to say
    other = await client.post("/api/terminal/read/", json={"message_id": "m3"})
    assert other.status == 404
    assert await other.json() == {"error": "NO SUCH MESSAGE ON THIS TERMINAL"}
    empty = await client.post("/api/terminal/read/", json={})
    assert await empty.json() == {"error": "missing field 'message_id'"}
    assert store.state.revision == revision


async def test_the_message_opened_on_a_display_is_open_on_every_display(
    client: TestClient[Any, Any], store: Store
) -> None:
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    assert b'"overlay_open_message_id":""' in await snapshot_bytes(client)
    async with client.get("/api/active-view/stream/") as response:
        reader = StreamReader(response)
        await reader.events(1)
        reply = await client.post("/api/terminal/read/", json={"message_id": "m2"})  # a player
        events = await reader.until_revision((await reply.json())["revision"])
        assert b'"overlay_open_message_id":"m2"' in events[-1].data
    reply = await client.post("/api/terminal/read/", json={"message_id": "m1"})
    assert reply.status == 200
    assert b'"overlay_open_message_id":"m1"' in await snapshot_bytes(client)
    revision = store.state.revision
    # Only the overlaid terminal's mail: another terminal's is the same refusal as an unknown id.
    for foreign in ("m3", "nope"):
        other = await client.post("/api/terminal/read/", json={"message_id": foreign})
        assert other.status == 404
        assert await other.json() == {"error": "NO SUCH MESSAGE ON THIS TERMINAL"}
    assert store.state.revision == revision
    assert b'"overlay_open_message_id":"m1"' in await snapshot_bytes(client)
    # A terminal shown anew opens on no message.
    await gm_post(client, "/api/terminal/hide/", {})
    assert b'"overlay_open_message_id":""' in await snapshot_bytes(client)
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    assert b'"overlay_open_message_id":""' in await snapshot_bytes(client)


async def test_a_status_alone_hides_the_campaign_text(
    client: TestClient[Any, Any],
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    raw = await snapshot_bytes(client)
    assert b'"engines":{"status":"STRESSED","condition":70,"info":"Leaking"}' in raw
    await gm_post(client, SYSTEM, {"system": "engines", "status": "CRITICAL"})
    raw = await snapshot_bytes(client)
    assert b'"engines":{"status":"CRITICAL","condition":null,"info":null}' in raw
    assert b"Leaking" not in raw
    body = {"system": "engines", "status": "CRITICAL", "condition": 9, "info": "Core breach"}
    await gm_post(client, SYSTEM, body)
    raw = await snapshot_bytes(client)
    assert b'"engines":{"status":"CRITICAL","condition":9,"info":"Core breach"}' in raw
