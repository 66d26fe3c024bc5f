"""The aiohttp application (every path of API.md) and the listening server around it."""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from desktop.model.activity import ActivitySink, ignore_activity
from desktop.model.store import BROADCAST, Store
from desktop.net import reads
from desktop.net.auth import GmAuth
from desktop.net.broadcaster import Broadcaster
from desktop.net.connections import HEADER_TIMEOUT, ConnectionGuard, GuardedServer
from desktop.net.discovery import Discovery
from desktop.net.drafting import EndpointSource, add_draft_routes, no_model
from desktop.net.keys import ACTIVITY, AUTH, BROADCASTER, DISCOVERY, LIMITS, PAGE, STORE
from desktop.net.limits import PlayerLimits
from desktop.net.middleware import (
    MAX_BODY,
    body_middleware,
    error_middleware,
    host_middleware,
    security_headers,
    write_middleware,
)
from desktop.net.quietlog import QuietLog
from desktop.net.static import PlayerPage
from desktop.net.writes import add_write_routes

log = logging.getLogger(__name__)

LINGER = 2.0  # seconds the rest of an unread body is drained before closing (aiohttp: 10)
SHUTDOWN_TIMEOUT = 0.5  # seconds aiohttp waits for handlers; the streams are released first
UNSUBSCRIBE: web.AppKey[Callable[[], None]] = web.AppKey("unsubscribe")


class PortInUse(OSError):
    """Another program already listens on the port."""


def create_app(
    store: Store,
    *,
    gm_token: str,
    discovery: Discovery | None = None,
    broadcaster: Broadcaster | None = None,
    page: PlayerPage | None = None,
    activity: ActivitySink = ignore_activity,
    chat_endpoint: EndpointSource = no_model,
) -> web.Application:
    """The server's application: reads, writes, the stream, media and the player page.

    `activity` hears of every player write (taken or refused) as an ActivityEvent;
    `chat_endpoint` gives the language model the ship computer drafts with (None: offline).
    """
    found = discovery if discovery is not None else Discovery()
    app = web.Application(
        middlewares=[
            error_middleware,
            host_middleware(lambda: found.host_names),
            write_middleware,
            body_middleware,
        ],
        client_max_size=MAX_BODY,
    )
    app[STORE] = store
    app[AUTH] = GmAuth(gm_token)
    app[BROADCASTER] = broadcaster if broadcaster is not None else Broadcaster(store)
    app[DISCOVERY] = found
    app[PAGE] = page if page is not None else PlayerPage()
    app[ACTIVITY] = activity
    app[LIMITS] = PlayerLimits()
    app.on_response_prepare.append(security_headers)
    _add_routes(app)
    add_draft_routes(app, chat_endpoint)
    app.on_startup.append(_start_broadcasting)
    app.on_shutdown.append(_stop_broadcasting)
    return app


def _add_routes(app: web.Application) -> None:
    router = app.router
    router.add_get("/api/active-view/", reads.active_view)
    router.add_get("/api/active-view/stream/", reads.active_view_stream)
    router.add_get("/media/{media_id}", reads.media)
    router.add_get("/api/join/", reads.join)
    router.add_get("/join-qr.svg", reads.join_qr)
    router.add_get("/api/gm/locations/", reads.gm_locations)
    router.add_get("/api/gm/encounter-map/{slug}/", reads.gm_encounter_map)
    router.add_get("/api/gm/npcs/", reads.gm_npcs)
    router.add_get("/api/gm/displays/", reads.gm_displays)
    add_write_routes(app)
    app[PAGE].add_routes(router)


async def _start_broadcasting(app: web.Application) -> None:
    broadcaster = app[BROADCASTER]
    broadcaster.start()
    app[UNSUBSCRIBE] = app[STORE].subscribe(broadcaster.publish, BROADCAST)


async def _stop_broadcasting(app: web.Application) -> None:
    app[UNSUBSCRIBE]()
    await app[BROADCASTER].close()


class Server:
    """Runs an application on host:port; `start` answers the real port (for --port 0).

    The connections go through a ConnectionGuard (timeouts and caps, see connections.py), and
    a failing accept (out of files) is logged once a minute at most.
    """

    def __init__(
        self, app: web.Application, host: str, port: int, guard: ConnectionGuard | None = None
    ) -> None:
        self._app = app
        self._host = host
        self._port = port
        self.guard = guard if guard is not None else ConnectionGuard()
        self._runner: web.AppRunner | None = None
        self._server: GuardedServer | None = None
        self._listener: asyncio.Server | None = None

    async def start(self) -> int:
        """Listen; raises PortInUse when the port is taken."""
        runner = web.AppRunner(self._app, handle_signals=False)
        await runner.setup()
        assert runner.server is not None
        server = GuardedServer(
            runner.server,
            self.guard,
            access_log=None,
            keepalive_timeout=HEADER_TIMEOUT,
            lingering_time=LINGER,
        )
        loop = asyncio.get_running_loop()
        try:
            listener = await loop.create_server(server, self._host, self._port, backlog=1024)
        except OSError as exc:
            await runner.cleanup()
            if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
                raise PortInUse(exc.errno, f"port {self._port} is already in use") from exc
            raise
        quiet_loop_errors(loop)
        self._runner, self._server, self._listener = runner, server, listener
        return int(listener.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Release every stream, then close the listening socket and the connections."""
        if self._runner is None or self._server is None or self._listener is None:
            return
        runner, server, listener = self._runner, self._server, self._listener
        self._runner = self._server = self._listener = None
        listener.close()
        server.pre_shutdown()
        await runner.cleanup()  # the app's shutdown: the streams are released first
        await server.shutdown(SHUTDOWN_TIMEOUT)
        self.guard.close_all()


class QuietLoopErrors:
    """The loop's exception handler: socket errors (a refused accept when out of files) once
    a minute at most with a count, never a traceback; everything else as before."""

    def __init__(self, previous: Callable[..., object] | None) -> None:
        self._previous = previous
        self._quiet = QuietLog(log)

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message", ""))
        if isinstance(exc, OSError) or "socket" in message:
            self._quiet.warning(f"loop:{message}", f"{message}: {exc}")
        elif self._previous is not None:
            self._previous(loop, context)
        else:
            loop.default_exception_handler(context)


def quiet_loop_errors(loop: asyncio.AbstractEventLoop) -> None:
    previous = loop.get_exception_handler()
    if not isinstance(previous, QuietLoopErrors):
        loop.set_exception_handler(QuietLoopErrors(previous))
