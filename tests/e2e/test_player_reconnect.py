"""The display survives the GM machine's app going away: a banner while it is gone, and the
current state as soon as it is back on the same port with the same state file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.player_fixtures import (
    App,
    Guard,
    open_page,
)

pytestmark = pytest.mark.e2e
LONG_MS = 30_000


def test_banner_while_the_server_is_gone_and_recovery_after_restart(
    tmp_path: Path, browser: Any, guards: list[Guard]
) -> None:
    app = App(tmp_path / "s.sqlite3").start()
    try:
        app.gm("/api/gm/switch-view/", {"view_type": "STANDBY"})
        page = open_page(browser, app, guards=guards)
        expect(page.locator("body")).to_have_attribute("data-view", "STANDBY", timeout=LONG_MS)
        banner = page.locator("#conn-banner")
        expect(banner).to_be_hidden()
        assert app.stop() == 0
        expect(banner).to_be_visible(timeout=LONG_MS)
        restarted = App(app.state, port=app.port).start()
        app = restarted
        app.gm("/api/gm/switch-view/", {"view_type": "BRIDGE"})
        expect(page.locator("body")).to_have_attribute("data-view", "BRIDGE", timeout=LONG_MS)
        expect(banner).to_be_hidden(timeout=LONG_MS)
    finally:
        app.stop()
