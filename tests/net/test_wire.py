"""The real listening Server on 127.0.0.1 with raw sockets: what aiohttp's own protocol answers,
bytes no client library would send, clients that leave or stall, and how much gets logged."""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import orjson
import pytest

from desktop.model.store import Store
from desktop.net.connections import BODY_TIMEOUT, HEADER_TIMEOUT, ConnectionGuard
from desktop.net.server import Server, create_app
from tests.net.conftest import TOKEN

GIVE_UP = 30.0  # seconds: generous, the machine is shared
CLOSE_GET = b"GET /api/active-view/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


@dataclass
class Live:
    port: int
    server: Server

    async def exchange(self, raw: bytes) -> bytes:
        """Send raw bytes, read until the server closes (or the give-up time)."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(raw)
        await writer.drain()
        try:
            async with asyncio.timeout(GIVE_UP):
                return await reader.read(-1)
        finally:
            writer.close()


@pytest.fixture
async def live(store: Store) -> AsyncIterator[Live]:
    server = Server(create_app(store, gm_token=TOKEN), "127.0.0.1", 0)
    port = await server.start()
    yield Live(port, server)
    await server.stop()


def head_and_body(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {'traceback' if r.exc_info else ''}"
        for r in caplog.records
    )


async def test_undecodable_authorization_is_a_401_not_a_500(
    live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for target in ("/api/gm/npcs/", "/api/active-view/"):
        request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        answer = await live.exchange(request.encode() + b"Authorization: Bearer \xff\xfe\r\n\r\n")
        status, headers, body = head_and_body(answer)
        assert status == 401
        assert headers["content-type"].startswith("application/json")
        assert orjson.loads(body) == {"error": "GM token required"}
    assert "Traceback" not in log_text(caplog) and "internal error" not in log_text(caplog)


@pytest.mark.parametrize(
    "raw",
    [
        b"GET /<script>alert(1)</script> HTTP/1.1 extra\r\nHost: x\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03<payload>\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header<b>: 1\r\n\r\n",
        b"POST /api/terminal/hide/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x<i>\r\n\r\n",
        b"GET /" + b"a" * 9000 + b"<long> HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    ],
)
async def test_protocol_errors_answer_json_without_echo(
    live: Live, raw: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(200):
        status, headers, body = head_and_body(await live.exchange(raw))
        assert 400 <= status < 500
        assert headers["content-type"].startswith("application/json")
        assert headers["x-content-type-options"] == "nosniff"
        error = orjson.loads(body)["error"]
        assert "<" not in error and "payload" not in error
    text = log_text(caplog)
    assert "traceback" not in text.lower()
    assert len(caplog.records) <= 2, text[:2000]  # once, then a count a minute later


async def test_a_client_leaving_mid_body_is_no_internal_error(
    live: Live, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    revision = store.state.revision
    head = (
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
        "Content-Length: 1000\r\n\r\n"
    )
    for _ in range(50):
        _reader, writer = await asyncio.open_connection("127.0.0.1", live.port)
        writer.write(head.encode() + b'{"content": "hal')
        await writer.drain()
        writer.transport.abort()  # gone without a word
    ok = await live.exchange(CLOSE_GET)
    assert head_and_body(ok)[0] == 200
    assert store.state.revision == revision
    text = log_text(caplog)
    assert "internal error" not in text and "traceback" not in text.lower()
    assert len(caplog.records) <= 2, text[:2000]


async def test_silent_and_half_sent_connections_are_closed(live: Live, store: Store) -> None:
    partial_body = (
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n{"
    )
    cases = {
        "silent": b"",
        "half a request line": b"GET /api/acti",
        "headers without an end": b"GET /api/active-view/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "half a body": partial_body.encode(),
    }
    keep_alive = b"GET /api/active-view/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    cases["half a second request after an answer"] = keep_alive + b"GET /api/active-v"
    # Each read gives up after GIVE_UP: the server closes them after its timeouts, well before.
    assert max(HEADER_TIMEOUT, BODY_TIMEOUT) * 3 < GIVE_UP
    answers = await asyncio.gather(*(live.exchange(raw) for raw in cases.values()))
    status, _headers, body = head_and_body(answers[3])
    assert status == 408 and "body" in orjson.loads(body)["error"]
    assert answers[:3] == [b"", b"", b""]
    assert head_and_body(answers[4])[0] == 200  # the first answered, then closed
    assert store.state.revision == 0


async def test_idle_connections_over_the_cap_give_way_to_new_requests(store: Store) -> None:
    guard = ConnectionGuard(per_address=20, total=30, header_timeout=GIVE_UP * 4, grace=0.0)
    live = Live(0, Server(create_app(store, gm_token=TOKEN), "127.0.0.1", 0, guard))
    live.port = await live.server.start()
    idle = [await asyncio.open_connection("127.0.0.1", live.port) for _ in range(35)]
    stream_reader, stream_writer = await asyncio.open_connection("127.0.0.1", live.port)
    stream_writer.write(b"GET /api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    try:
        async with asyncio.timeout(GIVE_UP):
            assert b"200 OK" in await stream_reader.readuntil(b"\r\n\r\n")
            for _ in range(20):  # the GM's requests are always served, each evicting one more
                assert head_and_body(await live.exchange(CLOSE_GET))[0] == 200
            closed = [await reader.read(-1) == b"" for reader, _writer in idle[:16]]
        assert all(closed)  # the oldest idle ones made room
        assert len(guard) <= 20
        await gm_post_raw(live, {"content": "still streaming"})
        async with asyncio.timeout(GIVE_UP):
            assert b"still streaming" in await stream_reader.readuntil(b"still streaming")
    finally:
        for _reader, writer in [*idle, (stream_reader, stream_writer)]:
            writer.close()
        await live.server.stop()


async def gm_post_raw(live: Live, body: object) -> None:
    data = orjson.dumps(body)
    head = (
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    )
    assert head_and_body(await live.exchange(head.encode() + data))[0] == 200


async def test_a_failing_accept_is_logged_once_a_minute(
    live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    """What asyncio's accept loop reports when the process is out of files (EMFILE)."""
    caplog.set_level(logging.DEBUG)
    loop = asyncio.get_running_loop()
    for _ in range(1000):
        loop.call_exception_handler(
            {
                "message": "socket.accept() out of system resource",
                "exception": OSError(errno.EMFILE, "Too many open files"),
            }
        )
    assert len(caplog.records) == 1, log_text(caplog)[:2000]
    assert "Too many open files" in caplog.records[0].getMessage()
    assert caplog.records[0].exc_info is None  # no traceback
    assert head_and_body(await live.exchange(CLOSE_GET))[0] == 200


async def open_stream(port: int, address: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A display's stream from `address` (a loopback alias), read up to its first snapshot."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(address, 0))
    writer.write(b"GET /api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    async with asyncio.timeout(GIVE_UP):
        await reader.readuntil(b"data:")
    return reader, writer


async def test_streams_count_against_the_per_address_cap(store: Store) -> None:
    """One address opening more streams than the cap loses its oldest; others are served."""
    guard = ConnectionGuard(per_address=20, total=100, header_timeout=GIVE_UP * 4, grace=0.0)
    live = Live(0, Server(create_app(store, gm_token=TOKEN), "127.0.0.1", 0, guard))
    live.port = await live.server.start()
    streams = [await open_stream(live.port, "127.0.0.77") for _ in range(30)]
    try:
        async with asyncio.timeout(GIVE_UP):
            for reader, _writer in streams[:10]:  # the oldest ten were closed by the server
                await reader.read(-1)
                assert reader.at_eof()
        streams.append(await open_stream(live.port, "127.0.0.1"))  # another address: served
        assert head_and_body(await live.exchange(CLOSE_GET))[0] == 200
        await gm_post_raw(live, {"content": "for every display"})
        async with asyncio.timeout(GIVE_UP):
            for reader, _writer in streams[10:]:  # the newest twenty still stream, and that one
                await reader.readuntil(b"for every display")
        assert len(guard) <= 21
    finally:
        for _reader, writer in streams:
            writer.close()
        await live.server.stop()


async def test_a_download_whose_client_never_reads_is_closed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A media download the client stops reading is aborted after the write timeout."""
    big = store.campaign.root / "big.png"
    with big.open("wb") as out:
        out.truncate(64 * 1024 * 1024)  # more than every socket buffer on the way
    monkeypatch.setattr(store, "media", lambda media_id, display=None: big)
    guard = ConnectionGuard(header_timeout=GIVE_UP * 4)
    live = Live(0, Server(create_app(store, gm_token=TOKEN), "127.0.0.1", 0, guard))
    live.port = await live.server.start()
    reader, writer = await asyncio.open_connection("127.0.0.1", live.port)
    writer.write(b"GET /media/big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    try:
        async with asyncio.timeout(GIVE_UP):
            assert b"200 OK" in await reader.readuntil(b"\r\n\r\n")
            writer.transport.pause_reading()  # the client reads no more
            while len(guard):  # the server let go of it (it held it forever before)
                await asyncio.sleep(0.1)
        assert head_and_body(await live.exchange(CLOSE_GET))[0] == 200
    finally:
        writer.close()
        await live.server.stop()


async def test_displays_leaving_their_streams_are_no_error(
    live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    """Streams dropped at every moment (before, during and after the first snapshot)."""
    caplog.set_level(logging.DEBUG)
    request = b"GET /api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    for n in range(60):
        reader, writer = await asyncio.open_connection("127.0.0.1", live.port)
        writer.write(request)
        await writer.drain()
        if n % 3 == 1:
            async with asyncio.timeout(GIVE_UP):
                await reader.readuntil(b"\r\n\r\n")
        elif n % 3 == 2:
            async with asyncio.timeout(GIVE_UP):
                await reader.readuntil(b"data:")
        writer.transport.abort()  # gone without a word
        if n % 10 == 0:
            await gm_post_raw(live, {"content": f"while they leave {n}"})
    async with asyncio.timeout(GIVE_UP):
        while len(live.server.guard):  # every stream released
            await asyncio.sleep(0.1)
    problems = [r for r in caplog.records if r.levelno >= logging.INFO]
    text = log_text(caplog)
    assert "internal error" not in text and "traceback" not in text.lower(), text[:3000]
    assert "ConnectionResetError" not in "\n".join(r.getMessage() for r in problems), text[:3000]
