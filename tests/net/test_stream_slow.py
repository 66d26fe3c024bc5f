"""Slow, stalled and vanished displays: latest wins, nobody else waits, nobody leaks."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from desktop.model.store import Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.server import create_app
from tests.net.conftest import TOKEN, ClientFactory, gm_post
from tests.net.sse_reader import StreamReader, dechunk, parse_blocks

STREAM = "/api/active-view/stream/"
BIG = "x" * 3900  # broadcasts are kept (the last 20): snapshots grow to ~80 KB


async def raw_stream(
    client: TestClient[Any, Any],
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A stream opened on a socket with a tiny receive buffer; nothing reads it yet."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.sock_connect(sock, (client.server.host, client.server.port))
    reader, writer = await asyncio.open_connection(sock=sock, limit=1024)
    writer.write(f"GET {STREAM} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    return reader, writer  # keep the writer: dropping it closes the connection


async def wait_for(condition: Any, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


async def flood(client: TestClient[Any, Any], count: int) -> None:
    for index in range(count):
        await gm_post(client, "/api/gm/broadcast/", {"content": f"{index} {BIG}"})


async def test_slow_display_skips_to_the_latest(make_client: ClientFactory, store: Store) -> None:
    broadcaster = Broadcaster(store, write_timeout=60.0)
    client = await make_client(broadcaster)
    reader, writer = await raw_stream(client)
    await wait_for(lambda: broadcaster.client_count == 1)
    await flood(client, 150)  # ~12 MB of snapshots: far more than the socket buffers hold
    final = store.player_frame().revision

    head, body, pending = b"", b"", b""
    events: list[Any] = []
    async with asyncio.timeout(30):
        while b"\r\n\r\n" not in head:
            head += await reader.read(1 << 16)
        body = head.split(b"\r\n\r\n", 1)[1]
        while not events or events[-1].revision < final:
            decoded, body = dechunk(body)
            found, _others, pending = parse_blocks(pending + decoded)
            events += found
            if not events or events[-1].revision < final:
                body += await reader.read(1 << 16)
    writer.close()
    revisions = [e.revision for e in events]
    assert revisions == sorted(set(revisions)), "a display saw an older revision after a newer one"
    assert revisions[-1] == final
    assert len(revisions) < 151, "the slow display should have skipped intermediate frames"


async def test_stalled_display_is_released_others_keep_up(
    make_client: ClientFactory, store: Store
) -> None:
    broadcaster = Broadcaster(store, write_timeout=0.3, tick=0.05)
    client = await make_client(broadcaster)
    _reader, writer = await raw_stream(client)
    async with client.get(STREAM) as response:
        live = StreamReader(response)
        await live.events(1)
        await wait_for(lambda: broadcaster.client_count == 2)
        async with asyncio.timeout(30):  # until its buffers are full and the timeout drops it
            index = 0
            while broadcaster.client_count == 2:
                await gm_post(client, "/api/gm/broadcast/", {"content": f"{index} {BIG}"})
                await live.events(1)
                index += 1
        final = store.player_frame().revision
        await live.until_revision(final)
        assert len(broadcaster.displays()) == 1
    writer.close()


async def test_vanished_display_is_released(make_client: ClientFactory, store: Store) -> None:
    broadcaster = Broadcaster(store, tick=0.05)
    client = await make_client(broadcaster)
    _reader, writer = await raw_stream(client)
    await wait_for(lambda: broadcaster.client_count == 1)
    writer.close()
    await wait_for(lambda: broadcaster.client_count == 0)
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})  # still serving


async def test_shutdown_with_open_streams_is_prompt(store: Store) -> None:
    server = TestServer(create_app(store, gm_token=TOKEN))
    client = TestClient(server)
    await client.start_server()
    responses = [await client.get(STREAM) for _ in range(30)]
    for response in responses:
        await StreamReader(response).events(1)
    await asyncio.wait_for(server.close(), 10)  # PITFALLS: would wait 2 x 60 s if parked
    for response in responses:
        rest = await asyncio.wait_for(response.content.read(), 10)  # the stream ended
        assert b"event:" not in rest
        response.close()
    await client.close()
