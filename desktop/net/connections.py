"""The listening side's guard: no idle or half-sent connection can stall or starve the server.

Every connection is tracked from accept to close. One that is still *waiting* (no complete
request yet: silent, partial headers, partial body, or idle between keep-alive requests) must
send its request within HEADER_TIMEOUT, else it is closed. Connections are capped per client
address and in all (below the open-files limit); over a cap the oldest waiting connection is
closed, never the new one, so a fresh request (the GM's) is always read. Streams count too:
an address served more than its cap at once loses its oldest stream, so no address can hold
every slot. An answer whose client takes none of it for WRITE_TIMEOUT is aborted.
aiohttp's own protocol errors answer JSON, and are logged once with a count.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import orjson
from aiohttp import web

from desktop.net.quietlog import QuietLog

log = logging.getLogger(__name__)
PROTOCOL_LOG = QuietLog(logging.getLogger("desktop.net.http"))  # shared by every connection

HEADER_TIMEOUT = 5.0  # seconds to send a request's headers (after connecting or an answer)
BODY_TIMEOUT = 5.0  # seconds to send a request's body once its headers are in
WRITE_TIMEOUT = 5.0  # seconds an answer may wait on a client that takes none of it (then aborted)
PER_ADDRESS = 256  # connections from one client address (50+ displays on loopback are normal)
GRACE = 1.0  # seconds a new connection has to send its request before a per-address cap counts
MAX_CONNECTIONS = 16384
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # API.md "Headers": only this server, plus data:/blob: images and media.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'",
}


def open_files_limit() -> int | None:
    """The soft limit on open files (None where the platform has none)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def raise_open_files_limit() -> None:
    """Raise the soft open-files limit to the hard one (many displays, many connections)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as exc:
            log.info("cannot raise the open-files limit to %s: %s", target, exc)


def connection_cap(limit: int | None) -> int:
    """Connections allowed in all: the file limit less room for the state file, media, Qt."""
    if limit is None:
        return MAX_CONNECTIONS
    return max(16, min(MAX_CONNECTIONS, limit - max(64, limit // 8)))


class Tracked:
    """One connection: where from, since when it waits, and whether a handler serves it."""

    __slots__ = ("address", "handler", "serving", "since", "timer", "transport")

    def __init__(self, handler: GuardedHandler, transport: asyncio.Transport, now: float) -> None:
        peer = transport.get_extra_info("peername")
        self.address = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        self.handler = handler
        self.transport = transport
        self.since = now
        self.serving = False
        self.timer: asyncio.TimerHandle | None = None


Waiting = dict["GuardedHandler", Tracked]  # in the order they began to wait: oldest first


class ConnectionGuard:
    """Tracks the connections; enforces the caps and the header timeout.

    Over the per-address cap the oldest connection of that address still waiting for its
    request is closed, if it has had `grace` to send it (so a flood of new connections cannot
    push out one that is sending its request right now; the header timeout ends the flood's
    own). An address served more than the cap at once (streams) loses its oldest one being
    served. Over the total cap the oldest waiting one of anyone is closed at once; when every
    other connection is being served, the new one is.
    """

    def __init__(
        self,
        *,
        per_address: int = PER_ADDRESS,
        total: int | None = None,
        header_timeout: float = HEADER_TIMEOUT,
        grace: float = GRACE,
    ) -> None:
        self.total = total if total is not None else connection_cap(open_files_limit())
        # one address never holds more than half of all: the others (and the GM) get the rest
        self.per_address = max(1, min(per_address, self.total // 2))
        self.header_timeout = header_timeout
        self.grace = grace
        self._conns: dict[GuardedHandler, Tracked] = {}
        self._from: dict[str, Waiting] = {}  # every connection of each address, oldest first
        self._waiting: Waiting = {}
        self._waiting_from: dict[str, Waiting] = {}  # the waiting ones of each address
        self._quiet = QuietLog(log)

    def __len__(self) -> int:
        return len(self._conns)

    def opened(self, handler: GuardedHandler, transport: asyncio.Transport) -> None:
        tracked = Tracked(handler, transport, asyncio.get_running_loop().time())
        self._conns[handler] = tracked
        same = self._from.setdefault(tracked.address, {})
        same[handler] = tracked
        self._wait(tracked)
        if len(same) > self.per_address:
            self._evict_from(tracked)
        if len(self._conns) > self.total:
            self._evict_any(tracked)

    def closed(self, handler: GuardedHandler) -> None:
        tracked = self._conns.pop(handler, None)
        if tracked is None:
            return
        self._unwait(tracked)
        same = self._from.get(tracked.address)
        if same is not None:
            same.pop(handler, None)
            if not same:
                del self._from[tracked.address]

    def headers_in(self, handler: GuardedHandler) -> None:
        """The headers are in: the body has BODY_TIMEOUT of its own (the middleware's)."""
        tracked = self._conns.get(handler)
        if tracked is not None and tracked.timer is not None:
            tracked.timer.cancel()
            tracked.timer = None

    def serving(self, handler: GuardedHandler) -> None:
        """The request is complete (headers and body): its handler runs, without a timeout.

        Streams count against the per-address cap: when this address is served more than the
        cap at once (no set of real displays opens that many), its oldest one is closed.
        """
        tracked = self._conns.get(handler)
        if tracked is None:
            return
        tracked.serving = True
        self._unwait(tracked)
        same = self._from.get(tracked.address, {})
        if len(same) - len(self._waiting_from.get(tracked.address, {})) > self.per_address:
            oldest = next(t for t in same.values() if t.serving)
            reason = f"over {self.per_address} served from {tracked.address}"
            self._quiet.warning("evict:served", f"closed the oldest stream: {reason}")
            self._close(oldest)

    def waiting(self, handler: GuardedHandler) -> None:
        """Answered: the connection waits for its next request (and may be closed again)."""
        tracked = self._conns.get(handler)
        if tracked is not None:
            self._unwait(tracked)  # to the end of the queue: it waits from now
            tracked.serving = False
            tracked.since = asyncio.get_running_loop().time()
            # aiohttp's keep-alive timer (HEADER_TIMEOUT, set by Server) closes it if it idles
            # or half-sends its next request: no timer of ours per request
            self._wait(tracked, timer=False)

    def _wait(self, tracked: Tracked, *, timer: bool = True) -> None:
        self._waiting[tracked.handler] = tracked
        self._waiting_from.setdefault(tracked.address, {})[tracked.handler] = tracked
        if timer:
            loop = asyncio.get_running_loop()
            deadline = tracked.since + self.header_timeout
            tracked.timer = loop.call_at(deadline, self._expire, tracked)

    def _unwait(self, tracked: Tracked) -> None:
        if tracked.timer is not None:
            tracked.timer.cancel()
            tracked.timer = None
        self._waiting.pop(tracked.handler, None)
        same = self._waiting_from.get(tracked.address)
        if same is not None:
            same.pop(tracked.handler, None)
            if not same:
                del self._waiting_from[tracked.address]

    def _expire(self, tracked: Tracked) -> None:
        tracked.timer = None
        if not tracked.serving and tracked.handler in self._conns:
            self._close(tracked)

    def _evict_from(self, newest: Tracked) -> None:
        oldest = next(iter(self._waiting_from.get(newest.address, {}).values()), None)
        if (
            oldest is not None
            and oldest is not newest
            and oldest.since <= newest.since - self.grace
        ):
            reason = f"over {self.per_address} connections from {newest.address}"
            self._quiet.warning("evict:address", f"closed the oldest idle connection: {reason}")
            self._close(oldest)

    def _evict_any(self, newest: Tracked) -> None:
        oldest = next(iter(self._waiting.values()), None)
        victim = oldest if oldest is not None and oldest is not newest else newest
        self._quiet.warning(
            "evict:total", f"closed the oldest idle connection: over {self.total} in all"
        )
        self._close(victim)

    def _close(self, tracked: Tracked) -> None:
        self.closed(tracked.handler)
        tracked.transport.abort()

    def close_all(self) -> None:
        """Stop every timer (the server is shutting down)."""
        for tracked in list(self._conns.values()):
            self._unwait(tracked)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"


class GuardedHandler(web.RequestHandler):
    """aiohttp's protocol, reporting to the guard; its own errors answer JSON, logged quietly."""

    def __init__(
        self,
        manager: web.Server,
        guard: ConnectionGuard,
        write_timeout: float = WRITE_TIMEOUT,
        **kwargs: Any,
    ) -> None:
        super().__init__(manager, **kwargs)
        self.guard = guard
        self.write_timeout = write_timeout
        self._stalled: asyncio.TimerHandle | None = None

    def pause_writing(self) -> None:
        """The client takes nothing more for now: it has `write_timeout` to make progress."""
        super().pause_writing()
        if self._stalled is None and self.transport is not None:
            loop = asyncio.get_running_loop()
            self._stalled = loop.call_later(self.write_timeout, self._abort_stalled)

    def resume_writing(self) -> None:
        self._cancel_stalled()
        super().resume_writing()

    def _cancel_stalled(self) -> None:
        if self._stalled is not None:
            self._stalled.cancel()
            self._stalled = None

    def _abort_stalled(self) -> None:
        self._stalled = None
        PROTOCOL_LOG.info("stalled", "closed a connection whose client stopped reading")
        if self.transport is not None:
            self.transport.abort()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        if isinstance(transport, asyncio.Transport):
            self.guard.opened(self, transport)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._cancel_stalled()
        self.guard.closed(self)
        super().connection_lost(exc)

    def handle_error(
        self,
        request: web.BaseRequest,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        """A request aiohttp could not parse (or a handler failure): JSON, never the input.

        A client that left (a ConnectionError) gets no answer and no log line above debug:
        aiohttp closes the connection as a premature disconnection.
        """
        if isinstance(exc, ConnectionError):
            log.debug("a client left before its answer was written: %s", exc)
            raise exc
        phrase = _phrase(status)
        kind = type(exc).__name__ if exc is not None else "error"
        PROTOCOL_LOG.info(f"{status}:{kind}", f"answered {status} ({kind}) to a malformed request")
        if request.writer.output_size > 0:
            raise ConnectionError("the answer had begun; the connection is closed")
        text = f"malformed HTTP request ({phrase})" if status < 500 else "internal error"
        response = web.Response(
            status=status if status < 500 else 400,
            body=orjson.dumps({"error": text}),
            content_type="application/json",
            headers=SECURITY_HEADERS,
        )
        response.force_close()
        return response

    def log_exception(self, *args: Any, **kw: Any) -> None:
        """aiohttp's own failures: one line with the exception, once a minute at most."""
        exc = kw.get("exc_info")
        what = f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else "error"
        level = logging.INFO if isinstance(exc, web.RequestPayloadError) else logging.WARNING
        PROTOCOL_LOG.log(level, f"exception:{what[:80]}", f"connection failed: {what}")


class GuardedServer(web.Server):
    """aiohttp's low-level server whose connections are GuardedHandlers."""

    def __init__(self, base: web.Server, guard: ConnectionGuard, **kwargs: Any) -> None:
        loop = asyncio.get_running_loop()
        super().__init__(
            base.request_handler, request_factory=base.request_factory, loop=loop, **kwargs
        )
        self.guard = guard
        self._make: Callable[[], GuardedHandler] = lambda: GuardedHandler(
            self, guard, loop=loop, **kwargs
        )

    def __call__(self) -> GuardedHandler:
        return self._make()
