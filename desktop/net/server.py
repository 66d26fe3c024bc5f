"""The aiohttp application (every path of API.md) and the listening server around it."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from aiohttp import web

from desktop.model.activity import ActivitySink, ignore_activity
from desktop.model.store import BROADCAST, Store
from desktop.net import reads
from desktop.net.auth import GmAuth
from desktop.net.broadcaster import Broadcaster
from desktop.net.discovery import Discovery
from desktop.net.keys import ACTIVITY, AUTH, BROADCASTER, DISCOVERY, PAGE, STORE
from desktop.net.middleware import MAX_BODY, body_middleware, error_middleware, host_middleware
from desktop.net.static import PlayerPage
from desktop.net.writes import add_write_routes

log = logging.getLogger(__name__)

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
) -> web.Application:
    """The server's application: reads, writes, the stream, media and the player page.

    `activity` hears of every player write (taken or refused) as an ActivityEvent.
    """
    found = discovery if discovery is not None else Discovery()
    app = web.Application(
        middlewares=[
            error_middleware,
            host_middleware(lambda: found.host_names),
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
    _add_routes(app)
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
    """Runs an application on host:port; `start` answers the real port (for --port 0)."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self._app = app
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> int:
        """Listen; raises PortInUse when the port is taken."""
        runner = web.AppRunner(
            self._app, handle_signals=False, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT
        )
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port, backlog=1024)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
                raise PortInUse(exc.errno, f"port {self._port} is already in use") from exc
            raise
        self._runner = runner
        address = runner.addresses[0]
        return int(address[1])

    async def stop(self) -> None:
        """Release every stream, then close the listening socket and the connections."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
