"""Renaming and removing a marker over HTTP: the reply, the player bytes, the refusals."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.store import Store

from .conftest import GM_HEADERS, gm_post

SHOW = {"view_type": "ENCOUNTER", "location_slug": "tempest"}


async def _player_pois(client: TestClient[Any, Any]) -> dict[str, str]:
    response = await client.get("/api/active-view/")
    snapshot = await response.json()
    return {p["id"]: p["name"] for p in snapshot["encounter_map"]["pois"]}


async def test_rename_and_remove_a_marker(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", SHOW)
    await gm_post(client, "/api/gm/encounter/toggle-room/", {"room_id": "r-med", "visible": True})
    assert await _player_pois(client) == {"p-kit": "Med Kit"}
    reply = await gm_post(
        client, "/api/gm/encounter/rename-poi/", {"poi_id": "p-kit", "name": " First aid "}
    )
    assert reply["success"] is True
    assert await _player_pois(client) == {"p-kit": "First aid"}
    await gm_post(client, "/api/gm/encounter/remove-poi/", {"poi_id": "p-kit"})
    assert await _player_pois(client) == {}
    await gm_post(client, "/api/gm/undo/", {})
    assert await _player_pois(client) == {"p-kit": "First aid"}


async def test_bad_marker_writes_are_clear_4xx(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", SHOW)
    before = store.state
    cases = [
        ("/api/gm/encounter/rename-poi/", {"poi_id": "p-kit"}, 400, "'name'"),
        ("/api/gm/encounter/rename-poi/", {"poi_id": "p-kit", "name": 7}, 400, "'name'"),
        ("/api/gm/encounter/remove-poi/", {"poi_id": "p-none"}, 404, "p-none"),
    ]
    for path, body, status, words in cases:
        response = await client.post(path, json=body, headers=GM_HEADERS)
        assert response.status == status, body
        assert words in (await response.json())["error"]
    response = await client.post("/api/gm/encounter/remove-poi/", json={"poi_id": "p-kit"})
    assert response.status in (401, 403)  # a player may not
    assert store.state is before
