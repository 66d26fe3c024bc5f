"""What players must never receive, and requests the server must refuse."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from desktop.campaign.loader import load_campaign
from desktop.campaign.sample_path import sample_campaign_path
from desktop.model.store import Store
from desktop.net.routes import WRITE_PATHS
from desktop.net.server import create_app
from tests.model.factory import SHIP
from tests.net.conftest import GM_HEADERS, GM_JSON, JSON, TOKEN, gm_post
from tests.net.sse_reader import StreamReader

ENCOUNTER = "/api/gm/encounter/"
SECRETS = [
    "Secret Vault", "Gold bars.", "r-vault", "Gold Pile", "Vault Console", "VAULT CODE 4471",
    "Cargo Bay", "r-cargo", "Hidden Cache", "p-cache", "Engine Room", "Reactor Core",
    "Unstable Core", "r-engine", "Lower Deck", "The Whisper", "NPC-DESC-SECRET",
    "Is secretly the killer.", "Lurker", "Ghosty", "Deep One", "Derelict Husk",
    "Rimward Outpost", "c-med-vault", "c-bridge-corr", "c-corr-cargo", "c-vault-cargo",
    "l-ladder", "kade.png", "galaxy/", TOKEN,
]  # fmt: skip


async def build_table(client: TestClient[Any, Any]) -> dict[str, str]:
    """An encounter with things hidden every way the rules allow; answers token ids."""
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    for room in ("r-bridge", "r-corr", "r-med"):
        await gm_post(client, ENCOUNTER + "toggle-room/", {"room_id": room})
    tokens = {}
    for name, kind, x, y, extra in (
        ("Reyes", "player", 6, 3, {}),
        ("Lurker", "creature", 10, 3, {}),
        ("Ghosty", "npc", 11, 3, {}),  # in the hidden vault until it is hidden itself
        ("Deep One", "creature", 1, 1, {"deck_id": "lower"}),
    ):
        body = {"type": kind, "name": name, "x": x, "y": y, **extra}
        tokens[name] = (await gm_post(client, ENCOUNTER + "place-token/", body))["token_id"]
    status = {"token_id": tokens["Ghosty"], "status": ["hidden"]}
    await gm_post(client, ENCOUNTER + "update-token-status/", status)
    await gm_post(client, ENCOUNTER + "move-token/", {"token_id": tokens["Ghosty"], "x": 7, "y": 3})
    await gm_post(client, ENCOUNTER + "toggle-portrait/", {"npc_id": "kade"})
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    return tokens


async def test_hidden_things_never_reach_players(
    client: TestClient[Any, Any], store: Store, tmp_path: Path
) -> None:
    async with client.get("/api/active-view/stream/") as response:
        reader = StreamReader(response)
        await reader.events(1)
        await build_table(client)
        await reader.until_revision(store.player_frame().revision)  # every frame of the setup
        snapshot_bytes = await (await client.get("/api/active-view/")).read()
    assert b"Medbay" in snapshot_bytes and b"Reyes" in snapshot_bytes  # the test can fail
    assert b"Dr. Kade" in snapshot_bytes and b"Lab results" in snapshot_bytes
    for raw in (snapshot_bytes, reader.raw):
        for secret in [*SECRETS, str(tmp_path)]:
            assert secret.encode() not in raw, secret


async def test_player_moves_are_checked(client: TestClient[Any, Any]) -> None:
    tokens = await build_table(client)
    move = ENCOUNTER + "move-token/"
    npc = await client.post(move, json={"token_id": tokens["Ghosty"], "x": 6, "y": 4})
    assert npc.status in (403, 404)  # hidden from players: it may as well not exist
    alien = await client.post(move, json={"token_id": tokens["Lurker"], "x": 6, "y": 4})
    assert alien.status in (403, 404)
    into_hidden = await client.post(move, json={"token_id": tokens["Reyes"], "x": 10, "y": 3})
    assert into_hidden.status == 403
    assert "error" in await into_hidden.json()
    ok = await client.post(move, json={"token_id": tokens["Reyes"], "x": 6, "y": 4})
    assert ok.status == 200


async def test_player_may_not_move_a_visible_npc_token(client: TestClient[Any, Any]) -> None:
    await build_table(client)
    body = {"type": "npc", "name": "Guard", "x": 2, "y": 2}
    guard = (await gm_post(client, ENCOUNTER + "place-token/", body))["token_id"]
    reply = await client.post(ENCOUNTER + "move-token/", json={"token_id": guard, "x": 3, "y": 2})
    assert reply.status == 403
    assert (await reply.json())["error"]


@pytest.mark.parametrize("path", sorted(p for p, a in WRITE_PATHS.items() if not a.player_allowed))
async def test_gm_writes_need_the_token(client: TestClient[Any, Any], path: str) -> None:
    url = path.replace("{channel}", "story").replace("{timer_id}", "t1")
    url = url.replace("{display}", "tv-display-1")
    revision = (await (await client.get("/api/active-view/")).json())["revision"]
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        reply = await client.post(url, json={}, headers=headers)
        assert reply.status == 401
        assert await reply.json() == {"error": "GM token required"}
    query = await client.post(url, params={"token": TOKEN}, json={})  # only GET may use ?token=
    assert query.status == 401
    assert (await (await client.get("/api/active-view/")).json())["revision"] == revision


@pytest.mark.parametrize(
    "path",
    ["/api/gm/locations/", "/api/gm/encounter-map/tempest/", "/api/gm/npcs/",
     "/api/gm/displays/", "/api/gm/encounter/room-visibility/"],
)  # fmt: skip
async def test_gm_reads_need_the_token(client: TestClient[Any, Any], path: str) -> None:
    assert (await client.get(path)).status == 401
    assert (await client.get(path, params={"token": "nope"})).status == 401
    assert (await client.get(path, params={"token": TOKEN})).status in (200, 409)
    assert (await client.get(path, headers=GM_HEADERS)).status in (200, 409)


@pytest.mark.parametrize(
    "host",
    ["evil.example", "attacker.com:8765", "localhost.evil", "x", "127.0.0.1:18800.evil.com",
     "localhost:80@evil.com", "localhost..", "127.0.0.1 evil.com", "[::1]evil.com"],
)  # fmt: skip
async def test_foreign_host_is_refused_before_anything(
    client: TestClient[Any, Any], host: str
) -> None:
    headers = {"Host": host, **GM_HEADERS}
    for method, path, data in (
        ("GET", "/", None),
        ("GET", "/api/active-view/", None),
        ("POST", "/api/gm/switch-view/", b"{not json"),
        ("POST", "/api/gm/switch-view/", b"x" * 100_000),
    ):
        reply = await client.request(method, path, data=data, headers=headers)
        assert reply.status == 403, (method, path)
        assert (await reply.json())["error"]


@pytest.mark.parametrize(
    "host", ["localhost", "LOCALHOST:8765", "127.0.0.1:1", "192.168.1.20", "[::1]:8765",
             "gm-terminal.local", "10.0.0.5:80"],
)  # fmt: skip
async def test_own_names_and_ip_literals_are_allowed(
    client: TestClient[Any, Any], host: str
) -> None:
    assert (await client.get("/api/active-view/", headers={"Host": host})).status == 200


async def test_precedence_of_errors(client: TestClient[Any, Any]) -> None:
    switch = "/api/gm/switch-view/"
    assert (await client.post(switch, data=b"{" * 70_000, headers=JSON)).status == 413  # then 401
    assert (await client.post(switch, data=b"{bad", headers=JSON)).status == 401  # 401 before 400
    bad = await client.post(switch, data=b"{bad", headers=GM_JSON)
    assert bad.status == 400
    unknown_and_bad = {"view_type": 5, "location_slug": "nowhere"}
    reply = await client.post(switch, json=unknown_and_bad, headers=GM_HEADERS)
    assert reply.status == 400  # 400 before 404


async def test_wrong_method_is_a_json_405(client: TestClient[Any, Any]) -> None:
    for method, path in (("GET", "/api/gm/switch-view/"), ("POST", "/api/active-view/"),
                         ("PUT", "/api/gm/undo/"), ("DELETE", "/")):  # fmt: skip
        reply = await client.request(method, path, headers=GM_HEADERS)
        assert reply.status == 405, (method, path)
        assert (await reply.json())["error"]


async def raw_get(client: TestClient[Any, Any], target: str) -> int:
    """The status of a GET sent byte for byte (no client-side path normalisation)."""
    reader, writer = await asyncio.open_connection(client.server.host, client.server.port)
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    status_line = await reader.readline()
    writer.close()
    return int(status_line.split()[1])


async def test_no_campaign_file_is_served(aiohttp_client: Any) -> None:
    root = sample_campaign_path()
    store = Store(load_campaign(root))
    client = await aiohttp_client(create_app(store, gm_token=TOKEN))
    files = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    assert any(f.endswith(".yaml") for f in files) and any(f.endswith(".md") for f in files)
    for relative in files:
        name = relative.rsplit("/", 1)[-1]
        for target in (f"/{relative}", f"/media/{relative}", f"/media/{name}",
                       f"/terminal/{relative}", f"/{name}"):  # fmt: skip
            assert await raw_get(client, target) == 404, target


@pytest.mark.parametrize(
    "target",
    ["/../pyproject.toml", "/js/../../pyproject.toml", "/%2e%2e/pyproject.toml",
     "/..%2fpyproject.toml", "/terminal/../../desktop/app.py", "/__init__.py",
     "/media/../../etc/passwd", "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd",
     "/player_page/index.html", "/css/__init__.py"],
)  # fmt: skip
async def test_no_traversal(client: TestClient[Any, Any], target: str) -> None:
    assert await raw_get(client, target) in (400, 404)


async def test_guessed_media_names_are_404(client: TestClient[Any, Any], store: Store) -> None:
    await build_table(client)
    frame = store.player_frame()
    assert frame.media, "the shown portrait has a media id"
    for media_id, path in frame.media.items():
        reply = await client.get(f"/media/{media_id}")
        assert reply.status == 200
        assert await reply.read() == path.read_bytes()
    for guess in ("1", "0", "kade", "npc:kade", "kade.png", "token:alien", "crew:reyes",
                  "0123456789abcdef", "alien.png", "upper.png"):  # fmt: skip
        assert (await client.get(f"/media/{guess}")).status == 404, guess
