"""Writes only from this server's own pages and only as JSON; player writes limited per display;
API.md's security headers on every answer."""

from __future__ import annotations

import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from desktop.model.store import Store
from desktop.net.limits import ADDRESS_WRITES, WRITES
from tests.model.factory import SHIP
from tests.net.conftest import GM_HEADERS, gm_post
from tests.net.test_question_share import ask_from

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
    "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'"
)
HIDE = "/api/terminal/hide/"
SWITCH = "/api/gm/switch-view/"
ASK = "/api/charon/story/submit/"


async def _show_terminal(client: TestClient[Any, Any]) -> None:
    terminal = {"location_slug": SHIP, "terminal_slug": "med-term"}
    await gm_post(client, "/api/gm/show-terminal/", terminal)


@pytest.mark.parametrize(
    ("headers", "data", "status"),
    [
        ({"Content-Type": "text/plain"}, b"{}", 415),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"a=1", 415),
        ({"Content-Type": "multipart/form-data; boundary=x"}, b"--x--", 415),
        ({}, b"{}", 415),
        ({"Content-Type": "application/json", "Origin": "http://evil.example"}, b"{}", 403),
        ({"Content-Type": "application/json", "Origin": "null"}, b"{}", 403),
        ({"Content-Type": "application/json", "Referer": "http://evil.example/x"}, b"{}", 403),
        ({"Content-Type": "text/plain", "Origin": "http://evil.example"}, b"{}", 403),
    ],
)
async def test_foreign_or_non_json_writes_change_nothing(
    client: TestClient[Any, Any], store: Store, headers: dict[str, str], data: bytes, status: int
) -> None:
    await _show_terminal(client)
    revision = store.state.revision
    for extra in ({}, GM_HEADERS):
        reply = await client.post(HIDE, data=data, headers={**headers, **extra})
        assert reply.status == status
        assert reply.content_type == "application/json"
        assert (await reply.json())["error"]
        body = {"view_type": "BRIDGE"}
        gm = await client.post(SWITCH, data=str(body).encode(), headers={**headers, **GM_HEADERS})
        assert gm.status == status
    assert store.state.revision == revision
    assert store.state.overlay_terminal == "med-term"


async def test_own_pages_and_scripts_may_write(client: TestClient[Any, Any], store: Store) -> None:
    own = f"http://{client.host}:{client.port}"
    for headers in (
        {},  # a script: neither Origin nor Referer
        {"Origin": own},
        {"Referer": f"{own}/terminal/"},
        {"Content-Type": "application/json; charset=utf-8"},
    ):
        await _show_terminal(client)
        reply = await client.post(HIDE, json={}, headers=headers)
        assert reply.status == 200, (headers, await reply.text())
        assert store.state.overlay_terminal == ""


async def _query_mode(client: TestClient[Any, Any]) -> None:
    await gm_post(client, "/api/gm/charon/mode/", {"mode": "QUERY"})


async def test_questions_are_limited_per_display(
    client: TestClient[Any, Any], store: Store
) -> None:
    await _query_mode(client)
    for _ in range(5):  # refused questions (a channel not open) do not count
        refused = await client.post(
            "/api/charon/bridge/submit/", json={"query": "?"}, params={"display": "tv-one-1"}
        )
        assert refused.status == 403
    answers = []
    for n in range(8):
        reply = await client.post(ASK, json={"query": f"q{n}"}, params={"display": "tv-one-1"})
        answers.append(reply.status)
        if reply.status == 429:
            assert reply.content_type == "application/json"
            assert "too many questions" in (await reply.json())["error"]
            assert int(reply.headers["Retry-After"]) >= 1
    assert answers.count(200) == 3 and answers[3:] == [429] * 5, answers
    asked = [e.content for e in store.state.charon.conversations["story"]]
    assert asked == ["q0", "q1", "q2"]
    # Another display, at another address (one address holds a few waiting places only).
    assert await ask_from(client, "127.0.0.2", "tablet-2", "mine") == 200


async def test_player_moves_are_limited_per_display(
    client: TestClient[Any, Any], store: Store
) -> None:
    await gm_post(client, SWITCH, {"view_type": "ENCOUNTER", "location_slug": SHIP})
    statuses = []
    for _ in range(300):
        reply = await client.post(HIDE, json={}, params={"display": "spammer-1"})
        statuses.append(reply.status)
    assert statuses.count(200) >= 120 and 429 in statuses, statuses
    assert (await client.post(HIDE, json={}, params={"display": "calm-one"})).status == 200


def _security_headers(reply: Any) -> None:
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers.getall("Content-Security-Policy")[0] == CSP


async def test_every_answer_has_the_security_headers(
    client: TestClient[Any, Any], store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for method, path in (
        ("GET", "/"),
        ("GET", "/terminal/"),
        ("GET", "/js/main.js"),
        ("GET", "/api/active-view/"),
        ("GET", "/nope"),
        ("PUT", "/api/active-view/"),
        ("GET", "/api/gm/npcs/"),
        ("POST", HIDE),
    ):
        reply = await client.request(method, path, headers={"Content-Type": "application/json"})
        _security_headers(reply)
    qr = await client.get("/join-qr.svg")
    _security_headers(qr)
    assert "sandbox" in qr.headers.getall("Content-Security-Policy")
    async with client.get("/api/active-view/stream/") as stream:
        _security_headers(stream)
    svg = store.campaign.root / "map.svg"  # /media/ serves only files inside the campaign
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    monkeypatch.setattr(store, "media", lambda media_id, display=None: svg)
    image = await client.get("/media/any-id")
    assert image.status == 200 and image.content_type == "image/svg+xml"
    _security_headers(image)
    assert "sandbox" in image.headers.getall("Content-Security-Policy")


@pytest.mark.parametrize(
    ("path", "body", "error"),
    [
        ("/api/gm/encounter/place-token/", {"name": ""}, "field 'name' needs a visible character"),
        ("/api/gm/broadcast/", {"content": "\u200b"}, "field 'content' must not be empty"),
        (
            "/api/gm/encounter/place-token/",
            {"name": "Bob\x00"},
            "field 'name' must not hold control characters (found U+0000)",
        ),
        (
            "/api/gm/broadcast/",
            {"content": "\u202eHull breach"},
            "field 'content' must not hold control characters (found U+202E)",
        ),
    ],
)
async def test_invisible_names_and_control_characters_are_a_400(
    client: TestClient[Any, Any], store: Store, path: str, body: dict[str, str], error: str
) -> None:
    await gm_post(client, SWITCH, {"view_type": "ENCOUNTER", "location_slug": SHIP})
    before = store.state
    token = {"type": "player", "x": 6, "y": 3}
    reply = await client.post(path, json={**token, **body}, headers=GM_HEADERS)
    assert reply.status == 400
    assert (await reply.json())["error"] == error
    assert store.state is before
    stream = await client.get("/api/active-view/")
    seen = await stream.text()
    assert "\x00" not in seen and "\u202e" not in seen and "\\u0000" not in seen


async def test_new_display_ids_do_not_lift_the_limit_of_an_address(
    client: TestClient[Any, Any], store: Store
) -> None:
    """A script naming a new `?display=` for every write is held to its address's limit."""
    await gm_post(client, SWITCH, {"view_type": "ENCOUNTER", "location_slug": SHIP})
    started = time.monotonic()
    statuses = []
    for n in range(1000):
        reply = await client.post(HIDE, json={}, params={"display": f"rotate{n:06d}"})
        statuses.append(reply.status)
        if reply.status == 429:
            assert "too many requests" in (await reply.json())["error"]
            assert int(reply.headers["Retry-After"]) >= 1
    elapsed = time.monotonic() - started
    burst, per_second = ADDRESS_WRITES.burst, 1 / ADDRESS_WRITES.every
    assert 429 in statuses
    assert statuses.count(200) <= burst + per_second * elapsed + 1, (elapsed, statuses)
    # a few tablets behind one address: several times one display's rate
    assert burst >= 3 * WRITES.burst and ADDRESS_WRITES.every * 3 <= WRITES.every
