"""One SSE client: a latest-wins mailbox written to its socket with one transport write per frame.

A frame is encoded once per revision and shared by every client (`EncodedFrame`). A client
whose socket cannot take a frame right away is *blocked*: further frames only replace its
mailbox, so it holds at most one frame beyond what the kernel buffers, and when it catches up
it gets the latest one. A client that stays blocked longer than the write timeout is aborted.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

RETRY_BLOCK = b"retry: 2000\n\n"
KEEPALIVE_BLOCK = b": keepalive\n\n"
DRAIN_POLL = 0.01  # seconds between checks of a blocked client's socket buffer


def chunk_of(payload: bytes) -> bytes:
    """`payload` framed as one HTTP/1.1 chunk (the stream's transfer encoding)."""
    return b"%x\r\n%b\r\n" % (len(payload), payload)


@dataclass(frozen=True, slots=True)
class EncodedFrame:
    """One SSE event, encoded once and shared by every client of a channel."""

    revision: int
    payload: bytes  # `id:` / `event:` / `data:` lines and the blank line
    chunk: bytes  # the same payload framed as an HTTP/1.1 chunk


def encode_event(revision: int, data: bytes) -> EncodedFrame:
    """The SSE event block for one snapshot (`data` is one line of JSON)."""
    payload = b"id: %d\nevent: activeview\ndata: %b\n\n" % (revision, data)
    return EncodedFrame(revision, payload, chunk_of(payload))


KEEPALIVE_FRAME = EncodedFrame(-1, KEEPALIVE_BLOCK, chunk_of(KEEPALIVE_BLOCK))


@dataclass(frozen=True, slots=True)
class DisplayInfo:
    """A connected display as the GM sees it."""

    address: str
    user_agent: str
    connected_since: float  # seconds since the epoch
    last_revision: int  # the revision of the last snapshot written to it (-1: none yet)
    role: str  # "player" or "gm"
    display: str | None = None  # its `?display=` id (None: anonymous)
    kind: str = ""  # what the page guessed it is from its screen (tv/tablet; "" unknown)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.display,
            "address": self.address,
            "user_agent": self.user_agent,
            "connected_since": self.connected_since,
            "last_revision": self.last_revision,
            "role": self.role,
        }


def tune_socket(transport: asyncio.Transport) -> None:
    """Make a vanished display (no FIN, no RST) fail within seconds, not the kernel's minutes."""
    sock = transport.get_extra_info("socket")
    if sock is None:
        return
    options = [
        (socket.SOL_SOCKET, getattr(socket, "SO_KEEPALIVE", None), 1),
        (socket.IPPROTO_TCP, getattr(socket, "TCP_KEEPIDLE", None), 8),
        (socket.IPPROTO_TCP, getattr(socket, "TCP_KEEPINTVL", None), 4),
        (socket.IPPROTO_TCP, getattr(socket, "TCP_KEEPCNT", None), 3),
        # unacknowledged data (a keepalive comment) older than this drops the connection
        (socket.IPPROTO_TCP, getattr(socket, "TCP_USER_TIMEOUT", None), 12_000),
    ]
    for level, name, value in options:
        if name is None:
            continue
        try:
            sock.setsockopt(level, name, value)
        except OSError:  # not a TCP socket (a test transport), or an option the OS refuses
            log.debug("socket option %s not set", name)


def pause_reading(transport: asyncio.Transport) -> None:
    """Stop watching the socket for input: a stream's client sends nothing after its request.

    With hundreds of displays this keeps their sockets out of the event loop's poll set (Qt's
    dispatcher polls every registered socket on every turn); `peer_closed` notices them leave.
    """
    try:
        transport.pause_reading()
    except (AttributeError, NotImplementedError, RuntimeError):
        log.debug("transport cannot pause reading")


def peer_closed(transport: asyncio.Transport) -> bool:
    """Whether the display closed its end or the connection failed (a peek, no read)."""
    if transport.is_closing():
        return True
    sock = transport.get_extra_info("socket")
    if sock is None:
        return False
    try:
        with sock.dup() as probe:  # the dup shares the non-blocking socket
            data: bytes = probe.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return False
    except OSError:
        return True
    return data == b""


class Client:
    """A connected stream: its transport, its mailbox and what the GM's display list shows."""

    __slots__ = (
        "_blocked_since",
        "_waiter",
        "address",
        "blocked",
        "chunked",
        "closed",
        "connected_since",
        "display",
        "kind",
        "last_revision",
        "last_write",
        "pending",
        "ready",
        "role",
        "transport",
        "user_agent",
    )

    def __init__(
        self,
        transport: asyncio.Transport,
        *,
        chunked: bool,
        role: str,
        address: str,
        user_agent: str,
        display: str | None = None,
        kind: str = "",
    ) -> None:
        self.transport = transport
        self.display = display
        self.kind = kind
        self.chunked = chunked
        self.role = role
        self.address = address
        self.user_agent = user_agent
        self.connected_since = time.time()
        self.last_revision = -1
        self.last_write = 0.0
        self.pending: EncodedFrame | None = None
        self.ready = False  # the first snapshot is written; later frames go straight out
        self.blocked = False  # the socket holds unsent bytes: wait until it drains
        self.closed = False
        self._blocked_since = 0.0
        self._waiter: asyncio.Future[None] | None = None

    def info(self) -> DisplayInfo:
        return DisplayInfo(
            self.address,
            self.user_agent,
            self.connected_since,
            self.last_revision,
            self.role,
            self.display,
            self.kind,
        )

    def offer(self, frame: EncodedFrame) -> None:
        """Put a frame into the mailbox (latest wins); an older or equal revision is ignored."""
        if frame.revision > self.last_revision:
            self.pending = frame

    def flush(self, now: float) -> None:
        """Write the mailbox's frame now, unless the client is not ready or is blocked."""
        frame = self.pending
        if frame is None or not self.ready or self.blocked or self.closed:
            return
        self.pending = None
        if frame.revision > self.last_revision:
            self.last_revision = frame.revision
            self.write(frame, now)

    def write(self, frame: EncodedFrame, now: float) -> None:
        """One transport write; a socket that could not take it all blocks the client."""
        transport = self.transport
        if transport.is_closing():
            self.close()
            return
        transport.write(frame.chunk if self.chunked else frame.payload)
        self.last_write = now
        if transport.get_write_buffer_size() > 0:
            self.blocked = True
            self._blocked_since = now
            self.wake()

    def close(self) -> None:
        """Release the client: its handler ends the response and returns."""
        self.closed = True
        self.wake()

    def wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def serve(self, loop: asyncio.AbstractEventLoop, write_timeout: float) -> None:
        """Park until closed; while blocked, wait for the socket to drain, then send the latest."""
        while not self.closed:
            if self.blocked:
                if not await self._drained(loop, write_timeout):
                    if not self.closed:
                        log.info("display %s stopped reading: released", self.address)
                    self.transport.abort()
                    self.closed = True
                    return
                self.blocked = False
                self.flush(loop.time())
                continue
            self._waiter = loop.create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None

    async def _drained(self, loop: asyncio.AbstractEventLoop, write_timeout: float) -> bool:
        deadline = self._blocked_since + write_timeout
        transport = self.transport
        while transport.get_write_buffer_size() > 0:
            if self.closed or transport.is_closing() or loop.time() >= deadline:
                return False
            await asyncio.sleep(DRAIN_POLL)
        return not transport.is_closing()
