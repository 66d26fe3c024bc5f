"""What the GM's activity log says of a display opening a mail: the mail, by subject and
terminal, not "A display: Mark mail read"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.test_utils import TestClient

from desktop.model.activity import ActivityEvent
from desktop.model.store import Store
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
