"""The broadcaster's mailboxes without sockets: fake transports record what is written."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient

from desktop.model.actions import SwitchView
from desktop.model.store import BROADCAST, Store
from desktop.net.broadcaster import Broadcaster
from desktop.net.server import create_app
from desktop.net.sse import Client, chunk_of, encode_event
from tests.model.factory import build_campaign
from tests.net.conftest import TOKEN, gm_post


class FakeTransport:
    """Records writes; `backlog` bytes pretend to sit in the socket buffer."""

    def __init__(self) -> None:
        self.written: list[bytes] = []
        self.backlog = 0
        self.aborted = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return self.aborted

    def get_write_buffer_size(self) -> int:
        return self.backlog

    def abort(self) -> None:
        self.aborted = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default


def attach(broadcaster: Broadcaster, store: Store) -> tuple[Client, FakeTransport]:
    """A ready client holding the current frame, as after its first write."""
    transport = FakeTransport()
    client = Client(transport, chunked=True, role="player", address="10.0.0.9", user_agent="tv")
    client.last_revision = store.player_frame().revision
    client.ready = True
    broadcaster._clients[client] = None
    return client, transport


async def test_a_change_reaches_clients_even_if_a_newcomer_read_it_first(tmp_path: Path) -> None:
    store = Store(build_campaign(tmp_path))
    broadcaster = Broadcaster(store)
    broadcaster.start()
    store.subscribe(broadcaster.publish, BROADCAST)
    _client, transport = attach(broadcaster, store)
    store.dispatch(SwitchView("BRIDGE"))  # the flush is scheduled, not run yet
    broadcaster._player_frame()  # a display connecting now takes the new frame first
    async with asyncio.timeout(10):
        while not transport.written:
            await asyncio.sleep(0.001)
    frame = store.player_frame()
    assert transport.written == [encode_event(frame.revision, frame.data).chunk]
    await broadcaster.close()


async def test_blocked_client_holds_one_frame_and_gets_the_latest(tmp_path: Path) -> None:
    store = Store(build_campaign(tmp_path))
    broadcaster = Broadcaster(store, min_interval=0.0)
    broadcaster.start()
    store.subscribe(broadcaster.publish, BROADCAST)
    client, transport = attach(broadcaster, store)
    serving = asyncio.create_task(client.serve(asyncio.get_running_loop(), write_timeout=30))
    transport.backlog = 1  # the socket is full from now on
    for view in ("BRIDGE", "CHARON_TERMINAL", "BRIDGE", "ENCOUNTER"):
        body = {"view_type": view, "location_slug": "tempest"}
        store.dispatch(SwitchView.from_body(body))
        await asyncio.sleep(0.01)
    assert len(transport.written) == 1  # one frame written, then blocked: the rest wait
    assert client.pending is not None and client.pending.revision == store.player_frame().revision
    transport.backlog = 0  # it catches up
    async with asyncio.timeout(10):
        while len(transport.written) < 2:
            await asyncio.sleep(0.001)
    assert transport.written[-1] == encode_event(*_current(store)).chunk
    assert client.last_revision == store.player_frame().revision
    client.close()
    await serving
    await broadcaster.close()


async def test_blocked_past_the_write_timeout_is_aborted(tmp_path: Path) -> None:
    store = Store(build_campaign(tmp_path))
    broadcaster = Broadcaster(store, min_interval=0.0)
    broadcaster.start()
    store.subscribe(broadcaster.publish, BROADCAST)
    client, transport = attach(broadcaster, store)
    serving = asyncio.create_task(client.serve(asyncio.get_running_loop(), write_timeout=0.05))
    transport.backlog = 1
    store.dispatch(SwitchView("BRIDGE"))
    async with asyncio.timeout(10):
        await serving
    assert transport.aborted and client.closed
    await broadcaster.close()


async def test_displays_get_a_change_before_the_writer_gets_its_reply(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], tmp_path: Path
) -> None:
    # The change is committed when the write handler dispatches it: the displays' frame goes
    # out then, not after the reply's write and a turn of the loop. (No burst interval: a
    # change soon after another may wait for it, and then goes out after the reply.)
    store = Store(build_campaign(tmp_path))
    broadcaster = Broadcaster(store, min_interval=0.0)
    app = create_app(store, gm_token=TOKEN, broadcaster=broadcaster)
    at_reply: list[list[bytes]] = []

    async def note(request: web.Request, _response: web.StreamResponse) -> None:
        if request.method == "POST":
            at_reply.append(list(transport.written))

    app.on_response_prepare.append(note)
    client = await aiohttp_client(app)
    _display, transport = attach(broadcaster, store)
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "BRIDGE"})
    assert at_reply == [[encode_event(*_current(store)).chunk]]
    await gm_post(client, "/api/gm/undo/", {})
    assert at_reply[1] == [*at_reply[0], encode_event(*_current(store)).chunk]


def test_keepalive_and_chunk_framing() -> None:
    assert chunk_of(b": keepalive\n\n") == b"d\r\n: keepalive\n\n\r\n"
    event = encode_event(7, b'{"a":1}')
    assert event.payload == b'id: 7\nevent: activeview\ndata: {"a":1}\n\n'
    assert event.chunk == b"%x\r\n%b\r\n" % (len(event.payload), event.payload)


def _current(store: Store) -> tuple[int, bytes]:
    frame = store.player_frame()
    return frame.revision, frame.data
