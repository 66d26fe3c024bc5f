"""Server tests: the real Store and create_app under aiohttp's test client, no Qt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.server import create_app
from tests.model.factory import build_campaign

TOKEN = "gm-secret-token-7f3c9a"
GM_HEADERS = {"Authorization": f"Bearer {TOKEN}"}
JSON = {"Content-Type": "application/json"}  # every write is JSON (else 415)
GM_JSON = {**GM_HEADERS, **JSON}

ClientFactory = Callable[..., Awaitable[TestClient[Any, Any]]]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(build_campaign(tmp_path / "campaign"))


@pytest.fixture
def make_client(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> ClientFactory:
    """A client on create_app(store); pass a Broadcaster to tune its timings."""

    async def make(broadcaster: Broadcaster | None = None) -> TestClient[Any, Any]:
        app: web.Application = create_app(store, gm_token=TOKEN, broadcaster=broadcaster)
        return await aiohttp_client(app)

    return make


@pytest.fixture
async def client(make_client: ClientFactory) -> TestClient[Any, Any]:
    return await make_client()


async def gm_post(client: TestClient[Any, Any], path: str, body: object) -> dict[str, Any]:
    """A GM write that must succeed; answers the JSON reply."""
    response = await client.post(path, json=body, headers=GM_HEADERS)
    reply: dict[str, Any] = await response.json()
    assert response.status == 200, (path, body, reply)
    return reply
