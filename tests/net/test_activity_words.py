"""What the GM's activity log says of a display opening a mail: the mail, by subject and
terminal, not "A display: Mark mail read"."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.actions import SetDisplay
from desktop.model.activity import ActivityEvent
from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.server import create_app
from tests.model.factory import SHIP
from tests.net.conftest import TOKEN, gm_post


async def test_a_display_opening_a_mail_reads_as_the_mail_it_opened(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> None:
    heard: list[ActivityEvent] = []
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, activity=heard.append))
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)
    reply = await client.post("/api/terminal/read/", json={"message_id": "m1"})
    assert reply.status == 200
    assert [event.text for event in heard] == [
        "A display opened mail \u201cLab results\u201d on Sickbay Terminal"
    ]


async def test_a_named_display_joins_and_leaves_by_its_name(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], store: Store
) -> None:
    """The GM named the TV: the log says "Big TV" joined, not only a browser at an address."""
    heard: list[ActivityEvent] = []
    broadcaster = Broadcaster(store, activity=heard.append)
    client = await aiohttp_client(create_app(store, gm_token=TOKEN, broadcaster=broadcaster))
    store.dispatch(SetDisplay("tv-display-01", name="Big TV"))
    stream = await client.get("/api/active-view/stream/?display=tv-display-01")
    await stream.content.readline()  # it is registered: the first line came
    stream.close()
    anonymous = await client.get("/api/active-view/stream/")
    await anonymous.content.readline()
    anonymous.close()
    for _ in range(200):
        if len([e for e in heard if e.text.startswith("Display left")]) == 2:
            break
        await asyncio.sleep(0.01)
    texts = [event.text for event in heard]
    assert texts[0].startswith("Display joined: Big TV (") and "127.0.0.1" in texts[0], texts
    assert any(t.startswith("Display left: Big TV (") for t in texts), texts
    assert any(t.startswith("Display joined: ") and "Big TV" not in t for t in texts), texts
