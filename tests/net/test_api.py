"""The HTTP surface: the page, the join URL, GM reads, the write table, undo and redo."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.routes import WRITE_PATHS
from tests.model.factory import OUTPOST, SHIP
from tests.net.conftest import GM_HEADERS, GM_JSON, TOKEN, gm_post

E = "/api/gm/encounter/"


@pytest.mark.parametrize("path", ["/", "/terminal/"])
async def test_the_page_is_served(client: TestClient[Any, Any], path: str) -> None:
    reply = await client.get(path)
    assert reply.status == 200
    assert reply.content_type == "text/html"
    assert "<html" in (await reply.text()).lower()


async def test_page_assets_are_served_with_their_types(client: TestClient[Any, Any]) -> None:
    script = await client.get("/js/stream.js")
    assert script.status == 200
    assert script.content_type == "text/javascript"
    assert (await client.get("/terminal/js/stream.js")).status == 200
    font = await client.get("/fonts/JetBrainsMono-Regular.woff2")
    assert font.status == 200 and font.content_type == "font/woff2"


async def test_the_vendored_three_js_is_served_as_modules(client: TestClient[Any, Any]) -> None:
    """The star map's library comes from this server, never from another host."""
    for name in ("three.module.js", "three.core.js", "OrbitControls.js"):
        reply = await client.get(f"/vendor/three/{name}")
        assert reply.status == 200 and reply.content_type == "text/javascript", name
    module = await (await client.get("/vendor/three/three.module.js")).text()
    assert "from './three.core.js'" in module
    controls = await (await client.get("/vendor/three/OrbitControls.js")).text()
    assert "from './three.module.js'" in controls and "from 'three'" not in controls
    licence = await client.get("/vendor/three/LICENSE.txt")
    assert licence.status == 200 and "MIT" in await licence.text()


async def test_join_url_and_qr_code(client: TestClient[Any, Any]) -> None:
    join = await (await client.get("/api/join/")).json()
    assert join["url"].startswith("http://") and join["url"].endswith(f":{client.port}/")
    assert join["mdns_url"] == ""
    qr = await client.get("/join-qr.svg")
    assert qr.content_type == "image/svg+xml"
    assert (await qr.text()).startswith("<svg")


async def test_active_view_for_players_and_for_the_gm(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    player = await client.get("/api/active-view/")
    assert await player.read() == store.player_frame().data
    gm = await (await client.get("/api/active-view/", params={"role": "gm", "token": TOKEN})).json()
    rooms = {room["id"] for room in gm["encounter_map"]["rooms"]}
    assert "r-vault" in rooms
    assert (await client.get("/api/active-view/", params={"role": "gm"})).status == 401


async def test_player_snapshot_revalidates_with_its_revision_as_etag(
    client: TestClient[Any, Any], store: Store
) -> None:
    first = await client.get("/api/active-view/")
    etag = first.headers["ETag"]
    assert etag == f'"{store.player_frame().revision}"'
    assert first.headers["Cache-Control"] == "no-cache"
    same = await client.get("/api/active-view/", headers={"If-None-Match": etag})
    assert same.status == 304 and await same.read() == b""
    assert same.headers["ETag"] == etag
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    newer = await client.get("/api/active-view/", headers={"If-None-Match": etag})
    assert newer.status == 200 and newer.headers["ETag"] != etag
    assert await newer.read() == store.player_frame().data
    # The GM's snapshot is never answered from a player's tag.
    gm = await client.get(
        "/api/active-view/",
        params={"role": "gm", "token": TOKEN},
        headers={"If-None-Match": newer.headers["ETag"]},
    )
    assert gm.status == 200 and "ETag" not in gm.headers


async def test_gm_locations_tree(client: TestClient[Any, Any], store: Store) -> None:
    tree = await (await client.get("/api/gm/locations/", headers=GM_HEADERS)).json()
    by_slug = {loc["slug"]: loc for loc in tree["locations"]}
    assert set(by_slug) == {SHIP, OUTPOST, "derelict"}
    ship = by_slug[SHIP]
    assert ship["has_map"] is True and by_slug[OUTPOST]["has_map"] is False
    terminal = store.campaign.locations[SHIP].terminals[0]
    expected = {"slug": terminal.slug, "name": terminal.name, "owner": terminal.owner}
    assert expected in ship["terminals"]


async def test_gm_encounter_map_has_every_room_and_door(client: TestClient[Any, Any]) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    door = {"connection_id": "c-med-vault", "door_status": "OPEN"}
    await gm_post(client, E + "set-door-status/", door)
    decks = (await (await client.get(f"/api/gm/encounter-map/{SHIP}/", headers=GM_HEADERS)).json())[
        "decks"
    ]
    upper = next(d for d in decks if d["id"] == "upper")
    assert upper["default"] is True and upper["grid"]["width"] == 20
    assert "r-vault" in {r["id"] for r in upper["rooms"]}
    connection = next(c for c in upper["connections"] if c["id"] == "c-med-vault")
    assert connection == {"id": "c-med-vault", "from": "r-med", "to": "r-vault",
                          "door_type": "blast_door", "door_status": "OPEN"}  # fmt: skip
    for missing in (OUTPOST, "nowhere"):
        reply = await client.get(f"/api/gm/encounter-map/{missing}/", headers=GM_HEADERS)
        assert reply.status == 404 and (await reply.json())["error"]


async def test_gm_npcs(client: TestClient[Any, Any]) -> None:
    npcs = (await (await client.get("/api/gm/npcs/", headers=GM_HEADERS)).json())["npcs"]
    assert {"id": "kade", "name": "Dr. Kade", "portrait": True} in npcs
    assert {n["id"] for n in npcs} == {"kade", "ghost"}


async def test_room_visibility_read_and_write(client: TestClient[Any, Any]) -> None:
    path = E + "room-visibility/"
    assert (await client.get(path, headers=GM_HEADERS)).status == 409  # no location open
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, path, {"room_visibility": {"r-med": True, "r-corr": True}})
    seen = await (await client.get(path, headers=GM_HEADERS)).json()
    assert seen["room_visibility"]["r-med"] is True
    assert seen["room_visibility"]["r-vault"] is False
    assert "r-engine" in seen["room_visibility"]  # every deck of the location


async def test_write_reply_carries_revision_and_extras(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    body = {"type": "player", "name": "Reyes", "x": 6, "y": 3}
    reply = await gm_post(client, E + "place-token/", body)
    assert reply["success"] is True
    assert reply["revision"] == store.state.revision
    assert reply["token_id"] in store.state.locations[SHIP].tokens
    again = await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER"})
    assert again["revision"] == reply["revision"]  # a write that changes nothing


@pytest.mark.parametrize("path", sorted(WRITE_PATHS))
async def test_every_write_path_is_routed(client: TestClient[Any, Any], path: str) -> None:
    url = path.replace("{channel}", "story").replace("{timer_id}", "t1")
    url = url.replace("{display}", "tv-display-1")
    reply = await client.post(url, data=b"{", headers=GM_JSON)
    assert reply.status == 400
    assert "JSON" in (await reply.json())["error"]


async def test_channel_comes_from_the_path(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "CHARON_TERMINAL"})
    await gm_post(client, "/api/gm/charon/story/send/", {"content": "WELCOME ABOARD"})
    assert b"WELCOME ABOARD" in store.player_frame().data
    nowhere = "/api/gm/charon/nowhere/send/"
    reply = await client.post(nowhere, json={"content": "x"}, headers=GM_HEADERS)
    assert reply.status == 404


async def test_player_allowed_writes_need_no_token(client: TestClient[Any, Any]) -> None:
    assert (await client.post("/api/terminal/hide/", json={})).status == 200
    closing = await client.post("/api/gm/charon/toggle-dialog/", json={"open": False})
    assert closing.status == 200
    opening = await client.post("/api/gm/charon/toggle-dialog/", json={"open": True})
    assert opening.status == 403 and (await opening.json())["error"]


async def test_undo_and_redo(client: TestClient[Any, Any], store: Store) -> None:
    nothing = await client.post("/api/gm/undo/", json={}, headers=GM_HEADERS)
    assert nothing.status == 409
    assert await nothing.json() == {"error": "nothing to undo"}
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    undone = await gm_post(client, "/api/gm/undo/", {})
    assert store.state.view_type == "STANDBY" and undone["revision"] == store.state.revision
    await gm_post(client, "/api/gm/redo/", {})
    assert store.state.view_type == "BRIDGE"
    assert (await client.post("/api/gm/redo/", json={}, headers=GM_HEADERS)).status == 409
    assert (await client.post("/api/gm/undo/", json={})).status == 401


async def test_body_limit_is_64_kib(client: TestClient[Any, Any]) -> None:
    prefix = b'{"content": "hi", "x": "'
    fits = prefix + b"p" * (64 * 1024 - len(prefix) - 2) + b'"}'
    assert len(fits) == 64 * 1024
    assert (await client.post("/api/gm/broadcast/", data=fits, headers=GM_JSON)).status == 200
    over = fits[:-2] + b'p"}'
    reply = await client.post("/api/gm/broadcast/", data=over, headers=GM_JSON)
    assert reply.status == 413
    assert "65536" in (await reply.json())["error"]


async def test_unknown_paths_are_json_404(client: TestClient[Any, Any]) -> None:
    for method, path in (("GET", "/api/nothing/"), ("POST", "/api/gm/nothing/"),
                         ("GET", "/api/active-view")):  # fmt: skip
        reply = await client.request(method, path, headers=GM_HEADERS)
        assert reply.status == 404
        assert await reply.json() == {"error": "not found"}


async def test_chunked_body_over_the_limit_is_413(client: TestClient[Any, Any]) -> None:
    async def chunks() -> Any:
        for _ in range(40):
            yield b"x" * 4096

    reply = await client.post("/api/gm/broadcast/", data=chunks(), headers=GM_JSON)
    assert reply.status == 413
    assert (await reply.json())["error"]
