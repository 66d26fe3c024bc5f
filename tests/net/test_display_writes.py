"""The GM's writes to displays (API.md "Displays", "Audiences"): content aimed at display A
never reaches display B; display settings (400/404 rules); a tablet bound to a character moves
only that character's token."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.campaign.model import Campaign, HandoutFile
from desktop.model.store import Store
from desktop.net.server import create_app
from tests.model.factory import SHIP, build_campaign
from tests.net.conftest import GM_JSON, TOKEN, gm_post
from tests.net.sse_reader import StreamReader

A, B = "tablet-aaaa-1", "tablet-bbbb-2"
MOVE = "/api/gm/encounter/move-token/"


def _stream(display: str) -> str:
    return f"/api/active-view/stream/?display={display}&kind=tablet"


async def test_a_portrait_broadcast_and_dialog_aimed_at_a_never_reach_b(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    async with client.get(_stream(A)) as a_response, client.get(_stream(B)) as b_response:
        a, b = StreamReader(a_response), StreamReader(b_response)
        await a.events(1)
        await b.events(1)
        aimed = {"displays": [A]}
        await gm_post(client, "/api/gm/encounter/toggle-portrait/", {"npc_id": "kade", **aimed})
        whisper = {"content": "WHISPER-TO-A", "sender": "Unknown", **aimed}
        await gm_post(client, "/api/gm/broadcast/", whisper)
        await gm_post(client, "/api/gm/charon/bridge/send/", {"content": "ONLY-A-HEARS", **aimed})
        await gm_post(client, "/api/gm/charon/toggle-dialog/", {"open": True, **aimed})
        await gm_post(client, "/api/gm/broadcast/", {"content": "TO-EVERYONE"})
        await a.until(b"TO-EVERYONE")
        await b.until(b"TO-EVERYONE")
        seen_by_a = a.raw
        b_view = await (await client.get(f"/api/active-view/?display={B}")).read()
        a_snapshot = await (await client.get(f"/api/active-view/?display={A}")).json()
    portrait = a_snapshot["encounter_npc_data"]["kade"]["portrait_url"]
    secrets = [b"Dr. Kade", b"WHISPER-TO-A", b"ONLY-A-HEARS", portrait.encode()]
    for secret in secrets:
        assert secret in seen_by_a
        assert secret not in b.raw and secret not in b_view
    assert a_snapshot["charon_dialog_open"] is True
    assert b'"charon_dialog_open":false' in b_view
    assert (await client.get(f"{portrait}?display={A}")).status == 200
    assert (await client.get(f"{portrait}?display={B}")).status == 404


async def test_display_settings_follow_the_400_and_404_rules(
    client: TestClient[Any, Any], store: Store
) -> None:
    unknown = await client.post(f"/api/gm/displays/{A}/", json={"name": "TV"}, headers=GM_JSON)
    assert unknown.status == 404
    async with client.get(_stream(A)) as response:
        await StreamReader(response).events(1)
        bad = await client.post("/api/gm/displays/x/", json={"name": "TV"}, headers=GM_JSON)
        assert bad.status == 400 and "display id" in (await bad.json())["error"]
        turned = {"rotation": 45}
        bad = await client.post(f"/api/gm/displays/{A}/", json=turned, headers=GM_JSON)
        assert bad.status == 400 and "rotation" in (await bad.json())["error"]
        # A camera off any map or a screen of a mile is refused by name, settings unchanged.
        for field, camera in (
            ("camera.x", {"mode": "locked", "x": 1e308, "y": 0}),
            ("camera.y", {"mode": "locked", "x": 0, "y": -1e308}),
            ("camera.w", {"mode": "frame", "x": 0, "y": 0, "w": 1e308, "h": 4}),
            ("camera.diagonal", {"mode": "locked", "x": 0, "y": 0, "diagonal": 1e308}),
        ):
            reply = await client.post(
                f"/api/gm/displays/{A}/", json={"camera": camera}, headers=GM_JSON
            )
            assert reply.status == 400 and field in (await reply.json())["error"], field
        assert A not in store.state.displays or store.state.displays[A].camera.mode == "fit"
        body = {"name": "Far TV", "kind": "tv", "rotation": 180, "character": "reyes"}
        body["camera"] = {"mode": "frame", "x": 1, "y": 2, "w": 6, "h": 4}
        await gm_post(client, f"/api/gm/displays/{A}/", body)
        listed = await client.get("/api/gm/displays/", headers=GM_JSON)
        (entry,) = (await listed.json())["displays"]
    assert (entry["id"], entry["name"], entry["kind"], entry["rotation"]) == (
        A,
        "Far TV",
        "tv",
        180,
    )
    assert entry["character"] == "reyes" and entry["camera"]["w"] == 6
    # Known now: it can be set while it is away, and keeps its settings.
    await gm_post(client, f"/api/gm/displays/{A}/", {"character": None})
    assert store.state.displays[A].character == "" and store.state.displays[A].name == "Far TV"
    shown = await (await client.get(f"/api/active-view/?display={A}")).json()
    assert shown["display"]["camera"] == {
        "mode": "frame", "target": "", "x": 1.0, "y": 2.0, "w": 6.0, "h": 4.0, "diagonal": 0.0
    }  # fmt: skip


async def test_a_bound_tablet_moves_only_its_characters_token(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-bridge"})
    place = "/api/gm/encounter/place-token/"
    reyes = {"type": "player", "name": "Reyes", "x": 1, "y": 1, "image_url": "crew:reyes"}
    mine = (await gm_post(client, place, reyes))["token_id"]
    other = (await gm_post(client, place, {"type": "player", "name": "Sunde", "x": 3, "y": 1}))[
        "token_id"
    ]
    async with client.get(_stream(A)) as response:
        await StreamReader(response).events(1)
        await gm_post(client, f"/api/gm/displays/{A}/", {"character": "reyes"})
    refused = await client.post(f"{MOVE}?display={A}", json={"token_id": other, "x": 2, "y": 1})
    reason = (await refused.json())["error"]
    assert refused.status == 403
    assert "CREW MEMBER" in reason and other not in reason and "reyes" not in reason.lower()
    assert store.state.locations[SHIP].tokens[other].x == 3  # unchanged
    moved = await client.post(f"{MOVE}?display={A}", json={"token_id": mine, "x": 2, "y": 1})
    assert moved.status == 200, await moved.text()
    # Another display (not bound) may still move Sunde.
    free = await client.post(f"{MOVE}?display={B}", json={"token_id": other, "x": 3, "y": 1})
    assert free.status == 200


async def test_a_handout_aimed_at_a_never_reaches_b(aiohttp_client: Any, tmp_path: Path) -> None:
    base = build_campaign(tmp_path / "campaign")
    picture = tmp_path / "campaign" / "campaign" / "handouts" / "blueprint.png"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes((tmp_path / "campaign").joinpath(_any_png(base)).read_bytes())
    files = {"blueprint": HandoutFile("blueprint", "Reactor Blueprint", image=picture)}
    store = Store(replace(base, handouts=files))
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    async with client.get(_stream(A)) as a_response, client.get(_stream(B)) as b_response:
        a, b = StreamReader(a_response), StreamReader(b_response)
        await a.events(1)
        await b.events(1)
        shown = {"handout": "blueprint", "displays": [A], "clear_after": 30}
        await gm_post(client, "/api/gm/handouts/show/", shown)
        note = {"title": "Secret Orders", "text": "ONLY-A-READS-THIS", "displays": [A]}
        await gm_post(client, "/api/gm/handouts/show/", note)
        await gm_post(client, "/api/gm/broadcast/", {"content": "TO-EVERYONE"})
        await a.until(b"TO-EVERYONE")
        await b.until(b"TO-EVERYONE")
        a_snapshot = await (await client.get(f"/api/active-view/?display={A}")).json()
        b_view = await (await client.get(f"/api/active-view/?display={B}")).read()
    first, second = a_snapshot["handouts"]
    assert (first["title"], first["clear_after"]) == ("Reactor Blueprint", 30)
    assert second["text"] == "ONLY-A-READS-THIS"
    secrets = [b"Reactor Blueprint", b"Secret Orders", b"ONLY-A-READS-THIS"]
    secrets += [first["image_url"].encode(), first["id"].encode(), b"blueprint"]
    for secret in secrets:
        assert secret in a.raw or secret == b"blueprint"
        assert secret not in b.raw and secret not in b_view
    assert (await client.get(f"{first['image_url']}?display={A}")).status == 200
    assert (await client.get(f"{first['image_url']}?display={B}")).status == 404


def _any_png(campaign: Campaign) -> Path:
    """A picture file of the test campaign, relative to its folder."""
    portrait = campaign.npcs["kade"].portrait
    assert portrait is not None
    return portrait.relative_to(campaign.root)


async def test_a_bound_characters_token_moves_only_from_its_display(
    client: TestClient[Any, Any], store: Store
) -> None:
    """However a request names (or hides) its display, Reyes bound to A moves only from A."""
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-bridge"})
    reyes = {"type": "player", "name": "Reyes", "x": 1, "y": 1, "image_url": "crew:reyes"}
    mine = (await gm_post(client, "/api/gm/encounter/place-token/", reyes))["token_id"]
    async with client.get(_stream(A)) as response:
        await StreamReader(response).events(1)
        await gm_post(client, f"/api/gm/displays/{A}/", {"character": "reyes"})
    body = {"token_id": mine, "x": 2, "y": 1}
    for query in ("", f"?display={B}"):  # anonymous, another display: the ship's 403
        refused = await client.post(f"{MOVE}{query}", json=body)
        assert refused.status == 403, query
        assert "CREW MEMBER" in (await refused.json())["error"]
    for query in ("?display=bad!", f"?display={A}&display={A}", f"?Display={A}"):
        malformed = await client.post(f"{MOVE}{query}", json=body)
        assert malformed.status == 400, query
        assert (await malformed.json())["error"].startswith("display:")
        for read in ("/api/active-view/", "/api/active-view/stream/"):
            answer = await client.get(f"{read}{query}")  # the same rule on reads and the stream
            assert answer.status == 400, (read, query)
    assert store.state.locations[SHIP].tokens[mine].x == 1  # unchanged
    moved = await client.post(f"{MOVE}?display={A}", json=body)
    assert moved.status == 200, await moved.text()
