"""Host and Origin checks on the real server with raw requests: one header of each, the
scheme of this server, and no write without a Host header (docs/interfaces.md)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
import pytest

from desktop.model.store import Store
from desktop.net.server import Server, create_app
from tests.net.conftest import TOKEN
from tests.net.test_wire import Live, head_and_body

BODY = orjson.dumps({"content": "forged"})


@pytest.fixture
async def live(store: Store) -> AsyncIterator[Live]:
    server = Server(create_app(store, gm_token=TOKEN), "127.0.0.1", 0)
    port = await server.start()
    yield Live(port, server)
    await server.stop()


def gm_write(live: Live, headers: list[str], version: str = "1.1") -> bytes:
    lines = [
        f"POST /api/gm/broadcast/ HTTP/{version}",
        *headers,
        f"Authorization: Bearer {TOKEN}",
        "Content-Type: application/json",
        f"Content-Length: {len(BODY)}",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + BODY


def read(live: Live, headers: list[str], version: str = "1.1") -> bytes:
    lines = [f"GET /api/active-view/ HTTP/{version}", *headers, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def refused(live: Live, raw: bytes, statuses: tuple[int, ...], store: Store) -> str:
    revision = store.state.revision
    status, headers, body = head_and_body(await live.exchange(raw))
    assert status in statuses, (status, body)
    assert headers["content-type"].startswith("application/json")
    assert store.state.revision == revision
    message: str = orjson.loads(body)["error"]
    return message


async def test_an_https_origin_is_not_this_http_server(live: Live, store: Store) -> None:
    host = f"127.0.0.1:{live.port}"
    raw = gm_write(live, [f"Host: {host}", f"Origin: https://{host}"])
    assert "own pages" in await refused(live, raw, (403,), store)
    own = gm_write(live, [f"Host: {host}", f"Origin: http://{host}"])
    assert head_and_body(await live.exchange(own))[0] == 200


async def test_two_origin_or_host_headers_are_refused(live: Live, store: Store) -> None:
    host = f"127.0.0.1:{live.port}"
    doubled = {
        "Origin": [f"Host: {host}", f"Origin: http://{host}", "Origin: http://evil.example"],
        "Host": [f"Host: {host}", "Host: evil.example", f"Origin: http://{host}"],
    }
    for name, headers in doubled.items():
        for raw in (gm_write(live, headers), read(live, headers)):
            message = await refused(live, raw, (400,), store)
            assert name in message or "malformed" in message  # aiohttp's parser or ours


async def test_a_write_needs_a_host_header(live: Live, store: Store) -> None:
    assert "Host" in await refused(live, gm_write(live, [], "1.0"), (403,), store)
    await refused(live, gm_write(live, [], "1.1"), (400,), store)  # HTTP/1.1 needs one anyway
    status, _headers, body = head_and_body(await live.exchange(read(live, [], "1.0")))
    assert status == 200 and "revision" in orjson.loads(body)  # reads need no Host header
