"""20,000 random requests over every route of the real listening Server: random methods, paths,
headers, query strings and bodies, sent one after another on keep-alive connections.

Every answer is below 500 and JSON when it is an error; a request that is not a 200 leaves
the table exactly as it was; a 200 write answers the table's revision; and at the end the
player snapshot on the wire is the store's. A seeded generator keeps a failure reproducible.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from collections.abc import AsyncIterator

import aiohttp
import orjson
import pytest
from aiohttp import web

from desktop.model.store import Store
from desktop.net.server import Server, create_app
from tests.model.factory import DERELICT, OUTPOST, SHIP
from tests.net.conftest import TOKEN
from tests.net.test_fuzz import BAD_BODIES, SPECS, WRONG

REQUESTS = 20_000
SEED = 20261204
METHODS = ["GET", "GET", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"]
VALID: dict[str, list[object]] = {
    "id": [SHIP, OUTPOST, DERELICT, "upper", "lower", "r-med", "r-bridge", "r-corr", "r-vault",
           "c-corr-med", "c-med-vault", "kade", "med-term", "p-kit", "story", "bridge"],
    "enum": ["ENCOUNTER", "BRIDGE", "STANDBY", "CHARON_TERMINAL", "QUERY", "DISPLAY", "OPEN",
             "CLOSED", "LOCKED", "player", "npc", "creature", "object", "HAZARD", "ONLINE",
             "NORMAL", "OFFLINE", "info", "warning"],
    "int": [0, 1, 2, 3, 5, 6, 7, 8, 10, 12],
    "bool": [True, False],
    "text": ["hello", "Reyes", "Course plotted", "", "x" * 300],
    "list": [["wounded"], [], ["dead", "hidden"], ["player", "npc"]],
    "map": [{"r-med": True}, {"r-bridge": True, "r-corr": False}, {}],
}  # fmt: skip
PATH_PARAMS = {
    "slug": [SHIP, OUTPOST, "nowhere", "..", "%2e%2e", "a" * 300],
    "channel": ["story", "bridge", f"encounter-{SHIP}", "nowhere", "%00"],
    "display": ["tv-display-1", "short", "a" * 65, "%00"],
    "media_id": ["nope", "..%2f..%2fetc%2fpasswd", "a" * 200, "0"],
    "timer_id": ["nope", "%00", "a" * 300],
}
CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain",
                 "application/x-www-form-urlencoded", "multipart/form-data; boundary=z",
                 "application/JSON", "", "junk/\u00ff"]  # fmt: skip
AUTH = [f"Bearer {TOKEN}", f"Bearer {TOKEN}", "Bearer wrong", TOKEN, "Basic Zm9vOmJhcg==",
        "Bearer \u00ff\u00fe", "Bearer " + "x" * 5000, "", "bearer  " + TOKEN]  # fmt: skip


class Fuzzer:
    """Builds random requests for the routes of an app (paths with their parameters filled)."""

    def __init__(self, app: web.Application, store: Store, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.methods = {
            r.canonical: sorted({route.method for route in r}) for r in app.router.resources()
        }
        self.paths = sorted(self.methods)

    def path(self) -> tuple[str, str]:
        """(route, URL path): a route with random parameters, now and then a made-up path."""
        rng = self.rng
        if rng.random() < 0.03:
            return "?", rng.choice(["/api/", "/api/gm/", "/x" * 50, "/%ff", "/api/gm/undo"])
        route = rng.choice(self.paths)
        filled = re.sub(r"\{(\w+)\}", lambda m: rng.choice(PATH_PARAMS[m.group(1)]), route)
        return route, filled

    def value(self, kind: str) -> object:
        token_ids = [t for loc in self.store.state.locations.values() for t in loc.tokens] or [
            "none"
        ]
        if kind == "id" and self.rng.random() < 0.4:
            return self.rng.choice(token_ids)
        pool = VALID[kind] if self.rng.random() < 0.8 else WRONG[kind]
        return self.rng.choice(pool)

    def body(self, route: str) -> bytes:
        rng = self.rng
        spec = SPECS.get(route)
        roll = rng.random()
        if spec is None or roll < 0.1:
            return rng.choice([*BAD_BODIES, b"", b"{}", rng.randbytes(rng.randint(1, 64))])
        fields = {name: self.value(kind) for name, (kind, required) in spec.items()
                  if required or rng.random() < 0.5}  # fmt: skip
        if roll < 0.2 and fields:
            fields.pop(rng.choice(sorted(fields)))
        return orjson.dumps(fields)

    def method(self, route: str) -> str:
        """Mostly one the route takes; now and then any."""
        own = self.methods.get(route)
        return self.rng.choice(own if own and self.rng.random() < 0.7 else METHODS)

    def headers(self, own: str) -> dict[str, str]:
        rng = self.rng
        if rng.random() < 0.4:  # what the GM's script sends
            return {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        headers: dict[str, str] = {}
        if rng.random() < 0.6:
            headers["Authorization"] = rng.choice(AUTH)
        if rng.random() < 0.85:
            headers["Content-Type"] = rng.choice(CONTENT_TYPES)
        if rng.random() < 0.2:
            headers["Origin"] = rng.choice([own, "http://evil.example", "null", "http://x:1@y"])
        if rng.random() < 0.1:
            headers["Referer"] = rng.choice([own + "/terminal/", "http://evil.example/", "::"])
        if rng.random() < 0.08:
            headers["Host"] = rng.choice(
                ["localhost", "evil.example", "127.0.0.1:1.evil", "localhost..", "[::1]:80", ""]
            )
        if rng.random() < 0.1:
            headers["If-None-Match"] = rng.choice(['"1"', "*", "junk", "W/" + "x" * 100])
        if rng.random() < 0.05:
            headers["Content-Encoding"] = rng.choice(["gzip", "deflate", "br", "nope"])
        if rng.random() < 0.05:
            headers["Range"] = rng.choice(["bytes=0-1", "bytes=9-1", "lines=1", "bytes=-0"])
        return headers

    def query(self) -> dict[str, str]:
        rng = self.rng
        choices = {
            "role": ["gm", "player", ""],
            "token": [TOKEN, "wrong", ""],
            "display": ["tv-one-1", "x", "a" * 70, "tablet_22"],
            "location_slug": [SHIP, "nowhere"],
        }
        return {k: rng.choice(v) for k, v in choices.items() if rng.random() < 0.15}


@pytest.fixture
async def served(store: Store) -> AsyncIterator[tuple[web.Application, str]]:
    app = create_app(store, gm_token=TOKEN)
    server = Server(app, "127.0.0.1", 0)
    port = await server.start()
    yield app, f"http://127.0.0.1:{port}"
    await server.stop()


Sent = tuple[str, str, dict[str, str], bytes | None, dict[str, str]]


async def send(session: aiohttp.ClientSession, base: str, sent: Sent) -> tuple[int, str, bytes]:
    """One request; (status, content type, bytes read). An endless stream: its first bytes."""
    method, path, headers, data, query = sent
    async with session.request(
        method, base + path, data=data, headers=headers, params=query,
        allow_redirects=False, skip_auto_headers=["Content-Type"],
    ) as reply:  # fmt: skip
        endless = reply.content_type == "text/event-stream" and method != "HEAD"
        payload = await (reply.content.readany() if endless else reply.read())
    return reply.status, reply.content_type, payload


def next_request(fuzzer: Fuzzer, base: str) -> tuple[str, Sent]:
    route, path = fuzzer.path()
    method = fuzzer.method(route)
    # GET may carry a body now and then; HEAD never (its answer has none to read).
    with_body = method not in ("GET", "HEAD") or (method == "GET" and fuzzer.rng.random() < 0.1)
    data = fuzzer.body(route) if with_body else None
    headers = fuzzer.headers(base)
    if method == "HEAD":  # a request aiohttp cannot parse gets a JSON error with a body,
        headers.pop("Content-Encoding", None)  # which a HEAD's client would not read
    return route, (method, path, headers, data, fuzzer.query())


async def test_random_requests_over_every_route(
    served: tuple[web.Application, str], store: Store
) -> None:
    app, base = served
    fuzzer = Fuzzer(app, store, random.Random(SEED))
    statuses: Counter[int] = Counter()
    routes: Counter[str] = Counter()
    started = time.monotonic()
    timeout = aiohttp.ClientTimeout(total=30)
    previous: Sent | None = None
    async with aiohttp.ClientSession(timeout=timeout, auto_decompress=False) as session:
        for _ in range(REQUESTS):
            route, sent = next_request(fuzzer, base)
            before = store.state
            try:
                status, kind, payload = await send(session, base, sent)
            except aiohttp.ClientError as exc:
                raise AssertionError(f"{sent} (after {previous})") from exc
            previous = sent
            statuses[status] += 1
            routes[f"{sent[0]} {route}"] += 1
            assert status < 500, (sent, status, payload[:300])
            if status >= 400 and sent[0] != "HEAD":
                assert kind == "application/json", (sent, status, payload[:300])
                assert orjson.loads(payload)["error"]
            if status != 200:
                assert store.state is before, (sent, status, payload[:300])
            elif sent[0] == "POST" and kind == "application/json":
                # the GM's writes answer the table's revision, a player's its audience's
                revisions = (store.state.revision, store.player_frame().revision)
                if route.endswith("/submit/"):  # its draft may be queued since (drafting.py)
                    revisions += (store.state.revision - 1,)
                assert orjson.loads(payload)["revision"] in revisions, (sent, payload[:300])
        async with session.get(base + "/api/active-view/") as last:
            assert await last.read() == store.player_frame().data
    took = time.monotonic() - started
    print(f"\n{REQUESTS} requests in {took:.1f} s; statuses {dict(sorted(statuses.items()))}; "
          f"{len(routes)} method+route pairs; table revision {store.state.revision}")  # fmt: skip
    assert sum(statuses.values()) == REQUESTS
    assert statuses[200] >= 1000 and store.state.revision >= 100  # the table did change
    assert {400, 401, 403, 404, 405, 413, 415} <= set(statuses), statuses
    every_route = {r.canonical for r in app.router.resources()}
    assert every_route <= {key.split(" ", 1)[1] for key in routes}
