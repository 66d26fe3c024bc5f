"""The floor of bench/sse_bench.py: a bare aiohttp server that only forwards an event.

    .venv/bin/python bench/sse_floor.py --size BYTES [--port 0]

A minimal aiohttp app on the default asyncio loop, speaking just enough of API.md for the
bench's latency scenario: every POST puts a pre-encoded event of `--size` bytes of JSON (the
real player snapshot's size) into each SSE client's queue and answers its revision, the
stream (`GET /api/active-view/stream/`) writes what its queue holds, and
`GET /api/active-view/` answers the revision. No store, no projection, no encoding per change,
no state file: what any server must pay to get a change from a POST to 50 displays, so the
app's latency can be read as a multiple of it. Prints `Serving on http://host:port/` as the
app does.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from aiohttp import web

HEADERS = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
QUEUES: web.AppKey[set[asyncio.Queue[bytes]]] = web.AppKey("queues")
REVISION: web.AppKey[list[int]] = web.AppKey("revision")
EVENT: web.AppKey[bytes] = web.AppKey("event")


def snapshot_of(size: int) -> bytes:
    """One line of JSON of exactly `size` bytes (at least 16)."""
    head, tail = b'{"revision":0,"pad":"', b'"}'
    return head + b"x" * max(0, size - len(head) - len(tail)) + tail


def event(app: web.Application) -> bytes:
    return b"id: %d\nevent: activeview\ndata: %b\n\n" % (app[REVISION][0], app[EVENT])


async def stream(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers=HEADERS)
    await response.prepare(request)
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    request.app[QUEUES].add(queue)
    try:
        await response.write(b"retry: 2000\n\n" + event(request.app))
        while True:
            await response.write(await queue.get())
    except (ConnectionError, RuntimeError):
        return response
    finally:
        request.app[QUEUES].discard(queue)


async def post(request: web.Request) -> web.Response:
    await request.read()
    app = request.app
    app[REVISION][0] += 1
    frame = event(app)
    for queue in app[QUEUES]:
        queue.put_nowait(frame)
    return web.json_response({"success": True, "revision": app[REVISION][0]})


async def active_view(request: web.Request) -> web.Response:
    return web.json_response({"revision": request.app[REVISION][0]})


def create_app(size: int) -> web.Application:
    app = web.Application()
    app[QUEUES] = set()
    app[REVISION] = [1]
    app[EVENT] = snapshot_of(size)
    app.router.add_get("/api/active-view/stream/", stream)
    app.router.add_get("/api/active-view/", active_view)
    app.router.add_post("/{path:.*}", post)
    return app


async def serve(size: int, port: int) -> None:
    """Listen on 127.0.0.1:port until SIGTERM or SIGINT."""
    runner = web.AppRunner(create_app(size), access_log=None, shutdown_timeout=0.2)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port, backlog=1024).start()
    print(f"Serving on http://127.0.0.1:{runner.addresses[0][1]}/", flush=True)
    print("(the floor: a bare aiohttp server)", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="bytes of the snapshot's JSON")
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    asyncio.run(serve(arguments.size, arguments.port))
