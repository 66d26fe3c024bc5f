"""The Warden's routes over HTTP: a private roll or panic result never reaches a display until
the GM shows it; timers by path; bad input is a clear 400 and changes nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.net.sse_reader import StreamReader

TOKEN = "gm-warden-token"
GM = {"Authorization": f"Bearer {TOKEN}"}
Client = Callable[..., Awaitable[TestClient[Any, Any]]]


class Faces:
    """A random source that answers the given faces in turn (the last one for ever)."""

    def __init__(self, *faces: int) -> None:
        self.faces = list(faces)

    def randint(self, a: int, b: int) -> int:
        return self.faces.pop(0) if len(self.faces) > 1 else self.faces[0]


async def warden_client(aiohttp_client: Client, *faces: int) -> tuple[TestClient[Any, Any], Store]:
    store = Store(load_campaign(sample_campaign_path()), rng=Faces(*faces))
    return await aiohttp_client(create_app(store, gm_token=TOKEN)), store


async def post(client: TestClient[Any, Any], path: str, body: object) -> dict[str, Any]:
    reply = await client.post(path, json=body, headers=GM)
    found: dict[str, Any] = await reply.json()
    assert reply.status == 200, found
    return found


async def test_private_roll_and_panic_stay_off_the_displays_until_shown(
    aiohttp_client: Client,
) -> None:
    client, store = await warden_client(aiohttp_client, 13, 2, 1)
    member = store.campaign.crew[0]
    await post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    await post(client, "/api/gm/gauge/", {"gauge": "stress", "value": 6, "crew_id": member.id})
    stream = await client.get("/api/active-view/stream/")
    reader = StreamReader(stream)
    await reader.events(1)
    rolled = await post(client, "/api/gm/roll/", {"dice": "2d10+7", "for": "Quill"})
    assert rolled["result"] == 22 and rolled["roll"]["for"] == "Quill"
    panic = await post(client, "/api/gm/roll/", {"panic": True, "for": member.id})
    assert panic["roll"]["panic"]["effect"]["name"] == "Cold sweat"
    await post(client, "/api/gm/broadcast/", {"content": "MARK-ONE"})
    raw = await reader.until(b"MARK-ONE")
    for secret in (b"2d10", b"Cold sweat", b"Quill", rolled["roll_id"].encode()):
        assert secret not in raw
    page = await (await client.get("/api/active-view/")).read()
    assert b"Cold sweat" not in page and b"2d10" not in page
    await post(client, "/api/gm/roll/show/", {"roll_id": panic["roll_id"]})
    raw = await reader.until(b"Cold sweat")
    assert b"Cold sweat" in raw and b"2d10" not in raw  # only the roll shown
    stream.close()


async def test_timers_by_path_and_bad_input(aiohttp_client: Client) -> None:
    client, store = await warden_client(aiohttp_client, 1)
    started = await post(client, "/api/gm/timers/", {"label": "SELF-DESTRUCT", "seconds": 600})
    timer_id = started["timer_id"]
    await post(client, f"/api/gm/timers/{timer_id}/", {"action": "pause"})
    [timer] = (await (await client.get("/api/active-view/")).json())["timers"]
    assert timer["paused"] is True and timer["ends_at"] is None
    assert 599_000 <= timer["remaining_ms"] <= 600_000
    revision = store.state.revision
    for path, body, status, words in [
        (f"/api/gm/timers/{timer_id}/", {"action": "explode"}, 400, "field 'action'"),
        ("/api/gm/timers/nope/", {"action": "pause"}, 404, "unknown timer 'nope'"),
        ("/api/gm/timers/", {"label": "X", "seconds": -5}, 400, "field 'seconds'"),
        ("/api/gm/roll/", {"dice": "1d0"}, 400, "dice sides must be between 2 and 1000"),
        ("/api/gm/roll/", {"panic": True, "for": "ghost"}, 404, "unknown crew member"),
        ("/api/gm/alert/", {"alert": ""}, 400, "field 'alert'"),
    ]:
        reply = await client.post(path, json=body, headers=GM)
        assert reply.status == status, (path, await reply.text())
        assert words in (await reply.json())["error"]
    assert store.state.revision == revision
    player = await client.post("/api/gm/roll/", json={"dice": "1d6"})
    assert player.status == 401


async def test_a_sound_file_is_served_only_while_the_displays_play_it(
    aiohttp_client: Client,
) -> None:
    client, store = await warden_client(aiohttp_client, 1)
    await post(client, "/api/gm/sound/ambient/", {"sound": "reactor_hum"})
    snapshot = await (await client.get("/api/active-view/")).json()
    url = snapshot["sound"]["ambient"]["url"]
    assert url.startswith("/media/") and "reactor" not in url
    served = await client.get(url)
    assert served.status == 200
    assert await served.read() == store.campaign.sounds["reactor_hum"].path.read_bytes()
    await post(client, "/api/gm/sound/ambient/", {})
    assert (await client.get(url)).status == 404
    missing = await client.post("/api/gm/sound/play/", json={"sound": "nope"}, headers=GM)
    assert missing.status == 404 and "unknown sound" in (await missing.json())["error"]
