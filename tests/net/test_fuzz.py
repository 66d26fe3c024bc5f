"""Thousands of malformed writes: every answer a 4xx with a JSON error, and no change at all."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from typing import Any

import orjson
from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.routes import WRITE_PATHS
from tests.model.factory import SHIP
from tests.net.conftest import GM_JSON, JSON, gm_post

E = "/api/gm/encounter/"
# Each write's fields (API.md): kind, required. Kinds choose the wrong values tried.
SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "/api/gm/switch-view/": {"view_type": ("enum", True), "location_slug": ("id", False)},
    "/api/gm/show-terminal/": {"location_slug": ("id", True), "terminal_slug": ("id", True)},
    "/api/terminal/hide/": {},
    "/api/terminal/read/": {"message_id": ("id", True)},
    "/api/gm/charon/mode/": {"mode": ("enum", True)},
    "/api/gm/charon/location/": {"location_path": ("text", True)},
    "/api/gm/charon/toggle-dialog/": {"open": ("bool", False)},
    E + "switch-level/": {"deck_id": ("id", True), "level": ("int", False)},
    E + "toggle-room/": {"room_id": ("id", True), "visible": ("bool", False)},
    E + "room-visibility/": {"room_visibility": ("map", True)},
    E + "set-door-status/": {"connection_id": ("id", True), "door_status": ("enum", True)},
    E + "place-token/": {"type": ("enum", True), "name": ("text", True), "x": ("int", True),
                         "y": ("int", True), "image_url": ("text", False),
                         "room_id": ("id", False)},
    E + "move-token/": {"token_id": ("id", True), "x": ("int", True), "y": ("int", True),
                        "deck_id": ("id", False)},
    E + "remove-token/": {"token_id": ("id", True)},
    E + "update-token-status/": {"token_id": ("id", True), "status": ("list", True)},
    E + "clear-tokens/": {},
    E + "toggle-portrait/": {"npc_id": ("id", True)},
    "/api/gm/ship-status/toggle/": {"system": ("id", True), "status": ("enum", True),
                                    "condition": ("int", False), "info": ("text", False)},
    E + "rename-token/": {"token_id": ("id", True), "name": ("text", True)},
    E + "set-room-status/": {"room_id": ("id", True), "status": ("enum", True)},
    E + "toggle-poi/": {"poi_id": ("id", True), "visible": ("bool", False)},
    E + "rename-poi/": {"poi_id": ("id", True), "name": ("text", True),
                        "location_slug": ("id", False), "deck_id": ("id", False)},
    E + "remove-poi/": {"poi_id": ("id", True), "location_slug": ("id", False),
                        "deck_id": ("id", False)},
    E + "room-description/": {"room_id": ("id", True), "shown": ("bool", True)},
    E + "rename-poi/": {"poi_id": ("id", True), "name": ("text", True)},
    E + "remove-poi/": {"poi_id": ("id", True)},
    E + "reset-location/": {"location_slug": ("id", False)},
    "/api/gm/gauge/": {"gauge": ("enum", True), "value": ("int", True), "crew_id": ("id", False)},
    "/api/gm/hold/": {"hold": ("bool", True)},
    "/api/gm/player-permissions/": {"movable_types": ("list", True)},
    "/api/gm/new-session/": {},
    "/api/gm/broadcast/": {"content": ("text", True), "sender": ("text", False),
                           "priority": ("enum", False)},
    "/api/gm/charon/{channel}/send/": {"content": ("text", True), "in_reply_to": ("id", False)},
    "/api/gm/charon/{channel}/dismiss/": {"query_id": ("id", True)},
    "/api/gm/charon/{channel}/clear/": {},
    "/api/gm/charon/{channel}/approve/": {"pending_id": ("id", True), "content": ("text", False)},
    "/api/gm/charon/{channel}/reject/": {"pending_id": ("id", True)},
    "/api/charon/{channel}/submit/": {"query": ("text", True)},
    "/api/gm/star-map/visibility/": {"key": ("id", True), "visible": ("bool", True)},
    "/api/gm/star-map/ship/": {"at": ("id", False), "to": ("id", False)},
    "/api/gm/star-map/show/": {"view": ("id", False)},
    "/api/gm/roll/": {"dice": ("text", True), "for": ("text", False), "panic": ("bool", False)},
    "/api/gm/roll/show/": {"roll_id": ("id", True), "shown": ("bool", False)},
    "/api/gm/timers/": {"label": ("text", True), "seconds": ("int", True)},
    "/api/gm/timers/{timer_id}/": {"action": ("enum", True), "seconds": ("int", False)},
    "/api/gm/alert/": {"alert": ("text", True), "active": ("bool", False)},
    "/api/gm/alert/clear/": {},
    "/api/gm/broadcast/clear/": {},
    E + "room-atmosphere/": {"room_id": ("id", True), "effects": ("list", True)},
    "/api/gm/crew/conditions/": {"crew_id": ("id", True), "conditions": ("list", True)},
    "/api/gm/sound/play/": {"sound": ("id", True)},
    "/api/gm/sound/ambient/": {"sound": ("id", False)},
    "/api/gm/displays/{display}/": {"name": ("text", False), "rotation": ("int", False)},
    "/api/gm/ping/": {"x": ("int", True), "y": ("int", True)},
    "/api/gm/handouts/show/": {"title": ("text", True), "text": ("text", True),
                               "clear_after": ("int", False)},
    "/api/gm/undo/": {},
    "/api/gm/redo/": {},
}  # fmt: skip
BASE = {"enum": "NORMAL", "id": "no-such-id", "text": "hello", "int": 1, "bool": True}
BASE |= {"list": ["wounded"], "map": {"r-med": True}}
WRONG: dict[str, list[object]] = {
    "int": [True, False, "5", 5.5, [], {}, "", -1, 2**63 - 1, -(2**63)],
    "bool": [1, 0, "true", "yes", [], {}, 1.0],
    "id": [5, True, [], {}, 1.5, "x" * 5000],
    "text": [5, False, [], {"a": 1}, 2.5, "y" * 70_000],
    "enum": [5, True, [], {}, "NOPE", "", "\u0000"],
    "list": ["wounded", 5, {}, True, [5], [True], [None], [["wounded"]], ["nope-status"]],
    "map": [[], "x", 5, True, {"r-med": "yes"}, {"r-med": 1}, {"no-such-room": True}],
}
BAD_BODIES = [
    b"{", b"{'a': 1}", b"[]", b"[1, 2]", b'"text"', b"5", b"null", b"true", b"\xff\xfe\xfd",
    b'{"a": "\xff"}', b"\x00", b"[" * 5000 + b"]" * 5000, b"{}" + b" " * 10 + b"{}", b"NaN",
]  # fmt: skip
HUGE = b'{"content": "' + b"z" * (1 << 20) + b'"}'


def mutations(spec: dict[str, tuple[str, bool]], rng: random.Random) -> Iterator[bytes]:
    """Bodies that break the spec: a wrong value, a missing required field, several at once."""
    base = {name: BASE[kind] for name, (kind, _required) in spec.items()}
    for name, (kind, required) in spec.items():
        for value in WRONG[kind]:
            yield orjson.dumps({**base, name: value})
        if kind == "int":  # beyond 64 bits, and a float beyond range: not an integer either
            for number in (b"1" + b"0" * 32, b"-1" + b"0" * 40, b"1e999"):
                yield orjson.dumps({**base, name: "#"}).replace(b'"#"', number)
        if required:
            yield orjson.dumps({k: v for k, v in base.items() if k != name})
            yield orjson.dumps({**base, name: None})
    for _ in range(16 * len(spec)):
        body = dict(base)
        for name in rng.sample(sorted(spec), k=rng.randint(1, len(spec))):
            body[name] = rng.choice(WRONG[spec[name][0]])
        yield orjson.dumps(body)


def unknown_ids() -> Iterator[tuple[str, dict[str, object]]]:
    """Well-formed writes naming things that do not exist (404)."""
    for nope in ("nope", "R-MED", "r-med ", "r-med\u0000", "0", "../r-med", "%s", "\u2603"):
        yield "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": nope}
        yield "/api/gm/show-terminal/", {"location_slug": SHIP, "terminal_slug": nope}
        yield E + "switch-level/", {"deck_id": nope}
        yield E + "toggle-room/", {"room_id": nope}
        yield E + "set-door-status/", {"connection_id": nope, "door_status": "OPEN"}
        yield E + "move-token/", {"token_id": nope, "x": 6, "y": 3}
        yield E + "remove-token/", {"token_id": nope}
        yield E + "update-token-status/", {"token_id": nope, "status": ["dead"]}
        yield E + "toggle-portrait/", {"npc_id": nope}
        yield E + "rename-token/", {"token_id": nope, "name": "x"}
        yield E + "set-room-status/", {"room_id": nope, "status": "HAZARD"}
        yield E + "toggle-poi/", {"poi_id": nope}
        yield "/api/gm/star-map/visibility/", {"key": nope, "visible": False}
        yield "/api/gm/star-map/show/", {"view": f"system:{nope}"}
        yield E + "reset-location/", {"location_slug": nope}
        yield E + "place-token/", {"type": "player", "name": "x", "x": 6, "y": 3, "deck_id": nope}
        yield E + "room-visibility/", {"room_visibility": {nope: True}}
        yield "/api/gm/ship-status/toggle/", {"system": nope, "status": "ONLINE"}
        yield "/api/gm/charon/story/dismiss/", {"query_id": nope}
        yield f"/api/gm/charon/{nope.strip('/%')}x/clear/", {}


def requests(rng: random.Random) -> Iterator[tuple[str, bytes, bool]]:
    """(url, body, with GM token) for every write path."""
    assert set(WRITE_PATHS) <= set(SPECS), "a write path is missing from the fuzz"
    for path, spec in SPECS.items():
        url = path.replace("{channel}", rng.choice(["story", "bridge", "no-channel"]))
        url = url.replace("{timer_id}", rng.choice(["t1", "no-timer"]))
        url = url.replace("{display}", rng.choice(["tv-display-1", "bad", "no-such-display"]))
        for body in [*BAD_BODIES, HUGE, *mutations(spec, rng)]:
            yield url, body, True
            if rng.random() < 0.3:
                yield url, body, False
    for url, data in unknown_ids():
        yield url, orjson.dumps(data), True


async def test_malformed_writes_change_nothing(client: TestClient[Any, Any], store: Store) -> None:
    await gm_post(client, "/api/gm/switch-view/", {"view_type": "ENCOUNTER", "location_slug": SHIP})
    await gm_post(client, E + "toggle-room/", {"room_id": "r-med"})
    await gm_post(client, E + "place-token/", {"type": "player", "name": "Reyes", "x": 6, "y": 3})
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})
    revision, frame = store.state.revision, store.player_frame()
    answered: dict[int, int] = {}
    for url, body, gm in requests(random.Random(20240611)):
        # A file-like body: aiohttp warns that a large bytes body blocks the loop while sent.
        reply = await client.post(url, data=io.BytesIO(body), headers=GM_JSON if gm else JSON)
        payload = await reply.read()
        assert 400 <= reply.status < 500, (url, body[:200], reply.status, payload[:200])
        assert reply.content_type == "application/json"
        error = orjson.loads(payload)["error"]
        assert isinstance(error, str) and error
        answered[reply.status] = answered.get(reply.status, 0) + 1
    assert sum(answered.values()) >= 2000, answered
    assert {400, 401, 404, 413} <= set(answered), answered
    assert answered[404] >= 100, answered
    assert store.state.revision == revision
    assert store.player_frame() is frame
    assert (await client.get("/api/active-view/")).status == 200
