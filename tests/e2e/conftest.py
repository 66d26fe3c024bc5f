"""The end-to-end fixtures: a headless Chromium, the app in a subprocess, the pages' guards."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.player_fixtures import CHROMIUM_ARGS, App, Guard


@pytest.fixture(name="browser", scope="module")
def browser_fixture() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(name="app", scope="module")
def app_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = App(tmp_path_factory.mktemp("app") / "s.sqlite3").start()
    yield running
    running.stop()


@pytest.fixture(name="guards")
def guards_fixture() -> Iterator[list[Guard]]:
    """The pages' request guards; the test fails if any page reached for another host."""
    found: list[Guard] = []
    yield found
    for guard in found:
        guard.context.close()  # an open display keeps animating and costs the next tests CPU
    foreign = [url for guard in found for url in guard.foreign]
    assert foreign == [], f"requests to other hosts: {foreign}"
    errors = [error for guard in found for error in guard.errors]
    assert errors == [], f"script errors on the player page: {errors}"
