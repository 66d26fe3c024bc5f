"""One client cannot lock every display out of the ship computer (harden, defect 3): questions
are limited per address as well as per display, and one address holds at most a few of a
channel's waiting places. Real server on 127.0.0.1; other clients from other loopback
addresses (127.0.0.x)."""

from __future__ import annotations

from typing import Any

import aiohttp
from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.limits import MAX_WAITING, MAX_WAITING_PER_ADDRESS
from tests.net.conftest import gm_post

ASK = "/api/charon/story/submit/"


async def ask_from(client: TestClient[Any, Any], address: str, display: str, query: str) -> int:
    """A question sent from `address` (a loopback address of this machine)."""
    connector = aiohttp.TCPConnector(local_addr=(address, 0))
    async with aiohttp.ClientSession(connector=connector) as session:
        url = client.make_url(ASK).with_query(display=display)
        async with session.post(url, json={"query": query}) as reply:
            return reply.status


async def test_one_address_with_new_display_ids_holds_few_waiting_places(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    statuses = [await ask_from(client, "127.0.0.1", f"rotate{n:04d}", f"q{n}") for n in range(12)]
    assert statuses.count(200) == MAX_WAITING_PER_ADDRESS, statuses
    assert statuses[MAX_WAITING_PER_ADDRESS:] == [429] * (12 - MAX_WAITING_PER_ADDRESS)
    # The real tablet, at another address, still asks.
    assert await ask_from(client, "127.0.0.2", "real-tablet-1", "where are we?") == 200
    asked = [e.content for e in store.state.charon.conversations["story"]]
    assert asked == ["q0", "q1", "q2", "where are we?"]


async def test_waiting_questions_are_capped(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    for n in range(MAX_WAITING):
        status = await ask_from(client, f"127.0.0.{10 + n}", f"display{n:02d}", f"q{n}")
        assert status == 200
    assert await ask_from(client, "127.0.0.99", "latecomer", "one more") == 429
    assert len(store.state.charon.conversations["story"]) == MAX_WAITING
