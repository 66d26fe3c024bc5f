"""Development-only server for the player page: serves player_page/ and streams a fixture.

Usage: python scripts/dev_page_server.py [FIXTURE] [--port 8766]
FIXTURE names a file of tests/e2e/fixtures/ (merged over _common.json). Open
http://127.0.0.1:8766/ ; GET /dev/fixture/<name> switches every open page to another fixture.
Player writes answer like the real server, on the fixture in memory (no validation).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import io
import json
from pathlib import Path
from typing import Any

import segno
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "player_page"
FIXTURES = ROOT / "tests" / "e2e" / "fixtures"


def load_fixture(name: str) -> dict[str, Any]:
    """The common fields with the named fixture over them."""
    common = json.loads((FIXTURES / "_common.json").read_text())
    common.update(json.loads((FIXTURES / f"{name}.json").read_text()))
    return common


class Feed:
    """The current snapshot and the queues of the open streams."""

    def __init__(self, snapshot: dict[str, Any]) -> None:
        self.snapshot = snapshot
        self.queues: set[asyncio.Queue[bytes]] = set()

    def frame(self) -> bytes:
        data = json.dumps(self.snapshot, separators=(",", ":"))
        return f"id: {self.snapshot['revision']}\nevent: activeview\ndata: {data}\n\n".encode()

    def publish(self, snapshot: dict[str, Any]) -> None:
        revision = int(self.snapshot.get("revision", 0)) + 1
        self.snapshot = {**snapshot, "revision": revision}
        for queue in self.queues:
            queue.put_nowait(self.frame())


async def stream(request: web.Request) -> web.StreamResponse:
    feed: Feed = request.app["feed"]
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    feed.queues.add(queue)
    with contextlib.suppress(ConnectionResetError):
        await _pump(response, queue, feed)
    return response


async def _pump(response: web.StreamResponse, queue: asyncio.Queue[bytes], feed: Feed) -> None:
    try:
        await response.write(b"retry: 2000\n\n" + feed.frame())
        while True:
            try:
                frame = await asyncio.wait_for(queue.get(), 15)
            except TimeoutError:
                frame = b": keepalive\n\n"
            await response.write(frame)
    finally:
        feed.queues.discard(queue)


async def switch_fixture(request: web.Request) -> web.Response:
    request.app["feed"].publish(load_fixture(request.match_info["name"]))
    return web.json_response({"success": True})


async def player_write(request: web.Request) -> web.Response:
    feed: Feed = request.app["feed"]
    body = await request.json()
    snap = copy.deepcopy(feed.snapshot)
    path = request.path
    if path.endswith("/move-token/"):
        token = snap.get("encounter_tokens", {}).get(body["token_id"])
        if token is None:
            return web.json_response({"error": "token_id: unknown token"}, status=404)
        token["x"], token["y"] = body["x"], body["y"]
    elif path.endswith("/terminal/hide/"):
        snap.update(overlay_location_slug="", overlay_terminal_slug="", terminal=None)
    elif path.endswith("/toggle-dialog/"):
        snap["charon_dialog_open"] = False
    elif path.endswith("/submit/"):
        entry = {
            "id": f"q{snap['revision']}",
            "role": "player",
            "content": body["query"],
            "timestamp": 0,
            "in_reply_to": "",
            "pending": True,
        }
        snap["charon_conversation"] = [*snap.get("charon_conversation", []), entry]
        snap["charon_pending"] = True
    feed.publish(snap)
    return web.json_response({"success": True, "revision": feed.snapshot["revision"]})


async def join(request: web.Request) -> web.Response:
    return web.json_response({"url": f"http://{request.host}/", "mdns_url": ""})


async def join_qr(request: web.Request) -> web.Response:
    buffer = io.BytesIO()
    segno.make(f"http://{request.host}/", error="m").save(buffer, kind="svg", scale=8, border=2)
    return web.Response(body=buffer.getvalue(), content_type="image/svg+xml")


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(PAGE / "index.html")


def build_app(fixture: str) -> web.Application:
    """The dev application."""
    app = web.Application()
    app["feed"] = Feed(load_fixture(fixture))
    app.router.add_get("/", index)
    app.router.add_get("/terminal/", index)
    app.router.add_get("/api/active-view/stream/", stream)
    app.router.add_get("/api/active-view/", lambda r: web.json_response(r.app["feed"].snapshot))
    app.router.add_get("/api/join/", join)
    app.router.add_get("/join-qr.svg", join_qr)
    app.router.add_get("/dev/fixture/{name}", switch_fixture)
    for path in (
        "/api/gm/encounter/move-token/",
        "/api/terminal/hide/",
        "/api/gm/charon/toggle-dialog/",
        "/api/charon/{channel}/submit/",
    ):
        app.router.add_post(path, player_write)
    app.router.add_static("/", PAGE)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("fixture", nargs="?", default="encounter")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    web.run_app(build_app(args.fixture), host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
