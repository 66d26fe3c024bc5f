"""A display on a quiet table keeps its stream; a display whose stream died silently notices.

The page talks to the app through a TCP relay (tcp_relay.py) and runs on Playwright's clock,
so half a minute of silence takes no time: the watchdog asks the snapshot URL with the revision
it shows (If-None-Match) and reconnects only when that answer is newer or missing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    WAIT_MS,
    App,
    Guard,
)
from tests.e2e.tcp_relay import TcpRelay

pytestmark = pytest.mark.e2e
SILENCE_MS = 31_000  # past the page's 30 s idle limit


@pytest.fixture(name="relayed")
def relayed_fixture(tmp_path: Path) -> Iterator[tuple[App, TcpRelay]]:
    app = App(tmp_path / "s.sqlite3").start()
    relay = TcpRelay(app.port).start()
    try:
        yield app, relay
    finally:
        relay.close()
        app.stop()


def standby_on_clock(browser: Any, app: App, relay: TcpRelay, guards: list[Guard]) -> Any:
    """The player page through the relay, its timers on Playwright's clock, showing STANDBY."""
    app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    guard = Guard(relay.url.rstrip("/"), context=context)
    context.route(guard.pattern(), guard.handle)
    guards.append(guard)
    page = guard.watch(context.new_page())
    page.clock.install()
    page.goto(relay.url)
    expect(page.locator("body")).to_have_attribute("data-view", "STANDBY", timeout=WAIT_MS)
    return page


def until(condition: Any, what: str, seconds: float = WAIT_MS / 1000) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def test_a_quiet_table_keeps_the_displays_stream(
    relayed: tuple[App, TcpRelay], browser: Any, guards: list[Guard]
) -> None:
    app, relay = relayed
    page = standby_on_clock(browser, app, relay, guards)
    (before,) = app.get("/api/gm/displays/")["displays"]
    page.clock.fast_forward(SILENCE_MS)
    until(lambda: 304 in relay.statuses, "the page's probe answered 304 Not Modified")
    assert "GET /api/active-view/" in relay.requests
    # A probe starts only once the last one ended (and reconnected, had it found the stream
    # stale): the next probe's answer means the first one's decision is made.
    page.clock.fast_forward(SILENCE_MS)
    until(lambda: relay.statuses.count(304) >= 2, "the page's next probe answered")
    (after,) = app.get("/api/gm/displays/")["displays"]
    assert after["connected_since"] == before["connected_since"], "the display reconnected"
    assert relay.requests.count("GET /api/active-view/stream/") == 1
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})  # and the stream still works
    expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)


def test_a_stream_that_died_silently_is_replaced_after_the_idle_limit(
    relayed: tuple[App, TcpRelay], browser: Any, guards: list[Guard]
) -> None:
    app, relay = relayed
    page = standby_on_clock(browser, app, relay, guards)
    body = page.locator("body")
    # The stream's connection stays open but delivers nothing more.
    assert relay.silence("GET /api/active-view/stream/") == 1
    app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
    until(lambda: b"BRIDGE" in relay.swallowed, "the silenced stream dropped the BRIDGE frame")
    assert body.get_attribute("data-view") == "STANDBY", "the silenced stream still delivered"
    page.clock.fast_forward(SILENCE_MS)
    expect(body).to_have_attribute("data-view", "BRIDGE", timeout=WAIT_MS)
    assert relay.requests.count("GET /api/active-view/stream/") == 2
