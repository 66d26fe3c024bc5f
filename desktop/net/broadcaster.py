"""SSE fan-out: every change is encoded once and put into each client's latest-wins mailbox.

The store calls `Broadcaster.publish` synchronously (subscriber order BROADCAST); it only
schedules one flush. The flush takes the store's current player frame, encodes it once,
offers it to every mailbox and writes it to every display that can take it with one
transport write each; a blocked display keeps only the latest frame. So a slow display can
never stall the store, the GM window or the other displays, and a burst of changes costs one
frame per flush interval. A write handler runs a flush that is due at once itself
(`deliver`), after the commit and before its reply: the displays need not wait for the
reply's write and the loop's next turn.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Protocol

import orjson
from aiohttp import web
from aiohttp.http import HttpVersion11

from desktop.model.activity import ActivitySink, display_event, ignore_activity
from desktop.model.display_state import DISPLAY_KINDS
from desktop.net.limits import display_of
from desktop.net.sse import (
    KEEPALIVE_FRAME,
    RETRY_BLOCK,
    Client,
    DisplayInfo,
    EncodedFrame,
    encode_event,
    pause_reading,
    peer_closed,
    tune_socket,
)

log = logging.getLogger(__name__)

KEEPALIVE_INTERVAL = 15.0  # seconds without an event before a `: keepalive` comment
WRITE_TIMEOUT = 5.0  # seconds a display may take to accept a frame before it is dropped
TICK = 1.0  # seconds between keepalive / vanished-client sweeps
MIN_INTERVAL = 0.004  # seconds between two frames to the displays (bursts are coalesced)
MAX_INTERVAL = 0.025  # the interval doubles up to this while changes keep coming
SSE_HEADERS = {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
}


class PlayerFrame(Protocol):
    """What the store hands out for players: the snapshot encoded once (one line of JSON)."""

    @property
    def revision(self) -> int: ...

    @property
    def data(self) -> bytes: ...


class NamedDisplay(Protocol):
    """A display's settings, as far as the activity log names it."""

    @property
    def name(self) -> str: ...


class RevisionState(Protocol):
    """The part of the table state the broadcaster reads."""

    @property
    def revision(self) -> int: ...

    @property
    def displays(self) -> Mapping[str, NamedDisplay]: ...


class FrameSource(Protocol):
    """The store, as the broadcaster sees it."""

    @property
    def state(self) -> RevisionState: ...

    def player_frame(self, display: str | None = None) -> PlayerFrame: ...

    def gm_snapshot(self) -> Mapping[str, object]: ...


class Broadcaster:
    """Keeps the connected displays and pushes the latest snapshot to each of them."""

    def __init__(
        self,
        store: FrameSource,
        *,
        keepalive: float = KEEPALIVE_INTERVAL,
        write_timeout: float = WRITE_TIMEOUT,
        tick: float = TICK,
        min_interval: float = MIN_INTERVAL,
        max_interval: float = MAX_INTERVAL,
        activity: ActivitySink = ignore_activity,
    ) -> None:
        self._store = store
        self._activity = activity
        self._keepalive = keepalive
        self._write_timeout = write_timeout
        self._tick = tick
        self._clients: dict[Client, None] = {}  # an ordered set
        self._encoded: dict[int, tuple[PlayerFrame, EncodedFrame]] = {}  # by id of the frame
        self._gm: EncodedFrame | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._scheduled: asyncio.Handle | None = None  # the flush to come
        self._due_now = False  # that flush runs on the loop's next turn (no burst interval)
        self._dirty = False
        self._min_interval = min_interval
        self._max_interval = max(min_interval, max_interval)
        self._interval = min_interval
        self._last_change = float("-inf")
        self._gap = 1.0
        self._last_flush = float("-inf")
        self._ticker: asyncio.Task[None] | None = None
        self._closing = False

    # --- the store side ---------------------------------------------------------------------

    def publish(self, state: object = None) -> None:
        """Subscriber callback: note the change and schedule one flush; never awaits or writes.

        The frame is taken from the store at flush time: a burst of changes within one flush
        interval is projected and encoded once, and every display gets the latest (latest wins).
        """
        self._dirty = True
        loop = self._loop
        if loop is not None:
            now = loop.time()
            # A moving average of the gaps between changes tells a burst (a script) from
            # changes at human speed, which go out at once.
            gap = min(now - self._last_change, 1.0)
            self._gap = 0.8 * self._gap + 0.2 * gap
            if self._gap >= self._min_interval:
                self._interval = self._min_interval
            self._last_change = now
        self._schedule_flush()

    def _fill_mailboxes(self) -> None:
        # Offer the current frame to everyone: a client that connected since the change has
        # it already (it is not offered twice); the rest get it whatever the cache says.
        self._dirty = False
        encoded: dict[int, tuple[PlayerFrame, EncodedFrame]] = {}
        player = self._player_frame(None, encoded)
        gm = self._gm_frame() if self._has_gm_clients() else None
        for client in self._clients:
            if client.role == "gm" and gm is not None:
                client.offer(gm)
            else:
                display = client.display
                client.offer(player if display is None else self._player_frame(display, encoded))
        self._encoded = encoded  # only what this flush used: older frames are let go

    def _player_frame(
        self,
        display: str | None = None,
        encoded: dict[int, tuple[PlayerFrame, EncodedFrame]] | None = None,
    ) -> EncodedFrame:
        """A display's frame, encoded once for every display it is shared by (the store hands
        the displays of one audience the same frame)."""
        if encoded is None:
            encoded = self._encoded
        source = self._store.player_frame(display)
        key = id(source)
        hit = encoded.get(key) or self._encoded.get(key)
        if hit is None or hit[0] is not source:
            hit = (source, encode_event(source.revision, source.data))
        encoded[key] = hit
        return hit[1]

    def _gm_frame(self) -> EncodedFrame:
        revision = self._store.state.revision
        if self._gm is None or self._gm.revision != revision:
            self._gm = encode_event(revision, orjson.dumps(self._store.gm_snapshot()))
        return self._gm

    def _has_gm_clients(self) -> bool:
        return any(client.role == "gm" for client in self._clients)

    def deliver(self) -> None:
        """Run now a flush that would run on the loop's next turn (not one a burst holds back).

        The write handlers call this once their change is committed, before they answer; a
        flush that fails is logged as the loop would, and never fails the write.
        """
        scheduled = self._scheduled
        if scheduled is None or not self._due_now:
            return
        scheduled.cancel()
        try:
            self._flush()
        except Exception:
            log.exception("flushing revision %d to the displays failed", self._store.state.revision)

    def _schedule_flush(self) -> None:
        if self._scheduled is not None:
            return
        loop = self._loop
        if loop is None or loop.is_closed():
            self._flush()
            return
        wait = self._last_flush + self._interval - loop.time()
        self._due_now = wait <= 0
        if wait > 0:
            # A burst: the displays get the latest frame once per interval, which doubles
            # while changes keep coming (up to max_interval), leaving the loop to the writes.
            self._scheduled = loop.call_later(wait, self._flush)
            self._interval = min(self._interval * 2, self._max_interval)
        else:
            self._scheduled = loop.call_soon(self._flush)

    def _flush(self) -> None:
        self._scheduled = None
        if self._dirty:
            self._fill_mailboxes()
        now = self._last_flush = self._now()
        for client in self._clients:
            client.flush(now)

    def _now(self) -> float:
        return self._loop.time() if self._loop is not None else 0.0

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the keepalive sweep (call with the loop running)."""
        self._loop = asyncio.get_running_loop()
        self._closing = False
        if self._ticker is None:
            self._ticker = self._loop.create_task(self._sweep_forever())

    async def close(self) -> None:
        """Release every stream so the server can stop at once (aiohttp on_shutdown)."""
        self._closing = True
        for client in list(self._clients):
            client.close()
        if self._ticker is not None:
            self._ticker.cancel()  # it only sleeps between sweeps: nothing to wait for
            self._ticker = None

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self._tick)
            self.sweep()

    def sweep(self) -> None:
        """Release closed connections; write a keepalive to every client idle too long."""
        now = self._now()
        keepalive = KEEPALIVE_FRAME
        for client in list(self._clients):
            if peer_closed(client.transport):
                client.transport.abort()
                client.close()
            elif client.ready and not client.blocked and now - client.last_write >= self._keepalive:
                client.write(keepalive, now)

    # --- the stream handler -------------------------------------------------------------------

    def displays(self) -> list[DisplayInfo]:
        """The connected displays, oldest first."""
        return [client.info() for client in self._clients if not client.closed]

    @property
    def client_count(self) -> int:
        return len(self._clients)

    async def stream(self, request: web.Request, role: str = "player") -> web.StreamResponse:
        """The SSE response: register, write `retry:` and the current snapshot, then park."""
        response = web.StreamResponse(headers=SSE_HEADERS)
        if self._closing:
            raise web.HTTPServiceUnavailable(reason="shutting down")
        display = display_of(request)  # a malformed `?display=` is a 400, before any byte
        await response.prepare(request)
        transport = request.transport
        if transport is None or transport.is_closing():
            return response
        tune_socket(transport)
        pause_reading(transport)
        client = Client(
            transport,
            chunked=request.version >= HttpVersion11,
            role=role,
            address=request.remote or "",
            user_agent=request.headers.get("User-Agent", ""),
            display=display,
            kind=kind if (kind := request.query.get("kind", "")) in DISPLAY_KINDS else "",
        )
        # Registered before the first snapshot is read: a change from now on lands in its
        # mailbox, so none can fall between the snapshot and the stream.
        self._clients[client] = None
        self._report(client, joined=True)
        try:
            await self._serve(client, response)
        finally:
            self._clients.pop(client, None)
            self._report(client, joined=False)
        return response

    def _report(self, client: Client, *, joined: bool) -> None:
        if client.role == "player":  # the GM hears of displays, not of GM scripts
            settings = self._store.state.displays.get(client.display or "")
            name = settings.name if settings is not None else ""
            at = time.time()
            self._activity(display_event(joined, client.address, client.user_agent, at, name))

    async def _serve(self, client: Client, response: web.StreamResponse) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        if client.role == "gm":
            first = self._gm_frame()
        else:
            first = self._player_frame(client.display, self._encoded)
        client.last_revision = first.revision
        client.last_write = loop.time()
        try:
            await response.write(RETRY_BLOCK + first.payload)
        except (ConnectionError, RuntimeError):
            return
        client.ready = True
        client.flush(loop.time())  # anything that changed while the first write drained
        await client.serve(loop, self._write_timeout)
